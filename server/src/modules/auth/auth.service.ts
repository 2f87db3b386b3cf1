import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { appError, badInput } from '../../graphql/errors.js';
import { requireViewer } from '../access/policy.js';
import { checkNip } from '../directory/nip.rules.js';
import { Employee } from '../directory/employee.entity.js';
import { Account } from './account.entity.js';
import type { SessionInfo, ViewerInfo } from './auth.types.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'kinerja_session';
/** The password demo accounts share. Public by design, so production refuses it. */
export const DEMO_PASSWORD = 'kinerja-demo-2026';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/**
 * The viewer behind a session token, or null when the token is unknown, expired, revoked, or
 * its account or employee is inactive.
 */
export async function authenticate(
  em: EntityManager,
  token: string | null,
): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const session = await em.findOne(
    Session,
    { tokenHash: hashToken(token) },
    { populate: ['account', 'account.employee'] },
  );
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
  const account = session.account;
  if (!account.active || !account.employee.active) return null;
  const now = Date.now();
  if (!session.lastSeenAt || now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date(now) });
  }
  return {
    accountId: account.id,
    employeeId: account.employee.id,
    roles: account.roles,
    adminOrgUnitId: account.adminOrgUnit?.id ?? null,
    sessionId: session.id,
    mustChangePassword: account.mustChangePassword,
  };
}

export function viewerInfo(viewer: Viewer): ViewerInfo {
  return {
    employeeId: viewer.employeeId,
    roles: viewer.roles,
    adminOrgUnitId: viewer.adminOrgUnitId,
    mustChangePassword: viewer.mustChangePassword,
  };
}

const WRONG_CREDENTIALS = 'The NIP or the password is wrong.';

/**
 * Signs in with NIP and password. Refuses a malformed NIP (BAD_USER_INPUT naming the segment),
 * and an unknown NIP, wrong password or inactive account alike with UNAUTHENTICATED, so the
 * answer never tells which NIPs have accounts. In production the public demo password is refused.
 */
export async function login(
  ctx: Pick<Context, 'em' | 'config' | 'req'>,
  nip: string,
  password: string,
): Promise<SessionInfo> {
  const check = checkNip(nip);
  if (!check.normalized) {
    throw badInput(check.problems.map((p) => p.message).join(' '), 'nip');
  }
  if (password.length === 0 || password.length > 512) {
    throw badInput('The password must be between 1 and 512 characters.', 'password');
  }
  const em = ctx.em;
  const employee = await em.findOne(Employee, { nip: check.normalized });
  const account = employee ? await em.findOne(Account, { employee }) : null;
  if (!account?.passwordHash) {
    await burnPasswordCheck(password);
    throw appError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  const ok = await verifyPassword(account.passwordHash, password);
  if (!ok || !account.active || !employee!.active) {
    throw appError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  if (ctx.config.nodeEnv === 'production' && password === DEMO_PASSWORD) {
    throw appError(
      'UNAUTHENTICATED',
      'The demo password is public and refused in production; ask an HR admin (BKPSDM) to reset your password.',
    );
  }
  return createSession(em, ctx.config, account, ctx.req);
}

async function createSession(
  em: EntityManager,
  config: Config,
  account: Account,
  req: Context['req'],
): Promise<SessionInfo> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
  const session = em.create(Session, {
    account,
    tokenHash: hashToken(token),
    expiresAt,
    userAgent: req?.get('user-agent')?.slice(0, 300) ?? null,
    ipAddress: req?.ip ?? null,
  });
  account.lastLoginAt = new Date();
  await em.flush();
  const viewer: Viewer = {
    accountId: account.id,
    employeeId: account.employee.id,
    roles: account.roles,
    adminOrgUnitId: account.adminOrgUnit?.id ?? null,
    sessionId: session.id,
    mustChangePassword: account.mustChangePassword,
  };
  return { token, expiresAt, viewer: viewerInfo(viewer) };
}

/** Ends the viewer's current session; the token stops working on the next request. */
export async function logout(ctx: Pick<Context, 'em' | 'viewer'>): Promise<boolean> {
  const viewer = requireViewer(ctx.viewer);
  await ctx.em.nativeUpdate(
    Session,
    { id: viewer.sessionId, revokedAt: null },
    { revokedAt: new Date() },
  );
  return true;
}
