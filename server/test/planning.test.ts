import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoEmployee } from '../src/seed/demo-directory.js';
import {
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

/**
 * A whole year for a small team, over the API: the head's plan, plans cascaded two levels and
 * more below it, a refused wrong cascade, revision and approval, activities logged, rejected and
 * approved, monthly reports verified and returned, realisation and progress against values
 * worked out by hand, feedback and replies, a reopened plan, and stale versions refused.
 * "Today" is fixed to 10 December 2026 so the year is the same whenever the test runs.
 */

const YEAR = 2026;
let t: TestApp;
let dir: TestDirectory;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let periodId: string;

// The team: E (pelaksana) → S (kepala seksi) → K (kepala bidang) → H (kepala dinas, JPT) → Sekda.
const team: Record<'E' | 'P' | 'S' | 'K' | 'H' | 'SEKDA', DemoEmployee> = {} as never;

const call = (
  who: keyof typeof team | 'HR',
  query: string,
  variables: Record<string, unknown> = {},
) => gql(t.url, query, variables, { token: tokens[who] });

function ok<T = any>(result: { data?: T; errors?: { message: string }[] }): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

const PLAN_FIELDS = `id status version approvedCount revisionNote reopenReason progress
  assessor { nip } workResults { id kind text parent { id } progress
    indicators { id aspect targetValue targetUnit targetText quantitative progress
      realisations { checkpoint value progress text } } }
  behaviourExpectations { value expectation }
  approvedVersions { number reopenReason }`;

const CREATE = `mutation($p: ID!) { createPerformancePlan(periodId: $p) { ${PLAN_FIELDS} } }`;
const ADD = `mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { ${PLAN_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_FIELDS} } }`;
const PLAN = `query($id: ID!) { performancePlan(id: $id) { ${PLAN_FIELDS} } }`;
const LOG = `mutation($input: ActivityInput!) { logActivity(input: $input) { id status version output date } }`;

const quantity = (target: number, unit = 'Dokumen') => ({
  aspect: 'QUANTITY',
  text: `Jumlah ${unit.toLowerCase()} yang diselesaikan`,
  targetValue: target,
  targetUnit: unit,
});

async function planWith(who: keyof typeof team, text: string, parentId: string | null, target = 4) {
  let plan = ok(await call(who, CREATE, { p: periodId })).createPerformancePlan;
  plan = ok(
    await call(who, ADD, {
      input: {
        planId: plan.id,
        expectedVersion: plan.version,
        kind: 'MAIN',
        text,
        parentId,
        indicators: [quantity(target)],
      },
    }),
  ).addWorkResult;
  return plan;
}

async function submitAndApprove(
  who: keyof typeof team,
  approver: keyof typeof team,
  plan: { id: string; version: number },
) {
  const submitted = ok(
    await call(who, SUBMIT, { id: plan.id, v: plan.version }),
  ).submitPerformancePlan;
  expect(submitted.status).toBe('SUBMITTED');
  const approved = ok(
    await call(approver, APPROVE, { id: plan.id, v: submitted.version }),
  ).approvePerformancePlan;
  expect(approved.status).toBe('APPROVED');
  return approved;
}

beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date(`${YEAR}-12-10T02:00:00Z`) });
  dir = await seedDirectory(t.app, 400);
  const byNip = new Map(dir.directory.employees.map((e) => [e.nip, e]));
  team.E = byNip.get(dir.logins.employee)!;
  team.S = byNip.get(team.E.supervisorNip!)!;
  team.K = byNip.get(team.S.supervisorNip!)!;
  team.H = byNip.get(team.K.supervisorNip!)!;
  team.SEKDA = byNip.get(team.H.supervisorNip!)!;
  team.P = dir.directory.employees.find(
    (e) => e.supervisorNip === team.S.nip && e.nip !== team.E.nip,
  )!;
  expect(team.H.jobType).toBe('SENIOR_EXECUTIVE');
  expect(team.SEKDA.supervisorNip).toBeNull();
  for (const [who, person] of Object.entries(team))
    tokens[who] = await signIn(t.url, person.nip, dir.password);
  tokens.HR = await signIn(t.url, dir.logins.hrAdmin, dir.password);
  periodId = ok(
    await call(
      'HR',
      `mutation { openPeriod(input: { year: ${YEAR} }) { id year checkpoints { key endsOn } } }`,
    ),
  ).openPeriod.id;
});
afterAll(async () => {
  await t?.close();
});

describe('a year of planning and work for one team', () => {
  it('refuses a second period for the same year', async () => {
    const again = await call('HR', `mutation { openPeriod(input: { year: ${YEAR} }) { id } }`);
    expect(again.errors![0].message).toBe(`A period for ${YEAR} is already open.`);
    const current = ok(
      await call(
        'E',
        '{ currentPeriod { year checkpoints { key name endsOn } planningWindow { opensOn closesOn } } }',
      ),
    );
    expect(current.currentPeriod.year).toBe(YEAR);
    expect(current.currentPeriod.checkpoints.map((c: any) => c.endsOn)).toEqual([
      `${YEAR}-03-31`,
      `${YEAR}-06-30`,
      `${YEAR}-09-30`,
      `${YEAR}-12-31`,
    ]);
  });

  it('lets the head (JPT) plan without a parent RHK; the Sekda approves', async () => {
    const plan = await planWith(
      'H',
      'Meningkatnya derajat kesehatan masyarakat Kota Denpasar',
      null,
    );
    ids.hPlan = plan.id;
    ids.hRhk = plan.workResults[0].id;
    expect(plan.behaviourExpectations).toHaveLength(7);
    expect(plan.assessor.nip).toBe(team.SEKDA.nip);
    await submitAndApprove('H', 'SEKDA', plan);
  });

  it('refuses a main RHK without a parent, or with a parent outside the assessor’s plan', async () => {
    const plan = ok(await call('K', CREATE, { p: periodId })).createPerformancePlan;
    ids.kPlan = plan.id;
    const base = {
      planId: plan.id,
      expectedVersion: plan.version,
      kind: 'MAIN',
      text: 'Menurunnya angka penyakit menular',
      indicators: [quantity(4)],
    };
    const orphan = await call('K', ADD, { input: base });
    expect(orphan.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'parentId',
    });
    expect(orphan.errors![0].message).toContain(team.H.name);

    // A peer of K's assessor-to-be: S's RHK is not in H's plan (S has none yet); use the Sekda-approved H plan's sibling: K's own plan.
    const own = await call('K', ADD, { input: { ...base, parentId: ids.hRhk } });
    const created = ok(own).addWorkResult;
    ids.kRhk = created.workResults[0].id;
    const wrong = await call('K', ADD, {
      input: { ...base, expectedVersion: created.version, parentId: ids.kRhk },
    });
    expect(wrong.errors![0].extensions!.field).toBe('parentId');
    expect(wrong.errors![0].message).toMatch(
      new RegExp(`assessor's plan \\(${team.H.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    ids.kVersion = String(created.version);
  });

  it('returns a plan for revision with a note, then approves the revised plan', async () => {
    const submitted = ok(
      await call('K', SUBMIT, { id: ids.kPlan, v: Number(ids.kVersion) }),
    ).submitPerformancePlan;
    const RETURN = `mutation($id: ID!, $v: Int!, $note: String!) { requestPlanRevision(planId: $id, expectedVersion: $v, note: $note) { status version revisionNote } }`;
    const emptyNote = await call('H', RETURN, { id: ids.kPlan, v: submitted.version, note: '  ' });
    expect(emptyNote.errors![0].extensions!.field).toBe('note');
    const returned = ok(
      await call('H', RETURN, {
        id: ids.kPlan,
        v: submitted.version,
        note: 'Targetnya terlalu rendah.',
      }),
    ).requestPlanRevision;
    expect(returned).toMatchObject({
      status: 'REVISION_REQUESTED',
      revisionNote: 'Targetnya terlalu rendah.',
    });

    const UPDATE = `mutation($input: UpdateWorkResultInput!) { updateWorkResult(input: $input) { ${PLAN_FIELDS} } }`;
    const plan = ok(await call('K', PLAN, { id: ids.kPlan })).performancePlan;
    const indicator = plan.workResults[0].indicators[0];
    const revised = ok(
      await call('K', UPDATE, {
        input: {
          workResultId: ids.kRhk,
          expectedVersion: plan.version,
          indicators: [{ id: indicator.id, ...quantity(8) }],
        },
      }),
    ).updateWorkResult;
    expect(revised.workResults[0].indicators[0].targetValue).toBe(8);
    expect(revised.workResults[0].indicators[0].id).toBe(indicator.id);
    const approved = await submitAndApprove('K', 'H', revised);
    expect(approved.approvedVersions).toEqual([{ number: 1, reopenReason: null }]);
  });

  it('cascades two levels further down and refuses a stale expectedVersion', async () => {
    const sPlan = await planWith('S', 'Tercapainya cakupan imunisasi dasar lengkap', ids.kRhk, 12);
    ids.sPlan = sPlan.id;
    ids.sRhk = sPlan.workResults[0].id;
    await submitAndApprove('S', 'K', sPlan);

    let plan = ok(await call('E', CREATE, { p: periodId })).createPerformancePlan;
    ids.ePlan = plan.id;
    const input = {
      planId: plan.id,
      expectedVersion: plan.version,
      kind: 'MAIN',
      text: 'Tersusunnya laporan cakupan imunisasi bulanan',
      parentId: ids.sRhk,
      indicators: [
        quantity(12),
        {
          aspect: 'QUALITY',
          text: 'Laporan diterima tanpa revisi',
          targetText: 'Laporan lengkap dan tepat waktu',
        },
      ],
    };
    plan = ok(await call('E', ADD, { input })).addWorkResult;
    const stale = await call('E', ADD, { input: { ...input, text: 'RHK kedua' } });
    expect(stale.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: plan.version,
    });
    expect(stale.errors![0].message).toMatch(/changed by someone else/);

    const expectation = await call(
      'S',
      `mutation($id: ID!, $v: Int!) { setBehaviourExpectation(planId: $id, expectedVersion: $v, value: SERVICE_ORIENTED, expectation: "Menanggapi pertanyaan puskesmas dalam satu hari kerja") { version behaviourExpectations { value expectation } } }`,
      { id: plan.id, v: plan.version },
    );
    const afterExpectation = ok(expectation).setBehaviourExpectation;
    expect(
      afterExpectation.behaviourExpectations.find((b: any) => b.value === 'SERVICE_ORIENTED')
        .expectation,
    ).toMatch(/satu hari kerja/);

    const approved = await submitAndApprove('E', 'S', {
      id: plan.id,
      version: afterExpectation.version,
    });
    ids.eRhk = approved.workResults[0].id;
    ids.eQuantity = approved.workResults[0].indicators[0].id;
    ids.eQuality = approved.workResults[0].indicators[1].id;
    expect(approved.workResults[0].parent.id).toBe(ids.sRhk);
  });

  it('shows the cascade of the unit as a tree', async () => {
    const units = ok(await call('K', '{ me { employee { orgUnit { id } } } }'));
    const tree = ok(
      await call(
        'K',
        'query($u: ID!, $p: ID!) { cascade(orgUnitId: $u, periodId: $p) { workResult { id } children { workResult { id } children { workResult { id } } } } }',
        {
          u: units.me.employee.orgUnit.id,
          p: periodId,
        },
      ),
    ).cascade;
    const root = tree.find((n: any) => n.workResult.id === ids.kRhk);
    expect(root.children.map((c: any) => c.workResult.id)).toEqual([ids.sRhk]);
    expect(root.children[0].children.map((c: any) => c.workResult.id)).toEqual([ids.eRhk]);
  });

  it('refuses activities that break the rules, each with a clear error', async () => {
    const base = {
      indicatorId: ids.eQuantity,
      date: `${YEAR}-12-09`,
      description: 'Menyusun laporan',
      output: 1,
      evidenceUrls: ['https://drive.denpasarkota.go.id/a'],
    };
    const future = await call('E', LOG, { input: { ...base, date: `${YEAR}-12-11` } });
    expect(future.errors![0].extensions!.field).toBe('date');
    const old = await call('E', LOG, { input: { ...base, date: `${YEAR}-10-01` } });
    expect(old.errors![0].extensions!.field).toBe('date');
    expect(old.errors![0].message).toMatch(/31 days/);
    const qualitativeOutput = await call('E', LOG, {
      input: { ...base, indicatorId: ids.eQuality },
    });
    expect(qualitativeOutput.errors![0].extensions!.field).toBe('output');
    const http = await call('E', LOG, {
      input: { ...base, evidenceUrls: ['http://drive.example/x'] },
    });
    expect(http.errors![0].extensions!.field).toBe('evidenceUrls');
    expect(http.errors![0].message).toContain('http://drive.example/x');
    const someoneElses = await call('P', LOG, { input: base });
    expect(someoneElses.errors![0].extensions!.code).toBe('FORBIDDEN');
    const unapproved = await call('H', LOG, { input: { ...base, indicatorId: ids.eQuantity } });
    expect(unapproved.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('logs, reviews and verifies a year of activities; realisation and progress add up', async () => {
    // The HR admin widens the window so the year can be logged in one go.
    ok(
      await call(
        'HR',
        'mutation { updateSystemSettings(input: { activityWindowDays: 366 }) { activityWindowDays } }',
      ),
    );
    const log = async (date: string, output: number) =>
      ok(
        await call('E', LOG, {
          input: {
            indicatorId: ids.eQuantity,
            date,
            description: `Laporan ${date}`,
            output,
            durationMinutes: 90,
            evidenceUrls: ['https://drive.denpasarkota.go.id/laporan'],
          },
        }),
      ).logActivity;
    const a1 = await log(`${YEAR}-01-10`, 3);
    const a2 = await log(`${YEAR}-02-20`, 2);
    const a3 = await log(`${YEAR}-03-05`, 4);
    const a4 = await log(`${YEAR}-05-15`, 5);
    const a5 = await log(`${YEAR}-08-01`, 1);
    const a6 = await log(`${YEAR}-08-02`, 7);

    const queue = ok(
      await call(
        'S',
        '{ reviewQueue { total activitiesAwaitingReview people(first: 100) { nodes { employee { nip } activityCount activitiesAwaitingReview { id } } } } }',
      ),
    ).reviewQueue;
    const mine = queue.people.nodes.find((p: any) => p.employee.nip === team.E.nip);
    expect(mine.activityCount).toBe(6);
    expect(mine.activitiesAwaitingReview[0].id).toBe(a1.id);

    const REVIEW =
      'mutation($id: ID!, $d: ReviewDecision!, $n: String) { reviewActivity(activityId: $id, decision: $d, note: $n) { status reviewNote } }';
    expect((await call('S', REVIEW, { id: a2.id, d: 'REJECT' })).errors![0].extensions!.field).toBe(
      'note',
    );
    expect(
      ok(await call('S', REVIEW, { id: a2.id, d: 'REJECT', n: 'Bukti dukung tidak sesuai.' }))
        .reviewActivity.status,
    ).toBe('REJECTED');
    const bulk = ok(
      await call(
        'S',
        'mutation($ids: [ID!]!) { reviewActivities(activityIds: $ids, decision: APPROVE) { id status } }',
        { ids: [a1.id, a4.id] },
      ),
    );
    expect(bulk.reviewActivities.map((a: any) => a.status)).toEqual(['APPROVED', 'APPROVED']);
    const twice = await call('S', REVIEW, { id: a1.id, d: 'APPROVE' });
    expect(twice.errors![0].message).toMatch(/already approved/);
    const byPeer = await call('P', REVIEW, { id: a3.id, d: 'APPROVE' });
    expect(byPeer.errors![0].extensions!.code).toBe('FORBIDDEN');

    const UPDATE =
      'mutation($id: ID!, $v: Int!, $input: ActivityInput!) { updateActivity(activityId: $id, expectedVersion: $v, input: $input) { output version } }';
    const afterReview = await call('E', UPDATE, {
      id: a1.id,
      v: 2,
      input: {
        indicatorId: ids.eQuantity,
        date: `${YEAR}-01-10`,
        description: 'x',
        output: 9,
        evidenceUrls: [],
      },
    });
    expect(afterReview.errors![0].message).toMatch(
      /only activities not yet reviewed can be changed/,
    );

    // March as a monthly report: verified at once.
    const SUBMIT_MONTH =
      'mutation($p: ID!, $m: Int!) { submitMonthlyReport(periodId: $p, month: $m) { id status month } }';
    const VERIFY =
      'mutation($id: ID!, $d: ReportDecision!, $n: String) { verifyMonthlyReport(reportId: $id, decision: $d, note: $n) { status note } }';
    const march = ok(await call('E', SUBMIT_MONTH, { p: periodId, m: 3 })).submitMonthlyReport;
    expect((await call('E', SUBMIT_MONTH, { p: periodId, m: 3 })).errors![0].message).toMatch(
      /already submitted/,
    );
    expect((await call('E', SUBMIT_MONTH, { p: periodId, m: 4 })).errors![0].message).toMatch(
      /no activities/,
    );
    expect(
      ok(await call('S', VERIFY, { id: march.id, d: 'APPROVE' })).verifyMonthlyReport.status,
    ).toBe('VERIFIED');

    // August: returned, fixed, resubmitted, verified.
    const august = ok(await call('E', SUBMIT_MONTH, { p: periodId, m: 8 })).submitMonthlyReport;
    expect(
      ok(await call('S', VERIFY, { id: august.id, d: 'RETURN', n: 'Laporan 2 Agustus ganda.' }))
        .verifyMonthlyReport,
    ).toEqual({ status: 'RETURNED', note: 'Laporan 2 Agustus ganda.' });
    ok(
      await call('E', 'mutation($id: ID!) { withdrawActivity(activityId: $id) { status } }', {
        id: a6.id,
      }),
    );
    const fixed = ok(
      await call('E', UPDATE, {
        id: a5.id,
        v: a5.version,
        input: {
          indicatorId: ids.eQuantity,
          date: `${YEAR}-08-01`,
          description: 'Laporan Juli',
          output: 2,
          evidenceUrls: ['https://drive.denpasarkota.go.id/juli'],
        },
      }),
    ).updateActivity;
    expect(fixed.output).toBe(2);
    const staleEdit = await call('E', UPDATE, {
      id: a5.id,
      v: a5.version,
      input: {
        indicatorId: ids.eQuantity,
        date: `${YEAR}-08-01`,
        description: 'x',
        output: 3,
        evidenceUrls: [],
      },
    });
    expect(staleEdit.errors![0].extensions!.code).toBe('CONFLICT');
    ok(await call('E', SUBMIT_MONTH, { p: periodId, m: 8 }));
    ok(await call('S', VERIFY, { id: august.id, d: 'APPROVE' }));

    // By hand: Q1 = 3 (Jan) + 4 (Mar; Feb's 2 was rejected) = 7; Q2 = 7 + 5 = 12;
    // Q3 = 12 + 2 (Aug, corrected; the withdrawn 7 does not count) = 14; Q4 = 14. Target 12.
    const plan = ok(await call('E', PLAN, { id: ids.ePlan })).performancePlan;
    const indicator = plan.workResults[0].indicators[0];
    expect(indicator.realisations.map((r: any) => [r.checkpoint, r.value])).toEqual([
      ['Q1', 7],
      ['Q2', 12],
      ['Q3', 14],
      ['Q4', 14],
    ]);
    expect(indicator.realisations[0].progress).toBeCloseTo(7 / 12, 6);
    expect(indicator.progress).toBeCloseTo(14 / 12, 6);
    // The qualitative IKI has no numeric progress, so the RHK and the plan follow the quantitative one.
    expect(plan.workResults[0].indicators[1].progress).toBeNull();
    expect(plan.workResults[0].progress).toBeCloseTo(14 / 12, 6);
    expect(plan.progress).toBeCloseTo(14 / 12, 6);
    const reports = ok(
      await call('S', 'query($id: ID!) { monthlyReports(planId: $id) { month status } }', {
        id: ids.ePlan,
      }),
    ).monthlyReports;
    expect(reports).toEqual([
      { month: 3, status: 'VERIFIED' },
      { month: 8, status: 'VERIFIED' },
    ]);
  });

  it('records the realisation of a qualitative IKI with evidence', async () => {
    const RECORD =
      'mutation($input: RealisationInput!) { recordRealisation(input: $input) { checkpoint text evidenceUrls } }';
    const noEvidence = await call('E', RECORD, {
      input: {
        indicatorId: ids.eQuality,
        checkpoint: 'Q3',
        text: 'Semua laporan diterima',
        evidenceUrls: [],
      },
    });
    expect(noEvidence.errors![0].extensions!.field).toBe('evidenceUrls');
    const quantitative = await call('E', RECORD, {
      input: {
        indicatorId: ids.eQuantity,
        checkpoint: 'Q3',
        value: 3,
        evidenceUrls: ['https://x.go.id/a'],
      },
    });
    expect(quantitative.errors![0].message).toMatch(/sum of approved activity outputs/);
    ok(
      await call('E', RECORD, {
        input: {
          indicatorId: ids.eQuality,
          checkpoint: 'Q3',
          text: 'Semua laporan diterima',
          evidenceUrls: ['https://drive.denpasarkota.go.id/q3'],
        },
      }),
    );
    const plan = ok(await call('S', PLAN, { id: ids.ePlan })).performancePlan;
    expect(plan.workResults[0].indicators[1].realisations[2]).toMatchObject({
      checkpoint: 'Q3',
      text: 'Semua laporan diterima',
    });
  });

  it('delivers feedback to the employee, who replies; a peer may not give feedback', async () => {
    const GIVE =
      'mutation($input: FeedbackInput!) { giveFeedback(input: $input) { id body author { nip } } }';
    const given = ok(
      await call('S', GIVE, {
        input: { indicatorId: ids.eQuantity, body: 'Bagus, pertahankan ketepatan waktunya.' },
      }),
    ).giveFeedback;
    ok(
      await call('K', GIVE, {
        input: { planId: ids.ePlan, body: 'Koordinasikan dengan puskesmas.' },
      }),
    );
    expect(
      (await call('P', GIVE, { input: { planId: ids.ePlan, body: 'Hai' } })).errors![0].extensions!
        .code,
    ).toBe('FORBIDDEN');
    const FEED =
      'query($e: ID) { feedbackFeed(employeeId: $e) { totalCount nodes { id body author { nip } indicator { id } replies { body author { nip } } } } }';
    const feed = ok(await call('E', FEED)).feedbackFeed;
    expect(feed.totalCount).toBe(2);
    expect(feed.nodes[1]).toMatchObject({
      body: 'Bagus, pertahankan ketepatan waktunya.',
      author: { nip: team.S.nip },
      indicator: { id: ids.eQuantity },
    });
    ok(
      await call(
        'E',
        'mutation($id: ID!) { replyToFeedback(feedbackId: $id, body: "Terima kasih, Bu.") { id } }',
        { id: given.id },
      ),
    );
    const seen = ok(
      await call('S', FEED, {
        e: ids.ePlan && (await call('E', '{ me { employee { id } } }')).data!.me.employee.id,
      }),
    ).feedbackFeed;
    expect(seen.nodes.find((n: any) => n.id === given.id).replies).toEqual([
      { body: 'Terima kasih, Bu.', author: { nip: team.E.nip } },
    ]);
  });

  it('reopens an approved plan with a reason, keeping the approved version in history', async () => {
    const plan = ok(await call('S', PLAN, { id: ids.ePlan })).performancePlan;
    const REOPEN =
      'mutation($id: ID!, $v: Int!, $r: String!) { reopenPerformancePlan(planId: $id, expectedVersion: $v, reason: $r) { status version reopenReason approvedVersions { number reopenReason } } }';
    const readOnly = await call('E', ADD, {
      input: {
        planId: plan.id,
        expectedVersion: plan.version,
        kind: 'ADDITIONAL',
        text: 'Tambahan',
        indicators: [quantity(1)],
      },
    });
    expect(readOnly.errors![0].message).toMatch(/approved plan is read-only/i);
    const reopened = ok(
      await call('S', REOPEN, {
        id: plan.id,
        v: plan.version,
        r: 'Ada tugas tambahan dari Kepala Dinas.',
      }),
    ).reopenPerformancePlan;
    expect(reopened).toMatchObject({
      status: 'DRAFT',
      reopenReason: 'Ada tugas tambahan dari Kepala Dinas.',
    });
    expect(reopened.approvedVersions).toEqual([
      { number: 1, reopenReason: 'Ada tugas tambahan dari Kepala Dinas.' },
    ]);
    const edited = ok(
      await call('E', ADD, {
        input: {
          planId: plan.id,
          expectedVersion: reopened.version,
          kind: 'ADDITIONAL',
          text: 'Menjadi narasumber sosialisasi imunisasi',
          indicators: [quantity(2, 'Kegiatan')],
        },
      }),
    ).addWorkResult;
    const approved = await submitAndApprove('E', 'S', edited);
    expect(approved.approvedVersions.map((v: any) => v.number)).toEqual([1, 2]);
    expect(approved.workResults).toHaveLength(2);
  });

  it('keeps a plan with its snapshotted assessor when the employee moves', async () => {
    const plan = ok(await call('E', PLAN, { id: ids.ePlan })).performancePlan;
    expect(plan.assessor.nip).toBe(team.S.nip);
  });
});
