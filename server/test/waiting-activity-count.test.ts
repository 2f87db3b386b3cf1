import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Employee } from '../src/modules/directory/employee.entity.js';
import { Period } from '../src/modules/planning/period.entity.js';
import { PerformancePlan } from '../src/modules/planning/plan.entity.js';
import { PlanStatus } from '../src/modules/planning/planning.enums.js';
import { postgresUrl, seedDirectory, startTestApp, type TestApp } from './helpers.js';

/**
 * The per-person counts of waiting activities that PostgreSQL keeps for the review queue
 * (table waiting_activity_count, triggers of migration WaitingActivityCounts) always equal a
 * count of the activities themselves, whatever statement changes them.
 */

const RECOUNT = `select assessor_id, employee_id, count(*)::int as waiting, min(created_at) as oldest
                   from activity where status = 'SUBMITTED' and assessor_id is not null
                  group by 1, 2 order by 1, 2`;
const KEPT = `select assessor_id, employee_id, waiting, oldest from waiting_activity_count order by 1, 2`;

let t: TestApp;
/** Three people with a plan each; `assessors` are two supervisors. */
let people: { id: string; planId: string }[];
let assessors: [string, string];

const em = (): EntityManager => t.app.orm.em.fork() as EntityManager;
const run = (sql: string, params: unknown[] = []) => em().execute(sql, params);

async function expectCountsKept(): Promise<void> {
  const [kept, counted] = await Promise.all([run(KEPT), run(RECOUNT)]);
  expect(kept).toEqual(counted);
}

/** Inserts waiting activities in one statement: `[person index, minutes after 08:00]` each. */
async function insertWaiting(assessor: string, items: [number, number][]): Promise<string[]> {
  const values = items.map(
    ([person, minutes]) =>
      `(gen_random_uuid(), '${people[person].id}', '${people[person].planId}', '${assessor}',
        '2026-03-02', 'Kegiatan ${person}/${minutes}', '{}', 'SUBMITTED',
        timestamptz '2026-03-02T00:00:00Z' + interval '${minutes} minutes')`,
  );
  const rows = await run(
    `insert into activity (id, employee_id, plan_id, assessor_id, date, description, evidence_urls, status, created_at)
     values ${values.join(', ')} returning id`,
  );
  return rows.map((r) => r.id as string);
}

async function oldestOf(person: number, assessor = assessors[0]): Promise<string[]> {
  const rows = await run(
    `select id from activity where employee_id = ? and assessor_id = ? and status = 'SUBMITTED'
      order by created_at, id`,
    [people[person].id, assessor],
  );
  return rows.map((r) => r.id as string);
}

beforeAll(async () => {
  t = await startTestApp();
  await seedDirectory(t.app, 300);
  const e = em();
  // Any two employees serve as assessors: nothing here asks who supervises whom.
  const staff = await e.find(Employee, {}, { orderBy: { id: 'asc' }, limit: 5 });
  assessors = [staff[3].id, staff[4].id];
  const period = e.create(Period, {
    year: 2026,
    name: 'Periode Penilaian 2026',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    planningOpensOn: '2026-01-01',
    planningClosesOn: '2026-01-31',
    evaluationOpensOn: '2026-12-01',
    evaluationClosesOn: '2027-01-31',
  });
  const plans = staff.slice(0, 3).map((employee) =>
    e.create(PerformancePlan, {
      employee,
      period,
      assessor: assessors[0],
      orgUnit: employee.orgUnit,
      positionTitle: employee.positionTitle,
      jobType: employee.jobType,
      status: PlanStatus.APPROVED,
    }),
  );
  await e.flush();
  people = plans.map((plan) => ({ id: plan.employee.id, planId: plan.id }));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

beforeEach(async () => {
  await run('delete from activity');
});

describe('the waiting activities kept per person', () => {
  it('adds what one statement inserts, person by person, with the oldest of each', async () => {
    await insertWaiting(assessors[0], [
      [0, 30],
      [0, 10],
      [1, 20],
      [0, 50],
      [2, 5],
    ]);
    const kept = await run(KEPT);
    expect(kept).toHaveLength(3);
    const first = kept.find((r) => r.employee_id === people[0].id)!;
    expect(first.waiting).toBe(3);
    expect(new Date(first.oldest as string).toISOString()).toBe('2026-03-02T00:10:00.000Z');
    await expectCountsKept();
    // Activities not waiting, or without an assessor, are not counted.
    await run(
      `insert into activity (id, employee_id, plan_id, assessor_id, date, description, evidence_urls, status)
       values (gen_random_uuid(), ?, ?, ?, '2026-03-03', 'Sudah dinilai', '{}', 'APPROVED'),
              (gen_random_uuid(), ?, ?, null, '2026-03-03', 'Tanpa penilai', '{}', 'SUBMITTED')`,
      [people[1].id, people[1].planId, assessors[0], people[2].id, people[2].planId],
    );
    await expectCountsKept();
  });

  it('finds the next oldest when the oldest is reviewed, and drops a person with none left', async () => {
    await insertWaiting(assessors[0], [
      [0, 10],
      [0, 20],
      [0, 30],
      [1, 15],
    ]);
    const [oldest] = await oldestOf(0);
    await run(`update activity set status = 'APPROVED' where id = ?`, [oldest]);
    const kept = await run(KEPT);
    const first = kept.find((r) => r.employee_id === people[0].id)!;
    expect(first.waiting).toBe(2);
    expect(new Date(first.oldest as string).toISOString()).toBe('2026-03-02T00:20:00.000Z');
    await expectCountsKept();

    // All of person 1's reviewed at once: no row left for them.
    await run(`update activity set status = 'REJECTED' where employee_id = ?`, [people[1].id]);
    expect((await run(KEPT)).map((r) => r.employee_id)).toEqual([people[0].id]);
    await expectCountsKept();

    // Sent back for review again.
    await run(`update activity set status = 'SUBMITTED' where employee_id = ?`, [people[1].id]);
    await expectCountsKept();
  });

  it('follows activities moved to another assessor, edits that change nothing counted, and deletes', async () => {
    await insertWaiting(assessors[0], [
      [0, 10],
      [1, 20],
      [1, 40],
      [2, 30],
    ]);
    // An edit of the text only touches no counter (and changes nothing).
    await run(`update activity set description = 'Diperbaiki' where employee_id = ?`, [
      people[1].id,
    ]);
    await expectCountsKept();
    // The person's supervisor changed: their waiting activities go to the new assessor.
    await run(`update activity set assessor_id = ? where employee_id = ?`, [
      assessors[1],
      people[1].id,
    ]);
    const kept = await run(KEPT);
    expect(kept.filter((r) => r.assessor_id === assessors[1])).toHaveLength(1);
    expect(
      kept
        .filter((r) => r.assessor_id === assessors[0])
        .map((r) => r.employee_id)
        .sort(),
    ).toEqual([people[0].id, people[2].id].sort());
    await expectCountsKept();
    // Withdrawn by deleting the oldest of person 1, then everything of person 2.
    const [oldest] = await oldestOf(1, assessors[1]);
    await run(`delete from activity where id = ?`, [oldest]);
    await run(`delete from activity where employee_id = ?`, [people[2].id]);
    await expectCountsKept();
    expect(await run(KEPT)).toHaveLength(2);
  });

  it('holds one row per person waiting for the assessor, with their count, oldest first', async () => {
    await insertWaiting(assessors[0], [
      [0, 10],
      [0, 20],
      [2, 5],
    ]);
    const rows = await run(
      `select employee_id, waiting from waiting_activity_count where assessor_id = ? order by oldest`,
      [assessors[0]],
    );
    expect(rows).toEqual([
      { employee_id: people[2].id, waiting: 1 },
      { employee_id: people[0].id, waiting: 2 },
    ]);
  });

  // Two transactions at once need two sessions: the embedded PGlite serves every connection from
  // one session, so this runs only against a PostgreSQL server (TEST_DATABASE_URL, as CI does).
  it.runIf(postgresUrl)(
    'stays exact when two transactions review the same person’s oldest activities at once',
    async () => {
      await insertWaiting(assessors[0], [
        [0, 10],
        [0, 20],
        [0, 30],
        [0, 40],
      ]);
      const [a, b] = await oldestOf(0);
      const one = new pg.Client({ connectionString: t.config.databaseUrl! });
      const two = new pg.Client({ connectionString: t.config.databaseUrl! });
      await Promise.all([one.connect(), two.connect()]);
      try {
        await one.query('begin');
        await two.query('begin');
        // The first holds the person's counter until it commits; the second waits for it, then
        // counts with what the first committed: neither removed oldest may come back.
        await one.query(`update activity set status = 'APPROVED' where id = $1`, [a]);
        let secondDone = false;
        const second = two
          .query(`update activity set status = 'APPROVED' where id = $1`, [b])
          .then(() => (secondDone = true));
        // Long enough for the second to be waiting on the counter's lock, as it must.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(secondDone).toBe(false);
        await one.query('commit');
        await second;
        await two.query('commit');
        await expectCountsKept();
        const [row] = await run(KEPT);
        expect(row.waiting).toBe(2);
        expect(new Date(row.oldest as string).toISOString()).toBe('2026-03-02T00:30:00.000Z');
      } finally {
        await Promise.all([one.end(), two.end()]);
      }
    },
  );
});
