import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; `null` runs the embedded PGlite database. */
  databaseUrl: string | null;
  /** Where embedded PGlite keeps its files; `null` keeps them in memory (tests only). */
  dataDir: string | null;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  /** Origins allowed for browsers (CORS and WebSocket `Origin`); same-origin is always allowed. */
  allowedOrigins: string[];
  /** Seed demo data into an empty database and print the demo logins at start. */
  demo: boolean;
  demoSeed: number;
  demoEmployees: number;
  /** Average activities per person the demo seeds from 1 January to today. */
  demoActivitiesPerPerson: number;
  sessionTtlHours: number;
  /**
   * How long a server remembers who is behind a token (0: ask the database on every request).
   * Access changes made in the application take effect at once whatever this is; see
   * modules/auth/viewer-cache.ts.
   */
  sessionCacheSeconds: number;
  /** The built dashboard served on the same port; absent files are skipped. */
  webDir: string;
  /** Largest number of database connections in the pool. */
  dbPoolSize: number;
  /** How long events are kept for subscribers to resume from. */
  eventRetentionHours: number;
  /** The current time for the rules ("today" in Denpasar); tests fix it to a date. */
  clock: () => Date;
  /**
   * Batch relation loads through DataLoaders (default). Off makes every relation its own SQL
   * statement: the benchmark uses it to show what batching buys; never turn it off in service.
   */
  dataLoaderBatching: boolean;
  /**
   * Which proxies in front of the server may say who the client is (X-Forwarded-For): false
   * (none, the default: the address is the socket's), a number of hops, or a list of addresses,
   * subnets and Express's names (loopback, linklocal, uniquelocal). Passed to Express's
   * `trust proxy`.
   */
  trustProxy: false | number | string[];
  /** Failed sign-ins allowed per NIP and per address within the window before a wait. */
  loginThrottle: { perAccount: number; perAddress: number; windowSeconds: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];

function defaultWebDir(): string {
  // dist/src/config.js or src/config.ts → ../../web/build from the server package root.
  const here = path.dirname(new URL(import.meta.url).pathname);
  const serverRoot = here.includes(`${path.sep}dist${path.sep}`)
    ? path.resolve(here, '..', '..')
    : path.resolve(here, '..');
  return path.resolve(serverRoot, '..', 'web', 'build');
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+(\/\d{1,3})?$/i;

/** TRUST_PROXY: absent or `false` = none; a whole number of hops; or addresses, subnets, names. */
function parseTrustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value.toLowerCase() === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
    problems.push(`TRUST_PROXY as a number of proxy hops must be from 0 to 10; got "${raw}".`);
    return false;
  }
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const wrong = items.filter(
    (item) =>
      !PROXY_NAMES.includes(item) && !IPV4.test(item) && !(item.includes(':') && IPV6.test(item)),
  );
  if (wrong.length > 0) {
    problems.push(
      `TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of addresses, subnets (10.0.0.0/8) and ${PROXY_NAMES.join(', ')}; "${wrong.join(', ')}" is not.`,
    );
    return false;
  }
  return items;
}

/**
 * Reads and validates the environment once. Throws {@link ConfigError} listing every problem
 * (not only the first), each naming the variable and what is allowed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    if (!(allowed as string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}; got "${raw}".`);
      return fallback;
    }
    return raw as T;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (or 1/0); got "${env[name]}".`);
    return fallback;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const port = int('PORT', 4000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(
          `DATABASE_URL must be a postgres:// or postgresql:// URL; got protocol "${url.protocol}".`,
        );
      }
    } catch {
      problems.push(
        'DATABASE_URL is not a URL; expected e.g. postgres://user@127.0.0.1:5432/kinerja.',
      );
      databaseUrl = null;
    }
  }

  const dataDirRaw = env.KINERJA_DATA_DIR?.trim();
  const dataDir =
    dataDirRaw === ':memory:'
      ? null
      : path.resolve(dataDirRaw && dataDirRaw !== '' ? dataDirRaw : '.data');

  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info');

  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
    } catch {
      problems.push(
        `ALLOWED_ORIGINS must be a comma-separated list of origins like https://kinerja.denpasarkota.go.id; "${origin}" is not one.`,
      );
    }
  }

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  const demo = bool('KINERJA_DEMO', false);
  if (demo && nodeEnv === 'production') {
    problems.push(
      'KINERJA_DEMO cannot be used with NODE_ENV=production: demo accounts share a public password.',
    );
  }

  const config: Config = {
    port,
    host,
    databaseUrl,
    dataDir,
    nodeEnv,
    logLevel,
    allowedOrigins: allowedOrigins.map((o) => o.replace(/\/$/, '')),
    demo,
    demoSeed: int('KINERJA_DEMO_SEED', 1, 0, 2 ** 31 - 1),
    demoEmployees: int('KINERJA_DEMO_EMPLOYEES', 9000, 300, 200_000),
    demoActivitiesPerPerson: int('KINERJA_DEMO_ACTIVITIES', 30, 0, 1000),
    sessionTtlHours: int('KINERJA_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionCacheSeconds: int('KINERJA_SESSION_CACHE_SECONDS', 30, 0, 300),
    webDir: env.KINERJA_WEB_DIR?.trim() ? path.resolve(env.KINERJA_WEB_DIR) : defaultWebDir(),
    dbPoolSize: int('KINERJA_DB_POOL', 10, 1, 100),
    clock: () => new Date(),
    eventRetentionHours: int('KINERJA_EVENT_RETENTION_HOURS', 72, 1, 24 * 90),
    dataLoaderBatching: bool('KINERJA_DATALOADER_BATCHING', true),
    trustProxy,
    loginThrottle: {
      perAccount: int('KINERJA_LOGIN_MAX_FAILURES', 5, 1, 1000),
      perAddress: int('KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS', 30, 1, 100_000),
      windowSeconds: int('KINERJA_LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
