import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n.svelte';
import type { ErrorMessages } from '$lib/messages';
import { errorCatalogue, errorCode, errorMessage, errorReason, mustResync } from './errors';

function serverError(message: string, extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

/** `template` with each `{name}` replaced from `params`, as the UI should show it. */
function filled(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

// The tests take their reasons from the catalogues as they are (other features add and reword
// them): one with a placeholder, and one without.
let id: ErrorMessages;
let en: ErrorMessages;
let withParam: string;
let plain: string;

beforeAll(async () => {
  [id, en] = await Promise.all([errorCatalogue('id'), errorCatalogue('en')]);
  const codes = Object.keys(id).sort();
  withParam = codes.find((code) => placeholders(id[code]).length > 0) ?? '';
  plain = codes.find((code) => placeholders(id[code]).length === 0) ?? '';
  expect(withParam, 'a reason with a placeholder').not.toBe('');
  expect(plain, 'a reason without placeholders').not.toBe('');
});

afterEach(async () => {
  await setLocale('id');
});

describe('errorMessage()', () => {
  it('says the server could not be reached for a network error', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(errorMessage(error)).toBe(
      'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
    );
  });

  it("translates a known reason in the UI's language, with its params", async () => {
    const params = Object.fromEntries(placeholders(id[withParam]).map((name) => [name, 'X7']));
    const error = serverError('An English sentence for API clients.', {
      code: 'BAD_USER_INPUT',
      reason: withParam,
      params,
    });
    expect(errorMessage(error)).toBe(filled(id[withParam], params));
    await setLocale('en');
    expect(errorMessage(error)).toBe(filled(en[withParam], params));
  });

  it('writes numbers, and date and date-time params as the UI writes dates', async () => {
    const names = placeholders(id[withParam]);
    const asDate = serverError('…', {
      code: 'BAD_USER_INPUT',
      reason: withParam,
      params: Object.fromEntries(names.map((name) => [name, '2027-01-02'])),
    });
    expect(errorMessage(asDate)).toBe(
      filled(id[withParam], Object.fromEntries(names.map((name) => [name, '2 Jan 2027']))),
    );
    const asTime = serverError('…', {
      code: 'BAD_USER_INPUT',
      reason: withParam,
      params: Object.fromEntries(names.map((name) => [name, '2026-01-05T06:30:00.000Z'])),
    });
    expect(errorMessage(asTime)).toBe(
      filled(
        id[withParam],
        Object.fromEntries(names.map((name) => [name, '5 Jan 2026, 14.30 WITA'])),
      ),
    );
    const asNumber = serverError('…', {
      code: 'BAD_USER_INPUT',
      reason: withParam,
      params: Object.fromEntries(names.map((name) => [name, 30])),
    });
    expect(errorMessage(asNumber)).toBe(
      filled(id[withParam], Object.fromEntries(names.map((name) => [name, '30']))),
    );
    await setLocale('en');
    expect(errorMessage(asDate)).toBe(
      filled(en[withParam], Object.fromEntries(names.map((name) => [name, '2 Jan 2027']))),
    );
  });

  it("writes month params (YYYY-MM) as the month in the UI's language", async () => {
    const names = placeholders(id[withParam]);
    const withParams = (value: string) =>
      serverError('…', {
        code: 'BAD_USER_INPUT',
        reason: withParam,
        params: Object.fromEntries(names.map((name) => [name, value])),
      });
    const asMonth = withParams('2027-03');
    expect(errorMessage(asMonth)).toBe(
      filled(id[withParam], Object.fromEntries(names.map((name) => [name, 'Maret 2027']))),
    );
    // Not a month: shown as it came.
    expect(errorMessage(withParams('2027-13'))).toBe(
      filled(id[withParam], Object.fromEntries(names.map((name) => [name, '2027-13']))),
    );
    await setLocale('en');
    expect(errorMessage(asMonth)).toBe(
      filled(en[withParam], Object.fromEntries(names.map((name) => [name, 'March 2027']))),
    );
  });

  it('joins the messages of every problem when the error lists several', () => {
    const error = serverError('Two things are wrong.', {
      code: 'BAD_USER_INPUT',
      reason: plain,
      params: {},
      problems: [
        { reason: plain, params: {}, field: null, message: 'First.' },
        { reason: withParam, params: {}, field: null, message: 'Second.' },
      ],
    });
    expect(errorMessage(error)).toBe(`${id[plain]} ${id[withParam]}`);
  });

  it('gives a generic message for its code when the reason is unknown, never the English one', () => {
    const error = serverError('Only HR admins may open a period.', {
      code: 'FORBIDDEN',
      reason: 'period.notInAnyCatalogue',
      params: {},
    });
    expect(errorMessage(error)).toBe('Anda tidak berhak melakukan ini.');
    const withoutReason = serverError('Activity 42 was not found.', { code: 'NOT_FOUND' });
    expect(errorMessage(withoutReason)).toBe(
      'Data yang diminta tidak ditemukan; mungkin sudah dihapus.',
    );
  });

  it("shows the server's message only in English, and only for an unknown reason and code", async () => {
    const error = serverError('The moon is in the wrong phase.', { code: 'LUNAR_ECLIPSE' });
    expect(errorMessage(error)).toBe('Terjadi kesalahan. Coba lagi.');
    await setLocale('en');
    expect(errorMessage(error)).toBe('The moon is in the wrong phase.');
    expect(errorMessage(serverError('Nope.', { code: 'FORBIDDEN' }))).toBe(
      'You are not allowed to do this.',
    );
  });

  it('ignores params that are not a flat object', () => {
    const error = serverError('…', { code: 'BAD_USER_INPUT', reason: withParam, params: ['x'] });
    expect(errorMessage(error)).toBe(id[withParam]);
  });
});

describe('errorCode() and errorReason()', () => {
  it("read the first error's extensions", () => {
    const error = serverError('…', { code: 'NOT_FOUND', reason: 'activity.notFound' });
    expect(errorCode(error)).toBe('NOT_FOUND');
    expect(errorReason(error)).toBe('activity.notFound');
    expect(errorReason(serverError('…', { code: 'NOT_FOUND' }))).toBeUndefined();
  });
});

describe('a live stream that cannot resume', () => {
  it('asks for a fresh start when the server no longer knows the last event, and not otherwise', () => {
    expect(
      mustResync(serverError('…', { code: 'BAD_USER_INPUT', reason: 'realtime.unknownPosition' })),
    ).toBe(true);
    expect(
      mustResync(serverError('…', { code: 'BAD_USER_INPUT', reason: 'realtime.badPosition' })),
    ).toBe(true);
    expect(mustResync(serverError('…', { code: 'FORBIDDEN', reason: 'access.bulkRead' }))).toBe(
      false,
    );
    expect(mustResync(new CombinedError({ networkError: new Error('Failed to fetch') }))).toBe(
      false,
    );
  });
});
