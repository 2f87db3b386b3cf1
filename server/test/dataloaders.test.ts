import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/kernel/config.js';
import {
  countStatements,
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
} from './helpers.js';

/**
 * The switch the benchmark uses to show what batching buys (KINERJA_DATALOADER_BATCHING=off):
 * with batching off a nested list costs a statement per distinct relation, and answers the same.
 * The employees list brings each row's unit and supervisor itself; the units' parents and the
 * supervisors' supervisors go through the loaders.
 */
const NESTED = `query($first: Int) { employees(first: $first) {
  nodes { id nip orgUnit { id name parent { id name } } supervisor { id nip name supervisor { id nip } } }
} }`;

let batched: TestApp;
let unbatched: TestApp;
const tokens = new Map<TestApp, string>();

beforeAll(async () => {
  batched = await startTestApp();
  unbatched = await startTestApp({ dataLoaderBatching: false });
  for (const app of [batched, unbatched]) {
    const dir = await seedDirectory(app.app, 400);
    tokens.set(app, await signIn(app.url, dir.logins.hrAdmin, dir.password));
  }
});
afterAll(async () => {
  await batched?.close();
  await unbatched?.close();
});

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, v]) => [key, withoutIds(v)]),
    );
  return value;
}

const page = (app: TestApp, first: number) =>
  gql(app.url, NESTED, { first }, { token: tokens.get(app)! });

describe('DataLoader batching switch', () => {
  it('is on unless KINERJA_DATALOADER_BATCHING turns it off', () => {
    expect(loadConfig({}).dataLoaderBatching).toBe(true);
    expect(loadConfig({ KINERJA_DATALOADER_BATCHING: 'off' }).dataLoaderBatching).toBe(false);
    expect(() => loadConfig({ KINERJA_DATALOADER_BATCHING: 'sometimes' })).toThrow(
      /KINERJA_DATALOADER_BATCHING must be true or false/,
    );
  });

  it('costs a statement per distinct relation without batching, the same answer either way', async () => {
    for (const app of [batched, unbatched]) await page(app, 1); // the session's last-seen write
    const cost = async (app: TestApp, first: number) => {
      let data: unknown;
      const statements = await countStatements(async () => {
        data = (await page(app, first)).data;
      });
      return { statements, data };
    };
    const [b5, b50, u5, u50] = [
      await cost(batched, 5),
      await cost(batched, 50),
      await cost(unbatched, 5),
      await cost(unbatched, 50),
    ];
    expect(b50.statements).toBe(b5.statements);
    // The two apps have their own databases: the same people, other ids.
    expect(withoutIds(u50.data)).toEqual(withoutIds(b50.data));
    // 50 people reach more distinct parent units and supervisors' supervisors than 5; each one
    // not already on the page is its own statement.
    const employees = (b50.data as { employees: { nodes: any[] } }).employees.nodes;
    const onPageUnits = new Set(employees.map((e) => e.orgUnit.id));
    const onPagePeople = new Set([
      ...employees.map((e) => e.id),
      ...employees.filter((e) => e.supervisor).map((e) => e.supervisor.id),
    ]);
    const viaLoaders = (ids: (string | undefined)[], known: Set<string>) =>
      new Set(ids.filter((id): id is string => Boolean(id) && !known.has(id!))).size;
    const distinct =
      viaLoaders(
        employees.map((e) => e.orgUnit.parent?.id),
        onPageUnits,
      ) +
      viaLoaders(
        employees.map((e) => e.supervisor?.supervisor?.id),
        onPagePeople,
      );
    expect(distinct).toBeGreaterThan(5);
    expect(u50.statements - b50.statements).toBeGreaterThanOrEqual(distinct - 2);
    expect(u50.statements).toBeGreaterThan(u5.statements);
  });
});
