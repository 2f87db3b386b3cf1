import i18next from 'i18next';
import { indonesian, loadCatalogue, type Catalogue, type MessageKey } from '$lib/messages';

/**
 * The UI's language, with i18next looking the texts up in the message catalogues
 * (`web/messages/`, see `messages.ts`). Bahasa Indonesia is the default; English is available
 * (loaded when chosen). The choice is remembered in localStorage. Every string the UI shows goes
 * through `t()`.
 */

export type { MessageKey };

export const locales = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
] as const;

export type Locale = (typeof locales)[number]['code'];

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const storageKey = 'kinerja.locale';

// The UI texts are the default namespace; the server's errors, by reason code, another.
const errorsNamespace = 'errors';

const i18n = i18next.createInstance();
// Synchronous: every resource is given here or added before its language is chosen.
void i18n.init({
  lng: 'id',
  // A text missing in another language shows in Bahasa Indonesia, never as its key.
  fallbackLng: 'id',
  ns: ['translation', errorsNamespace],
  defaultNS: 'translation',
  resources: {},
  initAsync: false,
  // Keys are flat ("login.title", "activity.notFound"): the dots do not nest, nor is a colon a
  // namespace.
  keySeparator: false,
  nsSeparator: false,
  interpolation: {
    prefix: '{',
    suffix: '}',
    // Svelte escapes what it renders.
    escapeValue: false,
  },
});

function add(locale: Locale, catalogue: Catalogue): void {
  i18n.addResourceBundle(locale, 'translation', catalogue.messages, true, true);
  i18n.addResourceBundle(locale, errorsNamespace, catalogue.errors, true, true);
}

add('id', indonesian);

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

const current = $state<{ locale: Locale }>({ locale: 'id' });

/**
 * Switches to `locale` once its catalogue is there; stays in the current language otherwise.
 * Resolves when the switch happened or was given up.
 */
function switchTo(locale: Locale): Promise<void> {
  if (locale === 'id' || i18n.hasResourceBundle(locale, 'translation')) {
    current.locale = locale;
    return Promise.resolve();
  }
  return loadCatalogue[locale]().then(
    (catalogue) => {
      add(locale, catalogue);
      current.locale = locale;
    },
    () => {
      // Offline or a failed download: the UI keeps speaking the language it speaks.
    },
  );
}

// A remembered language other than the default shows as soon as its catalogue arrives (a small,
// usually cached file); until then the UI speaks Bahasa Indonesia.
void switchTo(storedLocale());

/** The language the UI speaks now. Reading it inside a component or `$derived` tracks changes. */
export function getLocale(): Locale {
  return current.locale;
}

/**
 * Switches the UI language (once its strings are loaded) and remembers it for the next visit.
 * The promise resolves when the switch is done (or given up, offline); callers need not wait.
 */
export function setLocale(locale: Locale): Promise<void> {
  const switched = switchTo(locale);
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  return switched;
}

function translate(namespace: string, key: string, params: MessageParams | undefined): string {
  // Parameters go in `replace`, so that none of them (`count`, `context`, `lng`…) is read as an
  // i18next option.
  return i18n.t(key, { ns: namespace, lng: current.locale, replace: params ?? {} });
}

/**
 * The text for `key` in the current language, with `{name}` placeholders replaced from `params`.
 * A placeholder without a value is left as written so a missing parameter is visible.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate('translation', key, params);
}

/**
 * The message for a server error's reason code (e.g. `activity.notFound`) in the current
 * language, with `{name}` placeholders replaced from `params`; null when no catalogue of this
 * language (nor Bahasa Indonesia's) knows the code.
 */
export function reasonMessage(reason: string, params?: MessageParams): string | null {
  const lng = current.locale;
  if (!i18n.exists(reason, { ns: errorsNamespace, lng })) return null;
  return translate(errorsNamespace, reason, params);
}
