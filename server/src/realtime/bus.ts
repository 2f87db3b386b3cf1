import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../kernel/logger.js';
import { inBackground } from '../db/query-stats.js';
import { EventRow } from './event.entity.js';
import { EVENTS_CHANNEL } from './outbox.js';
import {
  type BusEvent,
  COLUMNS,
  type EventRecord,
  FINAL,
  newestPosition,
  positionOf,
  toBusEvent,
} from './feed.js';
import { formatPosition, START, type EventPosition } from './position.js';

export type { BusEvent } from './feed.js';

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

const READ_BATCH = 500;

export interface EventBusOptions {
  /** PostgreSQL URL to LISTEN on; null for embedded PGlite (commit hook and polling only). */
  listenUrl: string | null;
  /** Safety net: read anyway this often (ms). */
  pollMs: number;
  retentionHours: number;
}

/**
 * One per server process. Reads the events after the last position it has delivered whenever
 * something may have been committed — a NOTIFY from any instance, a commit in this process, a
 * LISTEN reconnect, or the periodic safety poll — and hands them, in position order (see
 * `position.ts`), to its listeners. Because it always reads from the table, a dropped LISTEN
 * connection loses nothing; because it reads only events of ended transactions, a transaction
 * that commits late is never passed over: its events wait (and everything after them) until it
 * has ended, so every instance delivers every event once, in the same order.
 */
export class EventBus {
  private last: EventPosition = START;
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

  private query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql, params);
  }

  async start(): Promise<void> {
    this.last = (await newestPosition(this.query.bind(this))) ?? START;
    if (this.options.listenUrl) await this.listen();
    this.timers.push(setInterval(() => this.poke(), this.options.pollMs).unref());
    this.timers.push(setInterval(() => void inBackground(() => this.prune()), 3_600_000).unref());
  }

  /** The position of the newest event delivered so far. */
  get position(): EventPosition {
    return this.last;
  }

  /** The id (position as text) of the newest event delivered so far. */
  get lastEventId(): string {
    return formatPosition(this.last);
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
    for (;;) {
      const rows = await this.query<EventRecord>(
        `select ${COLUMNS} from event
         where (tx, id) > (?::xid8, ?::bigint) and ${FINAL}
         order by tx, id limit ${READ_BATCH}`,
        [this.last.tx.toString(), this.last.id.toString()],
      );
      for (const row of rows) {
        const event = toBusEvent(row);
        this.last = event.position;
        this.deliver(event);
      }
      if (rows.length < READ_BATCH || this.stopped) return;
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

  /** Where to resume after `after`: see {@link positionOf}. */
  resumePosition(after: string): Promise<EventPosition> {
    return positionOf(this.query.bind(this), after);
  }

  /**
   * Up to `limit` events after `after` up to and including `upto`, in order (for resuming
   * subscribers, who page through what they missed).
   */
  async replay(after: EventPosition, upto: EventPosition, limit = READ_BATCH): Promise<BusEvent[]> {
    const rows = await this.query<EventRecord>(
      `select ${COLUMNS} from event
       where (tx, id) > (?::xid8, ?::bigint) and (tx, id) <= (?::xid8, ?::bigint)
       order by tx, id limit ?::int`,
      [after.tx.toString(), after.id.toString(), upto.tx.toString(), upto.id.toString(), limit],
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
