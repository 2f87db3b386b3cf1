import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAccessEvent } from '../../realtime/outbox.js';
import type { ClientViewer, Context } from '../../access/context.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { assertApiClientsManage, assertApiClientsRead } from '../../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/auth.service.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { ApiClient, type ApiScope } from './api-client.entity.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress'>;

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
  if (missing.length > 0)
    throw badInput(`No organisation unit has id ${missing.join(', ')}.`, 'opdIds');
  const notOpd = units.filter((u) => u.parent !== null);
  if (notOpd.length > 0) {
    throw badInput(
      `${notOpd.map((u) => u.name).join(', ')} is not an OPD (a top-level unit); give OPDs.`,
      'opdIds',
    );
  }
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
  ctx: Ctx,
  input: { name: string; scopes: ApiScope[]; opdIds?: string[] | null },
): Promise<ApiClientWithToken> {
  assertApiClientsManage(ctx.viewer);
  const name = input.name.trim();
  if (!name || name.length > 120) throw badInput('The name must be 1 to 120 characters.', 'name');
  if (input.scopes.length === 0) throw badInput('Give at least one read scope.', 'scopes');
  return ctx.em.transactional(async (em) => {
    if (await em.count(ApiClient, { name }))
      throw badInput(`An API client named "${name}" already exists.`, 'name');
    const client = em.create(ApiClient, {
      name,
      scopes: [...new Set(input.scopes)],
      opdIds: await checkOpds(em, input.opdIds),
      tokenHash: '',
      tokenPrefix: '',
      createdByEmployeeId: ctx.viewer?.kind === 'person' ? ctx.viewer.employeeId : null,
    });
    const token = issueToken(client);
    audit(em, ctx, {
      action: 'api_client.create',
      subjectType: 'ApiClient',
      subjectId: client.id,
      after: snapshot(client),
    });
    await em.flush();
    return { client, token };
  });
}

async function findClient(em: EntityManager, id: string): Promise<ApiClient> {
  const client = await em.findOne(ApiClient, { id });
  if (!client) throw notFound(`No API client has id ${id}.`);
  return client;
}

/** Replaces the token: the old one stops working at once. Refuses a revoked client. */
export async function rotateApiClientSecret(ctx: Ctx, id: string): Promise<ApiClientWithToken> {
  assertApiClientsManage(ctx.viewer);
  return ctx.em.transactional(async (em) => {
    const client = await findClient(em, id);
    if (client.revokedAt)
      throw badInput(`${client.name} is revoked; create a new client instead.`, 'id');
    const before = snapshot(client);
    const token = issueToken(client);
    client.rotatedAt = new Date();
    await recordAccessEvent(em, 'revoked', 'ApiClient', client.id, { clientId: client.id });
    audit(em, ctx, {
      action: 'api_client.rotate',
      subjectType: 'ApiClient',
      subjectId: client.id,
      before,
      after: snapshot(client),
    });
    await em.flush();
    return { client, token };
  });
}

/** Revokes a client for good; its token stops working on the next request. */
export async function revokeApiClient(ctx: Ctx, id: string): Promise<ApiClient> {
  assertApiClientsManage(ctx.viewer);
  return ctx.em.transactional(async (em) => {
    const client = await findClient(em, id);
    const before = snapshot(client);
    client.revokedAt ??= new Date();
    await recordAccessEvent(em, 'revoked', 'ApiClient', client.id, { clientId: client.id });
    audit(em, ctx, {
      action: 'api_client.revoke',
      subjectType: 'ApiClient',
      subjectId: client.id,
      before,
      after: snapshot(client),
    });
    await em.flush();
    return client;
  });
}

export async function listApiClients(ctx: Ctx): Promise<ApiClient[]> {
  assertApiClientsRead(ctx.viewer);
  return ctx.em.find(ApiClient, {}, { orderBy: { name: 'asc' } });
}
