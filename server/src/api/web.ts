import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Context } from '../access/context.js';
import { operationStats } from '../db/query-stats.js';
import type { Config } from '../kernel/config.js';
import type { Logger } from '../kernel/logger.js';
import { newRequestState } from './context.js';
import { apolloHandler, GraphqlLane, NOT_JSON, replyError, tooLargeMessage } from './http.js';

const BODY_LIMIT_BYTES = 100 * 1024;

function isClientError(error: unknown): error is { status: number; type?: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function clientErrorMessage(error: { status: number; type?: string }): string {
  if (error.type === 'encoding.unsupported')
    return 'The request body is compressed in a way this server does not read; send it uncompressed (or gzip/deflate).';
  if (error.type === 'charset.unsupported') return 'Send the request body as UTF-8 JSON.';
  return 'The request could not be read; send a JSON POST with a GraphQL operation.';
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
 * The HTTP side: a log line per request, security headers, health and readiness, `/graphql`
 * (through Express, and the direct lane for JSON POSTs), the built dashboard, and GraphQL-shaped
 * answers to bodies too large or not JSON.
 */
export function createWebApp(options: {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  apollo: ApolloServer<Context>;
  context: (req: Request, res: Response) => Promise<Context>;
}): { app: express.Express; lane: GraphqlLane<Context> } {
  const { config, logger, orm, apollo, context } = options;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: they are POSTs, never revalidated, and hashing each body costs CPU
  // (static files keep theirs: serve-static and sendFile make their own).
  app.set('etag', false);
  // Whose X-Forwarded-For is believed: nobody's unless TRUST_PROXY names the proxies (a client
  // could otherwise pick any address and escape the per-address sign-in limit).
  app.set('trust proxy', config.trustProxy);

  // One log line per request, with the SQL statements it cost.
  const startRequest = (req: Request, res: Response, next: () => void) => {
    const started = process.hrtime.bigint();
    const state = newRequestState(req);
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
    // The embedded database's files gone from under it: not ready, whatever its cache answers.
    if (!config.databaseUrl && config.dataDir && !fs.existsSync(config.dataDir)) {
      res.status(503).json({ status: 'data directory missing', dataDir: config.dataDir });
      return;
    }
    try {
      await orm.em.fork().execute('select 1');
      const pending = await orm.getMigrator().getPendingMigrations();
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
  const lane = new GraphqlLane<Context>({
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
      } else if (isClientError(error)) {
        // Other refusals of a request (an unsupported encoding or charset: 415, and the like)
        // get GraphQL's error shape too, never an HTML page with a stack.
        replyError(res, error.status, clientErrorMessage(error));
      } else {
        next(error);
      }
    },
  );

  return { app, lane };
}
