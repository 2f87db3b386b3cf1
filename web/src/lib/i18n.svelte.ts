/**
 * A small dictionary-based i18n. Bahasa Indonesia is the default; English is available. The choice
 * is remembered in localStorage. Every string the UI shows goes through `t()`.
 */

const id = {
  'app.name': 'Kinerja',
  'app.tagline': 'Manajemen Kinerja ASN Kota Denpasar',
  'app.skipToContent': 'Lewati ke konten utama',
  'shell.language': 'Bahasa',
  'shell.signedInAs': 'Masuk sebagai {name}',
  'shell.signOut': 'Keluar',
  'shell.signingOut': 'Sedang keluar…',
  'shell.signOutFailed': 'Gagal keluar. Coba lagi.',
  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan NIP dan kata sandi Anda.',
  'login.nip': 'NIP',
  'login.nipHint': '18 digit; boleh memakai spasi, misalnya 19860926 201505 1 001.',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.missingFields': 'Isi NIP dan kata sandi.',
  'error.network': 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
  'error.unknown': 'Terjadi kesalahan. Coba lagi.',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'home.title': 'Beranda',
  'home.welcome': 'Selamat datang, {name}',
  'home.position': 'Jabatan',
  'home.orgUnit': 'Unit kerja',
  'home.roles': 'Peran',
  'home.loadFailed': 'Data Anda tidak dapat dimuat.',
  'home.dashboardComing': 'Dasbor kinerja sedang disiapkan dan akan segera hadir di sini.',
  'role.EMPLOYEE': 'Pegawai',
  'role.UNIT_ADMIN': 'Admin kepegawaian perangkat daerah',
  'role.HR_ADMIN': 'Admin BKPSDM',
  'role.AUDITOR': 'Auditor (Inspektorat)',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.name': 'Kinerja',
  'app.tagline': 'Performance management for the civil servants of Kota Denpasar',
  'app.skipToContent': 'Skip to main content',
  'shell.language': 'Language',
  'shell.signedInAs': 'Signed in as {name}',
  'shell.signOut': 'Sign out',
  'shell.signingOut': 'Signing out…',
  'shell.signOutFailed': 'Could not sign out. Try again.',
  'login.title': 'Sign in',
  'login.intro': 'Sign in with your NIP and password.',
  'login.nip': 'NIP',
  'login.nipHint': '18 digits; spaces are fine, for example 19860926 201505 1 001.',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.missingFields': 'Enter your NIP and password.',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unknown': 'Something went wrong. Try again.',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'home.title': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.position': 'Position',
  'home.orgUnit': 'Organisation unit',
  'home.roles': 'Roles',
  'home.loadFailed': 'Your details could not be loaded.',
  'home.dashboardComing': 'The performance dashboard is being prepared and will appear here soon.',
  'role.EMPLOYEE': 'Employee',
  'role.UNIT_ADMIN': 'Unit HR administrator',
  'role.HR_ADMIN': 'BKPSDM administrator',
  'role.AUDITOR': 'Auditor (Inspectorate)',
};

export const locales = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
] as const;

export type Locale = (typeof locales)[number]['code'];

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };
const storageKey = 'kinerja.locale';

export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale.code === value);
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLocale(value) ? value : 'id';
  } catch {
    // Storage can be unavailable (privacy modes); the default language still works.
    return 'id';
  }
}

const current = $state<{ locale: Locale }>({ locale: storedLocale() });

/** The language the UI speaks now. Reading it inside a component or `$derived` tracks changes. */
export function getLocale(): Locale {
  return current.locale;
}

/** Switches the UI language and remembers it for the next visit. */
export function setLocale(locale: Locale): void {
  current.locale = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
}

/**
 * The text for `key` in the current language, with `{name}` placeholders replaced from `params`.
 * A placeholder without a value is left as written so a missing parameter is visible.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[current.locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
