import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/**
 * Hot read statements as named prepared statements.
 *
 * `em.execute` sends every statement as text with its values written in, so PostgreSQL parses
 * and plans it afresh each time. For the large read statements that build records as JSON
 * (the employee page, the review queue, the loaders) planning is a large part of the cost: run
 * 300 times from psql, the employee page's statement took 2.6 ms a time as text and 1.8 ms
 * prepared. Prepared once per pooled connection, a statement is planned at most a few times
 * (PostgreSQL then keeps a generic plan when it is no worse than the custom ones).
 *
 * Only on a real PostgreSQL server: the embedded PGlite serves every pooled connection from one
 * session, where two connections preparing the same name would collide. There, and inside a
 * transaction (which has its own connection), statements go through `em.execute` as before.
 */

interface Prepared {
  name: string;
  /** The statement with `$1`, `$2`, … for its `?` placeholders. */
  text: string;
}

/** Distinct statements prepared at most; beyond, statements run unnamed (planned every time). */
const MAX_NAMED = 256;
const statements = new Map<string, Prepared>();
const enabled = new WeakSet<object>();

/** Lets `preparedRows` prepare statements on this ORM's connections (PostgreSQL servers only). */
export function enablePreparedStatements(orm: MikroORM): void {
  enabled.add(orm.em.getConnection().getKnex());
}

/**
 * `sql` with `$1`, `$2`, … for its `?` placeholders. Every `?` is one, even in a string literal,
 * as for `em.execute` (so both ways of running a statement read it alike).
 */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function prepared(sql: string): Prepared {
  const known = statements.get(sql);
  if (known) return known;
  const text = numberPlaceholders(sql);
  if (statements.size >= MAX_NAMED) return { name: '', text };
  const entry = { name: `k_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
  statements.set(sql, entry);
  return entry;
}

/** Values as PostgreSQL reads them: dates as ISO instants (never the process's time zone). */
function value(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

interface PgConnection {
  query(
    config: string | { name?: string; text: string; values: unknown[] },
  ): Promise<{ rows: Record<string, unknown>[] }>;
  /** pg's own record of the statements this connection has prepared, by name. */
  connection?: { parsedStatements?: Record<string, string> };
}

/**
 * A prepared statement whose result columns changed under it (a migration run by another
 * instance, during a rolling deploy): PostgreSQL refuses it until it is prepared again.
 */
function isStalePlan(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

/** The rows of one statement on `connection`, prepared again once if its plan went stale. */
async function run(
  connection: PgConnection,
  name: string,
  text: string,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  if (!name) return (await connection.query({ text, values })).rows;
  try {
    return (await connection.query({ name, text, values })).rows;
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    await connection.query(`deallocate ${name}`);
    delete connection.connection?.parsedStatements?.[name];
    return (await connection.query({ name, text, values })).rows;
  }
}

/**
 * The rows of one read statement, written with `?` placeholders as for `em.execute`, run as a
 * named prepared statement where that is possible (see above). Arrays must be passed as
 * PostgreSQL array literals with a cast (`?::uuid[]`), not expanded into lists.
 */
export async function preparedRows<T>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  if (params.some(Array.isArray)) {
    // em.execute would write a list (`in (?)`), a prepared statement an array: neither is allowed.
    throw new Error('preparedRows: pass arrays as PostgreSQL array literals (see uuidArray)');
  }
  const knex = em.getConnection().getKnex();
  if (!enabled.has(knex) || em.getTransactionContext()) {
    return em.execute<T[]>(sql, [...params]);
  }
  const { name, text } = prepared(sql);
  const values = params.map(value);
  const client = knex.client as unknown as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<void>;
  };
  const connection = await client.acquireConnection();
  const started = performance.now();
  try {
    return (await run(connection, name, text, values)) as T[];
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  } finally {
    await client.releaseConnection(connection);
    logStatement(em, sql, params, performance.now() - started);
  }
}

/**
 * Tells the ORM's logger of a statement, as the ORM does of its own: it counts statements per
 * request (db/orm.ts), and whoever asks for 'query-params' (the benchmark's EXPLAIN) gets the
 * statement with its values written in.
 */
function logStatement(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  tookMs: number,
): void {
  const logger = em.config.getLogger();
  const query = logger.isEnabled('query-params')
    ? em.getPlatform().formatQuery(sql, [...params])
    : sql;
  logger.logQuery({ query, params: [...params], took: Math.round(tookMs), level: 'info' });
}
