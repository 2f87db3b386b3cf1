import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { requirePerson } from '../../access/policy.js';
import { DateTimeScalar } from '../../kernel/scalars.js';
import type { BusEvent } from '../../realtime/bus.js';
import { refreshPerEvent } from '../../realtime/fresh-context.js';
import { eventStream, resumeFrom } from '../../realtime/stream.js';
import { Activity, MonthlyReport } from '../activities/index.js';
import { Appeal, Appraisal, PeerFeedbackRequest } from '../evaluation/index.js';
import { Feedback } from '../feedback/index.js';
import { PerformancePlan } from '../planning/index.js';

@ObjectType({
  description: 'Something changed in your own performance; resume with its id as after',
})
export class PerformanceEvent {
  @Field(() => ID, {
    description:
      'Its place in the stream (opaque, ordered); pass the last one you saw as after to resume',
  })
  id!: string;

  @Field({ description: 'e.g. plan.approve, activity.approve, feedback.give, appraisal.finalise' })
  type!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field()
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  data!: Record<string, unknown>;
}

@Resolver(() => PerformanceEvent)
export class PerformanceEventResolver {
  @Subscription(() => PerformanceEvent, {
    description:
      'Your own plan, activities, feedback, appraisals, appeals and 360 requests, as they change',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requirePerson(ctx.viewer, 'subscribe');
      const after = await resumeFrom(ctx.bus, args.after as string | null | undefined);
      return eventStream(
        ctx.bus,
        (e) => e.ownerIds.includes(viewer.employeeId),
        after,
        () => refreshPerEvent(ctx),
      );
    },
  })
  myPerformance(
    @Root() event: BusEvent,
    @Arg('after', () => ID, { nullable: true, description: 'Resume after this event id' })
    _after?: string | null,
  ): PerformanceEvent {
    return {
      id: event.id,
      type: event.type,
      at: event.createdAt,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: event.data,
    };
  }

  @FieldResolver(() => PerformancePlan, { nullable: true })
  async plan(@Root() e: PerformanceEvent, @Ctx() ctx: Context): Promise<PerformancePlan | null> {
    return typeof e.data.planId === 'string' ? ctx.loaders.plan.load(e.data.planId) : null;
  }

  @FieldResolver(() => Activity, { nullable: true })
  async activity(@Root() e: PerformanceEvent, @Ctx() ctx: Context): Promise<Activity | null> {
    return typeof e.data.activityId === 'string'
      ? ctx.loaders.activity.load(e.data.activityId)
      : null;
  }

  @FieldResolver(() => MonthlyReport, { nullable: true })
  async monthlyReport(
    @Root() e: PerformanceEvent,
    @Ctx() ctx: Context,
  ): Promise<MonthlyReport | null> {
    return typeof e.data.reportId === 'string'
      ? ctx.loaders.monthlyReport.load(e.data.reportId)
      : null;
  }

  @FieldResolver(() => Feedback, { nullable: true })
  async feedback(@Root() e: PerformanceEvent, @Ctx() ctx: Context): Promise<Feedback | null> {
    return typeof e.data.feedbackId === 'string'
      ? ctx.em.findOne(Feedback, { id: e.data.feedbackId })
      : null;
  }

  @FieldResolver(() => Appraisal, { nullable: true })
  async appraisal(@Root() e: PerformanceEvent, @Ctx() ctx: Context): Promise<Appraisal | null> {
    return typeof e.data.appraisalId === 'string'
      ? ctx.em.findOne(Appraisal, { id: e.data.appraisalId })
      : null;
  }

  @FieldResolver(() => Appeal, { nullable: true })
  async appeal(@Root() e: PerformanceEvent, @Ctx() ctx: Context): Promise<Appeal | null> {
    return typeof e.data.appealId === 'string'
      ? ctx.em.findOne(Appeal, { id: e.data.appealId })
      : null;
  }

  @FieldResolver(() => PeerFeedbackRequest, {
    nullable: true,
    description: 'A 360 request for you to answer',
  })
  async peerFeedbackRequest(
    @Root() e: PerformanceEvent,
    @Ctx() ctx: Context,
  ): Promise<PeerFeedbackRequest | null> {
    return typeof e.data.requestId === 'string'
      ? ctx.em.findOne(PeerFeedbackRequest, { id: e.data.requestId })
      : null;
  }
}
