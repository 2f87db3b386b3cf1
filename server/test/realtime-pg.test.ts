import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import {
  createScratchDatabase,
  gql,
  postgresUrl,
  seedDirectory,
  signIn,
  type TestDirectory,
} from './helpers.js';
import { collect, wsClient } from './ws-helpers.js';

/**
 * Several server instances on one PostgreSQL database, as behind a load balancer: a change made
 * through one reaches subscribers of another, and losing the LISTEN connection loses nothing.
 * Embedded PGlite runs one process only, so this runs when TEST_DATABASE_URL is set (CI does).
 */
describe.skipIf(!postgresUrl)('two server instances on one PostgreSQL database', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let a: App;
  let b: App;
  let dir: TestDirectory;
  const tokens: Record<string, string> = {};
  let planId: string;
  let indicatorId: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(postgresUrl!);
    const config: Config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: scratch.url,
      dbPoolSize: 4,
      clock: () => new Date('2026-11-27T03:00:00Z'),
    };
    const logger = createLogger({
      logLevel: (process.env.TEST_LOG as Config['logLevel']) ?? 'silent',
    });
    a = await createApp(config, { logger, print: () => {} });
    b = await createApp(config, { logger, print: () => {} });
    dir = await seedDirectory(a, 300);
    const byNip = new Map(dir.directory.employees.map((e) => [e.nip, e]));
    let head = byNip.get(dir.logins.employee)!;
    while (head.jobType !== 'SENIOR_EXECUTIVE') head = byNip.get(head.supervisorNip!)!;
    tokens.head = await signIn(a.url, head.nip, dir.password);
    tokens.hr = await signIn(a.url, dir.logins.hrAdmin, dir.password);
    const period = await gql(
      a.url,
      'mutation { openPeriod(input: { year: 2026 }) { id } }',
      {},
      { token: tokens.hr },
    );
    const plan = await gql(
      a.url,
      'mutation($p: ID!) { createPerformancePlan(periodId: $p) { id version } }',
      { p: period.data!.openPeriod.id },
      { token: tokens.head },
    );
    planId = plan.data!.createPerformancePlan.id;
    const added = await gql(
      a.url,
      'mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { version workResults { indicators { id } } } }',
      {
        input: {
          planId,
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
    indicatorId = added.data!.addWorkResult.workResults[0].indicators[0].id;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.drop();
  });

  const submit = async (through: App) => {
    const current = await gql(
      through.url,
      'query($id: ID!) { performancePlan(id: $id) { version } }',
      { id: planId },
      { token: tokens.head },
    );
    return gql(
      through.url,
      'mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { status } }',
      { id: planId, v: current.data!.performancePlan.version },
      { token: tokens.head },
    );
  };

  it('delivers a change made through instance A to a subscriber on instance B', async () => {
    const client = wsClient(b.url, tokens.head);
    const stream = collect(client, 'subscription { myPerformance { id type plan { id status } } }');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const result = await submit(a);
    expect(result.data!.submitPerformancePlan.status).toBe('SUBMITTED');
    await stream.until(() => stream.items.length >= 1);
    expect(stream.items[0].myPerformance).toMatchObject({
      type: 'plan.submit',
      plan: { id: planId, status: 'SUBMITTED' },
    });
    await client.dispose();
  });

  it('loses no event when B’s LISTEN connection is killed', async () => {
    // Approve the plan (through A) so activities can be logged.
    const hrMe = await gql(
      a.url,
      'query($id: ID!) { performancePlan(id: $id) { version assessor { nip } } }',
      { id: planId },
      { token: tokens.head },
    );
    const sekda = await signIn(a.url, hrMe.data!.performancePlan.assessor.nip, dir.password);
    await gql(
      a.url,
      'mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { status } }',
      { id: planId, v: hrMe.data!.performancePlan.version },
      { token: sekda },
    );
    await gql(
      a.url,
      'mutation { updateSystemSettings(input: { activityWindowDays: 366 }) { activityWindowDays } }',
      {},
      { token: tokens.hr },
    );

    const client = wsClient(b.url, tokens.head);
    const stream = collect(client, 'subscription { myPerformance { id type activity { id } } }');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const pid = b.bus.listenPid;
    expect(pid).toBeGreaterThan(0);
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();

    const logged: string[] = [];
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18']) {
      const r = await gql(
        a.url,
        'mutation($input: ActivityInput!) { logActivity(input: $input) { id } }',
        {
          input: {
            indicatorId,
            date,
            description: `Layanan ${date}`,
            output: 1,
            evidenceUrls: ['https://drive.denpasarkota.go.id/a'],
          },
        },
        { token: tokens.head },
      );
      logged.push(r.data!.logActivity.id);
    }
    await stream.until(() => stream.items.length >= 3, 15_000);
    expect(stream.items.map((i) => i.myPerformance.activity.id)).toEqual(logged);
    // B listens again on a new connection.
    const deadline = Date.now() + 10_000;
    while ((b.bus.listenPid === null || b.bus.listenPid === pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(b.bus.listenPid).not.toBe(pid);
    expect(b.bus.listenPid).not.toBeNull();
    await client.dispose();
  });

  it('stops a session signed out through A on B too, although B remembered it', async () => {
    const token = await signIn(a.url, dir.logins.auditor, dir.password);
    const me = (app: App) => gql(app.url, '{ me { roles } }', {}, { token });
    // B has read the session once, so it would answer from memory for a while.
    expect((await me(b)).data!.me).not.toBeNull();
    expect((await me(b)).data!.me).not.toBeNull();
    await gql(a.url, 'mutation { logout }', {}, { token });
    expect((await me(a)).data!.me).toBeNull();
    // B hears of it through the event bus (LISTEN/NOTIFY), well before its cache time is up.
    const deadline = Date.now() + 5_000;
    while ((await me(b)).data!.me !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await me(b)).data!.me).toBeNull();
    expect(Date.now()).toBeLessThan(deadline);
  });

  it('holds back an event committed after an earlier-begun transaction’s until that one ends, then delivers both in order', async () => {
    const seen: string[] = [];
    const unsubscribe = b.bus.subscribe((event) => {
      if (event.type === 'test.late') seen.push(event.subjectId);
    });
    const slow = new pg.Client({ connectionString: scratch.url });
    const fast = new pg.Client({ connectionString: scratch.url });
    await Promise.all([slow.connect(), fast.connect()]);
    const insert = (client: pg.Client, subject: string) =>
      client.query(
        `insert into event (type, subject_type, subject_id, owner_ids, reviewer_ids, opd_ids, data)
         values ('test.late', 'Test', $1, '{}', '{}', '{}', '{}') returning id`,
        [subject],
      );
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      await slow.query('begin');
      await insert(slow, 'first');
      await fast.query('begin');
      await insert(fast, 'second');
      await fast.query(`select pg_notify('kinerja_events', '')`);
      await fast.query('commit');
      // 'second' is committed, but 'first' may still commit before it in the stream: nothing
      // after 'first' is handed on while its transaction is in flight.
      await b.bus.flush();
      await new Promise((r) => setTimeout(r, 300));
      await b.bus.flush();
      expect(seen).toEqual([]);
      await slow.query(`select pg_notify('kinerja_events', '')`);
      await slow.query('commit');
      await until(() => seen.length >= 2);
      expect(seen).toEqual(['first', 'second']);
    } finally {
      unsubscribe();
      await Promise.all([slow.end(), fast.end()]);
    }
  });
});
