import type { EntityManager } from '@mikro-orm/postgresql';
import { assertApiClientsManage, assertApiClientsRead } from '../../access/policy.js';
import type { ApiScope, ClientViewer, Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { hashToken, newToken } from '../auth/index.js';
import { OrgUnit } from '../directory/index.js';
import { ApiClient } from './api-client.entity.js';
import { apiClientReasons as reasons } from './api-clients.reasons.js';

/** Every API token starts with this, so it is never mistaken for a session token. */
export const API_TOKEN_PREFIX = 'kja_';
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiClientWithToken {
  client: ApiClient;
  token: string;
}

function snapshot(client: ApiClient) {
  return {
    name: client.name,
    scopes: client.scopes,
    opdIds: client.opdIds,
    tokenPrefix: client.tokenPrefix,
    revokedAt: client.revokedAt,
  };
}

function issueToken(client: ApiClient): string {
  const token = newToken(API_TOKEN_PREFIX);
  client.tokenHash = hashToken(token);
  client.tokenPrefix = token.slice(0, 12);
  return token;
}

async function checkOpds(
  em: EntityManager,
  opdIds: string[] | null | undefined,
): Promise<string[] | null> {
  if (!opdIds || opdIds.length === 0) return null;
  const units = await em.find(
    OrgUnit,
    { id: { $in: opdIds } },
    { fields: ['id', 'parent', 'name'] },
  );
  const found = new Set(units.map((u) => u.id));
  const missing = opdIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw reasons.unknownOpds({ ids: missing.join(', ') });
  const notOpd = units.filter((u) => u.parent !== null);
  if (notOpd.length > 0) throw reasons.notOpds({ units: notOpd.map((u) => u.name).join(', ') });
  return [...new Set(opdIds)];
}

/** The agency tool behind an API token, or null when unknown or revoked. */
export async function authenticateClient(
  em: EntityManager,
  token: string,
): Promise<ClientViewer | null> {
  const client = await em.findOne(ApiClient, { tokenHash: hashToken(token) });
  if (!client || client.revokedAt) return null;
  const now = Date.now();
  if (!client.lastUsedAt || now - client.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(ApiClient, { id: client.id }, { lastUsedAt: new Date(now) });
  }
  return {
    kind: 'client',
    clientId: client.id,
    name: client.name,
    scopes: client.scopes,
    opdIds: client.opdIds,
  };
}

/** Creates a client; its token is returned once and stored only as a hash. HR admins only. */
export async function createApiClient(
  scope: Scope,
  input: { name: string; scopes: ApiScope[]; opdIds?: string[] | null },
): Promise<ApiClientWithToken> {
  assertApiClientsManage(scope.viewer);
  const name = input.name.trim();
  if (!name || name.length > 120) throw reasons.nameLength();
  if (input.scopes.length === 0) throw reasons.scopesMissing();
  return scope.em.transactional(async (em) => {
    if (await em.count(ApiClient, { name })) throw reasons.nameTaken({ name });
    const client = em.create(ApiClient, {
      name,
      scopes: [...new Set(input.scopes)],
      opdIds: await checkOpds(em, input.opdIds),
      tokenHash: '',
      tokenPrefix: '',
      createdByEmployeeId: scope.viewer?.kind === 'person' ? scope.viewer.employeeId : null,
    });
    const token = issueToken(client);
    await recordChange(
      scope,
      {
        action: 'api_client.create',
        subjectType: 'ApiClient',
        subjectId: client.id,
        after: snapshot(client),
      },
      em,
    );
    await em.flush();
    return { client, token };
  });
}

async function findClient(em: EntityManager, id: string): Promise<ApiClient> {
  const client = await em.findOne(ApiClient, { id });
  if (!client) throw reasons.notFound({ id });
  return client;
}

/** Replaces the token: the old one stops working at once. Refuses a revoked client. */
export async function rotateApiClientSecret(scope: Scope, id: string): Promise<ApiClientWithToken> {
  assertApiClientsManage(scope.viewer);
  return scope.em.transactional(async (em) => {
    const client = await findClient(em, id);
    if (client.revokedAt) throw reasons.revoked({ name: client.name });
    const before = snapshot(client);
    const token = issueToken(client);
    client.rotatedAt = new Date();
    await recordChange(
      scope,
      {
        action: 'api_client.rotate',
        subjectType: 'ApiClient',
        subjectId: client.id,
        before,
        after: snapshot(client),
        // The old token stops working: its viewer is forgotten and its sockets close.
        eventType: 'access.revoked',
        data: { clientId: client.id },
      },
      em,
    );
    await em.flush();
    return { client, token };
  });
}

/** Revokes a client for good; its token stops working on the next request. */
export async function revokeApiClient(scope: Scope, id: string): Promise<ApiClient> {
  assertApiClientsManage(scope.viewer);
  return scope.em.transactional(async (em) => {
    const client = await findClient(em, id);
    const before = snapshot(client);
    client.revokedAt ??= new Date();
    await recordChange(
      scope,
      {
        action: 'api_client.revoke',
        subjectType: 'ApiClient',
        subjectId: client.id,
        before,
        after: snapshot(client),
        eventType: 'access.revoked',
        data: { clientId: client.id },
      },
      em,
    );
    await em.flush();
    return client;
  });
}

export async function listApiClients(scope: Scope): Promise<ApiClient[]> {
  assertApiClientsRead(scope.viewer);
  return scope.em.find(ApiClient, {}, { orderBy: { name: 'asc' } });
}
