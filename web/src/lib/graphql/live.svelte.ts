import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Client } from '@urql/core';
import { mustResync } from './errors';

/**
 * The state of the live connection, for the quiet "reconnecting" banner. `lost` is set when an
 * open socket closes for any reason but a sign-out or a deliberate restart, and cleared when a
 * new one opens.
 */
class LiveConnection {
  lost = $state(false);
  private reconnectListeners = new Set<() => void>();
  private wasOpen = false;

  connected(): void {
    const reconnected = this.lost || this.wasOpen;
    this.wasOpen = true;
    this.lost = false;
    if (reconnected) for (const listener of this.reconnectListeners) listener();
  }

  closed(code: number | undefined): void {
    // 1000 normal, 4205 our restart after sign-in or sign-out, 4401 signed out elsewhere.
    if (this.wasOpen && code !== 1000 && code !== 4205 && code !== 4401) this.lost = true;
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }
}

export const liveConnection = new LiveConnection();

interface WithId {
  id: string;
}

/**
 * Follows a subscription whose events carry an `id` (myPerformance, reviewQueue): calls
 * `onEvent` for each, remembers the last id, and after a lost connection subscribes again with
 * `after` = that id, so the server replays exactly what was missed before going on live. When the
 * server can no longer replay from there (the id is older than it keeps, or from before a
 * restore), calls `onResync` — the page fetches its data again — and follows live from now.
 * Returns a function that stops it.
 */
export function followEvents<Data, Variables extends { after?: string | null }>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  pick: (data: Data) => WithId | null | undefined,
  onEvent: (data: Data) => void,
  onResync: () => void,
): () => void {
  let after: string | null = null;
  let stop: (() => void) | null = null;
  let stopped = false;
  const start = () => {
    stop?.();
    const { unsubscribe } = client
      .subscription(document, { ...variables, after } as Variables)
      .subscribe((result) => {
        if (result.error && after !== null && mustResync(result.error)) {
          after = null;
          onResync();
          queueMicrotask(() => {
            if (!stopped) start();
          });
          return;
        }
        if (!result.data) return;
        const event = pick(result.data);
        if (event) after = event.id;
        onEvent(result.data);
      });
    stop = unsubscribe;
  };
  start();
  const offReconnect = liveConnection.onReconnect(start);
  return () => {
    stopped = true;
    offReconnect();
    stop?.();
  };
}

/** Follows a subscription that sends whole values (unitDashboard). */
export function followValues<Data, Variables extends object>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onValue: (data: Data) => void,
): () => void {
  let stop: (() => void) | null = null;
  const start = () => {
    stop?.();
    const { unsubscribe } = client.subscription(document, variables).subscribe((result) => {
      if (result.data) onValue(result.data);
    });
    stop = unsubscribe;
  };
  start();
  const offReconnect = liveConnection.onReconnect(start);
  return () => {
    offReconnect();
    stop?.();
  };
}
