import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

let t: TestApp;
let dir: TestDirectory;

beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 300);
});
afterAll(async () => {
  await t?.close();
});

const LOGIN = `mutation($nip: String!, $password: String!) {
  login(nip: $nip, password: $password) { token expiresAt viewer { roles mustChangePassword employee { nip name } } }
}`;
const ME = '{ me { roles employee { nip } adminOrgUnit { code } } }';

describe('sign-in', () => {
  it('signs in with NIP and password, returns a token and sets an HttpOnly cookie', async () => {
    const result = await gql(t.url, LOGIN, { nip: dir.logins.employee, password: dir.password });
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(result.data!.login.viewer.employee.nip).toBe(dir.logins.employee);
    expect(result.data!.login.viewer.roles).toEqual(['EMPLOYEE']);
    expect(new Date(result.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kinerja_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('accepts a NIP typed with spaces', async () => {
    const n = dir.logins.employee;
    const spaced = `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
    const result = await gql(t.url, LOGIN, { nip: spaced, password: dir.password });
    expect(result.errors).toBeUndefined();
  });

  it('refuses a wrong password and an unknown NIP with the same message', async () => {
    const wrong = await gql(t.url, LOGIN, {
      nip: dir.logins.employee,
      password: 'not-the-password',
    });
    const unknown = await gql(t.url, LOGIN, { nip: '199001012015011999', password: dir.password });
    expect(wrong.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe('The NIP or the password is wrong.');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('refuses a malformed NIP naming the wrong segment', async () => {
    const result = await gql(t.url, LOGIN, { nip: '12345', password: 'x' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nip' });
    expect(result.errors![0].message).toMatch(/18 digits/);
  });

  it('reads the viewer with roles from the cookie or the bearer token', async () => {
    const login = await gql(t.url, LOGIN, { nip: dir.logins.hrAdmin, password: dir.password });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const byCookie = await gql(t.url, ME, {}, { cookie });
    const byToken = await gql(t.url, ME, {}, { token: login.data!.login.token });
    expect(byCookie.data!.me.roles).toEqual(['EMPLOYEE', 'HR_ADMIN']);
    expect(byToken.data!.me).toEqual(byCookie.data!.me);
  });

  it('shows the OPD a unit admin administers', async () => {
    const token = await signIn(t.url, dir.logins.unitAdmin, dir.password);
    const me = await gql(t.url, ME, {}, { token });
    expect(me.data!.me.roles).toContain('UNIT_ADMIN');
    expect(me.data!.me.adminOrgUnit.code).toMatch(/^\d{4}$/);
  });

  it('returns null for me when signed out', async () => {
    const result = await gql(t.url, ME);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toBeNull();
  });

  it('ends the session on logout: the token no longer works on the next request', async () => {
    const token = await signIn(t.url, dir.logins.supervisor, dir.password);
    expect((await gql(t.url, ME, {}, { token })).data!.me).not.toBeNull();
    const out = await gql(t.url, 'mutation { logout }', {}, { token });
    expect(out.data!.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/kinerja_session=;/);
    expect((await gql(t.url, ME, {}, { token })).data!.me).toBeNull();
    const again = await gql(t.url, 'mutation { logout }', {}, { token });
    expect(again.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a forged token', async () => {
    const result = await gql(
      t.url,
      ME,
      {},
      { token: 'forged-token-value-that-was-never-issued-by-the-server' },
    );
    expect(result.data!.me).toBeNull();
  });
});
