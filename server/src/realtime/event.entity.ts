import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The outbox: every state change inserts one row in the same transaction, so a committed change
 * always has its event and a rolled-back one never does. Ids only grow; subscribers resume
 * after the last id they saw.
 */
@Entity({ tableName: 'event' })
@Index({ properties: ['createdAt'] })
export class EventRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: Opt<string>;

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
