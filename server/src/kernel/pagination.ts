import { commonReasons } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Checks `first`; refuses negative sizes and sizes above `max` ({@link MAX_PAGE_SIZE}, or the
 * reader's own limit for bulk reads).
 */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw commonReasons.pageSize({ max, first });
  }
  return first;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; refuses anything else as BAD_USER_INPUT. */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) {
      return key as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw commonReasons.invalidCursor();
}

export function toConnection<T>(
  rows: T[],
  limit: number,
  hadCursor: boolean,
  totalCount: number,
  keyOf: (row: T) => unknown[],
): Connection<T> {
  const nodes = rows.slice(0, limit);
  const cursorOf = (node: T | undefined) => (node === undefined ? null : encodeCursor(keyOf(node)));
  let edges: Edge<T>[] | undefined;
  // Edges (a cursor for every row) only when asked for: most clients read `nodes`.
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ node, cursor: cursorOf(node)! })));
    },
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hadCursor,
      startCursor: cursorOf(nodes[0]),
      endCursor: cursorOf(nodes.at(-1)),
    },
  };
}

/**
 * The same page with each node replaced by `nodes[i]` (what a resolver built from it): same
 * cursors, count and page info, edges still made only when asked for.
 */
export function withNodes<T, U>(page: Connection<T>, nodes: U[]): Connection<U> {
  let edges: Edge<U>[] | undefined;
  return {
    get edges() {
      return (edges ??= page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })));
    },
    nodes,
    totalCount: page.totalCount,
    pageInfo: page.pageInfo,
  };
}

/** A part of a key of {@link pageOfList}: numbers (ascending or descending), or text by locale. */
export type KeyPart = 'number' | 'number-desc' | 'text';

function compareKeys(parts: readonly KeyPart[], a: readonly string[], b: readonly string[]) {
  for (const [i, part] of parts.entries()) {
    const order =
      part === 'text'
        ? a[i].localeCompare(b[i])
        : (Number(a[i]) - Number(b[i])) * (part === 'number-desc' ? -1 : 1);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * A page of a list computed whole in memory (a grid, a ranking), ordered by the key `keyOf`
 * gives each item (compared part by part as `parts` says; keys must be unique, so end them in an
 * id). The cursor is the key of the last item, not an offset, so a page continues at the right
 * place when the list changed in between. Refuses what {@link pageSize} and
 * {@link decodeCursor} refuse.
 */
export function pageOfList<T>(
  items: readonly T[],
  args: { first: number; after?: string | null },
  keyOf: (item: T) => string[],
  parts: readonly KeyPart[],
): Connection<T> {
  const limit = pageSize(args.first);
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareKeys(parts, a.key, b.key));
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after, parts.length);
    start = keyed.findIndex((k) => compareKeys(parts, k.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit + 1).map((k) => k.item);
  return toConnection(page, limit, Boolean(args.after), items.length, keyOf);
}
