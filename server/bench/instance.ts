/**
 * A Kinerja server in its own process: the fan-out benchmark's second instance, and the server
 * the peer comparison measures (fresh, as PostGraphile is, rather than the benchmark process that
 * has served everything before). Forked with DATABASE_URL set (see child.ts); `'stats'` answers
 * the SQL statements it has run so far. Instances share one PostgreSQL database, so an event
 * committed once reaches the subscribers of all through LISTEN/NOTIFY.
 */
import 'reflect-metadata';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { processStats } from '../src/db/query-stats.js';
import { createLogger } from '../src/kernel/logger.js';
import { serveToParent } from './child.js';

const config = {
  ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }),
  host: '127.0.0.1',
  port: 0,
};
const app = await createApp(config, {
  logger: createLogger({ logLevel: 'warn' }),
  print: () => {},
});
serveToParent(
  app.url,
  () => app.close(),
  () => processStats.sqlStatements,
);
