import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Activity, MonthlyReport } from '../activities/activity.entity.js';
import { Employee } from '../directory/employee.entity.js';
import { AppraisalCheckpoint } from '../evaluation/evaluation.enums.js';
import {
  Appeal,
  AppealExplanation,
  Appraisal,
  PeerFeedbackRequest,
} from '../evaluation/evaluation.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import * as queue from './review-queue.service.js';

@ObjectType({ description: 'An appraisal you are to write (or finish)' })
export class AppraisalTodo {
  @Field(() => PerformancePlan)
  plan!: PerformancePlan;

  @Field(() => AppraisalCheckpoint)
  checkpoint!: AppraisalCheckpoint;

  @Field(() => Appraisal, { nullable: true, description: 'Your draft so far' })
  appraisal!: Appraisal | null;
}

@ObjectType({ description: 'What one person is waiting for from you' })
export class ReviewQueuePerson {
  employeeId!: string;

  @Field(() => [AppraisalTodo], { description: 'Appraisals due for the current checkpoint' })
  appraisalsToComplete!: AppraisalTodo[];

  @Field(() => [PerformancePlan])
  plansAwaitingApproval!: PerformancePlan[];

  @Field(() => [Activity], { description: 'Oldest first; see activityCount for all of them' })
  activitiesAwaitingReview!: Activity[];

  @Field(() => Int)
  activityCount!: number;

  @Field(() => [MonthlyReport])
  monthlyReportsAwaitingVerification!: MonthlyReport[];

  @Field(() => Int, { description: 'Items waiting in all' })
  count!: number;

  @Field(() => DateTimeScalar)
  oldestWaitingSince!: Date;
}

@ObjectType({ description: 'Everything waiting for you as assessor' })
export class ReviewQueue {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  plansAwaitingApproval!: number;

  @Field(() => Int)
  activitiesAwaitingReview!: number;

  @Field(() => Int)
  monthlyReportsAwaitingVerification!: number;

  @Field(() => Int)
  appraisalsToComplete!: number;

  @Field(() => AppraisalCheckpoint, {
    nullable: true,
    description: 'The checkpoint appraisals are due for now',
  })
  dueCheckpoint!: AppraisalCheckpoint | null;

  @Field(() => [PeerFeedbackRequest], { description: '360 requests for you to answer' })
  peerFeedbackRequests!: PeerFeedbackRequest[];

  @Field(() => [Appeal], { description: 'Appeals for you to decide, oldest first' })
  appealsToDecide!: Appeal[];

  @Field(() => [AppealExplanation], { description: 'Explanations asked of you about appeals' })
  explanationsRequested!: AppealExplanation[];

  @Field(() => [ReviewQueuePerson], { description: 'Grouped by person, the longest waiting first' })
  people!: ReviewQueuePerson[];
}

@Resolver(() => ReviewQueuePerson)
export class ReviewQueueResolver {
  @Query(() => ReviewQueue, {
    description: 'Plans, activities and monthly reports waiting for you',
  })
  async reviewQueue(
    @Ctx() ctx: Context,
    @Arg('activitiesPerPerson', () => Int, { nullable: true, defaultValue: 50 })
    activitiesPerPerson: number,
  ): Promise<ReviewQueue> {
    const q = await queue.reviewQueue(ctx, activitiesPerPerson);
    return {
      total: queue.queueTotal(q),
      appraisalsToComplete: q.appraisals,
      dueCheckpoint: q.dueCheckpoint,
      peerFeedbackRequests: q.peerRequests,
      appealsToDecide: q.appeals,
      explanationsRequested: q.explanations,
      plansAwaitingApproval: q.plans,
      activitiesAwaitingReview: q.activities,
      monthlyReportsAwaitingVerification: q.monthlyReports,
      people: q.people.map((p) => ({
        employeeId: p.employeeId,
        appraisalsToComplete: p.appraisals,
        plansAwaitingApproval: p.plans,
        activitiesAwaitingReview: p.activities,
        activityCount: p.activityCount,
        monthlyReportsAwaitingVerification: p.monthlyReports,
        count: p.appraisals.length + p.plans.length + p.activityCount + p.monthlyReports.length,
        oldestWaitingSince: p.oldestWaitingSince,
      })),
    };
  }

  @FieldResolver(() => Employee)
  async employee(@Root() person: ReviewQueuePerson, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.employee.load(person.employeeId))!;
  }
}
