import type { Viewer } from '../../kernel/scope.js';
import { hashToken } from './auth.service.js';

/** What an access event names: the cache forgets every viewer it matches. */
export interface AccessChange {
  sessionId?: string;
  accountId?: string;
  employeeId?: string;
  clientId?: string;
}

interface Entry {
  viewer: Viewer;
  /** Epoch ms after which the entry is not used. */
  until: number;
}

/**
 * Who is behind each token, remembered for a short time so that a request does not cost a
 * statement (and a round trip) to the database before its own work.
 *
 * What keeps it right:
 * - every change of access (sign-out, a revoked session, a password reset or change, a
 *   deactivated account or employee, a role granted or revoked, a renamed employee, an API
 *   client revoked or rotated) records an `access.*` event in its transaction. This process
 *   forgets the viewers it names the moment that transaction commits (app.ts hands the events
 *   over from the commit hook); other server instances when their event bus reads it, within
 *   milliseconds on PostgreSQL (LISTEN/NOTIFY);
 * - a read that started before such a forget is not kept (a generation count), so a request
 *   racing with a sign-out cannot put the old viewer back;
 * - nothing is kept longer than `ttlMs` (a change made outside the application, in SQL, is seen
 *   within that time) nor past the session's own end;
 * - at most `maxEntries` tokens; the oldest go first.
 *
 * `ttlMs` 0 turns it off: every request asks the database, as before.
 */
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The viewer behind `token`: remembered, or read with `load` (and then remembered). */
  async get(token: string, load: () => Promise<Viewer | null>): Promise<Viewer | null> {
    if (this.ttlMs <= 0) return load();
    const key = hashToken(token);
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.until > now) return entry.viewer;
      this.entries.delete(key);
    }
    const generation = this.generation;
    const viewer = await load();
    // Unknown tokens are not kept: guessing would only fill the cache.
    if (!viewer || generation !== this.generation) return viewer;
    const sessionEnd = viewer.kind === 'person' ? viewer.sessionExpiresAt.getTime() : Infinity;
    const until = Math.min(now + this.ttlMs, sessionEnd);
    if (until <= now) return viewer;
    if (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { viewer, until });
    return viewer;
  }

  /** Forgets every viewer a change names (and stops reads in flight from being kept). */
  forget(change: AccessChange): void {
    this.generation += 1;
    for (const [key, { viewer }] of this.entries) {
      const matches =
        viewer.kind === 'person'
          ? viewer.sessionId === change.sessionId ||
            viewer.accountId === change.accountId ||
            viewer.employeeId === change.employeeId
          : viewer.clientId === change.clientId;
      if (matches) this.entries.delete(key);
    }
  }
}

/** The change an `access.*` event's data names. */
export function accessChangeOf(data: Record<string, unknown>): AccessChange {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  return {
    sessionId: text('sessionId'),
    accountId: text('accountId'),
    employeeId: text('employeeId'),
    clientId: text('clientId'),
  };
}
