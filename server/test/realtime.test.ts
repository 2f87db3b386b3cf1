import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordEvent } from '../src/realtime/outbox.js';
import { comparePositions, parsePosition, type EventPosition } from '../src/realtime/position.js';
import {
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';
import { collect, wsClient } from './ws-helpers.js';

let t: TestApp;
let dir: TestDirectory;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const PLAN = 'mutation($p: ID!) { createPerformancePlan(periodId: $p) { id version } }';
const ADD = `mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { id version workResults { indicators { id } } } }`;
const MY =
  'subscription($after: ID) { myPerformance(after: $after) { id type subjectType plan { id status } activity { id date } } }';

beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date('2026-11-27T03:00:00Z') });
  dir = await seedDirectory(t.app, 400);
  const byNip = new Map(dir.directory.employees.map((e) => [e.nip, e]));
  const employee = byNip.get(dir.logins.employee)!;
  // An OPD head (JPT: plans need no parent RHK), their assessor the Sekda, and another OPD head.
  let head = employee;
  while (head.jobType !== 'SENIOR_EXECUTIVE') head = byNip.get(head.supervisorNip!)!;
  const sekda = byNip.get(head.supervisorNip!)!;
  const otherHead = dir.directory.employees.find(
    (e) => e.supervisorNip === sekda.nip && e.nip !== head.nip,
  )!;
  for (const [who, nip] of Object.entries({
    head: head.nip,
    sekda: sekda.nip,
    other: otherHead.nip,
  })) {
    tokens[who] = await signIn(t.url, nip, dir.password);
  }
  tokens.hr = await signIn(t.url, dir.logins.hrAdmin, dir.password);
  const period = await gql(
    t.url,
    'mutation { openPeriod(input: { year: 2026 }) { id } }',
    {},
    { token: tokens.hr },
  );
  ids.period = period.data!.openPeriod.id;
  await gql(
    t.url,
    'mutation { updateSystemSettings(input: { activityWindowDays: 366 }) { activityWindowDays } }',
    {},
    { token: tokens.hr },
  );
  const plan = await gql(t.url, PLAN, { p: ids.period }, { token: tokens.head });
  ids.plan = plan.data!.createPerformancePlan.id;
  const added = await gql(
    t.url,
    ADD,
    {
      input: {
        planId: ids.plan,
        expectedVersion: plan.data!.createPerformancePlan.version,
        kind: 'MAIN',
        text: 'Meningkatnya layanan',
        indicators: [
          { aspect: 'QUANTITY', text: 'Jumlah layanan', targetValue: 10, targetUnit: 'Layanan' },
        ],
      },
    },
    { token: tokens.head },
  );
  ids.indicator = added.data!.addWorkResult.workResults[0].indicators[0].id;
  const submitted = await gql(
    t.url,
    'mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { version } }',
    { id: ids.plan, v: added.data!.addWorkResult.version },
    { token: tokens.head },
  );
  ids.submittedVersion = String(submitted.data!.submitPerformancePlan.version);
});
afterAll(async () => {
  await t?.close();
});

const logActivity = (date: string) =>
  gql(
    t.url,
    'mutation($input: ActivityInput!) { logActivity(input: $input) { id } }',
    {
      input: {
        indicatorId: ids.indicator,
        date,
        description: `Layanan ${date}`,
        output: 1,
        evidenceUrls: ['https://drive.denpasarkota.go.id/a'],
      },
    },
    { token: tokens.head },
  );

describe('live updates over WebSocket', () => {
  it('delivers the approval of my plan to me, with the plan, and not to a peer', async () => {
    const mine = wsClient(t.url, tokens.head);
    const peers = wsClient(t.url, tokens.other);
    const me = collect(mine, MY);
    const peer = collect(peers, MY);
    // Let both subscriptions be registered before the change.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const approved = await gql(
      t.url,
      'mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { status } }',
      { id: ids.plan, v: Number(ids.submittedVersion) },
      { token: tokens.sekda },
    );
    expect(approved.data!.approvePerformancePlan.status).toBe('APPROVED');
    await me.until(() => me.items.length >= 1);
    expect(me.items[0].myPerformance).toMatchObject({
      type: 'plan.approve',
      plan: { id: ids.plan, status: 'APPROVED' },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(peer.items).toEqual([]);
    ids.lastSeen = me.items[0].myPerformance.id;
    await mine.dispose();
    await peers.dispose();
  });

  it('replays exactly the five events missed while disconnected, in order, then goes on live', async () => {
    const dates = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
    const logged: string[] = [];
    for (const date of dates) logged.push((await logActivity(date)).data!.logActivity.id);

    const client = wsClient(t.url, tokens.head);
    const resumed = collect(client, MY, { after: ids.lastSeen });
    await resumed.until(() => resumed.items.length >= 5);
    expect(resumed.items.map((i) => i.myPerformance.activity.id)).toEqual(logged);
    expect(resumed.items.map((i) => i.myPerformance.type)).toEqual(Array(5).fill('activity.log'));
    const positions = resumed.items.map((i) => parsePosition(i.myPerformance.id) as EventPosition);
    expect([...positions].sort(comparePositions)).toEqual(positions);

    const live = (await logActivity('2026-11-09')).data!.logActivity.id;
    await resumed.until(() => resumed.items.length >= 6);
    expect(resumed.items[5].myPerformance.activity.id).toBe(live);
    ids.lastSeen = resumed.items[5].myPerformance.id;
    await client.dispose();
  });

  it('resumes after a bare event id, as handed out before events had positions', async () => {
    const bare = parsePosition(ids.lastSeen) as EventPosition;
    const missed = [
      (await logActivity('2026-11-11')).data!.logActivity.id,
      (await logActivity('2026-11-12')).data!.logActivity.id,
    ];
    const client = wsClient(t.url, tokens.head);
    const resumed = collect(client, MY, { after: bare.id.toString() });
    await resumed.until(() => resumed.items.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.items.map((i) => i.myPerformance.activity.id)).toEqual(missed);
    ids.lastSeen = resumed.items[1].myPerformance.id;
    await client.dispose();
  });

  it('refuses an after that is no event of this stream, saying why, instead of starting live', async () => {
    const client = wsClient(t.url, tokens.head);
    for (const [after, reason] of [
      ['gisteren', 'realtime.badPosition'],
      ['1-2-3', 'realtime.badPosition'],
      ['99999999999999999999-1', 'realtime.badPosition'],
      ['1-1', 'realtime.unknownPosition'],
      ['987654321', 'realtime.unknownPosition'],
    ]) {
      const stream = collect(client, MY, { after });
      await stream.until(() => stream.errors.length > 0);
      const [error] = stream.errors[0] as { extensions: { reason: string; field: string } }[];
      expect(error.extensions).toMatchObject({ reason, field: 'after' });
      expect(stream.items).toEqual([]);
    }
    await client.dispose();
  });

  it('emits nothing for a change that was rolled back', async () => {
    const client = wsClient(t.url, tokens.head);
    const stream = collect(client, MY, { after: ids.lastSeen });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const headId = (await gql(t.url, '{ me { employee { id } } }', {}, { token: tokens.head }))
      .data!.me.employee.id;
    await expect(
      t.app.orm.em.fork().transactional(async (em) => {
        await recordEvent(em, {
          type: 'test.rolled_back',
          subjectType: 'Test',
          subjectId: 'x',
          ownerIds: [headId],
        });
        await em.flush();
        throw new Error('roll it back');
      }),
    ).rejects.toThrow('roll it back');
    const after = (await logActivity('2026-11-10')).data!.logActivity.id;
    await stream.until(() => stream.items.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.items.map((i) => i.myPerformance.type)).toEqual(['activity.log']);
    expect(stream.items[0].myPerformance.activity.id).toBe(after);
    await client.dispose();
  });

  it('refuses a bad token with 4401', async () => {
    const client = wsClient(t.url, 'not-a-token');
    const stream = collect(client, MY);
    await stream.until(() => stream.closed !== null);
    expect((stream.closed as { code?: number }).code).toBe(4401);
    await client.dispose();
  });

  it('refuses a foreign Origin at the upgrade', async () => {
    const client = wsClient(t.url, tokens.head, 'https://evil.example.com');
    const stream = collect(client, MY);
    await stream.until(() => stream.closed !== null);
    expect(stream.items).toEqual([]);
    await client.dispose();
  });

  it('applies the HTTP limits to subscriptions: a too-deep query is refused', async () => {
    let selection = 'id';
    for (let i = 0; i < 14; i++) selection = `supervisor { ${selection} }`;
    const client = wsClient(t.url, tokens.head);
    const stream = collect(
      client,
      `subscription { myPerformance { plan { employee { ${selection} } } } }`,
    );
    await stream.until(() => stream.errors.length > 0 || stream.closed !== null);
    expect(JSON.stringify(stream.errors.length ? stream.errors : stream.closed)).toMatch(
      /levels deep; at most 12/,
    );
    await client.dispose();
  });

  it('closes the socket of a session that signs out', async () => {
    const token = await signIn(t.url, dir.logins.employee, dir.password);
    const client = wsClient(t.url, token);
    const stream = collect(client, MY);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await gql(t.url, 'mutation { logout }', {}, { token });
    await stream.until(() => stream.closed !== null);
    expect((stream.closed as { code?: number }).code).toBe(4401);
    await client.dispose();
  });

  it('closes the sockets of someone whose roles change (4403), who may reconnect', async () => {
    const token = await signIn(t.url, dir.logins.employee, dir.password);
    const me = await gql(t.url, '{ me { employee { id } } }', {}, { token });
    const id = me.data!.me.employee.id;
    const client = wsClient(t.url, token);
    const stream = collect(client, MY);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const role = (verb: string) =>
      gql(
        t.url,
        `mutation($id: ID!) { ${verb}(employeeId: $id, role: AUDITOR) { roles } }`,
        { id },
        {
          token: tokens.hr,
        },
      );
    await role('grantRole');
    await stream.until(() => stream.closed !== null);
    expect((stream.closed as { code?: number }).code).toBe(4403);
    await client.dispose();
    await role('revokeRole');
    // A new connection is authorised with what holds now.
    const again = wsClient(t.url, token);
    const resumed = collect(again, MY);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(resumed.closed).toBeNull();
    expect(resumed.errors).toEqual([]);
    await again.dispose();
  });

  it('closes the socket of an API client the moment it is revoked', async () => {
    const created = await gql(
      t.url,
      `mutation { createApiClient(input: { name: "Dasbor Kota", scopes: [DIRECTORY_READ] }) {
        token client { id } } }`,
      {},
      { token: tokens.hr },
    );
    const { token, client } = created.data!.createApiClient;
    // A bare graphql-ws connection: acknowledged, then held open with nothing subscribed.
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const acknowledged = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve();
      });
      socket.on('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { token } })),
    );
    await acknowledged;
    await gql(
      t.url,
      'mutation($id: ID!) { revokeApiClient(id: $id) { id } }',
      { id: client.id },
      {
        token: tokens.hr,
      },
    );
    expect(await closed).toBe(4401);
  });

  it('sends a unit summary at once and again, coalesced, when the unit changes', async () => {
    const me = await gql(
      t.url,
      '{ me { employee { orgUnit { id opd { id } } } } }',
      {},
      { token: tokens.head },
    );
    const opdId = me.data!.me.employee.orgUnit.opd.id;
    const client = wsClient(t.url, tokens.head);
    const stream = collect(
      client,
      'subscription($u: ID!, $p: ID!) { unitDashboard(orgUnitId: $u, periodId: $p) { lastEventId plans { total approved } activitiesAwaitingReview activitiesApprovedLast30Days } }',
      { u: opdId, p: ids.period },
    );
    await stream.until(() => stream.items.length >= 1);
    const first = stream.items[0].unitDashboard;
    expect(first.plans.approved).toBeGreaterThanOrEqual(1);
    for (const date of ['2026-11-11', '2026-11-12', '2026-11-13']) await logActivity(date);
    await stream.until(
      () =>
        stream.items.at(-1)!.unitDashboard.activitiesAwaitingReview >=
        first.activitiesAwaitingReview + 3,
    );
    // Three changes in quick succession arrive as one or two summaries, not three.
    expect(stream.items.length).toBeLessThanOrEqual(3);
    // The counts are those of the OPD's plans and activities, counted another way.
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const [counted] = await t.app.orm.em
      .fork()
      .execute<{ plans: number; approved: number; pending: number; recent: number }[]>(
        `select (select count(*)::int from performance_plan p join org_unit u on u.id = p.org_unit_id
                where p.period_id = ? and u.path like o.path || '%') as plans,
              (select count(*)::int from performance_plan p join org_unit u on u.id = p.org_unit_id
                where p.period_id = ? and p.status = 'APPROVED' and u.path like o.path || '%') as approved,
              (select count(*)::int from activity a join performance_plan p on p.id = a.plan_id
                 join org_unit u on u.id = p.org_unit_id
                where p.period_id = ? and a.status = 'SUBMITTED' and u.path like o.path || '%') as pending,
              (select count(*)::int from activity a join performance_plan p on p.id = a.plan_id
                 join org_unit u on u.id = p.org_unit_id
                where p.period_id = ? and a.status = 'APPROVED' and a.date >= ?
                  and u.path like o.path || '%') as recent
         from org_unit o where o.id = ?`,
        [ids.period, ids.period, ids.period, ids.period, since, opdId],
      );
    const last = stream.items.at(-1)!.unitDashboard;
    expect(last.plans).toEqual({ total: counted.plans, approved: counted.approved });
    expect(last.activitiesAwaitingReview).toBe(counted.pending);
    expect(last.activitiesApprovedLast30Days).toBe(counted.recent);
    await client.dispose();
  });
});
