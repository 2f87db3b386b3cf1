import { byId, type LoaderKit } from '../../db/loaders.js';
import { preparedRows } from '../../db/prepared.js';
import { uuidArray } from '../../db/records.js';
import { Training } from './development.entity.js';
import { EnrolmentStatus } from './development.enums.js';

/** Development's request-scoped loaders. */
export function developmentLoaders({ em, loader }: LoaderKit) {
  return {
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

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof developmentLoaders> {}
}
