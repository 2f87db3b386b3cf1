/**
 * A small dictionary-based i18n. Bahasa Indonesia is the default; English is available. The choice
 * is remembered in localStorage. Every string the UI shows goes through `t()`.
 */

const id = {
  'app.name': 'Kinerja',
  'app.tagline': 'Manajemen Kinerja ASN Kota Denpasar',
  'app.skipToContent': 'Lewati ke konten utama',
  'shell.language': 'Bahasa',
  'shell.accountLink': 'Masuk sebagai {name}. Buka Akun saya',
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
  'account.title': 'Akun saya',
  'account.loadFailed': 'Data akun Anda tidak dapat dimuat.',
  'account.forcedNotice': 'Kata sandi Anda direset oleh admin. Ganti dulu sebelum melanjutkan.',
  'password.title': 'Ganti kata sandi',
  'password.current': 'Kata sandi saat ini',
  'password.currentHintForced': 'Kata sandi sementara yang Anda terima dari admin.',
  'password.new': 'Kata sandi baru',
  'password.newHint': 'Minimal {min} karakter. Hindari kata sandi yang umum, NIP, atau nama Anda.',
  'password.repeat': 'Ulangi kata sandi baru',
  'password.show': 'Tampilkan',
  'password.submit': 'Ganti kata sandi',
  'password.submitting': 'Sedang mengganti…',
  'password.currentMissing': 'Isi kata sandi saat ini.',
  'password.newMissing': 'Isi kata sandi baru.',
  'password.tooShort': 'Kata sandi baru minimal {min} karakter; yang ini {length} karakter.',
  'password.repeatMissing': 'Ulangi kata sandi baru.',
  'password.mismatch': 'Kedua kata sandi baru tidak sama.',
  'password.changed': 'Kata sandi sudah diganti. Sesi Anda di perangkat lain telah diakhiri.',
  'sessions.title': 'Sesi aktif',
  'sessions.intro':
    'Perangkat yang sedang masuk dengan akun Anda. Akhiri sesi yang tidak Anda kenali.',
  'sessions.loadFailed': 'Daftar sesi tidak dapat dimuat.',
  'sessions.empty': 'Tidak ada sesi aktif.',
  'sessions.current': 'Sesi ini',
  'sessions.device': '{browser} di {os}',
  'sessions.deviceUnknownBrowser': 'Aplikasi tak dikenal di {os}',
  'sessions.deviceUnknown': 'Perangkat tak dikenal',
  'sessions.address': 'Alamat IP',
  'sessions.addressUnknown': 'Tidak diketahui',
  'sessions.started': 'Mulai',
  'sessions.lastSeen': 'Terakhir aktif',
  'sessions.end': 'Akhiri',
  'sessions.endWhich': 'sesi {device} sejak {started}',
  'sessions.confirmEnd': 'Akhiri sesi di {device}? Perangkat itu harus masuk lagi.',
  'sessions.confirmYes': 'Ya, akhiri',
  'sessions.cancel': 'Batal',
  'sessions.ending': 'Mengakhiri…',
  'sessions.ended': 'Sesi di {device} telah diakhiri.',
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
  'shell.accountLink': 'Signed in as {name}. Open My account',
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
  'account.title': 'My account',
  'account.loadFailed': 'Your account could not be loaded.',
  'account.forcedNotice': 'An administrator reset your password. Change it before you continue.',
  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.currentHintForced': 'The temporary password you received from the administrator.',
  'password.new': 'New password',
  'password.newHint': 'At least {min} characters. Avoid common passwords, your NIP and your name.',
  'password.repeat': 'Repeat the new password',
  'password.show': 'Show',
  'password.submit': 'Change password',
  'password.submitting': 'Changing…',
  'password.currentMissing': 'Enter your current password.',
  'password.newMissing': 'Enter a new password.',
  'password.tooShort': 'The new password needs at least {min} characters; this one has {length}.',
  'password.repeatMissing': 'Repeat the new password.',
  'password.mismatch': 'The two new passwords are not the same.',
  'password.changed': 'Your password has been changed. Your sessions on other devices have ended.',
  'sessions.title': 'Active sessions',
  'sessions.intro': 'Devices signed in to your account. End any session you do not recognise.',
  'sessions.loadFailed': 'The list of sessions could not be loaded.',
  'sessions.empty': 'There are no active sessions.',
  'sessions.current': 'This session',
  'sessions.device': '{browser} on {os}',
  'sessions.deviceUnknownBrowser': 'Unknown app on {os}',
  'sessions.deviceUnknown': 'Unknown device',
  'sessions.address': 'IP address',
  'sessions.addressUnknown': 'Unknown',
  'sessions.started': 'Started',
  'sessions.lastSeen': 'Last active',
  'sessions.end': 'End',
  'sessions.endWhich': 'the session on {device} since {started}',
  'sessions.confirmEnd': 'End the session on {device}? That device will have to sign in again.',
  'sessions.confirmYes': 'Yes, end it',
  'sessions.cancel': 'Cancel',
  'sessions.ending': 'Ending…',
  'sessions.ended': 'The session on {device} has ended.',
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
