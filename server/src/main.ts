import { createApp } from './app.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { createLogger } from './kernel/logger.js';

/** Longest a stop may take: the 10 s drain of requests in flight, then closing the database. */
const STOP_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  if (config.demo) {
    process.stdout.write(
      `Starting Kinerja with demo data (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}); an empty database gets ${config.demoEmployees} demo employees...\n`,
    );
  }
  const app = await createApp(config, { logger });
  process.stdout.write(`Kinerja is running at ${app.url} (GraphQL at ${app.url}/graphql)\n`);

  let stopping = false;
  const stop = (signal: string) => {
    // A repeated signal (a terminal's Ctrl-C also forwarded by pnpm, say) changes nothing.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests');
    // Last resort: app.close() bounds each of its steps, but the process must end regardless.
    const force = setTimeout(() => {
      logger.error(
        { timeoutMs: STOP_TIMEOUT_MS },
        'stopping: not done in time, exiting without finishing',
      );
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    force.unref();
    const started = Date.now();
    app.close().then(
      () => {
        logger.info({ durationMs: Date.now() - started }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Kinerja could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
