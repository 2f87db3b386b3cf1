import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processStats } from '../src/db/query-stats.js';
import type { LoadResult, LoadSpec } from './load-worker.js';
import { cpuRss } from './machine.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface HttpTarget {
  /** Base URL; requests go to `${url}${path}`. */
  url: string;
  path: string;
  headers: Record<string, string>;
  /** One body, or several sent in turn (e.g. one per OPD). */
  bodies: string[];
  /** The server's process id when it is a child; undefined when it runs in this process. */
  pid?: number;
  /**
   * Count SQL statements: through processStats (`true`: the server runs in this process), or
   * through this function (a server in its own process, asked over IPC); `false`: not counted.
   */
  countsStatements: boolean | (() => Promise<number>);
}

export interface HttpMeasurement {
  connections: number;
  requestsPerSecond: number;
  latencyMs: LoadResult['latencyMs'];
  requests: number;
  failed: number;
  sqlPerRequest: number | null;
  /** Server CPU in cores (CPU seconds per wall second) while loaded. */
  serverCpuCores: number;
  serverPeakRssMiB: number;
  /** Mean response size (headers and body). */
  responseKiB: number;
}

/** Runs the load generator (a child process) against a target at one concurrency. */
export async function measureHttp(
  target: HttpTarget,
  connections: number,
  durationSeconds: number,
): Promise<HttpMeasurement> {
  const spec: LoadSpec = {
    url: target.url,
    connections,
    durationSeconds,
    requests: target.bodies.map((body) => ({
      method: 'POST',
      path: target.path,
      headers: { 'content-type': 'application/json', ...target.headers },
      body,
    })),
  };
  const statements =
    typeof target.countsStatements === 'function'
      ? target.countsStatements
      : target.countsStatements
        ? () => Promise.resolve(processStats.sqlStatements)
        : null;
  await settle(statements ?? undefined);
  const statementsBefore = statements ? await statements() : 0;
  const before = cpuRss(target.pid);
  const startedAt = performance.now();
  let peakRss = before.rssBytes;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, cpuRss(target.pid).rssBytes);
  }, 250);
  let stdout: string;
  try {
    stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(here, 'load-worker.js'), JSON.stringify(spec)],
        { timeout: Math.ceil((durationSeconds + 60) * 1000), maxBuffer: 1 << 20 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
  } finally {
    clearInterval(sampler);
  }
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const after = cpuRss(target.pid);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
  // Each connection had one request in flight when the load stopped; the server still ran it.
  if (statements) await settle(statements);
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    connections,
    requestsPerSecond: result.requestsPerSecond,
    latencyMs: result.latencyMs,
    requests: result.requests,
    failed,
    sqlPerRequest: statements
      ? ((await statements()) - statementsBefore) / (result.requests + connections)
      : null,
    serverCpuCores: (after.cpuSeconds - before.cpuSeconds) / wallSeconds,
    serverPeakRssMiB: Math.max(peakRss, after.rssBytes) / 2 ** 20,
    responseKiB: result.bytesPerSecond / Math.max(1e-9, result.requestsPerSecond) / 1024,
  };
}

/**
 * Waits until a server has run no SQL for 300 ms (at most 10 s): requests the load generator
 * left in flight would otherwise be counted in the next measurement. By default the server in
 * this process; `statements` counts another's.
 */
export async function settle(
  statements: () => Promise<number> = () => Promise.resolve(processStats.sqlStatements),
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = await statements();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await statements();
    if (now === last) return;
    last = now;
  }
}

/** POSTs one body and returns the parsed JSON; throws on errors in the answer. */
export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { errors?: unknown[] } & T;
  if (!res.ok || json.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
