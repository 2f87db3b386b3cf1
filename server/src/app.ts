import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Context } from './access/context.js';
import { watchAccessChanges } from './api/access-changes.js';
import { startApollo } from './api/apollo.js';
import { authenticate, httpContext } from './api/context.js';
import { openDatabase } from './api/database.js';
import type { GraphqlLane } from './api/http.js';
import { buildKinerjaSchema } from './api/schema.js';
import { settlesWithin } from './api/shutdown.js';
import { createWebApp } from './api/web.js';
import { attachWebSocketServer } from './api/ws.js';
import { enablePreparedStatements } from './db/prepared.js';
import type { Config } from './kernel/config.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { ensureDefaultPatterns } from './modules/evaluation/index.js';
import { CommitHook, EventBus } from './realtime/bus.js';
import { printDemoLogins, seedDemoIfEmpty } from './seed/demo.js';
import { ensureReferenceUnits } from './seed/reference.js';

export interface App {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  orm: MikroORM;
  logger: Logger;
  bus: EventBus;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Where demo logins are printed (stdout by default). */
  print?: (line: string) => void;
  /**
   * How long `close()` lets requests in flight finish before cutting their connections
   * (10 s by default). Idle keep-alive connections are closed at once.
   */
  shutdownGraceMs?: number;
}

/** Longest wait for each step of closing the database after the HTTP server has stopped. */
const DATABASE_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Starts Kinerja: the database (PostgreSQL, or embedded PGlite when `databaseUrl` is null),
 * migrations, reference data, demo data when asked, and one HTTP server for the API, health
 * checks and the dashboard. Used alike by `main.ts`, tests and benchmarks. Each step is a
 * function of the api floor; this only puts them in order.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const shutdownGraceMs = options.shutdownGraceMs ?? 10_000;

  // 1. The database: migrated, with its reference data (and demo data when asked).
  const commitHook = new CommitHook();
  const { orm: readyOrm, embedded } = await openDatabase(
    config,
    logger,
    commitHook,
    async (orm) => {
      await ensureDefaultPatterns(orm.em.fork());
      const added = await ensureReferenceUnits(orm.em.fork());
      if (added > 0) logger.info({ units: added }, 'reference organisation units added');
      if (config.demo) {
        await seedDemoIfEmpty(orm, config, logger);
        await printDemoLogins(orm.em.fork(), print);
      }
    },
  );
  if (config.databaseUrl) enablePreparedStatements(readyOrm);

  // 2. Live updates: the event bus, and the viewer cache that access changes clear.
  const bus = new EventBus(readyOrm, logger, {
    // Only PostgreSQL delivers NOTIFY across connections; PGlite relies on the commit hook.
    listenUrl: config.databaseUrl,
    pollMs: 2_000,
    retentionHours: config.eventRetentionHours,
  });
  await bus.start();
  const { viewers, stop: stopForgetting } = watchAccessChanges(
    bus,
    commitHook,
    config.sessionCacheSeconds,
  );

  // 3. One HTTP server: JSON POSTs to /graphql take the direct lane once it is ready (see
  // api/http.ts), everything else goes through Express.
  let lane: GraphqlLane<Context> | null = null;
  let web: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const httpServer = http.createServer((req, res) => {
    if (lane?.takes(req)) lane.handle(req, res);
    else web(req, res);
  });
  // Every connection, including ones taken over by an upgrade (which closeAllConnections() does
  // not see), so that close() can end them all.
  const connections = new Set<Socket>();
  httpServer.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  // 4. GraphQL over HTTP (Apollo) and WebSocket (graphql-ws), on the schema of every feature.
  const schema = await buildKinerjaSchema();
  const apollo = await startApollo({ schema, httpServer, config, logger, shutdownGraceMs });
  const context = httpContext({ orm: readyOrm, viewers, bus, config });
  const webApp = createWebApp({ config, logger, orm: readyOrm, apollo, context });
  web = webApp.app;
  lane = webApp.lane;
  const websockets = attachWebSocketServer({
    httpServer,
    schema,
    orm: readyOrm,
    bus,
    config,
    logger,
    authenticate,
  });

  // 5. Listen.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    orm: readyOrm,
    logger,
    bus,
    /**
     * Stops taking requests, lets those in flight finish for up to the grace period (idle
     * keep-alive connections are closed at once), cuts every connection left, then closes the
     * database. Each step is bounded, so a stuck one cannot keep the process from exiting.
     */
    close() {
      closing ??= (async () => {
        const errors: unknown[] = [];
        const step = async (name: string, run: () => Promise<unknown>, ms: number) => {
          try {
            if (!(await settlesWithin(run(), ms)))
              logger.warn({ step: name, timeoutMs: ms }, 'stopping: step timed out; going on');
          } catch (error) {
            logger.error({ err: error, step: name }, 'stopping: step failed; going on');
            errors.push(error);
          }
        };
        await step('close websockets', () => websockets.close(), 5_000);
        await step('drain requests', () => apollo.stop(), shutdownGraceMs + 2_000);
        stopForgetting();
        await step('stop event bus', () => bus.stop(), 5_000);
        httpServer.closeAllConnections();
        for (const socket of connections) socket.destroy();
        await step('close database pool', () => readyOrm.close(), DATABASE_CLOSE_TIMEOUT_MS);
        if (embedded) {
          const db = embedded;
          await step('close embedded database', () => db.close(), 2 * DATABASE_CLOSE_TIMEOUT_MS);
        }
        if (errors.length > 0) throw errors[0];
      })();
      return closing;
    },
  };
}
