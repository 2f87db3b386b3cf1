import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatPosition, parsePosition, type EventPosition } from './position.js';
import { realtimeReasons } from './realtime.reasons.js';

/**
 * Reading the outbox by position, for the event bus and for the change feed of agency tools:
 * only events of transactions that have ended (see position.ts), so a reader never passes over
 * an event that commits later.
 */

/** Only events of transactions that have ended: nothing can appear below this any more. */
export const FINAL = 'tx < pg_snapshot_xmin(pg_current_snapshot())';

export type Query = <T extends object>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Raw SQL on `em`, inside its transaction when it is in one. */
export function queryOf(em: EntityManager): Query {
  return <T extends object>(sql: string, params: unknown[] = []) => em.execute<T[]>(sql, params);
}

/**
 * The position of the event `after` names (an id a subscriber or tool was handed). A reason error
 * for text that is no event id, and for an id of no event in the table — pruned (older than the
 * retention), or from before a restore — since resuming there would silently skip what is
 * missing: the reader must fetch again. A bare old-style id is placed by its row.
 */
export async function positionOf(query: Query, after: string): Promise<EventPosition> {
  const parsed = parsePosition(after);
  if (parsed === null) throw realtimeReasons.badPosition();
  const rows =
    'legacyId' in parsed
      ? await query<{ tx: string; id: string }>(
          'select tx::text as tx, id::text as id from event where id = ?::bigint',
          [parsed.legacyId.toString()],
        )
      : await query<{ tx: string; id: string }>(
          'select tx::text as tx, id::text as id from event where id = ?::bigint and tx = ?::xid8',
          [parsed.id.toString(), parsed.tx.toString()],
        );
  if (!rows[0]) throw realtimeReasons.unknownPosition({ after });
  return { tx: BigInt(rows[0].tx), id: BigInt(rows[0].id) };
}

/** The newest final event's position, or null when there is none. */
export async function newestPosition(query: Query): Promise<EventPosition | null> {
  const rows = await query<{ id: string; tx: string }>(
    `select id::text as id, tx::text as tx from event where ${FINAL}
     order by tx desc, id desc limit 1`,
  );
  return rows[0] ? { tx: BigInt(rows[0].tx), id: BigInt(rows[0].id) } : null;
}

/** An event of the outbox, as listeners, subscribers and the change feed get it. */
export interface BusEvent {
  /** The event's position as text (`formatPosition`): what subscribers resume after. */
  id: string;
  position: EventPosition;
  type: string;
  subjectType: string;
  subjectId: string;
  ownerIds: string[];
  reviewerIds: string[];
  opdIds: string[];
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface EventRecord {
  id: string;
  tx: string;
  type: string;
  subject_type: string;
  subject_id: string;
  owner_ids: string[];
  reviewer_ids: string[];
  opd_ids: string[];
  data: Record<string, unknown> | string;
  created_at: Date | string;
}

export function toBusEvent(row: EventRecord): BusEvent {
  const position = { tx: BigInt(row.tx), id: BigInt(row.id) };
  return {
    id: formatPosition(position),
    position,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    ownerIds: row.owner_ids,
    reviewerIds: row.reviewer_ids,
    opdIds: row.opd_ids,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    createdAt: new Date(row.created_at),
  };
}

export const COLUMNS = `id::text as id, tx::text as tx, type, subject_type, subject_id, owner_ids,
  reviewer_ids, opd_ids, data, created_at`;

export interface FeedPage {
  events: BusEvent[];
  /** Where to go on from: the last event's position, or the newest final one when fewer came. */
  endPosition: string | null;
  hasMore: boolean;
}

/**
 * Up to `limit` final events after `after` (null: from the oldest kept) of one of `types` and,
 * when `opdIds` is given, that belong to one of those OPDs — in one snapshot, so the end position
 * is consistent with what was read.
 */
export async function readFeed(
  em: EntityManager,
  options: {
    after: EventPosition | null;
    limit: number;
    types: string[];
    opdIds: string[] | null;
  },
): Promise<FeedPage> {
  return em.transactional(
    async (tx) => {
      const query = queryOf(tx);
      const after = options.after ?? { tx: 0n, id: 0n };
      const rows = await query<EventRecord>(
        `select ${COLUMNS}
           from event
          where (tx, id) > (?::xid8, ?::bigint) and ${FINAL}
            and type in (select jsonb_array_elements_text(?::jsonb))
            ${options.opdIds ? 'and opd_ids && array(select jsonb_array_elements_text(?::jsonb))' : ''}
          order by tx, id limit ?::int`,
        [
          after.tx.toString(),
          after.id.toString(),
          // As JSON: the driver would spread an array into a list of parameters.
          JSON.stringify(options.types),
          ...(options.opdIds ? [JSON.stringify(options.opdIds)] : []),
          options.limit + 1,
        ],
      );
      const hasMore = rows.length > options.limit;
      const events = rows.slice(0, options.limit).map(toBusEvent);
      let endPosition = events.at(-1)?.id ?? null;
      if (!hasMore) {
        // Nothing else matched up to the newest final event: the next read starts there.
        const newest = await newestPosition(query);
        if (newest) endPosition = formatPosition(newest);
      }
      return { events, endPosition, hasMore };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
