/**
 * A second Kinerja server in its own process, for the fan-out benchmark's two-instance run:
 * forked with DATABASE_URL set, it reports `{ url }` over IPC once listening and closes on
 * `'close'` (or when the parent goes away). Both instances share one PostgreSQL database, so an
 * event committed once reaches the subscribers of both through LISTEN/NOTIFY.
 */
import 'reflect-metadata';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const config = {
  ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }),
  host: '127.0.0.1',
  port: 0,
};
const app = await createApp(config, {
  logger: createLogger({ logLevel: 'warn' }),
  print: () => {},
});
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void stop();
});
process.on('disconnect', () => void stop());
process.send?.({ url: app.url });
