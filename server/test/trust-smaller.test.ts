import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataDir } from '../src/db/embedded.js';
import { gql, seedDirectory, signIn, startTestApp, type TestApp } from './helpers.js';

// The smaller findings of the trust issue, each with the behaviour that was wrong.

let t: TestApp;
let hr: string;
let dir: Awaited<ReturnType<typeof seedDirectory>>;

beforeAll(async () => {
  t = await startTestApp({ nodeEnv: 'development' });
  dir = await seedDirectory(t.app, 300);
  hr = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});

afterAll(async () => {
  await t?.close();
});

describe('smaller findings', () => {
  it('answers an unreadable request body with JSON, never an HTML stack trace (development)', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(text).not.toMatch(/<html|<pre|\bat \w+ \(/i);
    expect(JSON.parse(text)).toMatchObject({ errors: [expect.any(Object)] });
  });

  it('tells an anonymous persisted-query probe nothing about what was run before', async () => {
    const query = '{ __typename }';
    await gql(t.url, query);
    const probe = (hash: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      }).then(async (res) => ({ status: res.status, body: await res.json() }));
    const ran = await probe(createHash('sha256').update(query).digest('hex'));
    const never = await probe(createHash('sha256').update('{ never }').digest('hex'));
    expect(ran).toEqual(never);
    expect(JSON.stringify(ran.body)).not.toContain('"data"');
  });

  it('lists the OPDs an OPD-limited API client may read', async () => {
    const units = await gql(t.url, '{ orgUnits(topLevel: true) { id } }', {}, { token: hr });
    const opdId = (units.data!.orgUnits as { id: string }[])[0].id;
    const created = await gql(
      t.url,
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id opds { id } } } }',
      { input: { name: 'OPD-limited', scopes: ['DIRECTORY_READ'], opdIds: [opdId] } },
      { token: hr },
    );
    expect(created.data!.createApiClient.client.opds).toEqual([{ id: opdId }]);
    const listed = await gql(t.url, '{ apiClients { id opds { id } } }', {}, { token: hr });
    const mine = (listed.data!.apiClients as { id: string; opds: { id: string }[] }[]).find(
      (c) => c.id === created.data!.createApiClient.client.id,
    );
    expect(mine!.opds).toEqual([{ id: opdId }]);
  });
});

describe('signing in', () => {
  it('answers what the sign-in selects of the person, as them (no data: null after a session was made)', async () => {
    const result = await gql(
      t.url,
      `mutation($nip: String!, $password: String!) {
        login(nip: $nip, password: $password) { token viewer { employee { id directReports { id } } } }
      }`,
      { nip: dir.logins.supervisor, password: dir.password },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.token).toBeTruthy();
    expect(result.data!.login.viewer.employee.directReports.length).toBeGreaterThan(0);
  });
});

describe('the embedded data directory', () => {
  it('says which directory cannot be used, and why', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-dir-'));
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    expect(() => checkDataDir(file)).toThrow(`The data directory ${file} is a file`);
    expect(() => checkDataDir(path.join(file, 'below'))).toThrow(
      /The data directory .*below cannot be created \(ENOTDIR\)\. Set KINERJA_DATA_DIR/,
    );
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('is not ready once its data directory is gone', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-ready-'));
    const app = await startTestApp({ databaseUrl: null, dataDir });
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const res = await fetch(`${app.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'data directory missing' });
    } finally {
      await app.close().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
