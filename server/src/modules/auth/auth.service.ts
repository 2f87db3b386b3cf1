import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requirePerson } from '../../access/policy.js';
import { preparedRows } from '../../db/prepared.js';
import type { PersonViewer, Role, Scope, Viewer } from '../../kernel/scope.js';
import { recordAttempt, recordChange } from '../../realtime/change.js';
import { checkNip, Employee, nipRefusal } from '../directory/index.js';
import { Account } from './account.entity.js';
import { authReasons } from './auth.reasons.js';
import type { SessionInfo, ViewerInfo } from './auth.types.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { type ThrottleDecision, throttleError, throttleLogin } from './login-throttle.rules.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'kinerja_session';
/** The password demo accounts share. Public by design, so production refuses it. */
export const DEMO_PASSWORD = 'kinerja-demo-2026';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/**
 * The person behind a session token, or null when the token is unknown, expired, revoked, or
 * its account or employee is inactive.
 */
export async function authenticateSession(
  em: EntityManager,
  token: string,
): Promise<PersonViewer | null> {
  // Every request comes through here: one statement and plain rows, no entities to hydrate.
  const [row] = await preparedRows<SessionRow>(
    em,
    `select s.id as session_id, s.expires_at, s.last_seen_at, a.id as account_id, a.roles, a.admin_org_unit_id,
            a.must_change_password, e.id as employee_id, e.name
       from session s
       join account a on a.id = s.account_id
       join employee e on e.id = a.employee_id
      where s.token_hash = ? and s.revoked_at is null and s.expires_at > now()
        and a.active and e.active`,
    [hashToken(token)],
  );
  if (!row) return null;
  const now = Date.now();
  const lastSeen = row.last_seen_at ? new Date(row.last_seen_at).getTime() : 0;
  if (now - lastSeen > LAST_SEEN_RESOLUTION_MS) {
    await em.nativeUpdate(Session, { id: row.session_id }, { lastSeenAt: new Date(now) });
  }
  return {
    kind: 'person',
    accountId: row.account_id,
    employeeId: row.employee_id,
    name: row.name,
    roles: row.roles,
    adminOrgUnitId: row.admin_org_unit_id,
    sessionId: row.session_id,
    sessionExpiresAt: new Date(row.expires_at),
    mustChangePassword: row.must_change_password,
  };
}

interface SessionRow {
  session_id: string;
  expires_at: Date | string;
  last_seen_at: Date | string | null;
  account_id: string;
  roles: Role[];
  admin_org_unit_id: string | null;
  must_change_password: boolean;
  employee_id: string;
  name: string;
}

function personViewer(account: Account, sessionId: string, expiresAt: Date): PersonViewer {
  return {
    kind: 'person',
    accountId: account.id,
    employeeId: account.employee.id,
    name: account.employee.name,
    roles: account.roles,
    adminOrgUnitId: account.adminOrgUnit?.id ?? null,
    sessionId,
    sessionExpiresAt: expiresAt,
    mustChangePassword: account.mustChangePassword,
  };
}

export function viewerInfo(viewer: PersonViewer): ViewerInfo {
  return {
    employeeId: viewer.employeeId,
    roles: viewer.roles,
    adminOrgUnitId: viewer.adminOrgUnitId,
    mustChangePassword: viewer.mustChangePassword,
  };
}

/** What signing in takes: the credentials, and the browser's name for the session list. */
export interface LoginInput {
  nip: string;
  password: string;
  userAgent?: string | null;
}

/** An attempt still being checked counts as a failure, unless it is older than this. */
const PENDING_COUNTS_FOR_MS = 2 * 60_000;

/**
 * Reserves a sign-in attempt, or refuses it: under a transaction-scoped lock on the NIP (and on
 * the address), counts the window's failed and still-pending attempts, decides, and when allowed
 * inserts the attempt as pending. Parallel requests for one NIP or address, on any instance,
 * thus take turns for the count: the 6th of 25 simultaneous guesses is refused, not checked.
 * Attempts on NIPs without an account count for their NIP only, never for their address: a
 * shared address (an office behind NAT) cannot lock real accounts out by trying unknown NIPs.
 */
async function reserveAttempt(
  scope: Scope,
  nip: string,
  knownAccount: boolean,
): Promise<{ attemptId: string } | { refused: ThrottleDecision }> {
  const ip = scope.ipAddress;
  const { windowSeconds } = scope.config.loginThrottle;
  const now = new Date();
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const pendingSince = new Date(now.getTime() - PENDING_COUNTS_FOR_MS);
  return scope.em.fork().transactional(async (em) => {
    // Always the NIP's lock first, then the address's: no two attempts wait on each other in turn.
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`login:nip:${nip}`]);
    if (ip) await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`login:ip:${ip}`]);
    const counted = (rows: { at: Date; outcome: string | null }[]) =>
      rows.filter((r) => r.outcome === 'FAILED' || r.at >= pendingSince).map((r) => r.at);
    const forNip = await em.find(
      LoginAttempt,
      { nip, at: { $gte: since } },
      { fields: ['at', 'outcome'] },
    );
    const forAddress = ip
      ? await em.find(
          LoginAttempt,
          { ipAddress: ip, knownAccount: true, at: { $gte: since } },
          { fields: ['at', 'outcome'] },
        )
      : [];
    const decision = throttleLogin({
      accountFailures: counted(forNip),
      addressFailures: counted(forAddress),
      now,
      limits: scope.config.loginThrottle,
    });
    if (!decision.allowed) return { refused: decision };
    // What the window no longer needs goes as attempts come (indexed by NIP and time).
    await em.nativeDelete(LoginAttempt, { nip, at: { $lt: since } });
    const attempt = em.create(LoginAttempt, { nip, ipAddress: ip, at: now, knownAccount });
    await em.flush();
    return { attemptId: attempt.id };
  });
}

/**
 * Signs in with NIP and password. Refuses a malformed NIP (BAD_USER_INPUT naming the segment);
 * too many recent failures for the NIP or the address (RATE_LIMITED with the wait, even for the
 * right password); and an unknown NIP, wrong password or inactive account alike with
 * UNAUTHENTICATED, so the answer never tells which NIPs have accounts. In production the public
 * demo password is refused. Successes and failures are audited. A throttled attempt's error
 * carries `retryAfterSeconds` (the HTTP answer's Retry-After).
 */
export async function login(scope: Scope, input: LoginInput): Promise<SessionInfo> {
  const { password } = input;
  const check = checkNip(input.nip);
  if (!check.normalized) throw nipRefusal(check.errors);
  if (password.length === 0 || password.length > 512) throw authReasons.passwordLength();
  const em = scope.em;
  const normalized = check.normalized;
  const employee = await em.findOne(Employee, { nip: normalized });
  const account = employee ? await em.findOne(Account, { employee }) : null;
  const reserved = await reserveAttempt(scope, normalized, Boolean(account?.passwordHash));
  if ('refused' in reserved) {
    const decision = reserved.refused;
    await recordAttempt(scope, {
      action: 'auth.login_throttled',
      subjectType: 'Nip',
      subjectId: normalized,
      after: { reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds },
      actor: null,
    });
    throw throttleError(decision.reason!, decision.retryAfterSeconds);
  }
  const { attemptId } = reserved;
  const fail = async (why: string, refusal = authReasons.wrongCredentials()): Promise<never> => {
    await em.fork().nativeUpdate(LoginAttempt, { id: attemptId }, { outcome: 'FAILED' });
    await recordAttempt(scope, {
      action: 'auth.login_failed',
      subjectType: 'Nip',
      subjectId: normalized,
      after: { why },
      actor: null,
    });
    throw refusal;
  };
  if (!account?.passwordHash) {
    await burnPasswordCheck(password);
    return fail(account ? 'no password set' : 'unknown NIP');
  }
  if (!(await verifyPassword(account.passwordHash, password))) return fail('wrong password');
  if (!account.active || !employee!.active) return fail('account inactive');
  if (scope.config.nodeEnv === 'production' && password === DEMO_PASSWORD) {
    return fail('demo password in production', authReasons.demoPasswordRefused());
  }
  const session = await createSession(scope, account, input.userAgent ?? null);
  await em.fork().nativeDelete(LoginAttempt, { id: attemptId });
  return session;
}

async function createSession(
  scope: Scope,
  account: Account,
  userAgent: string | null,
): Promise<SessionInfo> {
  const em = scope.em;
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + scope.config.sessionTtlHours * 3_600_000);
  const session = em.create(Session, {
    account,
    tokenHash: hashToken(token),
    createdAt: now,
    // Signing in is the session's first use: it is seen from the start, not only once reused.
    lastSeenAt: now,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
    ipAddress: scope.ipAddress,
  });
  account.lastLoginAt = now;
  const viewer = personViewer(account, session.id, expiresAt);
  await recordChange(scope, {
    action: 'auth.login',
    subjectType: 'Account',
    subjectId: account.employee.id,
    after: { sessionId: session.id },
    audience: { ownerIds: [account.employee.id] },
    actor: viewer,
  });
  await em.flush();
  return { token, expiresAt, viewer: viewerInfo(viewer), signedIn: viewer };
}

/** Ends the viewer's current session; the token stops working on the next request. */
export async function logout(scope: Scope): Promise<boolean> {
  const viewer = requirePerson(scope.viewer, 'sign out');
  await scope.em.transactional(async (em) => {
    await em.nativeUpdate(
      Session,
      { id: viewer.sessionId, revokedAt: null },
      { revokedAt: new Date() },
    );
    await recordChange(
      scope,
      {
        action: 'auth.logout',
        subjectType: 'Session',
        subjectId: viewer.sessionId,
        eventType: 'access.revoked',
        audience: { ownerIds: [viewer.employeeId] },
        data: { accountId: viewer.accountId, sessionId: viewer.sessionId },
      },
      em,
    );
  });
  return true;
}

export function isPerson(viewer: Viewer | null): viewer is PersonViewer {
  return viewer?.kind === 'person';
}
