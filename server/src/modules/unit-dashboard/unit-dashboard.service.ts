import { todayInDenpasar } from '../../kernel/calendar.js';
import type { Scope } from '../../kernel/scope.js';
import type { OrgUnit } from '../directory/index.js';
import { distributionOf, type DistributionData } from '../evaluation/index.js';
import { Period, PlanStatus } from '../planning/index.js';
import { dueCheckpoint } from '../review-queue/index.js';

export interface PlanCountsData {
  total: number;
  draft: number;
  submitted: number;
  revisionRequested: number;
  approved: number;
}

/** A unit's summary (with its sub-units) as of the newest event `lastEventId`. */
export interface UnitSummaryData {
  orgUnit: OrgUnit;
  at: Date;
  lastEventId: string;
  plans: PlanCountsData;
  activitiesAwaitingReview: number;
  activitiesApprovedLast30Days: number;
  /** For the checkpoint due now; null when none is. */
  distribution: DistributionData | null;
}

/**
 * Counts a unit's plans by status, its waiting and recently approved activities, and the
 * distribution of the checkpoint due now. Access is the caller's to check (it is checked once
 * when a dashboard subscribes).
 */
export async function unitSummary(
  scope: Scope,
  unit: OrgUnit,
  periodId: string,
  lastEventId: string,
): Promise<UnitSummaryData> {
  const em = scope.em;
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
  const due = dueCheckpoint(period, todayInDenpasar(scope.config.clock()));
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
    distribution: due ? await distributionOf(em, unit, periodId, due) : null,
  };
}

/**
 * Summaries shared by every subscriber of the same unit: one change wakes them all within the
 * same coalescing window, and the summary does not depend on who watches (access is checked
 * when subscribing), so it is computed once per unit per window instead of once per socket.
 */
const SHARED_SUMMARY_MS = 200;
const sharedSummaries = new Map<string, { at: number; value: Promise<UnitSummaryData> }>();

export function sharedUnitSummary(
  scope: Scope,
  unit: OrgUnit,
  periodId: string,
  lastEventId: string,
): Promise<UnitSummaryData> {
  const key = `${unit.id}|${periodId}|${lastEventId}`;
  const hit = sharedSummaries.get(key);
  if (hit && Date.now() - hit.at < SHARED_SUMMARY_MS) return hit.value;
  for (const [k, entry] of sharedSummaries) {
    if (Date.now() - entry.at >= SHARED_SUMMARY_MS) sharedSummaries.delete(k);
  }
  const value = unitSummary(scope, unit, periodId, lastEventId);
  sharedSummaries.set(key, { at: Date.now(), value });
  value.catch(() => sharedSummaries.delete(key));
  return value;
}
