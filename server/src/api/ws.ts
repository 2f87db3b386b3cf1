import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../kernel/config.js';
import type { Context, Viewer } from '../access/context.js';
import { checkTokenCount, DEFAULT_LIMITS, limitValidationRules } from './limits.js';
import { createLoaders } from './loaders.js';
import type { Logger } from '../kernel/logger.js';
import { SESSION_COOKIE } from '../modules/auth/index.js';
import { inBackground } from '../db/query-stats.js';
import type { EventBus } from '../realtime/bus.js';
import { recordAttempt } from '../realtime/change.js';
import { sharingSubscribe } from '../realtime/shared-subscribe.js';
import { apiReasons, formatGraphQLError, toGraphQLError } from './errors.js';
import { unsafeTextIn } from './input-guard.js';

export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
export const MAX_CONNECTIONS_PER_ACCOUNT = 10;
const REAUTH_INTERVAL_MS = 60_000;

type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  token?: string | null;
  viewer?: Viewer | null;
  /** Ids of the subscriptions running on this socket (queries and mutations are not counted). */
  subscriptionIds?: Set<string>;
  /** The socket closed (possibly while connection_init was still being authenticated). */
  closed?: boolean;
} & Record<PropertyKey, unknown>;

type Ctx = WsContext<Record<string, unknown> | undefined, Extra>;

export interface WebSocketServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  bus: EventBus;
  config: Config;
  logger: Logger;
  authenticate: (em: MikroORM['em'], token: string | null) => Promise<Viewer | null>;
}

function accountKey(viewer: Viewer): string {
  return viewer.kind === 'person' ? `person:${viewer.accountId}` : `client:${viewer.clientId}`;
}

/** Same origin (Origin's host equals Host), an allowed origin, or no Origin (not a browser). */
export function originAllowed(request: http.IncomingMessage, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    if (new URL(origin).host === request.headers.host) return true;
  } catch {
    return false;
  }
  return allowed.includes(origin.replace(/\/$/, ''));
}

/** How many distinct (document, variables) checks onSubscribe remembers. */
const CHECKED_DOCUMENTS_KEPT = 500;

type CheckedDocument =
  | { document: DocumentNode; errors?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[] };

function parseAndValidate(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> | undefined,
): CheckedDocument {
  const tooLong = checkTokenCount(query, DEFAULT_LIMITS.maxTokens);
  if (tooLong) return { errors: [tooLong] };
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: DEFAULT_LIMITS.maxTokens });
  } catch (error) {
    return {
      errors: [
        error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed.'),
      ],
    };
  }
  const errors = validate(schema, document, [
    ...specifiedRules,
    ...limitValidationRules(DEFAULT_LIMITS, variables),
  ]);
  return errors.length > 0 ? { errors } : { document };
}

/**
 * graphql-ws on the HTTP server's `/graphql`: authenticates in `connection_init` (token in the
 * payload, or the session cookie) and closes with 4401 otherwise; refuses foreign Origins at the
 * upgrade; applies the HTTP limits (tokens, depth, aliases, cost) in onSubscribe; caps
 * subscriptions per connection and connections per account; closes the sockets of a revoked
 * session or deactivated account at once, and re-checks every socket's session every minute.
 */
export function attachWebSocketServer(options: WebSocketServerOptions): { close(): Promise<void> } {
  const { httpServer, schema, orm, bus, config, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const byAccount = new Map<string, Set<Extra>>();

  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      socket.destroy();
      return;
    }
    if (!originAllowed(request, config.allowedOrigins)) {
      logger.warn({ origin: request.headers.origin }, 'websocket refused: origin not allowed');
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);

  const forget = (extra: Extra) => {
    if (!extra.viewer) return;
    const set = byAccount.get(accountKey(extra.viewer));
    set?.delete(extra);
    if (set?.size === 0) byAccount.delete(accountKey(extra.viewer));
  };

  /**
   * Parsing and validation (with the limits, which depend on the variables) of the documents
   * subscribed recently: thousands of dashboards subscribe the same document, and checking it
   * once is enough. Deterministic for one schema, so sharing the result is safe.
   */
  const checkedDocuments = new Map<string, CheckedDocument>();
  const checkDocument = (
    query: string,
    variables: Record<string, unknown> | undefined,
  ): CheckedDocument => {
    const key = `${query}\u0000${JSON.stringify(variables ?? null)}`;
    const known = checkedDocuments.get(key);
    if (known) return known;
    const checked = parseAndValidate(schema, query, variables);
    if (checkedDocuments.size >= CHECKED_DOCUMENTS_KEPT) {
      checkedDocuments.delete(checkedDocuments.keys().next().value!);
    }
    checkedDocuments.set(key, checked);
    return checked;
  };

  const disposer = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      subscribe: sharingSubscribe(),
      async onConnect(ctx: Ctx) {
        const params = ctx.connectionParams ?? {};
        const fromParams = typeof params.token === 'string' ? params.token : null;
        const cookie = ctx.extra.request.headers.cookie;
        const token =
          fromParams ?? (cookie ? (parseCookies(cookie)[SESSION_COOKIE] ?? null) : null);
        const viewer = await options.authenticate(orm.em.fork(), token);
        // A socket that closed while it was being authenticated takes no slot: onClose has
        // already run for it, and nothing would ever free the slot again.
        if (ctx.extra.closed || ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!viewer) {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: sign in first');
          return false;
        }
        const key = accountKey(viewer);
        const set = byAccount.get(key) ?? new Set<Extra>();
        if (set.size >= MAX_CONNECTIONS_PER_ACCOUNT) {
          ctx.extra.socket.close(
            CloseCode.Forbidden,
            `Too many connections: at most ${MAX_CONNECTIONS_PER_ACCOUNT} per account`,
          );
          return false;
        }
        ctx.extra.token = token;
        ctx.extra.viewer = viewer;
        ctx.extra.subscriptionIds = new Set();
        set.add(ctx.extra);
        byAccount.set(key, set);
        return true;
      },
      onClose(ctx: Ctx) {
        ctx.extra.closed = true;
        forget(ctx.extra);
      },
      async onSubscribe(ctx: Ctx, id, payload) {
        const checked = checkDocument(payload.query, payload.variables ?? undefined);
        if (checked.errors) return checked.errors;
        const document = checked.document;
        const unsafe = unsafeTextIn(document, payload.variables);
        if (unsafe) return [toGraphQLError(unsafe)];
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [toGraphQLError(apiReasons.operationNameMissing())];
        const viewer = ctx.extra.viewer!;
        if (viewer.kind === 'person' && viewer.mustChangePassword) {
          return [toGraphQLError(apiReasons.passwordChangeFirst())];
        }
        if (viewer.kind === 'client') {
          // Every use of an API client is logged and audited, over WebSocket as over HTTP.
          await recordClientUse(
            viewer,
            payload.operationName ?? operation.name?.value,
            operation.operation,
            ctx.extra,
          );
        }
        const running = (ctx.extra.subscriptionIds ??= new Set());
        if (operation.operation === 'subscription') {
          if (running.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
            return [
              toGraphQLError(
                apiReasons.tooManySubscriptions({ max: MAX_SUBSCRIPTIONS_PER_CONNECTION }),
              ),
            ];
          }
          running.add(id);
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? undefined,
          contextValue: operationContext(ctx.extra),
        };
      },
      // Errors reach a WebSocket client as they reach an HTTP one (reason codes, masking).
      onNext(_ctx, _id, _payload, _args, result) {
        if (!('errors' in result) || !result.errors?.length) return;
        return {
          ...result,
          errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e, options.logger)),
        };
      },
      // Called for every operation that ends, queries and mutations too: only a subscription's
      // end frees a subscription's place.
      onComplete(ctx: Ctx, id) {
        ctx.extra.subscriptionIds?.delete(id);
      },
    },
    wss,
  );

  /** The request log's line and the audit entry of an API client's operation over WebSocket. */
  async function recordClientUse(
    viewer: Extract<Viewer, { kind: 'client' }>,
    operationName: string | null | undefined,
    operation: string,
    extra: Extra,
  ): Promise<void> {
    const requestId = `ws-${Date.now().toString(36)}`;
    logger.info(
      {
        requestId,
        transport: 'websocket',
        operationName: operationName ?? undefined,
        apiClient: viewer.name,
      },
      'request',
    );
    try {
      await recordAttempt(
        {
          em: orm.em.fork(),
          viewer,
          requestId,
          ipAddress: extra.request.socket.remoteAddress ?? null,
        },
        {
          action: 'api_client.use',
          subjectType: 'ApiClient',
          subjectId: viewer.clientId,
          after: { operationName: operationName ?? null, operation, transport: 'websocket' },
        },
      );
    } catch (error) {
      logger.error({ err: error }, 'could not audit an API client operation over WebSocket');
    }
  }

  function operationContext(extra: Extra): Context {
    const em = orm.em.fork();
    return {
      em,
      viewer: extra.viewer ?? null,
      loaders: createLoaders(em, { batch: config.dataLoaderBatching }),
      requestId: `ws-${Date.now().toString(36)}`,
      config,
      ipAddress: extra.request.socket.remoteAddress ?? null,
      bus,
      freshEm: () => orm.em.fork(),
      loadersFor: (other) => createLoaders(other, { batch: config.dataLoaderBatching }),
    };
  }

  const closeWhere = (
    match: (extra: Extra) => boolean,
    reason: string,
    code: CloseCode = CloseCode.Unauthorized,
  ) => {
    for (const set of byAccount.values()) {
      for (const extra of [...set]) {
        if (match(extra)) {
          extra.socket.close(code, reason);
          forget(extra);
        }
      }
    }
  };

  // A revoked session, a deactivated account or a revoked API client closes its sockets at once.
  const unsubscribe = bus.subscribe((event) => {
    if (event.type === 'access.changed') {
      // Roles granted or revoked, or the employee deactivated or renamed: what was allowed when
      // the socket was opened may not be any more. The socket closes (4403); a client that
      // reconnects is authorised afresh, with what holds now.
      const { accountId, employeeId } = event.data as { accountId?: string; employeeId?: string };
      closeWhere(
        ({ viewer: v }) =>
          v?.kind === 'person' && (v.accountId === accountId || v.employeeId === employeeId),
        'Forbidden: your access changed; reconnect',
        CloseCode.Forbidden,
      );
      return;
    }
    if (event.type !== 'access.revoked') return;
    const { accountId, sessionId, exceptSessionId, clientId } = event.data as {
      accountId?: string;
      sessionId?: string;
      exceptSessionId?: string;
      clientId?: string;
    };
    closeWhere((extra) => {
      const v = extra.viewer;
      if (v?.kind === 'client') return v.clientId === clientId;
      if (v?.kind !== 'person' || v.accountId !== accountId) return false;
      if (sessionId) return v.sessionId === sessionId;
      return v.sessionId !== exceptSessionId;
    }, 'Unauthorized: the session has ended');
  });

  // Expired sessions (and anything else the events missed) are caught by a periodic check.
  const reauth = setInterval(() => {
    void inBackground(async () => {
      for (const set of byAccount.values()) {
        for (const extra of [...set]) {
          const viewer = await options
            .authenticate(orm.em.fork(), extra.token ?? null)
            .catch(() => null);
          if (!viewer) {
            extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the session has ended');
            forget(extra);
          }
        }
      }
    });
  }, REAUTH_INTERVAL_MS);
  reauth.unref();

  return {
    async close() {
      clearInterval(reauth);
      unsubscribe();
      httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Server is shutting down');
      await disposer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
