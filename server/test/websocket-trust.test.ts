import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CONNECTIONS_PER_ACCOUNT, MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../src/api/ws.js';
import { gql, seedDirectory, signIn, startTestApp, type TestApp } from './helpers.js';
import { collect, wsClient } from './ws-helpers.js';

// Findings of the trust issue about the WebSocket path: API clients' operations went unaudited,
// sockets dropped during connection_init kept their slot, and finished queries freed
// subscription places they never took.

let t: TestApp;
let employee: string;
let hr: string;

beforeAll(async () => {
  t = await startTestApp();
  const dir = await seedDirectory(t.app, 300);
  employee = await signIn(t.url, dir.logins.employee, dir.password);
  hr = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});

afterAll(async () => {
  await t?.close();
});

const wsUrl = () => `${t.url.replace('http', 'ws')}/graphql`;

/** Opens a raw graphql-transport-ws socket, sends connection_init and closes it at once. */
function dropRightAfterInit(token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
      socket.terminate();
    });
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

/** Connects and waits for connection_ack; resolves with the socket, or the close code. */
function connect(token: string): Promise<{ socket: WebSocket } | { closedWith: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { token } })),
    );
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack')
        resolve({ socket });
    });
    socket.once('close', (code) => resolve({ closedWith: code }));
    socket.once('error', reject);
  });
}

describe('the WebSocket path, under attack and faults', () => {
  it("audits and logs an API client's operation over WebSocket, as over HTTP", async () => {
    const created = await gql(
      t.url,
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }',
      { input: { name: 'WS probe', scopes: ['DIRECTORY_READ'] } },
      { token: hr },
    );
    const { token, client } = created.data!.createApiClient as {
      token: string;
      client: { id: string };
    };
    const ws = wsClient(t.url, token);
    const stream = collect(ws, 'query WsProbe { __typename }');
    await stream.until(() => stream.items.length === 1);
    await ws.dispose();

    const trail = await gql(
      t.url,
      'query($id: ID) { auditTrail(subjectId: $id, first: 10) { nodes { action after } } }',
      { id: client.id },
      { token: hr },
    );
    const uses = (trail.data!.auditTrail.nodes as { action: string; after: any }[]).filter(
      (e) => e.action === 'api_client.use',
    );
    expect(uses).toEqual([
      expect.objectContaining({
        after: expect.objectContaining({ operationName: 'WsProbe', transport: 'websocket' }),
      }),
    ]);
  });

  it('frees the slot of every socket dropped right after connection_init', async () => {
    for (let i = 0; i < MAX_CONNECTIONS_PER_ACCOUNT + 2; i++) await dropRightAfterInit(employee);
    // Let the server finish authenticating the dropped ones.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const opened = await Promise.all(
      Array.from({ length: MAX_CONNECTIONS_PER_ACCOUNT }, () => connect(employee)),
    );
    for (const o of opened) if ('socket' in o) o.socket.close();
    expect(opened.filter((o) => 'closedWith' in o)).toEqual([]);
  });

  it('counts only running subscriptions toward the cap, not finished queries', async () => {
    const ws = wsClient(t.url, employee);
    const subscription = 'subscription { myPerformance { id } }';
    const live = Array.from({ length: MAX_SUBSCRIPTIONS_PER_CONNECTION }, () =>
      collect(ws, subscription),
    );
    // Queries on the same socket start and finish: they take no subscription place, and so must
    // give none back.
    for (let i = 0; i < 5; i++) {
      const query = collect(ws, 'query { __typename }');
      await query.until(() => query.items.length === 1);
    }
    const oneTooMany = collect(ws, subscription);
    await oneTooMany.until(() => oneTooMany.errors.length > 0 || oneTooMany.closed !== null);
    // graphql-ws answers a refused subscribe with an error message: the sink's error.
    expect(JSON.stringify([oneTooMany.errors, oneTooMany.closed])).toContain('RATE_LIMITED');
    for (const s of live) s.dispose();
    oneTooMany.dispose();
    await ws.dispose();
  });
});
