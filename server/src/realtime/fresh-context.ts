import type { Context } from '../access/context.js';

/**
 * Gives a long-lived subscription fresh state for each event (no stale cached entities). The
 * EntityManager and loaders are made on first use: an event whose selection reads nothing from
 * the database (most myPerformance payloads) costs no fork, which matters at 10,000 subscribers.
 */
export function refreshPerEvent(ctx: Context): void {
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
      get: () => (loaders ??= ctx.loadersFor(ctx.em)),
      set: (value: Context['loaders']) => {
        loaders = value;
      },
    },
  });
}
