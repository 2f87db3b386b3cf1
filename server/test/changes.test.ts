import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_TYPES } from '../src/modules/changes/index.js';
import {
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

/**
 * The change feed of agency tools: every change of the kinds tools sync, in order, each once,
 * resumable with endCursor; never sign-ins or 360 requests; OPD-limited clients see their OPDs.
 */
let t: TestApp;
let dir: TestDirectory;
const tokens: Record<string, string> = {};
let headId: string;
let headOpdId: string;
let planId: string;
let indicatorId: string;

const FEED =
  'query($after: String, $types: [String!], $first: Int) { changes(after: $after, types: $types, first: $first) { endCursor hasNextPage nodes { cursor type subjectType subjectId employeeIds opdIds ids at } } }';

async function as(token: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await gql(t.url, query, variables, { token });
  expect(result.errors, query).toBeUndefined();
  return result.data!;
}

async function feed(token: string, variables: Record<string, unknown> = {}) {
  return gql(t.url, FEED, variables, { token });
}

/** Reads the whole feed from `after` in pages of `first`. */
async function readAll(token: string, after: string | null, first = 100) {
  const nodes: { cursor: string; type: string; subjectId: string; opdIds: string[] }[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(token, { after: cursor, first });
    expect(page.errors).toBeUndefined();
    nodes.push(...page.data!.changes.nodes);
    cursor = page.data!.changes.endCursor;
    if (!page.data!.changes.hasNextPage) return { nodes, endCursor: cursor };
  }
}

const logActivity = (date: string) =>
  as(tokens.head, 'mutation($input: ActivityInput!) { logActivity(input: $input) { id } }', {
    input: {
      indicatorId,
      date,
      description: `Layanan ${date}`,
      output: 1,
      evidenceUrls: ['https://drive.denpasarkota.go.id/a'],
    },
  });

beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 300);
  const byNip = new Map(dir.directory.employees.map((e) => [e.nip, e]));
  let head = byNip.get(dir.logins.employee)!;
  while (head.jobType !== 'SENIOR_EXECUTIVE') head = byNip.get(head.supervisorNip!)!;
  tokens.head = await signIn(t.url, head.nip, dir.password);
  tokens.hr = await signIn(t.url, dir.logins.hrAdmin, dir.password);
  tokens.auditor = await signIn(t.url, dir.logins.auditor, dir.password);
  tokens.employee = await signIn(t.url, dir.logins.employee, dir.password);
  const me = await as(tokens.head, '{ me { employee { id orgUnit { opd { id } } } } }');
  headId = me.me.employee.id;
  headOpdId = me.me.employee.orgUnit.opd.id;
  const otherOpd = (await as(tokens.hr, '{ orgUnits(topLevel: true) { id } }')).orgUnits.find(
    (u: { id: string }) => u.id !== headOpdId,
  ).id;
  const client = async (name: string, scopes: string[], opdIds?: string[]) =>
    (
      await as(
        tokens.hr,
        'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
        { input: { name, scopes, opdIds } },
      )
    ).createApiClient.token as string;
  tokens.feed = await client('Sinkron TPP', ['CHANGES_READ']);
  tokens.feedOfHeadOpd = await client('Sinkron OPD', ['CHANGES_READ'], [headOpdId]);
  tokens.feedOfOtherOpd = await client('Sinkron OPD lain', ['CHANGES_READ'], [otherOpd]);
  tokens.plansOnly = await client('Hanya rencana', ['PLANS_READ']);

  const period = await as(tokens.hr, 'mutation { openPeriod(input: { year: 2026 }) { id } }');
  await as(
    tokens.hr,
    'mutation { updateSystemSettings(input: { activityWindowDays: 366 }) { activityWindowDays } }',
  );
  const plan = await as(
    tokens.head,
    'mutation($p: ID!) { createPerformancePlan(periodId: $p) { id version } }',
    { p: period.openPeriod.id },
  );
  planId = plan.createPerformancePlan.id;
  const added = await as(
    tokens.head,
    'mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { version workResults { indicators { id } } } }',
    {
      input: {
        planId,
        expectedVersion: plan.createPerformancePlan.version,
        kind: 'MAIN',
        text: 'Meningkatnya layanan',
        indicators: [
          { aspect: 'QUANTITY', text: 'Jumlah layanan', targetValue: 100, targetUnit: 'Layanan' },
        ],
      },
    },
  );
  indicatorId = added.addWorkResult.workResults[0].indicators[0].id;
  const submitted = await as(
    tokens.head,
    'mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { version assessor { nip } } }',
    { id: planId, v: added.addWorkResult.version },
  );
  tokens.assessor = await signIn(t.url, submitted.submitPerformancePlan.assessor.nip, dir.password);
  await as(
    tokens.assessor,
    'mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { status } }',
    { id: planId, v: submitted.submitPerformancePlan.version },
  );
  await t.app.bus.flush();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the change feed', () => {
  it('lists the year’s changes in order, with their ids, and never sign-ins or settings', async () => {
    const { nodes } = await readAll(tokens.feed, null);
    const types = nodes.map((n) => n.type);
    expect(types).toEqual(
      expect.arrayContaining(['period.open', 'plan.create', 'plan.submit', 'plan.approve']),
    );
    expect(types.indexOf('plan.create')).toBeLessThan(types.indexOf('plan.submit'));
    expect(types.indexOf('plan.submit')).toBeLessThan(types.indexOf('plan.approve'));
    for (const type of types) expect(FEED_TYPES).toContain(type);
    expect(types.some((type) => type.startsWith('auth.') || type.startsWith('api_client.'))).toBe(
      false,
    );
    const approve = nodes.find((n) => n.type === 'plan.approve')!;
    expect(approve).toMatchObject({
      subjectType: 'PerformancePlan',
      subjectId: planId,
      employeeIds: [headId],
      opdIds: [headOpdId],
    });
  });

  it('goes on from endCursor with exactly what happened since, and nothing when nothing did', async () => {
    const before = await readAll(tokens.feed, null);
    const quiet = await feed(tokens.feed, { after: before.endCursor });
    expect(quiet.data!.changes).toMatchObject({
      nodes: [],
      hasNextPage: false,
      endCursor: before.endCursor,
    });
    // A sign-in changes nothing a tool syncs; an activity does.
    await signIn(t.url, dir.logins.employee, dir.password);
    const logged = (await logActivity('2026-11-02')).logActivity.id;
    await t.app.bus.flush();
    const since = await readAll(tokens.feed, before.endCursor);
    expect(since.nodes.map((n) => [n.type, n.subjectId])).toEqual([['activity.log', logged]]);
    expect(since.endCursor).toBe(since.nodes[0].cursor);
  });

  it('reads the same in pages of two as in one page', async () => {
    for (const date of ['2026-11-03', '2026-11-04', '2026-11-05']) await logActivity(date);
    const whole = await readAll(tokens.feed, null, 500);
    const paged = await readAll(tokens.feed, null, 2);
    expect(paged.nodes).toEqual(whole.nodes);
    expect(paged.endCursor).toBe(whole.endCursor);
  });

  it('filters by type, exactly or by prefix, and refuses a type it does not carry', async () => {
    const plans = await feed(tokens.feed, { types: ['plan.*'] });
    const planTypes = plans.data!.changes.nodes.map((n: { type: string }) => n.type);
    expect(planTypes.length).toBeGreaterThan(0);
    expect(planTypes.every((type: string) => type.startsWith('plan.'))).toBe(true);
    const approvals = await feed(tokens.feed, { types: ['plan.approve'] });
    expect(approvals.data!.changes.nodes.map((n: { type: string }) => n.type)).toEqual([
      'plan.approve',
    ]);
    for (const type of ['auth.login', 'peer_feedback.request', 'nothing.*']) {
      const refused = await feed(tokens.feed, { types: [type] });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'changes.unknownType',
        field: 'types',
      });
    }
  });

  it('gives an OPD-limited client the changes of its OPDs only', async () => {
    const mine = await readAll(tokens.feedOfHeadOpd, null);
    expect(mine.nodes.length).toBeGreaterThan(0);
    expect(mine.nodes.every((n) => n.opdIds.includes(headOpdId))).toBe(true);
    const other = await readAll(tokens.feedOfOtherOpd, null);
    expect(other.nodes.some((n) => n.subjectId === planId)).toBe(false);
  });

  it('is for clients with changes:read, HR admins and auditors only', async () => {
    expect((await feed(tokens.hr)).errors).toBeUndefined();
    expect((await feed(tokens.auditor)).errors).toBeUndefined();
    for (const token of [tokens.plansOnly, tokens.employee, tokens.head]) {
      expect((await feed(token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(t.url, FEED)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a page above 500 and a cursor that is none, saying why', async () => {
    const big = await feed(tokens.feed, { first: 501 });
    expect(big.errors?.[0].extensions).toMatchObject({
      reason: 'changes.pageSize',
      field: 'first',
    });
    const ok = await feed(tokens.feed, { first: 500 });
    expect(ok.errors).toBeUndefined();
    const bad = await feed(tokens.feed, { after: 'kemarin' });
    expect(bad.errors?.[0].extensions).toMatchObject({ reason: 'realtime.badPosition' });
    const gone = await feed(tokens.feed, { after: '1-1' });
    expect(gone.errors?.[0].extensions).toMatchObject({ reason: 'realtime.unknownPosition' });
  });

  it('is followed by the Node example of the docs, which keeps its place across runs', async () => {
    const example = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/examples/follow-changes.mjs',
    );
    const cursorFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-feed-')), 'c');
    const env = {
      ...process.env,
      KINERJA_URL: t.url,
      KINERJA_TOKEN: tokens.feed,
      CURSOR_FILE: cursorFile,
    };
    const run = () => promisify(execFile)(process.execPath, [example, '--once'], { env });
    const first = (await run()).stdout.trim().split('\n');
    expect(first.some((line) => line.includes(`plan.approve PerformancePlan ${planId}`))).toBe(
      true,
    );
    const logged = (await logActivity('2026-11-06')).logActivity.id;
    await t.app.bus.flush();
    const second = (await run()).stdout.trim().split('\n');
    expect(second).toHaveLength(1);
    expect(second[0]).toContain(`activity.log Activity ${logged}`);
    fs.rmSync(path.dirname(cursorFile), { recursive: true, force: true });
  });
});
