import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client over a real socket, sending an Origin like a browser would. */
export function wsClient(url: string, token: string | null, origin?: string): Client {
  const headers = origin ? { origin } : {};
  class OriginSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: OriginSocket,
    connectionParams: token ? { token } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects what a subscription yields; `next(n)` waits for the n-th item. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const items: T[] = [];
  const errors: unknown[] = [];
  let closed: unknown = null;
  const waiters: (() => void)[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) items.push(value.data as T);
        waiters.splice(0).forEach((w) => w());
      },
      error: (error) => {
        closed = error;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => waiters.splice(0).forEach((w) => w()),
    },
  );
  return {
    items,
    errors,
    get closed() {
      return closed;
    },
    dispose,
    async until(predicate: () => boolean, ms = 10_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out; got ${JSON.stringify(items)} ${JSON.stringify(errors)} ${String(closed)}`,
          );
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}
