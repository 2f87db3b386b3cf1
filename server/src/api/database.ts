import type { MikroORM } from '@mikro-orm/postgresql';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../db/embedded.js';
import type { Config } from '../kernel/config.js';
import type { Logger } from '../kernel/logger.js';
import type { CommitHook } from '../realtime/bus.js';
import { openKinerjaOrm } from './entities.js';

export interface Database {
  orm: MikroORM;
  /** The embedded PGlite, when there is no DATABASE_URL. */
  embedded: EmbeddedDatabase | null;
}

/**
 * Opens the database (PostgreSQL, or embedded PGlite when `databaseUrl` is null), applies the
 * pending migrations, then runs `prepare` (reference data, demo data). Closes what it opened
 * when any step fails.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  commitHook: CommitHook,
  prepare: (orm: MikroORM) => Promise<void>,
): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let orm: MikroORM | null = null;
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedDatabase(config.dataDir, config.dbPoolSize + 2);
      databaseUrl = embedded.url;
      logger.info({ dataDir: config.dataDir ?? ':memory:' }, 'embedded database started');
    }
    orm = await openKinerjaOrm(databaseUrl, config.dbPoolSize, [commitHook]);
    const applied = await orm.getMigrator().up();
    if (applied.length > 0)
      logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await prepare(orm);
    return { orm, embedded };
  } catch (error) {
    await orm?.close();
    await embedded?.close();
    throw error;
  }
}
