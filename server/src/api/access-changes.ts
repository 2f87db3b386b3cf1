import type { CommitHook, EventBus } from '../realtime/bus.js';
import { takeAccessEvents } from '../realtime/outbox.js';
import { accessChangeOf, ViewerCache } from '../modules/auth/index.js';

/**
 * Who is behind each token, for a few seconds; access changes make it forget at once: this
 * process's when their transaction commits, every instance's when the bus brings the event.
 * Returns the cache and a function that stops listening.
 */
export function watchAccessChanges(
  bus: EventBus,
  commitHook: CommitHook,
  sessionCacheSeconds: number,
): { viewers: ViewerCache; stop: () => void } {
  const viewers = new ViewerCache(sessionCacheSeconds * 1000);
  const forgetAccess = (events: { data?: Record<string, unknown> }[]) => {
    for (const event of events) viewers.forget(accessChangeOf(event.data ?? {}));
  };
  commitHook.onCommit = (em) => {
    forgetAccess(takeAccessEvents(em));
    bus.poke();
  };
  commitHook.onRollback = (em) => void takeAccessEvents(em);
  const stop = bus.subscribe((event) => {
    if (event.type.startsWith('access.')) forgetAccess([event]);
  });
  return { viewers, stop };
}
