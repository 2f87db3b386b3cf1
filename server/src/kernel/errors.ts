import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

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

export function appError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const unauthenticated = (message = 'Sign in first: this needs a signed-in account.') =>
  appError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => appError('FORBIDDEN', message);
export const notFound = (message: string) => appError('NOT_FOUND', message);
/** `field` names the input field that was wrong, so a form can point at it. */
export const badInput = (message: string, field?: string, extra: Record<string, unknown> = {}) =>
  appError('BAD_USER_INPUT', message, field ? { field, ...extra } : extra);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  appError('CONFLICT', message, extra);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  appError('RATE_LIMITED', message, { retryAfterSeconds });
