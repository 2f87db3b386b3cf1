import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../kernel/logger.js';
import { inBackground } from '../db/query-stats.js';
import { EventRow } from './event.entity.js';
import { EVENTS_CHANNEL } from './outbox.js';

export interface BusEvent {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  ownerIds: string[];
  reviewerIds: string[];
  opdIds: string[];
  data: Record<string, unknown>;
  createdAt: Date;
}

export type BusListener = (event: BusEvent) => void;

/**
 * Told of every commit and rollback in this process, with the EntityManager of the transaction:
 * app.ts wakes the bus (embedded PGlite has no LISTEN across connections) and hands the access
 * events of the transaction to the viewer cache.
 */
export class CommitHook implements EventSubscriber {
  onCommit: ((em: TransactionEventArgs['em']) => void) | null = null;
  onRollback: ((em: TransactionEventArgs['em']) => void) | null = null;
  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    this.onCommit?.(args.em);
  }
  async afterTransactionRollback(args: TransactionEventArgs): Promise<void> {
    this.onRollback?.(args.em);
  }
}

function toBusEvent(row: EventRow): BusEvent {
  return {
    id: String(row.id),
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ownerIds: row.ownerIds,
    reviewerIds: row.reviewerIds,
    opdIds: row.opdIds,
    data: row.data,
    createdAt: row.createdAt,
  };
}

export interface EventBusOptions {
  /** PostgreSQL URL to LISTEN on; null for embedded PGlite (commit hook and polling only). */
  listenUrl: string | null;
  /** Safety net: read anyway this often (ms). */
  pollMs: number;
  retentionHours: number;
}

/**
 * How long an id skipped by the cursor is looked for: a transaction that took it may commit after
 * a later one (ids come from a sequence at insert, rows become visible at commit); one that
 * rolled back never shows it.
 */
const GAP_WAIT_MS = 60_000;
/** Ids skipped at once beyond which only the newest are looked for (after a mass rollback). */
const MAX_GAP = 1_000n;

/**
 * One per server process. Reads `event` rows after the last id it has seen whenever something
 * may have been committed — a NOTIFY from any instance, a commit in this process, a LISTEN
 * reconnect, or the periodic safety poll — and hands them, in id order, to its listeners.
 * Because it always reads from the table, a dropped LISTEN connection loses nothing. Ids the
 * cursor skipped are read again for a minute, so an event whose transaction committed after a
 * later event's is delivered too, late (a sign-out must reach every instance's viewer cache).
 */
export class EventBus {
  private lastId = 0n;
  /** Ids skipped by the cursor, still looked for, with the time to give up on each. */
  private readonly gaps = new Map<bigint, number>();
  private readonly listeners = new Set<BusListener>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private listenClient: pg.Client | null = null;
  private currentClient: pg.Client | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private reconnectDelay = 250;
  /** The backend pid of the LISTEN connection (tests terminate it to prove nothing is lost). */
  listenPid: number | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly options: EventBusOptions,
  ) {}

  async start(): Promise<void> {
    const rows = await this.orm.em
      .fork()
      .execute<{ max: string | null }[]>('select max(id)::text as max from event');
    this.lastId = BigInt(rows[0]?.max ?? '0');
    if (this.options.listenUrl) await this.listen();
    this.timers.push(setInterval(() => this.poke(), this.options.pollMs).unref());
    this.timers.push(setInterval(() => void inBackground(() => this.prune()), 3_600_000).unref());
  }

  /** The id of the newest event delivered so far. */
  get lastEventId(): string {
    return this.lastId.toString();
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something may have been committed: read what is new (coalesced with a read in flight). */
  poke(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = inBackground(() => this.readNew())
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'event bus: reading events failed; will retry'),
      )
      .finally(() => {
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          this.poke();
        }
      });
  }

  /** Resolves once everything committed before the call has been delivered. */
  async flush(): Promise<void> {
    this.poke();
    while (this.reading) await this.reading;
  }

  private async readNew(): Promise<void> {
    const now = Date.now();
    for (const [id, giveUpAt] of this.gaps) if (giveUpAt <= now) this.gaps.delete(id);
    for (;;) {
      const after = { id: { $gt: this.lastId.toString() } };
      const late = [...this.gaps.keys()].map(String);
      const rows = await this.orm.em
        .fork()
        .find(EventRow, late.length > 0 ? { $or: [after, { id: { $in: late } }] } : after, {
          orderBy: { id: 'asc' },
          limit: 500,
        });
      for (const row of rows) {
        const id = BigInt(row.id);
        if (!this.gaps.delete(id)) {
          if (id <= this.lastId) continue;
          const from = id - this.lastId > MAX_GAP ? id - MAX_GAP : this.lastId + 1n;
          for (let skipped = from; skipped < id; skipped++) {
            this.gaps.set(skipped, now + GAP_WAIT_MS);
          }
          this.lastId = id;
        }
        this.deliver(toBusEvent(row));
      }
      if (rows.length < 500) return;
    }
  }

  private deliver(event: BusEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error }, 'event bus: a listener failed');
      }
    }
  }

  /** Events after `afterId` up to and including `uptoId`, in order (for resuming subscribers). */
  async replay(afterId: string, uptoId: string): Promise<BusEvent[]> {
    const rows = await this.orm.em
      .fork()
      .find(
        EventRow,
        { id: { $gt: afterId, $lte: uptoId } },
        { orderBy: { id: 'asc' }, limit: 10_000 },
      );
    return rows.map(toBusEvent);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.listenUrl! });
    this.currentClient = client;
    client.on('notification', () => this.poke());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event bus: LISTEN connection failed; reconnecting');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
      const pid = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      this.listenPid = pid.rows[0].pid;
      this.listenClient = client;
      this.reconnectDelay = 250;
      // Anything committed while we were not listening is read now.
      this.poke();
    } catch (error) {
      this.logger.warn({ err: error }, 'event bus: could not LISTEN; retrying');
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.stopped || client !== this.currentClient) return;
    this.currentClient = null;
    this.listenClient = null;
    this.listenPid = null;
    client.removeAllListeners();
    client.end().catch(() => {});
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5_000);
    const timer = setTimeout(() => void this.listen(), delay);
    timer.unref();
    this.timers.push(timer);
  }

  private async prune(): Promise<void> {
    try {
      const deleted = await this.orm.em.fork().nativeDelete(EventRow, {
        createdAt: { $lt: new Date(Date.now() - this.options.retentionHours * 3_600_000) },
      });
      if (deleted > 0) this.logger.info({ deleted }, 'event bus: old events pruned');
    } catch (error) {
      this.logger.warn({ err: error }, 'event bus: pruning failed');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.listeners.clear();
    const client = this.currentClient;
    this.listenClient = null;
    this.currentClient = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
    await this.reading;
  }
}
