import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The outbox: every state change inserts one row in the same transaction, so a committed change
 * always has its event and a rolled-back one never does. An event's place in the stream is
 * (`tx`, `id`): see `position.ts` for why the id alone is not enough.
 */
@Entity({ tableName: 'event' })
@Index({ properties: ['createdAt'] })
@Index({ name: 'event_tx_id_index', properties: ['tx', 'id'] })
export class EventRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: Opt<string>;

  /** The writing transaction's id (PostgreSQL `xid8`), set by the database. */
  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()', type: 'string' })
  tx?: Opt<string>;

  @Property({ type: 'string', length: 60 })
  type!: string;

  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'string', length: 64 })
  subjectId!: string;

  /** People whose own performance it is about (their myPerformance stream). */
  @Property({ type: 'text[]' })
  ownerIds: Opt<string[]> = [];

  /** People whose review queue it changes (assessor, decider, respondent). */
  @Property({ type: 'text[]' })
  reviewerIds: Opt<string[]> = [];

  /** OPDs whose dashboards it changes. */
  @Property({ type: 'text[]' })
  opdIds: Opt<string[]> = [];

  /** Ids of the changed objects, by kind (planId, activityId, ...); never a 360 respondent. */
  @Property({ type: 'json' })
  data: Opt<Record<string, unknown>> = {};

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
