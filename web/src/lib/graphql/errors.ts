import type { CombinedError } from '@urql/core';
import type { GraphQLError } from 'graphql';
import { formatDate, formatDateTime, formatMonth } from '$lib/datetime';
import { getLocale, reasonMessage, t, type Locale, type MessageParams } from '$lib/i18n.svelte';
import { indonesian, loadCatalogue, type ErrorMessages, type MessageKey } from '$lib/messages';

/**
 * Server errors for people. Every GraphQL error of the server carries `extensions.code`
 * (`FORBIDDEN`, `BAD_USER_INPUT`, …), and a `reason` code (e.g. `activity.notFound`) with
 * `params`; its `message` is English, for API clients. The UI says it in its own language from the
 * error catalogues (`web/messages/errors/<locale>/<feature>.json`), keyed by reason.
 */

// A generic message for each code, for a reason no catalogue knows (yet).
const messageByCode: Readonly<Record<string, MessageKey>> = {
  UNAUTHENTICATED: 'error.code.UNAUTHENTICATED',
  FORBIDDEN: 'error.code.FORBIDDEN',
  NOT_FOUND: 'error.code.NOT_FOUND',
  BAD_USER_INPUT: 'error.code.BAD_USER_INPUT',
  CONFLICT: 'error.code.CONFLICT',
  RATE_LIMITED: 'error.code.RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'error.code.INTERNAL_SERVER_ERROR',
  GRAPHQL_VALIDATION_FAILED: 'error.code.GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED: 'error.code.BAD_REQUEST',
  BAD_REQUEST: 'error.code.BAD_REQUEST',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A string param as the UI writes it: a date, month or date-time in its language, else as is. */
function textOf(raw: string): string {
  if (isoDate.test(raw)) return formatDate(raw);
  if (isoMonth.test(raw)) return formatMonth(Number(raw.slice(5, 7)), Number(raw.slice(0, 4)));
  if (isoDateTime.test(raw) && !Number.isNaN(Date.parse(raw))) return formatDateTime(raw);
  return raw;
}

/**
 * `extensions.params` as placeholder values: dates (YYYY-MM-DD), months (YYYY-MM) and date-times
 * (ISO, UTC) are written as the UI writes them (e.g. "2 Jan 2027", "Maret 2027", "5 Jan 2026,
 * 14.30 WITA"); other values as text. Anything that is not a flat object of plain values is
 * ignored.
 */
function paramsOf(value: unknown): MessageParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const params: MessageParams = {};
  for (const [name, raw] of Object.entries(value)) {
    if (typeof raw === 'string') {
      params[name] = textOf(raw);
    } else if (typeof raw === 'number' || typeof raw === 'boolean') {
      params[name] = String(raw);
    } else if (raw === null) {
      params[name] = '';
    }
  }
  return params;
}

function first(error: CombinedError): GraphQLError | undefined {
  return error.graphQLErrors[0];
}

/**
 * The messages of every problem an input had (`extensions.problems`, each with its own `reason`
 * and `params`), for an error that lists several; null unless there are several and every
 * catalogue message is known.
 */
function problemsText(graphQLError: GraphQLError): string | null {
  const problems = graphQLError.extensions.problems;
  if (!Array.isArray(problems) || problems.length < 2) return null;
  const texts: string[] = [];
  for (const problem of problems as unknown[]) {
    const { reason, params } = (problem ?? {}) as { reason?: unknown; params?: unknown };
    const text = typeof reason === 'string' ? reasonMessage(reason, paramsOf(params)) : null;
    if (text === null) return null;
    texts.push(text);
  }
  return texts.join(' ');
}

/**
 * A message for people, in the UI's language: `error.network` when the server could not be
 * reached; for a GraphQL error, its reason's message from the error catalogue with its `params`
 * (every problem's, when it lists several); for a reason no catalogue knows, a generic message for
 * its `extensions.code`. The server's own (English) message is shown only in English, and only
 * when nothing better is known. Read inside a component it follows a language switch.
 */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return t('error.network');
  const graphQLError = first(error);
  if (!graphQLError) return t('error.unknown');
  const several = problemsText(graphQLError);
  if (several !== null) return several;
  const reason = errorReason(error);
  if (reason) {
    const text = reasonMessage(reason, paramsOf(graphQLError.extensions.params));
    if (text !== null) return text;
  }
  const code = errorCode(error);
  const generic = code === undefined ? undefined : messageByCode[code];
  if (generic) return t(generic);
  if (getLocale() === 'en' && graphQLError.message) return graphQLError.message;
  return t('error.unknown');
}

/** The `extensions.code` of the first GraphQL error, e.g. `UNAUTHENTICATED` or `RATE_LIMITED`. */
export function errorCode(error: CombinedError): string | undefined {
  const code = first(error)?.extensions.code;
  return typeof code === 'string' ? code : undefined;
}

/** The `extensions.reason` of the first GraphQL error, e.g. `activity.notFound`. */
export function errorReason(error: CombinedError): string | undefined {
  const reason = first(error)?.extensions.reason;
  return typeof reason === 'string' && reason !== '' ? reason : undefined;
}

/**
 * Whether a live stream refused to resume after the last event seen (it is older than the server
 * keeps, from before a restore, or no event): the page must fetch its data again and follow live.
 */
export function mustResync(error: CombinedError): boolean {
  const reason = errorReason(error);
  return reason === 'realtime.unknownPosition' || reason === 'realtime.badPosition';
}

/** The error catalogue of `locale` (reason code → message), loading it if need be. */
export async function errorCatalogue(locale: Locale): Promise<ErrorMessages> {
  return locale === 'id' ? indonesian.errors : (await loadCatalogue[locale]()).errors;
}

/** The reason codes the error catalogue of `locale` knows, sorted. */
export async function knownReasons(locale: Locale): Promise<string[]> {
  return Object.keys(await errorCatalogue(locale)).sort();
}
