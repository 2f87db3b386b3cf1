import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';

/** What an account may do beyond its own work. (Registered as the GraphQL enum `Role` by auth.) */
export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  UNIT_ADMIN = 'UNIT_ADMIN',
  HR_ADMIN = 'HR_ADMIN',
  AUDITOR = 'AUDITOR',
}

/** Read scopes of an API client. (Registered as the GraphQL enum `ApiScope` by api-clients.) */
export enum ApiScope {
  DIRECTORY_READ = 'directory:read',
  DIRECTORY_PERSONAL_READ = 'directory:personal:read',
  PLANS_READ = 'plans:read',
  APPRAISALS_READ = 'appraisals:read',
  DEVELOPMENT_READ = 'development:read',
  /** The change feed: what changed, and the ids to read (reading them needs their own scope). */
  CHANGES_READ = 'changes:read',
}

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

/**
 * The request's batch loaders. Empty here: each feature adds its own in its `*.loaders.ts`
 * (`declare module '…/kernel/scope.js' { interface Loaders { … } }`), and the api floor builds
 * them per request from the features' list, so no central file names them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/**
 * Who asks and with what: the first argument of every service method. Built per operation by
 * the api floor (HTTP or WebSocket) and by scripts.
 */
export interface Scope {
  /** The operation's own EntityManager (one unit of work per operation). */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  /** Caller's address, for the audit trail and sign-in limits. */
  ipAddress: string | null;
  config: Config;
  /** A new EntityManager, for long-lived operations that must not read stale cached state. */
  freshEm: () => EntityManager;
}
