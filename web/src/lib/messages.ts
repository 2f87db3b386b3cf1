import idMessages from '../../messages/id.json';

/**
 * The message catalogues as data: `web/messages/<locale>.json` for the UI's own texts, and
 * `web/messages/errors/<locale>/<feature>.json` for the server's errors, each a flat object of
 * reason code → message. Bahasa Indonesia is bundled with the first page; other languages are
 * loaded when chosen ({@link loadCatalogue}).
 */

/** Every text the UI shows has a key in `id.json`; `t()` accepts no other. */
export type MessageKey = keyof typeof idMessages;

export type Messages = Readonly<Record<MessageKey, string>>;

/** Reason code (e.g. `activity.notFound`) → message with `{param}` placeholders. */
export type ErrorMessages = Readonly<Record<string, string>>;

export interface Catalogue {
  messages: Messages;
  errors: ErrorMessages;
}

/**
 * One language's error catalogue from its files (path → contents, as `import.meta.glob` gives
 * them). Adding a feature's file needs no code edit. A code listed in two files keeps the first
 * one's message; the catalogue tests refuse that (see {@link duplicateReasons}).
 */
export function mergeErrorFiles(files: Record<string, ErrorMessages>): ErrorMessages {
  const merged: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) {
    for (const [code, message] of Object.entries(files[path])) {
      if (!(code in merged)) merged[code] = message;
    }
  }
  return merged;
}

/** Reason codes that appear in more than one of `files`, with the files they appear in. */
export function duplicateReasons(files: Record<string, ErrorMessages>): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const [path, contents] of Object.entries(files)) {
    for (const code of Object.keys(contents)) (seen[code] ??= []).push(path);
  }
  return Object.fromEntries(Object.entries(seen).filter(([, paths]) => paths.length > 1));
}

/** The Indonesian error files, by path; exported for the catalogue tests. */
export const indonesianErrorFiles = import.meta.glob<ErrorMessages>(
  '../../messages/errors/id/*.json',
  { eager: true, import: 'default' },
);

/** Bahasa Indonesia, the default language, in the first page's code. */
export const indonesian: Catalogue = {
  messages: idMessages,
  errors: mergeErrorFiles(indonesianErrorFiles),
};

/** Downloads the catalogue of a language other than Bahasa Indonesia (one chunk per language). */
export const loadCatalogue: Record<'en', () => Promise<Catalogue>> = {
  en: () => import('./messages-en').then((module) => module.english),
};
