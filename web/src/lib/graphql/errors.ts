import type { CombinedError } from '@urql/core';
import { t } from '$lib/i18n.svelte';

/**
 * A message for people: the server's own message for a GraphQL error (the server writes them to be
 * shown), or a translated one when the server could not be reached.
 */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return t('error.network');
  return error.graphQLErrors[0]?.message || t('error.unknown');
}

/** The `extensions.code` of the first GraphQL error, e.g. `UNAUTHENTICATED` or `RATE_LIMITED`. */
export function errorCode(error: CombinedError): string | undefined {
  const code = error.graphQLErrors[0]?.extensions.code;
  return typeof code === 'string' ? code : undefined;
}
