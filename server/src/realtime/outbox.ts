import type { EntityManager } from '@mikro-orm/postgresql';
import { EventRow } from './event.entity.js';

export const EVENTS_CHANNEL = 'kinerja_events';

export interface EventInput {
  type: string;
  subjectType: string;
  subjectId: string;
  ownerIds?: (string | null | undefined)[];
  reviewerIds?: (string | null | undefined)[];
  opdIds?: (string | null | undefined)[];
  data?: Record<string, unknown>;
}

const clean = (ids: (string | null | undefined)[] | undefined): string[] => [
  ...new Set((ids ?? []).filter((id): id is string => Boolean(id))),
];

/** `access.*` events recorded through each EntityManager and not yet committed. */
const accessEvents = new WeakMap<object, EventInput[]>();

/**
 * The `access.*` events recorded through `em` since the last call, taken: the commit hook hands
 * them to the viewer cache the moment their transaction commits (and drops them on rollback).
 */
export function takeAccessEvents(em: object): EventInput[] {
  const events = accessEvents.get(em) ?? [];
  accessEvents.delete(em);
  return events;
}

/**
 * Adds an event to `em`'s unit of work (written by the same flush and transaction as the change)
 * and asks PostgreSQL to NOTIFY the other server instances, which it does only on commit.
 */
export async function recordEvent(em: EntityManager, input: EventInput): Promise<void> {
  em.create(EventRow, {
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    ownerIds: clean(input.ownerIds),
    reviewerIds: clean(input.reviewerIds),
    opdIds: clean(input.opdIds),
    data: input.data ?? {},
  });
  if (input.type.startsWith('access.')) {
    accessEvents.set(em, [...(accessEvents.get(em) ?? []), input]);
  }
  await em.execute(`select pg_notify('${EVENTS_CHANNEL}', '')`);
}
