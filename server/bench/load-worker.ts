/**
 * Load generator, run as a child process so that it does not share the server's event loop or
 * CPU accounting: `node load-worker.js '<json spec>'`; prints one JSON result line on stdout.
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Sent in turn on each connection (one entry: the same request every time). */
  requests: {
    method: 'POST' | 'GET';
    path: string;
    headers: Record<string, string>;
    body?: string;
  }[];
}

export interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  bytesPerSecond: number;
}

interface AutocannonResult {
  requests: { total: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
// autocannon's own percentiles skip p95: every response time is kept (a few 100,000 at most).
const times: number[] = [];
const result = await new Promise<AutocannonResult>((resolve, reject) => {
  const instance = autocannon(
    {
      url: spec.url,
      connections: spec.connections,
      duration: spec.durationSeconds,
      requests: spec.requests,
      timeout: 30,
    },
    (error: unknown, r: unknown) =>
      error ? reject(error as Error) : resolve(r as AutocannonResult),
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
  });
});
times.sort((a, b) => a - b);
const out: LoadResult = {
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  durationSeconds: result.duration,
  requestsPerSecond: result.requests.total / result.duration,
  latencyMs: {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    max: times.at(-1) ?? 0,
  },
  bytesPerSecond: result.throughput.average,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
