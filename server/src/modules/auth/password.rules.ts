/**
 * Rules for choosing a password, and the one-time password HR hands out on a reset.
 * Pure: no I/O; randomness comes in as a parameter.
 *
 * Length and guessability are what count (NIST SP 800-63B): there are no composition rules
 * ("one capital, one digit"), because they push people towards "Password1!" and add nothing
 * against an attacker who knows them.
 */
import type { DomainError } from '../../kernel/errors.js';
import { accountReasons as reasons } from './auth.reasons.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 10;
// argon2 would hash anything, but an unbounded input is a cheap way to make the server work.
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordContext {
  nip?: string;
  name?: string;
  currentPassword?: string;
}

/**
 * What is wrong with `password` as a new password, as messages for people; empty when it is
 * acceptable. Refuses passwords shorter than MIN_PASSWORD_LENGTH or longer than
 * MAX_PASSWORD_LENGTH characters, common passwords (ignoring case and trailing digits or
 * punctuation), one repeated character or a simple sequence, the NIP or part of it, the
 * person's name, and the current password.
 */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  return passwordErrors(password, context).map((error) => error.message);
}

/** {@link passwordProblems} as domain errors (field `newPassword`), in the same order. */
export function passwordErrors(password: string, context: PasswordContext): DomainError[] {
  const errors: DomainError[] = [];
  // Code points, not UTF-16 units, so an emoji counts as the one character the person typed.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    errors.push(reasons.passwordTooShort({ min: MIN_PASSWORD_LENGTH, length }));
  }
  if (length > MAX_PASSWORD_LENGTH) {
    errors.push(reasons.passwordTooLong({ max: MAX_PASSWORD_LENGTH }));
  }
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    errors.push(reasons.passwordUnchanged());
  }
  // Spaces only (or other white space): long enough, yet nothing to guess.
  if (length > 0 && password.trim() === '') errors.push(reasons.passwordBlank());
  if (isCommon(password)) errors.push(reasons.passwordCommon());
  if (isRepeatOrSequence(password)) errors.push(reasons.passwordPattern());
  if (context.nip && containsNip(password, context.nip)) {
    errors.push(reasons.passwordContainsNip());
  }
  if (context.name && containsName(password, context.name)) {
    errors.push(reasons.passwordContainsName());
  }
  return errors;
}

const TEMPORARY_GROUPS = 4;
const TEMPORARY_GROUP_LENGTH = 4;
const TEMPORARY_LENGTH = TEMPORARY_GROUPS * TEMPORARY_GROUP_LENGTH;
// Lowercase and digits without 0, 1 and l, so the password survives being read aloud or copied
// from paper. Without o as well, since nobody can be sure it is not a zero; that leaves 32
// symbols, which a byte maps onto without bias (256 is a multiple of 32). 16 × 5 = 80 bits.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
// A random draw fails the rules about once in 2^60; failing this often means the source is
// not random at all, and looping on it would hang the reset.
const TEMPORARY_ATTEMPTS = 10;

/**
 * A readable one-time password like `k7mq-x2ce-9hvt-ndr4` (16 symbols, no 0/O/1/l/I) that
 * passes `passwordProblems` with an empty context. Refuses (throws) when `randomBytes` returns
 * fewer bytes than asked for, or keeps producing passwords that fail the rules, which only a
 * source that is not random does.
 */
export function temporaryPassword(randomBytes: (n: number) => Uint8Array): string {
  for (let attempt = 0; attempt < TEMPORARY_ATTEMPTS; attempt++) {
    const bytes = randomBytes(TEMPORARY_LENGTH);
    if (bytes.length < TEMPORARY_LENGTH) {
      throw new RangeError(
        `randomBytes returned ${bytes.length} bytes; a temporary password needs ${TEMPORARY_LENGTH}.`,
      );
    }
    const symbols = Array.from(bytes.subarray(0, TEMPORARY_LENGTH), (byte) => {
      return TEMPORARY_ALPHABET[byte % TEMPORARY_ALPHABET.length];
    });
    const groups: string[] = [];
    for (let start = 0; start < TEMPORARY_LENGTH; start += TEMPORARY_GROUP_LENGTH) {
      groups.push(symbols.slice(start, start + TEMPORARY_GROUP_LENGTH).join(''));
    }
    const password = groups.join('-');
    if (passwordProblems(password, {}).length === 0) return password;
  }
  throw new Error(
    `randomBytes produced ${TEMPORARY_ATTEMPTS} temporary passwords in a row that fail the password rules; it is not random.`,
  );
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // "Password123!" and "sayang2024" are the common word with the usual decoration added.
  const undecorated = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  return undecorated.length > 0 && COMMON_PASSWORDS.has(undecorated);
}

// Separators people put between the parts of a date, a NIP or a passphrase.
const SEPARATORS = /[\s\-_./:,]+/gu;

function isRepeatOrSequence(password: string): boolean {
  // "aaaa-aaaa-aaaa" and "1234 5678 90" are no harder to guess than without the separators.
  const chars = Array.from(password.toLowerCase().replace(SEPARATORS, ''));
  if (chars.length < 3) return false;
  if (chars.every((c) => c === chars[0])) return true;
  return isRun(chars, 1) || isRun(chars, -1);
}

function isRun(chars: string[], step: 1 | -1): boolean {
  const digits = chars.every((c) => c >= '0' && c <= '9');
  const letters = chars.every((c) => c >= 'a' && c <= 'z');
  if (!digits && !letters) return false;
  for (let i = 1; i < chars.length; i++) {
    let expected = chars[i - 1].charCodeAt(0) + step;
    // The number row runs 1…9 then 0, so "1234567890" counts as a sequence; so does its reverse.
    if (digits) expected = '0'.charCodeAt(0) + ((expected - '0'.charCodeAt(0) + 10) % 10);
    if (chars[i].charCodeAt(0) !== expected) return false;
  }
  return true;
}

// Six digits of an 18-digit NIP already narrow it down to a handful of people, and a run that
// long is no accident; a birth year alone (four digits) is too common to hold against anyone.
const NIP_PART_LENGTH = 6;

function containsNip(password: string, nip: string): boolean {
  const digits = nip.replace(/\D/g, '');
  const compact = password.replace(SEPARATORS, '');
  const partLength = Math.min(NIP_PART_LENGTH, digits.length);
  if (partLength < 4) return false;
  const parts: string[] = [];
  for (let start = 0; start + partLength <= digits.length; start++) {
    parts.push(digits.slice(start, start + partLength));
  }
  // Both NIP kinds start with the birth date as YYYYMMDD, which people also write day first.
  if (digits.length >= 8) {
    const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)];
    parts.push(`${day}${month}${year}`, `${day}${month}${year.slice(2)}`);
  }
  return parts.some((part) => compact.includes(part));
}

// Titles written before a name without a full stop; those with one ("Dr.", "S.Kom.") are
// dropped for containing it.
const NAME_TITLES = new Set(['dr', 'drs', 'dra', 'ir', 'h', 'hj', 'prof']);
// Short names ("Adi", "Ayu", "Eka") occur inside ordinary words ("kadipaten", "kayu",
// "rekam"), so they count only as a word of their own; longer ones count anywhere.
const SHORT_NAME_LENGTH = 3;

function containsName(password: string, name: string): boolean {
  // Degrees follow a comma ("I Wayan Sudarta, S.Kom., M.Si.") and are not the name.
  const [given] = fold(name).split(',');
  const tokens = given
    .split(/\s+/)
    .filter((token) => !token.includes('.') && !NAME_TITLES.has(token))
    .map((token) => token.replace(/[^\p{L}]/gu, ''))
    .filter((token) => token.length >= SHORT_NAME_LENGTH);
  const folded = fold(password);
  const compact = folded.replace(SEPARATORS, '');
  const words = new Set(folded.match(/\p{L}+/gu) ?? []);
  return tokens.some((token) =>
    token.length > SHORT_NAME_LENGTH ? compact.includes(token) : words.has(token),
  );
}

/** Lowercase without accents, so "Dévi" in the directory matches "devi" in a password. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
