import { groupBy, type LoaderKit } from '../../db/loaders.js';
import { Appeal, AppraisalHistory, SelfAssessment } from './evaluation.entity.js';

/** Evaluation's request-scoped loaders. */
export function evaluationLoaders({ em, loader }: LoaderKit) {
  return {
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
  };
}

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof evaluationLoaders> {}
}
