import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// The app, for the api floor's own reasons (operation guard, WebSocket limits).
import '../src/app.js';
import { buildKinerjaSchema } from '../src/api/schema.js';
import { reasonCatalogue, type CatalogueEntry } from '../src/kernel/errors.js';

const catalogues = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/messages/errors',
);

/** Every message of one language's error catalogue files, by reason code. */
function messagesOf(language: 'id' | 'en'): Map<string, string> {
  const dir = path.join(catalogues, language);
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<
      string,
      string
    >;
    for (const [code, message] of Object.entries(entries)) {
      expect(out.has(code), `${code} is translated twice in ${language}`).toBe(false);
      out.set(code, message);
    }
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('reason codes and the dashboard’s translations', () => {
  let reasons: CatalogueEntry[];

  beforeAll(async () => {
    // Building the schema loads every feature, and with it every reason it can throw.
    await buildKinerjaSchema();
    reasons = [...reasonCatalogue().values()];
  });

  it('knows the reasons of every floor (a sanity check that the features were loaded)', () => {
    const prefixes = new Set(reasons.map((r) => r.code.split('.')[0]));
    for (const prefix of ['common', 'api', 'access', 'activity', 'plan', 'appraisal', 'auth']) {
      expect(prefixes, prefix).toContain(prefix);
    }
    expect(reasons.length).toBeGreaterThan(100);
  });

  for (const language of ['id', 'en'] as const) {
    it(`has a message in ${language === 'id' ? 'Bahasa Indonesia' : 'English'} for every reason the server can emit`, () => {
      const messages = messagesOf(language);
      const missing = reasons.map((r) => r.code).filter((code) => !messages.get(code)?.trim());
      expect(missing).toEqual([]);
    });

    it(`uses in ${language} only the params the server sends with each reason`, () => {
      const messages = messagesOf(language);
      const wrong = reasons.flatMap((r) => {
        const message = messages.get(r.code);
        if (!message) return [];
        const unknown = placeholders(message).filter((p) => !r.params.includes(p));
        return unknown.length > 0 ? [`${r.code}: {${unknown.join('}, {')}}`] : [];
      });
      expect(wrong).toEqual([]);
    });

    it(`translates in ${language} no reason the server does not have`, () => {
      const known = new Set(reasons.map((r) => r.code));
      const stale = [...messagesOf(language).keys()].filter((code) => !known.has(code));
      expect(stale).toEqual([]);
    });
  }
});
