import { afterEach, describe, expect, it } from 'vitest';
import { errorCatalogue } from './graphql/errors';
import { getLocale, reasonMessage, setLocale, t } from './i18n.svelte';

afterEach(async () => {
  await setLocale('id');
});

describe('t()', () => {
  it('speaks Bahasa Indonesia by default', () => {
    expect(getLocale()).toBe('id');
    expect(t('login.title')).toBe('Masuk');
  });

  it('fills {name} placeholders, numbers included', () => {
    expect(t('shell.accountLink', { name: 'Ni Luh Putu' })).toBe(
      'Masuk sebagai Ni Luh Putu. Buka Akun saya',
    );
    expect(t('password.tooShort', { min: 10, length: 4 })).toBe(
      'Kata sandi baru minimal 10 karakter; yang ini 4 karakter.',
    );
  });

  it('leaves a placeholder without a value as written', () => {
    expect(t('password.tooShort', { min: 10 })).toBe(
      'Kata sandi baru minimal 10 karakter; yang ini {length} karakter.',
    );
  });

  it('reads a parameter named count as a value, not as a plural', () => {
    expect(t('talent.fallbackCount', { count: 1 })).toBe('1 ditempatkan dengan triwulan terakhir');
  });

  it('does not escape values (Svelte escapes what it renders)', () => {
    expect(t('shell.accountLink', { name: 'A & <B>' })).toBe(
      'Masuk sebagai A & <B>. Buka Akun saya',
    );
  });

  it('switches to English once its catalogue is loaded', async () => {
    await setLocale('en');
    expect(getLocale()).toBe('en');
    expect(t('login.title')).toBe('Sign in');
    expect(t('shell.accountLink', { name: 'Made' })).toBe('Signed in as Made. Open My account');
    await setLocale('id');
    expect(t('login.title')).toBe('Masuk');
  });

  it('accepts only keys of id.json', () => {
    // @ts-expect-error: not a key of messages/id.json, so the type check refuses it
    expect(typeof t('no.such.key')).toBe('string');
  });
});

describe('reasonMessage()', () => {
  it('gives the catalogue message of a known reason code in the current language', async () => {
    const [id, en] = await Promise.all([errorCatalogue('id'), errorCatalogue('en')]);
    // Any reason without placeholders: the catalogues are other features' to word.
    const code = Object.keys(id).find((key) => !id[key].includes('{'));
    expect(code).toBeDefined();
    expect(reasonMessage(code!)).toBe(id[code!]);
    await setLocale('en');
    expect(reasonMessage(code!)).toBe(en[code!]);
  });

  it('is null for a reason code no catalogue knows', () => {
    expect(reasonMessage('no.such.reason')).toBeNull();
  });

  it('does not take UI texts for reason codes', () => {
    expect(reasonMessage('login.title')).toBeNull();
  });
});
