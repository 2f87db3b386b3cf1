import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityStatus, MonthlyReportStatus } from '../src/modules/activities/activities.enums.js';
import { Activity, MonthlyReport } from '../src/modules/activities/activity.entity.js';
import { EmploymentType, JobType, Sex } from '../src/modules/directory/directory.enums.js';
import { Employee } from '../src/modules/directory/employee.entity.js';
import { buildNip } from '../src/modules/directory/nip.rules.js';
import { Period } from '../src/modules/planning/period.entity.js';
import { todayInDenpasar } from '../src/kernel/calendar.js';
import { Indicator, PerformancePlan, WorkResult } from '../src/modules/planning/plan.entity.js';
import {
  PlanStatus,
  ResultAspect,
  WorkResultKind,
} from '../src/modules/planning/planning.enums.js';
import {
  countStatements,
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

/**
 * The review queue of a supervisor (pejabat penilai) over the API, on fixtures written in bulk:
 * the same nested query costs as many SQL statements for a team of 30 as for a team of 3, and
 * lists the right people, in the right order, with the right items.
 *
 * Each direct report has an APPROVED plan for this year's period with one RHK and one
 * quantitative IKI, one approved activity (not waiting any more) and 2–6 activities waiting for
 * review; every third has a submitted monthly report, every fifteenth a plan for next year
 * waiting for approval. Who waits longest is a fixed permutation of the report order.
 */

/** The query the planning issue names. */
const NESTED = `{ reviewQueue { total people(first: 30) { nodes {
  employee { name orgUnit { name } supervisor { name } }
  count
  plansAwaitingApproval { id status employee { name } workResults { text indicators { text progress } } }
  activitiesAwaitingReview { id date output indicator { text targetValue } plan { status } employee { name } }
  monthlyReportsAwaitingVerification { month employee { name } }
} } } }`;

/**
 * The same fields as {@link NESTED} in two queries that each fit the server's cost limit
 * (20,000: every list without `first` counts as 10 items, so four nested lists with two fields
 * at the bottom cost 20,000 on their own): without the IKI's progress, and the progress alone.
 */
const NESTED_PARTS = [
  NESTED.replace('indicators { text progress }', 'indicators { text }'),
  '{ reviewQueue { people(first: 30) { nodes { plansAwaitingApproval { workResults { indicators { progress } } } } } } }',
];

const CONTENT = `query($per: Int) { reviewQueue(activitiesPerPerson: $per) {
  total plansAwaitingApproval activitiesAwaitingReview monthlyReportsAwaitingVerification
  people(first: 30) { nodes {
    employee { id name orgUnit { name } supervisor { name } }
    count activityCount oldestWaitingSince
    plansAwaitingApproval { id status employee { name } workResults { text indicators { text } } }
    activitiesAwaitingReview { id date output evidenceUrls indicator { text targetValue } plan { id status } employee { name } }
    monthlyReportsAwaitingVerification { month employee { name } }
  } }
} }`;

const PLAN_PROGRESS = `{ reviewQueue { people(first: 30) { nodes { employee { id }
  plansAwaitingApproval { id workResults { indicators { progress } } } } } } }`;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const today = todayInDenpasar(now);
const YEAR = Number(today.slice(0, 4));
/** Everybody in a queue started waiting within the 30 hours after this. */
const WAITING_FROM = new Date(now.getTime() - 3 * 24 * HOUR);

interface Report {
  id: string;
  name: string;
  unitName: string;
  /** 0 = waiting longest. */
  rank: number;
  waitingSince: Date;
  planId: string;
  indicator: { text: string; targetValue: number };
  /** SUBMITTED activities, oldest first. */
  activities: { id: string; date: string }[];
  nextYearPlan: { id: string; workResult: string; indicator: string } | null;
  reportMonth: number | null;
}

interface Team {
  supervisor: { id: string; nip: string; name: string };
  token: string;
  reports: Report[];
}

let t: TestApp;
let dir: TestDirectory;
let big: Team;
let small: Team;

const queueOf = (team: Team, query: string, variables: Record<string, unknown> = {}) =>
  gql(t.url, query, variables, { token: team.token });

/** A date `days` before today, not before 1 January of this year (the period). */
function daysAgo(days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const iso = date.toISOString().slice(0, 10);
  return iso < `${YEAR}-01-01` ? `${YEAR}-01-01` : iso;
}

function periodRow(year: number) {
  return {
    year,
    name: `Periode Penilaian ${year}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    planningOpensOn: `${year}-01-01`,
    planningClosesOn: `${year}-01-31`,
    evaluationOpensOn: `${year}-12-01`,
    evaluationClosesOn: `${year + 1}-01-31`,
  };
}

/**
 * Gives `supervisorNip` exactly `size` direct reports with work waiting (existing reports first,
 * then new employees of the supervisor's unit) and writes their plans, activities and reports.
 */
async function buildTeam(
  em: EntityManager,
  supervisorNip: string,
  size: number,
  periods: { current: Period; next: Period },
  usedNips: Set<string>,
  label: string,
): Promise<Omit<Team, 'token'>> {
  const supervisor = await em.findOneOrFail(
    Employee,
    { nip: supervisorNip },
    { populate: ['orgUnit'] },
  );
  expect(supervisor.jobType).toBe(JobType.SUPERVISOR);
  const existing = await em.find(
    Employee,
    { supervisor, active: true },
    { populate: ['orgUnit'], orderBy: { name: 'asc', id: 'asc' }, limit: size },
  );
  const people = [...existing];
  for (let i = people.length; i < size; i++) {
    const sex = i % 2 === 0 ? Sex.FEMALE : Sex.MALE;
    const birthDate = `199${i % 10}-0${1 + (i % 9)}-${10 + (i % 18)}`;
    const nipWith = (sequence: number) =>
      buildNip({ kind: 'PNS', birthDate, appointment: '2018-03', sex, sequence });
    let sequence = 1;
    while (usedNips.has(nipWith(sequence))) sequence += 1;
    const nip = nipWith(sequence);
    usedNips.add(nip);
    people.push(
      em.create(Employee, {
        nip,
        name: `${sex === Sex.FEMALE ? 'Ni Luh' : 'I Made'} Penguji ${label} ${i + 1}`,
        employmentType: EmploymentType.PNS,
        sex,
        birthDate,
        rank: 'II/c',
        jobType: JobType.EXECUTOR,
        positionTitle: 'Pengadministrasi Perkantoran',
        orgUnit: supervisor.orgUnit,
        supervisor,
      }),
    );
  }

  const reports: Report[] = people.map((employee, i) => {
    const rank = (i * 7) % size; // 7 is coprime with 3 and 30: a permutation of 0..size-1
    const waitingSince = new Date(WAITING_FROM.getTime() + rank * HOUR);
    const target = 10 + i;
    const indicatorText = `Jumlah dokumen ${label} ${i + 1} yang diselesaikan`;
    const plan = em.create(PerformancePlan, {
      employee,
      period: periods.current,
      assessor: supervisor,
      orgUnit: employee.orgUnit,
      positionTitle: employee.positionTitle,
      jobType: employee.jobType,
      status: PlanStatus.APPROVED,
      approvedCount: 1,
      submittedAt: new Date(WAITING_FROM.getTime() - 40 * 24 * HOUR),
      approvedAt: new Date(WAITING_FROM.getTime() - 39 * 24 * HOUR),
    });
    const workResult = em.create(WorkResult, {
      plan,
      kind: WorkResultKind.MAIN,
      text: `Tersusunnya dokumen ${label} ${i + 1}`,
    });
    const indicator = em.create(Indicator, {
      workResult,
      aspect: ResultAspect.QUANTITY,
      text: indicatorText,
      targetValue: target,
      targetUnit: 'Dokumen',
    });
    const activityFields = {
      employee,
      plan,
      assessor: supervisor,
      indicator,
      durationMinutes: 60,
      evidenceUrls: [`https://drive.denpasarkota.go.id/${label}/${i + 1}`],
    };
    // Reviewed already, and older than everything waiting: must not be listed or counted.
    em.create(Activity, {
      ...activityFields,
      date: daysAgo(20),
      description: 'Dokumen yang sudah disetujui',
      output: 3,
      status: ActivityStatus.APPROVED,
      reviewedByEmployeeId: supervisor.id,
      reviewedAt: new Date(WAITING_FROM.getTime() - 24 * HOUR),
      createdAt: new Date(WAITING_FROM.getTime() - 2 * 24 * HOUR),
    });
    const waiting = 2 + (i % 5);
    const activities = Array.from({ length: waiting }, (_, k) => {
      const activity = em.create(Activity, {
        ...activityFields,
        date: daysAgo(4 + waiting - k),
        description: `Menyusun dokumen ke-${k + 1}`,
        output: 1,
        status: ActivityStatus.SUBMITTED,
        createdAt: new Date(waitingSince.getTime() + k * MINUTE),
      });
      return { id: activity.id, date: activity.date };
    });

    let nextYearPlan: Report['nextYearPlan'] = null;
    if (i % 15 === 0) {
      const next = em.create(PerformancePlan, {
        employee,
        period: periods.next,
        assessor: supervisor,
        orgUnit: employee.orgUnit,
        positionTitle: employee.positionTitle,
        jobType: employee.jobType,
        status: PlanStatus.SUBMITTED,
        submittedAt: new Date(waitingSince.getTime() + 30 * MINUTE),
      });
      const rhk = em.create(WorkResult, {
        plan: next,
        kind: WorkResultKind.MAIN,
        text: `Rencana ${periods.next.year}: dokumen ${label} ${i + 1}`,
      });
      const iki = em.create(Indicator, {
        workResult: rhk,
        aspect: ResultAspect.QUANTITY,
        text: `Dokumen ${periods.next.year} ${label} ${i + 1}`,
        targetValue: 24,
        targetUnit: 'Dokumen',
      });
      nextYearPlan = { id: next.id, workResult: rhk.text, indicator: iki.text };
    }

    let reportMonth: number | null = null;
    if (i % 3 === 0) {
      reportMonth = Number(activities[0].date.slice(5, 7));
      em.create(MonthlyReport, {
        employee,
        plan,
        assessor: supervisor,
        month: reportMonth,
        status: MonthlyReportStatus.SUBMITTED,
        submittedAt: new Date(waitingSince.getTime() + 45 * MINUTE),
      });
    }

    return {
      id: employee.id,
      name: employee.name,
      unitName: employee.orgUnit.name,
      rank,
      waitingSince,
      planId: plan.id,
      indicator: { text: indicatorText, targetValue: target },
      activities,
      nextYearPlan,
      reportMonth,
    };
  });
  await em.flush();
  return {
    supervisor: { id: supervisor.id, nip: supervisor.nip, name: supervisor.name },
    reports,
  };
}

beforeAll(async () => {
  // A day before the first checkpoint ends, so no appraisals are due: the queue holds exactly
  // the plans, activities and monthly reports set up here.
  t = await startTestApp({ clock: () => new Date(`${YEAR}-02-15T03:00:00Z`) });
  dir = await seedDirectory(t.app, 400);
  const employees = dir.directory.employees;
  const reportCount = new Map<string, number>();
  for (const e of employees)
    if (e.supervisorNip)
      reportCount.set(e.supervisorNip, (reportCount.get(e.supervisorNip) ?? 0) + 1);
  // Two pengawas, neither the other's supervisor; the bigger team starts from existing reports.
  const heads = employees
    .filter((e) => e.jobType === 'SUPERVISOR')
    .sort((a, b) => (reportCount.get(b.nip) ?? 0) - (reportCount.get(a.nip) ?? 0));
  const bigHead = heads[0];
  const smallHead = heads.find(
    (e) =>
      e.nip !== bigHead.nip && e.supervisorNip !== bigHead.nip && bigHead.supervisorNip !== e.nip,
  )!;
  const usedNips = new Set(employees.map((e) => e.nip));

  const built = await t.app.orm.em.fork().transactional(async (em) => {
    const current = em.create(Period, periodRow(YEAR));
    const next = em.create(Period, periodRow(YEAR + 1));
    const periods = { current, next };
    return {
      big: await buildTeam(em, bigHead.nip, 30, periods, usedNips, 'A'),
      small: await buildTeam(em, smallHead.nip, 3, periods, usedNips, 'B'),
    };
  });
  big = { ...built.big, token: await signIn(t.url, bigHead.nip, dir.password) };
  small = { ...built.small, token: await signIn(t.url, smallHead.nip, dir.password) };
});
afterAll(async () => {
  await t?.close();
});

describe('the review queue of a supervisor', () => {
  /** SQL statements of `queries` run one after the other by the team's supervisor. */
  async function statementsOf(team: Team, queries: string[]): Promise<number> {
    let total = 0;
    for (const query of queries) {
      let result: Awaited<ReturnType<typeof queueOf>> | undefined;
      total += await countStatements(async () => {
        result = await queueOf(team, query);
      });
      expect(result!.errors, JSON.stringify(result!.errors)).toBeUndefined();
      expect(result!.data!.reviewQueue.people.nodes).toHaveLength(team.reports.length);
    }
    return total;
  }

  async function warmUp() {
    // Each session's last-seen time is written on its first request.
    for (const team of [small, big]) await queueOf(team, '{ reviewQueue { total } }');
  }

  it('runs the nested query in as many SQL statements for 30 direct reports as for 3', async () => {
    await warmUp();
    const three = await statementsOf(small, [NESTED]);
    const thirty = await statementsOf(big, [NESTED]);
    expect(thirty).toBe(three);
  });

  it('brings the people, their units, activities and IKI with the queue: three statements, plus one for monthly reports', async () => {
    await warmUp();
    const ACTIVITIES = `{ reviewQueue { total people(first: 30) { nodes {
      employee { name orgUnit { name } } activitiesAwaitingReview { id indicator { text targetValue } }
    } } } }`;
    // The counts with the short lists and the checkpoint due, the activities with their IKI, the
    // people with their units and plans; every third person has a monthly report waiting.
    expect(await statementsOf(big, [ACTIVITIES])).toBe(4);
  });

  it('runs the nested query, split to fit the cost limit, in as many statements for 30 as for 3', async () => {
    await warmUp();
    const three = await statementsOf(small, NESTED_PARTS);
    const thirty = await statementsOf(big, NESTED_PARTS);
    expect(thirty).toBe(three);
  });

  it('lists every direct report with work waiting, the one waiting longest first', async () => {
    for (const team of [big, small]) {
      const result = await queueOf(team, CONTENT, { per: 50 });
      expect(result.errors).toBeUndefined();
      const queue = result.data!.reviewQueue;
      const expected = [...team.reports].sort((a, b) => a.rank - b.rank);
      const plans = team.reports.filter((r) => r.nextYearPlan).length;
      const activities = team.reports.reduce((n, r) => n + r.activities.length, 0);
      const monthly = team.reports.filter((r) => r.reportMonth !== null).length;
      expect(queue).toMatchObject({
        total: plans + activities + monthly,
        plansAwaitingApproval: plans,
        activitiesAwaitingReview: activities,
        monthlyReportsAwaitingVerification: monthly,
      });
      expect(queue.people.nodes.map((p: any) => p.employee.id)).toEqual(expected.map((r) => r.id));

      for (const [index, person] of queue.people.nodes.entries()) {
        const report = expected[index];
        expect(person.employee).toEqual({
          id: report.id,
          name: report.name,
          orgUnit: { name: report.unitName },
          supervisor: { name: team.supervisor.name },
        });
        expect(new Date(person.oldestWaitingSince).getTime()).toBe(report.waitingSince.getTime());
        expect(person.activityCount).toBe(report.activities.length);
        expect(person.count).toBe(
          report.activities.length + (report.nextYearPlan ? 1 : 0) + (report.reportMonth ? 1 : 0),
        );
        expect(person.activitiesAwaitingReview).toEqual(
          report.activities.map((a) => ({
            id: a.id,
            date: a.date,
            output: 1,
            evidenceUrls: [expect.stringMatching(/^https:\/\/drive\.denpasarkota\.go\.id\//)],
            indicator: report.indicator,
            plan: { id: report.planId, status: 'APPROVED' },
            employee: { name: report.name },
          })),
        );
        expect(person.plansAwaitingApproval).toEqual(
          report.nextYearPlan
            ? [
                {
                  id: report.nextYearPlan.id,
                  status: 'SUBMITTED',
                  employee: { name: report.name },
                  workResults: [
                    {
                      text: report.nextYearPlan.workResult,
                      indicators: [{ text: report.nextYearPlan.indicator }],
                    },
                  ],
                },
              ]
            : [],
        );
        expect(person.monthlyReportsAwaitingVerification).toEqual(
          report.reportMonth
            ? [{ month: report.reportMonth, employee: { name: report.name } }]
            : [],
        );
      }
    }
  });

  it('pages through the people, the longest waiting first, each page in the same SQL', async () => {
    const PAGE = `query($after: String) { reviewQueue(activitiesPerPerson: 2) {
      activitiesAwaitingReview
      people(first: 7, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { employee { id } activityCount activitiesAwaitingReview { id } }
      }
    } }`;
    await warmUp();
    const expected = [...big.reports].sort((a, b) => a.rank - b.rank);
    const seen: string[] = [];
    const statements: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      let result: Awaited<ReturnType<typeof queueOf>> | undefined;
      statements.push(
        await countStatements(async () => {
          result = await queueOf(big, PAGE, { after });
        }),
      );
      expect(result!.errors).toBeUndefined();
      const people = result!.data!.reviewQueue.people;
      expect(people.totalCount).toBe(big.reports.length);
      for (const person of people.nodes) {
        const report = expected[seen.length];
        expect(person.employee.id).toBe(report.id);
        expect(person.activityCount).toBe(report.activities.length);
        expect(person.activitiesAwaitingReview.map((a: any) => a.id)).toEqual(
          report.activities.slice(0, 2).map((a) => a.id),
        );
        seen.push(person.employee.id);
      }
      if (!people.pageInfo.hasNextPage) break;
      after = people.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.id));
    // 30 people in pages of 7: four full pages and a last one of 2. A page costs no more than
    // the whole team in one page (a page without, say, monthly reports skips that statement).
    expect(statements).toHaveLength(5);
    const whole = await countStatements(async () => {
      await queueOf(big, PAGE.replace('first: 7', 'first: 30'), { after: null });
    });
    for (const n of statements) expect(n).toBeLessThanOrEqual(whole);

    const bad = await queueOf(big, PAGE, { after: 'not-a-cursor' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows the progress of each IKI of a plan waiting for approval', async () => {
    for (const team of [big, small]) {
      const result = await queueOf(team, PLAN_PROGRESS);
      expect(result.errors).toBeUndefined();
      const byId = new Map(team.reports.map((r) => [r.id, r]));
      for (const person of result.data!.reviewQueue.people.nodes) {
        const plan = byId.get(person.employee.id)!.nextYearPlan;
        // Nothing approved yet against next year's IKI: 0 of the target.
        expect(person.plansAwaitingApproval).toEqual(
          plan ? [{ id: plan.id, workResults: [{ indicators: [{ progress: 0 }] }] }] : [],
        );
      }
    }
  });

  it('caps the activities listed per person and keeps the total in activityCount', async () => {
    const result = await queueOf(big, CONTENT, { per: 3 });
    expect(result.errors).toBeUndefined();
    const queue = result.data!.reviewQueue;
    const byId = new Map(big.reports.map((r) => [r.id, r]));
    expect(queue.activitiesAwaitingReview).toBe(
      big.reports.reduce((n, r) => n + r.activities.length, 0),
    );
    let capped = 0;
    for (const person of queue.people.nodes) {
      const report = byId.get(person.employee.id)!;
      expect(person.activityCount).toBe(report.activities.length);
      expect(person.activitiesAwaitingReview.map((a: any) => a.id)).toEqual(
        report.activities.slice(0, 3).map((a) => a.id),
      );
      if (report.activities.length > 3) capped += 1;
    }
    expect(capped).toBeGreaterThan(0);

    const none = await queueOf(big, CONTENT, { per: 0 });
    expect(none.data!.reviewQueue.people.nodes[0].activitiesAwaitingReview).toEqual([]);
    expect(none.data!.reviewQueue.people.nodes[0].activityCount).toBeGreaterThan(0);
    const tooMany = await queueOf(big, CONTENT, { per: 501 });
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'activitiesPerPerson',
    });
  });

  it('answers every field of a waiting activity and its IKI as the plan’s own activity list does', async () => {
    const FIELDS = `id createdAt date description durationMinutes evidenceUrls output status reviewNote
      reviewedAt version plan { id } employee { id }
      indicator { id aspect position text targetText targetUnit targetValue quantitative }`;
    const queue = await queueOf(
      big,
      `{ reviewQueue(activitiesPerPerson: 50) { people(first: 3) { nodes {
        employee { id } activitiesAwaitingReview { ${FIELDS} } } } } }`,
    );
    expect(queue.errors).toBeUndefined();
    const people = queue.data!.reviewQueue.people.nodes;
    expect(people.length).toBe(3);
    for (const person of people) {
      const planId = person.activitiesAwaitingReview[0].plan.id;
      const own = await queueOf(
        big,
        `query($plan: ID!) { activities(planId: $plan, status: SUBMITTED, first: 50) { nodes { ${FIELDS} } } }`,
        { plan: planId },
      );
      expect(own.errors).toBeUndefined();
      const byId = new Map(own.data!.activities.nodes.map((a: any) => [a.id, a]));
      expect(person.activitiesAwaitingReview.length).toBe(byId.size);
      for (const activity of person.activitiesAwaitingReview) {
        expect(activity).toEqual(byId.get(activity.id));
      }
      expect(person.activitiesAwaitingReview[0].indicator).not.toBeNull();
    }
  });

  it('reads only the activity fields asked for, and gives them the same values as when all are', async () => {
    const ALL = `id createdAt date description durationMinutes evidenceUrls output status reviewNote
      reviewedAt version plan { id } employee { id } indicator { id text }`;
    const full = await queueOf(
      big,
      `{ reviewQueue(activitiesPerPerson: 5) { people(first: 4) { nodes {
        employee { id } activitiesAwaitingReview { ${ALL} } } } } }`,
    );
    expect(full.errors).toBeUndefined();
    const fullById = new Map(
      full.data!.reviewQueue.people.nodes.flatMap((p: any) =>
        p.activitiesAwaitingReview.map((a: any) => [a.id, a]),
      ),
    );
    expect(fullById.size).toBeGreaterThan(4);
    // A few fields, through a fragment and through edges, the IKI by its id alone.
    let narrow: Awaited<ReturnType<typeof queueOf>> | undefined;
    const statements = await countStatements(async () => {
      narrow = await queueOf(
        big,
        `{ reviewQueue(activitiesPerPerson: 5) { people(first: 4) { edges { node {
          employee { id } activitiesAwaitingReview { ...A when: date }
        } } } } }
        fragment A on Activity { id status plan { id } indicator { __typename id } }`,
      );
    });
    expect(narrow!.errors).toBeUndefined();
    const nodes = narrow!.data!.reviewQueue.people.edges.map((e: any) => e.node);
    expect(nodes.flatMap((n: any) => n.activitiesAwaitingReview)).toHaveLength(fullById.size);
    for (const activity of nodes.flatMap((n: any) => n.activitiesAwaitingReview)) {
      const all = fullById.get(activity.id) as any;
      expect(activity).toEqual({
        id: all.id,
        status: all.status,
        plan: all.plan,
        indicator: all.indicator && { __typename: 'Indicator', id: all.indicator.id },
        when: all.date,
      });
    }
    expect(nodes.some((n: any) => n.activitiesAwaitingReview.some((a: any) => a.indicator))).toBe(
      true,
    );
    // No IKI is read for ids alone: the counts with the short lists, the activities, the people
    // (the plans each activity names come through one batch), and the monthly reports waiting.
    expect(statements).toBe(5);
  });

  it('reads only the person and plan fields asked for, and answers the same person in full wherever else the operation reaches them', async () => {
    const PERSON =
      'id nip name email phone birthDate positionTitle rank jobType sex active version';
    const PLAN = 'id status version positionTitle jobType approvedCount submittedAt createdAt';
    const full = await queueOf(
      big,
      `{ reviewQueue(activitiesPerPerson: 1) { people(first: 30) { nodes {
        employee { ${PERSON} } plansAwaitingApproval { ${PLAN} }
        appraisalsToComplete { plan { ${PLAN} } } } } } }`,
    );
    expect(full.errors).toBeUndefined();
    const people = full.data!.reviewQueue.people.nodes;
    const personById = new Map(people.map((p: any) => [p.employee.id, p.employee]));
    const plans = people.flatMap((p: any) => [
      ...p.plansAwaitingApproval,
      ...p.appraisalsToComplete.map((a: any) => a.plan),
    ]);
    expect(plans.some((p: any) => p.status === 'SUBMITTED')).toBe(true);
    const planById = new Map<string, any>(plans.map((p: any) => [p.id, p]));

    // The queue asks for little of each person and plan; in the same operation each activity asks
    // for everything of the same person (through the loader the queue does not prime with partial
    // records), and the plans for everything of themselves.
    const narrow = await queueOf(
      big,
      `{ reviewQueue(activitiesPerPerson: 1) { people(first: 30) { nodes {
        employee { name } plansAwaitingApproval { id } appraisalsToComplete { plan { id status } }
        activitiesAwaitingReview { employee { ${PERSON} } }
      } } }
      again: reviewQueue(activitiesPerPerson: 0) { people(first: 30) { nodes {
        plansAwaitingApproval { ${PLAN} } appraisalsToComplete { plan { ${PLAN} } } } } } }`,
    );
    expect(narrow.errors).toBeUndefined();
    const nodes = narrow.data!.reviewQueue.people.nodes;
    expect(nodes.map((n: any) => n.employee.name)).toEqual(people.map((p: any) => p.employee.name));
    for (const node of nodes) {
      expect(node.employee).toEqual({ name: expect.any(String) });
      for (const activity of node.activitiesAwaitingReview)
        expect(activity.employee).toEqual(personById.get(activity.employee.id));
      for (const todo of node.appraisalsToComplete)
        expect(todo.plan).toEqual({ id: todo.plan.id, status: planById.get(todo.plan.id)!.status });
    }
    const again = narrow.data!.again.people.nodes.flatMap((p: any) => [
      ...p.plansAwaitingApproval,
      ...p.appraisalsToComplete.map((a: any) => a.plan),
    ]);
    expect(again).toHaveLength(plans.length);
    for (const plan of again) expect(plan).toEqual(planById.get(plan.id));
  });
});
