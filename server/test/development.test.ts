import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDirectory, writeDemoPlanning } from '../src/seed/demo.js';
import { DEMO_PASSWORD } from '../src/modules/auth/auth.service.js';
import type { DemoEmployee } from '../src/seed/demo-directory.js';
import type { PlanningPerson } from '../src/seed/demo-planning.js';
import { generateDemoDirectory } from '../src/seed/demo-directory.js';
import {
  countStatements,
  gql,
  signIn,
  startTestApp,
  type GqlResult,
  type TestApp,
} from './helpers.js';

/**
 * Development over the API, end to end: standards (with CSV), assessments with history, gaps,
 * the catalogue, recommendations (the public-service communication case), assignment by the
 * supervisor, enrolment, capacity, completion and JP, the unit views, and the talent grid with
 * its fallback to the last final quarter, promotion and award candidates.
 * "Today" is 27 November 2026: the demo year's third quarter is final (E's is appealed).
 */

const YEAR = 2026;
let t: TestApp;
let people: PlanningPerson[];
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let E: DemoEmployee;
let S: DemoEmployee;
let peer: DemoEmployee;
let opdId: string;
let unitId: string;
let periodId: string;

type Who = 'E' | 'S' | 'PEER' | 'HR' | 'UNIT' | 'AUDITOR' | 'OTHER' | 'SIBLING';
const call = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  gql(t.url, query, variables, { token: tokens[who] });

function ok<T = any>(result: GqlResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}
const codeOf = (result: GqlResult) => result.errors?.[0]?.extensions?.code;

const SAVE_STANDARD = `mutation($input: CompetencyStandardInput!) { saveCompetencyStandard(input: $input) {
  id version positionTitle jobType publicService opd { id } requirements { key name kind level } } }`;
const SAVE_TRAINING = `mutation($input: TrainingInput!) { saveTraining(input: $input) { id title jp capacity seatsTaken competencies { key level } } }`;
const RECORD = `mutation($input: CompetencyAssessmentInput!) { recordCompetencyAssessment(input: $input) { id competencyKey level source assessor { nip } } }`;
const GAPS = `query($e: ID!) { competencyGaps(employeeId: $e) { standard { id publicService } gaps { key name required assessed gap } } }`;
const RECOMMEND = `query($e: ID!) { trainingRecommendations(employeeId: $e) { rank basis competencyKey reason training { id title } } }`;
const HOURS = `query($e: ID!, $y: Int!) { developmentHours(employeeId: $e, year: $y) { jp minimum remaining reached share completions { jpCredited training { title } } } }`;

const TRAININGS = [
  {
    key: 'komunikasiPublik',
    title: 'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 24,
    capacity: 1,
    publicServiceFocus: true,
    competencies: [
      { key: 'COMMUNICATION', level: 3 },
      { key: 'PUBLIC_SERVICE', level: 3 },
    ],
  },
  {
    key: 'komunikasiOrganisasi',
    title: 'Pelatihan Komunikasi Organisasi dan Penulisan Naskah Dinas',
    provider: 'LAN',
    mode: 'E_LEARNING',
    jp: 16,
    competencies: [{ key: 'COMMUNICATION', level: 3 }],
  },
  {
    key: 'integritas',
    title: 'Pelatihan Integritas dan Antikorupsi bagi ASN',
    provider: 'Kemendagri',
    mode: 'E_LEARNING',
    jp: 12,
    competencies: [{ key: 'INTEGRITY', level: 4 }],
  },
  {
    key: 'lalu',
    title: 'Workshop Komunikasi Publik Tahun Lalu',
    provider: 'BPSDM Provinsi Bali',
    mode: 'WORKSHOP',
    jp: 8,
    startsOn: '2025-03-01',
    endsOn: '2025-03-02',
    competencies: [{ key: 'COMMUNICATION', level: 4 }],
  },
];

beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date(`${YEAR}-11-27T03:00:00Z`) });
  const directory = generateDemoDirectory({ seed: 7, employees: 400, today: `${YEAR}-11-27` });
  people = await t.app.orm.em.fork().transactional((em) => writeDemoDirectory(em, directory));
  await t.app.orm.em.fork().transactional((em) =>
    writeDemoPlanning(em, people, {
      seed: 7,
      year: YEAR,
      today: `${YEAR}-11-27`,
      activitiesPerPerson: 2,
      pendingDays: 14,
      appellantNip: directory.logins.employee,
      hrAdminNip: directory.logins.hrAdmin,
    }),
  );
  const byNip = new Map(directory.employees.map((e) => [e.nip, e]));
  E = byNip.get(directory.logins.employee)!;
  S = byNip.get(E.supervisorNip!)!;
  peer = directory.employees.find(
    (p) =>
      p.supervisorNip === S.nip &&
      p.nip !== E.nip &&
      !directory.roleGrants.some((g) => g.nip === p.nip),
  )!;
  const opdCode = E.orgUnitCode.split('.')[0];
  const other = directory.employees.find(
    (p) =>
      p.orgUnitCode.split('.')[0] !== opdCode && !directory.roleGrants.some((g) => g.nip === p.nip),
  )!;
  // Someone of E's OPD in another branch: neither in E's unit nor above or below it.
  const related = (a: string, b: string) =>
    a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const sibling = directory.employees.find(
    (p) =>
      p.orgUnitCode.split('.')[0] === opdCode &&
      !related(p.orgUnitCode, E.orgUnitCode) &&
      !directory.roleGrants.some((g) => g.nip === p.nip),
  )!;
  const logins: Record<Who, string> = {
    E: E.nip,
    S: S.nip,
    PEER: peer.nip,
    HR: directory.logins.hrAdmin,
    UNIT: directory.logins.unitAdmin,
    AUDITOR: directory.logins.auditor,
    OTHER: other.nip,
    SIBLING: sibling.nip,
  };
  for (const [who, nip] of Object.entries(logins))
    tokens[who] = await signIn(t.url, nip, DEMO_PASSWORD);
  const personOf = new Map(people.map((p) => [p.nip, p]));
  ids.E = personOf.get(E.nip)!.id;
  ids.S = personOf.get(S.nip)!.id;
  ids.PEER = personOf.get(peer.nip)!.id;
  opdId = personOf.get(E.nip)!.opdId;
  unitId = personOf.get(E.nip)!.orgUnitId;
  periodId = ok(await call('E', '{ currentPeriod { id } }')).currentPeriod.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('competency standards', () => {
  it('lets an HR admin save a shared standard and a public-service position standard', async () => {
    const shared = ok(
      await call('HR', SAVE_STANDARD, {
        input: {
          jobType: E.jobType,
          requirements: [
            { key: 'INTEGRITY', level: 3 },
            { key: 'COMMUNICATION', level: 2 },
            { key: 'NATION_BINDING', level: 2 },
          ],
        },
      }),
    ).saveCompetencyStandard;
    expect(shared).toMatchObject({ positionTitle: null, opd: null, publicService: false });
    ids.sharedStandard = shared.id;

    const position = ok(
      await call('HR', SAVE_STANDARD, {
        input: {
          opdId,
          positionTitle: E.positionTitle,
          jobType: E.jobType,
          publicService: true,
          requirements: [
            { key: 'COMMUNICATION', level: 3 },
            { key: 'INTEGRITY', level: 3 },
            { key: 'PUBLIC_SERVICE', level: 3 },
            { name: 'Pelayanan Administrasi Kependudukan', level: 2 },
          ],
        },
      }),
    ).saveCompetencyStandard;
    expect(position.requirements.map((r: any) => [r.key, r.kind, r.level])).toEqual([
      ['INTEGRITY', 'MANAGERIAL', 3],
      ['COMMUNICATION', 'MANAGERIAL', 3],
      ['PUBLIC_SERVICE', 'MANAGERIAL', 3],
      ['TECH:PELAYANAN ADMINISTRASI KEPENDUDUKAN', 'TECHNICAL', 2],
    ]);
    ids.positionStandard = position.id;
  });

  it('refuses a second standard for the same position, a bad level, and non-HR admins', async () => {
    const twice = await call('HR', SAVE_STANDARD, {
      input: { jobType: E.jobType, requirements: [{ key: 'INTEGRITY', level: 2 }] },
    });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const bad = await call('HR', SAVE_STANDARD, {
      input: { jobType: 'FUNCTIONAL', requirements: [{ key: 'INTEGRITY', level: 7 }] },
    });
    expect(bad.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'requirements' },
    });
    const unit = await call('UNIT', SAVE_STANDARD, {
      input: { jobType: 'FUNCTIONAL', requirements: [{ key: 'INTEGRITY', level: 2 }] },
    });
    expect(codeOf(unit)).toBe('FORBIDDEN');
  });

  it('exports CSV and imports it back, updating what it names and creating what is new', async () => {
    const csv: string = ok(await call('HR', '{ competencyStandardsCsv }')).competencyStandardsCsv;
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 3 + 4);
    const edited = `${csv}${',,FUNCTIONAL,no,INTEGRITY,,4\n'}`;
    const result = ok(
      await call(
        'HR',
        'mutation($csv: String!) { importCompetencyStandards(csv: $csv) { created updated } }',
        {
          csv: edited,
        },
      ),
    ).importCompetencyStandards;
    expect(result).toEqual({ created: 1, updated: 2 });
    const broken = await call(
      'HR',
      'mutation($csv: String!) { importCompetencyStandards(csv: $csv) { created } }',
      {
        csv: `${csv},,CEO,no,INTEGRITY,,4\n`,
      },
    );
    expect(broken.errors?.[0].message).toMatch(/^Line 9: job_type "CEO"/);
    const all = ok(
      await call('E', '{ competencyStandards { totalCount nodes { id jobType } } }'),
    ).competencyStandards;
    expect(all.totalCount).toBe(3);
    expect(all.nodes).toHaveLength(3);
  });
});

describe('assessments and gaps', () => {
  it('records levels from the supervisor, the employee and the assessment centre, each by the right person', async () => {
    const bySupervisor = ok(
      await call('S', RECORD, {
        input: {
          employeeId: ids.E,
          source: 'SUPERVISOR',
          assessedOn: '2026-10-01',
          levels: [
            { key: 'COMMUNICATION', level: 2 },
            { key: 'INTEGRITY', level: 3 },
            { key: 'PUBLIC_SERVICE', level: 3 },
            { name: 'Pelayanan Administrasi Kependudukan', level: 2 },
          ],
        },
      }),
    ).recordCompetencyAssessment;
    expect(bySupervisor[0]).toMatchObject({ source: 'SUPERVISOR', assessor: { nip: S.nip } });
    // The later assessment centre result counts over the supervisor's.
    ok(
      await call('HR', RECORD, {
        input: {
          employeeId: ids.E,
          source: 'ASSESSMENT_CENTRE',
          assessedOn: '2026-11-02',
          levels: [
            { key: 'COMMUNICATION', level: 1 },
            { key: 'INTEGRITY', level: 2 },
          ],
        },
      }),
    );
    ok(
      await call('E', RECORD, {
        input: {
          employeeId: ids.E,
          source: 'SELF',
          assessedOn: '2026-09-01',
          levels: [{ key: 'COMMUNICATION', level: 4 }],
        },
      }),
    );
    for (const [who, source] of [
      ['PEER', 'SUPERVISOR'],
      ['E', 'SUPERVISOR'],
      ['S', 'SELF'],
      ['UNIT', 'ASSESSMENT_CENTRE'],
    ] as const) {
      const refused = await call(who, RECORD, {
        input: { employeeId: ids.E, source, levels: [{ key: 'COMMUNICATION', level: 5 }] },
      });
      expect(codeOf(refused), `${who} as ${source}`).toBe('FORBIDDEN');
    }
    const future = await call('S', RECORD, {
      input: {
        employeeId: ids.E,
        source: 'SUPERVISOR',
        assessedOn: '2027-01-01',
        levels: [{ key: 'COMMUNICATION', level: 3 }],
      },
    });
    expect(future.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'assessedOn',
    });
  });

  it('keeps the history and counts the latest of each competency', async () => {
    const history = ok(
      await call(
        'S',
        'query($e: ID!) { competencyAssessments(employeeId: $e) { totalCount nodes { competencyKey level source assessedOn } } }',
        {
          e: ids.E,
        },
      ),
    ).competencyAssessments;
    expect(history.totalCount).toBe(7);
    expect(history.nodes).toHaveLength(7);
    expect(history.nodes[0]).toMatchObject({
      source: 'ASSESSMENT_CENTRE',
      assessedOn: '2026-11-02',
    });
    const { standard, gaps } = ok(await call('E', GAPS, { e: ids.E })).competencyGaps;
    expect(standard).toEqual({ id: ids.positionStandard, publicService: true });
    expect(gaps).toEqual([
      { key: 'COMMUNICATION', name: 'Komunikasi', required: 3, assessed: 1, gap: 2 },
      { key: 'INTEGRITY', name: 'Integritas', required: 3, assessed: 2, gap: 1 },
      { key: 'PUBLIC_SERVICE', name: 'Pelayanan Publik', required: 3, assessed: 3, gap: 0 },
      {
        key: 'TECH:PELAYANAN ADMINISTRASI KEPENDUDUKAN',
        name: 'Pelayanan Administrasi Kependudukan',
        required: 2,
        assessed: 2,
        gap: 0,
      },
    ]);
  });

  it('shows the gaps to the supervision chain, the unit admin, HR and auditors, not to a peer', async () => {
    for (const who of ['S', 'UNIT', 'HR', 'AUDITOR'] as const)
      ok(await call(who, GAPS, { e: ids.E }));
    expect(codeOf(await call('PEER', GAPS, { e: ids.E }))).toBe('FORBIDDEN');
    expect(codeOf(await call('OTHER', GAPS, { e: ids.E }))).toBe('FORBIDDEN');
  });

  it('aggregates a unit’s gaps, the weakest competency first', async () => {
    ok(
      await call('S', RECORD, {
        input: {
          employeeId: ids.PEER,
          source: 'SUPERVISOR',
          levels: [
            { key: 'INTEGRITY', level: 3 },
            { key: 'COMMUNICATION', level: 2 },
          ],
        },
      }),
    );
    const unit = ok(
      await call(
        'UNIT',
        'query($u: ID!) { unitCompetencyGaps(orgUnitId: $u) { people assessedPeople competencies { key assessedPeople peopleWithGap averageGap largestGap } } }',
        {
          u: unitId,
        },
      ),
    ).unitCompetencyGaps;
    expect(unit.assessedPeople).toBe(2);
    expect(unit.competencies[0].key).toBe('COMMUNICATION');
    expect(unit.competencies[0].peopleWithGap).toBeGreaterThanOrEqual(1);
  });

  it('shows a unit’s gaps to the people who work in it or above it, not to another branch or OPD', async () => {
    const Q = 'query($u: ID!) { unitCompetencyGaps(orgUnitId: $u) { people assessedPeople } }';
    const seen = ok(await call('UNIT', Q, { u: unitId })).unitCompetencyGaps;
    for (const who of ['E', 'S', 'PEER'] as const) {
      expect(ok(await call(who, Q, { u: unitId })).unitCompetencyGaps, who).toEqual(seen);
    }
    for (const who of ['SIBLING', 'OTHER'] as const) {
      const refused = await call(who, Q, { u: unitId });
      expect(codeOf(refused), who).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/for the people who work there/);
    }
  });
});

describe('the catalogue, recommendations and enrolment', () => {
  it('lets HR admins build the catalogue', async () => {
    for (const { key, ...input } of TRAININGS) {
      ids[key] = ok(await call('HR', SAVE_TRAINING, { input })).saveTraining.id;
    }
    const { title, provider, mode, jp, competencies } = TRAININGS[1];
    const input = { title, provider, mode, jp, competencies };
    expect(codeOf(await call('S', SAVE_TRAINING, { input }))).toBe('FORBIDDEN');
    const listed = ok(await call('E', '{ trainings { nodes { title } } }')).trainings.nodes.map(
      (x: any) => x.title,
    );
    expect(listed).toContain('Pelatihan Komunikasi Efektif dalam Pelayanan Publik');
    expect(listed).not.toContain('Workshop Komunikasi Publik Tahun Lalu');
  });

  it('recommends effective-communication training in public service first, with the reason in words', async () => {
    const recs = ok(await call('E', RECOMMEND, { e: ids.E })).trainingRecommendations;
    expect(recs.map((r: any) => r.training.title)).toEqual([
      'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
      'Pelatihan Komunikasi Organisasi dan Penulisan Naskah Dinas',
      'Pelatihan Integritas dan Antikorupsi bagi ASN',
    ]);
    expect(recs[0]).toMatchObject({
      rank: 1,
      basis: 'GAP',
      competencyKey: 'COMMUNICATION',
      reason:
        'Komunikasi: required 3, assessed 1; your work is in public service; your latest predikat is Butuh Perbaikan',
    });
    expect(codeOf(await call('PEER', RECOMMEND, { e: ids.E }))).toBe('FORBIDDEN');
  });

  it('lets the supervisor assign a recommended training, and nobody else', async () => {
    const ASSIGN =
      'mutation($t: ID!, $e: ID!) { assignTraining(trainingId: $t, employeeId: $e, reason: "Rekomendasi dari kesenjangan Komunikasi") { id status assignedBy { nip } } }';
    expect(codeOf(await call('PEER', ASSIGN, { t: ids.komunikasiPublik, e: ids.E }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await call('HR', ASSIGN, { t: ids.komunikasiPublik, e: ids.E }))).toBe(
      'FORBIDDEN',
    );
    const assigned = ok(
      await call('S', ASSIGN, { t: ids.komunikasiPublik, e: ids.E }),
    ).assignTraining;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assignedBy: { nip: S.nip } });
    ids.enrolment = assigned.id;
    expect(codeOf(await call('S', ASSIGN, { t: ids.komunikasiPublik, e: ids.E }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets the employee enrol, fills the seat, and stops recommending it', async () => {
    const ENROL =
      'mutation($t: ID!) { enrolInTraining(trainingId: $t) { id status training { seatsTaken } } }';
    const enrolled = ok(await call('E', ENROL, { t: ids.komunikasiPublik })).enrolInTraining;
    expect(enrolled).toMatchObject({
      id: ids.enrolment,
      status: 'ENROLLED',
      training: { seatsTaken: 1 },
    });
    const full = await call('PEER', ENROL, { t: ids.komunikasiPublik });
    expect(full.errors?.[0].message).toMatch(/full \(1 seats\)/);
    const ended = await call('E', ENROL, { t: ids.lalu });
    expect(ended.errors?.[0].message).toMatch(/ended on 2025-03-02/);
    const recs = ok(await call('E', RECOMMEND, { e: ids.E })).trainingRecommendations;
    expect(recs[0].training.title).toBe(
      'Pelatihan Komunikasi Organisasi dan Penulisan Naskah Dinas',
    );
  });

  it('lets only the employee cancel their own place', async () => {
    const other = ok(
      await call('E', 'mutation($t: ID!) { enrolInTraining(trainingId: $t) { id } }', {
        t: ids.integritas,
      }),
    ).enrolInTraining.id;
    const CANCEL = 'mutation($id: ID!) { cancelEnrolment(enrolmentId: $id) { status } }';
    expect(codeOf(await call('S', CANCEL, { id: other }))).toBe('FORBIDDEN');
    expect(ok(await call('E', CANCEL, { id: other })).cancelEnrolment.status).toBe('CANCELLED');
    expect(codeOf(await call('E', CANCEL, { id: other }))).toBe('BAD_USER_INPUT');
  });

  it('credits JP on completion by an HR admin, toward the 20 JP of the year', async () => {
    const before = ok(await call('E', HOURS, { e: ids.E, y: YEAR })).developmentHours;
    expect(before).toMatchObject({ jp: 0, minimum: 20, remaining: 20, reached: false, share: 0 });
    const COMPLETE =
      'mutation($id: ID!) { completeEnrolment(enrolmentId: $id, completedOn: "2026-11-20") { status jpCredited completedOn } }';
    expect(codeOf(await call('S', COMPLETE, { id: ids.enrolment }))).toBe('FORBIDDEN');
    expect(codeOf(await call('E', COMPLETE, { id: ids.enrolment }))).toBe('FORBIDDEN');
    expect(ok(await call('HR', COMPLETE, { id: ids.enrolment })).completeEnrolment).toEqual({
      status: 'COMPLETED',
      jpCredited: 24,
      completedOn: '2026-11-20',
    });
    const after = ok(await call('S', HOURS, { e: ids.E, y: YEAR })).developmentHours;
    expect(after).toMatchObject({ jp: 24, remaining: 0, reached: true, share: 1 });
    expect(after.completions[0].training.title).toBe(
      'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
    );
    expect(ok(await call('E', HOURS, { e: ids.E, y: YEAR - 1 })).developmentHours.jp).toBe(0);
    expect(codeOf(await call('PEER', HOURS, { e: ids.E, y: YEAR }))).toBe('FORBIDDEN');
  });

  it('writes an event and an audit entry for assignment, enrolment and completion', async () => {
    const em = t.app.orm.em.fork();
    const events = await em.execute<{ type: string; owner_ids: string[] }[]>(
      'select type, owner_ids from event where subject_id = ? order by id',
      [ids.enrolment],
    );
    expect(events.map((e) => e.type)).toEqual([
      'training.assign',
      'training.enrol',
      'training.complete',
    ]);
    expect(events.every((e) => e.owner_ids.includes(ids.E))).toBe(true);
    const trail = ok(
      await call(
        'HR',
        'query($id: ID) { auditTrail(subjectId: $id, first: 10) { nodes { action } } }',
        { id: ids.enrolment },
      ),
    ).auditTrail.nodes.map((n: any) => n.action);
    expect(trail.sort()).toEqual(['training.assign', 'training.complete', 'training.enrol']);
  });

  it('shows the unit’s share at 20 JP and who is behind, in constant SQL', async () => {
    const Q =
      'query($u: ID!, $y: Int!) { unitDevelopmentHours(orgUnitId: $u, year: $y) { total reached share behind { totalCount nodes { jp remaining employee { nip name } } } } }';
    const unit = ok(await call('UNIT', Q, { u: unitId, y: YEAR })).unitDevelopmentHours;
    expect(unit.reached).toBe(1);
    expect(unit.share).toBeCloseTo(1 / unit.total, 3);
    expect(unit.behind.totalCount).toBe(unit.total - 1);
    expect(unit.behind.nodes).toHaveLength(unit.total - 1);
    expect(unit.behind.nodes.map((b: any) => b.employee.nip)).not.toContain(E.nip);
    const small = await countStatements(() => call('HR', Q, { u: unitId, y: YEAR }));
    const big = await countStatements(() => call('HR', Q, { u: opdId, y: YEAR }));
    expect(big).toBe(small);
  });

  it('lets a supervisor read their unit’s JP progress in one request, and the OPD above it', async () => {
    const Q =
      'query($u: ID!, $y: Int!) { unitDevelopmentHours(orgUnitId: $u, year: $y) { total reached behind(first: 100) { totalCount nodes { employeeId } } } }';
    const asUnitAdmin = ok(await call('UNIT', Q, { u: unitId, y: YEAR })).unitDevelopmentHours;
    const asSupervisor = ok(await call('S', Q, { u: unitId, y: YEAR })).unitDevelopmentHours;
    expect(asSupervisor).toEqual(asUnitAdmin);
    // The people S assesses are in it: E reached 20 JP, the peer is behind.
    expect(asSupervisor.behind.nodes.map((n: any) => n.employeeId)).toContain(ids.PEER);
    ok(await call('E', Q, { u: opdId, y: YEAR }));
    expect(codeOf(await call('SIBLING', Q, { u: unitId, y: YEAR }))).toBe('FORBIDDEN');
    expect(codeOf(await call('OTHER', Q, { u: unitId, y: YEAR }))).toBe('FORBIDDEN');
  });
});

describe('the talent grid', () => {
  const GRID = `query($u: ID!, $p: ID!) { talentGrid(orgUnitId: $u, periodId: $p) { fallbackCount
    boxes { box count placements(first: 100) { totalCount nodes { employee { nip } performance potential potentialSource ratingCheckpoint fallback note } } }
    unplaced(first: 100) { totalCount nodes { employee { nip } reason } } } }`;

  it('places people by the last final quarter when no annual appraisal is final, and says so', async () => {
    ok(
      await call(
        'HR',
        'mutation($input: PotentialInput!) { recordPotential(input: $input) { level } }',
        {
          input: { employeeId: ids.E, level: 'HIGH', note: 'Hasil uji potensi 2026' },
        },
      ),
    );
    const grid = ok(await call('UNIT', GRID, { u: unitId, p: periodId })).talentGrid;
    expect(grid.boxes.map((b: any) => b.box)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const b of grid.boxes) expect(b.placements.totalCount).toBe(b.count);
    const e = grid.boxes
      .flatMap((b: any) => b.placements.nodes.map((p: any) => ({ ...p, box: b.box })))
      .find((p: any) => p.employee.nip === E.nip);
    // E's third quarter: Butuh Perbaikan (results BELOW), potential HIGH: box 6.
    expect(e).toMatchObject({
      box: 6,
      performance: 'BELOW',
      potential: 'HIGH',
      potentialSource: 'RECORDED',
      ratingCheckpoint: 'Q3',
      fallback: true,
      note: 'No final annual appraisal yet: placed by the final Triwulan III appraisal.',
    });
    expect(grid.fallbackCount).toBeGreaterThan(0);
    // The peer was assessed on competencies: potential from them; others are listed as unplaced.
    expect(grid.unplaced.totalCount).toBeGreaterThan(0);
    // Working in the unit is not enough: the grid names colleagues' ratings and potential.
    for (const who of ['E', 'S'] as const) {
      expect(codeOf(await call(who, GRID, { u: unitId, p: periodId })), who).toBe('FORBIDDEN');
    }
  });

  it('names each person who could not be placed, with the reason, to whoever may read the grid', async () => {
    const UNPLACED = `query($u: ID!, $p: ID!) { talentGrid(orgUnitId: $u, periodId: $p) {
      unplaced(first: 100) { totalCount nodes { employeeId reason employee { id name nip positionTitle orgUnit { name } } } } } }`;
    const token = ok(
      await call(
        'HR',
        'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
        {
          input: {
            name: 'Development test: unplaced',
            scopes: ['DEVELOPMENT_READ'],
            opdIds: [opdId],
          },
        },
      ),
    ).createApiClient.token as string;
    const seen = ok(await call('HR', UNPLACED, { u: opdId, p: periodId })).talentGrid.unplaced;
    expect(seen.totalCount).toBeGreaterThan(0);
    for (const node of seen.nodes) {
      expect(node.employee.id).toBe(node.employeeId);
      expect(node.employee.name).toBeTruthy();
      expect(node.reason).toMatch(/^No (final appraisal|potential recorded)/);
    }
    for (const who of ['UNIT', 'AUDITOR'] as const) {
      expect(ok(await call(who, UNPLACED, { u: opdId, p: periodId })).talentGrid.unplaced).toEqual(
        seen,
      );
    }
    const asClient = await gql(t.url, UNPLACED, { u: opdId, p: periodId }, { token });
    expect(ok(asClient).talentGrid.unplaced).toEqual(seen);
    expect(codeOf(await call('S', UNPLACED, { u: opdId, p: periodId }))).toBe('FORBIDDEN');
  });

  it('gives only the box asked for, and refuses a box number outside 1–9', async () => {
    const BOX = `query($u: ID!, $p: ID!, $b: Int) { talentGrid(orgUnitId: $u, periodId: $p) {
      boxes(box: $b) { box count placements(first: 100) { totalCount nodes { employeeId } } } } }`;
    const all = ok(await call('HR', BOX, { u: opdId, p: periodId })).talentGrid.boxes;
    expect(all.map((b: any) => b.box)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const cell of all) {
      const one = ok(await call('HR', BOX, { u: opdId, p: periodId, b: cell.box })).talentGrid
        .boxes;
      expect(one).toEqual([cell]);
    }
    for (const b of [0, 10, -1]) {
      const refused = await call('HR', BOX, { u: opdId, p: periodId, b });
      expect(refused.errors?.[0].extensions, `box ${b}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'box',
      });
      expect(refused.errors?.[0].message).toMatch(/1 to 9/);
    }
  });

  it('names promotion candidates (boxes 7–9, no POOR in two years) and award candidates (VERY_GOOD) for HR', async () => {
    const em = t.app.orm.em.fork();
    // S: annual appraisal final, results ABOVE, VERY_GOOD, potential HIGH → box 9.
    await em.execute(
      `insert into appraisal (id, plan_id, employee_id, assessor_id, period_id, opd_id, checkpoint, status, result_rating, behaviour_rating, predikat, value_notes, version)
       select gen_random_uuid(), a.plan_id, a.employee_id, a.assessor_id, a.period_id, a.opd_id, 'ANNUAL', 'FINAL', 'ABOVE', 'ABOVE', 'VERY_GOOD', '{}', 1
       from appraisal a where a.employee_id = ? and a.checkpoint = 'Q3'`,
      [ids.S],
    );
    // The peer: box 9 too, but POOR in the third quarter.
    await em.execute(
      `insert into appraisal (id, plan_id, employee_id, assessor_id, period_id, opd_id, checkpoint, status, result_rating, behaviour_rating, predikat, value_notes, version)
       select gen_random_uuid(), a.plan_id, a.employee_id, a.assessor_id, a.period_id, a.opd_id, 'ANNUAL', 'FINAL', 'ABOVE', 'ABOVE', 'VERY_GOOD', '{}', 1
       from appraisal a where a.employee_id = ? and a.checkpoint = 'Q3'`,
      [ids.PEER],
    );
    await em.execute(
      `update appraisal set predikat = 'POOR', behaviour_rating = 'BELOW' where employee_id = ? and checkpoint = 'Q3'`,
      [ids.PEER],
    );
    for (const id of [ids.S, ids.PEER]) {
      ok(
        await call(
          'HR',
          'mutation($input: PotentialInput!) { recordPotential(input: $input) { level } }',
          {
            input: { employeeId: id, level: 'HIGH' },
          },
        ),
      );
    }
    const PROMO =
      'query($p: ID!, $u: ID) { promotionCandidates(periodId: $p, orgUnitId: $u) { nodes { box fallback employee { nip } } } }';
    const AWARD =
      'query($p: ID!, $u: ID) { awardCandidates(periodId: $p, orgUnitId: $u) { nodes { box predikat employee { nip } } } }';
    const promo = ok(await call('HR', PROMO, { p: periodId, u: opdId })).promotionCandidates.nodes;
    const nips = promo.map((c: any) => c.employee.nip);
    expect(nips).toContain(S.nip);
    expect(nips).not.toContain(peer.nip);
    expect(promo.find((c: any) => c.employee.nip === S.nip)).toMatchObject({
      box: 9,
      fallback: false,
    });
    const award = ok(await call('AUDITOR', AWARD, { p: periodId, u: opdId })).awardCandidates.nodes;
    expect(award.map((c: any) => c.employee.nip)).toEqual(
      expect.arrayContaining([S.nip, peer.nip]),
    );
    expect(codeOf(await call('UNIT', PROMO, { p: periodId }))).toBe('FORBIDDEN');
    expect(codeOf(await call('S', AWARD, { p: periodId }))).toBe('FORBIDDEN');
  });

  it('lets an API client with development:read read the grid and candidates of its OPDs only', async () => {
    const opds = ok(await call('HR', '{ orgUnits(topLevel: true) { id } }')).orgUnits.map(
      (u: any) => u.id,
    );
    const client = async (name: string, scopes: string[], opdIds: string[]) =>
      ok(
        await call(
          'HR',
          'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
          { input: { name, scopes, opdIds } },
        ),
      ).createApiClient.token as string;
    const mine = await client('Development test: E’s OPD', ['DEVELOPMENT_READ'], [opdId]);
    const elsewhere = await client(
      'Development test: another OPD',
      ['DEVELOPMENT_READ'],
      [opds.find((id: string) => id !== opdId)],
    );
    const plansOnly = await client('Development test: plans', ['PLANS_READ'], [opdId]);
    const AWARD =
      'query($p: ID!) { awardCandidates(periodId: $p) { totalCount nodes { employee { nip orgUnit { opd { id } } } } } }';
    const asClient = (token: string, query: string, variables: Record<string, unknown>) =>
      gql(t.url, query, variables, { token });

    const ours = ok(await asClient(mine, AWARD, { p: periodId })).awardCandidates;
    expect(ours.nodes.map((n: any) => n.employee.nip)).toEqual(
      expect.arrayContaining([S.nip, peer.nip]),
    );
    expect(new Set(ours.nodes.map((n: any) => n.employee.orgUnit.opd.id))).toEqual(
      new Set([opdId]),
    );
    const theirs = ok(await asClient(elsewhere, AWARD, { p: periodId })).awardCandidates;
    expect(theirs.nodes.map((n: any) => n.employee.nip)).not.toContain(S.nip);
    expect(codeOf(await asClient(plansOnly, AWARD, { p: periodId }))).toBe('FORBIDDEN');

    ok(await asClient(mine, GRID, { u: unitId, p: periodId }));
    expect(codeOf(await asClient(elsewhere, GRID, { u: unitId, p: periodId }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await asClient(mine, 'mutation($t: ID!) { enrolInTraining(trainingId: $t) { id } }', {
          t: ids.integritas,
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('pages of the development lists', () => {
  /** Every node of a connection, asked `size` at a time, following `endCursor`. */
  async function walk(
    who: Who,
    query: string,
    variables: Record<string, unknown>,
    pick: (data: any) => any,
    size: number,
  ): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = pick(ok(await call(who, query, { ...variables, first: size, after })));
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  }

  it('pages through the catalogue soonest first (undated last), filtering and counting in SQL', async () => {
    const Q = `query($f: TrainingFilterInput, $first: Int, $after: String) { trainings(filter: $f, first: $first, after: $after) {
      totalCount nodes { title startsOn } pageInfo { hasNextPage endCursor } } }`;
    const all = ok(await call('E', Q, { f: { includeEnded: true } })).trainings;
    expect(all.totalCount).toBe(TRAININGS.length);
    expect(all.nodes.map((n: any) => n.title)).toEqual([
      'Workshop Komunikasi Publik Tahun Lalu',
      'Pelatihan Integritas dan Antikorupsi bagi ASN',
      'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
      'Pelatihan Komunikasi Organisasi dan Penulisan Naskah Dinas',
    ]);
    const walked = await walk('E', Q, { f: { includeEnded: true } }, (d) => d.trainings, 1);
    expect(walked).toEqual(all.nodes);

    const count = async (f: Record<string, unknown>) =>
      ok(await call('E', Q, { f })).trainings.totalCount;
    expect(await count({ competencyKey: 'COMMUNICATION' })).toBe(2);
    expect(await count({ competencyKey: 'COMMUNICATION', includeEnded: true })).toBe(3);
    expect(await count({ mode: 'E_LEARNING' })).toBe(2);
    expect(await count({ mode: 'E_LEARNING', competencyKey: 'COMMUNICATION' })).toBe(1);
    expect(await count({ competencyKey: 'NO_SUCH_COMPETENCY' })).toBe(0);
  });

  it('refuses a page above 100 and a cursor it did not give out', async () => {
    const big = await call('E', '{ trainings(first: 101) { totalCount } }');
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await call('E', '{ trainings(after: "not-a-cursor") { totalCount } }');
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const rec = await call(
      'E',
      'query($e: ID!) { trainingRecommendations(employeeId: $e, limit: 21) { rank } }',
      { e: ids.E },
    );
    expect(rec.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('offers 50 a page when first is not given, and 20 in a box of the grid', async () => {
    const defaults = async (type: string, fields: string[]) => {
      const result = ok(
        await call(
          'E',
          'query($t: String!) { __type(name: $t) { fields { name args { name defaultValue } } } }',
          { t: type },
        ),
      );
      return Object.fromEntries(
        result.__type.fields
          .filter((f: any) => fields.includes(f.name))
          .map((f: any) => [f.name, f.args.find((a: any) => a.name === 'first')?.defaultValue]),
      );
    };
    const connections = [
      'trainings',
      'competencyStandards',
      'competencyAssessments',
      'enrolments',
      'promotionCandidates',
      'awardCandidates',
    ];
    expect(await defaults('Query', connections)).toEqual(
      Object.fromEntries(connections.map((name) => [name, '50'])),
    );
    expect(await defaults('UnitDevelopmentHours', ['behind'])).toEqual({ behind: '50' });
    expect(await defaults('TalentGrid', ['unplaced'])).toEqual({ unplaced: '50' });
    expect(await defaults('TalentBoxCell', ['placements'])).toEqual({ placements: '20' });
  });

  it('pages through standards with the shared ones first', async () => {
    const Q = `query($first: Int, $after: String) { competencyStandards(first: $first, after: $after) {
      totalCount nodes { id jobType positionTitle opd { id } } pageInfo { hasNextPage endCursor } } }`;
    const all = ok(await call('E', Q)).competencyStandards;
    expect(all.nodes.map((n: any) => n.opd === null)).toEqual([true, true, false]);
    expect(await walk('E', Q, {}, (d) => d.competencyStandards, 1)).toEqual(all.nodes);
    const ofOpd = ok(
      await call('E', 'query($o: ID) { competencyStandards(opdId: $o) { totalCount } }', {
        o: opdId,
      }),
    ).competencyStandards;
    expect(ofOpd.totalCount).toBe(3);
  });

  it('pages through assessments newest first and enrolments of a year', async () => {
    const A = `query($e: ID!, $first: Int, $after: String) { competencyAssessments(employeeId: $e, first: $first, after: $after) {
      totalCount nodes { id assessedOn } pageInfo { hasNextPage endCursor } } }`;
    const all = ok(await call('S', A, { e: ids.E })).competencyAssessments.nodes;
    expect(all.map((a: any) => a.assessedOn)).toEqual(
      [...all.map((a: any) => a.assessedOn)].sort().reverse(),
    );
    expect(await walk('S', A, { e: ids.E }, (d) => d.competencyAssessments, 3)).toEqual(all);

    const EN = `query($e: ID!, $y: Int, $first: Int, $after: String) { enrolments(employeeId: $e, year: $y, first: $first, after: $after) {
      totalCount nodes { status training { title } } pageInfo { hasNextPage endCursor } } }`;
    const thisYear = ok(await call('E', EN, { e: ids.E, y: YEAR })).enrolments;
    expect(thisYear.totalCount).toBe(2);
    // Newest first: the cancelled integrity training was created after the assigned one.
    expect(thisYear.nodes.map((n: any) => n.status)).toEqual(['CANCELLED', 'COMPLETED']);
    expect(await walk('E', EN, { e: ids.E, y: YEAR }, (d) => d.enrolments, 1)).toEqual(
      thisYear.nodes,
    );
    expect(ok(await call('E', EN, { e: ids.E, y: YEAR - 1 })).enrolments.totalCount).toBe(0);
    expect(ok(await call('E', EN, { e: ids.E })).enrolments.totalCount).toBe(2);
  });

  it('pages through who is behind, least JP first, in the same SQL for 5 and for 50', async () => {
    const Q = `query($u: ID!, $y: Int!, $first: Int, $after: String) { unitDevelopmentHours(orgUnitId: $u, year: $y) {
      behind(first: $first, after: $after) { totalCount nodes { jp employee { name orgUnit { name } } } pageInfo { hasNextPage endCursor } } } }`;
    const all = ok(await call('HR', Q, { u: opdId, y: YEAR, first: 100 })).unitDevelopmentHours
      .behind;
    expect(all.totalCount).toBeGreaterThan(5);
    const jps = all.nodes.map((n: any) => n.jp);
    expect(jps).toEqual([...jps].sort((a, b) => a - b));
    expect(
      await walk('HR', Q, { u: opdId, y: YEAR }, (d) => d.unitDevelopmentHours.behind, 4),
    ).toEqual(all.nodes);
    const five = await countStatements(() => call('HR', Q, { u: opdId, y: YEAR, first: 5 }));
    const fifty = await countStatements(() => call('HR', Q, { u: opdId, y: YEAR, first: 50 }));
    expect(fifty).toBe(five);
  });

  it('pages through the people of a box and the unplaced, in the same SQL for 1 and for 20', async () => {
    const G = `query($u: ID!, $p: ID!, $first: Int, $after: String) { talentGrid(orgUnitId: $u, periodId: $p) {
      boxes { box count placements(first: $first, after: $after) { totalCount nodes { employee { nip orgUnit { name } } } pageInfo { hasNextPage endCursor } } }
      unplaced(first: $first, after: $after) { totalCount nodes { employee { nip } } pageInfo { hasNextPage endCursor } } } }`;
    const whole = ok(await call('HR', G, { u: opdId, p: periodId, first: 100 })).talentGrid;
    const fullest = whole.boxes.reduce((a: any, b: any) => (b.count > a.count ? b : a));
    expect(fullest.count).toBeGreaterThan(1);
    expect(fullest.placements.nodes).toHaveLength(fullest.count);
    const walked = await walk(
      'HR',
      G,
      { u: opdId, p: periodId },
      (d) => d.talentGrid.boxes.find((b: any) => b.box === fullest.box).placements,
      1,
    );
    expect(walked).toEqual(fullest.placements.nodes);
    expect(await walk('HR', G, { u: opdId, p: periodId }, (d) => d.talentGrid.unplaced, 2)).toEqual(
      whole.unplaced.nodes,
    );
    const one = await countStatements(() => call('HR', G, { u: opdId, p: periodId, first: 1 }));
    const twenty = await countStatements(() => call('HR', G, { u: opdId, p: periodId, first: 20 }));
    expect(twenty).toBe(one);
  });

  it('pages through candidates city-wide, highest box first', async () => {
    const Q = `query($p: ID!, $first: Int, $after: String) { awardCandidates(periodId: $p, first: $first, after: $after) {
      totalCount nodes { box employee { nip } } pageInfo { hasNextPage endCursor } } }`;
    const all = ok(await call('HR', Q, { p: periodId, first: 100 })).awardCandidates;
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    const boxes = all.nodes.map((n: any) => n.box ?? 0);
    expect(boxes).toEqual([...boxes].sort((a, b) => b - a));
    expect(await walk('HR', Q, { p: periodId }, (d) => d.awardCandidates, 1)).toEqual(all.nodes);
  });
});

describe('who is on a training', () => {
  const ON = `query($id: ID!, $s: EnrolmentStatus, $first: Int, $after: String) { training(id: $id) {
    enrolments(status: $s, first: $first, after: $after) { totalCount
      nodes { id status jpCredited employee { nip name } } pageInfo { hasNextPage endCursor } } } }`;

  it('lists a training’s people by name for HR admins and auditors, every status or one', async () => {
    const all = ok(await call('HR', ON, { id: ids.komunikasiPublik })).training.enrolments;
    expect(all.totalCount).toBe(1);
    expect(all.nodes[0]).toMatchObject({
      id: ids.enrolment,
      status: 'COMPLETED',
      jpCredited: 24,
      employee: { nip: E.nip },
    });
    expect(ok(await call('AUDITOR', ON, { id: ids.komunikasiPublik })).training.enrolments).toEqual(
      all,
    );
    const cancelled = ok(await call('HR', ON, { id: ids.integritas, s: 'CANCELLED' })).training
      .enrolments;
    expect(cancelled.nodes.map((n: any) => n.employee.nip)).toEqual([E.nip]);
    const enrolled = ok(await call('HR', ON, { id: ids.integritas, s: 'ENROLLED' })).training
      .enrolments;
    expect(enrolled).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('refuses everyone else at the field, with who may read it', async () => {
    for (const who of ['E', 'S', 'UNIT', 'PEER'] as const) {
      const refused = await call(who, ON, { id: ids.komunikasiPublik });
      expect(codeOf(refused), who).toBe('FORBIDDEN');
      expect(refused.errors?.[0].path).toEqual(['training', 'enrolments']);
      expect(refused.errors?.[0].message).toMatch(/HR admins and auditors/);
    }
  });

  it('pages through a training by name, in the same SQL for a list of 2 trainings and of 5', async () => {
    const extra = ok(
      await call('HR', SAVE_TRAINING, {
        input: {
          title: 'Pelatihan Pelayanan Prima (daftar peserta)',
          provider: 'BPSDM Provinsi Bali',
          mode: 'E_LEARNING',
          jp: 10,
          competencies: [{ key: 'PUBLIC_SERVICE', level: 3 }],
        },
      }),
    ).saveTraining.id as string;
    // Twelve people of E's OPD on it, some enrolled and some completed (as HR would find them).
    const em = t.app.orm.em.fork();
    await em.execute(
      `insert into enrolment (id, training_id, employee_id, status, jp_credited, completed_on, version, created_at)
       select gen_random_uuid(), ?, e.id,
         case when row_number() over (order by e.id) % 3 = 0 then 'COMPLETED' else 'ENROLLED' end,
         0, null, 1, now()
       from employee e join org_unit u on u.id = e.org_unit_id
       where coalesce(u.opd_id, u.id) = ? and e.active order by e.id limit 12`,
      [extra, opdId],
    );
    await em.execute(
      `update enrolment set completed_on = '2026-11-01', jp_credited = 10
      where training_id = ? and status = 'COMPLETED'`,
      [extra],
    );
    const whole = ok(await call('HR', ON, { id: extra, first: 100 })).training.enrolments;
    expect(whole.totalCount).toBe(12);
    const names = whole.nodes.map((n: any) => n.employee.name);
    // By name ignoring case ("dr. …" among the d's), then id.
    const folded = names.map((n: string) => n.toLowerCase());
    expect(folded).toEqual([...folded].sort());
    const walked: any[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await call('HR', ON, { id: extra, first: 5, after })).training
        .enrolments;
      expect(page.totalCount).toBe(12);
      walked.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(whole.nodes);
    const completed = ok(await call('HR', ON, { id: extra, s: 'COMPLETED' })).training.enrolments;
    expect(completed.totalCount).toBe(4);
    expect(completed.nodes.every((n: any) => n.status === 'COMPLETED')).toBe(true);

    const LIST = `query($first: Int!) { trainings(first: $first, filter: { includeEnded: true }) {
      nodes { title enrolments(first: 3) { totalCount nodes { status employee { name orgUnit { name } } } } } } }`;
    const five = ok(await call('AUDITOR', LIST, { first: 5 })).trainings.nodes;
    expect(five).toHaveLength(5);
    expect(five.find((n: any) => n.title.includes('daftar peserta')).enrolments).toMatchObject({
      totalCount: 12,
      nodes: whole.nodes.slice(0, 3).map((n: any) => ({ status: n.status })),
    });
    // The first training (last year's workshop) has nobody on it, so no people to load: the
    // smaller list starts at two.
    const two = await countStatements(() => call('AUDITOR', LIST, { first: 2 }));
    const many = await countStatements(() => call('AUDITOR', LIST, { first: 5 }));
    expect(many).toBe(two);
  });

  it('refuses a page above 100 and a cursor it did not give out', async () => {
    const big = await call('HR', ON, { id: ids.komunikasiPublik, first: 101 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const forged of ['not-a-cursor', Buffer.from('["Ani","x"]').toString('base64url')]) {
      const refused = await call('HR', ON, { id: ids.komunikasiPublik, after: forged });
      expect(refused.errors?.[0].extensions, forged).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });
});

describe('deactivated trainings', () => {
  const LIST = `query($f: TrainingFilterInput) { trainings(filter: $f, first: 100) { totalCount nodes { id title active version } } }`;

  it('leaves a deactivated training out of the catalogue, lists it for HR admins who ask, and takes it back when reactivated', async () => {
    const { title, provider, mode, jp, competencies } = TRAININGS[2];
    const input = { title, provider, mode, jp, competencies };
    const before = ok(await call('E', LIST, {})).trainings;
    const training = before.nodes.find((n: any) => n.id === ids.integritas);
    expect(training).toMatchObject({ active: true });

    const save = (active: boolean, expectedVersion: number) =>
      call(
        'HR',
        `mutation($input: TrainingInput!) { saveTraining(input: $input) { id active version } }`,
        {
          input: { ...input, id: ids.integritas, expectedVersion, active },
        },
      );
    const off = ok(await save(false, training.version)).saveTraining;
    expect(off.active).toBe(false);
    const without = ok(await call('HR', LIST, {})).trainings;
    expect(without.totalCount).toBe(before.totalCount - 1);
    expect(without.nodes.map((n: any) => n.id)).not.toContain(ids.integritas);

    const withInactive = ok(await call('HR', LIST, { f: { includeInactive: true } })).trainings;
    expect(withInactive.totalCount).toBe(before.totalCount);
    expect(withInactive.nodes.find((n: any) => n.id === ids.integritas)).toMatchObject({
      active: false,
    });
    // Other filters still apply.
    const integrity = ok(
      await call('HR', LIST, { f: { includeInactive: true, competencyKey: 'INTEGRITY' } }),
    ).trainings.nodes.map((n: any) => n.id);
    expect(integrity).toContain(ids.integritas);

    const on = ok(await save(true, off.version)).saveTraining;
    expect(on.active).toBe(true);
    expect(ok(await call('E', LIST, {})).trainings.totalCount).toBe(before.totalCount);
  });

  it('refuses includeInactive to everyone but HR admins, saying who may ask', async () => {
    for (const who of ['E', 'S', 'UNIT', 'AUDITOR'] as const) {
      const refused = await call(who, LIST, { f: { includeInactive: true } });
      expect(codeOf(refused), who).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/deactivated trainings needs the HR_ADMIN role/);
      ok(await call(who, LIST, { f: { includeInactive: false } }));
    }
  });
});
