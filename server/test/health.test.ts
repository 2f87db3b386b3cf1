import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, seedDirectory, startTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health checks', () => {
  it('answers /healthz while the process is up', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz when the database is reachable and migrated', async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('reports /readyz as not ready once the database is gone', async () => {
    const other = await startTestApp();
    await other.app.orm.close();
    const res = await fetch(`${other.url}/readyz`);
    expect(res.status).toBe(503);
    await other.close().catch(() => {});
  });

  it('gives every response a request id, and keeps one the caller sent', async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });

  it('refuses a GraphQL GET without the CSRF header', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { roles } }')}`);
    expect(res.status).toBe(400);
  });

  it('masks unexpected errors and refuses malformed requests clearly', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { roles }',
    });
    expect(res.status).toBe(400);
  });
});

describe('the dashboard page', () => {
  const scriptHash = (script: string) =>
    `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  const page = (script: string) =>
    `<!doctype html><html><head><script>${script}</script></head><body></body></html>`;

  it('serves the dashboard’s files with an ETag, and API answers without one', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), page('window.kinerja = 1;'));
    fs.writeFileSync(path.join(webDir, 'app.js'), 'console.log(1);');
    const web = await startTestApp({ webDir });
    try {
      const file = await fetch(`${web.url}/app.js`);
      expect(file.status).toBe(200);
      expect(file.headers.get('etag')).toBeTruthy();
      const api = await fetch(`${web.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(api.status).toBe(200);
      // A POST is never revalidated: hashing every answer for an ETag is work for nothing.
      expect(api.headers.get('etag')).toBeNull();
      expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('allows the inline script of the current index.html after a rebuild, without a restart', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-web-'));
    const indexHtml = path.join(webDir, 'index.html');
    const before = 'window.kinerja = "build 1";';
    const after = 'window.kinerja = "build 2";';
    fs.writeFileSync(indexHtml, page(before));
    const web = await startTestApp({ webDir });
    try {
      const first = await fetch(`${web.url}/`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-security-policy')).toContain(scriptHash(before));
      expect(await first.text()).toContain(before);

      // The dashboard is rebuilt while the server runs.
      fs.writeFileSync(indexHtml, page(after));
      const later = new Date(Date.now() + 5_000);
      fs.utimesSync(indexHtml, later, later);

      const second = await fetch(`${web.url}/planning`);
      expect(await second.text()).toContain(after);
      const csp = second.headers.get('content-security-policy')!;
      expect(csp).toContain(scriptHash(after));
      expect(csp).not.toContain(scriptHash(before));
      expect(csp).toMatch(/script-src 'self' 'sha256-/);
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});

describe('sessions', () => {
  it('have lastSeenAt set from sign-in, before the session is used', async () => {
    const dir = await seedDirectory(t.app, 300);
    const signIn = () =>
      gql<{ login: { token: string } }>(
        t.url,
        'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token } }',
        { nip: dir.logins.employee, password: dir.password },
      );
    // Signed in on a laptop (not used since), then on a phone that lists the sessions.
    await signIn();
    const phone = await signIn();
    const cookie = phone.headers.get('set-cookie')!.split(';')[0];
    const result = await gql<{ sessions: { lastSeenAt: string | null; createdAt: string }[] }>(
      t.url,
      '{ sessions { lastSeenAt createdAt } }',
      {},
      { cookie },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.sessions).toHaveLength(2);
    for (const session of result.data!.sessions) {
      expect(session.lastSeenAt).not.toBeNull();
      expect(new Date(session.lastSeenAt!).getTime()).toBeGreaterThanOrEqual(
        new Date(session.createdAt).getTime(),
      );
    }
  });
});
