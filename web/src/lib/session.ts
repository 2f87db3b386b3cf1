import type { Client, CombinedError } from '@urql/core';
import { getContext, setContext } from 'svelte';
import { resolve } from '$app/paths';
import { graphql } from '$lib/gql';
import { handlesUnauthenticated } from '$lib/graphql/client';
import { errorCode } from '$lib/graphql/errors';
import { ViewerQuery } from '$lib/graphql/viewer';
import { loginPath } from '$lib/navigation';

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
   * Call after the `changePassword` mutation succeeded: fetches `me` again, so a person who had to
   * change a reset password may now go anywhere, and re-authenticates the live connection (the
   * server read the old account state when it opened).
   */
  passwordChanged(): Promise<void>;
  /**
   * Ends the session on the server, then reloads the app on `/login` so nothing cached for this
   * person stays in memory. Resolves with the error instead when the server could not end it (no
   * reload then); an already expired session counts as signed out.
   */
  signOut(): Promise<CombinedError | undefined>;
}

const sessionKey = Symbol('kinerja.session');

let leavingForSignIn = false;

/**
 * For when the server stopped accepting the session (it expired, or was ended elsewhere): reloads
 * the app on the sign-in page, which comes back to the current page afterwards. A reload rather
 * than a client-side navigation, so nothing cached for this person stays in memory. Does nothing
 * on the sign-in page itself, so a failing request there cannot loop, and only once however many
 * requests fail together.
 */
export function leaveForSignIn(): void {
  const { pathname, search, hash } = window.location;
  if (leavingForSignIn || pathname === resolve('/login')) return;
  leavingForSignIn = true;
  // Replace: going back to a page that needs the ended session would only come here again.
  window.location.replace(loginPath(`${pathname}${search}${hash}`));
}

export function createSession(client: Client, restartRealtime: () => void): Session {
  async function refreshViewer() {
    restartRealtime();
    await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  }
  return {
    signedIn: refreshViewer,
    passwordChanged: refreshViewer,
    async signOut() {
      const result = await client.mutation(LogoutMutation, {}, handlesUnauthenticated).toPromise();
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
