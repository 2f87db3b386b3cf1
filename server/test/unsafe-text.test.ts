import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, seedDirectory, signIn, startTestApp, type TestApp } from './helpers.js';
import { collect, wsClient } from './ws-helpers.js';

// Finding of the trust issue: a NUL byte or a lone surrogate in any text reached PostgreSQL and
// came back as INTERNAL_SERVER_ERROR (or a message about UUIDs). They are refused at the edge,
// as bad input naming the field, on HTTP and WebSocket alike.

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  const dir = await seedDirectory(t.app, 300);
  token = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});

afterAll(async () => {
  await t?.close();
});

const SEARCH = 'query($q: String) { employees(first: 1, filter: { search: $q }) { totalCount } }';

describe('text that no column can hold', () => {
  it('refuses a NUL character in a variable as bad input naming it', async () => {
    const result = await gql(t.url, SEARCH, { q: 'Ni\u0000Luh' }, { token });
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'api.unsafeText',
      field: 'q',
    });
  });

  it('refuses a lone surrogate in an id, without talking about UUIDs', async () => {
    const result = await gql(
      t.url,
      'query($id: ID!) { employee(id: $id) { id } }',
      {
        id: 'abc\uD800',
      },
      { token },
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(result.errors![0].message).not.toMatch(/UUID/);
  });

  it('refuses a NUL written in the document itself, naming the argument', async () => {
    const query = `{ employees(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }`;
    const result = await gql(t.url, query, {}, { token });
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter',
    });
  });

  it('keeps ordinary text, emoji and Balinese script', async () => {
    const result = await gql(t.url, SEARCH, { q: 'Ni Luh 🌺 ᬩᬮᬶ' }, { token });
    expect(result.errors).toBeUndefined();
  });

  it('refuses the same over WebSocket', async () => {
    const ws = wsClient(t.url, token);
    const stream = collect(ws, SEARCH, { q: 'x\u0000' });
    await stream.until(() => stream.closed !== null || stream.errors.length > 0);
    expect(JSON.stringify([stream.errors, stream.closed])).toContain('api.unsafeText');
    await ws.dispose();
  });
});
