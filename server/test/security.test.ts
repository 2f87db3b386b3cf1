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
let token: string;

beforeAll(async () => {
  // A window long enough that 20 sign-ins fit in it on a busy 2-core machine (argon2 hashing).
  t = await startTestApp({ loginThrottle: { perAccount: 5, perAddress: 1000, windowSeconds: 8 } });
  dir = await seedDirectory(t.app, 300);
  token = await signIn(t.url, dir.logins.employee, dir.password);
});
afterAll(async () => {
  await t?.close();
});

const LOGIN =
  'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token } }';

describe('operation limits', () => {
  it('refuses a query 20 levels deep, saying how deep is allowed', async () => {
    let selection = 'id';
    for (let i = 0; i < 19; i++) selection = `supervisor { ${selection} }`;
    const result = await gql(
      t.url,
      `{ employees(first: 1) { nodes { ${selection} } } }`,
      {},
      { token },
    );
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/levels deep; at most 12 are allowed/);
  });

  it('refuses a query with 200 aliases', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: me { roles }`).join(' ');
    const result = await gql(t.url, `{ ${aliases} }`, {}, { token });
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/uses 200 aliases; at most 30 are allowed/);
  });

  it('refuses a 100 KB request body with the size allowed', async () => {
    const padding = ' '.repeat(100 * 1024);
    const result = await gql(t.url, `{ me { roles }${padding}}`, {}, { token });
    expect(result.status).toBe(413);
    expect(result.errors![0].message).toMatch(
      /The request body is \d+ KB; at most 100 KB is allowed/,
    );
  });

  it('refuses a long query under the body limit by counting its tokens', async () => {
    const fields = Array.from({ length: 3000 }, () => '__typename').join(' ');
    const result = await gql(t.url, `{ ${fields} }`, {}, { token });
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/token/i);
  });

  it('refuses an expensive query: nested pages multiply', async () => {
    const result = await gql(
      t.url,
      '{ employees(first: 100) { nodes { directReports { directReports { directReports { id } } } } } }',
      {},
      { token },
    );
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/costs [\d,]+; at most 20,000/);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { roles } }' }, { query: '{ me { roles } }' }]),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/Batched requests are not accepted/);
  });

  it('answers an id that is not a UUID as bad input, not a server error', async () => {
    const result = await gql(t.url, '{ employee(id: "not-a-uuid") { id } }', {}, { token });
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // PostgreSQL's words, not the SQL statement.
    expect(result.errors![0].message).toMatch(/invalid input syntax for type uuid/);
    expect(result.errors![0].message).not.toMatch(/select/);
    // Where in the query it happened, as graphql-js reports it.
    expect(result.errors![0]).toMatchObject({
      path: ['employee'],
      locations: [{ line: 1, column: 3 }],
    });
  });

  it('answers a bad variable as bad input every time, also once the operation is compiled', async () => {
    const query = 'query Page($first: Int) { employees(first: $first) { totalCount } }';
    expect((await gql(t.url, query, { first: 2 }, { token })).errors).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const result = await gql(t.url, query, { first: 'many' }, { token });
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/^Variable "\$first" got invalid value "many"/);
    }
  });

  it('refuses a supervisor id or a cursor that is not a UUID before any SQL, naming the input', async () => {
    const query = `query Page($filter: EmployeeFilter, $after: String) {
      employees(first: 2, filter: $filter, after: $after) { totalCount }
    }`;
    const bySupervisor = await gql(t.url, query, { filter: { supervisorId: 'x - y' } }, { token });
    expect(bySupervisor.errors![0]).toMatchObject({
      message: 'x - y is not an id (ids are UUIDs).',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.supervisorId' },
    });
    const forged = Buffer.from(JSON.stringify(['Ni Luh', 'not-a-uuid'])).toString('base64url');
    const byCursor = await gql(t.url, query, { after: forged }, { token });
    expect(byCursor.errors![0]).toMatchObject({
      message: 'after is not a cursor this list gave out; use pageInfo.endCursor.',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('sign-in limits', () => {
  it('rate-limits 20 wrong passwords in a row, refuses the right one until the wait passes', async () => {
    const nip = dir.logins.supervisor;
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await gql(t.url, LOGIN, { nip, password: `wrong-${i}` });
      codes.push(String(result.errors![0].extensions!.code));
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(Array(15).fill('RATE_LIMITED'));

    const right = await gql(t.url, LOGIN, { nip, password: dir.password });
    expect(right.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(right.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(right.errors![0].message).toMatch(
      /Too many failed sign-ins for this NIP; try again in \d+ seconds?\./,
    );
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);

    // As told: after retryAfterSeconds the right password works again.
    const wait = Number(right.errors![0].extensions!.retryAfterSeconds);
    await new Promise((resolve) => setTimeout(resolve, wait * 1_000 + 200));
    const later = await gql(t.url, LOGIN, { nip, password: dir.password });
    expect(later.errors).toBeUndefined();
    expect(later.data!.login.token).toBeTruthy();
  });
});

describe('production mode', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ nodeEnv: 'production' });
  });
  afterAll(async () => {
    await prod?.close();
  });

  it('refuses introspection to anonymous callers', async () => {
    const result = await gql(prod.url, '{ __schema { queryType { name } } }');
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toMatch(/Introspection needs a signed-in account/);
  });

  it('hides field suggestions from error messages', async () => {
    const result = await gql(prod.url, '{ employes { totalCount } }');
    expect(result.errors![0].message).not.toMatch(/Did you mean/);
  });
});
