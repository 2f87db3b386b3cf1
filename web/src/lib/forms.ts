import type { CombinedError } from '@urql/core';

/** The input field a `BAD_USER_INPUT` error names (`extensions.field`), if any. */
export function fieldOf(error: CombinedError): string | undefined {
  const first = error.graphQLErrors[0];
  if (first?.extensions.code !== 'BAD_USER_INPUT') return undefined;
  const field = first.extensions.field;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Whether `url` is an absolute https:// link with a host, as the server requires for evidence
 * (bukti dukung). Spaces are refused rather than encoded.
 */
export function isHttpsUrl(url: string): boolean {
  if (/\s/.test(url) || !/^https:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** Length as people count it (code points), as the server counts. */
export function lengthOf(text: string): number {
  return Array.from(text.trim()).length;
}
