import { byId, groupBy, type LoaderKit } from '../../db/loaders.js';
import { preparedRows } from '../../db/prepared.js';
import { uuidArray } from '../../db/records.js';
import { ActivityStatus } from './activities.enums.js';
import { Activity, MonthlyReport, RealisationEntry } from './activity.entity.js';

/** Approved output of one IKI on one day. */
export interface DailyOutput {
  date: string;
  output: number;
}

/** Activities' request-scoped loaders: activities, monthly reports, realisation. */
export function activitiesLoaders({ em, loader }: LoaderKit) {
  return {
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
  };
}

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof activitiesLoaders> {}
}
