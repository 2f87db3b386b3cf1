import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertAccountsManage, requirePerson } from '../../access/policy.js';
import { invalidInput } from '../../kernel/errors.js';
import { Role, type Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Employee, employeeReasons, OrgUnit } from '../directory/index.js';
import { Account } from './account.entity.js';
import type { AccountInfo, AccountWithPassword, SessionEntry } from './accounts.types.js';
import { accountReasons, authReasons } from './auth.reasons.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordErrors, temporaryPassword } from './password.rules.js';
import { Session } from './session.entity.js';

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
  if (!employee) throw employeeReasons.notFound({ id: employeeId });
  return { employee, opdId: employee.orgUnit.opd?.id ?? employee.orgUnit.id };
}

async function accountOf(em: EntityManager, employee: Employee): Promise<Account> {
  const account = await em.findOne(Account, { employee });
  if (!account) throw accountReasons.notFound({ name: employee.name });
  return account;
}

function revokeAllSessions(em: EntityManager, accountId: string, exceptSessionId?: string) {
  const where = exceptSessionId
    ? { account: accountId, revokedAt: null, id: { $ne: exceptSessionId } }
    : { account: accountId, revokedAt: null };
  return em.nativeUpdate(Session, where, { revokedAt: new Date() });
}

/** An employee's account, for HR admins, unit admins of their OPD, and auditors. */
export async function getAccount(scope: Scope, employeeId: string): Promise<AccountInfo | null> {
  const viewer = requirePerson(scope.viewer, 'read accounts');
  if (
    !viewer.roles.some((r) => r === Role.AUDITOR || r === Role.HR_ADMIN || r === Role.UNIT_ADMIN)
  ) {
    throw accountReasons.readNeedsRole();
  }
  const { employee, opdId } = await employeeWithOpd(scope.em, employeeId);
  const account = await scope.em.findOne(Account, { employee });
  if (!viewer.roles.includes(Role.AUDITOR))
    assertAccountsManage(viewer, opdId, { targetRoles: account?.roles });
  return account ? accountInfo(account) : null;
}

/**
 * Creates the account of an employee who has none, with a one-time password the owner must
 * change at the first sign-in. Refuses a second account for the same person.
 */
export async function createAccount(
  scope: Scope,
  employeeId: string,
): Promise<AccountWithPassword> {
  requirePerson(scope.viewer, 'create accounts');
  return scope.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(scope.viewer, opdId);
    if (await em.count(Account, { employee })) {
      throw accountReasons.exists({ name: employee.name });
    }
    const password = temporaryPassword(randomBytes);
    const account = em.create(Account, {
      employee,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    await recordChange(
      scope,
      {
        action: 'account.create',
        subjectType: 'Account',
        subjectId: employee.id,
        after: snapshot(account),
        audience: holder(employee),
      },
      em,
    );
    await em.flush();
    return { account: accountInfo(account), temporaryPassword: password };
  });
}

/** Who hears of a change to an account: its holder. */
function holder(employee: Employee) {
  return { ownerIds: [employee.id] };
}

/**
 * The event of a role change: `access.changed` when the account's roles or administered unit
 * differ from `before` (the person's remembered sign-ins are read again and their sockets
 * close); otherwise the action's own, since granting a role held already (or revoking one not
 * held) changes nothing and disturbs no one.
 */
function roleChangeEvent(account: Account, before: ReturnType<typeof snapshot>) {
  const after = snapshot(account);
  const same =
    after.roles.join() === before.roles.join() && after.adminOrgUnitId === before.adminOrgUnitId;
  return same ? {} : { eventType: 'access.changed', data: { accountId: account.id } };
}

/**
 * Grants a role. UNIT_ADMIN is always for the employee's own OPD. Unit admins may grant only
 * UNIT_ADMIN, inside their OPD; HR_ADMIN and AUDITOR need an HR admin.
 */
export async function grantRole(
  scope: Scope,
  employeeId: string,
  role: Role,
): Promise<AccountInfo> {
  requirePerson(scope.viewer, 'grant roles');
  return scope.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(scope.viewer, opdId, { role });
    const account = await accountOf(em, employee);
    assertAccountsManage(scope.viewer, opdId, { role, targetRoles: account.roles });
    const before = snapshot(account);
    if (!account.roles.includes(role)) account.roles = [...account.roles, role];
    if (role === Role.UNIT_ADMIN) account.adminOrgUnit = em.getReference(OrgUnit, opdId);
    await recordChange(
      scope,
      {
        action: 'role.grant',
        subjectType: 'Account',
        subjectId: employee.id,
        before,
        after: snapshot(account),
        audience: holder(employee),
        ...roleChangeEvent(account, before),
      },
      em,
    );
    await em.flush();
    return accountInfo(account);
  });
}

/** Revokes a role. EMPLOYEE cannot be revoked, nor HR_ADMIN from the last active HR admin. */
export async function revokeRole(
  scope: Scope,
  employeeId: string,
  role: Role,
): Promise<AccountInfo> {
  requirePerson(scope.viewer, 'revoke roles');
  if (role === Role.EMPLOYEE) throw accountReasons.employeeRoleRevoke();
  return scope.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(scope.viewer, opdId, { role });
    const account = await accountOf(em, employee);
    assertAccountsManage(scope.viewer, opdId, { role, targetRoles: account.roles });
    if (role === Role.HR_ADMIN && account.roles.includes(role)) {
      const others = await em.count(Account, {
        roles: { $contains: [Role.HR_ADMIN] },
        active: true,
        id: { $ne: account.id },
      });
      if (others === 0) throw accountReasons.lastHrAdmin();
    }
    const before = snapshot(account);
    account.roles = account.roles.filter((r) => r !== role);
    if (role === Role.UNIT_ADMIN) account.adminOrgUnit = null;
    await recordChange(
      scope,
      {
        action: 'role.revoke',
        subjectType: 'Account',
        subjectId: employee.id,
        before,
        after: snapshot(account),
        audience: holder(employee),
        ...roleChangeEvent(account, before),
      },
      em,
    );
    await em.flush();
    return accountInfo(account);
  });
}

/** Activates or deactivates an account; deactivation ends all its sessions at once. */
export async function setAccountActive(
  scope: Scope,
  employeeId: string,
  active: boolean,
): Promise<AccountInfo> {
  const viewer = requirePerson(scope.viewer, 'deactivate accounts');
  return scope.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(viewer, opdId);
    if (!active && employee.id === viewer.employeeId) throw accountReasons.deactivateSelf();
    const account = await accountOf(em, employee);
    assertAccountsManage(viewer, opdId, { targetRoles: account.roles });
    const before = snapshot(account);
    account.active = active;
    if (!active) await revokeAllSessions(em, account.id);
    await recordChange(
      scope,
      {
        action: active ? 'account.activate' : 'account.deactivate',
        subjectType: 'Account',
        subjectId: employee.id,
        before,
        after: snapshot(account),
        audience: holder(employee),
        // Deactivating ends every session of the account at once.
        ...(active ? {} : { eventType: 'access.revoked', data: { accountId: account.id } }),
      },
      em,
    );
    await em.flush();
    return accountInfo(account);
  });
}

/** Sets a one-time password the owner must change at the next sign-in; ends their sessions. */
export async function resetPassword(
  scope: Scope,
  employeeId: string,
): Promise<AccountWithPassword> {
  requirePerson(scope.viewer, 'reset passwords');
  return scope.em.transactional(async (em) => {
    const { employee, opdId } = await employeeWithOpd(em, employeeId);
    assertAccountsManage(scope.viewer, opdId);
    const account = await accountOf(em, employee);
    assertAccountsManage(scope.viewer, opdId, { targetRoles: account.roles });
    const password = temporaryPassword(randomBytes);
    account.passwordHash = await hashPassword(password);
    account.mustChangePassword = true;
    await revokeAllSessions(em, account.id);
    await recordChange(
      scope,
      {
        action: 'account.password_reset',
        subjectType: 'Account',
        subjectId: employee.id,
        eventType: 'access.revoked',
        audience: holder(employee),
        data: { accountId: account.id },
      },
      em,
    );
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
  scope: Scope,
  input: { currentPassword: string; newPassword: string },
): Promise<boolean> {
  const { currentPassword, newPassword } = input;
  const viewer = requirePerson(scope.viewer, 'change passwords');
  return scope.em.transactional(async (em) => {
    const account = await em.findOneOrFail(
      Account,
      { id: viewer.accountId },
      { populate: ['employee'] },
    );
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw accountReasons.currentPasswordWrong();
    }
    const problems = passwordErrors(newPassword, {
      nip: account.employee.nip,
      name: account.employee.name,
      currentPassword,
    });
    if (problems.length > 0) throw invalidInput(problems);
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = false;
    await revokeAllSessions(em, account.id, viewer.sessionId);
    await recordChange(
      scope,
      {
        action: 'account.password_change',
        subjectType: 'Account',
        subjectId: account.employee.id,
        eventType: 'access.revoked',
        audience: holder(account.employee),
        data: { accountId: account.id, exceptSessionId: viewer.sessionId },
      },
      em,
    );
    await em.flush();
    return true;
  });
}

/** The viewer's sessions that still work, newest first. */
export async function listSessions(scope: Scope): Promise<SessionEntry[]> {
  const viewer = requirePerson(scope.viewer, 'have sessions');
  const sessions = await scope.em.find(
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
export async function revokeSession(scope: Scope, sessionId: string): Promise<boolean> {
  const viewer = requirePerson(scope.viewer, 'have sessions');
  return scope.em.transactional(async (em) => {
    const updated = await em.nativeUpdate(
      Session,
      { id: sessionId, account: viewer.accountId, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (updated === 0) throw authReasons.sessionNotFound({ id: sessionId });
    await recordChange(
      scope,
      {
        action: 'auth.session_revoke',
        subjectType: 'Session',
        subjectId: sessionId,
        eventType: 'access.revoked',
        audience: { ownerIds: [viewer.employeeId] },
        data: { accountId: viewer.accountId, sessionId },
      },
      em,
    );
    await em.flush();
    return true;
  });
}
