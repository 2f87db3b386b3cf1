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
