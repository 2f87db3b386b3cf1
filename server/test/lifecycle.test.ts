import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import {
  buildServer,
  freePort,
  killAllServers,
  type ServerProcess,
  startServer,
  waitForExit,
} from './processes.js';

const tmpDirs: string[] = [];
const sockets: net.Socket[] = [];
let mainJs: string;

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

beforeAll(() => {
  // The test runs the built server, as `node server/dist/src/main.js` is run in production.
  mainJs = buildServer('lifecycle');
}, 120_000);

afterAll(() => {
  for (const socket of sockets) socket.destroy();
  killAllServers();
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the built server with the demo on an embedded database. */
function startDemoServer(port: number, dataDir: string, webDir: string): Promise<ServerProcess> {
  return startServer(mainJs, port, {
    // vitest sets NODE_ENV=test; the server is run as a person running the demo would.
    NODE_ENV: 'development',
    DATABASE_URL: '',
    KINERJA_DATA_DIR: dataDir,
    KINERJA_WEB_DIR: webDir,
    KINERJA_DEMO: '1',
    KINERJA_DEMO_EMPLOYEES: '300',
    LOG_LEVEL: 'info',
  });
}

/** A raw connection that sends `request` and is left open after the first answer. */
async function openConnection(port: number, request: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => {});
  socket.write(request);
  return new Promise((resolve, reject) => {
    socket.once('data', (data: Buffer) => resolve(data.toString().split('\r\n')[0]));
    socket.once('close', () => reject(new Error('closed before answering')));
  });
}

async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ data?: Record<string, any>; errors?: unknown[]; setCookie: string | null }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  return { ...body, setCookie: res.headers.get('set-cookie') };
}

const LOGIN =
  'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token } }';
const SESSIONS = '{ sessions { lastSeenAt createdAt current } }';

/** Signs in with the demo EMPLOYEE login the server printed, as the dashboard does (cookie). */
async function signInAsDemoEmployee(server: ServerProcess): Promise<string> {
  const match = /Demo login: EMPLOYEE (\d+) \/ (\S+)/.exec(server.output());
  expect(match, server.output()).not.toBeNull();
  const login = await graphql(server.url, LOGIN, { nip: match![1], password: match![2] });
  expect(login.errors).toBeUndefined();
  expect(login.setCookie).toBeTruthy();
  return login.setCookie!.split(';')[0];
}

describe('the built server (node dist/src/main.js)', () => {
  it('stops promptly on SIGTERM after use, and starts again on the same data', async () => {
    const port = await freePort();
    const dataDir = tempDir('kinerja-data-');
    const webDir = tempDir('kinerja-web-');
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><body><script>window.started = 1;</script></body></html>',
    );

    const t0 = Date.now();
    const first = await startDemoServer(port, dataDir, webDir);
    const started = Date.now() - t0;

    // What a browser leaves behind: the dashboard over keep-alive, a live (WebSocket) attempt,
    // a signed-in session, and an idle keep-alive connection.
    expect((await fetch(`${first.url}/`)).status).toBe(200);
    const cookie = await signInAsDemoEmployee(first);
    const sessions = await graphql(first.url, SESSIONS, {}, cookie);
    expect(sessions.errors).toBeUndefined();
    expect(sessions.data!.sessions).toHaveLength(1);
    expect(
      await openConnection(
        port,
        'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
      ),
    ).toBe('HTTP/1.1 200 OK');
    await openConnection(
      port,
      'GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
        'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
    );

    const t1 = Date.now();
    first.child.kill('SIGTERM');
    const exit = await waitForExit(first, 15_000);
    const stopped = Date.now() - t1;
    expect(exit, first.output()).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('stopping: draining requests');

    // The data survived: the same login works and the earlier session is still there.
    const t2 = Date.now();
    const second = await startDemoServer(port, dataDir, webDir);
    const restarted = Date.now() - t2;
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    const again = await signInAsDemoEmployee(second);
    const both = await graphql(second.url, SESSIONS, {}, again);
    expect(both.data!.sessions).toHaveLength(2);

    const t3 = Date.now();
    second.child.kill('SIGTERM');
    expect(await waitForExit(second, 15_000), second.output()).toEqual({ code: 0, signal: null });
    const stoppedIdle = Date.now() - t3;
    console.log(
      `lifecycle: started ${started} ms, stopped after use ${stopped} ms, ` +
        `restarted ${restarted} ms, stopped ${stoppedIdle} ms`,
    );
  }, 60_000);

  it('stays up and stops on SIGTERM when its log reader stops reading', async () => {
    const port = await freePort();
    const server = await startDemoServer(port, tempDir('kinerja-data-'), tempDir('kinerja-web-'));
    // The reader of the server's standard output goes away without closing it: the pipe fills
    // (64 KiB), and every write after that would have to wait. A request logs a line.
    server.child.stdout!.pause();
    server.child.stdout!.removeAllListeners('data');
    const answered: number[] = [];
    for (let i = 0; i < 600; i++) {
      const status = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200)}` }),
        signal: AbortSignal.timeout(5_000),
      }).then(
        (res) => res.status,
        () => 0,
      );
      answered.push(status);
      if (status === 0) break;
    }
    // Still serving: logging never holds a request up.
    expect(answered.filter((s) => s !== 200)).toEqual([]);
    server.child.kill('SIGTERM');
    const exit = await waitForExit(server, 15_000);
    expect(exit).toEqual({ code: 0, signal: null });
  }, 90_000);
});

describe('the built server under faults', () => {
  it('keeps every acknowledged write when killed (-9) in a burst of writes, and starts again', async () => {
    const port = await freePort();
    const dataDir = tempDir('kinerja-data-');
    const webDir = tempDir('kinerja-web-');
    const first = await startDemoServer(port, dataDir, webDir);
    const match = /Demo login: EMPLOYEE (\d+) \/ (\S+)/.exec(first.output());
    expect(match, first.output()).not.toBeNull();
    // A burst of writes: sign-ins, each a session row (and a login attempt) committed before its
    // token is answered. The server is killed in the middle of it.
    const acknowledged: string[] = [];
    let killed = false;
    const signInRepeatedly = async () => {
      while (!killed) {
        const login = await graphql(first.url, LOGIN, {
          nip: match![1],
          password: match![2],
        }).catch(() => null);
        const token = login?.data?.login?.token as string | undefined;
        if (token && !killed) acknowledged.push(token);
      }
    };
    const burst = Array.from({ length: 6 }, () => signInRepeatedly());
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    killed = true;
    expect(await waitForExit(first, 10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    await Promise.all(burst);

    // Started again on the same files (the killed server's pid file names a dead process).
    const t0 = Date.now();
    const second = await startDemoServer(port, dataDir, webDir);
    const restarted = Date.now() - t0;
    const lost: string[] = [];
    for (const token of acknowledged) {
      const me = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { employee { nip } } }' }),
      }).then(
        (res) => res.json() as Promise<{ data?: { me: { employee: { nip: string } } | null } }>,
      );
      if (me.data?.me?.employee.nip !== match![1]) lost.push(token);
    }
    expect(lost).toEqual([]);
    console.log(
      `faults: ${acknowledged.length} acknowledged sign-ins before kill -9, all present after a restart in ${restarted} ms`,
    );
    second.child.kill('SIGTERM');
    expect(await waitForExit(second, 15_000)).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('app.close()', () => {
  it('drains a request in flight for the grace period only, then closes', async () => {
    const app = await createApp(
      {
        ...loadConfig({ NODE_ENV: 'test' }),
        port: 0,
        host: '127.0.0.1',
        databaseUrl: null,
        dataDir: null,
        dbPoolSize: 4,
      },
      { logger: createLogger({ logLevel: 'silent' }), print: () => {}, shutdownGraceMs: 500 },
    );
    const port = Number(new URL(app.url).port);
    // A request whose body never finishes arriving stays in flight until the server gives up.
    const stalled = net.connect(port, '127.0.0.1');
    sockets.push(stalled);
    stalled.on('error', () => {});
    const closedByServer = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    stalled.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"query":',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = Date.now();
    await app.close();
    const took = Date.now() - started;
    await closedByServer;
    expect(took).toBeGreaterThanOrEqual(400);
    expect(took).toBeLessThan(4_000);
  }, 30_000);
});
