import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { type Connection, pageOfList, withNodes } from '../../kernel/pagination.js';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { onlyIdIn, selectedFields } from '../../kernel/selection.js';
import { Activity, type ActivityRecord, MonthlyReport } from '../activities/index.js';
import { Employee, type EmployeeRecord } from '../directory/index.js';
import {
  Appeal,
  AppealExplanation,
  Appraisal,
  AppraisalCheckpoint,
  PeerFeedbackRequest,
} from '../evaluation/index.js';
import { PerformancePlan, type PlanRecord } from '../planning/index.js';
import * as queue from './review-queue.service.js';
import type { QueueTotals } from './review-queue.service.js';

@ObjectType({ description: 'An appraisal you are to write (or finish)' })
export class AppraisalTodo {
  @Field(() => PerformancePlan)
  plan!: PlanRecord;

  @Field(() => AppraisalCheckpoint)
  checkpoint!: AppraisalCheckpoint;

  @Field(() => Appraisal, { nullable: true, description: 'Your draft so far' })
  appraisal!: Appraisal | null;
}

@ObjectType({ description: 'What one person is waiting for from you' })
export class ReviewQueuePerson {
  employeeId!: string;

  /** The person, when the page read only the fields asked of them (not in the loader). */
  employeeRecord?: EmployeeRecord;

  @Field(() => [AppraisalTodo], { description: 'Appraisals due for the current checkpoint' })
  appraisalsToComplete!: AppraisalTodo[];

  @Field(() => [PerformancePlan])
  plansAwaitingApproval!: PlanRecord[];

  @Field(() => [Activity], { description: 'Oldest first; see activityCount for all of them' })
  activitiesAwaitingReview!: ActivityRecord[];

  @Field(() => Int)
  activityCount!: number;

  @Field(() => [MonthlyReport])
  monthlyReportsAwaitingVerification!: MonthlyReport[];

  @Field(() => Int, { description: 'Items waiting in all' })
  count!: number;

  @Field(() => DateTimeScalar)
  oldestWaitingSince!: Date;
}

/**
 * The counts the query and the subscription both show (`queueTotals` computes them). Both types
 * extend it; no field returns it, so the schema has no type of this name.
 */
@ObjectType()
export abstract class ReviewQueueTotals implements QueueTotals {
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
}

@ObjectType({ description: 'Everything waiting for you as assessor' })
export class ReviewQueue extends ReviewQueueTotals {
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

  /** Counts and who is waiting; `people` loads the items of one page of them. */
  queue!: queue.Queue;

  activitiesPerPerson!: number;
}

const { ConnectionType: ReviewQueuePersonConnection } = connectionTypes(
  ReviewQueuePerson,
  'ReviewQueuePerson',
);

@Resolver(() => ReviewQueue)
export class ReviewQueueResolver {
  @Query(() => ReviewQueue, {
    description: 'Plans, activities and monthly reports waiting for you',
  })
  async reviewQueue(
    @Ctx() ctx: Context,
    @Arg('activitiesPerPerson', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'Activities listed per person (0–500), oldest first',
    })
    activitiesPerPerson: number,
  ): Promise<ReviewQueue> {
    const q = await queue.reviewQueue(ctx, { activitiesPerPerson });
    return {
      ...queue.queueTotals(q),
      dueCheckpoint: q.dueCheckpoint,
      peerFeedbackRequests: q.peerRequests,
      appealsToDecide: q.appeals,
      explanationsRequested: q.explanations,
      queue: q,
      activitiesPerPerson,
    };
  }

  @FieldResolver(() => ReviewQueuePersonConnection, {
    description: 'Grouped by person, the longest waiting first; a page of people at a time',
  })
  async people(
    @Root() root: ReviewQueue,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Info() info: GraphQLResolveInfo,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ReviewQueuePerson>> {
    const page = pageOfList(
      root.queue.people,
      { first, after },
      (p) => [String(p.oldestWaitingSince.getTime()), p.employeeId],
      ['number', 'text'],
    );
    // Only what the operation asks of the activities (the queue's largest part), the people and
    // the plans is read.
    const under = (...path: string[]) =>
      selectedFields(info, ['nodes', ...path], ['edges', 'node', ...path]);
    const people = await queue.queuePeople(ctx, root.queue, page.nodes, root.activitiesPerPerson, {
      activityFields: under('activitiesAwaitingReview'),
      indicators: !onlyIdIn(under('activitiesAwaitingReview', 'indicator')),
      employeeFields: under('employee'),
      submittedPlanFields: under('plansAwaitingApproval'),
      duePlanFields: under('appraisalsToComplete', 'plan'),
    });
    const nodes = people.map((p): ReviewQueuePerson => ({
      employeeId: p.employeeId,
      employeeRecord: p.employee,
      appraisalsToComplete: p.appraisalTodos,
      plansAwaitingApproval: p.planList,
      activitiesAwaitingReview: p.activityList,
      activityCount: p.activities,
      monthlyReportsAwaitingVerification: p.monthlyReportList,
      count: p.appraisals + p.plans + p.activities + p.monthlyReports,
      oldestWaitingSince: p.oldestWaitingSince,
    }));
    return withNodes(page, nodes);
  }
}

@Resolver(() => ReviewQueuePerson)
export class ReviewQueuePersonResolver {
  @FieldResolver(() => Employee)
  employee(
    // Not the class: type-graphql would copy each plain person into an instance of it first.
    @Root() person: Pick<ReviewQueuePerson, 'employeeId' | 'employeeRecord'>,
    @Ctx() ctx: Context,
  ): EmployeeRecord | Promise<EmployeeRecord> {
    // At once when the page brought it: on the person (the fields asked for), or primed into
    // the loader (the full record).
    return (
      person.employeeRecord ??
      (ctx.loaders.employee.get(person.employeeId) as EmployeeRecord | Promise<EmployeeRecord>)
    );
  }
}
