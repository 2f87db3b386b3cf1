import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';
import { EventRow } from '../src/realtime/event.entity.js';

let t: TestApp;
let dir: TestDirectory;
let hr: string;

beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 300);
  hr = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});
afterAll(async () => {
  await t?.close();
});

const ME = '{ me { roles mustChangePassword employee { nip } } }';
const LOGIN_ME = 'mutation($n: String!, $p: String!) { login(nip: $n, password: $p) { token } }';
const as =
  (token: string) =>
  (query: string, variables: Record<string, unknown> = {}) =>
    gql(t.url, query, variables, { token });

async function employeeId(nip: string): Promise<string> {
  const r = await as(hr)('query($nip: String) { employee(nip: $nip) { id } }', { nip });
  return r.data!.employee.id;
}

/** A staff member of the supervisor login's unit, other than the employee login. */
function colleagueNip(): string {
  const person = dir.directory.employees.find(
    (e) => e.supervisorNip === dir.logins.supervisor && e.nip !== dir.logins.employee,
  );
  if (!person) throw new Error('fixture has no colleague');
  return person.nip;
}

describe('password reset and change', () => {
  it('makes the person change a reset password before anything else', async () => {
    const nip = colleagueNip();
    const before = await signIn(t.url, nip, dir.password);
    // Used once, so the server remembers the sign-in (the viewer cache) when the reset comes.
    expect((await as(before)(ME)).data!.me.employee.nip).toBe(nip);
    const reset = await as(hr)(
      'mutation($id: ID!) { resetPassword(employeeId: $id) { temporaryPassword account { mustChangePassword } } }',
      { id: await employeeId(nip) },
    );
    const temporary = reset.data!.resetPassword.temporaryPassword;
    expect(temporary).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(reset.data!.resetPassword.account.mustChangePassword).toBe(true);

    // The reset ends the old session on the very next request.
    expect((await as(before)(ME)).data!.me).toBeNull();
    expect(
      (
        await gql(
          t.url,
          'mutation($n: String!, $p: String!) { login(nip: $n, password: $p) { token } }',
          { n: nip, p: dir.password },
        )
      ).errors![0].extensions!.code,
    ).toBe('UNAUTHENTICATED');

    const token = await signIn(t.url, nip, temporary);
    expect((await as(token)(ME)).data!.me.mustChangePassword).toBe(true);
    const blocked = await as(token)('{ employees(first: 1) { totalCount } }');
    expect(blocked.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(blocked.errors![0].message).toMatch(/change it \(changePassword\)/);

    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const weak = await as(token)(CHANGE, { c: temporary, n: 'password123' });
    expect(weak.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    expect(weak.errors![0].message).toMatch(/commonly used passwords/);
    const short = await as(token)(CHANGE, { c: temporary, n: 'Ab3$x' });
    expect(short.errors![0].message).toMatch(/at least 10 characters/);
    const wrongCurrent = await as(token)(CHANGE, { c: 'not-it', n: 'kebun-kopi-di-bedugul' });
    expect(wrongCurrent.errors![0].extensions!.field).toBe('currentPassword');

    const ok = await as(token)(CHANGE, { c: temporary, n: 'kebun-kopi-di-bedugul' });
    expect(ok.data!.changePassword).toBe(true);
    expect((await as(token)(ME)).data!.me.mustChangePassword).toBe(false);
    expect((await as(token)('{ employees(first: 1) { totalCount } }')).errors).toBeUndefined();
    await signIn(t.url, nip, 'kebun-kopi-di-bedugul');
  });
});

describe('sessions', () => {
  it('lists the viewer’s sessions and revokes one, which stops working at once', async () => {
    const first = await signIn(t.url, dir.logins.auditor, dir.password);
    const second = await signIn(t.url, dir.logins.auditor, dir.password);
    const list = await as(first)('{ sessions { id current } }');
    const sessions = list.data!.sessions as { id: string; current: boolean }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = (await as(second)('{ sessions { id current } }')).data!.sessions.find(
      (s: any) => s.current,
    ).id;
    const revoked = await as(first)('mutation($id: ID!) { revokeSession(id: $id) }', { id: other });
    expect(revoked.data!.revokeSession).toBe(true);
    expect((await as(second)(ME)).data!.me).toBeNull();
    expect((await as(first)(ME)).data!.me).not.toBeNull();
  });

  it('ends every session of a deactivated account at once', async () => {
    const nip = dir.directory.employees.find(
      (e) =>
        e.jobType === 'EXECUTOR' &&
        e.supervisorNip &&
        e.nip !== dir.logins.employee &&
        e.nip !== colleagueNip(),
    )!.nip;
    const a = await signIn(t.url, nip, dir.password);
    const b = await signIn(t.url, nip, dir.password);
    // Both used once, so the server remembers them when the account is deactivated.
    for (const token of [a, b]) expect((await as(token)(ME)).data!.me).not.toBeNull();
    const id = await employeeId(nip);
    const off = await as(hr)(
      'mutation($id: ID!) { setAccountActive(employeeId: $id, active: false) { active } }',
      { id },
    );
    expect(off.data!.setAccountActive.active).toBe(false);
    expect((await as(a)(ME)).data!.me).toBeNull();
    expect((await as(b)(ME)).data!.me).toBeNull();
    const login = await gql(
      t.url,
      'mutation($n: String!, $p: String!) { login(nip: $n, password: $p) { token } }',
      { n: nip, p: dir.password },
    );
    expect(login.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await as(hr)(
      'mutation($id: ID!) { setAccountActive(employeeId: $id, active: true) { active } }',
      { id },
    );
    await signIn(t.url, nip, dir.password);
  });
});

describe('the directory and sign-in', () => {
  it('ends the sessions of an employee deactivated in the directory at once, and honours their return', async () => {
    const nip = dir.directory.employees.find(
      (e) =>
        e.jobType === 'EXECUTOR' &&
        e.nip !== dir.logins.employee &&
        e.nip !== colleagueNip() &&
        !dir.directory.employees.some((r) => r.supervisorNip === e.nip),
    )!.nip;
    const token = await signIn(t.url, nip, dir.password);
    expect((await as(token)(ME)).data!.me.employee.nip).toBe(nip);
    const id = await employeeId(nip);
    const UPDATE = `mutation($id: ID!, $input: UpdateEmployeeInput!, $v: Int!) {
      updateEmployee(id: $id, input: $input, expectedVersion: $v) { active version } }`;
    const version = async () =>
      (await as(hr)('query($id: ID!) { employee(id: $id) { version } }', { id })).data!.employee
        .version as number;
    const off = await as(hr)(UPDATE, { id, input: { active: false }, v: await version() });
    expect(off.data!.updateEmployee.active).toBe(false);
    expect((await as(token)(ME)).data!.me).toBeNull();
    const on = await as(hr)(UPDATE, { id, input: { active: true }, v: await version() });
    expect(on.data!.updateEmployee.active).toBe(true);
    // The session itself was never ended: it works again with the employee.
    expect((await as(token)(ME)).data!.me.employee.nip).toBe(nip);
  });
});

describe('roles', () => {
  it('grants and revokes roles, audited with before and after', async () => {
    const nip = colleagueNip();
    const id = await employeeId(nip);
    const grant = await as(hr)(
      'mutation($id: ID!) { grantRole(employeeId: $id, role: AUDITOR) { roles } }',
      { id },
    );
    expect(grant.data!.grantRole.roles).toEqual(['EMPLOYEE', 'AUDITOR']);
    const revoke = await as(hr)(
      'mutation($id: ID!) { revokeRole(employeeId: $id, role: AUDITOR) { roles } }',
      { id },
    );
    expect(revoke.data!.revokeRole.roles).toEqual(['EMPLOYEE']);
    const base = await as(hr)(
      'mutation($id: ID!) { revokeRole(employeeId: $id, role: EMPLOYEE) { roles } }',
      { id },
    );
    expect(base.errors![0].extensions!.field).toBe('role');

    const trail = await as(hr)(
      'query($id: ID!) { auditTrail(subjectId: $id, first: 50) { totalCount nodes { action actorLabel before after } } }',
      { id },
    );
    const actions = trail.data!.auditTrail.nodes.map((n: any) => n.action);
    expect(actions).toEqual(expect.arrayContaining(['role.grant', 'role.revoke']));
    const grantEntry = trail.data!.auditTrail.nodes.find((n: any) => n.action === 'role.grant');
    expect(grantEntry.before.roles).toEqual(['EMPLOYEE']);
    expect(grantEntry.after.roles).toEqual(['EMPLOYEE', 'AUDITOR']);
  });

  it('applies a granted or revoked role from the very next request of someone signed in', async () => {
    // Their session is remembered by the server (the viewer cache) after the first request.
    const nip = [...dir.directory.employees]
      .reverse()
      .find(
        (e) =>
          e.jobType === 'EXECUTOR' &&
          e.nip !== colleagueNip() &&
          !Object.values(dir.logins).includes(e.nip),
      )!.nip;
    const id = await employeeId(nip);
    const token = await signIn(t.url, nip, dir.password);
    const roles = async () => (await as(token)(ME)).data!.me.roles as string[];
    // Only HR admins may list the API clients.
    const code = async () =>
      (await as(token)('{ apiClients { id } }')).errors?.[0].extensions!.code ?? 'OK';
    const before = await roles();
    expect(before).not.toContain('HR_ADMIN');
    expect(await code()).toBe('FORBIDDEN');
    await as(hr)('mutation($id: ID!) { grantRole(employeeId: $id, role: HR_ADMIN) { roles } }', {
      id,
    });
    expect(await roles()).toEqual([...before, 'HR_ADMIN']);
    expect(await code()).toBe('OK');
    await as(hr)('mutation($id: ID!) { revokeRole(employeeId: $id, role: HR_ADMIN) { roles } }', {
      id,
    });
    expect(await roles()).toEqual(before);
    expect(await code()).toBe('FORBIDDEN');
  });

  it('records an access change only when roles change: granting a role held disturbs no one', async () => {
    const id = await employeeId(colleagueNip());
    const changes = () =>
      t.app.orm.em
        .fork()
        .count(EventRow, { type: 'access.changed', data: { accountId: { $ne: null } } });
    const GRANT = 'mutation($id: ID!) { grantRole(employeeId: $id, role: AUDITOR) { roles } }';
    const REVOKE = 'mutation($id: ID!) { revokeRole(employeeId: $id, role: AUDITOR) { roles } }';
    const start = await changes();
    await as(hr)(GRANT, { id });
    expect(await changes()).toBe(start + 1);
    // Held already: no change, no event (which would close the person's sockets).
    await as(hr)(GRANT, { id });
    expect(await changes()).toBe(start + 1);
    await as(hr)(REVOKE, { id });
    await as(hr)(REVOKE, { id });
    expect(await changes()).toBe(start + 2);
  });

  it('lets a unit admin grant UNIT_ADMIN in their OPD but not HR_ADMIN', async () => {
    const ua = await signIn(t.url, dir.logins.unitAdmin, dir.password);
    const id = await employeeId(colleagueNip());
    const ok = await as(ua)(
      'mutation($id: ID!) { grantRole(employeeId: $id, role: UNIT_ADMIN) { roles adminOrgUnit { code } } }',
      { id },
    );
    expect(ok.data!.grantRole.roles).toContain('UNIT_ADMIN');
    const hrRole = await as(ua)(
      'mutation($id: ID!) { grantRole(employeeId: $id, role: HR_ADMIN) { roles } }',
      { id },
    );
    expect(hrRole.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(hrRole.errors![0].message).toBe(
      'Granting or revoking HR_ADMIN needs the HR_ADMIN role.',
    );
    await as(ua)('mutation($id: ID!) { revokeRole(employeeId: $id, role: UNIT_ADMIN) { roles } }', {
      id,
    });
  });
});

describe('accounts with city-wide roles', () => {
  it('refuses a unit admin resetting, deactivating or moving an HR admin of their own OPD', async () => {
    const bkpsdmAdmin = dir.directory.roleGrants.find(
      (g) => g.roles.includes('UNIT_ADMIN') && g.adminOrgUnitCode === '4003',
    )!;
    const ua = await signIn(t.url, bkpsdmAdmin.nip, dir.password);
    const id = await employeeId(dir.logins.hrAdmin);
    const reset = await as(ua)(
      'mutation($id: ID!) { resetPassword(employeeId: $id) { temporaryPassword } }',
      { id },
    );
    expect(reset.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(reset.errors![0].message).toBe(
      'Managing the account of someone with the HR_ADMIN role needs the HR_ADMIN role.',
    );
    const off = await as(ua)(
      'mutation($id: ID!) { setAccountActive(employeeId: $id, active: false) { active } }',
      { id },
    );
    expect(off.errors![0].extensions!.code).toBe('FORBIDDEN');
    const current = await as(hr)('query($id: ID) { employee(id: $id) { version } }', { id });
    const move = await as(ua)(
      'mutation($id: ID!, $v: Int!) { updateEmployee(id: $id, input: { active: false }, expectedVersion: $v) { active } }',
      { id, v: current.data!.employee.version },
    );
    expect(move.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(
      (await gql(t.url, LOGIN_ME, { n: dir.logins.hrAdmin, p: dir.password })).errors,
    ).toBeUndefined();
  });

  it('checks who asks before looking an account up', async () => {
    const employee = await signIn(t.url, dir.logins.employee, dir.password);
    const missing = '00000000-0000-7000-8000-000000000000';
    const result = await as(employee)('query($id: ID!) { account(employeeId: $id) { id } }', {
      id: missing,
    });
    expect(result.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('the audit trail', () => {
  it('records sign-ins and failed sign-ins', async () => {
    const nip = dir.logins.employee;
    await gql(
      t.url,
      'mutation($n: String!, $p: String!) { login(nip: $n, password: $p) { token } }',
      { n: nip, p: 'nope-nope' },
    );
    await signIn(t.url, nip, dir.password);
    const failed = await as(hr)(
      'query($id: ID!) { auditTrail(subjectId: $id) { nodes { action actorType ipAddress } } }',
      { id: nip },
    );
    expect(failed.data!.auditTrail.nodes[0]).toMatchObject({
      action: 'auth.login_failed',
      actorType: 'ANONYMOUS',
    });
    const ok = await as(hr)(
      'query($id: ID!) { auditTrail(subjectId: $id) { nodes { action actorType } } }',
      { id: await employeeId(nip) },
    );
    expect(ok.data!.auditTrail.nodes.map((n: any) => n.action)).toContain('auth.login');
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const url = (t.app.orm.config.get('clientUrl') as string) ?? '';
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query("update audit_entry set action = 'forged'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('delete from audit_entry')).rejects.toThrow(/append-only/);
      const count = await client.query('select count(*)::int as n from audit_entry');
      expect(count.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});

describe('API clients', () => {
  const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id name scopes tokenPrefix opds { code } } } }`;

  it('shows the token once, accepts it as a bearer token, and audits each use with the client name', async () => {
    const created = await as(hr)(CREATE, {
      input: { name: 'SIMPEG Provinsi', scopes: ['DIRECTORY_READ'] },
    });
    const { token, client } = created.data!.createApiClient;
    expect(token).toMatch(/^kja_/);
    expect(client.tokenPrefix).toBe(token.slice(0, 12));
    const list = await gql(
      t.url,
      'query Sync { employees(first: 3) { totalCount } }',
      {},
      { token },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.employees.totalCount).toBe(300);
    const write = await gql(t.url, 'mutation { logout }', {}, { token });
    expect(write.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(write.errors![0].message).toMatch(/API clients are read-only/);
    const trail = await as(hr)(
      'query($id: ID!) { auditTrail(subjectId: $id) { nodes { action actorLabel after } } }',
      { id: client.id },
    );
    const uses = trail.data!.auditTrail.nodes.filter((n: any) => n.action === 'api_client.use');
    expect(uses[uses.length - 1]).toMatchObject({
      actorLabel: 'SIMPEG Provinsi',
      after: { operationName: 'Sync' },
    });
  });

  it('stops the old token at once when rotated, and every token when revoked', async () => {
    const created = await as(hr)(CREATE, {
      input: { name: 'Dashboard Wali Kota', scopes: ['DIRECTORY_READ'] },
    });
    const { token: oldToken, client } = created.data!.createApiClient;
    // Used once, so the server remembers the client when its secret is rotated.
    expect(
      (await gql(t.url, '{ orgUnits(topLevel: true) { id } }', {}, { token: oldToken })).errors,
    ).toBeUndefined();
    const rotated = await as(hr)(
      'mutation($id: ID!) { rotateApiClientSecret(id: $id) { token } }',
      { id: client.id },
    );
    const newToken = rotated.data!.rotateApiClientSecret.token;
    expect(
      (await gql(t.url, '{ orgUnits(topLevel: true) { id } }', {}, { token: oldToken })).errors![0]
        .extensions!.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await gql(t.url, '{ orgUnits(topLevel: true) { id } }', {}, { token: newToken })).errors,
    ).toBeUndefined();
    // The new token is remembered too when the client is revoked.
    await as(hr)('mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }', {
      id: client.id,
    });
    expect(
      (await gql(t.url, '{ orgUnits(topLevel: true) { id } }', {}, { token: newToken })).errors![0]
        .extensions!.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a duplicate name and units that are not OPDs', async () => {
    const dup = await as(hr)(CREATE, {
      input: { name: 'SIMPEG Provinsi', scopes: ['DIRECTORY_READ'] },
    });
    expect(dup.errors![0].extensions!.field).toBe('name');
    const units = await as(hr)('{ orgUnits(kind: DIVISION) { id } }');
    const notOpd = await as(hr)(CREATE, {
      input: { name: 'X', scopes: ['DIRECTORY_READ'], opdIds: [units.data!.orgUnits[0].id] },
    });
    expect(notOpd.errors![0].extensions!.field).toBe('opdIds');
  });
});
