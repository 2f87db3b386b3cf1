import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * A sign-in attempt, kept for the throttle's window. It is reserved before the password is
 * checked (outcome null), under a lock on its NIP and address, so parallel guesses count
 * against the limit at once; a failure then marks it FAILED and a success removes it. The audit
 * trail keeps its own record of every attempt; this table only counts.
 */
@Entity({ tableName: 'login_attempt' })
@Index({ name: 'login_attempt_nip_index', properties: ['nip', 'at'] })
@Index({ name: 'login_attempt_address_index', properties: ['ipAddress', 'at'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'string', length: 18 })
  nip!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ipAddress: string | null = null;

  @Property({ type: 'datetime' })
  at!: Date;

  /** Whether the NIP has an account: only attempts on real accounts count toward an address. */
  @Property({ type: 'boolean' })
  knownAccount!: boolean;

  /** null while its password is being checked; FAILED after. */
  @Property({ type: 'string', length: 10, nullable: true })
  outcome: 'FAILED' | null = null;
}
