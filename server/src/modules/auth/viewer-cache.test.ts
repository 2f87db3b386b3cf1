import { describe, expect, it } from 'vitest';
import type { ClientViewer, PersonViewer } from '../../access/context.js';
import { Role } from './auth.enums.js';
import { accessChangeOf, ViewerCache } from './viewer-cache.js';

const person = (n: number, sessionExpiresAt = new Date(10_000_000)): PersonViewer => ({
  kind: 'person',
  accountId: `account-${n}`,
  employeeId: `employee-${n}`,
  name: `Person ${n}`,
  roles: [Role.EMPLOYEE],
  adminOrgUnitId: null,
  sessionId: `session-${n}`,
  sessionExpiresAt,
  mustChangePassword: false,
});
const client: ClientViewer = {
  kind: 'client',
  clientId: 'client-1',
  name: 'SIMPEG',
  scopes: [],
  opdIds: null,
};

/** A cache on a clock the test moves, and a loader that counts its calls. */
function setup(ttlMs = 30_000, maxEntries = 100) {
  let now = 1_000_000;
  const cache = new ViewerCache(ttlMs, maxEntries, () => now);
  const loads: string[] = [];
  const get = (token: string, viewer: PersonViewer | ClientViewer | null) =>
    cache.get(token, async () => {
      loads.push(token);
      return viewer;
    });
  return { cache, loads, get, advance: (ms: number) => (now += ms) };
}

describe('ViewerCache', () => {
  it('reads a token once, then answers from memory until the time is up', async () => {
    const { loads, get, advance } = setup(30_000);
    expect(await get('a', person(1))).toMatchObject({ sessionId: 'session-1' });
    advance(29_999);
    expect(await get('a', person(1))).toMatchObject({ sessionId: 'session-1' });
    expect(loads).toEqual(['a']);
    advance(1);
    await get('a', person(1));
    expect(loads).toEqual(['a', 'a']);
  });

  it('never keeps a session past its own end', async () => {
    const { loads, get, advance } = setup(30_000);
    await get('a', person(1, new Date(1_000_000 + 5_000)));
    advance(4_999);
    await get('a', person(1, new Date(1_000_000 + 5_000)));
    expect(loads).toHaveLength(1);
    advance(1);
    await get('a', null);
    expect(loads).toHaveLength(2);
  });

  it('does not remember unknown tokens', async () => {
    const { loads, get } = setup();
    expect(await get('nobody', null)).toBeNull();
    expect(await get('nobody', null)).toBeNull();
    expect(loads).toEqual(['nobody', 'nobody']);
  });

  it('forgets exactly the viewers a change names: session, account, employee or client', async () => {
    const { cache, loads, get } = setup();
    await get('a', person(1));
    await get('b', person(2));
    await get('c', person(3));
    await get('d', person(4));
    await get('k', client);
    cache.forget({ sessionId: 'session-1' });
    cache.forget({ accountId: 'account-2' });
    cache.forget({ employeeId: 'employee-3' });
    cache.forget({ clientId: 'client-1' });
    expect(cache.size).toBe(1);
    loads.length = 0;
    for (const token of ['a', 'b', 'c', 'd', 'k']) await get(token, null);
    expect(loads).toEqual(['a', 'b', 'c', 'k']);
  });

  it('does not keep a read that was in flight when a change was forgotten', async () => {
    const { cache } = setup();
    let finish!: (v: PersonViewer) => void;
    const pending = cache.get('a', () => new Promise<PersonViewer>((r) => (finish = r)));
    cache.forget({ accountId: 'someone else entirely' });
    finish(person(1));
    expect(await pending).toMatchObject({ sessionId: 'session-1' });
    expect(cache.size).toBe(0);
  });

  it('asks every time when its time is 0', async () => {
    const { loads, get } = setup(0);
    await get('a', person(1));
    await get('a', person(1));
    expect(loads).toEqual(['a', 'a']);
  });

  it('holds at most its size, dropping the oldest', async () => {
    const { cache, loads, get } = setup(30_000, 2);
    await get('a', person(1));
    await get('b', person(2));
    await get('c', person(3));
    expect(cache.size).toBe(2);
    loads.length = 0;
    await get('c', person(3));
    await get('a', person(1));
    expect(loads).toEqual(['a']);
  });

  it('reads the change an access event names from its data', () => {
    expect(accessChangeOf({ accountId: 'x', exceptSessionId: 'y', other: 3 })).toEqual({
      sessionId: undefined,
      accountId: 'x',
      employeeId: undefined,
      clientId: undefined,
    });
  });
});
