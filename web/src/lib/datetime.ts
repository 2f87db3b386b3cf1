import { addDays, todayInDenpasar } from '$kernel/calendar';
import { getLocale, type Locale } from '$lib/i18n.svelte';

// Denpasar keeps Central Indonesia Time (UTC+8) all year; the UI shows every time in it.
const timeZone = 'Asia/Makassar';
const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = getLocale();
  const key = `${locale}:${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale[locale], options);
    formatters.set(key, found);
  }
  return found;
}

/** The `Intl` locale of the UI language, for numbers and lists. */
export function intlLocaleOf(locale: Locale = getLocale()): string {
  return intlLocale[locale];
}

/**
 * A UTC `DateTime` from the API as date and time in Denpasar, in the UI language, e.g.
 * "5 Jan 2026, 14.30 WITA". Reading it inside a component follows a language switch.
 */
export function formatDateTime(iso: string): string {
  const text = formatter('datetime', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
  // Intl names this zone "GMT+8"; people here know it as WITA, in either language.
  return `${text} WITA`;
}

/**
 * A calendar `Date` from the API (YYYY-MM-DD, no time) in the UI language, e.g. "5 Jan 2026".
 * Formatted in UTC, the zone it was written in, so no zone can move it to another day.
 */
export function formatDate(date: string): string {
  return formatter('date', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The name of a month (1–12), e.g. "November 2026" or "November" without a year. */
export function formatMonth(month: number, year?: number): string {
  const date = new Date(Date.UTC(year ?? 2000, month - 1, 1));
  return year === undefined
    ? formatter('month', { month: 'long', timeZone: 'UTC' }).format(date)
    : formatter('monthYear', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

// The working day and date arithmetic, as the server counts them (server/src/kernel/calendar.ts).
export { addDays, todayInDenpasar };

/** The date in Denpasar on which a UTC `DateTime` falls, as YYYY-MM-DD. */
export function dateInDenpasar(iso: string): string {
  return todayInDenpasar(new Date(iso));
}
