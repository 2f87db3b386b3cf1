/**
 * Many WebSocket clients in one child process (forked by the fan-out benchmark), driven over IPC:
 * `open` connects them (graphql-ws subscriptions, or bare `ws` sockets for the floor), `arm`
 * starts a round, and the first message each socket gets after it is timed; `collect` returns
 * the receipt times (performance.timeOrigin + now, comparable across processes on one machine).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export type ClientCommand =
  | {
      type: 'open';
      mode: 'graphql' | 'bare';
      /** Bare mode: the one server. */
      url: string;
      /** Graphql mode: the servers, taken in turn (connection i goes to urls[i % length]). */
      urls?: string[];
      /** One token per account; `perToken` connections each (graphql mode). */
      tokens: string[];
      perToken: number;
      count: number;
      query?: string;
      variables?: Record<string, unknown>;
      /** Wait for a first message on every subscription before reporting ready. */
      waitForInitial: boolean;
      timeoutMs: number;
    }
  | { type: 'arm' }
  | { type: 'collect' }
  | { type: 'close' };

export type ClientReport =
  | { type: 'ready'; opened: number; failed: number; initial: number; errors: string[] }
  | { type: 'armed' }
  | { type: 'all-received' }
  | { type: 'times'; times: number[]; sample: string | null };

const now = () => performance.timeOrigin + performance.now();
const send = (report: ClientReport) => process.send?.(report);

let armed = false;
let received: (number | null)[] = [];
let receivedCount = 0;
let expected = 0;
let sample: string | null = null;
let initial = 0;
const closers: (() => void)[] = [];
const errors: string[] = [];

function onMessage(index: number, text: string | null): void {
  if (!armed) {
    initial += 1;
    return;
  }
  if (received[index] !== null) return;
  received[index] = now();
  receivedCount += 1;
  sample ??= text;
  if (receivedCount === expected) send({ type: 'all-received' });
}

function note(error: unknown): void {
  if (errors.length < 5)
    errors.push(error instanceof Error ? error.message : JSON.stringify(error));
}

async function openGraphql(
  command: Extract<ClientCommand, { type: 'open' }>,
  index: number,
): Promise<boolean> {
  const token = command.tokens[Math.floor(index / command.perToken) % command.tokens.length];
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (!settled) resolve(ok);
      settled = true;
    };
    const client: Client = createClient({
      url: `${(command.urls?.[index % command.urls.length] ?? command.url).replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { token },
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => done(true),
        closed: (event) => {
          note(`closed ${(event as { code?: number }).code}`);
          done(false);
        },
        error: (error) => {
          note(error);
          done(false);
        },
      },
    });
    client.subscribe(
      { query: command.query!, variables: command.variables ?? {} },
      {
        next: (value) => {
          if (value.errors) note(value.errors);
          onMessage(index, JSON.stringify(value));
        },
        error: (error) => note(error),
        complete: () => {},
      },
    );
    closers.push(() => void client.dispose());
  });
}

async function openBare(url: string, index: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = new WebSocket(url);
    socket.on('open', () => resolve(true));
    socket.on('error', (error) => {
      note(error);
      resolve(false);
    });
    socket.on('message', (data: Buffer) => onMessage(index, data.toString()));
    closers.push(() => socket.terminate());
  });
}

async function open(command: Extract<ClientCommand, { type: 'open' }>): Promise<void> {
  const deadline = Date.now() + command.timeoutMs;
  received = new Array<number | null>(command.count).fill(null);
  let opened = 0;
  let failed = 0;
  let next = 0;
  // At most 100 handshakes in flight: a burst of 10,000 at once only measures the accept queue.
  const worker = async () => {
    while (next < command.count && Date.now() < deadline) {
      const index = next++;
      const ok =
        command.mode === 'graphql'
          ? await openGraphql(command, index)
          : await openBare(command.url, index);
      if (ok) opened += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(100, command.count) }, worker));
  if (command.waitForInitial) {
    while (initial < opened && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expected = opened;
  send({ type: 'ready', opened, failed, initial, errors });
}

process.on('message', (command: ClientCommand) => {
  switch (command.type) {
    case 'open':
      void open(command);
      break;
    case 'arm':
      received.fill(null);
      receivedCount = 0;
      sample = null;
      armed = true;
      send({ type: 'armed' });
      break;
    case 'collect':
      armed = false;
      send({ type: 'times', times: received.filter((t): t is number => t !== null), sample });
      break;
    case 'close':
      for (const close of closers) close();
      setTimeout(() => process.exit(0), 500).unref();
      break;
  }
});
