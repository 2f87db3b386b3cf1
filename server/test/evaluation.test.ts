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
 * A whole evaluation for one OPD (Dinas Kesehatan), over the API: the predikat matrix, the
 * organisation rating and the distribution patterns, self-assessments, 360 requests and answers
 * (the anonymity threshold seen from the subject's side), appraisals resting on evidence,
 * concurrent edits resolved by CONFLICT, a finalisation refused by the curve, fixed, then
 * accepted, an HR admin's override (which a unit admin may not give), appeals granted and
 * rejected, a late appeal refused, and the functional credit percentage of an annual appraisal.
 *
 * The clock is mutable: "now" starts on 5 October 2026 (Triwulan III has just ended) and moves
 * forward for the appeal window. The server reads `config.clock()` on each request.
 */

const YEAR = 2026;
let now = new Date(`${YEAR}-10-05T02:00:00Z`); // 10:00 WITA
let t: TestApp;
let dir: TestDirectory;
let periodId: string;
let opdId: string;
let sectionId: string;

type Who = 'E' | 'F' | 'G' | 'S' | 'K' | 'H' | 'SEKDA' | 'P' | 'OUT';
// The team: E, F (jabatan fungsional) and G report to S (kepala seksi); S and P (another kepala
// seksi) report to K (kepala bidang); K to H (kepala dinas, JPT); H to the Sekda. OUT works
// elsewhere in the same OPD: neither a peer nor a subordinate of E.
const team = {} as Record<Who, DemoEmployee>;
const tokens: Record<string, string> = {};
const ids = {} as Record<Who, string>;
const plans = {} as Record<Who, string>;
const appraisals: Record<string, string> = {};
let eIndicator: string;

const call = (
  who: Who | 'HR' | 'UA' | 'S2',
  query: string,
  variables: Record<string, unknown> = {},
) => gql(t.url, query, variables, { token: tokens[who] });

function ok<T = any>(result: { data?: T; errors?: { message: string }[] }): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

function refused(
  result: { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  code: string,
  message?: RegExp,
) {
  expect(result.errors, 'expected the server to refuse').toBeDefined();
  const [error] = result.errors!;
  expect(error.extensions?.code, error.message).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

const CORE_VALUES = [
  'SERVICE_ORIENTED',
  'ACCOUNTABLE',
  'COMPETENT',
  'HARMONIOUS',
  'LOYAL',
  'ADAPTIVE',
  'COLLABORATIVE',
] as const;

const APPRAISAL_FIELDS = `id status version checkpoint resultRating behaviourRating predikat predikatName
  overallNote submittedAt finalisedAt functionalCreditPercent
  employee { id } assessor { id } valueNotes { value note }
  history { resultRating behaviourRating predikat reason }
  appeal { id status decision }`;
const SAVE = `mutation($input: SaveAppraisalInput!) { saveAppraisal(input: $input) { ${APPRAISAL_FIELDS} } }`;
const SUBMIT_APPRAISAL = `mutation($id: ID!, $v: Int!) { submitAppraisal(appraisalId: $id, expectedVersion: $v) { ${APPRAISAL_FIELDS} } }`;
const APPRAISAL = `query($id: ID!) { appraisal(id: $id) { ${APPRAISAL_FIELDS} } }`;
const SELF = `mutation($input: SelfAssessmentInput!) { submitSelfAssessment(input: $input) { id checkpoint resultRating behaviourRating predikat overallNote valueNotes { value note } } }`;
const DISTRIBUTION_FIELDS = `total drafts submitted final holds checkpoint
  opd { id } orgRating { rating justification } pattern { orgRating text }
  counts { predikat name count share }
  rules { description predikat max min count allowedMax requiredMin holds problem }`;
const DISTRIBUTION = `query($u: ID!, $p: ID!, $c: AppraisalCheckpoint!) { distribution(orgUnitId: $u, periodId: $p, checkpoint: $c) { ${DISTRIBUTION_FIELDS} } }`;
const FINALISE = `mutation($u: ID!, $p: ID!, $c: AppraisalCheckpoint!, $r: String) { finaliseAppraisals(orgUnitId: $u, periodId: $p, checkpoint: $c, overrideReason: $r) { ${DISTRIBUTION_FIELDS} } }`;
const SUMMARY = `query($s: ID!, $p: ID!, $c: AppraisalCheckpoint!) { peerFeedbackSummary(subjectId: $s, periodId: $p, checkpoint: $c) { requested responses minimum visible values { value responses meanScore rating above meets below } comments { value text } } }`;
const REQUEST_PEERS = `mutation($s: ID!, $p: ID!, $c: AppraisalCheckpoint!, $r: [ID!]!) { requestPeerFeedback(subjectId: $s, periodId: $p, checkpoint: $c, respondentIds: $r) { id relation status checkpoint subject { id } } }`;
const MY_REQUESTS = `{ myPeerFeedbackRequests { id relation status checkpoint subject { id name } period { id } } }`;
const ANSWER = `mutation($id: ID!, $ratings: [PeerRatingInput!]!) { answerPeerFeedback(requestId: $id, ratings: $ratings) }`;
const FILE_APPEAL = `mutation($id: ID!, $r: String!) { fileAppeal(appraisalId: $id, reason: $r) { id status reason filedAt decider { id } employee { id } appraisal { id status } } }`;
const DECIDE = `mutation($id: ID!, $d: AppealDecision!, $n: String!, $rr: Rating, $br: Rating) { decideAppeal(appealId: $id, decision: $d, note: $n, resultRating: $rr, behaviourRating: $br) { id status decision decisionNote decidedAt appraisal { ${APPRAISAL_FIELDS} } } }`;
const SETTINGS = `mutation($input: SystemSettingsInput!) { updateSystemSettings(input: $input) { activityWindowDays appealWindowDays peerFeedbackMinimum } }`;

const PLAN_FIELDS = 'id version status workResults { id indicators { id } }';

async function makePlan(who: Who, approver: Who, text: string, parentId: string | null) {
  let plan = ok(
    await call(
      who,
      `mutation($p: ID!) { createPerformancePlan(periodId: $p) { ${PLAN_FIELDS} } }`,
      { p: periodId },
    ),
  ).createPerformancePlan;
  plan = ok(
    await call(
      who,
      `mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { ${PLAN_FIELDS} } }`,
      {
        input: {
          planId: plan.id,
          expectedVersion: plan.version,
          kind: 'MAIN',
          text,
          parentId,
          indicators: [
            {
              aspect: 'QUANTITY',
              text: 'Jumlah laporan yang diselesaikan',
              targetValue: 12,
              targetUnit: 'Laporan',
            },
          ],
        },
      },
    ),
  ).addWorkResult;
  plan = ok(
    await call(
      who,
      `mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_FIELDS} } }`,
      { id: plan.id, v: plan.version },
    ),
  ).submitPerformancePlan;
  plan = ok(
    await call(
      approver,
      `mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_FIELDS} } }`,
      { id: plan.id, v: plan.version },
    ),
  ).approvePerformancePlan;
  expect(plan.status).toBe('APPROVED');
  plans[who] = plan.id;
  return plan as { id: string; workResults: { id: string; indicators: { id: string }[] }[] };
}

/** The assessor rates and submits; returns the submitted appraisal. */
async function rate(
  assessor: Who,
  who: Who,
  checkpoint: string,
  resultRating: string,
  behaviourRating: string,
) {
  const saved = ok(
    await call(assessor, SAVE, {
      input: { planId: plans[who], checkpoint, resultRating, behaviourRating },
    }),
  ).saveAppraisal;
  const submitted = ok(
    await call(assessor, SUBMIT_APPRAISAL, { id: saved.id, v: saved.version }),
  ).submitAppraisal;
  expect(submitted.status).toBe('SUBMITTED');
  appraisals[`${who}:${checkpoint}`] = submitted.id;
  return submitted;
}

const allValues = (rating: string, comments: Partial<Record<string, string>> = {}) =>
  CORE_VALUES.map((value) => ({ value, rating, comment: comments[value] ?? null }));

beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
  dir = await seedDirectory(t.app, 400);
  const people = dir.directory.employees;
  const byNip = new Map(people.map((e) => [e.nip, e]));
  team.S = byNip.get(dir.logins.supervisor)!;
  team.E = byNip.get(dir.logins.employee)!;
  team.K = byNip.get(team.S.supervisorNip!)!;
  team.H = byNip.get(team.K.supervisorNip!)!;
  team.SEKDA = byNip.get(team.H.supervisorNip!)!;
  const reports = people.filter((e) => e.supervisorNip === team.S.nip);
  team.F = reports.find((e) => e.jobType === 'FUNCTIONAL')!;
  team.G = reports.find((e) => e.nip !== team.E.nip && e.nip !== team.F.nip)!;
  team.P = people.find((e) => e.supervisorNip === team.K.nip && e.nip !== team.S.nip)!;
  team.OUT = people.find(
    (e) =>
      e.orgUnitCode.startsWith(`${team.S.orgUnitCode.split('.')[0]}.`) &&
      e.jobType === 'EXECUTOR' &&
      e.supervisorNip !== team.S.nip,
  )!;
  // S's seksi has exactly three people: E, F and G. E's only peers are F and G.
  expect(reports.map((e) => e.nip).sort()).toEqual([team.E.nip, team.F.nip, team.G.nip].sort());
  expect(team.E.jobType).not.toBe('FUNCTIONAL');
  expect(team.H.jobType).toBe('SENIOR_EXECUTIVE');

  for (const who of Object.keys(team) as Who[])
    tokens[who] = await signIn(t.url, team[who].nip, dir.password);
  tokens.S2 = await signIn(t.url, team.S.nip, dir.password); // S again, in a second tab
  tokens.HR = await signIn(t.url, dir.logins.hrAdmin, dir.password);
  tokens.UA = await signIn(t.url, dir.logins.unitAdmin, dir.password);
  for (const who of Object.keys(team) as Who[]) {
    const me = ok(await call(who, '{ me { employee { id orgUnit { id opd { id } } } } }')).me;
    ids[who] = me.employee.id;
    if (who === 'S') {
      opdId = me.employee.orgUnit.opd.id;
      sectionId = me.employee.orgUnit.id;
    }
  }
  const ua = ok(await call('UA', '{ me { roles adminOrgUnit { id } } }')).me;
  expect(ua.roles).toContain('UNIT_ADMIN');
  expect(ua.adminOrgUnit.id).toBe(opdId);

  periodId = ok(await call('HR', `mutation { openPeriod(input: { year: ${YEAR} }) { id } }`))
    .openPeriod.id;

  // Plans top-down: H (no parent) → K → S → E, F, G, each approved by the assessor.
  const h = await makePlan('H', 'SEKDA', 'Meningkatnya derajat kesehatan masyarakat', null);
  const k = await makePlan('K', 'H', 'Menurunnya angka penyakit menular', h.workResults[0].id);
  const s = await makePlan(
    'S',
    'K',
    'Tercapainya pengendalian penyakit menular',
    k.workResults[0].id,
  );
  const sRhk = s.workResults[0].id;
  const e = await makePlan('E', 'S', 'Tersusunnya laporan kasus penyakit menular', sRhk);
  await makePlan('F', 'S', 'Terlaksananya penyelidikan epidemiologi', sRhk);
  await makePlan('G', 'S', 'Terdistribusinya logistik pengendalian vektor', sRhk);
  eIndicator = e.workResults[0].indicators[0].id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the predikat matrix, organisation rating and distribution patterns', () => {
  it('looks the predikat up for all nine cells without signing in', async () => {
    const expected: Record<string, Record<string, string>> = {
      ABOVE: { BELOW: 'POOR', MEETS: 'GOOD', ABOVE: 'VERY_GOOD' },
      MEETS: { BELOW: 'POOR', MEETS: 'GOOD', ABOVE: 'GOOD' },
      BELOW: { BELOW: 'VERY_POOR', MEETS: 'NEEDS_IMPROVEMENT', ABOVE: 'NEEDS_IMPROVEMENT' },
    };
    for (const [result, row] of Object.entries(expected)) {
      for (const [behaviour, predikat] of Object.entries(row)) {
        const answer = await gql(
          t.url,
          'query($r: Rating!, $b: Rating!) { predikatFor(resultRating: $r, behaviourRating: $b) }',
          { r: result, b: behaviour },
        );
        expect(ok(answer).predikatFor, `${result} × ${behaviour}`).toBe(predikat);
      }
    }
  });

  it('lets the HR admin set the organisation rating with a justification, and nobody else', async () => {
    const SET = `mutation($u: ID!, $p: ID!, $r: OrgRatingLevel!, $j: String!) { setOrgRating(orgUnitId: $u, periodId: $p, rating: $r, justification: $j) { rating justification orgUnit { id } period { id } } }`;
    const justification = 'Capaian IKU Dinas Kesehatan 2026 sesuai target perjanjian kinerja.';
    // Before any rating, finalisation has no pattern to go by.
    refused(
      await call('HR', FINALISE, { u: opdId, p: periodId, c: 'Q3' }),
      'BAD_USER_INPUT',
      /no organisation rating/,
    );
    refused(
      await call('E', SET, { u: opdId, p: periodId, r: 'OUTSTANDING', j: justification }),
      'FORBIDDEN',
    );
    refused(
      await call('UA', SET, { u: opdId, p: periodId, r: 'OUTSTANDING', j: justification }),
      'FORBIDDEN',
    );
    const short = refused(
      await call('HR', SET, { u: opdId, p: periodId, r: 'GOOD', j: 'Baik.' }),
      'BAD_USER_INPUT',
    );
    expect(short.extensions!.field).toBe('justification');
    refused(
      await call('HR', SET, { u: sectionId, p: periodId, r: 'GOOD', j: justification }),
      'BAD_USER_INPUT',
      /not an OPD/,
    );
    const set = ok(
      await call('HR', SET, { u: opdId, p: periodId, r: 'GOOD', j: justification }),
    ).setOrgRating;
    expect(set).toEqual({
      rating: 'GOOD',
      justification,
      orgUnit: { id: opdId },
      period: { id: periodId },
    });
    const distribution = ok(
      await call('S', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q3' }),
    ).distribution;
    expect(distribution.orgRating).toEqual({ rating: 'GOOD', justification });
    expect(distribution.pattern.orgRating).toBe('GOOD');
    expect(distribution).toMatchObject({ total: 0, holds: true, submitted: 0, final: 0 });
  });

  it('refuses an infeasible pattern and a share above 1, leaving the pattern as it was', async () => {
    const UPDATE = `mutation($o: OrgRatingLevel!, $rules: [DistributionRuleInput!]!) { updateDistributionPattern(orgRating: $o, rules: $rules) { orgRating text rules { predikat max min minCount } } }`;
    const PATTERNS =
      '{ distributionPatterns { orgRating text rules { predikat max min minCount } } }';
    const before = ok(await call('HR', PATTERNS)).distributionPatterns;
    const good = before.find((p: any) => p.orgRating === 'GOOD');
    expect(good.rules).toEqual([
      { predikat: ['GOOD'], max: 0.7, min: null, minCount: null },
      { predikat: ['NEEDS_IMPROVEMENT', 'POOR'], max: null, min: null, minCount: 1 },
    ]);

    // 80% Baik and 30% Sangat Baik cannot both hold in any unit.
    const infeasible = refused(
      await call('HR', UPDATE, {
        o: 'GOOD',
        rules: [
          { predikat: ['GOOD'], min: 0.8 },
          { predikat: ['VERY_GOOD'], min: 0.3 },
        ],
      }),
      'BAD_USER_INPUT',
      /Rules 1 and 2 cannot all hold together/,
    );
    expect(infeasible.extensions!.field).toBe('rules');
    refused(
      await call('HR', UPDATE, { o: 'GOOD', rules: [{ predikat: ['GOOD'], max: 1.5 }] }),
      'BAD_USER_INPUT',
      /fraction from 0 to 1.*got 1\.5/,
    );
    refused(
      await call('UA', UPDATE, { o: 'GOOD', rules: [{ predikat: ['GOOD'], max: 0.6 }] }),
      'FORBIDDEN',
    );
    expect(ok(await call('HR', PATTERNS)).distributionPatterns).toEqual(before);

    // A feasible edit of another pattern is kept.
    const edited = ok(
      await call('HR', UPDATE, {
        o: 'OUTSTANDING',
        rules: [{ predikat: ['VERY_GOOD'], max: 0.6 }],
      }),
    ).updateDistributionPattern;
    expect(edited.rules).toEqual([
      { predikat: ['VERY_GOOD'], max: 0.6, min: null, minCount: null },
    ]);
  });
});

describe('Triwulan III: 360 feedback', () => {
  it('lets the assessor ask peers, and refuses the subject, outsiders and repeats', async () => {
    expect(
      ok(await call('HR', '{ systemSettings { peerFeedbackMinimum } }')).systemSettings
        .peerFeedbackMinimum,
    ).toBe(3);
    const ask = (who: Who, subject: Who, respondents: Who[], c = 'Q3') =>
      call(who, REQUEST_PEERS, {
        s: ids[subject],
        p: periodId,
        c,
        r: respondents.map((r) => ids[r]),
      });

    refused(await ask('S', 'E', ['E']), 'BAD_USER_INPUT', /cannot give 360 feedback on themselves/);
    refused(await ask('S', 'E', ['OUT']), 'BAD_USER_INPUT', /neither a peer/);
    refused(await ask('S', 'E', ['K']), 'BAD_USER_INPUT', /neither a peer/);
    refused(await ask('K', 'E', ['F']), 'FORBIDDEN'); // only E's assessor asks
    refused(await ask('F', 'E', ['G']), 'FORBIDDEN');
    // The annual evaluation's 360 waits for the evaluation window (December–January).
    refused(await ask('S', 'E', ['F'], 'ANNUAL'), 'BAD_USER_INPUT', /evaluation window/);

    // E has only two peers (F and G) and no subordinates: fewer than the minimum of three.
    const requests = ok(await ask('S', 'E', ['F', 'G'])).requestPeerFeedback;
    expect(requests).toHaveLength(2);
    for (const r of requests)
      expect(r).toMatchObject({ relation: 'PEER', status: 'OPEN', subject: { id: ids.E } });
    refused(await ask('S', 'E', ['F']), 'BAD_USER_INPUT', /already been asked/);

    // S, asked about by K: a peer kepala seksi and two of S's own reports (subordinates).
    const aboutS = ok(await ask('K', 'S', ['P', 'E', 'F'])).requestPeerFeedback;
    expect(aboutS.map((r: any) => r.relation).sort()).toEqual([
      'PEER',
      'SUBORDINATE',
      'SUBORDINATE',
    ]);
  });

  it('lets each respondent answer all seven values once', async () => {
    const mine = ok(await call('F', MY_REQUESTS)).myPeerFeedbackRequests;
    expect(mine).toHaveLength(2);
    const aboutE = mine.find((r: any) => r.subject.id === ids.E);
    expect(aboutE).toMatchObject({
      relation: 'PEER',
      status: 'OPEN',
      checkpoint: 'Q3',
      period: { id: periodId },
    });
    expect(
      ok(await call('E', MY_REQUESTS)).myPeerFeedbackRequests.map((r: any) => r.subject.id),
    ).toEqual([ids.S]);
    expect(ok(await call('G', MY_REQUESTS)).myPeerFeedbackRequests).toHaveLength(1);

    const sixValues = allValues('MEETS').slice(0, 6);
    refused(
      await call('F', ANSWER, { id: aboutE.id, ratings: sixValues }),
      'BAD_USER_INPUT',
      /missing: COLLABORATIVE/,
    );
    refused(await call('G', ANSWER, { id: aboutE.id, ratings: allValues('MEETS') }), 'NOT_FOUND');
    expect(
      ok(
        await call('F', ANSWER, {
          id: aboutE.id,
          ratings: allValues('ABOVE', { SERVICE_ORIENTED: 'Selalu sigap membantu puskesmas.' }),
        }),
      ).answerPeerFeedback,
    ).toBe(true);
    refused(
      await call('F', ANSWER, { id: aboutE.id, ratings: allValues('BELOW') }),
      'BAD_USER_INPUT',
      /already answered/,
    );
    expect(
      ok(await call('F', MY_REQUESTS)).myPeerFeedbackRequests.map((r: any) => r.subject.id),
    ).toEqual([ids.S]);
  });

  it('hides aggregates from everyone below the minimum, the assessor too, never naming who answered', async () => {
    const summary = async (who: Who | 'HR', subject: Who) =>
      ok(await call(who, SUMMARY, { s: ids[subject], p: periodId, c: 'Q3' })).peerFeedbackSummary;

    // One response of two requested: E sees only the counts.
    expect(await summary('E', 'E')).toEqual({
      requested: 2,
      responses: 1,
      minimum: 3,
      visible: false,
      values: [],
      comments: [],
    });
    const gRequest = ok(await call('G', MY_REQUESTS)).myPeerFeedbackRequests[0];
    ok(
      await call('G', ANSWER, {
        id: gRequest.id,
        ratings: allValues('MEETS', { SERVICE_ORIENTED: 'Perlu lebih cepat membalas pesan.' }),
      }),
    );
    // Two responses: still below the default minimum of three.
    expect(await summary('E', 'E')).toMatchObject({ responses: 2, visible: false, values: [] });

    // Below the minimum the assessor, too, sees only the counts: two answers are two people.
    expect(await summary('S', 'E')).toEqual({
      requested: 2,
      responses: 2,
      minimum: 3,
      visible: false,
      values: [],
      comments: [],
    });
    // A peer may not read a colleague's 360 at all.
    refused(await call('F', SUMMARY, { s: ids.E, p: periodId, c: 'Q3' }), 'FORBIDDEN');

    // S has three respondents: at the default minimum S sees the values (without comments).
    const aboutS = async (who: Who) =>
      ok(await call(who, MY_REQUESTS)).myPeerFeedbackRequests.find(
        (r: any) => r.subject.id === ids.S,
      ).id;
    ok(await call('P', ANSWER, { id: await aboutS('P'), ratings: allValues('MEETS') }));
    ok(await call('E', ANSWER, { id: await aboutS('E'), ratings: allValues('ABOVE') }));
    expect(await summary('S', 'S')).toMatchObject({ responses: 2, visible: false, values: [] });
    ok(
      await call('F', ANSWER, {
        id: await aboutS('F'),
        ratings: allValues('ABOVE', { LOYAL: 'Membimbing kami dengan sabar.' }),
      }),
    );
    const sOwn = await summary('S', 'S');
    expect(sOwn).toMatchObject({ requested: 3, responses: 3, minimum: 3, visible: true });
    expect(sOwn.values.find((v: any) => v.value === 'LOYAL')).toMatchObject({
      responses: 3,
      above: 2,
      meets: 1,
      rating: 'ABOVE',
    });
    expect(sOwn.comments).toEqual([]);
    expect((await summary('K', 'S')).comments).toEqual([
      { value: 'LOYAL', text: 'Membimbing kami dengan sabar.' },
    ]);

    // S's seksi is too small for three peers of E: the HR admin lowers the minimum to 2.
    ok(await call('HR', SETTINGS, { input: { peerFeedbackMinimum: 2 } }));
    const eOwn = await summary('E', 'E');
    expect(eOwn).toMatchObject({ responses: 2, minimum: 2, visible: true, comments: [] });
    expect(eOwn.values.find((v: any) => v.value === 'SERVICE_ORIENTED')).toMatchObject({
      above: 1,
      meets: 1,
      meanScore: 2.5,
    });
    // At the minimum the assessor sees the aggregates and the comments.
    const forAssessor = await summary('S', 'E');
    expect(forAssessor).toMatchObject({ requested: 2, responses: 2, minimum: 2, visible: true });
    const service = forAssessor.values.find((v: any) => v.value === 'SERVICE_ORIENTED');
    expect(service).toEqual({
      value: 'SERVICE_ORIENTED',
      responses: 2,
      meanScore: 2.5,
      rating: 'ABOVE',
      above: 1,
      meets: 1,
      below: 0,
    });
    expect(forAssessor.values).toHaveLength(7);
    expect(forAssessor.comments).toEqual([
      { value: 'SERVICE_ORIENTED', text: 'Perlu lebih cepat membalas pesan.' },
      { value: 'SERVICE_ORIENTED', text: 'Selalu sigap membantu puskesmas.' },
    ]);

    // No summary, in anyone's view, names or points at a respondent.
    const views: [Who, unknown][] = [
      ['E', eOwn],
      ['E', forAssessor],
      ['E', await summary('HR', 'E')],
      ['S', sOwn],
      ['S', await summary('K', 'S')],
    ];
    for (const [subject, view] of views) {
      const json = JSON.stringify(view);
      const respondents: Who[] = subject === 'E' ? ['F', 'G'] : ['P', 'E', 'F'];
      for (const who of respondents) {
        expect(json).not.toContain(ids[who]);
        expect(json).not.toContain(team[who].nip);
        expect(json).not.toContain(team[who].name);
      }
    }
    // PeerFeedbackRequest and PeerFeedbackSummary have no field for the respondent.
    const types = ok(
      await call(
        'HR',
        '{ a: __type(name: "PeerFeedbackSummary") { fields { name } } b: __type(name: "PeerFeedbackRequest") { fields { name } } c: __type(name: "ValueAggregate") { fields { name } } }',
      ),
    );
    const fieldNames = [types.a, types.b, types.c].flatMap((x: any) =>
      x.fields.map((f: any) => f.name),
    );
    expect(fieldNames.filter((n: string) => /respond|author|employee|nip/i.test(n))).toEqual([]);
  });
});

describe('Triwulan III: self-assessment, appraisals and the curve', () => {
  it('shows the assessor the self-assessment and the evidence beside their own rating', async () => {
    // Work logged in the quarter, reviewed by S, and feedback from S.
    ok(await call('HR', SETTINGS, { input: { activityWindowDays: 120 } }));
    const LOG = `mutation($input: ActivityInput!) { logActivity(input: $input) { id } }`;
    const log = async (date: string, output: number) =>
      ok(
        await call('E', LOG, {
          input: {
            indicatorId: eIndicator,
            date,
            description: `Laporan kasus ${date}`,
            output,
            evidenceUrls: ['https://drive.denpasarkota.go.id/laporan'],
          },
        }),
      ).logActivity.id;
    const a1 = await log(`${YEAR}-08-10`, 3);
    const a2 = await log(`${YEAR}-09-15`, 2);
    const a3 = await log(`${YEAR}-09-20`, 4);
    const a4 = await log(`${YEAR}-10-01`, 1); // Triwulan IV: not in the Q3 evidence count
    ok(
      await call(
        'S',
        'mutation($ids: [ID!]!) { reviewActivities(activityIds: $ids, decision: APPROVE) { id } }',
        { ids: [a1, a2, a4] },
      ),
    );
    ok(
      await call(
        'S',
        'mutation($id: ID!) { reviewActivity(activityId: $id, decision: REJECT, note: "Bukti dukung tidak sesuai.") { id } }',
        { id: a3 },
      ),
    );
    ok(
      await call('S', 'mutation($input: FeedbackInput!) { giveFeedback(input: $input) { id } }', {
        input: { planId: plans.E, body: 'Laporan Agustus rapi; percepat laporan September.' },
      }),
    );

    const selfInput = {
      planId: plans.E,
      checkpoint: 'Q3',
      resultRating: 'MEETS',
      behaviourRating: 'MEETS',
      overallNote: 'Target triwulan tercapai.',
    };
    ok(await call('E', SELF, { input: selfInput }));
    // Revised before the assessor submits.
    const self = ok(
      await call('E', SELF, {
        input: {
          ...selfInput,
          resultRating: 'ABOVE',
          behaviourRating: 'ABOVE',
          valueNotes: [{ value: 'SERVICE_ORIENTED', note: 'Membantu tiga puskesmas.' }],
        },
      }),
    ).submitSelfAssessment;
    expect(self).toMatchObject({
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
      predikat: 'VERY_GOOD',
    });
    refused(await call('F', SELF, { input: selfInput }), 'FORBIDDEN');
    refused(await call('S', SELF, { input: selfInput }), 'FORBIDDEN');
    ok(
      await call('F', SELF, {
        input: { ...selfInput, planId: plans.F, resultRating: 'ABOVE' },
      }),
    );

    // Only the plan's assessor rates: not the employee, not the assessor's supervisor, and
    // nobody their own plan.
    const eInput = {
      planId: plans.E,
      checkpoint: 'Q3',
      resultRating: 'MEETS',
      behaviourRating: 'MEETS',
      valueNotes: [{ value: 'SERVICE_ORIENTED', note: 'Responsif terhadap puskesmas.' }],
      overallNote: 'Sesuai ekspektasi.',
    };
    refused(await call('E', SAVE, { input: eInput }), 'FORBIDDEN');
    refused(await call('K', SAVE, { input: eInput }), 'FORBIDDEN');
    refused(await call('S', SAVE, { input: { ...eInput, planId: plans.S } }), 'FORBIDDEN');

    // The assessor's queue lists the three Triwulan III appraisals due, none begun.
    const TODOS = `{ reviewQueue { dueCheckpoint appraisalsToComplete people(first: 10) { nodes {
      employee { id } appraisalsToComplete { checkpoint appraisal { id status }
        plan { id status employee { id } period { year } } } } } } }`;
    const todos = async () => {
      const queue = ok(await call('S', TODOS)).reviewQueue;
      const byPerson = new Map<string, unknown[]>(
        queue.people.nodes.map((n: any) => [n.employee.id, n.appraisalsToComplete]),
      );
      return { queue, byPerson };
    };
    const todo = (who: 'E' | 'F' | 'G', appraisal: unknown = null) => [
      {
        checkpoint: 'Q3',
        appraisal,
        plan: {
          id: plans[who],
          status: 'APPROVED',
          employee: { id: ids[who] },
          period: { year: YEAR },
        },
      },
    ];
    const before = await todos();
    expect(before.queue).toMatchObject({ dueCheckpoint: 'Q3', appraisalsToComplete: 3 });
    for (const who of ['E', 'F', 'G'] as const) {
      expect(before.byPerson.get(ids[who])).toEqual(todo(who));
    }

    // The checkpoint due follows the clock (decided in the queue's SQL as dueCheckpoint()
    // decides it). A quarter's appraisals wait from the end of its last day in Denpasar, the
    // annual ones from the opening of the evaluation window (midnight WITA, 16:00 UTC before).
    const opensOn = ok(
      await call('HR', 'query($id: ID!) { period(id: $id) { evaluationWindow { opensOn } } }', {
        id: periodId,
      }),
    ).period.evaluationWindow.opensOn;
    const DUE = `{ reviewQueue { dueCheckpoint appraisalsToComplete people(first: 10) { nodes {
      employee { id } oldestWaitingSince appraisalsToComplete { checkpoint } } } } }`;
    const startedAt = now;
    for (const [clock, checkpoint, since] of [
      [`${YEAR}-03-31T15:59:00Z`, null, null], // 23:59 WITA on the last day of Triwulan I
      [`${YEAR}-03-31T16:00:00Z`, 'Q1', `${YEAR}-03-31T16:00:00.000Z`],
      [
        `${opensOn}T03:00:00Z`,
        'ANNUAL',
        new Date(Date.parse(`${opensOn}T16:00:00Z`) - 86_400_000).toISOString(),
      ],
    ] as const) {
      now = new Date(clock);
      const queue = ok(await call('S', DUE)).reviewQueue;
      expect(queue.dueCheckpoint).toBe(checkpoint);
      expect(queue.appraisalsToComplete).toBe(checkpoint ? 3 : 0);
      for (const who of ['E', 'F', 'G'] as const) {
        const person = queue.people.nodes.find((n: any) => n.employee.id === ids[who]);
        if (!checkpoint) {
          expect(person?.appraisalsToComplete ?? []).toEqual([]);
          continue;
        }
        expect(person.appraisalsToComplete).toEqual([{ checkpoint }]);
        // Nothing else waits from them.
        expect(person.oldestWaitingSince).toBe(since);
      }
    }
    now = startedAt;

    const saved = ok(await call('S', SAVE, { input: eInput })).saveAppraisal;
    appraisals['E:Q3'] = saved.id;
    // Begun: still to complete, now with the draft.
    expect((await todos()).byPerson.get(ids.E)).toEqual(
      todo('E', { id: saved.id, status: 'DRAFT' }),
    );
    expect(saved).toMatchObject({
      status: 'DRAFT',
      predikat: 'GOOD',
      predikatName: 'Baik',
      functionalCreditPercent: null,
      valueNotes: [{ value: 'SERVICE_ORIENTED', note: 'Responsif terhadap puskesmas.' }],
    });
    refused(
      await call('S', SAVE, { input: { ...eInput, overallNote: 'x' } }),
      'BAD_USER_INPUT',
      /expectedVersion/,
    );

    const seen = ok(
      await call(
        'S',
        `query($id: ID!) { appraisal(id: $id) { resultRating behaviourRating predikat
          selfAssessment { resultRating behaviourRating predikat overallNote valueNotes { value note } }
          evidence { planProgress approvedActivities recentActivities { date status output } feedback { body author { id } } } } }`,
        { id: saved.id },
      ),
    ).appraisal;
    expect(seen.selfAssessment).toEqual({
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
      predikat: 'VERY_GOOD',
      overallNote: 'Target triwulan tercapai.',
      valueNotes: [{ value: 'SERVICE_ORIENTED', note: 'Membantu tiga puskesmas.' }],
    });
    expect(seen.predikat).toBe('GOOD');
    // Approved outputs 3 + 2 + 1 (October) of a target of 12; the rejected 4 does not count.
    expect(seen.evidence.planProgress).toBeCloseTo(6 / 12, 6);
    expect(seen.evidence.approvedActivities).toBe(2);
    expect(seen.evidence.recentActivities).toEqual([
      { date: `${YEAR}-09-15`, status: 'APPROVED', output: 2 },
      { date: `${YEAR}-08-10`, status: 'APPROVED', output: 3 },
    ]);
    expect(seen.evidence.feedback).toEqual([
      { body: 'Laporan Agustus rapi; percepat laporan September.', author: { id: ids.S } },
    ]);
    // The employee sees their own appraisal and self-assessment too; a peer does not.
    expect(ok(await call('E', APPRAISAL, { id: saved.id })).appraisal.predikat).toBe('GOOD');
    refused(await call('F', APPRAISAL, { id: saved.id }), 'FORBIDDEN');
  });

  it('resolves concurrent edits of one appraisal with CONFLICT, never overwriting', async () => {
    const created = ok(
      await call('S', SAVE, {
        input: {
          planId: plans.G,
          checkpoint: 'Q3',
          resultRating: 'MEETS',
          behaviourRating: 'MEETS',
        },
      }),
    ).saveAppraisal;
    appraisals['G:Q3'] = created.id;
    const edit = (who: 'S' | 'S2', note: string) =>
      call(who, SAVE, {
        input: {
          planId: plans.G,
          checkpoint: 'Q3',
          expectedVersion: created.version,
          overallNote: note,
        },
      });
    // Two tabs of the assessor save on the same version at the same time (a few times over, so
    // that the requests really overlap on a pooled PostgreSQL connection).
    const results = await Promise.all(
      ['S', 'S2', 'S', 'S2', 'S', 'S2'].map((tab, n) =>
        edit(tab as 'S' | 'S2', `Catatan dari tab ${n + 1}.`),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners, JSON.stringify(losers.map((l) => l.errors))).toHaveLength(1);
    expect(losers).toHaveLength(5);
    for (const loser of losers) refused(loser, 'CONFLICT');
    const stored = ok(await call('S', APPRAISAL, { id: created.id })).appraisal;
    expect(stored.version).toBe(created.version + 1);
    expect(stored.overallNote).toBe(winners[0].data!.saveAppraisal.overallNote);

    // A stale tab later still loses, and the message says the version it lost to.
    const stale = refused(await edit('S2', 'Terlambat.'), 'CONFLICT');
    expect(stale.message).toContain(`now version ${created.version + 1}`);
    expect(stale.message).toContain(`you edited version ${created.version}`);
    expect(ok(await call('S', APPRAISAL, { id: created.id })).appraisal.overallNote).toBe(
      stored.overallNote,
    );
  });

  it('refuses finalisation while the curve is broken, names the rules, and accepts once fixed', async () => {
    // E GOOD, F VERY_GOOD, G GOOD, S GOOD (by K): 3 Baik of 4 and no Butuh Perbaikan.
    const eDraft = ok(await call('S', APPRAISAL, { id: appraisals['E:Q3'] })).appraisal;
    const e = ok(
      await call('S', SUBMIT_APPRAISAL, { id: eDraft.id, v: eDraft.version }),
    ).submitAppraisal;
    const gDraft = ok(await call('S', APPRAISAL, { id: appraisals['G:Q3'] })).appraisal;
    ok(await call('S', SUBMIT_APPRAISAL, { id: gDraft.id, v: gDraft.version }));
    await rate('S', 'F', 'Q3', 'ABOVE', 'ABOVE');
    await rate('K', 'S', 'Q3', 'MEETS', 'ABOVE');
    refused(
      await call('S', SUBMIT_APPRAISAL, { id: e.id, v: e.version }),
      'BAD_USER_INPUT',
      /already been submitted/,
    );
    // The self-assessment closes when the assessor submits.
    refused(
      await call('E', SELF, {
        input: {
          planId: plans.E,
          checkpoint: 'Q3',
          resultRating: 'ABOVE',
          behaviourRating: 'ABOVE',
        },
      }),
      'BAD_USER_INPUT',
      /closed/,
    );

    const broken = ok(
      await call('UA', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q3' }),
    ).distribution;
    expect(broken).toMatchObject({ total: 4, submitted: 4, final: 0, drafts: 0, holds: false });
    // A whole OPD is counted by the OPD kept on each appraisal, a unit inside it by its units:
    // both must agree with counting through the plans' units.
    const byUnits = async (unitId: string) =>
      (
        await t.app.orm.em.fork().execute<{ n: number }[]>(
          `select count(*)::int as n from appraisal a
             join performance_plan p on p.id = a.plan_id join org_unit u on u.id = p.org_unit_id
            where a.period_id = ? and a.checkpoint = 'Q3' and a.status <> 'DRAFT'
              and u.path like (select path || '%' from org_unit where id = ?)`,
          [periodId, unitId],
        )
      )[0].n;
    expect(broken.total).toBe(await byUnits(opdId));
    const section = ok(
      await call('UA', DISTRIBUTION, { u: sectionId, p: periodId, c: 'Q3' }),
    ).distribution;
    expect(section.total).toBe(await byUnits(sectionId));
    expect(section.total).toBeGreaterThan(0);
    expect(section.total).toBeLessThanOrEqual(broken.total);
    expect(broken.counts).toEqual([
      { predikat: 'VERY_GOOD', name: 'Sangat Baik', count: 1, share: 0.25 },
      { predikat: 'GOOD', name: 'Baik', count: 3, share: 0.75 },
      { predikat: 'NEEDS_IMPROVEMENT', name: 'Butuh Perbaikan', count: 0, share: 0 },
      { predikat: 'POOR', name: 'Kurang/Misconduct', count: 0, share: 0 },
      { predikat: 'VERY_POOR', name: 'Sangat Kurang', count: 0, share: 0 },
    ]);
    expect(broken.rules).toEqual([
      {
        description: 'Baik at most 70% (at most 2 of 4)',
        predikat: ['GOOD'],
        max: 0.7,
        min: null,
        count: 3,
        allowedMax: 2,
        requiredMin: null,
        holds: false,
        problem: expect.stringMatching(/^Baik: 3 of 4, but at most 2 are allowed/),
      },
      {
        description: 'Butuh Perbaikan or Kurang/Misconduct at least 1',
        predikat: ['NEEDS_IMPROVEMENT', 'POOR'],
        max: null,
        min: null,
        count: 0,
        allowedMax: null,
        requiredMin: 1,
        holds: false,
        problem: expect.stringMatching(/^Butuh Perbaikan or Kurang\/Misconduct: 0 of 4/),
      },
    ]);
    // The people of the OPD see the counts; someone from another OPD does not.
    expect(
      ok(await call('E', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q3' })).distribution.total,
    ).toBe(4);
    refused(await call('SEKDA', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q3' }), 'FORBIDDEN');

    refused(await call('S', FINALISE, { u: opdId, p: periodId, c: 'Q3' }), 'FORBIDDEN');
    const refusal = refused(
      await call('UA', FINALISE, { u: opdId, p: periodId, c: 'Q3' }),
      'BAD_USER_INPUT',
      /breaks the GOOD pattern/,
    );
    expect(refusal.message).toContain(broken.rules[0].problem);
    expect(refusal.message).toContain(broken.rules[1].problem);
    expect(refusal.extensions!.violations).toEqual([
      broken.rules[0].problem,
      broken.rules[1].problem,
    ]);
    expect(ok(await call('S', APPRAISAL, { id: e.id })).appraisal.status).toBe('SUBMITTED');

    // S corrects E's submitted appraisal to Butuh Perbaikan; a stale version is refused.
    refused(
      await call('S', SAVE, {
        input: {
          planId: plans.E,
          checkpoint: 'Q3',
          expectedVersion: e.version - 1,
          resultRating: 'BELOW',
        },
      }),
      'CONFLICT',
    );
    const corrected = ok(
      await call('S', SAVE, {
        input: {
          planId: plans.E,
          checkpoint: 'Q3',
          expectedVersion: e.version,
          resultRating: 'BELOW',
          overallNote: 'Laporan September terlambat dan sebagian ditolak.',
        },
      }),
    ).saveAppraisal;
    expect(corrected).toMatchObject({
      status: 'SUBMITTED',
      resultRating: 'BELOW',
      behaviourRating: 'MEETS',
      predikat: 'NEEDS_IMPROVEMENT',
      predikatName: 'Butuh Perbaikan',
    });

    const fixed = ok(
      await call('UA', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q3' }),
    ).distribution;
    expect(fixed.holds).toBe(true);
    expect(fixed.rules.map((r: any) => [r.count, r.holds, r.problem])).toEqual([
      [2, true, null],
      [1, true, null],
    ]);
    const finalised = ok(
      await call('UA', FINALISE, { u: opdId, p: periodId, c: 'Q3' }),
    ).finaliseAppraisals;
    expect(finalised).toMatchObject({ total: 4, submitted: 0, final: 4, holds: true });
    const eFinal = ok(await call('E', APPRAISAL, { id: e.id })).appraisal;
    expect(eFinal).toMatchObject({ status: 'FINAL', predikat: 'NEEDS_IMPROVEMENT' });
    refused(
      await call('S', SAVE, {
        input: {
          planId: plans.E,
          checkpoint: 'Q3',
          expectedVersion: eFinal.version,
          resultRating: 'MEETS',
        },
      }),
      'BAD_USER_INPUT',
      /final appraisal is read-only/,
    );
    refused(
      await call('UA', FINALISE, { u: opdId, p: periodId, c: 'Q3' }),
      'BAD_USER_INPUT',
      /no submitted appraisals/,
    );
    // The appraisal became final "now", by the clock the rules (the appeal window) use.
    expect(eFinal.finalisedAt).toBe(now.toISOString());
  });

  it('lets only an HR admin finalise against the curve, with a recorded reason (Triwulan II)', async () => {
    for (const who of ['E', 'F', 'G'] as Who[]) await rate('S', who, 'Q2', 'MEETS', 'MEETS');
    await rate('K', 'S', 'Q2', 'MEETS', 'MEETS');
    const reason = 'Seluruh seksi mencapai target Triwulan II; disetujui Kepala BKPSDM.';
    const plain = refused(
      await call('UA', FINALISE, { u: opdId, p: periodId, c: 'Q2' }),
      'BAD_USER_INPUT',
    );
    expect(plain.extensions!.violations).toHaveLength(2);
    refused(
      await call('UA', FINALISE, { u: opdId, p: periodId, c: 'Q2', r: reason }),
      'FORBIDDEN',
      /Only an HR admin/,
    );
    refused(await call('HR', FINALISE, { u: opdId, p: periodId, c: 'Q2' }), 'BAD_USER_INPUT');
    expect(
      ok(await call('HR', DISTRIBUTION, { u: opdId, p: periodId, c: 'Q2' })).distribution.final,
    ).toBe(0);
    const overridden = ok(
      await call('HR', FINALISE, { u: opdId, p: periodId, c: 'Q2', r: reason }),
    ).finaliseAppraisals;
    expect(overridden).toMatchObject({ final: 4, submitted: 0, holds: false });

    const trail = ok(
      await call(
        'HR',
        'query($s: ID!) { auditTrail(subjectId: $s, first: 20) { nodes { action actorEmployeeId after } } }',
        { s: opdId },
      ),
    ).auditTrail.nodes;
    const override = trail.find((n: any) => n.action === 'appraisals.finalise_override');
    expect(override.after).toMatchObject({
      checkpoint: 'Q2',
      finalised: 4,
      overrideReason: reason,
    });
    const normal = trail.find((n: any) => n.action === 'appraisals.finalise');
    expect(normal.after).toMatchObject({ checkpoint: 'Q3', finalised: 4, patternHolds: true });
  });
});

describe('appeals', () => {
  const appealOf: Record<string, string> = {};

  it('grants an appeal through the assessor’s supervisor, keeping the old ratings in history', async () => {
    now = new Date(`${YEAR}-10-06T01:00:00Z`);
    const eQ3 = appraisals['E:Q3'];
    refused(
      await call('F', FILE_APPEAL, { id: eQ3, r: 'Saya keberatan atas penilaian rekan saya.' }),
      'FORBIDDEN',
    );
    refused(
      await call('E', FILE_APPEAL, { id: eQ3, r: 'Tidak.' }),
      'BAD_USER_INPUT',
      /at least 10/,
    );
    const appeal = ok(
      await call('E', FILE_APPEAL, {
        id: eQ3,
        r: 'Laporan September ditolak karena tautan bukti rusak, bukan karena isinya.',
      }),
    ).fileAppeal;
    appealOf.E = appeal.id;
    expect(appeal).toMatchObject({
      status: 'FILED',
      decider: { id: ids.K },
      employee: { id: ids.E },
      appraisal: { id: eQ3, status: 'APPEALED' },
    });
    refused(
      await call('E', FILE_APPEAL, { id: eQ3, r: 'Keberatan kedua atas penilaian yang sama.' }),
      'BAD_USER_INPUT',
      /already been appealed/,
    );
    // Under appeal, the assessor can no longer change it.
    const appealed = ok(await call('S', APPRAISAL, { id: eQ3 })).appraisal;
    refused(
      await call('S', SAVE, {
        input: {
          planId: plans.E,
          checkpoint: 'Q3',
          expectedVersion: appealed.version,
          resultRating: 'MEETS',
        },
      }),
      'BAD_USER_INPUT',
      /under appeal/,
    );

    // K asks S and E to explain; each answers once.
    const ASK = `mutation($id: ID!, $f: ExplanationFrom!, $q: String!) { requestAppealExplanation(appealId: $id, from: $f, question: $q) { id from askedOf { id } } }`;
    const EXPLAIN = `mutation($id: ID!, $a: String!) { explainAppeal(explanationId: $id, answer: $a) { answer answeredAt } }`;
    refused(
      await call('S', ASK, { id: appeal.id, f: 'EMPLOYEE', q: 'Mengapa laporan terlambat?' }),
      'FORBIDDEN',
    );
    const toAssessor = ok(
      await call('K', ASK, {
        id: appeal.id,
        f: 'ASSESSOR',
        q: 'Mengapa laporan September ditolak?',
      }),
    ).requestAppealExplanation;
    expect(toAssessor.askedOf.id).toBe(ids.S);
    const toEmployee = ok(
      await call('K', ASK, {
        id: appeal.id,
        f: 'EMPLOYEE',
        q: 'Apakah ada bukti dukung pengganti?',
      }),
    ).requestAppealExplanation;
    expect(toEmployee.askedOf.id).toBe(ids.E);
    refused(
      await call('E', EXPLAIN, { id: toAssessor.id, a: 'Saya bukan yang ditanya di sini.' }),
      'FORBIDDEN',
    );
    ok(
      await call('S', EXPLAIN, { id: toAssessor.id, a: 'Tautan bukti dukung tidak bisa dibuka.' }),
    );
    ok(await call('E', EXPLAIN, { id: toEmployee.id, a: 'Ada, tautan baru sudah saya kirim.' }));
    refused(
      await call('E', EXPLAIN, { id: toEmployee.id, a: 'Jawaban kedua untuk hal yang sama.' }),
      'BAD_USER_INPUT',
      /already given/,
    );

    // Only the assessor's supervisor decides: not the head above, not the assessor.
    const grant = {
      id: appeal.id,
      d: 'GRANTED',
      n: 'Bukti dukung pengganti sah; hasil kerja sesuai ekspektasi.',
      rr: 'MEETS',
      br: 'MEETS',
    };
    refused(await call('H', DECIDE, grant), 'FORBIDDEN');
    refused(await call('S', DECIDE, grant), 'FORBIDDEN');
    refused(await call('E', DECIDE, grant), 'FORBIDDEN');
    refused(
      await call('K', DECIDE, { ...grant, rr: null, br: null }),
      'BAD_USER_INPUT',
      /new ratings/,
    );
    const decided = ok(await call('K', DECIDE, grant)).decideAppeal;
    expect(decided).toMatchObject({
      status: 'DECIDED',
      decision: 'GRANTED',
      decisionNote: grant.n,
      appraisal: {
        status: 'FINAL',
        resultRating: 'MEETS',
        behaviourRating: 'MEETS',
        predikat: 'GOOD',
        predikatName: 'Baik',
        appeal: { id: appeal.id, status: 'DECIDED', decision: 'GRANTED' },
      },
    });
    expect(decided.appraisal.history).toEqual([
      {
        resultRating: 'BELOW',
        behaviourRating: 'MEETS',
        predikat: 'NEEDS_IMPROVEMENT',
        reason: `Appeal granted: ${grant.n}`,
      },
    ]);

    // The decision is final, and one appeal per appraisal.
    refused(await call('K', DECIDE, grant), 'BAD_USER_INPUT', /decision is final/);
    refused(
      await call('K', DECIDE, { id: appeal.id, d: 'REJECTED', n: 'Berubah pikiran setelahnya.' }),
      'BAD_USER_INPUT',
      /decision is final/,
    );
    refused(
      await call('E', FILE_APPEAL, { id: eQ3, r: 'Saya ingin predikat Sangat Baik sekarang.' }),
      'BAD_USER_INPUT',
      /already been appealed/,
    );
    const seen = ok(
      await call(
        'E',
        `query($id: ID!) { appeal(id: $id) { status decision explanations { from question answer askedOf { id } } } }`,
        { id: appeal.id },
      ),
    ).appeal;
    expect(seen.explanations.map((x: any) => [x.from, x.askedOf.id])).toEqual([
      ['ASSESSOR', ids.S],
      ['EMPLOYEE', ids.E],
    ]);
  });

  it('rejects an appeal, leaving the ratings unchanged', async () => {
    now = new Date(`${YEAR}-10-10T03:00:00Z`);
    const gQ3 = appraisals['G:Q3'];
    const appeal = ok(
      await call('G', FILE_APPEAL, {
        id: gQ3,
        r: 'Distribusi logistik melampaui target; saya layak Sangat Baik.',
      }),
    ).fileAppeal;
    appealOf.G = appeal.id;
    expect(appeal.decider.id).toBe(ids.K);
    refused(
      await call('K', DECIDE, {
        id: appeal.id,
        d: 'REJECTED',
        n: 'Penilaian sudah sesuai bukti.',
        rr: 'ABOVE',
        br: 'ABOVE',
      }),
      'BAD_USER_INPUT',
      /rejected appeal leaves the ratings/,
    );
    const decided = ok(
      await call('K', DECIDE, {
        id: appeal.id,
        d: 'REJECTED',
        n: 'Penilaian sudah sesuai bukti dukung yang ada.',
      }),
    ).decideAppeal;
    expect(decided).toMatchObject({
      status: 'DECIDED',
      decision: 'REJECTED',
      appraisal: {
        status: 'FINAL',
        resultRating: 'MEETS',
        behaviourRating: 'MEETS',
        predikat: 'GOOD',
        history: [],
      },
    });
  });

  it('refuses an appeal of an appraisal that is not final', async () => {
    const annual = ok(
      await call('S', SAVE, {
        input: {
          planId: plans.E,
          checkpoint: 'ANNUAL',
          resultRating: 'MEETS',
          behaviourRating: 'MEETS',
        },
      }),
    ).saveAppraisal;
    appraisals['E:ANNUAL'] = annual.id;
    refused(
      await call('E', FILE_APPEAL, { id: annual.id, r: 'Penilaian tahunan belum adil bagi saya.' }),
      'BAD_USER_INPUT',
      /Only a final appraisal can be appealed/,
    );
  });

  it('accepts an appeal on the last day of the window and refuses one a moment later', async () => {
    // Finalised on 5 October (WITA); the default window of 14 days ends 19 October 23:59 WITA.
    expect(
      ok(await call('HR', '{ systemSettings { appealWindowDays } }')).systemSettings
        .appealWindowDays,
    ).toBe(14);
    now = new Date(`${YEAR}-10-19T15:59:00Z`); // 23:59 WITA
    const inTime = ok(
      await call('F', FILE_APPEAL, {
        id: appraisals['F:Q3'],
        r: 'Catatan perilaku saya tidak mencerminkan kerja lapangan.',
      }),
    ).fileAppeal;
    expect(inTime.status).toBe('FILED');

    now = new Date(`${YEAR}-10-19T16:00:01Z`); // 20 October 00:00 WITA
    const late = refused(
      await call('S', FILE_APPEAL, {
        id: appraisals['S:Q3'],
        r: 'Saya keberatan dengan penilaian Triwulan III.',
      }),
      'BAD_USER_INPUT',
      /appeal window closed on 19 October 2026/,
    );
    expect(late.extensions!.field).toBe('appraisalId');
    expect(ok(await call('S', APPRAISAL, { id: appraisals['S:Q3'] })).appraisal).toMatchObject({
      status: 'FINAL',
      appeal: null,
    });
  });
});

describe('jabatan fungsional', () => {
  it('converts the annual predikat of a functional employee to a credit percentage', async () => {
    const f = ok(
      await call('S', SAVE, {
        input: {
          planId: plans.F,
          checkpoint: 'ANNUAL',
          resultRating: 'ABOVE',
          behaviourRating: 'ABOVE',
        },
      }),
    ).saveAppraisal;
    expect(f).toMatchObject({ predikat: 'VERY_GOOD', functionalCreditPercent: 150 });
    const corrected = ok(
      await call('S', SAVE, {
        input: {
          planId: plans.F,
          checkpoint: 'ANNUAL',
          expectedVersion: f.version,
          behaviourRating: 'MEETS',
        },
      }),
    ).saveAppraisal;
    expect(corrected).toMatchObject({ predikat: 'GOOD', functionalCreditPercent: 100 });
    // Not for a quarter, and not for a pelaksana.
    expect(
      ok(await call('F', APPRAISAL, { id: appraisals['F:Q3'] })).appraisal.functionalCreditPercent,
    ).toBeNull();
    expect(
      ok(await call('S', APPRAISAL, { id: appraisals['E:ANNUAL'] })).appraisal
        .functionalCreditPercent,
    ).toBeNull();
  });
});
