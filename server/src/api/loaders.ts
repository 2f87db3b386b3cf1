import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  Activity,
  MonthlyReport,
  RealisationEntry,
} from '../modules/activities/activity.entity.js';
import { ActivityStatus } from '../modules/activities/activities.enums.js';
import { EnrolmentStatus } from '../modules/development/development.enums.js';
import { Training } from '../modules/development/development.entity.js';
import { Employee } from '../modules/directory/employee.entity.js';
import {
  Appeal,
  AppraisalHistory,
  SelfAssessment,
} from '../modules/evaluation/evaluation.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';
import { indicatorColumns, type IndicatorRecord } from '../modules/planning/indicator.records.js';
import {
  employeeColumns,
  type EmployeeRecord,
  orgUnitColumns,
  type OrgUnitRecord,
} from '../modules/directory/directory.records.js';
import { preparedRows } from '../db/prepared.js';
import { jsonRecordsById, uuidArray } from '../db/records.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { Period } from '../modules/planning/period.entity.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from '../modules/planning/plan.entity.js';

/** Approved output of one IKI on one day. */
export interface DailyOutput {
  date: string;
  output: number;
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * A DataLoader that also answers synchronously for keys it already holds (loaded or primed), so
 * that a field whose value is at hand returns it without a promise: graphql-js then completes
 * the row synchronously, which is most of the cost of a long list.
 */
export class RecordLoader<V> extends DataLoader<string, V | null> {
  private readonly known = new Map<string, V | null>();

  constructor(load: (ids: readonly string[]) => Promise<(V | null)[]>, batch: boolean) {
    super(
      async (ids) => {
        const values = await load(ids);
        ids.forEach((id, i) => this.known.set(id, values[i]));
        return values;
      },
      { batch },
    );
  }

  /** The value for `id` when already loaded (null: loaded, and there is none); else undefined. */
  peek(id: string): V | null | undefined {
    return this.known.get(id);
  }

  /** The value at once when held, else a promise of it. */
  get(id: string): V | null | Promise<V | null> {
    const held = this.known.get(id);
    return held !== undefined ? held : this.load(id);
  }

  override prime(id: string, value: V | null | Error | PromiseLike<V | null>): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.known.has(id)) {
      this.known.set(id, value);
    }
    return super.prime(id, value as V | null);
  }

  override clear(id: string): this {
    this.known.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export interface LoaderOptions {
  /** Batch the loads of one tick into one statement (default). Off only to measure N+1. */
  batch?: boolean;
}

/**
 * Request-scoped batch loaders: every relation a list resolves goes through one of these, so a
 * nested list costs one SQL statement per relation, whatever its length.
 */
export function createLoaders(em: EntityManager, options: LoaderOptions = {}) {
  // With batching off each load is its own statement (N+1): only for measuring what batching buys.
  const batch = options.batch ?? true;
  const loader = <K, V>(load: DataLoader.BatchLoadFn<K, V>) =>
    new DataLoader<K, V>(load, { batch });
  /** Rows of `table` by id, as the records `columns` selects of them. */
  const records = <V extends { id: string }>(table: string, columns: (alias: string) => string) =>
    new RecordLoader<V>(async (ids) => {
      const [{ records: found }] = await preparedRows<{ records: V[] }>(
        em,
        `select ${jsonRecordsById(table, columns, '?::uuid[]')} as records`,
        [uuidArray(ids)],
      );
      return byId(found, ids);
    }, batch);
  return {
    /** Units as read-only records (never entities: nothing may modify or persist them). */
    orgUnit: records<OrgUnitRecord>('org_unit', orgUnitColumns),
    /** Employees as read-only records, like orgUnit. */
    employee: records<EmployeeRecord>('employee', employeeColumns),
    directReports: loader<string, Employee[]>(async (supervisorIds) =>
      groupBy(
        await em.find(
          Employee,
          { supervisor: { $in: [...supervisorIds] }, active: true },
          { orderBy: { name: 'asc', id: 'asc' } },
        ),
        supervisorIds,
        (e) => e.supervisor!.id,
      ),
    ),
    childUnits: loader<string, OrgUnit[]>(async (parentIds) =>
      groupBy(
        await em.find(OrgUnit, { parent: { $in: [...parentIds] } }, { orderBy: { code: 'asc' } }),
        parentIds,
        (u) => u.parent!.id,
      ),
    ),
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
    /** Approved outputs per IKI, summed per day: the basis of quantitative realisation. */
    approvedOutputs: loader<string, DailyOutput[]>(async (indicatorIds) => {
      const rows = await preparedRows<{ indicator_id: string; date: string; output: number }>(
        em,
        `select indicator_id, to_char(date, 'YYYY-MM-DD') as date, sum(output)::float8 as output
         from activity where indicator_id = any(?::uuid[]) and status = ?
         group by indicator_id, date`,
        [uuidArray(indicatorIds), ActivityStatus.APPROVED],
      );
      const map = new Map<string, DailyOutput[]>(indicatorIds.map((id) => [id, []]));
      for (const row of rows) {
        map.get(row.indicator_id)?.push({ date: row.date, output: Number(row.output) });
      }
      return indicatorIds.map((id) => map.get(id) ?? []);
    }),
    realisationEntries: loader<string, RealisationEntry[]>(async (indicatorIds) =>
      groupBy(
        await em.find(
          RealisationEntry,
          { indicator: { $in: [...indicatorIds] } },
          { orderBy: { checkpoint: 'asc' } },
        ),
        indicatorIds,
        (r) => r.indicator.id,
      ),
    ),
    activity: loader<string, Activity | null>(async (ids) =>
      byId(await em.find(Activity, { id: { $in: [...ids] } }), ids),
    ),
    monthlyReport: loader<string, MonthlyReport | null>(async (ids) =>
      byId(await em.find(MonthlyReport, { id: { $in: [...ids] } }), ids),
    ),
    /** Keyed `planId|checkpoint`. */
    selfAssessment: loader<string, SelfAssessment | null>(async (keys) => {
      const planIds = [...new Set(keys.map((k) => k.split('|')[0]))];
      const rows = await em.find(SelfAssessment, { plan: { $in: planIds } });
      const map = new Map(rows.map((r) => [`${r.plan.id}|${r.checkpoint}`, r]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    appraisalHistory: loader<string, AppraisalHistory[]>(async (ids) =>
      groupBy(
        await em.find(
          AppraisalHistory,
          { appraisal: { $in: [...ids] } },
          { orderBy: { changedAt: 'asc' } },
        ),
        ids,
        (h) => h.appraisal.id,
      ),
    ),
    appealOfAppraisal: loader<string, Appeal | null>(async (ids) => {
      const rows = await em.find(Appeal, { appraisal: { $in: [...ids] } });
      const map = new Map(rows.map((r) => [r.appraisal.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    repliesTo: loader<string, Feedback[]>(async (ids) =>
      groupBy(
        await em.find(Feedback, { replyTo: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }),
        ids,
        (f) => f.replyTo!.id,
      ),
    ),
    training: loader<string, Training | null>(async (ids) =>
      byId(await em.find(Training, { id: { $in: [...ids] } }), ids),
    ),
    /** Seats taken (enrolled or completed) per training. */
    trainingSeats: loader<string, number>(async (ids) => {
      const rows = await preparedRows<{ training_id: string; seats: number }>(
        em,
        `select training_id, count(*)::int as seats from enrolment
         where training_id = any(?::uuid[]) and status in (?, ?) group by training_id`,
        [uuidArray(ids), EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED],
      );
      const map = new Map(rows.map((r) => [r.training_id, Number(r.seats)]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  };
}

export type AllLoaders = ReturnType<typeof createLoaders>;

declare module '../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends AllLoaders {}
}
