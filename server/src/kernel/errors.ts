/**
 * Domain errors: what a service throws when it refuses. Each carries a machine-readable `reason`
 * (`<feature>.<name>`, e.g. `activity.notFound`) and the `params` a person's message needs, so
 * the dashboard shows it in the reader's language; `message` is the English sentence for API
 * clients and logs. The api floor turns them into GraphQL errors (`extensions.code`, `reason`,
 * `params`, `field`) in one place. Nothing here knows GraphQL.
 */

import { dateInWords, isCalendarDate, isYearMonth, yearMonthInWords } from './calendar.js';

export type ErrorKind =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED';

export type ParamValue = string | number | boolean | null;
export type ReasonParams = Record<string, ParamValue>;

export interface DomainErrorOptions {
  /** The input field that was wrong, so a form can point at it (BAD_USER_INPUT). */
  field?: string;
  /** Further machine-readable facts (e.g. `retryAfterSeconds`, `problems`). */
  extra?: Record<string, unknown>;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly field: string | undefined;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    readonly reason: string,
    message: string,
    readonly params: ReasonParams = {},
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.field = options.field;
    this.extra = options.extra ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * How a param is written in the English message: `{name:date}` takes a date YYYY-MM-DD and writes
 * it "1 January 2028"; `{name:month}` takes a month YYYY-MM and writes it "March 2027". The param
 * itself stays the ISO value, so the dashboard can write it in the reader's language.
 */
export type ParamFormat = 'date' | 'month';

const formats: Readonly<Record<ParamFormat, (value: string) => string | null>> = {
  date: (value) => (isCalendarDate(value) ? dateInWords(value) : null),
  month: (value) => (isYearMonth(value) ? yearMonthInWords(value) : null),
};

/** A placeholder's name without its format: `'opensOn:date'` → `'opensOn'`. */
type ParamName<P extends string> = P extends `${infer N}:${ParamFormat}` ? N : P;

/**
 * The names between braces in a message template, without their format:
 * `'No IKI has id {id}.'` → `'id'`, `'It opened on {opensOn:date}.'` → `'opensOn'`.
 */
export type TemplateParams<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? ParamName<P> | TemplateParams<Rest>
  : never;

export interface ReasonSpec {
  kind: ErrorKind;
  /**
   * English, for API clients and logs; `{name}` stands for a param, `{name:date}` for a date
   * param (YYYY-MM-DD) written in words, `{name:month}` for a month param (YYYY-MM) in words.
   */
  message: string;
  /** The input field it is about, when always the same. */
  field?: string;
}

type ParamsArg<M extends string> = [TemplateParams<M>] extends [never]
  ? [params?: Record<string, never>, options?: DomainErrorOptions]
  : [params: Record<TemplateParams<M>, ParamValue>, options?: DomainErrorOptions];

/** Throws nothing: builds the error, so the call site reads `throw reasons.notFound({ id })`. */
export type ReasonFactory<S extends ReasonSpec> = ((
  ...args: ParamsArg<S['message']>
) => DomainError) & { readonly code: string; readonly spec: S };

export type Reasons<T extends Record<string, ReasonSpec>> = {
  readonly [K in keyof T]: ReasonFactory<T[K]>;
};

export interface CatalogueEntry extends ReasonSpec {
  code: string;
  params: string[];
}

const catalogue = new Map<string, CatalogueEntry>();

/** Every reason defined so far (all of them once every feature is loaded), by code. */
export function reasonCatalogue(): ReadonlyMap<string, CatalogueEntry> {
  return catalogue;
}

// `{name}` or `{name:format}`.
const PLACEHOLDER = /\{(\w+)(?::(date|month))?\}/g;

/** The params a template names, once each and without their format. */
function paramNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * `template` with each placeholder replaced by its param: as is, or written in words for
 * `{name:date}` and `{name:month}` (a value that is not a real date or month is written as is). A
 * placeholder without a param stays.
 */
export function fillTemplate(template: string, params: ReasonParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format?: ParamFormat) => {
    if (!(name in params)) return whole;
    const value = params[name];
    const formatted = format && typeof value === 'string' ? formats[format](value) : null;
    return formatted ?? String(value);
  });
}

/**
 * Declares a feature's reasons: `defineReasons('activity', { notFound: { kind: 'NOT_FOUND',
 * message: 'No activity has id {id}.' } })`. Each becomes a typed factory whose params are the
 * template's names, and is entered in the catalogue the dashboard's translations are checked
 * against. A code defined twice, or a placeholder with an unknown format, is a programming error
 * and throws at load.
 */
export function defineReasons<const T extends Record<string, ReasonSpec>>(
  feature: string,
  specs: T,
): Reasons<T> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const code = `${feature}.${name}`;
    if (catalogue.has(code)) throw new Error(`Reason ${code} is defined twice.`);
    for (const [whole, format] of spec.message.matchAll(/\{\w+:(\w*)\}/g)) {
      if (!Object.hasOwn(formats, format))
        throw new Error(`Reason ${code} has an unknown format: ${whole}.`);
    }
    catalogue.set(code, { ...spec, code, params: paramNames(spec.message) });
    const factory = (params: ReasonParams = {}, options: DomainErrorOptions = {}) =>
      new DomainError(spec.kind, code, fillTemplate(spec.message, params), params, {
        field: options.field ?? spec.field,
        extra: options.extra,
      });
    out[name] = Object.assign(factory, { code, spec });
  }
  return out as Reasons<T>;
}

/**
 * One error for several problems with an input (a form's every wrong field at once): the first
 * problem's reason, field and params, all of them under `extra.problems`, and their messages
 * joined.
 */
export function invalidInput(problems: readonly DomainError[]): DomainError {
  const [first] = problems;
  if (!first) throw new Error('invalidInput needs at least one problem.');
  if (problems.length === 1) return first;
  return new DomainError(
    first.kind,
    first.reason,
    problems.map((p) => p.message).join(' '),
    first.params,
    {
      field: first.field,
      extra: {
        ...first.extra,
        problems: problems.map((p) => ({
          reason: p.reason,
          params: p.params,
          field: p.field ?? null,
          message: p.message,
        })),
      },
    },
  );
}

/** Reasons every floor may throw: sign-in, access in general, paging, malformed values. */
export const commonReasons = defineReasons('common', {
  unauthenticated: {
    kind: 'UNAUTHENTICATED',
    message: 'Sign in first: this needs a signed-in account.',
  },
  pageSize: {
    kind: 'BAD_USER_INPUT',
    message: 'first must be between 0 and {max}; got {first}.',
    field: 'first',
  },
  invalidCursor: {
    kind: 'BAD_USER_INPUT',
    message: 'after is not a cursor this list gave out; use pageInfo.endCursor.',
    field: 'after',
  },
  concurrentChange: {
    kind: 'CONFLICT',
    message:
      'Someone else changed this at the same moment and their change was saved first. Reload it and apply your change again.',
  },
  malformedValue: {
    kind: 'BAD_USER_INPUT',
    message: 'A value is not in the expected format (ids are UUIDs): {detail}',
  },
});
