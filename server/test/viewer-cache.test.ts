import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processStats } from '../src/db/query-stats.js';
import { hashToken } from '../src/modules/auth/auth.service.js';
import { gql, seedDirectory, signIn, startTestApp } from './helpers.js';

/**
 * The server remembers who is behind a token for KINERJA_SESSION_CACHE_SECONDS. Changes made in
 * the application apply at once (accounts.test.ts, realtime-pg.test.ts); these tests are about
 * what the cache time itself means.
 */
const ME = '{ me { roles } }';

async function appWithCache(seconds: number) {
  const t = await startTestApp({ sessionCacheSeconds: seconds });
  const dir = await seedDirectory(t.app, 300);
  /** Ends a session in SQL, behind the application's back (no event). */
  const endInSql = (token: string) =>
    t.app.orm.em
      .fork()
      .execute('update session set revoked_at = now() where token_hash = ?', [hashToken(token)]);
  return { t, dir, endInSql };
}

describe('remembered sessions (KINERJA_SESSION_CACHE_SECONDS=2)', () => {
  let s: Awaited<ReturnType<typeof appWithCache>>;
  beforeAll(async () => {
    s = await appWithCache(2);
  });
  afterAll(async () => {
    await s?.t.close();
  });

  it('costs no statement to check a session it remembers', async () => {
    const token = await signIn(s.t.url, s.dir.logins.auditor, s.dir.password);
    const statements = async () => {
      const before = processStats.sqlStatements;
      expect((await gql(s.t.url, ME, {}, { token })).data!.me).not.toBeNull();
      return processStats.sqlStatements - before;
    };
    const first = await statements();
    const second = await statements();
    expect(first - second).toBe(1);
  });

  it('sees a session ended in SQL, outside the application, once the cache time is up', async () => {
    const token = await signIn(s.t.url, s.dir.logins.auditor, s.dir.password);
    expect((await gql(s.t.url, ME, {}, { token })).data!.me).not.toBeNull();
    await s.endInSql(token);
    // Still remembered: nothing told this server.
    expect((await gql(s.t.url, ME, {}, { token })).data!.me).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await gql(s.t.url, ME, {}, { token })).data!.me).toBeNull();
  });
});

describe('no remembered sessions (KINERJA_SESSION_CACHE_SECONDS=0)', () => {
  let s: Awaited<ReturnType<typeof appWithCache>>;
  beforeAll(async () => {
    s = await appWithCache(0);
  });
  afterAll(async () => {
    await s?.t.close();
  });

  it('checks the session in the database on every request', async () => {
    const token = await signIn(s.t.url, s.dir.logins.auditor, s.dir.password);
    expect((await gql(s.t.url, ME, {}, { token })).data!.me).not.toBeNull();
    await s.endInSql(token);
    expect((await gql(s.t.url, ME, {}, { token })).data!.me).toBeNull();
  });
});
