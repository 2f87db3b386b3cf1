import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblems,
  temporaryPassword,
  type PasswordContext,
} from './password.rules.js';

const TOO_SHORT = (n: number) => `Use at least 10 characters; this one has ${n}.`;
const TOO_LONG = 'Use at most 256 characters.';
const COMMON =
  'This password is on the list of commonly used passwords; choose something less guessable.';
const PATTERN =
  'A password made of one repeated character or a simple sequence (like 1234567890 or abcdefghij) is too easy to guess.';
const NIP = 'Do not use your NIP (or part of it) in your password.';
const NAME = 'Do not use your name in your password.';
const SAME = 'The new password must differ from the current one.';

// A demo HR admin: born 7 February 1991, appointed June 2023.
const person: PasswordContext = {
  nip: '199102072023062001',
  name: 'Ni Luh Ayu Dévi Lestari, S.Kom., M.Si.',
  currentPassword: 'kopi-pagi-di-ubud-77',
};

describe('passwordProblems', () => {
  it.each<[string, string, PasswordContext]>([
    ['a four-word passphrase', 'kuda-baterai-staples-benar', person],
    ['exactly the minimum length', 'tg8#wq!rmz', {}],
    ['exactly the maximum length', 'x7'.repeat(MAX_PASSWORD_LENGTH / 2), {}],
    ['a common word inside a longer passphrase', 'password-kuda-hujan', {}],
    ['a common word with decoration in front', '2024!sunshine', {}],
    ['a birth year alone', 'sawah-hijau-1991', person],
    ['a short name inside a longer word', 'kayu-manis-bubuk', person],
    ['a title after the comma', 'kom-dan-si-itu-apa', person],
    ['an almost-sequence', 'abcdefghik', {}],
  ])('accepts %s', (_, password, context) => {
    expect(passwordProblems(password, context)).toEqual([]);
  });

  it('says how many characters a short password has', () => {
    expect(passwordProblems('tg8#wq!', {})).toEqual([TOO_SHORT(7)]);
    expect(passwordProblems('', {})).toEqual([TOO_SHORT(0)]);
  });

  it('counts characters as typed, so an emoji is one character', () => {
    // Each of these is two UTF-16 units; counting units would accept five of them.
    expect(passwordProblems('🌺🌴🌊🐢🌅', {})).toEqual([TOO_SHORT(5)]);
  });

  it('refuses a password over the maximum length', () => {
    expect(passwordProblems('x7'.repeat(MAX_PASSWORD_LENGTH / 2) + 'q', {})).toEqual([TOO_LONG]);
  });

  it('exports the limits the messages quote', () => {
    expect([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]).toEqual([10, 256]);
  });

  it.each([
    'password1234',
    'PASSWORD1234',
    'Password123!',
    'iloveyou!!!!',
    'qwertyuiop',
    'sunshine2024',
    'Welcome#2025',
    'rahasia12345',
    'Bismillah123',
    'sayang123456',
    'Indonesia2025!',
    'MERDEKA17845',
    'denpasar2026',
    'Bali12345678',
    'pegawai-2024',
    'kinerja12345',
    'asn123456789',
    'pns123456789',
    'kinerja-demo-2026',
    'Kinerja-Demo-2026',
  ])('refuses the common password %s', (password) => {
    expect(passwordProblems(password, {})).toContain(COMMON);
  });

  it.each([
    'aaaaaaaaaa',
    'AAAAAAAAAAAA',
    '1234567890',
    '0123456789',
    '7890123456',
    '9876543210',
    'abcdefghij',
    'ZYXWVUTSRQ',
    'aaaa-aaaa-aaaa-aaaa',
    '1234 5678 90',
  ])('refuses the repeat or sequence %s', (password) => {
    expect(passwordProblems(password, {})).toContain(PATTERN);
  });

  it.each([
    ['the whole NIP', 'x199102072023062001x'],
    ['six digits from the middle', 'sawah-072023-hijau'],
    ['the birth date as in the NIP', 'lahir-19910207-pagi'],
    ['the birth date with separators', 'lahir 1991-02-07 pagi'],
    ['the birth date day first', 'ulang-tahun-07021991'],
    ['the birth date day first with a short year', 'ulang-tahun-070291'],
    ['the appointment and sequence', 'kerja-2023062001'],
  ])('refuses %s', (_, password) => {
    expect(passwordProblems(password, { nip: person.nip })).toEqual([NIP]);
  });

  it('reads a NIP written with spaces', () => {
    expect(passwordProblems('lahir-19910207-pagi', { nip: '19910207 202306 2 001' })).toEqual([
      NIP,
    ]);
  });

  it.each([
    ['a long name part', 'lestari-selalu-99', person.name],
    ['a name part in capitals', 'SELAMAT-LESTARI!', person.name],
    ['a name written without its accent', 'devi-suka-hujan', person.name],
    ['a short name as a word of its own', 'ayu-suka-hujan', person.name],
    ['a Balinese given name', 'sudarta-jalan-jalan', 'I Wayan Sudarta'],
    ['a name after a title before it', 'kusuma-di-sawah', 'Dr. Ir. Kusuma Wardhani'],
  ])('refuses %s', (_, password, name) => {
    expect(passwordProblems(password, { name })).toEqual([NAME]);
  });

  it('refuses the current password but not a changed one', () => {
    expect(passwordProblems(person.currentPassword!, person)).toEqual([SAME]);
    expect(passwordProblems('kopi-pagi-di-ubud-78', person)).toEqual([]);
  });

  it('ignores empty context fields', () => {
    expect(passwordProblems('tenang-saja-ok', { nip: '', name: '' })).toEqual([]);
  });

  it('reports every problem at once, in a stable order', () => {
    expect(
      passwordProblems('Ayu070787', {
        ...person,
        currentPassword: 'Ayu070787',
        nip: '198707072010012001',
      }),
    ).toEqual([TOO_SHORT(9), SAME, NIP, NAME]);
    expect(passwordProblems('123456', {})).toEqual([TOO_SHORT(6), COMMON, PATTERN]);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('holds at least 300 passwords, all lowercase so that lookups can lowercase the input', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
  });

  it.each(['123456', 'password', 'qwerty', 'iloveyou', 'admin', 'welcome', 'letmein', 'dragon'])(
    'includes the widely known %s',
    (entry) => {
      expect(COMMON_PASSWORDS.has(entry)).toBe(true);
    },
  );

  it.each(['rahasia', 'bismillah', 'sayang', 'indonesia', 'merdeka', 'denpasar', 'bali', 'asn'])(
    'includes the local favourite %s',
    (entry) => {
      expect(COMMON_PASSWORDS.has(entry)).toBe(true);
    },
  );
});

/** Replays the given byte arrays in turn, so a test can script what "random" returns. */
function scripted(...draws: number[][]): (n: number) => Uint8Array {
  let call = 0;
  return (n) => {
    const draw = draws[Math.min(call++, draws.length - 1)];
    return Uint8Array.from({ length: n }, (_, i) => draw[i % draw.length]);
  };
}

describe('temporaryPassword', () => {
  it('groups 16 unambiguous symbols in fours', () => {
    for (let i = 0; i < 50; i++) {
      expect(temporaryPassword(randomBytes)).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
    }
  });

  it('passes the password rules with an empty context', () => {
    for (let i = 0; i < 200; i++) {
      expect(passwordProblems(temporaryPassword(randomBytes), {})).toEqual([]);
    }
  });

  it('uses 32 symbols, none of them 0, O, 1, l or I', () => {
    // Bytes 0..31 each pick a different symbol; 32..63 must pick the same ones again.
    const first = temporaryPassword(scripted(Array.from({ length: 16 }, (_, i) => i)));
    const second = temporaryPassword(scripted(Array.from({ length: 16 }, (_, i) => i + 16)));
    const again = temporaryPassword(scripted(Array.from({ length: 16 }, (_, i) => i + 32)));
    const symbols = (first + second).replace(/-/g, '');
    expect(new Set(symbols).size).toBe(32);
    expect(symbols).not.toMatch(/[0O1lI]/);
    expect(again).toBe(first);
  });

  it('draws again when a draw fails the rules', () => {
    // All-zero bytes give "aaaa-aaaa-aaaa-aaaa", a repeated character.
    const password = temporaryPassword(scripted([0], [7, 20, 3, 29, 11]));
    expect(password).not.toBe('aaaa-aaaa-aaaa-aaaa');
    expect(passwordProblems(password, {})).toEqual([]);
  });

  it('refuses a source that never produces a usable password', () => {
    expect(() => temporaryPassword(scripted([0]))).toThrow(/not random/);
  });

  it('refuses a source that returns fewer bytes than asked for', () => {
    expect(() => temporaryPassword(() => new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('a password of white space', () => {
  it('refuses ten spaces (long enough, yet nothing to guess)', () => {
    expect(passwordProblems(' '.repeat(10), {})).toContain(
      'A password of spaces only is no password: use letters, digits or symbols.',
    );
    expect(passwordProblems('\t \u00a0'.repeat(4), {})).toContain(
      'A password of spaces only is no password: use letters, digits or symbols.',
    );
  });
});
