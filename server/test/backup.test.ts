import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupEmbedded,
  backupPostgres,
  manifestPath,
  restoreEmbedded,
  restorePostgres,
  summariseTables,
} from '../src/db/backup.js';
import {
  createScratchDatabase,
  gql,
  postgresUrl,
  seedDirectory,
  signIn,
  startTestApp,
} from './helpers.js';

const tmpDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Something a person did, so the backup holds more than the seeded directory. */
async function openPeriodAndSignIn(url: string, hrNip: string, password: string): Promise<void> {
  const token = await signIn(url, hrNip, password);
  const result = await gql(
    url,
    'mutation { openPeriod(input: { year: 2026 }) { id } }',
    {},
    { token },
  );
  expect(result.errors).toBeUndefined();
}

async function embeddedSummary(dataDir: string) {
  const db = await PGlite.create(dataDir);
  try {
    return await summariseTables(async <T>(sql: string) => (await db.query<T>(sql)).rows);
  } finally {
    await db.close();
  }
}

describe('backup and restore of the embedded database', () => {
  it('brings back every table, row for row, and keeps what it replaced', async () => {
    const dataDir = path.join(tempDir('kinerja-backup-'), 'data');
    const file = path.join(tempDir('kinerja-backup-file-'), 'kinerja.tar.gz');

    const first = await startTestApp({ dataDir, databaseUrl: null });
    const dir = await seedDirectory(first.app, 300);
    await openPeriodAndSignIn(first.url, dir.logins.hrAdmin, dir.password);
    // While the server runs, its data directory is not copied under it.
    await expect(backupEmbedded(dataDir, file)).rejects.toThrow(/stop it first/);
    // Nor is a second server started on it (two PGlite processes on one directory corrupt it).
    await expect(startTestApp({ dataDir, databaseUrl: null })).rejects.toThrow(
      /in use by another Kinerja server/,
    );
    await first.close();

    const manifest = await backupEmbedded(dataDir, file);
    expect(fs.existsSync(file)).toBe(true);
    expect(manifest.kind).toBe('embedded');
    expect(manifest.migration).toMatch(/^Migration/);
    const byTable = new Map(manifest.tables.map((t) => [t.table, t.rows]));
    expect(byTable.get('employee')).toBe(300);
    expect(byTable.get('session')).toBeGreaterThanOrEqual(1);
    expect(manifest.tables).toEqual(await embeddedSummary(dataDir));

    // Life goes on after the backup: another period, another session.
    const second = await startTestApp({ dataDir, databaseUrl: null });
    const token = await signIn(second.url, dir.logins.hrAdmin, dir.password);
    await gql(second.url, 'mutation { openPeriod(input: { year: 2027 }) { id } }', {}, { token });
    await second.close();
    const changed = await embeddedSummary(dataDir);
    expect(changed).not.toEqual(manifest.tables);

    const restored = await restoreEmbedded(dataDir, file);
    expect(restored.tables).toEqual(manifest.tables);
    expect(await embeddedSummary(dataDir)).toEqual(manifest.tables);
    // What was replaced is kept, whole.
    expect(restored.movedAside).not.toBeNull();
    tmpDirs.push(restored.movedAside!);
    expect(await embeddedSummary(restored.movedAside!)).toEqual(changed);

    // The server runs on the restored data: 2026 is there, 2027 is not.
    const third = await startTestApp({ dataDir, databaseUrl: null });
    const again = await signIn(third.url, dir.logins.hrAdmin, dir.password);
    const periods = await gql(third.url, '{ periods { year } }', {}, { token: again });
    expect(periods.data!.periods.map((p: { year: number }) => p.year)).toEqual([2026]);
    await third.close();
  }, 120_000);

  it('refuses a backup that does not match its manifest and puts back what was there', async () => {
    const dataDir = path.join(tempDir('kinerja-backup-'), 'data');
    const file = path.join(tempDir('kinerja-backup-file-'), 'kinerja.tar.gz');
    const app = await startTestApp({ dataDir, databaseUrl: null });
    await seedDirectory(app.app, 300);
    await app.close();
    await backupEmbedded(dataDir, file);
    const before = await embeddedSummary(dataDir);

    const manifest = JSON.parse(fs.readFileSync(manifestPath(file), 'utf8'));
    const employee = manifest.tables.find((t: { table: string }) => t.table === 'employee');
    employee.rows += 1;
    fs.writeFileSync(manifestPath(file), JSON.stringify(manifest));
    const failure = await restoreEmbedded(dataDir, file).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BackupError);
    expect((failure as Error).message).toMatch(/table employee has 300 rows, the backup 301/);
    expect(await embeddedSummary(dataDir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dataDir))).toEqual(['data']);

    fs.writeFileSync(file, 'not a backup');
    fs.rmSync(manifestPath(file));
    await expect(restoreEmbedded(dataDir, file)).rejects.toThrow(/could not be restored/);
    expect(await embeddedSummary(dataDir)).toEqual(before);
  }, 120_000);
});

describe.skipIf(!postgresUrl)('backup and restore of PostgreSQL', () => {
  it('dumps while the server runs, and restores all or nothing, every table as it was', async () => {
    const app = await startTestApp();
    const dir = await seedDirectory(app.app, 300);
    await openPeriodAndSignIn(app.url, dir.logins.hrAdmin, dir.password);
    const file = path.join(tempDir('kinerja-backup-file-'), 'kinerja.dump');
    const source = app.config.databaseUrl!;

    const manifest = await backupPostgres(source, file);
    const byTable = new Map(manifest.tables.map((t) => [t.table, t.rows]));
    expect(byTable.get('employee')).toBe(300);

    // Into a new database: every table as it was.
    const target = await createScratchDatabase(postgresUrl!);
    try {
      const restored = await restorePostgres(target.url, file);
      expect(restored.tables).toEqual(manifest.tables);

      // Restoring over a database in use is refused.
      const busy = new pg.Client({ connectionString: target.url });
      await busy.connect();
      await expect(restorePostgres(target.url, file)).rejects.toThrow(/other session/);
      await busy.end();

      // The restored database serves, and new events come after the restored ones.
      const served = await startTestApp({ databaseUrl: target.url });
      const token = await signIn(served.url, dir.logins.hrAdmin, dir.password);
      const seen: string[] = [];
      served.app.bus.subscribe((e) => seen.push(e.type));
      await gql(served.url, 'mutation { openPeriod(input: { year: 2027 }) { id } }', {}, { token });
      await served.app.bus.flush();
      expect(seen).toContain('period.open');
      await served.close();
    } finally {
      await target.drop();
      await app.close();
    }
  }, 120_000);
});
