/**
 * Who may run what: every query and mutation of schema.graphql, for every kind of viewer, against
 * the one access policy (src/modules/access/policy.ts).
 *
 * To cover a new operation, add one object to ROWS: its root field, a function that builds the
 * request from the fixture, and the outcome per viewer (usually one of the presets below). Design
 * inputs so that an allowed call does not disturb later rows (throwaway employees and clients,
 * unique NIPs, codes and names).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoEmployee } from '../src/seed/demo-directory.js';
import { buildNip } from '../src/modules/directory/nip.rules.js';
import { CORE_VALUES } from '../src/modules/planning/planning.enums.js';
import { todayInDenpasar } from '../src/kernel/calendar.js';
import {
  type GqlResult,
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

// ---------------------------------------------------------------------------
// Viewers and expectations

const VIEWERS = [
  'anonymous',
  /** The person the rows are about (the demo "employee" login), E. */
  'employee',
  /** Same unit, same supervisor as E. */
  'peer',
  /**
   * An employee of another OPD with no role. As the fixture picks them, the Sekretaris Daerah
   * (Setda), to whom the head of E's OPD reports: the leader one level above that head.
   */
  'otherOpdEmployee',
  /** E's direct supervisor (pejabat penilai kinerja), the demo "supervisor" login. */
  'assessor',
  'assessorsSupervisor',
  /** Unit admin of E's OPD, the demo "unitAdmin" login. */
  'unitAdmin',
  'otherOpdUnitAdmin',
  'hrAdmin',
  'auditor',
  /** API client with directory:read and directory:personal:read. */
  'directoryClient',
  /** API client with plans:read only. */
  'plansClient',
  /** API client with development:read only, limited to E's OPD. */
  'developmentClient',
] as const;
type ViewerName = (typeof VIEWERS)[number];
type PersonName = Exclude<
  ViewerName,
  'anonymous' | 'directoryClient' | 'plansClient' | 'developmentClient'
>;
const CLIENTS: readonly ViewerName[] = ['directoryClient', 'plansClient', 'developmentClient'];
const isPerson = (v: ViewerName): v is PersonName => v !== 'anonymous' && !CLIENTS.includes(v);

/** NOT_FOUND: the server answers as for an unknown id, so the viewer learns nothing. */
type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
type Expectation = Readonly<Record<ViewerName, Outcome>>;

/** Only these viewers are allowed; anonymous is UNAUTHENTICATED, everyone else FORBIDDEN. */
function only(...allowed: ViewerName[]): Expectation {
  return Object.fromEntries(
    VIEWERS.map((v) => [
      v,
      allowed.includes(v) ? 'ALLOWED' : v === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    ]),
  ) as Record<ViewerName, Outcome>;
}

const PERSONS = VIEWERS.filter(isPerson);

/** Anyone, signed in or not, with any token. */
const PUBLIC = only(...VIEWERS);
/** Names, units, positions: every person and clients with directory:read. */
const SIGNED_IN_READ = only(...PERSONS, 'directoryClient');
/** Birth date, email, phone of E. */
const PERSONAL_DATA = only(
  'employee',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
  'directoryClient',
);
/** Things only a person has (sessions, password); API clients are FORBIDDEN. */
const PERSON_ONLY = only(...PERSONS);
/** Employees and units of E's OPD. */
const DIRECTORY_WRITE = only('hrAdmin', 'unitAdmin');
/** Accounts of E's OPD. */
const ACCOUNTS_MANAGE = only('hrAdmin', 'unitAdmin');
const ACCOUNTS_READ = only('hrAdmin', 'unitAdmin', 'auditor');
const AUDIT_READ = only('hrAdmin', 'auditor');
const API_CLIENTS_MANAGE = only('hrAdmin');
const API_CLIENTS_READ = only('hrAdmin', 'auditor');
/** City-wide roles (HR_ADMIN, AUDITOR): never a unit admin. */
const HR_ONLY_ROLE_GRANT = only('hrAdmin');
/** Periods and settings: anyone signed in, people and API clients alike. */
const SIGNED_IN = only(...VIEWERS.filter((v) => v !== 'anonymous'));
/** Opening periods, changing settings. */
const CITY_ADMIN = only('hrAdmin');
/** E's plan and everything in it: activities, monthly reports, feedback. */
const PLAN_READ = only(
  'employee',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
  'plansClient',
);
/**
 * The cascade of E's unit: people who work in it or in a unit above or below it (E, the peer and
 * the assessor in E's seksi, the assessor's supervisor in the bidang above), unit admins of its
 * OPD (the demo unit admin works in the OPD's sekretariat, a sibling branch), HR admins, auditors,
 * plans:read clients.
 */
const UNIT_PLANS_READ = only(
  'employee',
  'peer',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
  'plansClient',
);
/** E's own plan and work. */
const PLAN_OWNER = only('employee');
/** Approving, returning, reopening E's plan, reviewing E's work: the assessor named on the plan. */
const PLAN_ASSESSOR = only('assessor');
const FEEDBACK_GIVERS = only('assessor', 'assessorsSupervisor');
/**
 * E's appraisals, appeal and 360 summary: the people who may read E's plan. API clients need
 * appraisals:read (not plans:read), which neither viewer client has.
 */
const APPRAISAL_READ = only(
  'employee',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
);
/**
 * The predikat counts of E's OPD: the people who work in it (E, the peer, the assessor, the
 * assessor's supervisor, the demo unit admin in its sekretariat), its unit admins, HR admins,
 * auditors; API clients need appraisals:read.
 */
const OPD_DISTRIBUTION_READ = only(
  'employee',
  'peer',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
);
/**
 * E's competencies, gaps, recommendations, trainings and JP: E's readers, and API clients with
 * development:read for E's OPD.
 */
const DEVELOPMENT_READ = only(
  'employee',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
  'developmentClient',
);
/**
 * Gaps and JP progress of E's unit: as for its plans, people who work in it or in a unit above or
 * below it (E, the peer, the assessor, the assessor's supervisor), its OPD's unit admins, HR,
 * auditors, and development:read clients for the OPD.
 */
const UNIT_DEVELOPMENT_READ = only(
  'employee',
  'peer',
  'assessor',
  'assessorsSupervisor',
  'unitAdmin',
  'hrAdmin',
  'auditor',
  'developmentClient',
);
/**
 * The talent grid of E's unit (names with boxes, predikat, potential): its OPD's unit admins, HR,
 * auditors, and development:read clients for the OPD; not the people who work there.
 */
const TALENT_GRID_READ = only('unitAdmin', 'hrAdmin', 'auditor', 'developmentClient');
/** Who is on a training (everyone's enrolments in it): HR admins and auditors only. */
const TRAINING_ENROLMENTS_READ = only('hrAdmin', 'auditor');
/** Promotion and award candidates. */
const CANDIDATES_READ = only('hrAdmin', 'auditor', 'developmentClient');
/** The training catalogue and the competency standards: people, development:read clients. */
const CATALOGUE_READ = only(...PERSONS, 'developmentClient');
/** Finalising the appraisals of E's OPD. */
const FINALISERS = only('hrAdmin', 'unitAdmin');
/** Deciding E's appeal, and asking for explanations: the assessor's supervisor it was sent to. */
const APPEAL_DECIDER = only('assessorsSupervisor');
/** Explaining: the person the decider asked (the assessor). */
const EXPLAINER = only('assessor');
/**
 * Answering the 360 request: only its respondent (the peer). To every other person the server
 * answers NOT_FOUND, exactly as for an unknown id, so nobody learns which requests exist or whom
 * they went to; API clients are FORBIDDEN (they never write).
 */
const PEER_RESPONDENT: Expectation = Object.fromEntries(
  VIEWERS.map((v) => [v, v !== 'peer' && isPerson(v) ? 'NOT_FOUND' : only('peer')[v]]),
) as Record<ViewerName, Outcome>;

// ---------------------------------------------------------------------------
// The fixture

interface Fixture {
  /** Bearer token per viewer; undefined for anonymous. */
  tokens: Record<ViewerName, string | undefined>;
  /** NIP of each person viewer. */
  nips: Record<PersonName, string>;
  /** E, the person the rows are about. */
  e: { id: string; nip: string; unitId: string; opdId: string };
  /** A throwaway employee of E's unit (not a viewer): passwords and roles change on them. */
  x: { id: string; nip: string };
  /** A second throwaway employee of E's unit: receives the HR_ADMIN and AUDITOR roles. */
  y: { id: string; nip: string };
  otherOpd: { id: string; code: string };
  /** E's approved plan (SKP) in the current period, and what hangs off it. */
  work: WorkFixture;
  /** E's appraisal, its appeal, and 360 feedback on E. */
  evaluation: EvaluationFixture;
  /** Trainings and E's enrolments for the development rows. */
  development: DevelopmentFixture;
  /** Throwaway API clients (never the viewer clients). */
  rotateClientId: string;
  revokeClientId: string;
  /** As the HR admin. */
  asHr(query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
}

interface WorkFixture {
  /** The period of this year (in Denpasar). */
  periodId: string;
  /** A period in which nobody has a plan: createPerformancePlan succeeds there for everyone. */
  sparePeriodId: string;
  /** Today in Denpasar (YYYY-MM-DD), its month (1–12) and its checkpoint (Q1–Q4). */
  today: string;
  month: number;
  checkpoint: string;
  planId: string;
  /** The plan's version once approved; no row may change it. */
  planVersion: number;
  /** E's main RHK, cascaded from the assessor's. */
  workResultId: string;
  assessorWorkResultId: string;
  quantityIndicatorId: string;
  qualityIndicatorId: string;
  /** Activities waiting for review, one for each row that consumes one. */
  activities: {
    toReview: string;
    toReviewInBulk: string;
    toUpdate: { id: string; version: number };
    toWithdraw: string;
  };
  /** The current month's report, already verified (its activities approved). */
  reportId: string;
  /** The assessor's feedback on E's plan. */
  feedbackId: string;
}

/**
 * E's Q1 appraisal: saved and submitted by the assessor, finalised by the HR admin (with an
 * override: a single Baik breaks the GOOD pattern) once the OPD has its organisation rating,
 * then appealed by E; the assessor's supervisor asked the assessor to explain; the assessor
 * asked the peer for 360 feedback on E.
 */
interface EvaluationFixture {
  checkpoint: 'Q1';
  appraisalId: string;
  /** The appraisal's version once appealed; no row may change it. */
  appraisalVersion: number;
  appealId: string;
  /** Asked of the assessor. */
  explanationId: string;
  /** To the peer, about E, for Q1. */
  peerRequestId: string;
  peerId: string;
  /** The organisation rating's justification, set again unchanged by the setOrgRating row. */
  orgRatingJustification: string;
}

interface DevelopmentFixture {
  /** Unlimited seats: every person enrols themselves once in the enrolInTraining row. */
  openTrainingId: string;
  /** Assigned to E by the assessor in the assignTraining row. */
  assignTrainingId: string;
  /** E's enrolments: one cancelled by the cancelEnrolment row, one completed by HR. */
  toCancelEnrolmentId: string;
  toCompleteEnrolmentId: string;
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  /** Overrides the viewer's token (e.g. a fresh session for logout). */
  token?: string;
}

interface AccessRow {
  /** Shown in test names and failure messages; unique. */
  name: string;
  /** The root field of Query or Mutation it covers. */
  field: string;
  build(fx: Fixture, viewer: ViewerName): Operation | Promise<Operation>;
  expect: Expectation;
  /**
   * The error code an allowed viewer gets after the access check, when the input is designed to
   * fail (e.g. BAD_USER_INPUT for a wrong current password); otherwise allowed means no error.
   */
  allowedError?: string;
  /** For a field-level check: the path of the field whose resolver refuses. */
  deniedAt?: string[];
  /** Extra assertions on the result. */
  check?(result: GqlResult, viewer: ViewerName, fx: Fixture): void;
}

let seq = 0;
/** A number unique in this run, for NIPs, unit codes and client names. */
const next = () => ++seq;

const PERSONAL_FIELDS = ['birthDate', 'email', 'phone'] as const;

const EVIDENCE_URL = 'https://drive.example.go.id/x';
const QUANTITY_IKI = {
  aspect: 'QUANTITY',
  text: 'Dokumen yang tersusun',
  targetValue: 12,
  targetUnit: 'Dokumen',
};
/** No plan ever has version 0. */
const STALE_VERSION = 0;

/** An activity of E dated today, for E's quantitative IKI. */
const activityInput = (fx: Fixture, description: string) => ({
  indicatorId: fx.work.quantityIndicatorId,
  date: fx.work.today,
  description,
  output: 1,
  evidenceUrls: [EVIDENCE_URL],
});

/** The current version of E's plan, read as the HR admin. */
async function planVersion(fx: Fixture): Promise<number> {
  const result = await fx.asHr('query($id: ID!) { performancePlan(id: $id) { version } }', {
    id: fx.work.planId,
  });
  return result.data!.performancePlan.version;
}

/** E, the owner, is refused by the plan's status (approved, read-only), not by access. */
const refusedAsApproved =
  (name: string) =>
  (result: GqlResult, viewer: ViewerName): void => {
    if (viewer !== 'employee') return;
    expect(result.errors?.[0].message, `${name} as ${viewer}`).toMatch(/approved/);
  };

const ROWS: AccessRow[] = [
  // ---- Queries
  {
    name: 'validateNip',
    field: 'validateNip',
    build: (fx) => ({
      query: 'query($nip: String!) { validateNip(nip: $nip) { valid } }',
      variables: { nip: fx.e.nip },
    }),
    expect: PUBLIC,
  },
  {
    name: 'me',
    field: 'me',
    build: () => ({ query: '{ me { roles employee { nip } } }' }),
    expect: PUBLIC,
    check(result, viewer, fx) {
      const nip = isPerson(viewer) ? fx.nips[viewer] : null;
      expect(result.data?.me?.employee.nip ?? null, `me as ${viewer}`).toBe(nip);
    },
  },
  {
    name: 'orgUnits',
    field: 'orgUnits',
    build: () => ({ query: '{ orgUnits(topLevel: true) { id code } }' }),
    expect: SIGNED_IN_READ,
  },
  {
    name: 'orgUnit',
    field: 'orgUnit',
    build: (fx) => ({
      query: 'query($id: ID!) { orgUnit(id: $id) { id name opd { code } } }',
      variables: { id: fx.e.unitId },
    }),
    expect: SIGNED_IN_READ,
  },
  {
    name: 'employees',
    field: 'employees',
    build: () => ({ query: '{ employees(first: 5) { totalCount nodes { id name } } }' }),
    expect: SIGNED_IN_READ,
  },
  {
    name: 'employee',
    field: 'employee',
    build: (fx) => ({
      query:
        'query($id: ID) { employee(id: $id) { id name positionTitle orgUnit { name } supervisor { name } } }',
      variables: { id: fx.e.id },
    }),
    expect: SIGNED_IN_READ,
  },
  ...PERSONAL_FIELDS.map((field): AccessRow => ({
    name: `employee.${field}`,
    field: 'employee',
    build: (fx) => ({
      query: `query($id: ID) { employee(id: $id) { id name ${field} } }`,
      variables: { id: fx.e.id },
    }),
    expect: PERSONAL_DATA,
    deniedAt: ['employee', field],
  })),
  {
    name: 'account',
    field: 'account',
    build: (fx) => ({
      query: 'query($id: ID!) { account(employeeId: $id) { id roles active } }',
      variables: { id: fx.e.id },
    }),
    expect: ACCOUNTS_READ,
  },
  {
    name: 'auditTrail',
    field: 'auditTrail',
    build: (fx) => ({
      query: 'query($id: ID) { auditTrail(subjectId: $id, first: 5) { totalCount } }',
      variables: { id: fx.e.id },
    }),
    expect: AUDIT_READ,
  },
  {
    name: 'performancePlans',
    field: 'performancePlans',
    build: () => ({ query: '{ performancePlans(first: 5) { totalCount nodes { id } } }' }),
    // Unit admins read their own OPD's; assessors the plans they assess with assessorId =
    // themselves (bulk-reads.test.ts).
    expect: only('hrAdmin', 'auditor', 'unitAdmin', 'otherOpdUnitAdmin', 'plansClient'),
  },
  {
    name: 'activities (of many people)',
    field: 'activities',
    build: () => ({ query: '{ activities(filter: {}, first: 5) { totalCount nodes { id } } }' }),
    expect: only('hrAdmin', 'auditor', 'unitAdmin', 'otherOpdUnitAdmin', 'plansClient'),
  },
  {
    name: 'appraisals',
    field: 'appraisals',
    build: () => ({ query: '{ appraisals(first: 5) { totalCount nodes { id } } }' }),
    expect: only('hrAdmin', 'auditor', 'unitAdmin', 'otherOpdUnitAdmin'),
  },
  {
    name: 'changes',
    field: 'changes',
    build: () => ({ query: '{ changes(first: 5) { endCursor hasNextPage nodes { type } } }' }),
    expect: only('hrAdmin', 'auditor', 'plansClient'),
  },
  {
    name: 'apiClients',
    field: 'apiClients',
    build: () => ({ query: '{ apiClients { id name scopes } }' }),
    expect: API_CLIENTS_READ,
  },
  {
    name: 'sessions',
    field: 'sessions',
    build: () => ({ query: '{ sessions { id current } }' }),
    expect: PERSON_ONLY,
  },

  {
    name: 'periods',
    field: 'periods',
    build: () => ({ query: '{ periods { id year } }' }),
    expect: SIGNED_IN,
  },
  {
    name: 'period',
    field: 'period',
    build: (fx) => ({
      query: 'query($id: ID!) { period(id: $id) { id year checkpoints { key endsOn } } }',
      variables: { id: fx.work.periodId },
    }),
    expect: SIGNED_IN,
  },
  {
    name: 'currentPeriod',
    field: 'currentPeriod',
    build: () => ({ query: '{ currentPeriod { id year } }' }),
    expect: SIGNED_IN,
    check(result, viewer, fx) {
      if (viewer === 'anonymous') return;
      expect(result.data?.currentPeriod?.id, `currentPeriod as ${viewer}`).toBe(fx.work.periodId);
    },
  },
  {
    name: 'systemSettings',
    field: 'systemSettings',
    build: () => ({ query: '{ systemSettings { activityWindowDays } }' }),
    expect: SIGNED_IN,
  },
  {
    name: 'performancePlan',
    field: 'performancePlan',
    build: (fx) => ({
      query:
        'query($id: ID!) { performancePlan(id: $id) { id status version workResults { id indicators { id progress } } } }',
      variables: { id: fx.work.planId },
    }),
    expect: PLAN_READ,
    check(result, viewer, fx) {
      if (PLAN_READ[viewer] !== 'ALLOWED') return;
      expect(result.data?.performancePlan?.id, `performancePlan as ${viewer}`).toBe(fx.work.planId);
    },
  },
  {
    name: 'performancePlanFor',
    field: 'performancePlanFor',
    build: (fx) => ({
      query:
        'query($e: ID!, $p: ID!) { performancePlanFor(employeeId: $e, periodId: $p) { id status } }',
      variables: { e: fx.e.id, p: fx.work.periodId },
    }),
    expect: PLAN_READ,
    check(result, viewer, fx) {
      if (PLAN_READ[viewer] !== 'ALLOWED') return;
      expect(result.data?.performancePlanFor?.id, `performancePlanFor as ${viewer}`).toBe(
        fx.work.planId,
      );
    },
  },
  {
    name: 'activities',
    field: 'activities',
    build: (fx) => ({
      query:
        'query($id: ID!) { activities(planId: $id, first: 5) { totalCount nodes { id status output } } }',
      variables: { id: fx.work.planId },
    }),
    expect: PLAN_READ,
  },
  {
    name: 'monthlyReports',
    field: 'monthlyReports',
    build: (fx) => ({
      query: 'query($id: ID!) { monthlyReports(planId: $id) { id month status } }',
      variables: { id: fx.work.planId },
    }),
    expect: PLAN_READ,
  },
  {
    name: 'feedbackFeed',
    field: 'feedbackFeed',
    build: (fx) => ({
      query:
        'query($e: ID!) { feedbackFeed(employeeId: $e, first: 5) { totalCount nodes { id body } } }',
      variables: { e: fx.e.id },
    }),
    expect: PLAN_READ,
  },
  {
    name: 'cascade',
    field: 'cascade',
    build: (fx) => ({
      query:
        'query($u: ID!, $p: ID!) { cascade(orgUnitId: $u, periodId: $p) { workResult { id text owner { name } planStatus } children { workResult { id } } } }',
      variables: { u: fx.e.unitId, p: fx.work.periodId },
    }),
    expect: UNIT_PLANS_READ,
    check(result, viewer, fx) {
      if (UNIT_PLANS_READ[viewer] !== 'ALLOWED') return;
      // The assessor's RHK is a root of E's seksi, with E's RHK below it.
      const root = result.data?.cascade?.find(
        (n: any) => n.workResult.id === fx.work.assessorWorkResultId,
      );
      expect(
        root?.children.map((c: any) => c.workResult.id),
        `cascade as ${viewer}`,
      ).toContain(fx.work.workResultId);
    },
  },
  {
    name: 'reviewQueue',
    field: 'reviewQueue',
    build: () => ({ query: '{ reviewQueue { total activitiesAwaitingReview } }' }),
    expect: PERSON_ONLY,
  },
  {
    name: 'predikatFor',
    field: 'predikatFor',
    build: () => ({ query: '{ predikatFor(resultRating: MEETS, behaviourRating: MEETS) }' }),
    expect: PUBLIC,
    check(result, viewer) {
      expect(result.data?.predikatFor, `predikatFor as ${viewer}`).toBe('GOOD');
    },
  },
  {
    name: 'appraisal',
    field: 'appraisal',
    build: (fx) => ({
      query:
        'query($id: ID!) { appraisal(id: $id) { id status predikat checkpoint selfAssessment { id } appeal { id } history { id } } }',
      variables: { id: fx.evaluation.appraisalId },
    }),
    expect: APPRAISAL_READ,
    check(result, viewer, fx) {
      if (APPRAISAL_READ[viewer] !== 'ALLOWED') return;
      expect(result.data?.appraisal, `appraisal as ${viewer}`).toMatchObject({
        id: fx.evaluation.appraisalId,
        status: 'APPEALED',
        appeal: { id: fx.evaluation.appealId },
      });
    },
  },
  {
    name: 'appraisalsFor',
    field: 'appraisalsFor',
    build: (fx) => ({
      query:
        'query($e: ID!, $p: ID!) { appraisalsFor(employeeId: $e, periodId: $p) { id checkpoint status } }',
      variables: { e: fx.e.id, p: fx.work.periodId },
    }),
    expect: APPRAISAL_READ,
    check(result, viewer, fx) {
      if (APPRAISAL_READ[viewer] !== 'ALLOWED') return;
      expect(
        result.data?.appraisalsFor?.map((a: any) => a.id),
        `appraisalsFor as ${viewer}`,
      ).toContain(fx.evaluation.appraisalId);
    },
  },
  {
    name: 'distribution',
    field: 'distribution',
    build: (fx) => ({
      query:
        'query($u: ID!, $p: ID!) { distribution(orgUnitId: $u, periodId: $p, checkpoint: Q1) { opd { id } total final holds orgRating { rating } } }',
      variables: { u: fx.e.opdId, p: fx.work.periodId },
    }),
    expect: OPD_DISTRIBUTION_READ,
    check(result, viewer, fx) {
      if (OPD_DISTRIBUTION_READ[viewer] !== 'ALLOWED') return;
      // E's appealed appraisal counts as final.
      expect(result.data?.distribution, `distribution as ${viewer}`).toMatchObject({
        opd: { id: fx.e.opdId },
        final: 1,
        orgRating: { rating: 'GOOD' },
      });
    },
  },
  {
    name: 'distributionPatterns',
    field: 'distributionPatterns',
    build: () => ({ query: '{ distributionPatterns { orgRating text rules { predikat } } }' }),
    expect: PERSON_ONLY,
  },
  {
    name: 'myPeerFeedbackRequests',
    field: 'myPeerFeedbackRequests',
    build: () => ({
      query: '{ myPeerFeedbackRequests { id checkpoint relation subject { id } } }',
    }),
    expect: PERSON_ONLY,
    check(result, viewer, fx) {
      if (!isPerson(viewer)) return;
      // Before the answerPeerFeedback row: only the peer has the fixture's open request.
      const ids = result.data?.myPeerFeedbackRequests?.map((r: any) => r.id);
      if (viewer === 'peer') expect(ids, `as ${viewer}`).toContain(fx.evaluation.peerRequestId);
      else expect(ids, `as ${viewer}`).not.toContain(fx.evaluation.peerRequestId);
    },
  },
  {
    name: 'peerFeedbackSummary',
    field: 'peerFeedbackSummary',
    build: (fx) => ({
      query:
        'query($e: ID!, $p: ID!) { peerFeedbackSummary(subjectId: $e, periodId: $p, checkpoint: Q1) { requested responses minimum visible values { value } comments { text } } }',
      variables: { e: fx.e.id, p: fx.work.periodId },
    }),
    expect: APPRAISAL_READ,
    check(result, viewer) {
      const summary = result.data?.peerFeedbackSummary;
      if (!summary) return;
      // Below the minimum of responses nobody who may read it (the subject, the assessor, an
      // admin, an auditor) sees aggregates or comments: they would be one person's answers.
      expect(summary.visible, `peerFeedbackSummary as ${viewer}`).toBe(false);
      expect(summary.values, `peerFeedbackSummary as ${viewer}`).toEqual([]);
      expect(summary.comments, `peerFeedbackSummary as ${viewer}`).toEqual([]);
    },
  },
  {
    name: 'appeal',
    field: 'appeal',
    build: (fx) => ({
      query: 'query($id: ID!) { appeal(id: $id) { id status decider { id } explanations { id } } }',
      variables: { id: fx.evaluation.appealId },
    }),
    expect: APPRAISAL_READ,
    check(result, viewer, fx) {
      if (APPRAISAL_READ[viewer] !== 'ALLOWED') return;
      expect(result.data?.appeal?.id, `appeal as ${viewer}`).toBe(fx.evaluation.appealId);
      expect(result.data?.appeal?.status, `appeal as ${viewer}`).toBe('FILED');
    },
  },

  // ---- Mutations
  {
    name: 'login',
    field: 'login',
    build: (fx) => ({
      query:
        'mutation($nip: String!, $password: String!) { login(nip: $nip, password: $password) { token viewer { employee { nip } } } }',
      variables: { nip: fx.e.nip, password: PASSWORD() },
    }),
    expect: PUBLIC,
    check(result, viewer, fx) {
      // Whoever calls it (an API client's bearer token is ignored), it signs in E.
      expect(result.data?.login?.viewer.employee.nip, `login as ${viewer}`).toBe(fx.e.nip);
    },
  },
  {
    name: 'logout',
    field: 'logout',
    // A fresh session per person, so the shared tokens stay valid for later rows.
    build: async (fx, viewer) => ({
      query: 'mutation { logout }',
      token: isPerson(viewer)
        ? await signIn(url(), fx.nips[viewer], PASSWORD())
        : fx.tokens[viewer],
    }),
    expect: PERSON_ONLY,
  },
  {
    name: 'changePassword',
    field: 'changePassword',
    build: () => ({
      query:
        'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      variables: { c: 'not-the-current-password', n: 'Teratai-Biru-Sanur-2027' },
    }),
    expect: PERSON_ONLY,
    allowedError: 'BAD_USER_INPUT',
  },
  {
    name: 'revokeSession',
    field: 'revokeSession',
    build: () => ({
      query: 'mutation($id: ID!) { revokeSession(id: $id) }',
      variables: { id: randomUUID() },
    }),
    expect: PERSON_ONLY,
    allowedError: 'NOT_FOUND',
  },
  {
    name: 'createEmployee',
    field: 'createEmployee',
    build: (fx) => ({
      query: 'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
      variables: {
        input: {
          nip: buildNip({
            kind: 'PNS',
            birthDate: '1997-02-19',
            appointment: '2022-03',
            sex: 'MALE',
            sequence: next(),
          }),
          name: 'I Made Uji Akses',
          employmentType: 'PNS',
          sex: 'MALE',
          birthDate: '1997-02-19',
          rank: 'III/a',
          jobType: 'EXECUTOR',
          positionTitle: 'Pengadministrasi Umum',
          orgUnitId: fx.e.unitId,
        },
      },
    }),
    expect: DIRECTORY_WRITE,
  },
  {
    name: 'updateEmployee',
    field: 'updateEmployee',
    build: async (fx) => {
      const current = await fx.asHr('query($id: ID) { employee(id: $id) { version } }', {
        id: fx.x.id,
      });
      return {
        query:
          'mutation($id: ID!, $input: UpdateEmployeeInput!, $v: Int!) { updateEmployee(id: $id, input: $input, expectedVersion: $v) { id version } }',
        variables: {
          id: fx.x.id,
          input: { phone: `0812000${String(next()).padStart(5, '0')}` },
          v: current.data!.employee.version,
        },
      };
    },
    expect: DIRECTORY_WRITE,
  },
  {
    name: 'createOrgUnit',
    field: 'createOrgUnit',
    build: (fx) => ({
      query: 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }',
      variables: {
        input: {
          code: `ACCESS-TEST-${next()}`,
          kind: 'SUBDIVISION',
          name: 'Subbagian Uji Akses',
          parentId: fx.e.opdId,
        },
      },
    }),
    expect: DIRECTORY_WRITE,
  },
  {
    name: 'createAccount',
    field: 'createAccount',
    // E already has an account: allowed viewers pass the access check, then get BAD_USER_INPUT.
    build: (fx) => ({
      query: 'mutation($id: ID!) { createAccount(employeeId: $id) { temporaryPassword } }',
      variables: { id: fx.e.id },
    }),
    expect: ACCOUNTS_MANAGE,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (result.errors?.[0].extensions?.code !== 'BAD_USER_INPUT') return;
      expect(result.errors[0].message, `createAccount as ${viewer}`).toMatch(
        /already has an account/,
      );
    },
  },
  ...(['grantRole', 'revokeRole'] as const).flatMap((field): AccessRow[] =>
    (['UNIT_ADMIN', 'HR_ADMIN', 'AUDITOR'] as const).map((role) => ({
      name: `${field}(${role})`,
      field,
      build: (fx) => ({
        query: `mutation($id: ID!, $role: Role!) { ${field}(employeeId: $id, role: $role) { roles } }`,
        variables: { id: role === 'UNIT_ADMIN' ? fx.x.id : fx.y.id, role },
      }),
      expect: role === 'UNIT_ADMIN' ? ACCOUNTS_MANAGE : HR_ONLY_ROLE_GRANT,
    })),
  ),
  {
    name: 'setAccountActive',
    field: 'setAccountActive',
    // Activating an active account changes nothing.
    build: (fx) => ({
      query: 'mutation($id: ID!) { setAccountActive(employeeId: $id, active: true) { active } }',
      variables: { id: fx.e.id },
    }),
    expect: ACCOUNTS_MANAGE,
  },
  {
    name: 'resetPassword',
    field: 'resetPassword',
    build: (fx) => ({
      query: 'mutation($id: ID!) { resetPassword(employeeId: $id) { temporaryPassword } }',
      variables: { id: fx.x.id },
    }),
    expect: ACCOUNTS_MANAGE,
  },
  {
    name: 'createApiClient',
    field: 'createApiClient',
    build: () => ({
      query:
        'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } } }',
      variables: { input: { name: `Access test client ${next()}`, scopes: ['PLANS_READ'] } },
    }),
    expect: API_CLIENTS_MANAGE,
  },
  {
    name: 'rotateApiClientSecret',
    field: 'rotateApiClientSecret',
    build: (fx) => ({
      query: 'mutation($id: ID!) { rotateApiClientSecret(id: $id) { token } }',
      variables: { id: fx.rotateClientId },
    }),
    expect: API_CLIENTS_MANAGE,
  },
  {
    name: 'revokeApiClient',
    field: 'revokeApiClient',
    build: (fx) => ({
      query: 'mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }',
      variables: { id: fx.revokeClientId },
    }),
    expect: API_CLIENTS_MANAGE,
  },
  {
    name: 'openPeriod',
    field: 'openPeriod',
    // A far year, free: only the HR admin gets past the access check, once.
    build: () => ({
      query: 'mutation($input: OpenPeriodInput!) { openPeriod(input: $input) { id year } }',
      variables: { input: { year: 2090 } },
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'updateSystemSettings',
    field: 'updateSystemSettings',
    // 31 is the default: nothing changes.
    build: () => ({
      query:
        'mutation($input: SystemSettingsInput!) { updateSystemSettings(input: $input) { activityWindowDays } }',
      variables: { input: { activityWindowDays: 31 } },
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'createPerformancePlan',
    field: 'createPerformancePlan',
    // In the spare period, where each person creates their own (empty) plan.
    build: (fx) => ({
      query: 'mutation($p: ID!) { createPerformancePlan(periodId: $p) { id status } }',
      variables: { p: fx.work.sparePeriodId },
    }),
    expect: PERSON_ONLY,
  },
  {
    name: 'addWorkResult',
    field: 'addWorkResult',
    // E's plan is approved: E passes the access check, then the plan is read-only.
    build: async (fx) => ({
      query: 'mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { id } }',
      variables: {
        input: {
          planId: fx.work.planId,
          expectedVersion: await planVersion(fx),
          kind: 'ADDITIONAL',
          text: 'Laporan uji akses',
          indicators: [QUANTITY_IKI],
        },
      },
    }),
    expect: PLAN_OWNER,
    allowedError: 'BAD_USER_INPUT',
    check: refusedAsApproved('addWorkResult'),
  },
  {
    name: 'updateWorkResult',
    field: 'updateWorkResult',
    build: async (fx) => ({
      query: 'mutation($input: UpdateWorkResultInput!) { updateWorkResult(input: $input) { id } }',
      variables: {
        input: {
          workResultId: fx.work.workResultId,
          expectedVersion: await planVersion(fx),
          text: 'Dokumen pencegahan penyakit menular yang tersusun (diubah)',
        },
      },
    }),
    expect: PLAN_OWNER,
    allowedError: 'BAD_USER_INPUT',
    check: refusedAsApproved('updateWorkResult'),
  },
  {
    name: 'removeWorkResult',
    field: 'removeWorkResult',
    build: async (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { removeWorkResult(workResultId: $id, expectedVersion: $v) { id } }',
      variables: { id: fx.work.workResultId, v: await planVersion(fx) },
    }),
    expect: PLAN_OWNER,
    allowedError: 'BAD_USER_INPUT',
    check: refusedAsApproved('removeWorkResult'),
  },
  {
    name: 'submitPerformancePlan',
    field: 'submitPerformancePlan',
    build: async (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { id } }',
      variables: { id: fx.work.planId, v: await planVersion(fx) },
    }),
    expect: PLAN_OWNER,
    allowedError: 'BAD_USER_INPUT',
    check: refusedAsApproved('submitPerformancePlan'),
  },
  // The assessor's acts on E's plan, with a stale version: the assessor passes the access check
  // and gets CONFLICT, so the plan stays approved.
  {
    name: 'setBehaviourExpectation',
    field: 'setBehaviourExpectation',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { setBehaviourExpectation(planId: $id, expectedVersion: $v, value: ACCOUNTABLE, expectation: "Laporan tepat waktu") { id } }',
      variables: { id: fx.work.planId, v: STALE_VERSION },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'approvePerformancePlan',
    field: 'approvePerformancePlan',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { id } }',
      variables: { id: fx.work.planId, v: STALE_VERSION },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'requestPlanRevision',
    field: 'requestPlanRevision',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { requestPlanRevision(planId: $id, expectedVersion: $v, note: "Perjelas target") { id } }',
      variables: { id: fx.work.planId, v: STALE_VERSION },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'reopenPerformancePlan',
    field: 'reopenPerformancePlan',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { reopenPerformancePlan(planId: $id, expectedVersion: $v, reason: "Perubahan tugas") { id } }',
      variables: { id: fx.work.planId, v: STALE_VERSION },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'logActivity',
    field: 'logActivity',
    build: (fx) => ({
      query: 'mutation($input: ActivityInput!) { logActivity(input: $input) { id status } }',
      variables: { input: activityInput(fx, `Uji akses ${next()}`) },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'updateActivity',
    field: 'updateActivity',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!, $input: ActivityInput!) { updateActivity(activityId: $id, expectedVersion: $v, input: $input) { id version } }',
      variables: {
        id: fx.work.activities.toUpdate.id,
        v: fx.work.activities.toUpdate.version,
        input: activityInput(fx, 'Menyusun dokumen (diubah)'),
      },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'withdrawActivity',
    field: 'withdrawActivity',
    build: (fx) => ({
      query: 'mutation($id: ID!) { withdrawActivity(activityId: $id) { id status } }',
      variables: { id: fx.work.activities.toWithdraw },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'reviewActivity',
    field: 'reviewActivity',
    build: (fx) => ({
      query:
        'mutation($id: ID!) { reviewActivity(activityId: $id, decision: APPROVE) { id status } }',
      variables: { id: fx.work.activities.toReview },
    }),
    expect: PLAN_ASSESSOR,
  },
  {
    name: 'reviewActivities',
    field: 'reviewActivities',
    build: (fx) => ({
      query:
        'mutation($ids: [ID!]!) { reviewActivities(activityIds: $ids, decision: APPROVE) { id status } }',
      variables: { ids: [fx.work.activities.toReviewInBulk] },
    }),
    expect: PLAN_ASSESSOR,
  },
  {
    name: 'recordRealisation',
    field: 'recordRealisation',
    // Entering the same realisation again changes nothing.
    build: (fx) => ({
      query:
        'mutation($input: RealisationInput!) { recordRealisation(input: $input) { id checkpoint } }',
      variables: {
        input: {
          indicatorId: fx.work.qualityIndicatorId,
          checkpoint: fx.work.checkpoint,
          text: 'Dokumen disusun sesuai pedoman',
          evidenceUrls: [EVIDENCE_URL],
        },
      },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'submitMonthlyReport',
    field: 'submitMonthlyReport',
    // Every person gets past the access check: E's month is already submitted (and verified),
    // the assessor and their supervisor logged nothing, everyone else has no plan.
    build: (fx) => ({
      query:
        'mutation($p: ID!, $m: Int!) { submitMonthlyReport(periodId: $p, month: $m) { id status } }',
      variables: { p: fx.work.periodId, m: fx.work.month },
    }),
    expect: PERSON_ONLY,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (viewer !== 'employee') return;
      expect(result.errors?.[0].message, `submitMonthlyReport as ${viewer}`).toMatch(
        /already submitted/,
      );
    },
  },
  {
    name: 'verifyMonthlyReport',
    field: 'verifyMonthlyReport',
    // The report is already verified: the assessor passes the access check, then BAD_USER_INPUT.
    build: (fx) => ({
      query:
        'mutation($id: ID!) { verifyMonthlyReport(reportId: $id, decision: APPROVE) { id status } }',
      variables: { id: fx.work.reportId },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (viewer !== 'assessor') return;
      expect(result.errors?.[0].message, `verifyMonthlyReport as ${viewer}`).toMatch(/verified/);
    },
  },
  {
    name: 'giveFeedback',
    field: 'giveFeedback',
    build: (fx) => ({
      query: 'mutation($input: FeedbackInput!) { giveFeedback(input: $input) { id } }',
      variables: { input: { planId: fx.work.planId, body: 'Pertahankan ketepatan waktu.' } },
    }),
    expect: FEEDBACK_GIVERS,
  },
  {
    name: 'replyToFeedback',
    field: 'replyToFeedback',
    build: (fx) => ({
      query:
        'mutation($id: ID!) { replyToFeedback(feedbackId: $id, body: "Baik, terima kasih.") { id } }',
      variables: { id: fx.work.feedbackId },
    }),
    expect: PLAN_OWNER,
  },
  // Evaluation. E's Q1 appraisal is appealed: rows that would change it use a stale version or
  // fail on its status after the access check.
  {
    name: 'saveAppraisal',
    field: 'saveAppraisal',
    build: (fx) => ({
      query: 'mutation($input: SaveAppraisalInput!) { saveAppraisal(input: $input) { id } }',
      variables: {
        input: {
          planId: fx.work.planId,
          checkpoint: fx.evaluation.checkpoint,
          resultRating: 'ABOVE',
          expectedVersion: STALE_VERSION,
        },
      },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'submitAppraisal',
    field: 'submitAppraisal',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $v: Int!) { submitAppraisal(appraisalId: $id, expectedVersion: $v) { id } }',
      variables: { id: fx.evaluation.appraisalId, v: STALE_VERSION },
    }),
    expect: PLAN_ASSESSOR,
    allowedError: 'CONFLICT',
  },
  {
    name: 'submitSelfAssessment',
    field: 'submitSelfAssessment',
    // Q2 has no appraisal yet, so E may (re)submit a self-assessment for it.
    build: (fx) => ({
      query:
        'mutation($input: SelfAssessmentInput!) { submitSelfAssessment(input: $input) { id predikat } }',
      variables: {
        input: {
          planId: fx.work.planId,
          checkpoint: 'Q2',
          resultRating: 'MEETS',
          behaviourRating: 'MEETS',
          overallNote: 'Target triwulan tercapai.',
        },
      },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'finaliseAppraisals',
    field: 'finaliseAppraisals',
    // Q1 of E's OPD is final already: the finalisers pass the access check, then nothing is left.
    build: (fx) => ({
      query:
        'mutation($u: ID!, $p: ID!) { finaliseAppraisals(orgUnitId: $u, periodId: $p, checkpoint: Q1) { final } }',
      variables: { u: fx.e.opdId, p: fx.work.periodId },
    }),
    expect: FINALISERS,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (FINALISERS[viewer] !== 'ALLOWED') return;
      expect(result.errors?.[0].message, `finaliseAppraisals as ${viewer}`).toMatch(
        /no submitted appraisals/,
      );
    },
  },
  {
    name: 'setOrgRating',
    field: 'setOrgRating',
    // The same rating and justification again: HR admins, and the leader one level above the
    // head of E's OPD, who is the other-OPD employee (the Sekretaris Daerah).
    build: (fx) => ({
      query:
        'mutation($u: ID!, $p: ID!, $j: String!) { setOrgRating(orgUnitId: $u, periodId: $p, rating: GOOD, justification: $j) { rating } }',
      variables: {
        u: fx.e.opdId,
        p: fx.work.periodId,
        j: fx.evaluation.orgRatingJustification,
      },
    }),
    expect: only('hrAdmin', 'otherOpdEmployee'),
  },
  {
    name: 'updateDistributionPattern',
    field: 'updateDistributionPattern',
    // The GOOD pattern as it is.
    build: async (fx) => {
      const result = await fx.asHr(
        '{ distributionPatterns { orgRating text rules { predikat max min minCount } } }',
      );
      const good = result.data!.distributionPatterns.find((p: any) => p.orgRating === 'GOOD');
      return {
        query:
          'mutation($rules: [DistributionRuleInput!]!, $text: String) { updateDistributionPattern(orgRating: GOOD, rules: $rules, text: $text) { orgRating } }',
        variables: { rules: good.rules, text: good.text },
      };
    },
    expect: CITY_ADMIN,
  },
  {
    name: 'requestPeerFeedback',
    field: 'requestPeerFeedback',
    // Q2: the peer has been asked for Q1 only.
    build: (fx) => ({
      query:
        'mutation($e: ID!, $p: ID!, $r: [ID!]!) { requestPeerFeedback(subjectId: $e, periodId: $p, checkpoint: Q2, respondentIds: $r) { id relation } }',
      variables: { e: fx.e.id, p: fx.work.periodId, r: [fx.evaluation.peerId] },
    }),
    expect: PLAN_ASSESSOR,
    check(result, viewer) {
      if (viewer !== 'assessor') return;
      expect(result.data?.requestPeerFeedback, 'requestPeerFeedback as assessor').toMatchObject([
        { relation: 'PEER' },
      ]);
    },
  },
  {
    name: 'answerPeerFeedback',
    field: 'answerPeerFeedback',
    build: (fx) => ({
      query:
        'mutation($id: ID!, $ratings: [PeerRatingInput!]!) { answerPeerFeedback(requestId: $id, ratings: $ratings) }',
      variables: {
        id: fx.evaluation.peerRequestId,
        ratings: CORE_VALUES.map((value) => ({ value, rating: 'MEETS' })),
      },
    }),
    expect: PEER_RESPONDENT,
    check(result, viewer) {
      if (PEER_RESPONDENT[viewer] !== 'NOT_FOUND') return;
      expect(result.errors?.[0].message, `answerPeerFeedback as ${viewer}`).toMatch(
        /You have no 360 request with id/,
      );
    },
  },
  {
    name: 'fileAppeal',
    field: 'fileAppeal',
    build: (fx) => ({
      query:
        'mutation($id: ID!) { fileAppeal(appraisalId: $id, reason: "Bukti kegiatan belum dipertimbangkan.") { id } }',
      variables: { id: fx.evaluation.appraisalId },
    }),
    expect: PLAN_OWNER,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (viewer !== 'employee') return;
      expect(result.errors?.[0].message, `fileAppeal as ${viewer}`).toMatch(
        /already been appealed/,
      );
    },
  },
  {
    name: 'requestAppealExplanation',
    field: 'requestAppealExplanation',
    build: (fx) => ({
      query:
        'mutation($id: ID!) { requestAppealExplanation(appealId: $id, from: EMPLOYEE, question: "Lampirkan bukti yang belum dinilai.") { id } }',
      variables: { id: fx.evaluation.appealId },
    }),
    expect: APPEAL_DECIDER,
  },
  {
    name: 'explainAppeal',
    field: 'explainAppeal',
    build: (fx) => ({
      query:
        'mutation($id: ID!) { explainAppeal(explanationId: $id, answer: "Kegiatan bulan Maret belum disetujui saat penilaian.") { id } }',
      variables: { id: fx.evaluation.explanationId },
    }),
    expect: EXPLAINER,
  },
  {
    name: 'decideAppeal',
    field: 'decideAppeal',
    // Granting without new ratings: the decider passes the access check, then BAD_USER_INPUT,
    // and the appeal stays open.
    build: (fx) => ({
      query:
        'mutation($id: ID!) { decideAppeal(appealId: $id, decision: GRANTED, note: "Bukti tambahan diterima.") { id } }',
      variables: { id: fx.evaluation.appealId },
    }),
    expect: APPEAL_DECIDER,
    allowedError: 'BAD_USER_INPUT',
    check(result, viewer) {
      if (viewer !== 'assessorsSupervisor') return;
      expect(result.errors?.[0].message, `decideAppeal as ${viewer}`).toMatch(/new ratings/);
    },
  },
  // ---- Development (competencies, trainings, 20 JP, talent)
  {
    name: 'competencies',
    field: 'competencies',
    build: () => ({ query: '{ competencies { key name kind } }' }),
    expect: SIGNED_IN,
  },
  {
    name: 'competencyStandards',
    field: 'competencyStandards',
    build: (fx) => ({
      query:
        'query($o: ID) { competencyStandards(opdId: $o, first: 10) { totalCount nodes { id requirements { key level } } } }',
      variables: { o: fx.e.opdId },
    }),
    expect: CATALOGUE_READ,
  },
  {
    name: 'competencyStandardsCsv',
    field: 'competencyStandardsCsv',
    build: () => ({ query: '{ competencyStandardsCsv }' }),
    expect: CITY_ADMIN,
  },
  ...(
    [
      [
        'competencyAssessments',
        'competencyAssessments(employeeId: $e, first: 10) { totalCount nodes { id level } }',
      ],
      ['competencyGaps', 'competencyGaps(employeeId: $e) { gaps { key gap } }'],
      [
        'enrolments',
        'enrolments(employeeId: $e, year: 2026, first: 10) { totalCount edges { cursor node { id status } } }',
      ],
      ['trainingRecommendations', 'trainingRecommendations(employeeId: $e) { rank reason }'],
      ['developmentHours', 'developmentHours(employeeId: $e, year: 2026) { jp reached }'],
    ] as const
  ).map(([field, selection]): AccessRow => ({
    name: field,
    field,
    build: (fx) => ({ query: `query($e: ID!) { ${selection} }`, variables: { e: fx.e.id } }),
    expect: DEVELOPMENT_READ,
  })),
  {
    name: 'unitCompetencyGaps',
    field: 'unitCompetencyGaps',
    build: (fx) => ({
      query: 'query($u: ID!) { unitCompetencyGaps(orgUnitId: $u) { people } }',
      variables: { u: fx.e.unitId },
    }),
    expect: UNIT_DEVELOPMENT_READ,
  },
  {
    name: 'unitDevelopmentHours',
    field: 'unitDevelopmentHours',
    build: (fx) => ({
      query:
        'query($u: ID!) { unitDevelopmentHours(orgUnitId: $u, year: 2026) { total share behind(first: 5) { totalCount nodes { jp } } } }',
      variables: { u: fx.e.unitId },
    }),
    expect: UNIT_DEVELOPMENT_READ,
  },
  {
    name: 'talentGrid',
    field: 'talentGrid',
    build: (fx) => ({
      query:
        'query($u: ID!, $p: ID!) { talentGrid(orgUnitId: $u, periodId: $p) { boxes { box count placements(first: 5) { totalCount } } unplaced(first: 5) { totalCount } } }',
      variables: { u: fx.e.unitId, p: fx.work.periodId },
    }),
    expect: TALENT_GRID_READ,
  },
  {
    name: 'promotionCandidates',
    field: 'promotionCandidates',
    build: (fx) => ({
      query:
        'query($p: ID!, $u: ID) { promotionCandidates(periodId: $p, orgUnitId: $u, first: 10) { totalCount nodes { box } } }',
      variables: { p: fx.work.periodId, u: fx.e.opdId },
    }),
    expect: CANDIDATES_READ,
  },
  {
    name: 'awardCandidates',
    field: 'awardCandidates',
    build: (fx) => ({
      query:
        'query($p: ID!, $u: ID) { awardCandidates(periodId: $p, orgUnitId: $u, first: 10) { totalCount nodes { box } } }',
      variables: { p: fx.work.periodId, u: fx.e.opdId },
    }),
    expect: CANDIDATES_READ,
  },
  {
    name: 'trainings',
    field: 'trainings',
    build: () => ({
      query: '{ trainings(first: 10) { totalCount nodes { id title seatsTaken } } }',
    }),
    expect: CATALOGUE_READ,
  },
  {
    name: 'trainings includeInactive',
    field: 'trainings',
    build: () => ({
      query:
        '{ trainings(first: 10, filter: { includeInactive: true }) { totalCount nodes { id active } } }',
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'training',
    field: 'training',
    build: (fx) => ({
      query: 'query($id: ID!) { training(id: $id) { id title } }',
      variables: { id: fx.development.openTrainingId },
    }),
    expect: CATALOGUE_READ,
  },
  {
    name: 'Training.enrolments',
    field: 'training',
    build: (fx) => ({
      query:
        'query($id: ID!) { training(id: $id) { id enrolments(first: 10) { totalCount nodes { status employee { name } } } } }',
      variables: { id: fx.development.openTrainingId },
    }),
    expect: TRAINING_ENROLMENTS_READ,
    check: (result, viewer) => {
      // Those who may read the catalogue are refused at the field, the others at the root.
      if (TRAINING_ENROLMENTS_READ[viewer] === 'ALLOWED' || !result.errors) return;
      const at = CATALOGUE_READ[viewer] === 'ALLOWED' ? ['training', 'enrolments'] : ['training'];
      expect(result.errors[0].path, `Training.enrolments as ${viewer}`).toEqual(at);
    },
  },
  {
    name: 'saveCompetencyStandard',
    field: 'saveCompetencyStandard',
    build: (fx) => ({
      query:
        'mutation($input: CompetencyStandardInput!) { saveCompetencyStandard(input: $input) { id } }',
      variables: {
        input: {
          opdId: fx.otherOpd.id,
          positionTitle: `Access test position ${next()}`,
          jobType: 'EXECUTOR',
          requirements: [{ key: 'INTEGRITY', level: 2 }],
        },
      },
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'importCompetencyStandards',
    field: 'importCompetencyStandards',
    build: (fx) => ({
      query: 'mutation($csv: String!) { importCompetencyStandards(csv: $csv) { created } }',
      variables: {
        csv: `opd_code,position_title,job_type,public_service,competency_key,competency_name,level\n${fx.otherOpd.code},Access import ${next()},EXECUTOR,no,INTEGRITY,,2\n`,
      },
    }),
    expect: CITY_ADMIN,
  },
  ...(
    [
      ['SELF', PLAN_OWNER],
      ['SUPERVISOR', PLAN_ASSESSOR],
      ['ASSESSMENT_CENTRE', CITY_ADMIN],
    ] as const
  ).map(([source, expectation]): AccessRow => ({
    name: `recordCompetencyAssessment ${source}`,
    field: 'recordCompetencyAssessment',
    build: (fx) => ({
      query:
        'mutation($input: CompetencyAssessmentInput!) { recordCompetencyAssessment(input: $input) { id } }',
      variables: {
        input: { employeeId: fx.e.id, source, levels: [{ key: 'COMMUNICATION', level: 2 }] },
      },
    }),
    expect: expectation,
  })),
  {
    name: 'recordPotential',
    field: 'recordPotential',
    build: (fx) => ({
      query: 'mutation($input: PotentialInput!) { recordPotential(input: $input) { level } }',
      variables: { input: { employeeId: fx.e.id, level: 'MEDIUM' } },
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'saveTraining',
    field: 'saveTraining',
    build: () => ({
      query: 'mutation($input: TrainingInput!) { saveTraining(input: $input) { id } }',
      variables: {
        input: {
          title: `Pelatihan uji akses ${next()}`,
          provider: 'BPSDM Provinsi Bali',
          mode: 'E_LEARNING',
          jp: 8,
          competencies: [{ key: 'INTEGRITY', level: 3 }],
        },
      },
    }),
    expect: CITY_ADMIN,
  },
  {
    name: 'assignTraining',
    field: 'assignTraining',
    build: (fx) => ({
      query:
        'mutation($t: ID!, $e: ID!) { assignTraining(trainingId: $t, employeeId: $e) { status } }',
      variables: { t: fx.development.assignTrainingId, e: fx.e.id },
    }),
    expect: only('assessor'),
  },
  {
    name: 'enrolInTraining',
    field: 'enrolInTraining',
    build: (fx) => ({
      query: 'mutation($t: ID!) { enrolInTraining(trainingId: $t) { status } }',
      variables: { t: fx.development.openTrainingId },
    }),
    expect: PERSON_ONLY,
  },
  {
    name: 'cancelEnrolment',
    field: 'cancelEnrolment',
    build: (fx) => ({
      query: 'mutation($id: ID!) { cancelEnrolment(enrolmentId: $id) { status } }',
      variables: { id: fx.development.toCancelEnrolmentId },
    }),
    expect: PLAN_OWNER,
  },
  {
    name: 'completeEnrolment',
    field: 'completeEnrolment',
    build: (fx) => ({
      query: 'mutation($id: ID!) { completeEnrolment(enrolmentId: $id) { status jpCredited } }',
      variables: { id: fx.development.toCompleteEnrolmentId },
    }),
    expect: CITY_ADMIN,
  },
];

// ---------------------------------------------------------------------------
// Setting up

let t: TestApp;
let dir: TestDirectory;
let fx: Fixture;
const url = () => t.url;
const PASSWORD = () => dir.password;

const CREATE_CLIENT =
  'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }';

/** The data of a successful call; throws with the server's errors otherwise. */
function must(result: GqlResult, what: string): Record<string, any> {
  if (result.errors || !result.data) throw new Error(`fixture: ${what}: ${summary(result)}`);
  return result.data;
}

const PLAN_SHAPE = 'id version status workResults { id indicators { id quantitative } }';

/**
 * E's approved plan in this year's period, over the API. Plans are made top-down along E's
 * supervision chain, from the first JPT above E (whose main RHK needs no parent) to E, each main
 * RHK cascading from the RHK of the plan above, each plan approved by its assessor. Then E logs
 * activities, submits the month (which the assessor verifies), logs the activities the rows
 * consume, and the assessor gives feedback.
 */
async function setUpWork(args: {
  asHr: Fixture['asHr'];
  e: DemoEmployee;
  byNip: Map<string, DemoEmployee>;
  tokens: Record<ViewerName, string | undefined>;
  today: string;
}): Promise<WorkFixture> {
  const { asHr, e, byNip, today } = args;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const openPeriod = async (y: number) =>
    must(
      await asHr('mutation($input: OpenPeriodInput!) { openPeriod(input: $input) { id } }', {
        input: { year: y },
      }),
      `openPeriod(${y})`,
    ).openPeriod.id as string;
  const periodId = await openPeriod(year);
  const sparePeriodId = await openPeriod(2080);

  const tokenOf = new Map<string, string>([[e.nip, args.tokens.employee!]]);
  const as = async (nip: string, query: string, variables: Record<string, unknown> = {}) => {
    if (!tokenOf.has(nip)) tokenOf.set(nip, await signIn(url(), nip, PASSWORD()));
    return gql(url(), query, variables, { token: tokenOf.get(nip) });
  };

  // E, then up the chain to the first JPT.
  const chain: DemoEmployee[] = [e];
  while (chain.at(-1)!.jobType !== 'SENIOR_EXECUTIVE') {
    const supervisorNip = chain.at(-1)!.supervisorNip;
    if (!supervisorNip) throw new Error('fixture: no JPT above E');
    chain.push(byNip.get(supervisorNip)!);
  }
  expect(chain.length, 'E, the assessor, the assessor’s supervisor, ..., a JPT').toBeGreaterThan(2);

  let parentId: string | null = null;
  let assessorWorkResultId = '';
  let plan: Record<string, any> = {};
  for (const person of [...chain].reverse()) {
    const mine = person.nip === e.nip;
    const what = `plan of ${person.nip}`;
    const created = must(
      await as(
        person.nip,
        `mutation($p: ID!) { createPerformancePlan(periodId: $p) { ${PLAN_SHAPE} } }`,
        { p: periodId },
      ),
      `create ${what}`,
    ).createPerformancePlan;
    const indicators = mine
      ? [
          QUANTITY_IKI,
          {
            aspect: 'QUALITY',
            text: 'Kesesuaian dokumen dengan pedoman',
            targetText: 'Dokumen sesuai pedoman tanpa revisi',
          },
        ]
      : [QUANTITY_IKI];
    const added = must(
      await as(
        person.nip,
        `mutation($input: AddWorkResultInput!) { addWorkResult(input: $input) { ${PLAN_SHAPE} } }`,
        {
          input: {
            planId: created.id,
            expectedVersion: created.version,
            kind: 'MAIN',
            text: mine
              ? 'Dokumen pencegahan penyakit menular yang tersusun'
              : `Terwujudnya kinerja unit ${person.orgUnitCode}`,
            parentId,
            indicators,
          },
        },
      ),
      `add an RHK to the ${what}`,
    ).addWorkResult;
    const submitted = must(
      await as(
        person.nip,
        `mutation($id: ID!, $v: Int!) { submitPerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_SHAPE} } }`,
        { id: added.id, v: added.version },
      ),
      `submit the ${what}`,
    ).submitPerformancePlan;
    plan = must(
      await as(
        person.supervisorNip!,
        `mutation($id: ID!, $v: Int!) { approvePerformancePlan(planId: $id, expectedVersion: $v) { ${PLAN_SHAPE} } }`,
        { id: submitted.id, v: submitted.version },
      ),
      `approve the ${what}`,
    ).approvePerformancePlan;
    if (!mine) assessorWorkResultId = plan.workResults[0].id;
    parentId = plan.workResults[0].id;
  }
  expect(plan.status).toBe('APPROVED');
  const workResult = plan.workResults[0];
  const quantity = workResult.indicators.find((i: any) => i.quantitative).id as string;
  const quality = workResult.indicators.find((i: any) => !i.quantitative).id as string;

  const asE = (query: string, variables: Record<string, unknown>) => as(e.nip, query, variables);
  const asAssessor = (query: string, variables: Record<string, unknown>) =>
    as(e.supervisorNip!, query, variables);
  const log = async (description: string) =>
    must(
      await asE('mutation($input: ActivityInput!) { logActivity(input: $input) { id version } }', {
        input: {
          indicatorId: quantity,
          date: today,
          description,
          output: 1,
          evidenceUrls: [EVIDENCE_URL],
        },
      }),
      `log "${description}"`,
    ).logActivity as { id: string; version: number };

  // The month is reported and verified before the pending activities are logged, so verifying
  // (which approves every unreviewed activity of the month) leaves them pending.
  await log('Menyusun rancangan dokumen');
  const reportId = must(
    await asE(
      'mutation($p: ID!, $m: Int!) { submitMonthlyReport(periodId: $p, month: $m) { id } }',
      {
        p: periodId,
        m: month,
      },
    ),
    'submit the month',
  ).submitMonthlyReport.id as string;
  must(
    await asAssessor(
      'mutation($id: ID!) { verifyMonthlyReport(reportId: $id, decision: APPROVE) { status } }',
      { id: reportId },
    ),
    'verify the month',
  );
  const activities = {
    toReview: (await log('Rapat koordinasi')).id,
    toReviewInBulk: (await log('Konsultasi teknis')).id,
    toUpdate: await log('Menyusun dokumen'),
    toWithdraw: (await log('Dicatat keliru')).id,
  };
  const feedbackId = must(
    await asAssessor('mutation($input: FeedbackInput!) { giveFeedback(input: $input) { id } }', {
      input: { planId: plan.id, body: 'Target dokumen sudah jelas; lampirkan notulen.' },
    }),
    'give feedback',
  ).giveFeedback.id as string;

  return {
    periodId,
    sparePeriodId,
    today,
    month,
    checkpoint: `Q${Math.floor((month - 1) / 3) + 1}`,
    planId: plan.id,
    planVersion: plan.version,
    workResultId: workResult.id,
    assessorWorkResultId,
    quantityIndicatorId: quantity,
    qualityIndicatorId: quality,
    activities,
    reportId,
    feedbackId,
  };
}

/**
 * E's Q1 appraisal through its life over the API: the assessor saves and submits it, the HR admin
 * sets the OPD's organisation rating and finalises Q1 against the GOOD pattern (a single Baik
 * has no Butuh Perbaikan beside it) with an override reason, E appeals, the assessor's
 * supervisor asks the assessor to explain; and the assessor asks the peer for 360 feedback on E.
 */
async function setUpEvaluation(args: {
  tokens: Record<ViewerName, string | undefined>;
  work: WorkFixture;
  eId: string;
  opdId: string;
  peerId: string;
}): Promise<EvaluationFixture> {
  const { tokens, work, eId, opdId, peerId } = args;
  const as =
    (viewer: PersonName) =>
    async (what: string, query: string, variables: Record<string, unknown>) =>
      must(await gql(url(), query, variables, { token: tokens[viewer] }), what);
  const asAssessor = as('assessor');
  const asHr = as('hrAdmin');
  const checkpoint = 'Q1';
  const orgRatingJustification = 'Capaian indikator kinerja OPD sesuai target tahunan.';

  const saved = (
    await asAssessor(
      'save E’s appraisal',
      'mutation($input: SaveAppraisalInput!) { saveAppraisal(input: $input) { id version predikat } }',
      {
        input: {
          planId: work.planId,
          checkpoint,
          resultRating: 'MEETS',
          behaviourRating: 'MEETS',
        },
      },
    )
  ).saveAppraisal;
  expect(saved.predikat).toBe('GOOD');
  await asAssessor(
    'submit E’s appraisal',
    'mutation($id: ID!, $v: Int!) { submitAppraisal(appraisalId: $id, expectedVersion: $v) { status } }',
    { id: saved.id, v: saved.version },
  );
  await asHr(
    'set the OPD’s organisation rating',
    'mutation($u: ID!, $p: ID!, $j: String!) { setOrgRating(orgUnitId: $u, periodId: $p, rating: GOOD, justification: $j) { rating } }',
    { u: opdId, p: work.periodId, j: orgRatingJustification },
  );
  const finalised = (
    await asHr(
      'finalise Q1 of the OPD',
      'mutation($u: ID!, $p: ID!, $c: AppraisalCheckpoint!) { finaliseAppraisals(orgUnitId: $u, periodId: $p, checkpoint: $c, overrideReason: "Satu-satunya penilaian triwulan ini.") { holds final } }',
      { u: opdId, p: work.periodId, c: checkpoint },
    )
  ).finaliseAppraisals;
  expect(finalised, 'Q1 finalised against the pattern').toEqual({ holds: false, final: 1 });
  const appealId = (
    await as('employee')(
      'E appeals',
      'mutation($id: ID!) { fileAppeal(appraisalId: $id, reason: "Kegiatan bulan Maret belum dinilai.") { id } }',
      { id: saved.id },
    )
  ).fileAppeal.id as string;
  const explanationId = (
    await as('assessorsSupervisor')(
      'ask the assessor to explain',
      'mutation($id: ID!) { requestAppealExplanation(appealId: $id, from: ASSESSOR, question: "Mengapa kegiatan bulan Maret tidak dinilai?") { id } }',
      { id: appealId },
    )
  ).requestAppealExplanation.id as string;
  const peerRequests = (
    await asAssessor(
      'ask the peer for 360 feedback on E',
      'mutation($e: ID!, $p: ID!, $c: AppraisalCheckpoint!, $r: [ID!]!) { requestPeerFeedback(subjectId: $e, periodId: $p, checkpoint: $c, respondentIds: $r) { id } }',
      { e: eId, p: work.periodId, c: checkpoint, r: [peerId] },
    )
  ).requestPeerFeedback;
  const appraisal = (
    await asHr('read E’s appraisal', 'query($id: ID!) { appraisal(id: $id) { status version } }', {
      id: saved.id,
    })
  ).appraisal;
  expect(appraisal.status).toBe('APPEALED');

  return {
    checkpoint,
    appraisalId: saved.id,
    appraisalVersion: appraisal.version,
    appealId,
    explanationId,
    peerRequestId: peerRequests[0].id,
    peerId,
    orgRatingJustification,
  };
}

/**
 * Trainings for the development rows (created by the HR admin) and E's own enrolments in two of
 * them: one to cancel, one to complete.
 */
async function setUpDevelopment(
  asHr: Fixture['asHr'],
  employeeToken: string,
): Promise<DevelopmentFixture> {
  const training = async (title: string) =>
    must(
      await asHr('mutation($input: TrainingInput!) { saveTraining(input: $input) { id } }', {
        input: {
          title,
          provider: 'BPSDM Provinsi Bali',
          mode: 'CLASSROOM',
          jp: 12,
          competencies: [{ key: 'COMMUNICATION', level: 3 }],
        },
      }),
      `create ${title}`,
    ).saveTraining.id as string;
  const enrol = async (trainingId: string) =>
    must(
      await gql(
        url(),
        'mutation($t: ID!) { enrolInTraining(trainingId: $t) { id } }',
        { t: trainingId },
        { token: employeeToken },
      ),
      'E enrols',
    ).enrolInTraining.id as string;
  const openTrainingId = await training('Pelatihan Komunikasi Efektif (akses)');
  const assignTrainingId = await training('Pelatihan Komunikasi Organisasi (akses)');
  const toCancelEnrolmentId = await enrol(await training('Pelatihan untuk dibatalkan (akses)'));
  const toCompleteEnrolmentId = await enrol(await training('Pelatihan untuk diselesaikan (akses)'));
  return { openTrainingId, assignTrainingId, toCancelEnrolmentId, toCompleteEnrolmentId };
}

beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 400);
  const directory = dir.directory;

  const hrToken = await signIn(t.url, dir.logins.hrAdmin, dir.password);
  const asHr = (query: string, variables: Record<string, unknown> = {}) =>
    gql(t.url, query, variables, { token: hrToken });

  const units = await asHr('{ orgUnits { id code opd { id code } } }');
  const unitByCode = new Map<string, { id: string; opd: { id: string; code: string } }>(
    units.data!.orgUnits.map((u: any) => [u.code, u]),
  );
  const opdOf = (person: DemoEmployee) => unitByCode.get(person.orgUnitCode)!.opd;
  const byNip = new Map(directory.employees.map((p) => [p.nip, p]));
  const withRoles = new Set(directory.roleGrants.map((g) => g.nip));

  const e = byNip.get(dir.logins.employee)!;
  const assessor = byNip.get(e.supervisorNip!)!;
  expect(assessor.nip, 'the demo supervisor is E’s assessor').toBe(dir.logins.supervisor);
  const assessorsSupervisor = byNip.get(assessor.supervisorNip!)!;
  const eOpd = opdOf(e);
  expect(
    directory.roleGrants.find((g) => g.nip === dir.logins.unitAdmin)?.adminOrgUnitCode,
    'the demo unit admin administers E’s OPD',
  ).toBe(eOpd.code);

  const chain = new Set([e.nip, assessor.nip, assessorsSupervisor.nip]);
  const plain = (p: DemoEmployee) => !withRoles.has(p.nip) && !chain.has(p.nip);
  const peer = directory.employees.find(
    (p) => plain(p) && p.orgUnitCode === e.orgUnitCode && p.supervisorNip === e.supervisorNip,
  );
  if (!peer) throw new Error('fixture: E has no peer in the same unit with the same supervisor');
  const x = directory.employees.find(
    (p) => plain(p) && p.nip !== peer.nip && p.orgUnitCode === e.orgUnitCode,
  );
  if (!x) throw new Error('fixture: E’s unit has no spare employee to change');
  // Y receives the city-wide roles, after which only HR admins may manage Y's account.
  const y = directory.employees.find(
    (p) =>
      plain(p) &&
      p.nip !== peer.nip &&
      p.nip !== x.nip &&
      p.orgUnitCode.split('.')[0] === e.orgUnitCode.split('.')[0],
  );
  if (!y) throw new Error('fixture: E’s OPD has no second spare employee');
  const otherAdmin = directory.roleGrants.find(
    (g) =>
      g.roles.includes('UNIT_ADMIN') &&
      g.adminOrgUnitCode !== eOpd.code &&
      !chain.has(g.nip) &&
      directory.employees.some((p) => plain(p) && opdOf(p).code === g.adminOrgUnitCode),
  );
  if (!otherAdmin) throw new Error('fixture: no unit admin of another OPD');
  const otherOpd = unitByCode.get(otherAdmin.adminOrgUnitCode!)!;
  const otherEmployee = directory.employees.find(
    (p) => plain(p) && opdOf(p).code === otherAdmin.adminOrgUnitCode,
  )!;

  // The head of E's OPD (its highest structural position in the OPD's top unit) reports to the
  // other-OPD employee, who therefore may set the OPD's organisation rating.
  const eOpdHead = directory.employees.find(
    (p) => p.orgUnitCode === eOpd.code && p.jobType === 'SENIOR_EXECUTIVE',
  );
  expect(eOpdHead?.supervisorNip, 'the other-OPD employee leads the head of E’s OPD').toBe(
    otherEmployee.nip,
  );

  const nips: Record<PersonName, string> = {
    employee: e.nip,
    peer: peer.nip,
    otherOpdEmployee: otherEmployee.nip,
    assessor: assessor.nip,
    assessorsSupervisor: assessorsSupervisor.nip,
    unitAdmin: dir.logins.unitAdmin,
    otherOpdUnitAdmin: otherAdmin.nip,
    hrAdmin: dir.logins.hrAdmin,
    auditor: dir.logins.auditor,
  };
  expect(new Set(Object.values(nips)).size, 'every person viewer is someone else').toBe(9);

  const idOf = async (nip: string): Promise<string> =>
    (await asHr('query($nip: String) { employee(nip: $nip) { id } }', { nip })).data!.employee.id;
  const client = async (name: string, scopes: string[], opdIds?: string[]) => {
    const result = await asHr(CREATE_CLIENT, { input: { name, scopes, opdIds } });
    if (!result.data?.createApiClient) throw new Error(JSON.stringify(result.errors));
    return result.data.createApiClient as { token: string; client: { id: string } };
  };
  const directoryClient = await client('Access test: directory', [
    'DIRECTORY_READ',
    'DIRECTORY_PERSONAL_READ',
  ]);
  // Also changes:read: the change feed's row needs one client that may read it.
  const plansClient = await client('Access test: plans', ['PLANS_READ', 'CHANGES_READ']);
  const developmentClient = await client(
    'Access test: development of E’s OPD',
    ['DEVELOPMENT_READ'],
    [eOpd.id],
  );

  const tokens = { anonymous: undefined } as Record<ViewerName, string | undefined>;
  for (const [viewer, nip] of Object.entries(nips)) {
    tokens[viewer as PersonName] = await signIn(t.url, nip, dir.password);
  }
  tokens.directoryClient = directoryClient.token;
  tokens.plansClient = plansClient.token;
  tokens.developmentClient = developmentClient.token;

  const eId = await idOf(e.nip);
  const work = await setUpWork({
    asHr,
    e,
    byNip,
    tokens,
    // "Today" as the server's rules see it (Denpasar, UTC+8), so activities dated today fit.
    today: todayInDenpasar(t.config.clock()),
  });
  fx = {
    tokens,
    nips,
    e: {
      id: eId,
      nip: e.nip,
      unitId: unitByCode.get(e.orgUnitCode)!.id,
      opdId: eOpd.id,
    },
    x: { id: await idOf(x.nip), nip: x.nip },
    y: { id: await idOf(y.nip), nip: y.nip },
    otherOpd: { id: otherOpd.id, code: otherAdmin.adminOrgUnitCode! },
    work,
    evaluation: await setUpEvaluation({
      tokens,
      work,
      eId,
      opdId: eOpd.id,
      peerId: await idOf(peer.nip),
    }),
    development: await setUpDevelopment(asHr, tokens.employee!),
    rotateClientId: (await client('Access test: to rotate', ['PLANS_READ'])).client.id,
    revokeClientId: (await client('Access test: to revoke', ['PLANS_READ'])).client.id,
    asHr,
  };
});
afterAll(async () => {
  await t?.close();
});

/** Runs `op` as `viewer`. */
function send(viewer: ViewerName, op: Operation): Promise<GqlResult> {
  const token = 'token' in op ? op.token : fx.tokens[viewer];
  return gql(t.url, op.query, op.variables ?? {}, { token });
}

const summary = (result: GqlResult) =>
  JSON.stringify(
    result.errors?.map((e) => ({ code: e.extensions?.code, path: e.path, message: e.message })) ??
      result.data,
  );

// ---------------------------------------------------------------------------
// The table

describe('the access table', () => {
  it('has a row for every query and mutation of the schema', async () => {
    const result = await gql(
      t.url,
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
      {},
      { token: fx.tokens.employee },
    );
    expect(result.errors).toBeUndefined();
    const schema = result.data!.__schema;
    const names: string[] = [
      ...schema.queryType.fields.map((f: { name: string }) => f.name),
      ...(schema.mutationType?.fields ?? []).map((f: { name: string }) => f.name),
    ];
    const covered = new Set(ROWS.map((row) => row.field));
    const missing = names.filter((name) => !covered.has(name));
    expect(
      missing,
      `schema.graphql has operations that test/access.test.ts does not cover: add a row to ROWS (who may run it, per viewer) for each of: ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = ROWS.filter((row) => !names.includes(row.field)).map((row) => row.name);
    expect(stale, `rows for operations the schema no longer has: ${stale.join(', ')}`).toEqual([]);
    expect(new Set(ROWS.map((row) => row.name)).size, 'row names are unique').toBe(ROWS.length);
  });

  it('lets API clients run no mutation (login ignores their token)', async () => {
    const result = await gql(
      t.url,
      '{ __schema { mutationType { fields { name } } } }',
      {},
      {
        token: fx.tokens.employee,
      },
    );
    const mutations = new Set(
      result.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name),
    );
    for (const row of ROWS.filter((r) => mutations.has(r.field) && r.field !== 'login')) {
      for (const client of CLIENTS) {
        expect(row.expect[client], `${row.name} as ${client}`).toBe('FORBIDDEN');
      }
    }
  });

  for (const row of ROWS) {
    describe(row.name, () => {
      for (const viewer of VIEWERS) {
        const expected = row.expect[viewer];
        it(`${expected === 'ALLOWED' ? 'allows' : 'refuses'} ${viewer}`, async () => {
          const result = await send(viewer, await row.build(fx, viewer));
          const label = `${row.name} as ${viewer}: ${summary(result)}`;
          if (expected === 'ALLOWED') {
            const codes = (result.errors ?? []).map((e) => e.extensions?.code);
            expect(
              codes.filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED'),
              label,
            ).toEqual([]);
            expect(codes, label).toEqual(row.allowedError ? [row.allowedError] : []);
          } else {
            expect(result.errors?.[0]?.extensions?.code, label).toBe(expected);
            if (row.deniedAt) {
              // A viewer who may read the object is refused at the field, others at the root.
              const at =
                SIGNED_IN_READ[viewer] === 'ALLOWED' ? row.deniedAt : row.deniedAt.slice(0, 1);
              expect(result.errors![0].path, label).toEqual(at);
            }
          }
          row.check?.(result, viewer, fx);
        });
      }
    });
  }
});

describe('E’s plan after the table', () => {
  it('is still approved, at the version it was approved with', async () => {
    const result = await fx.asHr(
      'query($id: ID!) { performancePlan(id: $id) { status version } }',
      {
        id: fx.work.planId,
      },
    );
    expect(result.data?.performancePlan, summary(result)).toEqual({
      status: 'APPROVED',
      version: fx.work.planVersion,
    });
  });
});

describe('E’s appraisal after the table', () => {
  it('is still appealed, at the version it was appealed with, the appeal open', async () => {
    const result = await fx.asHr(
      'query($id: ID!) { appraisal(id: $id) { status version predikat appeal { status } } }',
      { id: fx.evaluation.appraisalId },
    );
    expect(result.data?.appraisal, summary(result)).toEqual({
      status: 'APPEALED',
      version: fx.evaluation.appraisalVersion,
      predikat: 'GOOD',
      appeal: { status: 'FILED' },
    });
  });
});

// ---------------------------------------------------------------------------
// API clients limited to OPDs, and missing objects

describe('API clients limited to some OPDs', () => {
  it('refuses E (another OPD) and lists only its OPD’s people', async () => {
    const created = await fx.asHr(CREATE_CLIENT, {
      input: {
        name: 'Access test: limited to one OPD',
        scopes: ['DIRECTORY_READ', 'DIRECTORY_PERSONAL_READ'],
        opdIds: [fx.otherOpd.id],
      },
    });
    const token: string = created.data!.createApiClient.token;
    const asLimited = (query: string, variables: Record<string, unknown> = {}) =>
      gql(t.url, query, variables, { token });

    const e = await asLimited('query($id: ID) { employee(id: $id) { id name } }', { id: fx.e.id });
    expect(e.errors?.[0]?.extensions?.code, `employee(E) as limited client: ${summary(e)}`).toBe(
      'FORBIDDEN',
    );

    const inOpd = await fx.asHr(
      'query($f: EmployeeFilter) { employees(filter: $f, first: 1) { totalCount } }',
      { f: { orgUnitId: fx.otherOpd.id } },
    );
    const listed = await asLimited(
      '{ employees(first: 100) { totalCount nodes { orgUnit { opd { id } } } } }',
    );
    expect(listed.errors, `employees as limited client: ${summary(listed)}`).toBeUndefined();
    expect(listed.data!.employees.totalCount, 'employees as limited client: totalCount').toBe(
      inOpd.data!.employees.totalCount,
    );
    expect(listed.data!.employees.totalCount).toBeGreaterThan(0);
    for (const node of listed.data!.employees.nodes) {
      expect(node.orgUnit.opd.id, 'employees as limited client: OPD of a node').toBe(
        fx.otherOpd.id,
      );
    }
  });

  it('shows no supervisor from another OPD, though the page brings each row’s supervisor', async () => {
    const created = await fx.asHr(CREATE_CLIENT, {
      input: {
        name: 'Access test: limited, supervisors',
        scopes: ['DIRECTORY_READ'],
        opdIds: [fx.e.opdId],
      },
    });
    const token: string = created.data!.createApiClient.token;
    const LIST = `query($f: EmployeeFilter) { employees(filter: $f, first: 100) {
      nodes { id supervisor { id orgUnit { opd { id } } } } } }`;
    // The head of E's OPD (a senior executive) reports to the Sekda, outside the OPD.
    const variables = { f: { orgUnitId: fx.e.opdId, jobType: 'SENIOR_EXECUTIVE' } };
    const hr = await fx.asHr(LIST, variables);
    const outside = new Set<string>(
      hr
        .data!.employees.nodes.filter(
          (n: any) => n.supervisor && n.supervisor.orgUnit.opd.id !== fx.e.opdId,
        )
        .map((n: any) => n.id),
    );
    expect(outside.size, 'the OPD has someone supervised from outside it').toBeGreaterThan(0);
    const limited = await gql(t.url, LIST, variables, { token });
    expect(limited.errors, summary(limited)).toBeUndefined();
    for (const node of limited.data!.employees.nodes) {
      if (outside.has(node.id)) expect(node.supervisor, 'supervisor outside the OPD').toBeNull();
      else if (node.supervisor) expect(node.supervisor.orgUnit.opd.id).toBe(fx.e.opdId);
    }
  });
});

describe('API clients with development:read', () => {
  const asDevelopmentClient = (query: string, variables: Record<string, unknown> = {}) =>
    gql(t.url, query, variables, { token: fx.tokens.developmentClient });

  it('reads its OPD only: another OPD’s people and units are FORBIDDEN', async () => {
    const other = await fx.asHr('query($nip: String) { employee(nip: $nip) { id } }', {
      nip: fx.nips.otherOpdEmployee,
    });
    const otherId: string = other.data!.employee.id;
    for (const [what, query, variables] of [
      [
        'enrolments',
        'query($e: ID!) { enrolments(employeeId: $e) { totalCount } }',
        { e: otherId },
      ],
      [
        'competencyGaps',
        'query($e: ID!) { competencyGaps(employeeId: $e) { gaps { key } } }',
        { e: otherId },
      ],
      [
        'unitDevelopmentHours',
        'query($u: ID!) { unitDevelopmentHours(orgUnitId: $u, year: 2026) { total } }',
        { u: fx.otherOpd.id },
      ],
      [
        'talentGrid',
        'query($u: ID!, $p: ID!) { talentGrid(orgUnitId: $u, periodId: $p) { fallbackCount } }',
        { u: fx.otherOpd.id, p: fx.work.periodId },
      ],
      [
        'promotionCandidates',
        'query($u: ID, $p: ID!) { promotionCandidates(orgUnitId: $u, periodId: $p) { totalCount } }',
        { u: fx.otherOpd.id, p: fx.work.periodId },
      ],
      [
        'competencyStandards',
        'query($o: ID) { competencyStandards(opdId: $o) { totalCount } }',
        { o: fx.otherOpd.id },
      ],
    ] as const) {
      const result = await asDevelopmentClient(query, variables);
      expect(result.errors?.[0]?.extensions?.code, `${what}: ${summary(result)}`).toBe('FORBIDDEN');
    }
  });

  it('lists the shared standards and its OPD’s, not another OPD’s', async () => {
    const Q = '{ competencyStandards(first: 100) { totalCount nodes { opd { id } } } }';
    const everyone = await fx.asHr(Q);
    const opds = everyone.data!.competencyStandards.nodes.map((n: any) => n.opd?.id ?? null);
    // The table's saveCompetencyStandard and importCompetencyStandards rows (as the HR admin)
    // made standards for the other OPD.
    expect(opds).toContain(fx.otherOpd.id);
    const limited = await asDevelopmentClient(Q);
    expect(limited.errors, summary(limited)).toBeUndefined();
    const seen = limited.data!.competencyStandards.nodes.map((n: any) => n.opd?.id ?? null);
    expect(seen).toEqual(opds.filter((id: string | null) => id === null || id === fx.e.opdId));
    expect(limited.data!.competencyStandards.totalCount).toBe(seen.length);
  });

  it('lists city-wide candidates of its OPD only, as for that OPD', async () => {
    for (const field of ['promotionCandidates', 'awardCandidates']) {
      const Q = `query($p: ID!, $u: ID) { ${field}(periodId: $p, orgUnitId: $u, first: 100) { totalCount nodes { employeeId } } }`;
      const cityWide = await asDevelopmentClient(Q, { p: fx.work.periodId });
      expect(cityWide.errors, summary(cityWide)).toBeUndefined();
      const ofOpd = await fx.asHr(Q, { p: fx.work.periodId, u: fx.e.opdId });
      expect(cityWide.data![field], field).toEqual(ofOpd.data![field]);
    }
  });

  it('refuses a client without development:read before looking an employee up', async () => {
    const missing = await gql(
      t.url,
      '{ enrolments(employeeId: "00000000-0000-7000-8000-000000000000") { totalCount } }',
      {},
      { token: fx.tokens.plansClient },
    );
    expect(missing.errors?.[0]?.extensions?.code, summary(missing)).toBe('FORBIDDEN');
    const unknown = await asDevelopmentClient(
      '{ enrolments(employeeId: "00000000-0000-7000-8000-000000000000") { totalCount } }',
    );
    expect(unknown.errors?.[0]?.extensions?.code, summary(unknown)).toBe('NOT_FOUND');
  });
});

describe('a missing employee', () => {
  const MISSING = 'query($id: ID) { employee(id: $id) { id name } }';

  it('is null for a person, not FORBIDDEN', async () => {
    const result = await send('employee', { query: MISSING, variables: { id: randomUUID() } });
    expect(result.errors, `employee(missing) as employee: ${summary(result)}`).toBeUndefined();
    expect(result.data!.employee).toBeNull();
  });

  it('is FORBIDDEN for the plans-only client', async () => {
    const result = await send('plansClient', { query: MISSING, variables: { id: randomUUID() } });
    expect(
      result.errors?.[0]?.extensions?.code,
      `employee(missing) as plansClient: ${summary(result)}`,
    ).toBe('FORBIDDEN');
  });
});

describe('plans reached through other fields', () => {
  it('lets a plans-only API client read plans but not walk the directory from them', async () => {
    const result = await gql(
      t.url,
      'query($id: ID!) { performancePlan(id: $id) { employee { name supervisor { name } } } }',
      { id: fx.work.planId },
      { token: fx.tokens.plansClient },
    );
    expect(result.data?.performancePlan?.employee?.name).toBeTruthy();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.path).toEqual(['performancePlan', 'employee', 'supervisor']);
  });

  it('refuses an API client without plans:read before looking a plan id up', async () => {
    const missing = await gql(
      t.url,
      '{ performancePlan(id: "00000000-0000-7000-8000-000000000000") { id } }',
      {},
      { token: fx.tokens.directoryClient },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows the parent RHK's words and owner, never the assessor's targets or progress", async () => {
    const result = await gql(
      t.url,
      'query($id: ID!) { performancePlan(id: $id) { workResults { parent { id text owner { nip } } } parentCandidates { id text } } }',
      { id: fx.work.planId },
      { token: fx.tokens.employee },
    );
    expect(result.errors).toBeUndefined();
    const parent = result.data!.performancePlan.workResults[0].parent;
    expect(parent.id).toBe(fx.work.assessorWorkResultId);
    expect(parent.owner.nip).toBe(fx.nips.assessor);
    expect(result.data!.performancePlan.parentCandidates.map((c: any) => c.id)).toContain(
      fx.work.assessorWorkResultId,
    );
    const leak = await gql(
      t.url,
      'query($id: ID!) { performancePlan(id: $id) { workResults { parent { indicators { id } } } } }',
      { id: fx.work.planId },
      { token: fx.tokens.employee },
    );
    expect(leak.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
