import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventSubscriber } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import {
  defineConfig,
  type Logger,
  type LoggerNamespace,
  type LoggerOptions,
  MikroORM,
} from '@mikro-orm/postgresql';
import { migrationsList } from './migrations/index.js';
import { countStatement } from './query-stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Source folder of migrations and the schema snapshot (written by `migration:create`). */
export const migrationsSourceDir = path.resolve(
  here.includes(`${path.sep}dist${path.sep}`) ? here.replace(`${path.sep}dist`, '') : here,
  'migrations',
);

/** Counts every SQL statement (for N+1 tests and per-request logs) without printing it. */
class CountingLogger implements Logger {
  constructor(private readonly options: LoggerOptions) {}
  log(namespace: LoggerNamespace): void {
    if (namespace === 'query') countStatement();
  }
  error(namespace: LoggerNamespace, message: string): void {
    if (namespace !== 'query') this.options.writer(`[mikro-orm] ${message}`);
  }
  warn(namespace: LoggerNamespace, message: string): void {
    if (namespace !== 'query') this.options.writer(`[mikro-orm] ${message}`);
  }
  logQuery(): void {
    countStatement();
  }
  setDebugMode(): void {}
  isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query';
  }
}

/** The entity classes the ORM maps: the api floor lists them from its features. */
export type EntityList = readonly (abstract new (...args: never[]) => unknown)[];

export function ormConfig(
  clientUrl: string,
  poolSize: number,
  entities: EntityList,
  subscribers: EventSubscriber[] = [],
) {
  return defineConfig({
    clientUrl,
    entities: [...entities] as (new () => object)[],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      path: migrationsSourceDir,
      pathTs: migrationsSourceDir,
      snapshot: true,
      snapshotName: '.snapshot-kinerja',
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: poolSize },
    debug: ['query'],
    loggerFactory: (options) => new CountingLogger(options),
    forceUtcTimezone: true,
    subscribers,
    // Relations that are not loaded stay references; resolvers batch them through DataLoaders.
    allowGlobalContext: false,
    ignoreUndefinedInQuery: true,
  });
}

export async function openOrm(
  clientUrl: string,
  poolSize: number,
  entities: EntityList,
  subscribers: EventSubscriber[] = [],
): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, poolSize, entities, subscribers));
}
