import { describe, it, expect } from 'vitest';
import { DEFAULT_THROTTLE, throttleLogin, type ThrottleLimits } from './login-throttle.rules.js';

// Fixed so that every failure time below is an exact, readable offset from it.
const now = new Date(Date.UTC(2026, 2, 2, 9, 0, 0));
const ago = (...seconds: number[]) => seconds.map((s) => new Date(now.getTime() - s * 1000));
/** `count` failures a second apart, the newest `newest` seconds ago. */
const burst = (count: number, newest: number) =>
  ago(...Array.from({ length: count }, (_, i) => newest + i));

describe('throttleLogin', () => {
  it('uses 5 per NIP and 30 per address within 15 minutes unless told otherwise', () => {
    expect(DEFAULT_THROTTLE).toEqual({ perAccount: 5, perAddress: 30, windowSeconds: 900 });
  });

  it.each<[string, Date[], Date[]]>([
    ['no failures at all', [], []],
    ['one failure below the NIP limit', burst(4, 10), []],
    ['one failure below the address limit', [], burst(29, 10)],
    ['both just below their limits', burst(4, 10), burst(29, 10)],
    ['failures older than the window', ago(901, 902, 903, 904, 905, 1000), burst(40, 901)],
    // A later stamp comes from a skewed clock; counting it would extend the lockout.
    ['failures stamped in the future', ago(-5, -60, -120, 10, 20), []],
    ['unreadable times', [...ago(10, 20, 30, 40), new Date(Number.NaN)], []],
  ])('allows a sign-in with %s', (_, accountFailures, addressFailures) => {
    expect(throttleLogin({ accountFailures, addressFailures, now })).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      reason: null,
      message: null,
    });
  });

  it.each<[string, Date[], number]>([
    // Refused until the failure 600 s ago leaves the 900 s window.
    ['at the limit', ago(200, 300, 400, 500, 600), 300],
    // The two oldest leave first, but five would still remain; the fifth newest decides.
    ['above the limit', ago(200, 300, 400, 500, 600, 700, 800), 300],
    ['with some failures already outside the window', ago(100, 200, 300, 400, 500, 950), 400],
    // On the edge of the window it still counts, and a wait is never shorter than a second.
    ['with the deciding failure on the edge of the window', ago(1, 2, 3, 4, 900), 1],
    ['with fractions of a second, rounded up', ago(1, 2, 3, 4, 855.5), 45],
  ])('refuses a NIP %s with the right wait', (_, accountFailures, wait) => {
    const decision = throttleLogin({ accountFailures, addressFailures: [], now });
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: wait, reason: 'account' });
  });

  it('refuses an address at its limit, whatever NIPs were tried', () => {
    expect(throttleLogin({ accountFailures: [], addressFailures: burst(30, 300), now })).toEqual({
      allowed: false,
      // The 30th newest failed 329 s ago and leaves the window 571 s from now.
      retryAfterSeconds: 571,
      reason: 'address',
      message: 'Too many failed sign-ins from this address; try again in 10 minutes.',
    });
  });

  it.each<[string, Date[], Date[], number, 'account' | 'address']>([
    ['the NIP waits longer', burst(5, 100), burst(30, 600), 796, 'account'],
    ['the address waits longer', burst(5, 600), burst(30, 100), 771, 'address'],
    [
      'both wait equally, which names the NIP',
      ago(1, 2, 3, 4, 300),
      burst(30, 271),
      600,
      'account',
    ],
  ])('reports the longer wait when both limits apply: %s', (_, account, address, wait, reason) => {
    const decision = throttleLogin({ accountFailures: account, addressFailures: address, now });
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: wait, reason });
  });

  it('gives the same answer for failures in any order', () => {
    const sorted = ago(5, 60, 120, 300, 450, 700, 899, 950);
    const shuffled = [sorted[4], sorted[7], sorted[0], sorted[6], sorted[2], sorted[5], sorted[1]];
    shuffled.push(sorted[3]);
    const expected = throttleLogin({ accountFailures: sorted, addressFailures: [], now });
    expect(expected.retryAfterSeconds).toBe(450);
    expect(throttleLogin({ accountFailures: shuffled, addressFailures: [], now })).toEqual(
      expected,
    );
    expect(
      throttleLogin({ accountFailures: [...sorted].reverse(), addressFailures: [], now }),
    ).toEqual(expected);
  });

  it.each<[number, string]>([
    [1, 'Too many failed sign-ins for this NIP; try again in 1 second.'],
    [45, 'Too many failed sign-ins for this NIP; try again in 45 seconds.'],
    [119, 'Too many failed sign-ins for this NIP; try again in 119 seconds.'],
    [120, 'Too many failed sign-ins for this NIP; try again in 2 minutes.'],
    [121, 'Too many failed sign-ins for this NIP; try again in 3 minutes.'],
    [840, 'Too many failed sign-ins for this NIP; try again in 14 minutes.'],
  ])('words a wait of %i s as people say it', (wait, message) => {
    // The deciding failure is the fifth newest; placing it `900 - wait` s ago gives that wait.
    const accountFailures = ago(0, 0, 0, 0, 900 - wait);
    expect(throttleLogin({ accountFailures, addressFailures: [], now }).message).toBe(message);
  });

  it('words an address wait in seconds too', () => {
    const decision = throttleLogin({ accountFailures: [], addressFailures: burst(30, 826), now });
    expect(decision.message).toBe(
      'Too many failed sign-ins from this address; try again in 45 seconds.',
    );
  });

  it('applies limits passed in instead of the defaults', () => {
    const limits: ThrottleLimits = { perAccount: 3, perAddress: 10, windowSeconds: 60 };
    const accountFailures = ago(10, 20, 30);
    expect(throttleLogin({ accountFailures, addressFailures: [], now, limits })).toMatchObject({
      allowed: false,
      retryAfterSeconds: 30,
      reason: 'account',
    });
    // Under the defaults three failures are well below the limit.
    expect(throttleLogin({ accountFailures, addressFailures: [], now }).allowed).toBe(true);
  });

  it.each<[string, ThrottleLimits]>([
    ['a zero NIP limit', { perAccount: 0, perAddress: 30, windowSeconds: 900 }],
    ['a negative address limit', { perAccount: 5, perAddress: -1, windowSeconds: 900 }],
    ['a fractional window', { perAccount: 5, perAddress: 30, windowSeconds: 0.5 }],
    ['a window that is not a number', { perAccount: 5, perAddress: 30, windowSeconds: NaN }],
  ])('refuses %s, which would lock everyone out or no one', (_, limits) => {
    expect(() => throttleLogin({ accountFailures: [], addressFailures: [], now, limits })).toThrow(
      RangeError,
    );
  });
});
