/**
 * `pnpm bench [-- --quick] [--dataset quick|denpasar|province] [--explain province]
 *  [--fanout 1000,10000] [--dashboard-fanout 200] [--duration S] [--skip-fanout]`
 *
 * Seeds (or reuses) a dataset database on the PostgreSQL of DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), starts Kinerja in this process with createApp,
 * loads it from a child process, compares it with hand-written SQL and PostGraphile 4 on the
 * same data, times subscription fan-out against a bare `ws` broadcast, EXPLAINs the hot
 * queries, and writes server/bench/results/<date>.json and BENCHMARKS.md. Nothing is asserted.
 */
import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { processStats } from '../src/db/query-stats.js';
import { createLoaders } from '../src/api/loaders.js';
import { createLogger } from '../src/kernel/logger.js';
import { OrgUnit } from '../src/modules/directory/org-unit.entity.js';
import { unitSummary } from '../src/modules/unit-dashboard/index.js';
import type { Context } from '../src/access/context.js';
import { DATASETS, type DatasetInfo, type DatasetSpec, ensureDataset } from './datasets.js';
import { captureSql, type ExplainedStatement, explainAll, tableSizes } from './explain.js';
import { type FanoutResult, runFanout } from './fanout.js';
import {
  type HttpMeasurement,
  type HttpTarget,
  measureHttp,
  postJson,
  settle,
} from './http-bench.js';
import { machineInfo, type MachineInfo } from './machine.js';
import { type HandWrittenRequest, startPostGraphile } from './peers.js';
import * as Q from './queries.js';
import { writeReport } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/bench/run.js → server/ (two up); bench/run.ts never runs unbuilt.
const serverRoot = path.resolve(here, '..', '..');
const repoRoot = path.resolve(serverRoot, '..');

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] && !args[i + 1].startsWith('--')) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

const quick = flag('quick');
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const datasetName = (option('dataset') ?? (quick ? 'quick' : 'denpasar')) as DatasetSpec['name'];
const explainDataset = option('explain') as DatasetSpec['name'] | undefined;
const durationSeconds = Number(option('duration') ?? (quick ? 5 : 15));
const concurrencies = quick ? [1, 16] : [1, 16, 64];
/**
 * Rounds per server and concurrency in the peer comparison, each a third of `durationSeconds`: one
 * in quick mode, which runs every part once and must stay under three minutes.
 */
const peerRounds = quick ? 1 : 3;
/** Load before a peer comparison's rounds, per server, not recorded. */
const warmUpSeconds = quick ? 2 : 5;

const dashboardFanout = Number(option('dashboard-fanout') ?? 200);
const fanoutSizes = (option('fanout') ?? (quick ? '200' : '1000,10000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

export interface QueryBench {
  name: string;
  description: string;
  measurements: HttpMeasurement[];
}

export interface PeerComparison {
  name: string;
  description: string;
  rows: { target: string; measurements: HttpMeasurement[] }[];
}

export interface BenchResults {
  date: string;
  mode: 'quick' | 'full';
  machine: MachineInfo;
  durationSeconds: number;
  dataset: DatasetInfo;
  subjects: Record<string, string | number>;
  queries: QueryBench[];
  statementsByLength: { query: string; length: number; statements: number }[];
  unitSummaryInProcess: { iterations: number; p50Ms: number; p99Ms: number; statements: number };
  /** Kinerja beside hand-written SQL and PostGraphile, one comparison per query. */
  peers: PeerComparison[];
  /** The same queries on a second Kinerja whose DataLoaders do not batch (N+1 on purpose). */
  dataLoadersOff: { name: string; measurements: HttpMeasurement[] }[];
  fanout: FanoutResult[];
  explain: {
    dataset: string;
    statements: ExplainedStatement[];
    largeSeqScans: { operation: string; table: string; rows: number; sql: string }[];
  } | null;
  notes: string[];
  totalSeconds: number;
}

interface Subjects {
  periodId: string;
  checkpoint: string;
  largestOpd: { id: string; name: string; employees: number };
  largestLeaf: { id: string; name: string; employees: number };
  opdIds: string[];
  logins: { hrAdmin: string; supervisor: string; password: string };
  busiestSupervisor: { id: string; nip: string; reports: number };
}

async function findSubjects(url: string): Promise<Subjects> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string) => (await db.query<T>(sql)).rows;
    const [period] = await one<{ id: string }>('select id from period order by year desc limit 1');
    const [checkpoint] = await one<{ c: string }>(
      'select checkpoint as c from appraisal group by 1 order by count(*) desc limit 1',
    );
    const [opd] = await one<{ id: string; name: string; n: number }>(
      `select o.id, coalesce(o.short_name, o.name) as name, count(*)::int as n
         from employee e join org_unit u on u.id = e.org_unit_id
         join org_unit o on o.id = coalesce(u.opd_id, u.id)
        group by 1, 2 order by 3 desc limit 1`,
    );
    const [leaf] = await one<{ id: string; name: string; n: number }>(
      `select u.id, u.name, count(*)::int as n from employee e join org_unit u on u.id = e.org_unit_id
        where not exists (select 1 from org_unit c where c.parent_id = u.id)
        group by 1, 2 order by 3 desc limit 1`,
    );
    const opds = await one<{ id: string }>(
      `select o.id from org_unit o where o.parent_id is null
          and exists (select 1 from employee e join org_unit u on u.id = e.org_unit_id
                       where coalesce(u.opd_id, u.id) = o.id)
        order by o.name`,
    );
    const [logins] = await one<{ v: Subjects['logins'] }>(
      `select value as v from app_setting where key = 'demo.logins'`,
    );
    const [busiest] = await one<{ id: string; nip: string; n: number }>(
      `select s.id, s.nip, count(*)::int as n from employee e join employee s on s.id = e.supervisor_id
        group by 1, 2 order by 3 desc limit 1`,
    );
    return {
      periodId: period.id,
      checkpoint: checkpoint?.c ?? 'Q1',
      largestOpd: { id: opd.id, name: opd.name, employees: opd.n },
      largestLeaf: { id: leaf.id, name: leaf.name, employees: leaf.n },
      opdIds: opds.map((o) => o.id),
      logins: logins.v,
      busiestSupervisor: { id: busiest.id, nip: busiest.nip, reports: busiest.n },
    };
  } finally {
    await db.end();
  }
}

async function startKinerja(databaseUrl: string, batching = true): Promise<App> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl }),
    host: '127.0.0.1',
    port: 0,
    dataLoaderBatching: batching,
  };
  // Per-request log lines go nowhere: the SQL count they carry is read from processStats.
  return createApp(config, { logger: createLogger({ logLevel: 'warn' }), print: () => {} });
}

/** The measurement of median throughput among rounds of the same load. */
function medianByThroughput(rounds: HttpMeasurement[]): HttpMeasurement {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Instance {
  url: string;
  pid: number;
  /** SQL statements the instance has run so far (a Kinerja instance only: others never answer). */
  statements(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A server on the same database in its own process: another Kinerja (bench/instance.ts), or the
 * hand-written SQL server (bench/hand-written.ts, which counts no statements).
 */
async function startInstance(databaseUrl: string, script = 'instance.js'): Promise<Instance> {
  const child = fork(path.join(here, script), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the instance exited (${code})`)));
  });
  return {
    url,
    pid: child.pid!,
    statements: () =>
      new Promise<number>((resolve) => {
        const answer = (message: unknown) => {
          const statements = (message as { statements?: number }).statements;
          if (statements === undefined) return;
          child.off('message', answer);
          resolve(statements);
        };
        child.on('message', answer);
        child.send('stats');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

async function signIn(url: string, nip: string, password: string): Promise<string> {
  const r = await postJson<{ data: { login: { token: string } } }>(`${url}/graphql`, {
    query: 'mutation($nip: String!, $p: String!) { login(nip: $nip, password: $p) { token } }',
    variables: { nip, p: password },
  });
  return r.data.login.token;
}

const gqlBody = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

/**
 * The SQL statements of `fn`'s second run: the first warms what a running server has warm (the
 * sign-in check, remembered for KINERJA_SESSION_CACHE_SECONDS, and the compiled operation), which
 * would otherwise be counted for one length and not the other.
 */
async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  await settle();
  const before = processStats.sqlStatements;
  await fn();
  return processStats.sqlStatements - before;
}

async function main(): Promise<void> {
  const notes: string[] = [];
  const machine = await machineInfo(adminUrl);
  log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; node ${machine.node}; PostgreSQL ${machine.postgres}`,
  );
  const dataset = await ensureDataset(adminUrl, DATASETS[datasetName], log);
  const s = await findSubjects(dataset.url);
  log(
    `largest OPD ${s.largestOpd.name} (${s.largestOpd.employees}); largest unit ${s.largestLeaf.name} (${s.largestLeaf.employees}); ${s.opdIds.length} OPDs`,
  );

  const app = await startKinerja(dataset.url);
  const queries: QueryBench[] = [];
  const statementsByLength: BenchResults['statementsByLength'] = [];
  const peers: PeerComparison[] = [];
  let unitSummaryInProcess: BenchResults['unitSummaryInProcess'];
  const dataLoadersOff: BenchResults['dataLoadersOff'] = [];
  const fanout: FanoutResult[] = [];
  try {
    const gql = `${app.url}`;
    const hr = await signIn(gql, s.logins.hrAdmin, s.logins.password);
    const supervisor = await signIn(gql, s.logins.supervisor, s.logins.password);
    const busiest = await signIn(gql, s.busiestSupervisor.nip, s.logins.password);
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const post = (token: string, query: string, variables: Record<string, unknown>) =>
      postJson(`${gql}/graphql`, { query, variables }, auth(token));

    // Subscription fan-out first, while the server's memory has not yet grown under HTTP load.
    if (!flag('skip-fanout')) {
      const db = new pg.Client({ connectionString: dataset.url });
      await db.connect();
      const people = (
        await db.query<{ nip: string; id: string }>(
          `select e.nip, e.id from employee e join org_unit u on u.id = e.org_unit_id
            where coalesce(u.opd_id, u.id) = $1 and e.active order by e.nip`,
          [s.largestOpd.id],
        )
      ).rows;
      await db.end();
      // myPerformance at each size; unitDashboard once, smaller: every subscriber recomputes the
      // unit summary on every change, so its cost grows with subscribers × summary time.
      // myPerformance at each size; the largest again split over two server processes on the
      // same database; unitDashboard once, smaller.
      const largest = Math.max(0, ...fanoutSizes);
      const jobs: { size: number; dashboard: boolean; instances: number }[] = [
        ...fanoutSizes.map((size) => ({ size, dashboard: false, instances: 1 })),
        ...(largest > 0 ? [{ size: largest, dashboard: false, instances: 2 }] : []),
        ...(dashboardFanout > 0 ? [{ size: dashboardFanout, dashboard: true, instances: 1 }] : []),
      ];
      for (const { size, dashboard, instances } of jobs) {
        const accounts = Math.min(people.length, Math.ceil(size / 10), size);
        const perToken = Math.ceil(size / accounts);
        if (perToken > 10) {
          notes.push(
            `fan-out ${size}: ${people.length} accounts in ${s.largestOpd.name} allow at most ${people.length * 10} connections; skipped`,
          );
          continue;
        }
        const name = dashboard ? 'unitDashboard' : 'myPerformance';
        log(`fan-out ${size} (${name}): signing in ${accounts} accounts of ${s.largestOpd.name}`);
        const signStarted = Date.now();
        const tokens: string[] = [];
        const chosen = people.slice(0, accounts);
        let nextPerson = 0;
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (nextPerson < chosen.length) {
              const p = chosen[nextPerson++];
              tokens.push(await signIn(gql, p.nip, s.logins.password));
            }
          }),
        );
        log(`  signed in ${tokens.length} in ${((Date.now() - signStarted) / 1000).toFixed(1)} s`);
        const second = instances > 1 ? await startInstance(dataset.url) : null;
        if (second) log(`  second instance (own process) on ${second.url}`);
        const result = await runFanout({
          serverUrls: second ? [gql, second.url] : [gql],
          databaseUrl: dataset.url,
          subscription: dashboard ? Q.UNIT_DASHBOARD : Q.MY_PERFORMANCE,
          variables: dashboard ? { unit: s.largestOpd.id, period: s.periodId } : {},
          tokens,
          perToken,
          count: size,
          waitForInitial: dashboard,
          ownerIds: chosen.map((p) => p.id),
          opdIds: [s.largestOpd.id],
          rounds: dashboard ? 2 : 3,
          timeoutMs: dashboard ? 120_000 : Math.max(60_000, size * 30),
          log,
        });
        await second?.close();
        fanout.push(result);
        // Let summaries still being computed for closed subscriptions drain before measuring more.
        await settle();
      }
    }

    const common = { period: s.periodId, checkpoint: s.checkpoint };
    const targets = [
      {
        name: 'reviewQueue',
        description: `the busiest supervisor's nested review queue (${s.busiestSupervisor.reports} direct reports): the counts and the first page of 25 people, 10 activities each`,
        token: busiest,
        bodies: [gqlBody(Q.REVIEW_QUEUE, { n: 10 })],
      },
      {
        name: 'employees',
        description: `employees of ${s.largestOpd.name} (${s.largestOpd.employees}), first 50, with unit and supervisor`,
        token: hr,
        bodies: [gqlBody(Q.EMPLOYEES, { unit: s.largestOpd.id, first: 50 })],
      },
      {
        name: 'employeesNested',
        description: `the same employees with each unit's parent and OPD, each supervisor's supervisor and each person's direct reports (relations that go through the request's batch loaders)`,
        token: hr,
        bodies: [gqlBody(Q.EMPLOYEES_NESTED, { unit: s.largestOpd.id, first: 50 })],
      },
      {
        name: 'unitSummary',
        description: `distribution (${s.checkpoint}) and headcount of ${s.largestOpd.name}`,
        token: hr,
        bodies: [gqlBody(Q.UNIT_SUMMARY, { unit: s.largestOpd.id, ...common })],
      },
      {
        name: 'cityDistribution',
        description: `distribution (${s.checkpoint}) of each of the ${s.opdIds.length} OPDs in turn (one OPD per request)`,
        token: hr,
        bodies: s.opdIds.map((unit) => gqlBody(Q.DISTRIBUTION, { unit, ...common })),
      },
    ];
    for (const t of targets) {
      // Fail early, with the server's message, on a query the schema refuses.
      await postJson(`${gql}/graphql`, JSON.parse(t.bodies[0]) as object, auth(t.token));
      const measurements: HttpMeasurement[] = [];
      for (const c of concurrencies) {
        const m = await measureHttp(
          {
            url: gql,
            path: '/graphql',
            headers: auth(t.token),
            bodies: t.bodies,
            countsStatements: true,
          },
          c,
          durationSeconds,
        );
        measurements.push(m);
        log(
          `${t.name} c=${c}: ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.latencyMs.p50.toFixed(1)} ms, p99 ${m.latencyMs.p99.toFixed(1)} ms, ${m.sqlPerRequest?.toFixed(1)} SQL/req${m.failed ? `, ${m.failed} failed` : ''}`,
        );
      }
      queries.push({ name: t.name, description: t.description, measurements });
    }

    // What batching buys: the list queries again on a Kinerja whose DataLoaders do not batch.
    {
      const unbatched = await startKinerja(dataset.url, false);
      try {
        const tokenOf = new Map([
          [hr, await signIn(unbatched.url, s.logins.hrAdmin, s.logins.password)],
          [busiest, await signIn(unbatched.url, s.busiestSupervisor.nip, s.logins.password)],
        ]);
        // reviewQueue and employees bring their relations with their page (no loader batches
        // them any more); the nested employee page still resolves relations through loaders.
        for (const t of targets.filter((x) => x.name === 'employeesNested')) {
          const measurements: HttpMeasurement[] = [];
          for (const c of concurrencies) {
            const m = await measureHttp(
              {
                url: unbatched.url,
                path: '/graphql',
                headers: auth(tokenOf.get(t.token)!),
                bodies: t.bodies,
                countsStatements: true,
              },
              c,
              durationSeconds,
            );
            measurements.push(m);
            log(
              `${t.name} without batching c=${c}: ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.latencyMs.p50.toFixed(1)} ms, ${m.sqlPerRequest?.toFixed(1)} SQL/req`,
            );
          }
          dataLoadersOff.push({ name: t.name, measurements });
        }
      } finally {
        await unbatched.close();
      }
    }

    // Statements must not grow with the length of the list.
    for (const [name, query] of [
      ['employees', Q.EMPLOYEES],
      ['employeesNested', Q.EMPLOYEES_NESTED],
    ] as const) {
      for (const n of [10, 100]) {
        statementsByLength.push({
          query: `${name} (first: n)`,
          length: n,
          statements: await statementsOf(() =>
            post(hr, query, { unit: s.largestOpd.id, first: n }),
          ),
        });
      }
    }
    for (const [who, token] of [
      ['demo supervisor', supervisor],
      ['busiest supervisor', busiest],
    ] as const) {
      for (const n of [1, 50]) {
        statementsByLength.push({
          query: `reviewQueue of the ${who} (activitiesPerPerson: n)`,
          length: n,
          statements: await statementsOf(() => post(token, Q.REVIEW_QUEUE, { n })),
        });
      }
    }
    for (const n of [5, 100]) {
      statementsByLength.push({
        query: 'reviewQueue of the busiest supervisor (people(first: n), 10 activities each)',
        length: n,
        statements: await statementsOf(() => post(busiest, Q.REVIEW_QUEUE, { n: 10, people: n })),
      });
    }
    log(
      `statements by length: ${statementsByLength.map((r) => `${r.query} n=${r.length}: ${r.statements}`).join('; ')}`,
    );

    // What each unitDashboard subscriber computes on every change, timed in this process.
    {
      const em = app.orm.em.fork();
      const ctx = {
        em,
        viewer: null,
        loaders: createLoaders(em),
        requestId: 'bench',
        config: loadConfig({ NODE_ENV: 'test' }),
        ipAddress: null,
        bus: app.bus,
        freshEm: () => app.orm.em.fork(),
      } as Context;
      const times: number[] = [];
      const before = processStats.sqlStatements;
      const iterations = quick ? 20 : 50;
      for (let i = 0; i < iterations; i++) {
        ctx.em = app.orm.em.fork();
        const unit = await ctx.em.findOneOrFail(OrgUnit, { id: s.largestOpd.id });
        const t0 = performance.now();
        await unitSummary(ctx, unit, s.periodId, app.bus.lastEventId);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      unitSummaryInProcess = {
        iterations,
        p50Ms: times[Math.floor(times.length / 2)],
        p99Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))],
        statements: (processStats.sqlStatements - before) / iterations - 1,
      };
      log(
        `unitDashboard summary in process: p50 ${unitSummaryInProcess.p50Ms.toFixed(1)} ms, ${unitSummaryInProcess.statements} SQL`,
      );
    }

    // The limit and a peer, on one unit without sub-units (PostGraphile filters by column).
    // Each server answers from a fresh process of its own, as PostGraphile does: this process
    // has served everything above (10,000 subscribers among them), and its heap would weigh on
    // whichever server ran in it. Kinerja's statements are counted over IPC.
    {
      const kinerja = await startInstance(dataset.url);
      const pgServer = await startInstance(dataset.url, 'hand-written.js');
      let graphile: Awaited<ReturnType<typeof startPostGraphile>> | null = null;
      try {
        graphile = await startPostGraphile(
          dataset.url,
          5000 + Math.floor(Math.random() * 1000),
          10,
          log,
        );
      } catch (error) {
        notes.push(`PostGraphile did not start: ${(error as Error).message.slice(0, 300)}`);
      }
      try {
        const unit = s.largestLeaf.id;
        const comparisons: {
          name: string;
          description: string;
          kinerja: { token: string; body: string };
          sql: HandWrittenRequest;
          graphile: string;
        }[] = [
          {
            name: 'employees',
            description: `employees of ${s.largestLeaf.name} (${s.largestLeaf.employees} people, no sub-units), first 50 by name, with unit, supervisor and the total`,
            kinerja: { token: hr, body: gqlBody(Q.EMPLOYEES, { unit, first: 50 }) },
            sql: { kind: 'employees', unitId: unit, first: 50 },
            graphile: gqlBody(Q.POSTGRAPHILE_EMPLOYEES, { unit, first: 50 }),
          },
          {
            name: 'reviewQueue',
            description:
              `the busiest supervisor's review queue (${s.busiestSupervisor.reports} direct reports): 25 people with their 10 oldest activities waiting, ` +
              'their submitted plans and monthly reports, and the counts. Kinerja answers REVIEW_QUEUE (people ordered by who has waited longest, ' +
              'appraisals due and 360 requests, appeals and explanations included); hand-written SQL the same less the appraisals due and the short lists; ' +
              "PostGraphile the nearest it can express without custom SQL functions: the supervisor's first 25 direct reports by name with the same items",
            kinerja: { token: busiest, body: gqlBody(Q.REVIEW_QUEUE, { n: 10 }) },
            sql: {
              kind: 'reviewQueue',
              assessorId: s.busiestSupervisor.id,
              people: 25,
              activitiesPerPerson: 10,
            },
            graphile: gqlBody(Q.POSTGRAPHILE_REVIEW_QUEUE, {
              assessor: s.busiestSupervisor.id,
              people: 25,
              n: 10,
            }),
          },
          {
            name: 'appraisals',
            description: `the ${s.checkpoint} predikat of the first 50 appraised people of ${s.largestOpd.name}, with NIP and name, and the total (a bulk read of agency tools)`,
            kinerja: {
              token: hr,
              body: gqlBody(Q.APPRAISALS, {
                opd: s.largestOpd.id,
                period: s.periodId,
                checkpoint: s.checkpoint,
                first: 50,
              }),
            },
            sql: {
              kind: 'appraisals',
              opdId: s.largestOpd.id,
              periodId: s.periodId,
              checkpoint: s.checkpoint,
              first: 50,
            },
            graphile: gqlBody(Q.POSTGRAPHILE_APPRAISALS, {
              opd: s.largestOpd.id,
              period: s.periodId,
              checkpoint: s.checkpoint,
              first: 50,
            }),
          },
        ];
        for (const comparison of comparisons) {
          const rows: PeerComparison['rows'] = [];
          // Once before measuring, as every server here is: the sign-in check and the
          // compiled operation are warm in a running server.
          await postJson(
            `${kinerja.url}/graphql`,
            JSON.parse(comparison.kinerja.body) as object,
            auth(comparison.kinerja.token),
          );
          const runs: [string, HttpTarget][] = [
            [
              'Kinerja (GraphQL, signed in)',
              {
                url: kinerja.url,
                path: '/graphql',
                headers: auth(comparison.kinerja.token),
                bodies: [comparison.kinerja.body],
                countsStatements: kinerja.statements,
                pid: kinerja.pid,
              },
            ],
            [
              'hand-written SQL (pg + node:http)',
              {
                url: pgServer.url,
                path: '/',
                headers: {},
                bodies: [JSON.stringify(comparison.sql)],
                countsStatements: false,
                pid: pgServer.pid,
              },
            ],
          ];
          if (graphile) {
            // Fail early, with PostGraphile's message, on a query it refuses.
            const answer = await postJson<{ errors?: unknown }>(
              `${graphile.url}/graphql`,
              JSON.parse(comparison.graphile) as object,
            );
            if (answer.errors)
              throw new Error(
                `PostGraphile refused the ${comparison.name} query: ${JSON.stringify(answer.errors)}`,
              );
            runs.push([
              'PostGraphile 4.14.1',
              {
                url: graphile.url,
                path: '/graphql',
                headers: {},
                bodies: [comparison.graphile],
                countsStatements: false,
                pid: graphile.child.pid,
              },
            ]);
          }
          // Each server first warmed up under load (not recorded): a fresh process answers its
          // first thousand requests slower, before V8 has optimised them.
          for (const [, spec] of runs) await measureHttp(spec, 16, warmUpSeconds);
          // Side by side at each concurrency, in short rounds taken in turn (the order reversed
          // at every other round), each server's round of median throughput reported: a machine
          // whose speed drifts over the minutes a comparison takes then skews the servers alike,
          // not the one measured last.
          const byTarget = runs.map((): HttpMeasurement[] => []);
          let round = 0;
          for (const c of concurrencies) {
            const rounds = runs.map((): HttpMeasurement[] => []);
            for (let r = 0; r < peerRounds; r++, round++) {
              const order = runs.map((_, i) => i);
              if (round % 2 === 1) order.reverse();
              for (const i of order) {
                const m = await measureHttp(runs[i][1], c, durationSeconds / 3);
                rounds[i].push(m);
              }
            }
            rounds.forEach((measured, i) => {
              const m = medianByThroughput(measured);
              byTarget[i].push(m);
              log(
                `peer ${comparison.name}: ${runs[i][0]} c=${c}: ${m.requestsPerSecond.toFixed(0)} req/s (rounds ${measured.map((x) => x.requestsPerSecond.toFixed(0)).join(', ')}), p50 ${m.latencyMs.p50.toFixed(1)} ms${m.failed ? `, ${m.failed} failed` : ''}`,
              );
            });
          }
          runs.forEach(([target], i) => rows.push({ target, measurements: byTarget[i] }));
          peers.push({ name: comparison.name, description: comparison.description, rows });
        }
      } finally {
        await graphile?.close();
        await pgServer.close();
        await kinerja.close();
      }
    }
  } finally {
    await app.close();
  }

  // EXPLAIN of the hot queries, on the dataset asked for (province in the full run).
  let explain: BenchResults['explain'];
  const explainOn = explainDataset ?? datasetName;
  {
    const target =
      explainOn === datasetName ? dataset : await ensureDataset(adminUrl, DATASETS[explainOn], log);
    const t = await findSubjects(target.url);
    const eapp = await startKinerja(target.url);
    try {
      const hr = await signIn(eapp.url, t.logins.hrAdmin, t.logins.password);
      const busiest = await signIn(eapp.url, t.busiestSupervisor.nip, t.logins.password);
      const post = (token: string, query: string, variables: Record<string, unknown>) =>
        postJson(`${eapp.url}/graphql`, { query, variables }, { authorization: `Bearer ${token}` });
      const common = { period: t.periodId, checkpoint: t.checkpoint };
      const ops: [string, () => Promise<unknown>][] = [
        ['reviewQueue', () => post(busiest, Q.REVIEW_QUEUE, { n: 10 })],
        ['employees', () => post(hr, Q.EMPLOYEES, { unit: t.largestOpd.id, first: 50 })],
        ['unitSummary', () => post(hr, Q.UNIT_SUMMARY, { unit: t.largestOpd.id, ...common })],
        ['distribution', () => post(hr, Q.DISTRIBUTION, { unit: t.opdIds[0], ...common })],
        [
          'unitDashboard',
          async () => {
            const em = eapp.orm.em.fork();
            const ctx = {
              em,
              loaders: createLoaders(em),
              config: loadConfig({ NODE_ENV: 'test' }),
              bus: eapp.bus,
              freshEm: () => eapp.orm.em.fork(),
            } as unknown as Context;
            await unitSummary(
              ctx,
              await em.findOneOrFail(OrgUnit, { id: t.largestOpd.id }),
              t.periodId,
              eapp.bus.lastEventId,
            );
          },
        ],
      ];
      const statements: { operation: string; sql: string }[] = [];
      for (const [operation, fn] of ops) {
        for (const sql of await captureSql(eapp.orm, fn)) statements.push({ operation, sql });
      }
      const explained = await explainAll(target.url, statements);
      const sizes = await tableSizes(target.url);
      const largeSeqScans = explained.flatMap((e) =>
        e.seqScans
          .filter((scan) => (sizes.get(scan.table) ?? 0) >= 10_000)
          .map((scan) => ({
            operation: e.operation,
            table: scan.table,
            rows: scan.rows,
            sql: e.sql,
          })),
      );
      explain = { dataset: explainOn, statements: explained, largeSeqScans };
      log(
        `explained ${explained.length} statements on ${explainOn}; ${largeSeqScans.length} sequential scans of tables of 10,000+ rows`,
      );
    } finally {
      await eapp.close();
    }
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine,
    durationSeconds,
    dataset,
    subjects: {
      largestOpd: `${s.largestOpd.name} (${s.largestOpd.employees})`,
      largestUnit: `${s.largestLeaf.name} (${s.largestLeaf.employees})`,
      opds: s.opdIds.length,
      busiestSupervisorReports: s.busiestSupervisor.reports,
      checkpoint: s.checkpoint,
    },
    queries,
    statementsByLength,
    unitSummaryInProcess: unitSummaryInProcess!,
    peers,
    dataLoadersOff,
    fanout,
    explain,
    notes,
    totalSeconds: (Date.now() - started) / 1000,
  };
  const resultsDir = path.join(serverRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${results.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const report = path.join(repoRoot, 'BENCHMARKS.md');
  fs.writeFileSync(report, writeReport(results));
  // The repository's lint checks Markdown with Prettier: format the report the same way.
  try {
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'prettier'), ['--write', report], {
      stdio: 'ignore',
    });
  } catch {
    log('prettier was not found or failed; BENCHMARKS.md is left unformatted');
  }
  log(
    `wrote ${path.relative(repoRoot, file)} and BENCHMARKS.md in ${results.totalSeconds.toFixed(0)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
