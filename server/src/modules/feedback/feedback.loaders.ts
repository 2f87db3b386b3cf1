import { groupBy, type LoaderKit } from '../../db/loaders.js';
import { Feedback } from './feedback.entity.js';

/** Feedback's request-scoped loaders. */
export function feedbackLoaders({ em, loader }: LoaderKit) {
  return {
    repliesTo: loader<string, Feedback[]>(async (ids) =>
      groupBy(
        await em.find(Feedback, { replyTo: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }),
        ids,
        (f) => f.replyTo!.id,
      ),
    ),
  };
}

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof feedbackLoaders> {}
}
