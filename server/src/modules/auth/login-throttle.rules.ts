/**
 * Rules for slowing down password guessing at sign-in. Pure: the caller loads the recent failed
 * attempts and passes the current time.
 *
 * Two limits work together: a low one per NIP stops guessing one person's password, a higher
 * one per address stops trying one common password across many NIPs while leaving room for
 * an office behind a single NAT address.
 */
import type { DomainError } from '../../kernel/errors.js';
import { authReasons } from './auth.reasons.js';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccount: 5,
  perAddress: 30,
  windowSeconds: 900,
};

export interface ThrottleDecision {
  allowed: boolean;
  /** 0 when allowed. */
  retryAfterSeconds: number;
  reason: 'account' | 'address' | null;
  message: string | null;
}

const ALLOWED: ThrottleDecision = {
  allowed: true,
  retryAfterSeconds: 0,
  reason: null,
  message: null,
};

/**
 * Decides whether a sign-in attempt may proceed, from recent FAILED attempts (times) for the
 * NIP and for the address. Refuses the attempt while the NIP has `perAccount` or the address
 * `perAddress` failures within the last `windowSeconds`, reporting the longer of the two waits.
 * Throws a RangeError for limits that are not positive integers.
 */
export function throttleLogin(input: {
  accountFailures: Date[];
  addressFailures: Date[];
  now: Date;
  limits?: ThrottleLimits;
}): ThrottleDecision {
  const limits = input.limits ?? DEFAULT_THROTTLE;
  for (const key of ['perAccount', 'perAddress', 'windowSeconds'] as const) {
    if (!Number.isInteger(limits[key]) || limits[key] < 1) {
      throw new RangeError(`Throttle limit ${key} must be a positive integer; got ${limits[key]}.`);
    }
  }
  const now = input.now.getTime();
  const account = waitSeconds(input.accountFailures, limits.perAccount, limits.windowSeconds, now);
  const address = waitSeconds(input.addressFailures, limits.perAddress, limits.windowSeconds, now);
  if (account === 0 && address === 0) return ALLOWED;
  // On a tie the NIP is named: it is the more specific reason and the one the person can act on.
  const reason = account >= address ? 'account' : 'address';
  const retryAfterSeconds = Math.max(account, address);
  return {
    allowed: false,
    retryAfterSeconds,
    reason,
    message: throttleError(reason, retryAfterSeconds).message,
  };
}

/**
 * The refusal of a throttled sign-in (RATE_LIMITED, with `retryAfterSeconds`): for the NIP or
 * from the address, with the wait as people say it (seconds under two minutes, else minutes).
 */
export function throttleError(
  reason: 'account' | 'address',
  retryAfterSeconds: number,
): DomainError {
  const options = { extra: { retryAfterSeconds } };
  const forNip = reason === 'account';
  if (retryAfterSeconds === 1) {
    return (forNip ? authReasons.nipThrottledOneSecond : authReasons.addressThrottledOneSecond)(
      {},
      options,
    );
  }
  if (retryAfterSeconds < 120) {
    const seconds = { seconds: retryAfterSeconds };
    return forNip
      ? authReasons.nipThrottledSeconds(seconds, options)
      : authReasons.addressThrottledSeconds(seconds, options);
  }
  const minutes = { minutes: Math.ceil(retryAfterSeconds / 60) };
  return forNip
    ? authReasons.nipThrottledMinutes(minutes, options)
    : authReasons.addressThrottledMinutes(minutes, options);
}

/** Seconds until fewer than `limit` failures remain in the window; 0 when already so. */
function waitSeconds(failures: Date[], limit: number, windowSeconds: number, now: number): number {
  const windowMs = windowSeconds * 1000;
  // The window ends at now: a failure stamped later comes from a skewed clock, and counting it
  // would let that skew lock someone out for longer than the window.
  const recent = failures
    .map((failure) => failure.getTime())
    .filter((time) => time >= now - windowMs && time <= now)
    .sort((a, b) => b - a);
  if (recent.length < limit) return 0;
  // Older failures leave the window first; once the limit-th most recent one has left, fewer
  // than `limit` remain, whatever happened before it.
  const deciding = recent[limit - 1];
  return Math.max(1, Math.ceil((deciding + windowMs - now) / 1000));
}
