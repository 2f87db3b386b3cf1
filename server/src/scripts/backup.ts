import path from 'node:path';
import {
  BackupError,
  backupEmbedded,
  backupPostgres,
  type Manifest,
  restoreEmbedded,
  restorePostgres,
  type TableSummary,
} from '../db/backup.js';
import { ConfigError, loadConfig } from '../kernel/config.js';

/**
 * `pnpm backup [file]` and `pnpm restore <file> [--force]`: the database named by the same
 * settings as the server (DATABASE_URL, else the embedded one in KINERJA_DATA_DIR or .data).
 * See docs/operations.md.
 */

const USAGE = `Usage:
  pnpm backup [file]             back up the database (default file: kinerja-<kind>-<time>.<ext>)
  pnpm restore <file> [--force]  restore a backup over the database, checked against its manifest
The database is the server's: DATABASE_URL (PostgreSQL), else the embedded one in
KINERJA_DATA_DIR (default .data). Stop the servers before a restore.`;

/** Paths are taken from where the command was typed (pnpm runs scripts elsewhere). */
function fromCaller(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function describe(tables: TableSummary[]): string {
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  return `${tables.length} tables, ${rows.toLocaleString('en')} rows`;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const force = rest.includes('--force');
  const [fileArg] = rest.filter((a) => a !== '--force' && a !== '--');
  if (command !== 'backup' && command !== 'restore') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const kind = config.databaseUrl ? 'postgres' : 'embedded';
  if (kind === 'embedded' && !config.dataDir) {
    process.stderr.write(
      'The embedded database is in memory (KINERJA_DATA_DIR=:memory:?); nothing to back up.\n',
    );
    return 2;
  }
  const started = Date.now();
  if (command === 'backup') {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const file = fromCaller(
      fileArg ?? `kinerja-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`,
    );
    const manifest: Manifest = config.databaseUrl
      ? await backupPostgres(config.databaseUrl, file)
      : await backupEmbedded(config.dataDir!, file);
    process.stdout.write(
      `Backed up ${describe(manifest.tables)} to ${file} in ${Date.now() - started} ms ` +
        `(manifest: ${file}.manifest.json).\n`,
    );
    return 0;
  }
  if (!fileArg) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = fromCaller(fileArg);
  if (config.databaseUrl) {
    const { manifest, tables } = await restorePostgres(config.databaseUrl, file, { force });
    process.stdout.write(
      `Restored ${describe(tables)} from ${file} in ${Date.now() - started} ms; ` +
        (manifest
          ? 'every table matches the manifest.\n'
          : 'no manifest was found to check it against.\n'),
    );
  } else {
    const { manifest, tables, movedAside } = await restoreEmbedded(config.dataDir!, file);
    process.stdout.write(
      `Restored ${describe(tables)} from ${file} into ${config.dataDir} in ${Date.now() - started} ms; ` +
        (manifest
          ? 'every table matches the manifest.'
          : 'no manifest was found to check it against.') +
        (movedAside ? ` What was there before is kept in ${movedAside}.` : '') +
        '\n',
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
