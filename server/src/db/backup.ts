import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { dataDirInUse, PID_FILE } from './embedded.js';

/**
 * Backups of either database, and the check that a restore brought back what was saved.
 *
 * - PostgreSQL: `pg_dump --format=custom`, taken in the snapshot of a repeatable-read transaction
 *   that also counts and checksums every table, so the manifest describes exactly what the dump
 *   holds while the servers keep running. `pg_restore --clean --single-transaction`: all or
 *   nothing.
 * - Embedded PGlite: the library's own `dumpDataDir()` (a gzipped tarball of the data directory)
 *   and `loadDataDir` to restore it, with the server stopped (PGlite is one process's files).
 *
 * Each backup has a manifest beside it (`<file>.manifest.json`): rows and a checksum per table.
 * A restore compares the restored database with it and fails, loudly, on any difference.
 */

const run = promisify(execFile);

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 over the md5 of every row's text, in order of those hashes: independent of storage order. */
  checksum: string;
}

export interface Manifest {
  format: 'kinerja-backup/1';
  kind: 'postgres' | 'embedded';
  createdAt: string;
  /** The newest migration the database had. */
  migration: string | null;
  tables: TableSummary[];
}

type Query = <T>(sql: string) => Promise<T[]>;

/** Rows and checksum of every table of the public schema, by name. */
export async function summariseTables(query: Query): Promise<TableSummary[]> {
  const tables = await query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: TableSummary[] = [];
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await query<{ rows: number; checksum: string }>(
      `select count(*)::int as rows,
              md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5(t::text) as h from ${quoted} t) hashed`,
    );
    out.push({ table: name, rows: Number(row.rows), checksum: row.checksum });
  }
  return out;
}

async function newestMigration(query: Query): Promise<string | null> {
  const exists = await query<{ found: boolean }>(
    `select to_regclass('public.mikro_orm_migrations') is not null as found`,
  );
  if (!exists[0]?.found) return null;
  const rows = await query<{ name: string }>(
    'select name from mikro_orm_migrations order by id desc limit 1',
  );
  return rows[0]?.name ?? null;
}

async function manifestOf(kind: Manifest['kind'], query: Query): Promise<Manifest> {
  return {
    format: 'kinerja-backup/1',
    kind,
    createdAt: new Date().toISOString(),
    migration: await newestMigration(query),
    tables: await summariseTables(query),
  };
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

function writeManifest(file: string, manifest: Manifest): void {
  fs.writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(file: string): Manifest | null {
  const at = manifestPath(file);
  if (!fs.existsSync(at)) return null;
  const manifest = JSON.parse(fs.readFileSync(at, 'utf8')) as Manifest;
  if (manifest.format !== 'kinerja-backup/1') {
    throw new BackupError(`${at} is not a Kinerja backup manifest.`);
  }
  return manifest;
}

/** A backup or restore that cannot be done, with what to do about it. */
export class BackupError extends Error {}

/** The tables whose rows or checksum differ from the manifest's, in words; empty when none. */
export function compareWithManifest(manifest: Manifest, actual: TableSummary[]): string[] {
  const byName = new Map(actual.map((t) => [t.table, t]));
  const problems: string[] = [];
  for (const saved of manifest.tables) {
    const now = byName.get(saved.table);
    if (!now) problems.push(`table ${saved.table} is missing`);
    else if (now.rows !== saved.rows)
      problems.push(`table ${saved.table} has ${now.rows} rows, the backup ${saved.rows}`);
    else if (now.checksum !== saved.checksum)
      problems.push(`table ${saved.table} differs from the backup (checksum)`);
  }
  return problems;
}

function pgQuery(client: pg.Client): Query {
  return async <T>(sql: string) => (await client.query(sql)).rows as T[];
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(name, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new BackupError(
        `${name} was not found. Install the PostgreSQL client tools of your server's version (Debian: apt install postgresql-client).`,
      );
    }
    throw new BackupError(`${name} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** Dumps the PostgreSQL database at `url` to `file` while it keeps serving; returns its manifest. */
export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const [{ snapshot }] = (await client.query('select pg_export_snapshot() as snapshot')).rows;
    const query = pgQuery(client);
    const manifest = await manifestOf('postgres', query);
    const partial = `${file}.partial`;
    await tool('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      `--file=${partial}`,
      `--dbname=${url}`,
    ]);
    fs.renameSync(partial, file);
    writeManifest(file, manifest);
    await client.query('commit');
    return manifest;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the PostgreSQL database at `url`, all or nothing, and checks it against the
 * manifest. Refuses while other sessions use the database, unless `force`.
 */
export async function restorePostgres(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ manifest: Manifest | null; tables: TableSummary[] }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const manifest = readManifest(file);
  if (manifest && manifest.kind !== 'postgres') {
    throw new BackupError(
      `${file} is a backup of the embedded database; restore it without DATABASE_URL.`,
    );
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = (
      await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
    ).rows[0].n;
    if (others > 0 && !options.force) {
      throw new BackupError(
        `${others} other session(s) use this database: stop the Kinerja servers first (or pass --force).`,
      );
    }
    await tool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${url}`,
      file,
    ]);
    const tables = await summariseTables(pgQuery(client));
    if (manifest) {
      const problems = compareWithManifest(manifest, tables);
      if (problems.length > 0)
        throw new BackupError(`The restore differs from the backup: ${problems.join('; ')}.`);
    }
    // The restored events keep their order but take this transaction's id as theirs: the
    // database restored into may be a new cluster whose transaction ids are lower, and new
    // events must come after them (realtime/position.ts). Positions handed out before the restore
    // name no event any more, so resuming subscribers are told to fetch again.
    await client.query(
      `do $$ begin
         if to_regclass('public.event') is not null then
           update event set tx = pg_current_xact_id();
         end if;
       end $$`,
    );
    return { manifest, tables };
  } finally {
    await client.end();
  }
}

/** Dumps the embedded database in `dataDir` (its server stopped) to `file`. */
export async function backupEmbedded(dataDir: string, file: string): Promise<Manifest> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`${dataDir} holds no embedded database.`);
  }
  return holding(dataDir, async () => {
    const db = await PGlite.create(dataDir);
    try {
      const query: Query = async <T>(sql: string) => (await db.query<T>(sql)).rows;
      const manifest = await manifestOf('embedded', query);
      const dump = await db.dumpDataDir('gzip');
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      writeManifest(file, manifest);
      return manifest;
    } finally {
      await db.close();
    }
  });
}

/**
 * Restores `file` into `dataDir` (its server stopped). What was there is moved aside, never
 * deleted (`<dataDir>.before-restore-<time>`), and moved back if the restore fails its check.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
): Promise<{ manifest: Manifest | null; tables: TableSummary[]; movedAside: string | null }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const manifest = readManifest(file);
  if (manifest && manifest.kind !== 'embedded') {
    throw new BackupError(`${file} is a backup of PostgreSQL; restore it with DATABASE_URL set.`);
  }
  refuseIfInUse(dataDir);
  let movedAside: string | null = null;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, movedAside);
  }
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const tables = await holding(dataDir, async () => {
      const blob = new Blob([fs.readFileSync(file)]);
      const db = await PGlite.create({ dataDir, loadDataDir: blob });
      try {
        return await summariseTables(async <T>(sql: string) => (await db.query<T>(sql)).rows);
      } finally {
        await db.close();
      }
    });
    if (manifest) {
      const problems = compareWithManifest(manifest, tables);
      if (problems.length > 0)
        throw new BackupError(`The restore differs from the backup: ${problems.join('; ')}.`);
    }
    return { manifest, tables, movedAside };
  } catch (error) {
    // Put back what was there.
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, dataDir);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} could not be restored: ${(error as Error).message}`);
  }
}

function refuseIfInUse(dataDir: string): void {
  const pid = dataDirInUse(dataDir);
  if (pid !== null) {
    throw new BackupError(
      `A Kinerja server (process ${pid}) is using ${dataDir}: stop it first, then run this again.`,
    );
  }
}

/** Holds `dataDir` for this process (a server starting meanwhile refuses) while `work` runs. */
async function holding<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  refuseIfInUse(dataDir);
  const pidFile = path.join(dataDir, PID_FILE);
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  try {
    return await work();
  } finally {
    fs.rmSync(pidFile, { force: true });
  }
}
