import { byId, groupBy, type LoaderKit } from '../../db/loaders.js';
import { indicatorColumns, type IndicatorRecord } from './indicator.records.js';
import { Period } from './period.entity.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from './plan.entity.js';

/** Planning's request-scoped loaders: periods, plans and what they hold. */
export function planningLoaders({ em, loader, records }: LoaderKit) {
  return {
    period: loader<string, Period | null>(async (ids) =>
      byId(await em.find(Period, { id: { $in: [...ids] } }), ids),
    ),
    plan: loader<string, PerformancePlan | null>(async (ids) =>
      byId(await em.find(PerformancePlan, { id: { $in: [...ids] } }), ids),
    ),
    workResult: loader<string, WorkResult | null>(async (ids) =>
      byId(await em.find(WorkResult, { id: { $in: [...ids] } }), ids),
    ),
    /** IKI as read-only records, like orgUnit. */
    indicator: records<IndicatorRecord>('indicator', indicatorColumns),
    workResultsOfPlan: loader<string, WorkResult[]>(async (planIds) =>
      groupBy(
        await em.find(
          WorkResult,
          { plan: { $in: [...planIds] } },
          { orderBy: { position: 'asc', id: 'asc' } },
        ),
        planIds,
        (w) => w.plan.id,
      ),
    ),
    indicatorsOfWorkResult: loader<string, Indicator[]>(async (ids) =>
      groupBy(
        await em.find(
          Indicator,
          { workResult: { $in: [...ids] } },
          { orderBy: { position: 'asc', id: 'asc' } },
        ),
        ids,
        (i) => i.workResult.id,
      ),
    ),
    behaviourOfPlan: loader<string, BehaviourExpectation[]>(async (planIds) =>
      groupBy(
        await em.find(BehaviourExpectation, { plan: { $in: [...planIds] } }),
        planIds,
        (b) => b.plan.id,
      ),
    ),
    versionsOfPlan: loader<string, PlanVersion[]>(async (planIds) =>
      groupBy(
        await em.find(PlanVersion, { plan: { $in: [...planIds] } }, { orderBy: { number: 'asc' } }),
        planIds,
        (v) => v.plan.id,
      ),
    ),
  };
}

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof planningLoaders> {}
}
