import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { commonReasons, defineReasons, DomainError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';

/**
 * The one place where errors become what a GraphQL client sees: a domain error's kind becomes
 * `extensions.code`, with its `reason`, `params` and `field`; GraphQL's own public errors pass
 * as they are; anything else is logged and masked (no stack, no SQL).
 */

/** Codes whose messages are written for people and are safe to show. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Refusals of the api floor itself (operation-level access, WebSocket limits). */
export const apiReasons = defineReasons('api', {
  introspectionNeedsSignIn: {
    kind: 'UNAUTHENTICATED',
    message: 'Introspection needs a signed-in account or an API token in production.',
  },
  passwordChangeFirst: {
    kind: 'FORBIDDEN',
    message: 'Your password was reset: change it (changePassword) before doing anything else.',
  },
  tooManySubscriptions: {
    kind: 'RATE_LIMITED',
    message: 'At most {max} subscriptions per connection.',
  },
  limitExceeded: {
    kind: 'BAD_USER_INPUT',
    message: 'The query exceeds the {limit} limit ({actual}; at most {allowed}).',
  },
  unsafeText: {
    kind: 'BAD_USER_INPUT',
    message:
      '{field} holds a character that text cannot have here (a NUL character or a broken Unicode surrogate); remove it and send again.',
  },
  operationNameMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Name the operation to run.',
  },
});

/** The extensions a domain error shows: code, reason, params, field and its extra facts. */
export function domainExtensions(error: DomainError): Record<string, unknown> {
  return {
    code: error.kind,
    reason: error.reason,
    params: error.params,
    ...(error.field ? { field: error.field } : {}),
    ...error.extra,
  };
}

/** A domain error as a GraphQL error, for places that answer with errors themselves. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: domainExtensions(error) });
}

/** By class name along the prototype chain: the ORM's error class may come from another module copy. */
function isOptimisticLockError(error: unknown): boolean {
  for (
    let proto = error as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (proto.constructor?.name === 'OptimisticLockError') return true;
  }
  return false;
}

function fromDomain(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  return {
    message: error.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: domainExtensions(error),
  };
}

/**
 * Apollo's `formatError` (HTTP) and the WebSocket's result mapping both call this, so a client
 * sees the same error whichever way it asked.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  const cause = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (cause instanceof DomainError) return fromDomain(formatted, cause);
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (PUBLIC_CODES.has(code)) return formatted;
  if (isOptimisticLockError(cause)) {
    // Two writes passed the version check at the same moment; the database kept the first.
    return fromDomain(formatted, commonReasons.concurrentChange());
  }
  const pgError = cause as { code?: string; message?: string } | null;
  if (pgError?.code === '22P02') {
    // PostgreSQL "invalid text representation": an id that is not a UUID, and the like.
    // PostgreSQL's own words only ('invalid input syntax for type uuid: "x"'): the ORM puts the
    // statement, which may span lines, before them.
    const detail = /.*(invalid input [^\n]*)/s.exec(pgError.message ?? '')?.[1] ?? '';
    const domain = commonReasons.malformedValue({ detail });
    return fromDomain(formatted, domain);
  }
  logger.error({ err: error }, 'unexpected error in a GraphQL operation');
  return {
    message:
      'Something went wrong on the server; it has been logged. Try again, or report the time it happened.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
