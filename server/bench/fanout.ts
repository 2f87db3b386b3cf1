import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import type { ClientCommand, ClientReport } from './ws-clients.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface FanoutOptions {
  /** One or more Kinerja servers on the same database; subscribers are spread over them in turn. */
  serverUrls: string[];
  databaseUrl: string;
  subscription: string;
  variables: Record<string, unknown>;
  tokens: string[];
  perToken: number;
  count: number;
  /** The subscription answers at once (unitDashboard): wait for that before the rounds. */
  waitForInitial: boolean;
  /** The event's owners (myPerformance) and OPDs (unitDashboard). */
  ownerIds: string[];
  opdIds: string[];
  rounds: number;
  /** Bound on connecting and on each round. */
  timeoutMs: number;
  log: (line: string) => void;
}

export interface LatencySummary {
  received: number;
  expected: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface FanoutResult {
  subscription: string;
  /** Server processes the subscribers were spread over. */
  instances: number;
  clients: number;
  opened: number;
  failed: number;
  accounts: number;
  connectSeconds: number;
  serverRssPerConnectionKiB: number;
  serverHeapPerConnectionKiB: number;
  payloadBytes: number;
  rounds: LatencySummary[];
  floorRounds: LatencySummary[];
  errors: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(latencies: number[], expected: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    received: sorted.length,
    expected,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? NaN,
  };
}

const now = () => performance.timeOrigin + performance.now();

/** A forked ws-clients child and a way to wait for its next report of a kind, bounded. */
class Clients {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, (report: ClientReport) => void>();

  constructor() {
    this.child = fork(path.join(here, 'ws-clients.js'), [], {
      execArgv: ['--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (report: ClientReport) => {
      const resolve = this.waiting.get(report.type);
      this.waiting.delete(report.type);
      resolve?.(report);
    });
  }

  async request<T extends ClientReport['type']>(
    command: ClientCommand | null,
    reply: T,
    timeoutMs: number,
  ): Promise<Extract<ClientReport, { type: T }> | null> {
    const answer = new Promise<ClientReport | null>((resolve) => {
      this.waiting.set(reply, resolve);
      setTimeout(() => {
        this.waiting.delete(reply);
        resolve(null);
      }, timeoutMs).unref();
    });
    if (command) this.child.send(command);
    return (await answer) as Extract<ClientReport, { type: T }> | null;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'close' } satisfies ClientCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One round: arm the clients, fire, wait until all got it (or the bound), collect times. */
async function round(
  clients: Clients,
  expected: number,
  fire: () => Promise<number>,
  timeoutMs: number,
): Promise<{ latencies: number[]; sample: string | null }> {
  await clients.request({ type: 'arm' }, 'armed', 10_000);
  const allReceived = clients.request(null, 'all-received', timeoutMs);
  const firedAt = await fire();
  await allReceived;
  const times = await clients.request({ type: 'collect' }, 'times', 30_000);
  return {
    latencies: (times?.times ?? []).map((t) => t - firedAt),
    sample: times?.sample ?? null,
  };
}

/**
 * N graphql-ws clients (in a child process) subscribed through Kinerja, then rounds of one
 * event committed to the database (the outbox row and NOTIFY a real change writes) timed from
 * sending its COMMIT to each client's receipt; then the floor: a bare `ws` server in this process
 * sending the same payload to as many sockets of the same child, timed from the first send.
 */
export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  const { log } = options;
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const fire = async () => {
    await db.query('begin');
    await db.query(
      `insert into event (type, subject_type, subject_id, owner_ids, reviewer_ids, opd_ids, data)
       values ('bench.fanout', 'Bench', 'fanout', $1::text[], '{}', $2::text[], '{}')`,
      [options.ownerIds, options.opdIds],
    );
    await db.query(`select pg_notify('kinerja_events', '')`);
    // Timed from sending COMMIT: the server shares this event loop and may deliver every
    // message before the COMMIT's reply is read here, so "after COMMIT" would come too late.
    const committing = now();
    await db.query('commit');
    return committing;
  };
  const errors: string[] = [];
  gc();
  const before = process.memoryUsage();
  const clients = new Clients();
  let floor: Clients | null = null;
  let wss: WebSocketServer | null = null;
  try {
    const connectStarted = now();
    const ready = await clients.request(
      {
        type: 'open',
        mode: 'graphql',
        url: options.serverUrls[0],
        urls: options.serverUrls,
        tokens: options.tokens,
        perToken: options.perToken,
        count: options.count,
        query: options.subscription,
        variables: options.variables,
        waitForInitial: options.waitForInitial,
        timeoutMs: options.timeoutMs,
      },
      'ready',
      options.timeoutMs + 30_000,
    );
    const connectSeconds = (now() - connectStarted) / 1000;
    if (!ready) throw new Error('the clients did not report ready in time');
    errors.push(...ready.errors);
    log(
      `  ${ready.opened} of ${options.count} connected in ${connectSeconds.toFixed(1)} s` +
        (ready.failed ? `, ${ready.failed} failed (${ready.errors[0] ?? ''})` : '') +
        (options.waitForInitial ? `, ${ready.initial} first summaries` : ''),
    );
    gc();
    const after = process.memoryUsage();
    const opened = Math.max(1, ready.opened);

    // A warm-up round makes sure every subscription is registered before the timed ones.
    await round(clients, ready.opened, fire, options.timeoutMs);
    const rounds: LatencySummary[] = [];
    let sample: string | null = null;
    for (let i = 0; i < options.rounds; i++) {
      const r = await round(clients, ready.opened, fire, options.timeoutMs);
      sample ??= r.sample;
      rounds.push(summarise(r.latencies, ready.opened));
      log(
        `  round ${i + 1}: ${r.latencies.length}/${ready.opened} received, ` +
          `p50 ${rounds.at(-1)!.p50Ms.toFixed(1)} ms, p99 ${rounds.at(-1)!.p99Ms.toFixed(1)} ms`,
      );
    }
    await clients.close();

    // The floor: the same payload, the same number of sockets, nothing but ws.send.
    const payload = sample ?? JSON.stringify({ type: 'next', id: '1', payload: { data: {} } });
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss!.once('listening', () => resolve()));
    const port = (wss.address() as AddressInfo).port;
    floor = new Clients();
    const floorReady = await floor.request(
      {
        type: 'open',
        mode: 'bare',
        url: `ws://127.0.0.1:${port}`,
        tokens: [],
        perToken: 1,
        count: ready.opened,
        waitForInitial: false,
        timeoutMs: options.timeoutMs,
      },
      'ready',
      options.timeoutMs + 30_000,
    );
    const floorRounds: LatencySummary[] = [];
    const broadcast = () => {
      const t0 = now();
      for (const socket of wss!.clients) socket.send(payload);
      return Promise.resolve(t0);
    };
    await round(floor, floorReady?.opened ?? 0, broadcast, options.timeoutMs);
    for (let i = 0; i < options.rounds; i++) {
      const r = await round(floor, floorReady?.opened ?? 0, broadcast, options.timeoutMs);
      floorRounds.push(summarise(r.latencies, floorReady?.opened ?? 0));
    }
    log(
      `  floor (bare ws): p50 ${floorRounds.at(-1)?.p50Ms.toFixed(1)} ms, ` +
        `p99 ${floorRounds.at(-1)?.p99Ms.toFixed(1)} ms`,
    );
    return {
      subscription:
        /\{\s*(\w+)/.exec(options.subscription.replace(/^subscription[^{]*/, ''))?.[1] ?? '',
      instances: options.serverUrls.length,
      clients: options.count,
      opened: ready.opened,
      failed: ready.failed,
      accounts: Math.min(options.tokens.length, Math.ceil(options.count / options.perToken)),
      connectSeconds,
      // Only this process is measured: with several instances, the others hold part of them.
      serverRssPerConnectionKiB:
        options.serverUrls.length > 1 ? NaN : (after.rss - before.rss) / opened / 1024,
      serverHeapPerConnectionKiB:
        options.serverUrls.length > 1 ? NaN : (after.heapUsed - before.heapUsed) / opened / 1024,
      payloadBytes: Buffer.byteLength(payload),
      rounds,
      floorRounds,
      errors,
    };
  } finally {
    await clients.close();
    await floor?.close();
    if (wss) {
      for (const socket of wss.clients) socket.terminate();
      await new Promise((resolve) => wss!.close(resolve));
    }
    await db.end();
  }
}
