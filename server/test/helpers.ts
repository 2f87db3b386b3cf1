import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type App, createApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/kernel/config.js';
import { writeDemoDirectory } from '../src/seed/demo.js';
import { processStats } from '../src/db/query-stats.js';
import { type DemoDirectory, generateDemoDirectory } from '../src/seed/demo-directory.js';
import { createLogger } from '../src/kernel/logger.js';
import { DEMO_PASSWORD } from '../src/modules/auth/auth.service.js';

/** PostgreSQL to test against, or undefined for embedded PGlite. */
export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** A fresh, empty PostgreSQL database for one test file; dropped by the returned function. */
export async function createScratchDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kinerja_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export interface TestApp {
  app: App;
  url: string;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real app on a free port, on its own database: a scratch PostgreSQL database when
 * TEST_DATABASE_URL/DATABASE_URL is set, otherwise an in-memory PGlite.
 */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const scratch = postgresUrl ? await createScratchDatabase(postgresUrl) : null;
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: scratch?.url ?? null,
    dataDir: null,
    dbPoolSize: 4,
    ...overrides,
  };
  // TEST_LOG=error (or debug) shows the server's log while debugging a test.
  const logLevel = (process.env.TEST_LOG as Config['logLevel'] | undefined) ?? 'silent';
  const app = await createApp(config, { logger: createLogger({ logLevel }), print: () => {} });
  return {
    app,
    url: app.url,
    config,
    async close() {
      await app.close();
      await scratch?.drop();
    },
  };
}

export interface TestDirectory {
  logins: {
    hrAdmin: string;
    supervisor: string;
    employee: string;
    unitAdmin: string;
    auditor: string;
  };
  password: string;
  employees: number;
  /** The generated city, for finding people in particular relations (peers, other OPDs, ...). */
  directory: DemoDirectory;
}

/** A small generated city (same generator as the demo) written in bulk. */
export async function seedDirectory(app: App, employees = 400, seed = 7): Promise<TestDirectory> {
  const directory = generateDemoDirectory({
    seed,
    employees,
    today: new Date().toISOString().slice(0, 10),
  });
  await app.orm.em.fork().transactional((em) => writeDemoDirectory(em, directory));
  return { logins: directory.logins, password: DEMO_PASSWORD, employees, directory };
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; field?: string; [k: string]: unknown };
  }[];
  headers: Headers;
}

/** POSTs a GraphQL operation as a browser or agency tool would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlResult['errors'] };
  return {
    status: res.status,
    data: body.data ?? undefined,
    errors: body.errors,
    headers: res.headers,
  };
}

/** Signs in and returns the bearer token; fails the test with the server's message otherwise. */
export async function signIn(url: string, nip: string, password: string): Promise<string> {
  const result = await gql<{ login: { token: string } }>(
    url,
    'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token } }',
    { nip, password },
  );
  if (!result.data?.login) throw new Error(`Sign-in failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

/** SQL statements the server process ran while `fn` ran (the app runs in this process). */
export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const before = processStats.sqlStatements;
  await fn();
  return processStats.sqlStatements - before;
}
