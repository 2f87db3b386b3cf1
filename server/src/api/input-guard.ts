import { type DocumentNode, visit } from 'graphql';
import type { DomainError } from '../kernel/errors.js';
import { apiReasons } from './errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL character, or half of a surrogate pair without its other half. */
function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

function firstUnsafeIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstUnsafeIn(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnsafeIn(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Per parsed document (Apollo and the WebSocket path reuse them): its first unsafe argument. */
const scanned = new WeakMap<DocumentNode, string | null>();

function unsafeArgumentOf(document: DocumentNode): string | null {
  const known = scanned.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      if (found) return;
      visit(node.value, {
        StringValue(value) {
          if (!found && isUnsafeText(value.value)) found = node.name.value;
        },
      });
    },
  });
  scanned.set(document, found);
  return found;
}

/**
 * Refuses text that no column can hold and no person typed: a NUL character (PostgreSQL
 * refuses it in text) or a lone surrogate (not Unicode at all), in any variable or any string
 * written in the document. Checked at the edge, before any resolver, for every operation on
 * HTTP and WebSocket alike, so no feature meets such text. Returns the refusal naming the input
 * (`field`: the variable path, or the argument's name), or null.
 */
export function unsafeTextIn(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): DomainError | null {
  const inVariables = firstUnsafeIn(variables ?? {}, '');
  if (inVariables) return apiReasons.unsafeText({ field: inVariables }, { field: inVariables });
  const inDocument = unsafeArgumentOf(document);
  return inDocument ? apiReasons.unsafeText({ field: inDocument }, { field: inDocument }) : null;
}
