import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Config } from '../kernel/config.js';
import type { ApiScope } from '../modules/api-clients/api-client.entity.js';
import type { Role } from '../modules/auth/auth.enums.js';
import type { EventBus } from '../realtime/bus.js';
import type { Loaders } from '../api/loaders.js';

/** A signed-in person, resolved from their session token or cookie. */
export interface PersonViewer {
  kind: 'person';
  accountId: string;
  employeeId: string;
  name: string;
  roles: Role[];
  adminOrgUnitId: string | null;
  sessionId: string;
  /** When the session ends (the viewer cache keeps it no longer). */
  sessionExpiresAt: Date;
  mustChangePassword: boolean;
}

/** An agency tool, resolved from its API token: read scopes, maybe limited to some OPDs. */
export interface ClientViewer {
  kind: 'client';
  clientId: string;
  name: string;
  scopes: ApiScope[];
  /** OPDs it may read; null = all. */
  opdIds: string[] | null;
}

export type Viewer = PersonViewer | ClientViewer;

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  config: Config;
  /** Caller's address, for the audit trail and sign-in limits. */
  ipAddress: string | null;
  /** The process's event bus (subscriptions read from it). */
  bus: EventBus;
  /** A new EntityManager, for long-lived operations that must not read stale cached state. */
  freshEm: () => EntityManager;
  /** Present on HTTP requests (absent on WebSocket operations). */
  req?: Request;
  res?: Response;
}
