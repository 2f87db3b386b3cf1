import type { BusEvent, EventBus } from './bus.js';

/**
 * The events `filter` accepts, as an async iterator: first those after `after` that were
 * already delivered (replayed from the table, in order), then live ones, with no gap and no
 * duplicate between the two. `onEach` runs before an event is handed on (to refresh state).
 */
export function eventStream(
  bus: EventBus,
  filter: (event: BusEvent) => boolean,
  after: string | null,
  onEach: () => void = () => {},
): AsyncIterableIterator<BusEvent> {
  const queue: BusEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const unsubscribe = bus.subscribe((event) => {
    if (!filter(event)) return;
    queue.push(event);
    wake?.();
  });
  // Live delivery is in id order (but for an event whose transaction committed late), so
  // everything up to this id is replayed, the rest is live; a late event both replayed and
  // delivered live is handed on once.
  const upto = bus.lastEventId;
  let backlog: BusEvent[] | null = after === null ? [] : null;
  const replayedIds = new Set<string>();

  const iterator: AsyncIterableIterator<BusEvent> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async next(): Promise<IteratorResult<BusEvent>> {
      if (backlog === null) {
        backlog =
          BigInt(after!) < BigInt(upto) ? (await bus.replay(after!, upto)).filter(filter) : [];
        for (const event of backlog) replayedIds.add(event.id);
      }
      const replayed = backlog.shift();
      if (replayed) {
        onEach();
        return { value: replayed, done: false };
      }
      for (;;) {
        while (queue.length === 0 && !done) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
        if (done) return { value: undefined, done: true };
        const event = queue.shift()!;
        if (replayedIds.has(event.id)) continue;
        onEach();
        return { value: event, done: false };
      }
    },
    async return(): Promise<IteratorResult<BusEvent>> {
      done = true;
      unsubscribe();
      wake?.();
      return { value: undefined, done: true };
    },
  };
  return iterator;
}

/**
 * At most one value every `intervalMs` however fast the source yields: after a source value,
 * waits, drops what else arrived meanwhile, then yields `compute()` once.
 */
export function coalesce<T>(
  source: AsyncIterableIterator<unknown>,
  intervalMs: number,
  compute: () => Promise<T>,
  initial: boolean,
): AsyncIterableIterator<T> {
  let first = initial;
  let pending: Promise<IteratorResult<unknown>> | null = null;
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async next(): Promise<IteratorResult<T>> {
      if (first) {
        first = false;
        return { value: await compute(), done: false };
      }
      const result = await (pending ?? source.next());
      pending = null;
      if (result.done) return { value: undefined, done: true };
      const deadline = Date.now() + intervalMs;
      // Swallow whatever else arrives within the interval.
      for (;;) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        const nextValue = source.next();
        const timedOut = Symbol('timeout');
        const raced = await Promise.race([
          nextValue,
          new Promise<typeof timedOut>((resolve) =>
            setTimeout(() => resolve(timedOut), remaining).unref(),
          ),
        ]);
        if (raced === timedOut) {
          pending = nextValue;
          break;
        }
        if ((raced as IteratorResult<unknown>).done) return { value: undefined, done: true };
      }
      return { value: await compute(), done: false };
    },
    async return(): Promise<IteratorResult<T>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
  };
  return iterator;
}
