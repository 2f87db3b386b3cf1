import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { seedDemoIfEmpty, printDemoLogins } from './db/demo.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded.js';
import { openOrm } from './db/orm.js';
import { operationStats, type OperationStats } from './db/query-stats.js';
import { ensureReferenceUnits } from './db/reference.js';
import type { Context } from './graphql/context.js';
import { PUBLIC_CODES } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { buildKinerjaSchema } from './graphql/schema.js';
import { createLogger, type Logger } from './logger.js';
import { authenticate, SESSION_COOKIE } from './modules/auth/auth.service.js';

export interface App {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  orm: MikroORM;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Where demo logins are printed (stdout by default). */
  print?: (line: string) => void;
}

interface RequestState {
  requestId: string;
  operationName?: string;
  stats: OperationStats;
}

const BODY_LIMIT = '100kb';

function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = req.headers.cookie ? parseCookies(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

/**
 * Starts Kinerja: the database (PostgreSQL, or embedded PGlite when `databaseUrl` is null),
 * migrations, reference data, demo data when asked, and one HTTP server for the API, health
 * checks and the dashboard. Used alike by `main.ts`, tests and benchmarks.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  let embedded: EmbeddedDatabase | null = null;
  let orm: MikroORM | null = null;
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedDatabase(config.dataDir, config.dbPoolSize + 2);
      databaseUrl = embedded.url;
      logger.info({ dataDir: config.dataDir ?? ':memory:' }, 'embedded database started');
    }
    orm = await openOrm(databaseUrl, config.dbPoolSize);
    const applied = await orm.getMigrator().up();
    if (applied.length > 0)
      logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    const added = await ensureReferenceUnits(orm.em.fork());
    if (added > 0) logger.info({ units: added }, 'reference organisation units added');
    if (config.demo) {
      await seedDemoIfEmpty(orm, config, logger);
      await printDemoLogins(orm.em.fork(), print);
    }
  } catch (error) {
    await orm?.close();
    await embedded?.close();
    throw error;
  }
  const readyOrm = orm;

  const schema = await buildKinerjaSchema();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const requestLog: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, contextValue }) {
          const state = contextValue.req?.res?.locals.kinerja as RequestState | undefined;
          if (state)
            state.operationName = request.operationName ?? operation?.name?.value ?? undefined;
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.nodeEnv !== 'production',
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), requestLog],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      if (PUBLIC_CODES.has(code)) return formatted;
      logger.error({ err: error }, 'unexpected error in a GraphQL operation');
      return {
        message:
          'Something went wrong on the server; it has been logged. Try again, or report the time it happened.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
  await apollo.start();

  // One log line per request, with the SQL statements it cost.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const state: RequestState = {
      requestId: req.get('x-request-id')?.slice(0, 100) || randomUUID(),
      stats: { sqlStatements: 0 },
    };
    res.locals.kinerja = state;
    res.setHeader('x-request-id', state.requestId);
    res.on('finish', () => {
      if (req.path === '/healthz') return;
      logger.info(
        {
          requestId: state.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          operationName: state.operationName,
          sqlStatements: state.stats.sqlStatements,
        },
        'request',
      );
    });
    operationStats.run(state.stats, () => next());
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await readyOrm.em.fork().execute('select 1');
      const pending = await readyOrm.getMigrator().getPendingMigrations();
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending: pending.map((m) => m.name) });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      async context({ req, res }): Promise<Context> {
        const em = readyOrm.em.fork();
        const viewer = await authenticate(em, bearerToken(req));
        const state = res.locals.kinerja as RequestState;
        return {
          em,
          viewer,
          loaders: createLoaders(em),
          requestId: state.requestId,
          config,
          req,
          res,
        };
      },
    }),
  );

  if (fs.existsSync(path.join(config.webDir, 'index.html'))) {
    app.use(express.static(config.webDir, { index: false, maxAge: '1h' }));
    const indexHtml = path.join(config.webDir, 'index.html');
    app.get(/^(?!\/graphql).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }

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
    close() {
      closing ??= (async () => {
        await apollo.stop();
        httpServer.closeAllConnections();
        await readyOrm.close();
        await embedded?.close();
      })();
      return closing;
    },
  };
}
