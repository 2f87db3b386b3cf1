import type { BusEvent, EventBus } from './bus.js';
import { comparePositions, type EventPosition } from './position.js';

/**
 * Where a subscription that passed `after` resumes (null: live only). Async and separate from
 * {@link eventStream} so that a wrong `after` is refused when subscribing, as an error the client
 * is told, not by breaking the stream later.
 */
export async function resumeFrom(
  bus: EventBus,
  after: string | null | undefined,
): Promise<EventPosition | null> {
  return after == null ? null : bus.resumePosition(after);
}

/**
 * The events `filter` accepts, as an async iterator: first those after `after` that the bus had
 * already delivered when subscribing (replayed from the table, in pages, in order), then live
 * ones — strictly in position order, with no gap and no duplicate between the two, also when
 * `after` came from another instance that was ahead of this one. `onEach` runs before an event is
 * handed on (to refresh state).
 */
export function eventStream(
  bus: EventBus,
  filter: (event: BusEvent) => boolean,
  after: EventPosition | null,
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
  // The bus delivers in position order, so every event delivered from now on is after `upto`:
  // what lies between `after` and `upto` is replayed, the rest arrives live.
  const upto = bus.position;
  let replayFrom: EventPosition | null =
    after !== null && comparePositions(after, upto) < 0 ? after : null;
  let backlog: BusEvent[] = [];

  const iterator: AsyncIterableIterator<BusEvent> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async next(): Promise<IteratorResult<BusEvent>> {
      while (backlog.length === 0 && replayFrom !== null && !done) {
        const page = await bus.replay(replayFrom, upto);
        const last = page.at(-1);
        replayFrom = last ? last.position : null;
        backlog = page.filter(filter);
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
        // Live events at or before `after` were seen already (on an instance that was ahead).
        if (after !== null && comparePositions(event.position, after) <= 0) continue;
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
