import { randomBytes } from 'node:crypto';
import { recordAccessEvent } from '../../realtime/outbox.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../access/context.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import { assertAccountsManage, requirePerson } from '../../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { Account } from './account.entity.js';
import type { AccountInfo, AccountWithPassword, SessionEntry } from './accounts.types.js';
import { Role } from './auth.enums.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblems, temporaryPassword } from './password.rules.js';
import { Session } from './session.entity.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress'>;

export function accountInfo(account: Account): AccountInfo {
  return {
    id: account.id,
    employeeId: account.employee.id,
    adminOrgUnitId: account.adminOrgUnit?.id ?? null,
    roles: account.roles,
    active: account.active,
    mustChangePassword: account.mustChangePassword,
    hasPassword: account.passwordHash !== null,
    lastLoginAt: account.lastLoginAt,
    version: account.version,
  };
}

function snapshot(account: Account) {
  return {
    roles: account.roles,
    adminOrgUnitId: account.adminOrgUnit?.id ?? null,
    active: account.active,
    mustChangePassword: account.mustChangePassword,
  };
}

async function employeeWithOpd(
  em: EntityManager,
  employeeId: string,
): Promise<{ employee: Employee; opdId: string }> {
  const employee = await em.findOne(Employee, { id: employeeId }, { populate: ['orgUnit'] });
  if (!employee) throw notFound(`No employee has id ${employeeId}.`);
  return { employee, opdId: employee.orgUnit.opd?.id ?? employee.orgUnit.id };
}

async function accountOf(em: EntityManager, employee: Employee): Promise<Account> {
  const account = await em.findOne(Account, { employee });
  if (!account) throw notFound(`${employee.name} has no account yet; create one first.`);
  return account;
}

function revokeAllSessions(em: EntityManager, accountId: string, exceptSessionId?: string) {
  const where = exceptSessionId
    ? { account: accountId, revokedAt: null, id: { $ne: exceptSessionId } }
    : { account: accountId, revokedAt: null };
  return em.nativeUpdate(Session, where, { revokedAt: new Date() });
}

/** An employee's account, for HR admins, unit admins of their OPD, and auditors. */
export async function getAccount(ctx: Ctx, employeeId: string): Promise<AccountInfo | null> {
  const viewer = requirePerson(ctx.viewer, 'read accounts');
  if (
    !viewer.roles.some((r) => r === Role.AUDITOR || r === Role.HR_ADMIN || r === Role.UNIT_ADMIN)
  ) {
    throw forbidden('Reading accounts needs the HR_ADMIN, UNIT_ADMIN or AUDITOR role.');
  }
  const { employee, opdId } = await employeeWithOpd(ctx.em, employeeId);
  const account = await ctx.em.findOne(Account, { employee });
  if (!viewer.roles.includes(Role.AUDITOR))
    assertAccountsManage(viewer, opdId, { targetRoles: account?.roles });
  return account ? accountInfo(account) : null;
}

/**
 * Creates the account of an employee who has none, with a one-time password the owner must
 * change at the first sign-in. Refuses a second account for the same person.
 */
export async function createAccount(ctx: Ctx, employeeId: string): Promise<AccountWithPassword> {
  requirePerson(ctx.viewer, 'create accounts');
  return ctx.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(ctx.viewer, opdId);
    if (await em.count(Account, { employee })) {
      throw badInput(
        `${employee.name} already has an account; reset its password instead.`,
        'employeeId',
      );
    }
    const password = temporaryPassword(randomBytes);
    const account = em.create(Account, {
      employee,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    audit(em, ctx, {
      action: 'account.create',
      subjectType: 'Account',
      subjectId: employee.id,
      after: snapshot(account),
    });
    await em.flush();
    return { account: accountInfo(account), temporaryPassword: password };
  });
}

/**
 * Records `access.changed` when the account's roles or administered unit differ from `before`:
 * the person's remembered sign-ins are read again and their sockets close. Granting a role held
 * already (or revoking one not held) changes nothing and disturbs no one.
 */
async function accessChangedIf(
  em: EntityManager,
  account: Account,
  before: ReturnType<typeof snapshot>,
): Promise<void> {
  const after = snapshot(account);
  if (
    after.roles.join() === before.roles.join() &&
    after.adminOrgUnitId === before.adminOrgUnitId
  ) {
    return;
  }
  await recordAccessEvent(em, 'changed', 'Account', account.id, { accountId: account.id });
}

/**
 * Grants a role. UNIT_ADMIN is always for the employee's own OPD. Unit admins may grant only
 * UNIT_ADMIN, inside their OPD; HR_ADMIN and AUDITOR need an HR admin.
 */
export async function grantRole(ctx: Ctx, employeeId: string, role: Role): Promise<AccountInfo> {
  requirePerson(ctx.viewer, 'grant roles');
  return ctx.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(ctx.viewer, opdId, { role });
    const account = await accountOf(em, employee);
    assertAccountsManage(ctx.viewer, opdId, { role, targetRoles: account.roles });
    const before = snapshot(account);
    if (!account.roles.includes(role)) account.roles = [...account.roles, role];
    if (role === Role.UNIT_ADMIN) account.adminOrgUnit = em.getReference(OrgUnit, opdId);
    await accessChangedIf(em, account, before);
    audit(em, ctx, {
      action: 'role.grant',
      subjectType: 'Account',
      subjectId: employee.id,
      before,
      after: snapshot(account),
    });
    await em.flush();
    return accountInfo(account);
  });
}

/** Revokes a role. EMPLOYEE cannot be revoked, nor HR_ADMIN from the last active HR admin. */
export async function revokeRole(ctx: Ctx, employeeId: string, role: Role): Promise<AccountInfo> {
  requirePerson(ctx.viewer, 'revoke roles');
  if (role === Role.EMPLOYEE) {
    throw badInput(
      'EMPLOYEE is every account’s base role; deactivate the account instead.',
      'role',
    );
  }
  return ctx.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(ctx.viewer, opdId, { role });
    const account = await accountOf(em, employee);
    assertAccountsManage(ctx.viewer, opdId, { role, targetRoles: account.roles });
    if (role === Role.HR_ADMIN && account.roles.includes(role)) {
      const others = await em.count(Account, {
        roles: { $contains: [Role.HR_ADMIN] },
        active: true,
        id: { $ne: account.id },
      });
      if (others === 0)
        throw badInput(
          'This is the last active HR admin; grant HR_ADMIN to someone else first.',
          'role',
        );
    }
    const before = snapshot(account);
    account.roles = account.roles.filter((r) => r !== role);
    if (role === Role.UNIT_ADMIN) account.adminOrgUnit = null;
    await accessChangedIf(em, account, before);
    audit(em, ctx, {
      action: 'role.revoke',
      subjectType: 'Account',
      subjectId: employee.id,
      before,
      after: snapshot(account),
    });
    await em.flush();
    return accountInfo(account);
  });
}

/** Activates or deactivates an account; deactivation ends all its sessions at once. */
export async function setAccountActive(
  ctx: Ctx,
  employeeId: string,
  active: boolean,
): Promise<AccountInfo> {
  const viewer = requirePerson(ctx.viewer, 'deactivate accounts');
  return ctx.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(viewer, opdId);
    if (!active && employee.id === viewer.employeeId) {
      throw badInput('You cannot deactivate your own account.', 'employeeId');
    }
    const account = await accountOf(em, employee);
    assertAccountsManage(viewer, opdId, { targetRoles: account.roles });
    const before = snapshot(account);
    account.active = active;
    if (!active) await revokeAllSessions(em, account.id);
    if (!active) {
      await recordAccessEvent(em, 'revoked', 'Account', account.id, { accountId: account.id });
    }
    audit(em, ctx, {
      action: active ? 'account.activate' : 'account.deactivate',
      subjectType: 'Account',
      subjectId: employee.id,
      before,
      after: snapshot(account),
    });
    await em.flush();
    return accountInfo(account);
  });
}

/** Sets a one-time password the owner must change at the next sign-in; ends their sessions. */
export async function resetPassword(ctx: Ctx, employeeId: string): Promise<AccountWithPassword> {
  requirePerson(ctx.viewer, 'reset passwords');
  return ctx.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(ctx.viewer, opdId);
    const account = await accountOf(em, employee);
    assertAccountsManage(ctx.viewer, opdId, { targetRoles: account.roles });
    const password = temporaryPassword(randomBytes);
    account.passwordHash = await hashPassword(password);
    account.mustChangePassword = true;
    await revokeAllSessions(em, account.id);
    await recordAccessEvent(em, 'revoked', 'Account', account.id, { accountId: account.id });
    audit(em, ctx, {
      action: 'account.password_reset',
      subjectType: 'Account',
      subjectId: employee.id,
    });
    await em.flush();
    return { account: accountInfo(account), temporaryPassword: password };
  });
}

/**
 * Changes the viewer's own password. Refuses a wrong current password (so a borrowed session
 * cannot lock the owner out), and a new one that is short, common, contains the NIP or name, or
 * equals the current one. Ends the viewer's other sessions.
 */
export async function changePassword(
  ctx: Ctx,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const viewer = requirePerson(ctx.viewer, 'change passwords');
  return ctx.em.transactional(async (em) => {
    const account = await em.findOneOrFail(
      Account,
      { id: viewer.accountId },
      { populate: ['employee'] },
    );
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw badInput('The current password is wrong.', 'currentPassword');
    }
    const problems = passwordProblems(newPassword, {
      nip: account.employee.nip,
      name: account.employee.name,
      currentPassword,
    });
    if (problems.length > 0) throw badInput(problems.join(' '), 'newPassword');
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = false;
    await revokeAllSessions(em, account.id, viewer.sessionId);
    await recordAccessEvent(em, 'revoked', 'Account', account.id, {
      accountId: account.id,
      exceptSessionId: viewer.sessionId,
    });
    audit(em, ctx, {
      action: 'account.password_change',
      subjectType: 'Account',
      subjectId: account.employee.id,
    });
    await em.flush();
    return true;
  });
}

/** The viewer's sessions that still work, newest first. */
export async function listSessions(ctx: Ctx): Promise<SessionEntry[]> {
  const viewer = requirePerson(ctx.viewer, 'have sessions');
  const sessions = await ctx.em.find(
    Session,
    { account: viewer.accountId, revokedAt: null, expiresAt: { $gt: new Date() } },
    { orderBy: { createdAt: 'desc' } },
  );
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    ipAddress: s.ipAddress,
    current: s.id === viewer.sessionId,
  }));
}

/** Ends one of the viewer's own sessions; another person's session is NOT_FOUND. */
export async function revokeSession(ctx: Ctx, sessionId: string): Promise<boolean> {
  const viewer = requirePerson(ctx.viewer, 'have sessions');
  return ctx.em.transactional(async (em) => {
    const updated = await em.nativeUpdate(
      Session,
      { id: sessionId, account: viewer.accountId, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (updated === 0) throw notFound(`You have no active session with id ${sessionId}.`);
    await recordAccessEvent(em, 'revoked', 'Session', sessionId, {
      accountId: viewer.accountId,
      sessionId,
    });
    audit(em, ctx, { action: 'auth.session_revoke', subjectType: 'Session', subjectId: sessionId });
    await em.flush();
    return true;
  });
}
