import type { EventSubscriber } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../db/orm.js';
import { AuditEntry } from '../realtime/audit-entry.entity.js';
import { EventRow } from '../realtime/event.entity.js';
import { FEATURES } from './features.js';

/** Every entity, listed (not discovered from files) so the compiled server needs no file scanning. */
export const entities = [AuditEntry, EventRow, ...FEATURES.flatMap((f) => f.entities)];

/** The ORM over every feature's entities. */
export function openKinerjaOrm(
  clientUrl: string,
  poolSize: number,
  subscribers: EventSubscriber[] = [],
): Promise<MikroORM> {
  return openOrm(clientUrl, poolSize, entities, subscribers);
}
