import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { preparedRows } from './prepared.js';
import { jsonRecordsById, uuidArray } from './records.js';

export function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * A DataLoader that also answers synchronously for keys it already holds (loaded or primed), so
 * that a field whose value is at hand returns it without a promise: graphql-js then completes
 * the row synchronously, which is most of the cost of a long list.
 */
export class RecordLoader<V> extends DataLoader<string, V | null> {
  private readonly known = new Map<string, V | null>();

  constructor(load: (ids: readonly string[]) => Promise<(V | null)[]>, batch: boolean) {
    super(
      async (ids) => {
        const values = await load(ids);
        ids.forEach((id, i) => this.known.set(id, values[i]));
        return values;
      },
      { batch },
    );
  }

  /** The value for `id` when already loaded (null: loaded, and there is none); else undefined. */
  peek(id: string): V | null | undefined {
    return this.known.get(id);
  }

  /** The value at once when held, else a promise of it. */
  get(id: string): V | null | Promise<V | null> {
    const held = this.known.get(id);
    return held !== undefined ? held : this.load(id);
  }

  override prime(id: string, value: V | null | Error | PromiseLike<V | null>): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.known.has(id)) {
      this.known.set(id, value);
    }
    return super.prime(id, value as V | null);
  }

  override clear(id: string): this {
    this.known.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export interface LoaderOptions {
  /** Batch the loads of one tick into one statement (default). Off only to measure N+1. */
  batch?: boolean;
}

/**
 * What a feature's `*.loaders.ts` builds its request-scoped loaders with: `loader` (a DataLoader
 * that batches the loads of one tick, unless batching is off to measure N+1) and `records` (rows
 * of a table by id as read-only records, one prepared statement per batch).
 */
export function loaderKit(em: EntityManager, options: LoaderOptions = {}) {
  // With batching off each load is its own statement (N+1): only for measuring what batching buys.
  const batch = options.batch ?? true;
  const loader = <K, V>(load: DataLoader.BatchLoadFn<K, V>) =>
    new DataLoader<K, V>(load, { batch });
  /** Rows of `table` by id, as the records `columns` selects of them. */
  const records = <V extends { id: string }>(table: string, columns: (alias: string) => string) =>
    new RecordLoader<V>(async (ids) => {
      const [{ records: found }] = await preparedRows<{ records: V[] }>(
        em,
        `select ${jsonRecordsById(table, columns, '?::uuid[]')} as records`,
        [uuidArray(ids)],
      );
      return byId(found, ids);
    }, batch);
  return { em, loader, records };
}

export type LoaderKit = ReturnType<typeof loaderKit>;
