import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { Context, Viewer } from '../access/context.js';
import type { Config } from '../kernel/config.js';
import type { OperationStats } from '../db/query-stats.js';
import type { EventBus } from '../realtime/bus.js';
import { API_TOKEN_PREFIX, authenticateClient } from '../modules/api-clients/index.js';
import { authenticateSession, SESSION_COOKIE, type ViewerCache } from '../modules/auth/index.js';
import { createLoaders } from './loaders.js';

/** What one HTTP request carries through its middlewares (res.locals.kinerja). */
export interface RequestState {
  requestId: string;
  operationName?: string;
  clientName?: string;
  stats: OperationStats;
}

export function newRequestState(req: Request): RequestState {
  return {
    requestId: req.get('x-request-id')?.slice(0, 100) || randomUUID(),
    stats: { sqlStatements: 0 },
  };
}

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

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = req.headers.cookie ? parseCookies(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

/** The context of each HTTP operation: the viewer behind its token or cookie, a fresh scope. */
export function httpContext(deps: {
  orm: MikroORM;
  viewers: ViewerCache;
  bus: EventBus;
  config: Config;
}): (req: Request, res: Response) => Promise<Context> {
  const { orm, viewers, bus, config } = deps;
  const loadersFor = (em: MikroORM['em']) =>
    createLoaders(em, { batch: config.dataLoaderBatching });
  return async (req, res) => {
    const em = orm.em.fork();
    const token = bearerToken(req);
    const viewer = token ? await viewers.get(token, () => authenticate(em, token)) : null;
    const state = res.locals.kinerja as RequestState;
    return {
      em,
      viewer,
      loaders: loadersFor(em),
      requestId: state.requestId,
      ipAddress: req.ip ?? null,
      config,
      bus,
      freshEm: () => orm.em.fork(),
      loadersFor,
      req,
      res,
    };
  };
}
