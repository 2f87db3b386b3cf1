import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, seedDirectory, startTestApp, type TestApp, type TestDirectory } from './helpers.js';

// Findings of the trust issue about sign-in: the failure count was read, then the password
// checked, with nothing between, so parallel guesses were all checked; any client could choose
// its address with X-Forwarded-For; and failures for unknown NIPs from a shared address locked
// real accounts out.

const LOGIN =
  'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token } }';

/** A NIP of the same shape as `real` (same birth date, TMT and sex) that nobody has. */
function unknownNips(dir: TestDirectory, count: number): string[] {
  const taken = new Set(dir.directory.employees.map((e) => e.nip));
  const base = dir.logins.employee.slice(0, 15);
  const out: string[] = [];
  for (let seq = 999; out.length < count && seq > 0; seq--) {
    const nip = `${base}${String(seq).padStart(3, '0')}`;
    if (!taken.has(nip)) out.push(nip);
  }
  return out;
}

const codeOf = (result: Awaited<ReturnType<typeof gql>>) =>
  result.errors ? String(result.errors[0].extensions?.code) : 'OK';

describe('sign-in limits, under parallel guessing', () => {
  let t: TestApp;
  let dir: TestDirectory;

  beforeAll(async () => {
    t = await startTestApp({
      loginThrottle: { perAccount: 5, perAddress: 30, windowSeconds: 600 },
    });
    dir = await seedDirectory(t.app, 300);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks at most 5 of 25 simultaneous guesses for one NIP, the right password among them', async () => {
    const nip = dir.logins.supervisor;
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        gql(t.url, LOGIN, { nip, password: i === 22 ? dir.password : `wrong-${i}` }),
      ),
    );
    const codes = results.map(codeOf);
    const checked = codes.filter((c) => c !== 'RATE_LIMITED');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
  });

  it('does not let failures for unknown NIPs from one address lock a real account out', async () => {
    for (const nip of unknownNips(dir, 35)) {
      expect(codeOf(await gql(t.url, LOGIN, { nip, password: 'spray-2026' }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const hr = await gql(t.url, LOGIN, { nip: dir.logins.hrAdmin, password: dir.password });
    expect(codeOf(hr)).toBe('OK');
  });
});

describe('the address a sign-in comes from', () => {
  let t: TestApp;
  let trusting: TestApp;
  let dir: TestDirectory;
  const limits = { perAccount: 50, perAddress: 3, windowSeconds: 600 };

  beforeAll(async () => {
    t = await startTestApp({ loginThrottle: limits });
    trusting = await startTestApp({ loginThrottle: limits, trustProxy: ['loopback'] });
    dir = await seedDirectory(t.app, 300);
    await seedDirectory(trusting.app, 300);
  });
  afterAll(async () => {
    await t?.close();
    await trusting?.close();
  });

  /** Wrong passwords for real accounts, each claiming a fresh address in X-Forwarded-For. */
  async function spoofedGuesses(app: TestApp): Promise<string[]> {
    const nips = dir.directory.employees.slice(0, 6).map((e) => e.nip);
    const codes: string[] = [];
    for (const [i, nip] of nips.entries()) {
      const result = await gql(
        app.url,
        LOGIN,
        { nip, password: `wrong-${i}` },
        { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
      );
      codes.push(codeOf(result));
    }
    return codes;
  }

  it('ignores X-Forwarded-For by default: a client cannot pick a fresh address per guess', async () => {
    const codes = await spoofedGuesses(t);
    expect(codes.slice(0, 3)).toEqual(Array(3).fill('UNAUTHENTICATED'));
    expect(codes.slice(3)).toEqual(Array(3).fill('RATE_LIMITED'));
  });

  it('believes X-Forwarded-For from the proxies TRUST_PROXY names', async () => {
    const codes = await spoofedGuesses(trusting);
    expect(codes).toEqual(Array(6).fill('UNAUTHENTICATED'));
  });
});
