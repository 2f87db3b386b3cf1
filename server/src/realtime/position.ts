/**
 * Where an event stands in the stream, and so where a subscriber resumes.
 *
 * Event ids come from a sequence when the row is inserted, but rows become visible when their
 * transaction commits, and transactions commit in another order than they insert: a reader that
 * has passed id 12 never sees id 11 committed a moment later. So an event's position is
 * (`tx`, `id`) — the writing transaction's id (`xid8`, handed out in order as transactions first
 * write) and then the row id — and readers only ever read below the oldest transaction still in
 * flight (`pg_snapshot_xmin(pg_current_snapshot())`): every transaction below it has ended, and
 * every transaction yet to write gets a higher id, so the events below it are final and no event
 * can ever appear before a position already read. Delivery and replay are strictly ordered by it.
 *
 * The position travels as an opaque string `"<tx>-<id>"`.
 */
export interface EventPosition {
  tx: bigint;
  id: bigint;
}

export const START: EventPosition = { tx: 0n, id: 0n };

export function formatPosition(position: EventPosition): string {
  return `${position.tx}-${position.id}`;
}

const POSITION = /^(\d{1,20})-(\d{1,20})$/;
const LEGACY_ID = /^\d{1,20}$/;
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * The position in `text`; `{ legacyId }` for a bare event id (what subscribers were handed
 * before positions, placed by looking the event up); null when it is neither.
 */
export function parsePosition(text: string): EventPosition | { legacyId: bigint } | null {
  const match = POSITION.exec(text);
  if (match) {
    const position = { tx: BigInt(match[1]), id: BigInt(match[2]) };
    return position.tx <= MAX_XID8 && position.id <= MAX_BIGINT ? position : null;
  }
  if (LEGACY_ID.test(text) && BigInt(text) <= MAX_BIGINT) return { legacyId: BigInt(text) };
  return null;
}

/** Negative, zero or positive as `a` comes before, at or after `b`. */
export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
