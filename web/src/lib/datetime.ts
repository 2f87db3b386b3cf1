import { getLocale, type Locale } from '$lib/i18n.svelte';

// Denpasar keeps Central Indonesia Time (UTC+8) all year; the UI shows every time in it.
const timeZone = 'Asia/Makassar';
const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A UTC `DateTime` from the API as date and time in Denpasar, in the UI language, e.g.
 * "5 Jan 2026, 14.30 WITA". Reading it inside a component follows a language switch.
 */
export function formatDateTime(iso: string): string {
  const locale = getLocale();
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    formatters.set(locale, formatter);
  }
  // Intl names this zone "GMT+8"; people here know it as WITA, in either language.
  return `${formatter.format(new Date(iso))} WITA`;
}
