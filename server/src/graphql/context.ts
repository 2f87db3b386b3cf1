import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { Role } from '../modules/auth/auth.enums.js';
import type { Loaders } from './loaders.js';

/** Who is asking: resolved once per request from the session token or cookie. */
export interface Viewer {
  accountId: string;
  employeeId: string;
  roles: Role[];
  adminOrgUnitId: string | null;
  sessionId: string;
  mustChangePassword: boolean;
}

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  config: Config;
  /** Present on HTTP requests (absent on WebSocket operations). */
  req?: Request;
  res?: Response;
}
