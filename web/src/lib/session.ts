import type { Client, CombinedError } from '@urql/core';
import { getContext, setContext } from 'svelte';
import { resolve } from '$app/paths';
import { graphql } from '$lib/gql';
import { errorCode } from '$lib/graphql/errors';
import { ViewerQuery } from '$lib/graphql/viewer';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** What changes when someone signs in or out, beyond the session cookie the server sets. */
export interface Session {
  /**
   * Call after the `login` mutation succeeded: fetches `me` again (every screen showing it updates)
   * and makes the live connection authenticate with the new cookie.
   */
  signedIn(): Promise<void>;
  /**
   * Ends the session on the server, then reloads the app on `/login` so nothing cached for this
   * person stays in memory. Resolves with the error instead when the server could not end it (no
   * reload then); an already expired session counts as signed out.
   */
  signOut(): Promise<CombinedError | undefined>;
}

const sessionKey = Symbol('kinerja.session');

export function createSession(client: Client, restartRealtime: () => void): Session {
  return {
    async signedIn() {
      restartRealtime();
      await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    },
    async signOut() {
      const result = await client.mutation(LogoutMutation, {}).toPromise();
      if (result.error && errorCode(result.error) !== 'UNAUTHENTICATED') return result.error;
      window.location.assign(resolve('/login'));
      return undefined;
    },
  };
}

/** Makes `session` available to every component below the caller (the root layout). */
export function setSession(session: Session): void {
  setContext(sessionKey, session);
}

/** The session actions set by the root layout. */
export function getSession(): Session {
  const session = getContext<Session | undefined>(sessionKey);
  if (!session) throw new Error('getSession() needs setSession() in the root layout');
  return session;
}
