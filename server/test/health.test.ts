import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.js';

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
