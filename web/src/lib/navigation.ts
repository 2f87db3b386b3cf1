import { resolve } from '$app/paths';

/** The sign-in page, coming back to `returnTo` (a path on this site) after signing in. */
export function loginPath(returnTo: string): string {
  // Slashes are legal in a query string; keeping them makes the address readable.
  return `${resolve('/login')}?redirectTo=${encodeURIComponent(returnTo).replaceAll('%2F', '/')}`;
}

/**
 * Where to go after signing in: `redirectTo` when it is a path on this site, otherwise `/`.
 * Refuses absolute and protocol-relative addresses (`https://…`, `//host`, `/\host`), so a crafted
 * sign-in link cannot send someone to another site.
 */
export function safeRedirectTarget(redirectTo: string | null): string {
  if (!redirectTo || !redirectTo.startsWith('/') || /^\/[/\\]/.test(redirectTo)) return '/';
  const target = new URL(redirectTo, 'http://kinerja.invalid');
  if (target.origin !== 'http://kinerja.invalid') return '/';
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The account page in its forced mode, where someone whose password was reset must change it. */
export function forcedPasswordChangePath(): string {
  return `${resolve('/akun')}?wajib=1`;
}

/**
 * Where the app must send someone before showing `url`, or null to show it. Nobody is sent away
 * while it is not yet known who is signed in (`viewer` undefined), nor from the sign-in page. A
 * signed-out visitor goes to sign in and comes back; a person whose password was reset by an
 * admin goes to the account page (forced mode) until they have changed it.
 */
export function viewerRedirect(
  viewer: { mustChangePassword: boolean } | null | undefined,
  url: URL,
): string | null {
  if (viewer === undefined || url.pathname === resolve('/login')) return null;
  if (viewer === null) return loginPath(`${url.pathname}${url.search}${url.hash}`);
  if (viewer.mustChangePassword && url.pathname !== resolve('/akun')) {
    return forcedPasswordChangePath();
  }
  return null;
}
