import { describe, expect, it } from 'vitest';
import { RecordLoader } from './loaders.js';

/** A loader over a fixed table that records which ids each batch asked for. */
function loaderOver(table: Record<string, { id: string; name: string }>) {
  const batches: string[][] = [];
  const loader = new RecordLoader<{ id: string; name: string }>(async (ids) => {
    batches.push([...ids]);
    return ids.map((id) => table[id] ?? null);
  }, true);
  return { loader, batches };
}

describe('RecordLoader', () => {
  it('answers at once for what it holds and with a promise, batched, for what it does not', async () => {
    const { loader, batches } = loaderOver({
      a: { id: 'a', name: 'A' },
      b: { id: 'b', name: 'B' },
    });
    expect(loader.peek('a')).toBeUndefined();
    const pending = [loader.get('a'), loader.get('b'), loader.get('x')];
    expect(pending.every((p) => p instanceof Promise)).toBe(true);
    expect(await Promise.all(pending)).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      null,
    ]);
    expect(batches).toEqual([['a', 'b', 'x']]);
    expect(loader.get('a')).toEqual({ id: 'a', name: 'A' });
    expect(loader.peek('x')).toBeNull(); // loaded: there is none
    expect(batches).toHaveLength(1);
  });

  it('holds primed values at once, keeps the first one primed, and forgets what is cleared', async () => {
    const { loader, batches } = loaderOver({ a: { id: 'a', name: 'from the database' } });
    loader.prime('a', { id: 'a', name: 'primed' });
    loader.prime('a', { id: 'a', name: 'primed again' });
    expect(loader.get('a')).toEqual({ id: 'a', name: 'primed' });
    expect(await loader.load('a')).toEqual({ id: 'a', name: 'primed' });
    loader.clear('a');
    expect(loader.peek('a')).toBeUndefined();
    expect(await loader.get('a')).toEqual({ id: 'a', name: 'from the database' });
    loader.clearAll();
    expect(loader.peek('a')).toBeUndefined();
    expect(batches).toEqual([['a']]);
  });
});
