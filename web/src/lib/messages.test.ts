import { describe, expect, it } from 'vitest';
import enMessages from '../../messages/en.json';
import idMessages from '../../messages/id.json';
import { knownReasons, errorCatalogue } from './graphql/errors';
import { englishErrorFiles } from './messages-en';
import { duplicateReasons, indonesianErrorFiles, type ErrorMessages } from './messages';

/** The `{name}` placeholders of a message, sorted, each once. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

/** Keys whose messages in `a` and `b` have different placeholders, with both lists. */
function placeholderMismatches(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(a)
    .filter((key) => key in b)
    .filter((key) => placeholders(a[key]).join() !== placeholders(b[key]).join())
    .map(
      (key) =>
        `${key}: {${placeholders(a[key]).join('} {')}} vs {${placeholders(b[key]).join('} {')}}`,
    );
}

function emptyMessages(catalogue: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(catalogue)
    .filter(([, message]) => typeof message !== 'string' || message.trim() === '')
    .map(([key]) => key);
}

/** The file's name without its folder, e.g. `common.json`. */
function fileNames(files: Record<string, ErrorMessages>): string[] {
  return Object.keys(files)
    .map((path) => path.slice(path.lastIndexOf('/') + 1))
    .sort();
}

describe('the UI message catalogues (web/messages/id.json, en.json)', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(enMessages).sort()).toEqual(Object.keys(idMessages).sort());
  });

  it('use the same placeholders for each key', () => {
    expect(placeholderMismatches(idMessages, enMessages)).toEqual([]);
  });

  it('have no empty messages', () => {
    expect(emptyMessages(idMessages)).toEqual([]);
    expect(emptyMessages(enMessages)).toEqual([]);
  });

  it('write placeholders as {name} only, never as {{name}}', () => {
    const doubled = (catalogue: Record<string, string>) =>
      Object.keys(catalogue).filter((key) => /\{\{|\}\}/.test(catalogue[key]));
    expect(doubled(idMessages)).toEqual([]);
    expect(doubled(enMessages)).toEqual([]);
  });
});

describe('the error catalogues (web/messages/errors/<locale>/<feature>.json)', () => {
  it('know the same reason codes in Bahasa Indonesia and English', async () => {
    const [id, en] = await Promise.all([knownReasons('id'), knownReasons('en')]);
    expect(id.length).toBeGreaterThan(0);
    expect(en).toEqual(id);
  });

  it('use the same placeholders for each reason code', async () => {
    const [id, en] = await Promise.all([errorCatalogue('id'), errorCatalogue('en')]);
    expect(placeholderMismatches(id, en)).toEqual([]);
  });

  it('have a file of the same name in each language', () => {
    expect(fileNames(englishErrorFiles)).toEqual(fileNames(indonesianErrorFiles));
  });

  it('are flat objects of non-empty messages', () => {
    for (const files of [indonesianErrorFiles, englishErrorFiles]) {
      for (const [path, contents] of Object.entries(files)) {
        expect(typeof contents, path).toBe('object');
        expect(emptyMessages(contents), path).toEqual([]);
      }
    }
  });

  it('list each reason code in one file only', () => {
    expect(duplicateReasons(indonesianErrorFiles)).toEqual({});
    expect(duplicateReasons(englishErrorFiles)).toEqual({});
  });
});
