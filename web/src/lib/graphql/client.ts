import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
  type Operation,
} from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { liveConnection } from './live.svelte';

/** The one GraphQL client of the dashboard, and a way to re-authenticate its live connection. */
export interface GraphQLConnection {
  client: Client;
  /**
   * Makes the live (WebSocket) connection authenticate again. The server reads the session cookie
   * once, in `connection_init`, so after signing in or out an open socket would keep acting for
   * whoever was signed in when it opened. Closes an open socket (graphql-ws reconnects and
   * resubscribes), or restarts a connecting one once it is up; does nothing when none is open.
   */
  restartRealtime(): void;
}

export interface GraphQLConnectionOptions {
  /**
   * Called when an operation is refused with `UNAUTHENTICATED`: the session expired, was ended from
   * another device, or the account was deactivated. Not called for operations started with
   * {@link handlesUnauthenticated} in their context.
   */
  onUnauthenticated(operation: Operation): void;
}

/**
 * Operation context for the few operations whose caller expects `UNAUTHENTICATED` and handles it
 * (signing in with a wrong password, signing out of an expired session).
 */
export const handlesUnauthenticated = { handlesUnauthenticated: true } as const;

const maxRetryDelayMs = 30_000;

function websocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Exponential backoff with jitter, capped, so a restarted server is not hit by every tab at once. */
function waitBeforeRetry(retries: number): Promise<void> {
  const exponential = Math.min(1000 * 2 ** retries, maxRetryDelayMs);
  const delay = exponential / 2 + Math.random() * (exponential / 2);
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/**
 * Creates the urql client for `/graphql` on this origin: queries and mutations over HTTP POST with
 * the session cookie (Apollo's CSRF prevention refuses GET), subscriptions over graphql-ws.
 * Browser only: it reads `window.location`. Create it once, in the root layout.
 */
export function createGraphQLConnection(options: GraphQLConnectionOptions): GraphQLConnection {
  let socket: WebSocket | undefined;
  let connecting = false;
  let restartWhenConnected = false;

  const ws = createWsClient({
    url: websocketUrl,
    lazy: true,
    retryAttempts: Infinity,
    retryWait: waitBeforeRetry,
    // Any failure to connect (server restarting, laptop offline) is worth another try later.
    shouldRetry: () => true,
    on: {
      connecting: () => {
        connecting = true;
      },
      connected: (openSocket) => {
        connecting = false;
        socket = openSocket as WebSocket;
        liveConnection.connected();
        if (restartWhenConnected) {
          restartWhenConnected = false;
          socket.close(4205, 'Client Restart');
        }
      },
      closed: (event) => {
        connecting = false;
        socket = undefined;
        liveConnection.closed((event as CloseEvent | undefined)?.code);
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      // After the cache, so it sees every answer from the server (HTTP and WebSocket) but no
      // cached one.
      mapExchange({
        onError(error, operation) {
          if (operation.context.handlesUnauthenticated === true) return;
          if (error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')) {
            options.onUnauthenticated(operation);
          }
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const operation = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(operation, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    restartRealtime() {
      if (socket?.readyState === WebSocket.OPEN) {
        socket.close(4205, 'Client Restart');
      } else if (connecting) {
        restartWhenConnected = true;
      }
    },
  };
}
