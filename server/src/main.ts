import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

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
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests');
    app.close().then(
      () => process.exit(0),
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
