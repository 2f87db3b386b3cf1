import { intlLocaleOf } from '$lib/datetime';
import { getLocale } from '$lib/i18n.svelte';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${getLocale()}:${kind}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(intlLocaleOf(), options);
    numberFormats.set(key, found);
  }
  return found;
}

/** A fraction as a whole percentage in the UI language, e.g. 0.853 → "85%"; "–" when unknown. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return numberFormat('percent', { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A number in the UI language, with at most two decimals (12,5 in Bahasa Indonesia). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat('number', { maximumFractionDigits: 2 }).format(value);
}
