import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../access/context.js';
import { notFound } from '../kernel/errors.js';
import { createLoaders } from '../api/loaders.js';
import { DateTimeScalar } from '../kernel/scalars.js';
import { assertUnitPlansRead, requirePerson } from '../access/policy.js';
import { Activity, MonthlyReport } from '../modules/activities/activity.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';
import { distributionOf } from '../modules/evaluation/distribution.service.js';
import { Appeal, Appraisal, PeerFeedbackRequest } from '../modules/evaluation/evaluation.entity.js';
import { Distribution, toDistribution } from '../modules/evaluation/evaluation.resolver.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { Period } from '../modules/planning/period.entity.js';
import { todayInDenpasar } from '../modules/planning/period.service.js';
import { PerformancePlan } from '../modules/planning/plan.entity.js';
import { PlanStatus } from '../modules/planning/planning.enums.js';
import {
  dueCheckpoint,
  queueTotal,
  reviewQueue,
} from '../modules/review-queue/review-queue.service.js';
import type { BusEvent } from './bus.js';
import { coalesce, eventStream } from './stream.js';

@ObjectType({
  description: 'Something changed in your own performance; resume with its id as after',
})
export class PerformanceEvent {
  @Field(() => ID, { description: 'Monotonic; pass the last one you saw as after to resume' })
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

@ObjectType({ description: 'Counts of your review queue' })
export class ReviewQueueCounts {
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

  @Field(() => Int)
  peerFeedbackRequests!: number;

  @Field(() => Int)
  appealsToDecide!: number;
}

@ObjectType({ description: 'Your review queue changed' })
export class ReviewQueueEvent {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => ReviewQueueCounts)
  counts!: ReviewQueueCounts;
}

@ObjectType({ description: 'Plans of a unit by status' })
export class PlanCounts {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  draft!: number;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  revisionRequested!: number;

  @Field(() => Int)
  approved!: number;
}

@ObjectType({ description: 'A fresh summary of a unit (with its sub-units)' })
export class UnitSummary {
  @Field(() => OrgUnit)
  orgUnit!: OrgUnit;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => ID, { description: 'The newest event reflected' })
  lastEventId!: string;

  @Field(() => PlanCounts)
  plans!: PlanCounts;

  @Field(() => Int)
  activitiesAwaitingReview!: number;

  @Field(() => Int, { description: 'Approved activities in the last 30 days' })
  activitiesApprovedLast30Days!: number;

  @Field(() => Distribution, { nullable: true, description: 'For the checkpoint due now' })
  distribution!: Distribution | null;
}

/**
 * Gives a long-lived subscription fresh state for each event (no stale cached entities). The
 * EntityManager and loaders are made on first use: an event whose selection reads nothing from
 * the database (most myPerformance payloads) costs no fork, which matters at 10,000 subscribers.
 */
function refresh(ctx: Context): void {
  let em: Context['em'] | null = null;
  let loaders: Context['loaders'] | null = null;
  Object.defineProperties(ctx, {
    em: {
      configurable: true,
      enumerable: true,
      get: () => (em ??= ctx.freshEm()),
      set: (value: Context['em']) => {
        em = value;
      },
    },
    loaders: {
      configurable: true,
      enumerable: true,
      get: () => (loaders ??= createLoaders(ctx.em, { batch: ctx.config.dataLoaderBatching })),
      set: (value: Context['loaders']) => {
        loaders = value;
      },
    },
  });
}

export async function unitSummary(
  ctx: Context,
  unit: OrgUnit,
  periodId: string,
): Promise<UnitSummary> {
  const em = ctx.em;
  const lastEventId = ctx.bus.lastEventId;
  const period = await em.findOneOrFail(Period, { id: periodId });
  // The unit's own units first (an initplan array), then their plans through the
  // (org_unit_id, period_id) index: joining on the path made PostgreSQL scan every plan.
  const unitsUnder = 'any(array(select id from org_unit where path like ?))';
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const [planRows, [activityCounts]] = await Promise.all([
    em.execute<{ status: PlanStatus; n: number }[]>(
      `select p.status, count(*)::int as n from performance_plan p
        where p.period_id = ? and p.org_unit_id = ${unitsUnder} group by p.status`,
      [periodId, `${unit.path}%`],
    ),
    em.execute<{ pending: number; approved: number }[]>(
      `select count(*) filter (where a.status = 'SUBMITTED')::int as pending,
              count(*) filter (where a.status = 'APPROVED' and a.date >= ?)::int as approved
         from performance_plan p join activity a on a.plan_id = p.id
        where p.period_id = ? and p.org_unit_id = ${unitsUnder}
          and a.status in ('SUBMITTED', 'APPROVED')`,
      [since, periodId, `${unit.path}%`],
    ),
  ]);
  const pending = activityCounts?.pending ?? 0;
  const approved = activityCounts?.approved ?? 0;
  const count = (s: PlanStatus) => planRows.find((r) => r.status === s)?.n ?? 0;
  const due = dueCheckpoint(period, todayInDenpasar(ctx.config.clock()));
  return {
    orgUnit: unit,
    at: new Date(),
    lastEventId,
    plans: {
      total: planRows.reduce((sum, r) => sum + r.n, 0),
      draft: count(PlanStatus.DRAFT),
      submitted: count(PlanStatus.SUBMITTED),
      revisionRequested: count(PlanStatus.REVISION_REQUESTED),
      approved: count(PlanStatus.APPROVED),
    },
    activitiesAwaitingReview: pending,
    activitiesApprovedLast30Days: approved,
    distribution: due ? toDistribution(await distributionOf(em, unit, periodId, due)) : null,
  };
}

/**
 * Summaries shared by every subscriber of the same unit: one change wakes them all within the
 * same coalescing window, and the summary does not depend on who watches (access is checked
 * when subscribing), so it is computed once per unit per window instead of once per socket.
 */
const SHARED_SUMMARY_MS = 200;
const sharedSummaries = new Map<string, { at: number; value: Promise<UnitSummary> }>();

function sharedUnitSummary(ctx: Context, unit: OrgUnit, periodId: string): Promise<UnitSummary> {
  const key = `${unit.id}|${periodId}|${ctx.bus.lastEventId}`;
  const hit = sharedSummaries.get(key);
  if (hit && Date.now() - hit.at < SHARED_SUMMARY_MS) return hit.value;
  for (const [k, entry] of sharedSummaries) {
    if (Date.now() - entry.at >= SHARED_SUMMARY_MS) sharedSummaries.delete(k);
  }
  const value = unitSummary(ctx, unit, periodId);
  sharedSummaries.set(key, { at: Date.now(), value });
  value.catch(() => sharedSummaries.delete(key));
  return value;
}

@Resolver(() => PerformanceEvent)
export class PerformanceEventResolver {
  @Subscription(() => PerformanceEvent, {
    description:
      'Your own plan, activities, feedback, appraisals, appeals and 360 requests, as they change',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requirePerson(ctx.viewer, 'subscribe');
      return eventStream(
        ctx.bus,
        (e) => e.ownerIds.includes(viewer.employeeId),
        (args.after as string | null) ?? null,
        () => refresh(ctx),
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

@Resolver(() => ReviewQueueEvent)
export class ReviewQueueEventResolver {
  @Subscription(() => ReviewQueueEvent, {
    name: 'reviewQueue',
    description: 'Changes to your review queue as assessor, with the new counts',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requirePerson(ctx.viewer, 'subscribe');
      return eventStream(
        ctx.bus,
        (e) => e.reviewerIds.includes(viewer.employeeId),
        (args.after as string | null) ?? null,
        () => refresh(ctx),
      );
    },
  })
  async reviewQueueChanged(
    @Root() event: BusEvent,
    @Ctx() ctx: Context,
    @Arg('after', () => ID, { nullable: true }) _after?: string | null,
  ): Promise<ReviewQueueEvent> {
    const q = await reviewQueue(ctx);
    return {
      id: event.id,
      type: event.type,
      at: event.createdAt,
      counts: {
        total: queueTotal(q),
        plansAwaitingApproval: q.plans,
        activitiesAwaitingReview: q.activities,
        monthlyReportsAwaitingVerification: q.monthlyReports,
        appraisalsToComplete: q.appraisals,
        peerFeedbackRequests: q.peerRequests.length,
        appealsToDecide: q.appeals.length,
      },
    };
  }
}

@Resolver(() => UnitSummary)
export class UnitDashboardResolver {
  @Subscription(() => UnitSummary, {
    description:
      'A fresh summary of a unit at once and whenever it changes (at most about four a second)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requirePerson(ctx.viewer, 'subscribe');
      const unit = await ctx.em.findOne(OrgUnit, { id: args.orgUnitId as string });
      if (!unit) throw notFound(`No organisation unit has id ${String(args.orgUnitId)}.`);
      const period = await ctx.em.findOne(Period, { id: args.periodId as string });
      if (!period) throw notFound(`No period has id ${String(args.periodId)}.`);
      const me = await ctx.loaders.employee.load(viewer.employeeId);
      const myUnit = me ? await ctx.loaders.orgUnit.load(me.orgUnit.id) : null;
      const opdId = unit.opd?.id ?? unit.id;
      assertUnitPlansRead(ctx.viewer, {
        opdId,
        name: unit.name,
        containsViewer: Boolean(
          myUnit && (myUnit.path.startsWith(unit.path) || unit.path.startsWith(myUnit.path)),
        ),
      });
      const events = eventStream(ctx.bus, (e) => e.opdIds.includes(opdId), null);
      return coalesce(
        events,
        250,
        async () => {
          refresh(ctx);
          const fresh = await ctx.em.findOneOrFail(OrgUnit, { id: unit.id });
          return sharedUnitSummary(ctx, fresh, period.id);
        },
        true,
      );
    },
  })
  unitDashboard(
    @Root() summary: UnitSummary,
    @Arg('orgUnitId', () => ID) _orgUnitId: string,
    @Arg('periodId', () => ID) _periodId: string,
  ): UnitSummary {
    return summary;
  }
}
