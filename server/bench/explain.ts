import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { isBackground } from '../src/db/query-stats.js';

export interface ExplainedStatement {
  operation: string;
  sql: string;
  executionMs: number;
  /** Sequential scans in the plan: table and rows it read. */
  seqScans: { table: string; rows: number }[];
  plan: string;
}

/**
 * Records the SQL the ORM runs for requests (text as logged, parameters inlined) while `fn` runs,
 * by wrapping the ORM logger's logQuery; the server is not changed.
 */
export async function captureSql(orm: MikroORM, fn: () => Promise<unknown>): Promise<string[]> {
  const logger = orm.config.getLogger();
  const original = logger.logQuery.bind(logger);
  const enabled = logger.isEnabled.bind(logger);
  const seen: string[] = [];
  // With 'query-params' on, the ORM logs the statement with its parameters inlined.
  logger.isEnabled = (namespace, context) =>
    namespace === 'query-params' || enabled(namespace, context);
  logger.logQuery = (context) => {
    // The event bus's reads may run meanwhile; they are not the operation's.
    if (typeof context.query === 'string' && !isBackground()) seen.push(context.query);
    original(context);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
    logger.isEnabled = enabled;
  }
  return seen;
}

const SKIP = /^(begin|commit|rollback|savepoint|release|set |select 1$|insert |update |delete )/i;

/** EXPLAIN (ANALYZE, BUFFERS) of each read statement, with the sequential scans it does. */
export async function explainAll(
  databaseUrl: string,
  statements: { operation: string; sql: string }[],
): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const out: ExplainedStatement[] = [];
  try {
    const seen = new Set<string>();
    for (const { operation, sql } of statements) {
      const text = sql.trim();
      if (SKIP.test(text) || seen.has(text)) continue;
      seen.add(text);
      try {
        const result = await client.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) ${text}`,
        );
        const lines = result.rows.map((r) => r['QUERY PLAN']);
        const seqScans: { table: string; rows: number }[] = [];
        for (const line of lines) {
          const m = /Seq Scan on (\w+).*actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(
            line,
          );
          if (m) seqScans.push({ table: m[1], rows: Number(m[2]) * Number(m[3]) });
        }
        const timeLine = lines.find((l) => l.startsWith('Execution Time'));
        out.push({
          operation,
          sql: text,
          executionMs: Number(/([\d.]+) ms/.exec(timeLine ?? '')?.[1] ?? NaN),
          seqScans,
          plan: lines.join('\n'),
        });
      } catch (error) {
        out.push({
          operation,
          sql: text,
          executionMs: NaN,
          seqScans: [],
          plan: `could not explain: ${(error as Error).message}`,
        });
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Rows of each table, for judging whether a sequential scan is of a large table. */
export async function tableSizes(databaseUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ relname: string; n: string }>(
      `select relname, reltuples::bigint::text as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
    );
    return new Map(r.rows.map((row) => [row.relname, Number(row.n)]));
  } finally {
    await client.end();
  }
}
