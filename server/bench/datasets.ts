import pg from 'pg';
import { loadConfig } from '../src/kernel/config.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { openKinerjaOrm } from '../src/api/entities.js';
import { ensureReferenceUnits } from '../src/seed/reference.js';
import { createLogger } from '../src/kernel/logger.js';
import { ensureDefaultPatterns } from '../src/modules/evaluation/distribution.service.js';

export interface DatasetSpec {
  name: 'quick' | 'denpasar' | 'province';
  employees: number;
  activitiesPerPerson: number;
}

export const DATASETS: Record<DatasetSpec['name'], DatasetSpec> = {
  quick: { name: 'quick', employees: 2_000, activitiesPerPerson: 30 },
  denpasar: { name: 'denpasar', employees: 9_000, activitiesPerPerson: 250 },
  // 100,000 × 250 activities would be 25M rows; 20 each keeps the load under an hour here.
  province: { name: 'province', employees: 100_000, activitiesPerPerson: 20 },
};

export interface SeedTiming {
  seconds: number;
  directorySeconds: number;
  planningSeconds: number;
  rowsPerSecond: number;
}

export interface DatasetInfo {
  name: string;
  database: string;
  url: string;
  employees: number;
  activitiesPerPerson: number;
  /** Rows in every table of the database (exact counts). */
  rows: Record<string, number>;
  totalRows: number;
  databaseBytes: number;
  /** How seeding went, in this run or the one that seeded the reused database (null: unknown). */
  seeded: SeedTiming | null;
  seededInThisRun: boolean;
}

/** The database URL with another database name. */
export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(
  adminUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const COMPLETE = 'kinerja-bench complete';

/** Exact row counts of every table in the public schema. */
export async function countRows(
  url: string,
): Promise<{ rows: Record<string, number>; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const rows: Record<string, number> = {};
    for (const { t } of tables.rows) {
      const r = await client.query<{ n: number }>(`select count(*)::int as n from "${t}"`);
      rows[t] = r.rows[0].n;
    }
    const size = await client.query<{ b: string }>(
      'select pg_database_size(current_database())::text as b',
    );
    return { rows, bytes: Number(size.rows[0].b) };
  } finally {
    await client.end();
  }
}

/**
 * The dataset's own database (`kinerja_bench_<name>`), created and seeded in bulk when missing;
 * reused as it is when a previous run finished seeding it (marked by a comment on the database).
 * A database left half-seeded by an interrupted run is dropped and seeded again.
 */
export async function ensureDataset(
  adminUrl: string,
  spec: DatasetSpec,
  log: (line: string) => void,
): Promise<DatasetInfo> {
  const database = `kinerja_bench_${spec.name}`;
  const url = withDatabase(adminUrl, database);
  const found = await adminQuery<{ comment: string | null }>(
    adminUrl,
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [database],
  );
  const marker = `${COMPLETE} employees=${spec.employees} activities=${spec.activitiesPerPerson}`;
  let seeded: SeedTiming | null;
  let seededInThisRun = false;
  const comment = found[0]?.comment ?? '';
  if (comment === marker || comment.startsWith(`${marker} `)) {
    log(`dataset ${spec.name}: reusing ${database}`);
    try {
      seeded = JSON.parse(comment.slice(marker.length + 1)) as SeedTiming;
    } catch {
      seeded = null;
    }
  } else {
    if (found.length > 0) {
      log(`dataset ${spec.name}: ${database} is incomplete or of another size; dropping it`);
      await adminQuery(adminUrl, `drop database "${database}" with (force)`);
    }
    await adminQuery(adminUrl, `create database "${database}"`);
    log(
      `dataset ${spec.name}: seeding ${spec.employees.toLocaleString('en')} employees, ` +
        `${spec.activitiesPerPerson} activities each, into ${database}`,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      KINERJA_DEMO_EMPLOYEES: String(spec.employees),
      KINERJA_DEMO_ACTIVITIES: String(spec.activitiesPerPerson),
    });
    const orm = await openKinerjaOrm(url, 2);
    const started = Date.now();
    let lastStep = '';
    let lastAt = 0;
    try {
      await orm.getMigrator().up();
      await ensureDefaultPatterns(orm.em.fork());
      await ensureReferenceUnits(orm.em.fork());
      const summary = await seedDemoIfEmpty(
        orm,
        config,
        createLogger({ logLevel: 'warn' }),
        (step, done, total) => {
          const now = Date.now();
          if (step !== lastStep || done === total || now - lastAt > 10_000) {
            log(`  seeding ${step}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
            lastStep = step;
            lastAt = now;
          }
        },
      );
      if (!summary) throw new Error(`${database} already had employees`);
      const seconds = (Date.now() - started) / 1000;
      // Statistics for the planner, and the visibility map that index-only scans rely on (what
      // autovacuum gives a database in service; bulk-loaded tables have neither yet).
      await orm.em.getConnection().execute('vacuum (analyze)');
      const counted = await countRows(url);
      const total = Object.values(counted.rows).reduce((a, b) => a + b, 0);
      seeded = {
        seconds,
        directorySeconds: summary.directoryMs / 1000,
        planningSeconds: summary.planningMs / 1000,
        rowsPerSecond: Math.round(total / seconds),
      };
    } finally {
      await orm.close();
    }
    seededInThisRun = true;
    // The timing goes with the mark, so that a run reusing the database can still report it.
    await adminQuery(
      adminUrl,
      `comment on database "${database}" is '${marker} ${JSON.stringify(seeded)}'`,
    );
  }
  const counted = await countRows(url);
  const totalRows = Object.values(counted.rows).reduce((a, b) => a + b, 0);
  if (seeded && seededInThisRun)
    log(
      `dataset ${spec.name}: ${totalRows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s ` +
        `(${seeded.rowsPerSecond.toLocaleString('en')} rows/s)`,
    );
  return {
    name: spec.name,
    database,
    url,
    employees: spec.employees,
    activitiesPerPerson: spec.activitiesPerPerson,
    rows: counted.rows,
    totalRows,
    databaseBytes: counted.bytes,
    seeded,
    seededInThisRun,
  };
}
