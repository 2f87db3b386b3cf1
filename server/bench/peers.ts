import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/** What the hand-written server is asked: one of the two benchmarked pages. */
export type HandWrittenRequest =
  | { kind: 'employees'; unitId: string; first: number }
  | { kind: 'reviewQueue'; assessorId: string; people: number; activitiesPerPerson: number }
  | { kind: 'appraisals'; opdId: string; periodId: string; checkpoint: string; first: number };

/**
 * The limit: the same pages as Kinerja's (the employee page with unit, supervisor and total; the
 * review queue's counts and its first page of people with their waiting items) answered by
 * hand-written SQL through `pg` behind a bare `node:http` server, GraphQL-shaped JSON out.
 * No sign-in, no GraphQL parsing or validation, no access checks: what is left is HTTP, SQL
 * and JSON.
 */
export async function startHandWrittenSql(
  databaseUrl: string,
  poolSize: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const ask = JSON.parse(Buffer.concat(chunks).toString()) as HandWrittenRequest;
          const data =
            ask.kind === 'reviewQueue'
              ? await handWrittenReviewQueue(pool, ask)
              : ask.kind === 'appraisals'
                ? await handWrittenAppraisals(pool, ask)
                : await handWrittenEmployees(pool, ask);
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data }));
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function handWrittenEmployees(
  pool: pg.Pool,
  { unitId, first }: { unitId: string; first: number },
) {
  const unit = await pool.query<{ path: string }>('select path from org_unit where id = $1', [
    unitId,
  ]);
  const like = `${unit.rows[0].path}%`;
  const [page, total] = await Promise.all([
    pool.query(
      `select e.id, e.nip, e.name, e.position_title, u.id as unit_id, u.name as unit_name,
              s.id as supervisor_id, s.name as supervisor_name
         from employee e
         join org_unit u on u.id = e.org_unit_id
         left join employee s on s.id = e.supervisor_id
        where e.active and u.path like $1
        order by e.name, e.id
        limit $2`,
      [like, first],
    ),
    pool.query<{ n: number }>(
      `select count(*)::int as n from employee e join org_unit u on u.id = e.org_unit_id
        where e.active and u.path like $1`,
      [like],
    ),
  ]);
  const nodes = page.rows.map((r: Record<string, string | null>) => ({
    id: r.id,
    nip: r.nip,
    name: r.name,
    positionTitle: r.position_title,
    orgUnit: { id: r.unit_id, name: r.unit_name },
    supervisor: r.supervisor_id ? { id: r.supervisor_id, name: r.supervisor_name } : null,
  }));
  return { employees: { totalCount: total.rows[0].n, nodes } };
}

/** The final appraisals of an OPD at a checkpoint, first page by id, with NIP and name. */
async function handWrittenAppraisals(
  pool: pg.Pool,
  ask: { opdId: string; periodId: string; checkpoint: string; first: number },
) {
  const where = `a.opd_id = $1 and a.period_id = $2 and a.checkpoint = $3 and a.status = 'FINAL'`;
  const params = [ask.opdId, ask.periodId, ask.checkpoint];
  const [page, total] = await Promise.all([
    pool.query<Record<string, string | null>>(
      `select a.id, a.predikat, a.result_rating, a.behaviour_rating, e.nip, e.name
         from appraisal a join employee e on e.id = a.employee_id
        where ${where} order by a.id limit $4`,
      [...params, ask.first],
    ),
    pool.query<{ n: number }>(`select count(*)::int as n from appraisal a where ${where}`, params),
  ]);
  const nodes = page.rows.map((r) => ({
    id: r.id,
    predikat: r.predikat,
    resultRating: r.result_rating,
    behaviourRating: r.behaviour_rating,
    employee: { nip: r.nip, name: r.name },
  }));
  return { appraisals: { totalCount: total.rows[0].n, nodes } };
}

type Row = Record<string, unknown>;

/**
 * The review queue as Kinerja's REVIEW_QUEUE query asks for it, less what needs the period's
 * calendar (appraisals due) and the short lists (360 requests, appeals, explanations): who is
 * waiting and for what, oldest first, then for the first page of them their employee and unit,
 * their oldest unreviewed activities, submitted plans and monthly reports.
 */
async function handWrittenReviewQueue(
  pool: pg.Pool,
  ask: { assessorId: string; people: number; activitiesPerPerson: number },
) {
  const waiting = await pool.query<Row>(
    `select employee_id, min(since) as since, sum(plans)::int as plans,
            sum(activities)::int as activities, sum(monthly_reports)::int as monthly_reports
       from (
         select employee_id, coalesce(submitted_at, updated_at) as since, 1 as plans,
                0 as activities, 0 as monthly_reports
           from performance_plan where assessor_id = $1 and status = 'SUBMITTED'
         union all
         -- The waiting activities as Kinerja counts them: per person, kept by PostgreSQL.
         select employee_id, oldest, 0, waiting, 0
           from waiting_activity_count where assessor_id = $1
         union all
         select employee_id, submitted_at, 0, 0, 1
           from monthly_report where assessor_id = $1 and status = 'SUBMITTED'
       ) w
      group by employee_id
      order by min(since), employee_id`,
    [ask.assessorId],
  );
  const page = waiting.rows.slice(0, ask.people);
  const ids = page.map((w) => w.employee_id as string);
  const [people, activities, plans, reports] = await Promise.all([
    pool.query<Row>(
      `select e.id, e.nip, e.name, e.position_title, u.id as unit_id, u.name as unit_name
         from employee e join org_unit u on u.id = e.org_unit_id where e.id = any($1::uuid[])`,
      [ids],
    ),
    pool.query<Row>(
      `select id, employee_id, to_char(date, 'YYYY-MM-DD') as date, description, output, status,
              indicator_id
         from (
           select a.*, row_number() over (partition by a.employee_id order by a.created_at, a.id) as r
             from activity a
            where a.assessor_id = $1 and a.status = 'SUBMITTED' and a.employee_id = any($2::uuid[])
         ) ranked
        where r <= $3
        order by created_at, id`,
      [ask.assessorId, ids, ask.activitiesPerPerson],
    ),
    pool.query<Row>(
      `select id, status, employee_id from performance_plan
        where assessor_id = $1 and status = 'SUBMITTED' and employee_id = any($2::uuid[])`,
      [ask.assessorId, ids],
    ),
    pool.query<Row>(
      `select id, employee_id from monthly_report
        where assessor_id = $1 and status = 'SUBMITTED' and employee_id = any($2::uuid[])`,
      [ask.assessorId, ids],
    ),
  ]);
  const of = <T>(rows: Row[], map: (r: Row) => T) => {
    const by = new Map<string, T[]>();
    for (const r of rows) {
      const list = by.get(r.employee_id as string) ?? [];
      list.push(map(r));
      by.set(r.employee_id as string, list);
    }
    return by;
  };
  const employees = new Map(people.rows.map((r) => [r.id as string, r]));
  const activityList = of(activities.rows, (r) => ({
    id: r.id,
    date: r.date,
    description: r.description,
    output: r.output,
    status: r.status,
    indicator: r.indicator_id ? { id: r.indicator_id } : null,
  }));
  const planList = of(plans.rows, (r) => ({ id: r.id, status: r.status }));
  const reportList = of(reports.rows, (r) => ({ id: r.id }));
  const sum = (key: string) => waiting.rows.reduce((t, w) => t + (w[key] as number), 0);
  return {
    reviewQueue: {
      total: sum('plans') + sum('activities') + sum('monthly_reports'),
      plansAwaitingApproval: sum('plans'),
      activitiesAwaitingReview: sum('activities'),
      monthlyReportsAwaitingVerification: sum('monthly_reports'),
      people: {
        totalCount: waiting.rows.length,
        nodes: page.map((w) => {
          const e = employees.get(w.employee_id as string)!;
          const id = w.employee_id as string;
          return {
            count: (w.plans as number) + (w.activities as number) + (w.monthly_reports as number),
            activityCount: w.activities,
            oldestWaitingSince: new Date(w.since as string).toISOString(),
            employee: {
              id,
              nip: e.nip,
              name: e.name,
              positionTitle: e.position_title,
              orgUnit: { id: e.unit_id, name: e.unit_name },
            },
            activitiesAwaitingReview: activityList.get(id) ?? [],
            plansAwaitingApproval: planList.get(id) ?? [],
            monthlyReportsAwaitingVerification: reportList.get(id) ?? [],
          };
        }),
      },
    },
  };
}

/**
 * PostGraphile 4 (its CLI, in a child process) over the same database, for a peer: reads the
 * public schema by introspection and serves /graphql. Resolves once it answers.
 */
export async function startPostGraphile(
  databaseUrl: string,
  port: number,
  poolSize: number,
  log: (line: string) => void,
): Promise<{ url: string; child: ChildProcess; close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('postgraphile/package.json')), 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '--connection',
      databaseUrl,
      '--schema',
      'public',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--max-pool-size',
      String(poolSize),
      '--disable-query-log',
      '--disable-graphiql',
      '--no-setof-functions-contain-nulls',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostGraphile exited: ${output.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`PostGraphile did not answer within 60 s: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`PostGraphile 4 answering on ${url}`);
  return {
    url,
    child,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
