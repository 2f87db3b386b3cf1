import { Arg, Field, ID, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { assertUnitPlansRead, requirePerson } from '../../access/policy.js';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { refreshPerEvent } from '../../realtime/fresh-context.js';
import { coalesce, eventStream } from '../../realtime/stream.js';
import { OrgUnit } from '../directory/index.js';
import { Distribution, toDistribution } from '../evaluation/index.js';
import { Period } from '../planning/index.js';
import { sharedUnitSummary, type UnitSummaryData } from './unit-dashboard.service.js';
import { unitDashboardReasons } from './unit-dashboard.reasons.js';

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

function toUnitSummary(data: UnitSummaryData): UnitSummary {
  return { ...data, distribution: data.distribution ? toDistribution(data.distribution) : null };
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
      if (!unit) throw unitDashboardReasons.unitNotFound({ id: String(args.orgUnitId) });
      const period = await ctx.em.findOne(Period, { id: args.periodId as string });
      if (!period) throw unitDashboardReasons.periodNotFound({ id: String(args.periodId) });
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
          refreshPerEvent(ctx);
          const fresh = await ctx.em.findOneOrFail(OrgUnit, { id: unit.id });
          return toUnitSummary(await sharedUnitSummary(ctx, fresh, period.id, ctx.bus.lastEventId));
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
