import { commonReasons } from '../kernel/errors.js';
import {
  ApiScope,
  type ClientViewer,
  type PersonViewer,
  Role,
  type Viewer,
} from '../kernel/scope.js';
import { accessReasons as reasons } from './access.reasons.js';

/**
 * The one access policy of Kinerja. Services call these functions before they read personal
 * data or change anything; every denial is FORBIDDEN and names the right that is missing.
 *
 * Rights come from roles (HR admin city-wide, unit admin within one OPD, auditor read-only
 * everywhere) and from the supervision chain (the assessor is the direct supervisor; the
 * assessor's supervisor sees what the assessor sees). API clients get read scopes only,
 * optionally limited to some OPDs. It knows no feature: what it decides on comes in as plain
 * facts (an {@link EmployeeSubject}, a unit's OPD and name).
 */

/** What the policy needs to know about an employee to decide. */
export interface EmployeeSubject {
  id: string;
  name: string;
  opdId: string;
  /** Direct supervisor (the assessor, pejabat penilai kinerja). */
  supervisorId: string | null;
  /** The assessor's supervisor (atasan pejabat penilai). */
  supervisorsSupervisorId: string | null;
}

/** How a person stands to an employee; empty when they are just a colleague. */
export type Relation =
  'SELF' | 'ASSESSOR' | 'ASSESSORS_SUPERVISOR' | 'UNIT_ADMIN' | 'HR_ADMIN' | 'AUDITOR';

/** The signed-in viewer; refuses anonymous callers with UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw commonReasons.unauthenticated();
  return viewer;
}

/** A signed-in person; refuses API clients (which never write) with FORBIDDEN. */
export function requirePerson(viewer: Viewer | null, doing = 'make changes'): PersonViewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    throw reasons.clientReadOnly({ doing, client: v.name });
  }
  return v;
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.kind === 'person' && viewer.roles.includes(role);
}

export function relationsTo(viewer: PersonViewer, subject: EmployeeSubject): Set<Relation> {
  const relations = new Set<Relation>();
  if (viewer.employeeId === subject.id) relations.add('SELF');
  if (subject.supervisorId === viewer.employeeId) relations.add('ASSESSOR');
  if (subject.supervisorsSupervisorId === viewer.employeeId) relations.add('ASSESSORS_SUPERVISOR');
  if (hasRole(viewer, Role.UNIT_ADMIN) && viewer.adminOrgUnitId === subject.opdId) {
    relations.add('UNIT_ADMIN');
  }
  if (hasRole(viewer, Role.HR_ADMIN)) relations.add('HR_ADMIN');
  if (hasRole(viewer, Role.AUDITOR)) relations.add('AUDITOR');
  return relations;
}

function clientReaches(client: ClientViewer, opdId: string): boolean {
  return client.opdIds === null || client.opdIds.includes(opdId);
}

function requireScope(client: ClientViewer, scope: ApiScope): void {
  if (!client.scopes.includes(scope)) {
    throw reasons.clientLacksScope({ client: client.name, scope });
  }
}

/**
 * Names, units, positions and supervisors: every signed-in person; API clients with
 * `directory:read`, inside their OPDs when `opdId` is known.
 */
export function assertDirectoryRead(viewer: Viewer | null, opdId?: string | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.DIRECTORY_READ);
    if (opdId && !clientReaches(v, opdId)) {
      throw reasons.clientOutsideOpds({ client: v.name });
    }
  }
  return v;
}

/** OPDs an API client is limited to (null = all, and always null for people). */
export function directoryOpdLimit(viewer: Viewer): string[] | null {
  return viewer.kind === 'client' ? viewer.opdIds : null;
}

export function canReadPersonal(viewer: Viewer, subject: EmployeeSubject): boolean {
  if (viewer.kind === 'client') {
    return (
      viewer.scopes.includes(ApiScope.DIRECTORY_PERSONAL_READ) &&
      clientReaches(viewer, subject.opdId)
    );
  }
  return relationsTo(viewer, subject).size > 0;
}

/**
 * Birth date, email, phone: the person, their assessor and the assessor's supervisor, unit
 * admins of their OPD, HR admins, auditors, and API clients with `directory:personal:read`.
 */
export function assertPersonalRead(viewer: Viewer | null, subject: EmployeeSubject): Viewer {
  const v = requireViewer(viewer);
  if (canReadPersonal(v, subject)) return v;
  if (v.kind === 'client') {
    throw reasons.clientPersonalRead({ client: v.name, name: subject.name });
  }
  throw reasons.personalRead({ name: subject.name });
}

/** Directory changes: HR admins anywhere, unit admins inside their own OPD; never API clients. */
export function assertDirectoryWrite(viewer: Viewer | null, opdId: string): PersonViewer {
  const v = requirePerson(viewer, 'change the directory');
  if (hasRole(v, Role.HR_ADMIN)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === opdId) return v;
  throw hasRole(v, Role.UNIT_ADMIN) ? reasons.directoryWriteOutsideOpd() : reasons.directoryWrite();
}

/** Roles that act city-wide: only HR admins grant them or touch the accounts that hold them. */
export const CITY_WIDE_ROLES: readonly Role[] = [Role.HR_ADMIN, Role.AUDITOR];

/**
 * Accounts (create, roles, deactivation, password resets): HR admins anywhere; unit admins
 * inside their OPD, except granting or revoking HR_ADMIN and AUDITOR, and except accounts that
 * hold one of those roles (a unit admin could otherwise reset an HR admin's password and become
 * them), which only HR admins may manage.
 */
export function assertAccountsManage(
  viewer: Viewer | null,
  opdId: string,
  options: { role?: Role; targetRoles?: readonly Role[] } = {},
): PersonViewer {
  const v = requirePerson(viewer, 'manage accounts');
  if (hasRole(v, Role.HR_ADMIN)) return v;
  const { role, targetRoles = [] } = options;
  if (hasRole(v, Role.UNIT_ADMIN)) {
    if (role && CITY_WIDE_ROLES.includes(role)) {
      throw reasons.cityWideRoleGrant({ role });
    }
    const held = targetRoles.filter((r) => CITY_WIDE_ROLES.includes(r));
    if (held.length > 0) {
      throw reasons.cityWideRoleHolder({ roles: held.join(' and ') });
    }
    if (v.adminOrgUnitId === opdId) return v;
    throw reasons.accountsOutsideOpd();
  }
  throw reasons.accountsManage();
}

/** The audit trail: HR admins and auditors. */
export function assertAuditRead(viewer: Viewer | null): PersonViewer {
  const v = requirePerson(viewer, 'read the audit trail');
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  throw reasons.auditRead();
}

/** Where a bulk read (plans or appraisals of many people) may look, and how big its pages. */
export interface BulkReadReach {
  /** Only these OPDs (null: all). */
  opdIds: string[] | null;
  /** Only plans or appraisals this employee assesses (null: anyone's). */
  assessorId: string | null;
  /** Only this employee's own (null: anyone's). */
  employeeId: string | null;
  maxPage: number;
}

/** Pages of bulk reads: agency tools read a period's results in a few large pages. */
export const CLIENT_BULK_PAGE = 500;
export const PERSON_BULK_PAGE = 100;

/**
 * Bulk reads of plans, activities or appraisals: API clients with `plans:read` (plans and
 * activities) / `appraisals:read` (inside their OPDs), HR admins and auditors (city-wide), unit
 * admins (their OPD), and anyone for what they assess themselves (`assessorId` = their own id)
 * or their own (`employeeId` = their own id).
 */
export function bulkReadReach(
  viewer: Viewer | null,
  what: 'plans' | 'appraisals',
  filter: { opdId?: string | null; assessorId?: string | null; employeeId?: string | null },
): BulkReadReach {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, what === 'plans' ? ApiScope.PLANS_READ : ApiScope.APPRAISALS_READ);
    if (filter.opdId && !clientReaches(v, filter.opdId)) {
      throw what === 'plans'
        ? reasons.clientPlansOutsideOpds({ client: v.name })
        : reasons.clientAppraisalsOutsideOpds({ client: v.name });
    }
    return { opdIds: v.opdIds, assessorId: null, employeeId: null, maxPage: CLIENT_BULK_PAGE };
  }
  if (filter.assessorId && filter.assessorId === v.employeeId) {
    return { opdIds: null, assessorId: v.employeeId, employeeId: null, maxPage: PERSON_BULK_PAGE };
  }
  if (filter.employeeId && filter.employeeId === v.employeeId) {
    return { opdIds: null, assessorId: null, employeeId: v.employeeId, maxPage: PERSON_BULK_PAGE };
  }
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) {
    return { opdIds: null, assessorId: null, employeeId: null, maxPage: PERSON_BULK_PAGE };
  }
  if (
    hasRole(v, Role.UNIT_ADMIN) &&
    v.adminOrgUnitId &&
    (!filter.opdId || filter.opdId === v.adminOrgUnitId)
  ) {
    return {
      opdIds: [v.adminOrgUnitId],
      assessorId: null,
      employeeId: null,
      maxPage: PERSON_BULK_PAGE,
    };
  }
  throw reasons.bulkRead({ what });
}

/**
 * The change feed: API clients with `changes:read` (limited to their OPDs' changes), HR admins
 * and auditors. Returns the OPDs the reader is limited to (null = all).
 */
export function assertChangesRead(viewer: Viewer | null): string[] | null {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.CHANGES_READ);
    return v.opdIds;
  }
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return null;
  throw reasons.changesRead();
}

/** API clients for agency tools: HR admins manage them; auditors may list them. */
export function assertApiClientsManage(viewer: Viewer | null): PersonViewer {
  const v = requirePerson(viewer, 'manage API clients');
  if (hasRole(v, Role.HR_ADMIN)) return v;
  throw reasons.apiClientsManage();
}

export function assertApiClientsRead(viewer: Viewer | null): PersonViewer {
  const v = requirePerson(viewer, 'list API clients');
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  throw reasons.apiClientsRead();
}

/** Periods, settings and other city-wide configuration: HR admins. */
export function assertCityAdmin(viewer: Viewer | null, doing: string): PersonViewer {
  const v = requirePerson(viewer, doing);
  if (hasRole(v, Role.HR_ADMIN)) return v;
  throw reasons.cityAdmin({ doing });
}

/**
 * A plan and everything in it (RHK, IKI, activities, realisation, feedback): the owner, the
 * plan's assessor and the assessor's supervisor, unit admins of the plan's OPD, HR admins,
 * auditors, and API clients with `plans:read` inside their OPDs. `subject.supervisorId` is the
 * assessor snapshotted on the plan.
 */
export function assertPlanRead(viewer: Viewer | null, subject: EmployeeSubject): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.PLANS_READ);
    if (!clientReaches(v, subject.opdId)) {
      throw reasons.clientPlansOutsideOpds({ client: v.name });
    }
    return v;
  }
  if (relationsTo(v, subject).size > 0) return v;
  throw reasons.planRead({ name: subject.name });
}

/**
 * Before looking a plan up: anyone signed in, except API clients without `plans:read` (which
 * would otherwise learn from NOT_FOUND versus FORBIDDEN which ids exist).
 */
export function assertMayReadSomePlans(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') requireScope(v, ApiScope.PLANS_READ);
  return v;
}

/** Writing one's own plan and work: only the plan's owner. */
export function assertOwner(
  viewer: Viewer | null,
  subject: EmployeeSubject,
  doing: string,
): PersonViewer {
  const v = requirePerson(viewer, doing);
  if (v.employeeId === subject.id) return v;
  throw reasons.ownerOnly({ name: subject.name, doing });
}

/** Approving, returning, reopening, reviewing: only the assessor named on the plan. */
export function assertAssessor(
  viewer: Viewer | null,
  subject: EmployeeSubject,
  doing: string,
): PersonViewer {
  const v = requirePerson(viewer, doing);
  if (subject.supervisorId !== null && v.employeeId === subject.supervisorId) return v;
  throw subject.supervisorId === null
    ? reasons.noAssessor({ name: subject.name, doing })
    : reasons.assessorOnly({ name: subject.name, doing });
}

/** Continuous feedback: the assessor or the assessor's supervisor. */
export function assertFeedbackGiver(viewer: Viewer | null, subject: EmployeeSubject): PersonViewer {
  const v = requirePerson(viewer, 'give feedback');
  const relations = relationsTo(v, subject);
  if (relations.has('ASSESSOR') || relations.has('ASSESSORS_SUPERVISOR')) return v;
  throw reasons.feedbackGiver({ name: subject.name });
}

/**
 * Unit-wide plan views (the cascade): people who work in the unit, unit admins of its OPD, HR
 * admins, auditors, and API clients with `plans:read` for the OPD.
 */
export function assertUnitPlansRead(
  viewer: Viewer | null,
  /** containsViewer: the viewer works in this unit, or above or below it. */
  unit: { opdId: string; name: string; containsViewer: boolean },
): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.PLANS_READ);
    if (!clientReaches(v, unit.opdId)) throw reasons.clientOutsideOpds({ client: v.name });
    return v;
  }
  if (unit.containsViewer || hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === unit.opdId) return v;
  throw reasons.unitPlansRead({ unit: unit.name });
}

/** Appraisals: the plan's readers; API clients need `appraisals:read` instead of `plans:read`. */
export function assertAppraisalRead(viewer: Viewer | null, subject: EmployeeSubject): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.APPRAISALS_READ);
    if (!clientReaches(v, subject.opdId)) {
      throw reasons.clientAppraisalsOutsideOpds({ client: v.name });
    }
    return v;
  }
  if (relationsTo(v, subject).size > 0) return v;
  throw reasons.appraisalRead({ name: subject.name });
}

/** Before looking an appraisal up: API clients need `appraisals:read`. */
export function assertMayReadSomeAppraisals(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') requireScope(v, ApiScope.APPRAISALS_READ);
  return v;
}

/** Finalising an OPD's appraisals: HR admins, or unit admins of that OPD. */
export function assertFinalise(viewer: Viewer | null, opdId: string): PersonViewer {
  const v = requirePerson(viewer, 'finalise appraisals');
  if (hasRole(v, Role.HR_ADMIN)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === opdId) return v;
  throw reasons.finalise();
}

/**
 * An OPD's distribution (counts only, no names): the people of the OPD, its unit admins, HR
 * admins, auditors, and API clients with `appraisals:read` for it.
 */
export function assertDistributionRead(
  viewer: Viewer | null,
  opd: { id: string; name: string },
  viewerOpdId: string | null,
): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.APPRAISALS_READ);
    if (!clientReaches(v, opd.id)) throw reasons.clientOutsideOpds({ client: v.name });
    return v;
  }
  if (viewerOpdId === opd.id || hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === opd.id) return v;
  throw reasons.distributionRead({ opd: opd.name });
}

/**
 * The training catalogue and the competency standards (nobody's personal data), and the check
 * before looking an employee or a unit up for development data: anyone signed in, except API
 * clients without `development:read` (which would otherwise learn from NOT_FOUND versus FORBIDDEN
 * which ids exist) and, when `opdId` is known, clients that do not reach that OPD.
 */
export function assertMayReadSomeDevelopment(viewer: Viewer | null, opdId?: string | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') {
    requireScope(v, ApiScope.DEVELOPMENT_READ);
    if (opdId) assertClientDevelopmentRead(v, opdId);
  }
  return v;
}

/** An API client with `development:read` that reaches the OPD; FORBIDDEN otherwise. */
function assertClientDevelopmentRead(client: ClientViewer, opdId: string): ClientViewer {
  requireScope(client, ApiScope.DEVELOPMENT_READ);
  if (!clientReaches(client, opdId)) {
    throw reasons.clientDevelopmentOutsideOpds({ client: client.name });
  }
  return client;
}

/**
 * An employee's competencies, gaps, recommendations, trainings and JP: the person, their assessor
 * and the assessor's supervisor, unit admins of their OPD, HR admins and auditors, and API
 * clients with `development:read` inside their OPDs.
 */
export function assertDevelopmentRead(viewer: Viewer | null, subject: EmployeeSubject): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') return assertClientDevelopmentRead(v, subject.opdId);
  if (relationsTo(v, subject).size > 0) return v;
  throw reasons.developmentRead({ name: subject.name });
}

/**
 * Unit-wide development figures (JP progress with who is behind, competency gaps across a unit):
 * as for the unit's plans, people who work in the unit or in a unit above or below it, unit admins
 * of its OPD, HR admins, auditors, and API clients with `development:read` for the OPD.
 */
export function assertUnitDevelopmentRead(
  viewer: Viewer | null,
  /** containsViewer: the viewer works in this unit, or above or below it. */
  unit: { opdId: string; name: string; containsViewer: boolean },
  what: string,
): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') return assertClientDevelopmentRead(v, unit.opdId);
  if (unit.containsViewer || hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === unit.opdId) return v;
  throw reasons.unitDevelopmentRead({ what, unit: unit.name });
}

/**
 * The talent grid of a unit (each person's box, predikat and potential, by name): unit admins of
 * the OPD, HR admins, auditors, and API clients with `development:read` for the OPD. Not the
 * people who work there: the grid names colleagues' ratings.
 */
export function assertTalentGridRead(
  viewer: Viewer | null,
  unit: { opdId: string; name: string },
): Viewer {
  const v = requireViewer(viewer);
  if (v.kind === 'client') return assertClientDevelopmentRead(v, unit.opdId);
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && v.adminOrgUnitId === unit.opdId) return v;
  throw reasons.talentGridRead({ unit: unit.name });
}

/**
 * Promotion and award candidates: HR admins, auditors (who read everything), and API clients
 * with `development:read`; a client asking about one unit must reach its OPD (city-wide, the
 * caller limits the list to {@link developmentOpdLimit}).
 */
export function assertCandidatesRead(viewer: Viewer | null, opdId?: string | null): Viewer {
  const v = assertMayReadSomeDevelopment(viewer, opdId);
  if (v.kind === 'client') return v;
  if (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR)) return v;
  throw reasons.candidatesRead();
}

/**
 * Who is on a training (everyone's enrolments in it): HR admins, who record completion from
 * there, and auditors, who read. Nobody else, API clients included: the list crosses OPDs.
 */
export function assertTrainingEnrolmentsRead(viewer: Viewer | null): PersonViewer {
  const v = requireViewer(viewer);
  if (v.kind === 'person' && (hasRole(v, Role.HR_ADMIN) || hasRole(v, Role.AUDITOR))) return v;
  throw reasons.trainingEnrolmentsRead();
}

/**
 * OPDs whose development data a viewer's lists are limited to (null = all; always null for
 * people): an API client's OPD limit, the same as for the directory.
 */
export const developmentOpdLimit: (viewer: Viewer) => string[] | null = directoryOpdLimit;

/**
 * Recording a competency level: SELF by the employee, SUPERVISOR by their direct supervisor,
 * ASSESSMENT_CENTRE by an HR admin.
 */
export function assertCompetencyAssessor(
  viewer: Viewer | null,
  subject: EmployeeSubject,
  source: 'SELF' | 'SUPERVISOR' | 'ASSESSMENT_CENTRE',
): PersonViewer {
  const v = requirePerson(viewer, 'record competency assessments');
  const relations = relationsTo(v, subject);
  if (source === 'SELF' && relations.has('SELF')) return v;
  if (source === 'SUPERVISOR' && relations.has('ASSESSOR')) return v;
  if (source === 'ASSESSMENT_CENTRE' && relations.has('HR_ADMIN')) return v;
  const refusal =
    source === 'SELF'
      ? reasons.selfAssessment
      : source === 'SUPERVISOR'
        ? reasons.supervisorAssessment
        : reasons.assessmentCentre;
  throw refusal({ name: subject.name });
}

/** Assigning a training: the employee's direct supervisor. */
export function assertTrainingAssigner(
  viewer: Viewer | null,
  subject: EmployeeSubject,
): PersonViewer {
  const v = requirePerson(viewer, 'assign trainings');
  if (relationsTo(v, subject).has('ASSESSOR')) return v;
  throw reasons.trainingAssigner({ name: subject.name });
}

/** Things a person does for themselves only (enrolling in a training, cancelling it). */
export function assertSelf(
  viewer: Viewer | null,
  subject: EmployeeSubject,
  doing: string,
): PersonViewer {
  const v = requirePerson(viewer, doing);
  if (v.employeeId === subject.id) return v;
  throw reasons.selfOnly({ name: subject.name, doing });
}
