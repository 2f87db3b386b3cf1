import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type GraphQLFormattedError, Kind, type OperationDefinitionNode } from 'graphql';
import helmet from 'helmet';
import type { Config } from './kernel/config.js';
import { seedDemoIfEmpty, printDemoLogins } from './seed/demo.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded.js';
import { openOrm } from './db/orm.js';
import { enablePreparedStatements } from './db/prepared.js';
import { operationStats, type OperationStats } from './db/query-stats.js';
import { ensureReferenceUnits } from './seed/reference.js';
import { ensureDefaultPatterns } from './modules/evaluation/distribution.service.js';
import type { Context, Viewer } from './access/context.js';
import { apiReasons, formatGraphQLError } from './api/errors.js';
import { DEFAULT_LIMITS, limitsPlugin } from './api/limits.js';
import {
  apolloHandler,
  GraphqlLane,
  NOT_JSON,
  replyError,
  tooLargeMessage,
} from './api/http.js';
import { jitGateway } from './api/jit.js';
import { createLoaders } from './api/loaders.js';
import { buildKinerjaSchema } from './api/schema.js';
import { CommitHook, EventBus } from './realtime/bus.js';
import { takeAccessEvents } from './realtime/outbox.js';
import { attachWebSocketServer } from './api/ws.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { API_TOKEN_PREFIX, authenticateClient } from './modules/api-clients/api-clients.service.js';
import { auditNow } from './modules/audit/audit.service.js';
import { authenticateSession, SESSION_COOKIE } from './modules/auth/auth.service.js';
import { accessChangeOf, ViewerCache } from './modules/auth/viewer-cache.js';

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

interface RequestState {
  requestId: string;
  operationName?: string;
  clientName?: string;
  stats: OperationStats;
}

const BODY_LIMIT_BYTES = 100 * 1024;

/** Root fields a person whose password was reset may use before changing it. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'me',
  'changePassword',
  'logout',
  'validateNip',
  '__typename',
]);

/** Resolves a bearer token or session cookie to the viewer: a person, an API client, or nobody. */
export async function authenticate(
  em: MikroORM['em'],
  token: string | null,
): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  return token.startsWith(API_TOKEN_PREFIX)
    ? authenticateClient(em, token)
    : authenticateSession(em, token);
}

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
}

/** sha256 CSP sources for the inline scripts of the built dashboard's index.html. */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1].trim())
      hashes.push(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  }
  return hashes;
}

/**
 * The inline-script hashes of the index.html on disk now: re-read only when the file changes
 * (mtime or size), so rebuilding the dashboard while the server runs needs no restart. None
 * while the file is missing (not built, or being rebuilt).
 */
function currentScriptHashes(indexHtmlPath: string): () => string[] {
  let cached: { key: string; hashes: string[] } | null = null;
  return () => {
    let key: string;
    try {
      const stat = fs.statSync(indexHtmlPath);
      key = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return [];
    }
    if (cached?.key !== key) {
      try {
        cached = { key, hashes: inlineScriptHashes(fs.readFileSync(indexHtmlPath, 'utf8')) };
      } catch {
        return [];
      }
    }
    return cached.hashes;
  };
}

/**
 * Waits for `promise` at most `ms`; says whether it settled in time. A rejection in time
 * propagates; one after the time is up is ignored.
 */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  const settled = promise.then(() => true);
  settled.catch(() => {});
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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
  const shutdownGraceMs = options.shutdownGraceMs ?? 10_000;

  let embedded: EmbeddedDatabase | null = null;
  const commitHook = new CommitHook();
  let orm: MikroORM | null = null;
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedDatabase(config.dataDir, config.dbPoolSize + 2);
      databaseUrl = embedded.url;
      logger.info({ dataDir: config.dataDir ?? ':memory:' }, 'embedded database started');
    }
    orm = await openOrm(databaseUrl, config.dbPoolSize, [commitHook]);
    const applied = await orm.getMigrator().up();
    if (applied.length > 0)
      logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await ensureDefaultPatterns(orm.em.fork());
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
  if (config.databaseUrl) enablePreparedStatements(readyOrm);

  const bus = new EventBus(readyOrm, logger, {
    // Only PostgreSQL delivers NOTIFY across connections; PGlite relies on the commit hook.
    listenUrl: config.databaseUrl,
    pollMs: 2_000,
    retentionHours: config.eventRetentionHours,
  });
  await bus.start();
  // Who is behind each token, for a few seconds; access changes make it forget at once: this
  // process's when their transaction commits, every instance's when the bus brings the event.
  const viewers = new ViewerCache(config.sessionCacheSeconds * 1000);
  const forgetAccess = (events: { data?: Record<string, unknown> }[]) => {
    for (const event of events) viewers.forget(accessChangeOf(event.data ?? {}));
  };
  commitHook.onCommit = (em) => {
    forgetAccess(takeAccessEvents(em));
    bus.poke();
  };
  commitHook.onRollback = (em) => void takeAccessEvents(em);
  const stopForgetting = bus.subscribe((event) => {
    if (event.type.startsWith('access.')) forgetAccess([event]);
  });

  const schema = await buildKinerjaSchema();
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: they are POSTs, never revalidated, and hashing each body costs CPU
  // (static files keep theirs: serve-static and sendFile make their own).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // JSON POSTs to /graphql take the direct lane once it is ready (see graphql/http.ts).
  let lane: GraphqlLane<Context> | null = null;
  const httpServer = http.createServer((req, res) => {
    if (lane?.takes(req)) lane.handle(req, res);
    else app(req, res);
  });
  // Every connection, including ones taken over by an upgrade (which closeAllConnections() does
  // not see), so that close() can end them all.
  const connections = new Set<Socket>();
  httpServer.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  const requestLog: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, contextValue }) {
          const state = contextValue.res?.locals.kinerja as RequestState | undefined;
          const operationName = request.operationName ?? operation?.name?.value ?? undefined;
          if (state) state.operationName = operationName;
          const viewer = contextValue.viewer;
          if (viewer?.kind === 'client') {
            // Every use of an API client is logged (request line) and audited, with its name.
            if (state) state.clientName = viewer.name;
            await auditNow(contextValue.em, contextValue, {
              action: 'api_client.use',
              subjectType: 'ApiClient',
              subjectId: viewer.clientId,
              after: {
                operationName: operationName ?? null,
                operation: operation?.operation ?? null,
              },
            });
          }
        },
      };
    },
  };

  // Access at the operation level: introspection needs a signed-in caller in production, and a
  // person whose password was reset may do nothing but change it.
  const operationGuard: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const fields = rootFieldNames(operation);
          if (config.nodeEnv === 'production' && !contextValue.viewer) {
            if (fields.some((f) => f === '__schema' || f === '__type')) {
              throw apiReasons.introspectionNeedsSignIn();
            }
          }
          const viewer = contextValue.viewer;
          if (viewer?.kind === 'person' && viewer.mustChangePassword) {
            if (fields.some((f) => !ALLOWED_BEFORE_PASSWORD_CHANGE.has(f))) {
              throw apiReasons.passwordChangeFirst();
            }
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    // Queries and mutations run compiled by graphql-jit (see graphql/jit.ts).
    gateway: jitGateway(schema),
    // Anonymous introspection is refused in production by operationGuard; signed-in callers and
    // agency tools may introspect (codegen needs it).
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv !== 'development',
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    // main.ts handles SIGTERM/SIGINT and calls close(). Apollo's own handlers would start a second
    // stop() that close()'s stop() then waits on for ever: Apollo never resolves the barrier a
    // concurrent stop() awaits when the first succeeds, so the process hung after the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      // No HTTP cache hints are used; the default cache-control plugin hooks every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(DEFAULT_LIMITS),
      operationGuard,
      requestLog,
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      formatGraphQLError(formatted, error, logger),
  });
  await apollo.start();

  // One log line per request, with the SQL statements it cost.
  const startRequest = (req: Request, res: Response, next: () => void) => {
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
          apiClient: state.clientName,
          sqlStatements: state.stats.sqlStatements,
        },
        'request',
      );
    });
    operationStats.run(state.stats, () => next());
  };
  app.use(startRequest);

  const indexHtmlPath = path.join(config.webDir, 'index.html');
  const scriptHashes = currentScriptHashes(indexHtmlPath);
  // API answers load no scripts: they reuse the hashes last read instead of looking at the file
  // on every request (the dashboard's pages still look every time).
  let lastHashes: string | null = null;
  const scriptSources = (req: Request) => {
    if (req.path === '/graphql' && lastHashes !== null) return lastHashes;
    return (lastHashes = scriptHashes().join(' '));
  };
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (req) => scriptSources(req as Request)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...config.allowedOrigins],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.nodeEnv === 'production' ? [] : null,
      },
    },
    strictTransportSecurity: config.nodeEnv === 'production',
  });
  app.use(securityHeaders);

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

  const context = async (req: Request, res: Response): Promise<Context> => {
    const em = readyOrm.em.fork();
    const token = bearerToken(req);
    const viewer = token ? await viewers.get(token, () => authenticate(em, token)) : null;
    const state = res.locals.kinerja as RequestState;
    return {
      em,
      viewer,
      loaders: createLoaders(em, { batch: config.dataLoaderBatching }),
      requestId: state.requestId,
      ipAddress: req.ip ?? null,
      config,
      bus,
      freshEm: () => readyOrm.em.fork(),
      req,
      res,
    };
  };
  // Apollo answers every operation's own errors; this is for a failure around it.
  const onHttpError = (error: unknown, res: Response) => {
    logger.error({ err: error }, 'unexpected error serving a GraphQL request');
    if (res.headersSent) res.destroy();
    else
      replyError(
        res,
        500,
        'Something went wrong on the server; it has been logged.',
        'INTERNAL_SERVER_ERROR',
      );
  };
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT_BYTES }),
    apolloHandler(apollo, context, onHttpError),
  );
  lane = new GraphqlLane<Context>({
    app,
    apollo,
    context,
    begin: (req, res, next) =>
      startRequest(req, res, () =>
        securityHeaders(req, res, (error?: unknown) => {
          if (error) onHttpError(error, res);
          else next();
        }),
      ),
    bodyLimit: BODY_LIMIT_BYTES,
    onError: onHttpError,
  });

  // The dashboard, when built (it may be built, or rebuilt, while the server runs).
  app.use(express.static(config.webDir, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/graphql).*/, (_req, res, next) => {
    if (!fs.existsSync(indexHtmlPath)) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtmlPath);
  });

  // A body too large or not JSON gets GraphQL's error shape, not an HTML page.
  app.use(
    (
      error: { type?: string; length?: number; limit?: number },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (error.type === 'entity.too.large') {
        replyError(res, 413, tooLargeMessage(error.length ?? 0, error.limit ?? BODY_LIMIT_BYTES));
      } else if (error.type === 'entity.parse.failed') {
        replyError(res, 400, NOT_JSON);
      } else {
        next(error);
      }
    },
  );

  const websockets = attachWebSocketServer({
    httpServer,
    schema,
    orm: readyOrm,
    bus,
    config,
    logger,
    authenticate,
  });

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
