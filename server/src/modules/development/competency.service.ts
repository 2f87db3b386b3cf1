import { type FilterQuery, QueryOrder, raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { loaderKit } from '../../db/loaders.js';
import { isCalendarDate, todayInDenpasar } from '../../kernel/calendar.js';
import { DomainError, invalidInput } from '../../kernel/errors.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import type { Loaders, Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import {
  assertCityAdmin,
  assertCompetencyAssessor,
  assertDevelopmentRead,
  assertMayReadSomeDevelopment,
  assertUnitDevelopmentRead,
  developmentOpdLimit,
  type EmployeeSubject,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import {
  directoryLoaders,
  employeeSubject,
  type EmployeeRecord,
  JobType,
  OrgUnit,
} from '../directory/index.js';
import { AssessmentSource, CompetencyKind, PotentialLevel } from './development.enums.js';
import {
  CompetencyAssessment,
  type CompetencyLevel,
  CompetencyStandard,
  PotentialAssessment,
} from './development.entity.js';
import { DEVELOPMENT_PAGE_SIZE, type PageArgs } from './development.input.js';
import { competencyReasons, developmentReasons } from './development.reasons.js';
import {
  aggregateGaps,
  COMMON_COMPETENCIES,
  competencyGaps,
  type Gap,
  normaliseLevels,
  parseStandardsCsv,
  pickStandard,
  standardsToCsv,
  type UnitGap,
} from './development.rules.js';

/** The employee and their access subject; NOT_FOUND for an unknown id. */
export async function subjectOf(
  source: Pick<Loaders, 'employee' | 'orgUnit'> | EntityManager,
  employeeId: string,
): Promise<{ employee: EmployeeRecord; subject: EmployeeSubject }> {
  // Inside a transaction, pass its EntityManager (see planSubject).
  const loaders = source instanceof EntityManager ? directoryLoaders(loaderKit(source)) : source;
  const employee = await loaders.employee.load(employeeId);
  if (!employee) throw developmentReasons.employeeNotFound({ id: employeeId });
  return { employee, subject: await employeeSubject(loaders, employee) };
}

/** A unit, its OPD and its path; NOT_FOUND for an unknown id. */
export async function unitOf(
  em: EntityManager,
  orgUnitId: string,
): Promise<{ unit: OrgUnit; opdId: string }> {
  const unit = await em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw developmentReasons.unitNotFound({ id: orgUnitId });
  return { unit, opdId: unit.opd?.id ?? unit.id };
}

/**
 * Whether the signed-in person works in `unit` or in a unit above or below it (as for the
 * cascade of a unit's plans); always false for API clients and anonymous callers.
 */
export async function viewerWorksIn(scope: Scope, unit: OrgUnit): Promise<boolean> {
  if (scope.viewer?.kind !== 'person') return false;
  const me = await scope.loaders.employee.load(scope.viewer.employeeId);
  const mine = me ? await scope.loaders.orgUnit.load(me.orgUnit.id) : null;
  return Boolean(mine && (mine.path.startsWith(unit.path) || unit.path.startsWith(mine.path)));
}

/** Active employees of a unit and every unit below it, with their OPD. */
export async function peopleOfUnit(
  em: EntityManager,
  unit: OrgUnit,
): Promise<
  { id: string; name: string; nip: string; opdId: string; positionTitle: string; jobType: string }[]
> {
  const rows = await em.execute<
    {
      id: string;
      name: string;
      nip: string;
      opd_id: string;
      position_title: string;
      job_type: string;
    }[]
  >(
    `select e.id, e.name, e.nip, coalesce(u.opd_id, u.id) as opd_id, e.position_title, e.job_type
     from employee e join org_unit u on u.id = e.org_unit_id
     where e.active and u.path like ? order by e.name, e.id`,
    [`${unit.path}%`],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nip: r.nip,
    opdId: r.opd_id,
    positionTitle: r.position_title,
    jobType: r.job_type,
  }));
}

export interface Profile {
  standard: CompetencyStandard | null;
  gaps: Gap[];
}

/**
 * Standards and latest assessed levels of many employees in two statements: the gaps of each.
 */
export async function profilesOf(
  em: EntityManager,
  people: { id: string; opdId: string; positionTitle: string; jobType: string }[],
): Promise<Map<string, Profile>> {
  const out = new Map<string, Profile>();
  if (people.length === 0) return out;
  const standards = await em.find(CompetencyStandard, {});
  const keyed = standards.map((s) => ({ ...standardKey(s), standard: s }));
  const latest = await em.execute<{ employee_id: string; competency_key: string; level: number }[]>(
    `select distinct on (employee_id, competency_key) employee_id, competency_key, level
     from competency_assessment where employee_id in (?)
     order by employee_id, competency_key, assessed_on desc, created_at desc`,
    [people.map((p) => p.id)],
  );
  const levels = new Map<string, Map<string, number>>();
  for (const row of latest) {
    let mine = levels.get(row.employee_id);
    if (!mine) levels.set(row.employee_id, (mine = new Map()));
    mine.set(row.competency_key, Number(row.level));
  }
  for (const person of people) {
    const standard = pickStandard(keyed, person)?.standard ?? null;
    out.set(person.id, {
      standard,
      gaps: standard
        ? competencyGaps(standard.requirements, levels.get(person.id) ?? new Map())
        : [],
    });
  }
  return out;
}

function standardKey(s: CompetencyStandard) {
  return { opdId: s.opd?.id ?? null, positionTitle: s.positionTitle, jobType: s.jobType };
}

/** The 8 managerial competencies and Perekat Bangsa. */
export function listCompetencies(scope: Scope) {
  requireViewer(scope.viewer);
  return COMMON_COMPETENCIES.map((c) => ({ ...c, kind: c.kind as CompetencyKind }));
}

// Shared standards (no OPD) first, then by job type, title and id: the order of the list and of
// the CSV export.
const sharedFirst = () => raw((alias) => `(${alias}.opd_id is not null)`);
const STANDARD_ORDER = [
  { jobType: QueryOrder.ASC },
  { positionTitle: QueryOrder.ASC },
  { id: QueryOrder.ASC },
] as const;

/**
 * A page of standards, shared ones first, then by job type and position title; filtered by OPD
 * (its positions and the shared ones) and job type. An API client limited to some OPDs sees the
 * shared standards and those of its OPDs, and is refused another OPD's. Two statements.
 */
export async function listStandards(
  scope: Scope,
  filter: { opdId?: string | null; jobType?: JobType | null },
  page: PageArgs = {},
): Promise<Connection<CompetencyStandard>> {
  const viewer = assertMayReadSomeDevelopment(scope.viewer, filter.opdId);
  const limit = pageSize(page.first ?? DEVELOPMENT_PAGE_SIZE);
  const where: FilterQuery<CompetencyStandard>[] = [];
  const opds = filter.opdId ? [filter.opdId] : developmentOpdLimit(viewer);
  if (opds) where.push({ $or: [{ opd: null }, { opd: { $in: opds } }] });
  if (filter.jobType) where.push({ jobType: filter.jobType });
  const rows = [...where];
  if (page.after) {
    const [group, type, title, id] = decodeCursor(page.after, 4);
    const jobType = type as JobType;
    const rest = [
      { jobType: { $gt: jobType } },
      { jobType, positionTitle: { $gt: title } },
      { jobType, positionTitle: title, id: { $gt: id } },
    ];
    // Shared standards have no title; position standards always have one.
    rows.push(
      group === 'shared'
        ? {
            $or: [
              { opd: { $ne: null } },
              { opd: null, jobType: { $gt: jobType } },
              { opd: null, jobType, id: { $gt: id } },
            ],
          }
        : { opd: { $ne: null }, $or: rest },
    );
  }
  const [found, totalCount] = await Promise.all([
    scope.em.find(CompetencyStandard, rows.length > 0 ? { $and: rows } : {}, {
      orderBy: [{ [sharedFirst()]: QueryOrder.ASC }, ...STANDARD_ORDER],
      limit: limit + 1,
    }),
    scope.em.count(CompetencyStandard, where.length > 0 ? { $and: where } : {}),
  ]);
  return toConnection(found, limit, Boolean(page.after), totalCount, (s) => [
    s.opd ? 'position' : 'shared',
    s.jobType,
    s.positionTitle ?? '',
    s.id,
  ]);
}

/** Every standard, in the order of {@link listStandards}. */
async function allStandards(em: EntityManager): Promise<CompetencyStandard[]> {
  return em.find(
    CompetencyStandard,
    {},
    { orderBy: [{ [sharedFirst()]: QueryOrder.ASC }, ...STANDARD_ORDER] },
  );
}

export interface LevelInput {
  key?: string | null;
  name?: string | null;
  level: number;
}

export interface StandardInput {
  id?: string | null;
  opdId?: string | null;
  positionTitle?: string | null;
  jobType: JobType;
  publicService?: boolean | null;
  requirements: LevelInput[];
  expectedVersion?: number | null;
}

function checkedLevels(entries: LevelInput[], field: string): CompetencyLevel[] {
  const { levels, problems } = normaliseLevels(entries, field);
  if (problems.length > 0) throw invalidInput(problems);
  return levels as CompetencyLevel[];
}

const standardSnapshot = (s: CompetencyStandard) => ({
  opdId: s.opd?.id ?? null,
  positionTitle: s.positionTitle,
  jobType: s.jobType,
  publicService: s.publicService,
  requirements: s.requirements,
});

/**
 * Creates or changes a standard (HR admins). A position standard names an OPD and a title; a
 * shared one neither. Refuses a second standard for the same position and a stale version.
 */
export async function saveStandard(
  scope: Scope,
  input: StandardInput,
): Promise<CompetencyStandard> {
  assertCityAdmin(scope.viewer, 'manage competency standards');
  const title = input.positionTitle?.trim().replace(/\s+/g, ' ') || null;
  if (((input.opdId ?? null) === null) !== (title === null)) {
    throw competencyReasons.standardPositionHalf(
      {},
      { field: input.opdId ? 'positionTitle' : 'opdId' },
    );
  }
  const requirements = checkedLevels(input.requirements, 'requirements');
  return scope.em.transactional(async (em) => {
    let opd: OrgUnit | null = null;
    if (input.opdId) {
      opd = (await unitOf(em, input.opdId)).unit;
      if (opd.opd && opd.opd.id !== opd.id) throw competencyReasons.standardOpdNotTop();
    }
    const sameKey = (await em.find(CompetencyStandard, { jobType: input.jobType, opd })).find(
      (s) =>
        (s.positionTitle ?? '').toLowerCase() === (title ?? '').toLowerCase() && s.id !== input.id,
    );
    if (sameKey) {
      throw title === null
        ? competencyReasons.sharedStandardExists({ jobType: input.jobType, id: sameKey.id })
        : competencyReasons.standardExists({ positionTitle: title, id: sameKey.id });
    }
    let standard: CompetencyStandard;
    let before: ReturnType<typeof standardSnapshot> | null = null;
    if (input.id) {
      const found = await em.findOne(CompetencyStandard, { id: input.id });
      if (!found) throw competencyReasons.standardNotFound({ id: input.id });
      standard = found;
      if (standard.version !== input.expectedVersion) {
        throw competencyReasons.standardStale(
          { currentVersion: standard.version, editedVersion: input.expectedVersion ?? 'none' },
          { extra: { currentVersion: standard.version } },
        );
      }
      before = standardSnapshot(standard);
      em.assign(standard, { opd, positionTitle: title, jobType: input.jobType });
    } else {
      standard = em.create(CompetencyStandard, {
        opd,
        positionTitle: title,
        jobType: input.jobType,
      });
    }
    standard.publicService = input.publicService ?? standard.publicService;
    standard.requirements = requirements;
    await recordChange(
      scope,
      {
        action: before ? 'competency_standard.update' : 'competency_standard.create',
        subjectType: 'CompetencyStandard',
        subjectId: standard.id,
        before,
        after: standardSnapshot(standard),
        audience: { opdIds: [standard.opd?.id] },
      },
      em,
    );
    await em.flush();
    return standard;
  });
}

/** Every standard as CSV, one line per requirement (HR admins). */
export async function exportStandardsCsv(scope: Scope): Promise<string> {
  assertCityAdmin(scope.viewer, 'export competency standards');
  const standards = await allStandards(scope.em);
  const units = await scope.loaders.orgUnit.loadMany(
    standards.flatMap((s) => (s.opd ? [s.opd.id] : [])),
  );
  const codes = new Map(
    units.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.code] as const] : [])),
  );
  return standardsToCsv(
    standards.map((s) => ({
      opdCode: s.opd ? (codes.get(s.opd.id) ?? null) : null,
      positionTitle: s.positionTitle,
      jobType: s.jobType,
      publicService: s.publicService,
      requirements: s.requirements,
    })),
  );
}

/** An error about lines of the CSV, pointing at the CSV (the input) rather than at a line. */
function inTheCsv(error: DomainError): DomainError {
  return new DomainError(error.kind, error.reason, error.message, error.params, {
    field: 'csv',
    extra: error.extra,
  });
}

/**
 * Imports standards from CSV in the export's shape (HR admins): each (OPD, position, job type)
 * replaces the standard it names or creates it. All or nothing: any problem refuses the file.
 */
export async function importStandardsCsv(
  scope: Scope,
  csv: string,
): Promise<{ created: number; updated: number }> {
  assertCityAdmin(scope.viewer, 'import competency standards');
  if (csv.length > 2_000_000) throw competencyReasons.csvTooLarge();
  const { standards, problems } = parseStandardsCsv(csv, Object.values(JobType));
  if (problems.length > 0) throw inTheCsv(invalidInput(problems.slice(0, 50)));
  if (standards.length === 0) throw competencyReasons.csvEmpty();
  return scope.em.transactional(async (em) => {
    const codes = [...new Set(standards.flatMap((s) => (s.opdCode ? [s.opdCode] : [])))];
    const opds = new Map(
      (await em.find(OrgUnit, { code: { $in: codes } })).map((u) => [u.code, u]),
    );
    const existing = await em.find(CompetencyStandard, {});
    let created = 0;
    let updated = 0;
    for (const row of standards) {
      const opd = row.opdCode ? opds.get(row.opdCode) : null;
      if (opd === undefined) throw competencyReasons.csvUnknownOpd({ code: row.opdCode });
      if (opd && opd.opd && opd.opd.id !== opd.id) {
        throw competencyReasons.csvNotOpd({ code: row.opdCode });
      }
      const requirements = checkedLevels(row.requirements, 'csv');
      const found = existing.find(
        (s) =>
          (s.opd?.id ?? null) === (opd?.id ?? null) &&
          s.jobType === row.jobType &&
          (s.positionTitle ?? '').toLowerCase() === (row.positionTitle ?? '').toLowerCase(),
      );
      const standard =
        found ??
        em.create(CompetencyStandard, {
          opd: opd ?? null,
          positionTitle: row.positionTitle,
          jobType: row.jobType as JobType,
        });
      const before = found ? standardSnapshot(found) : null;
      standard.publicService = row.publicService;
      standard.requirements = requirements;
      if (found) updated += 1;
      else {
        created += 1;
        existing.push(standard);
      }
      await recordChange(
        scope,
        {
          action: found ? 'competency_standard.import_update' : 'competency_standard.import_create',
          subjectType: 'CompetencyStandard',
          subjectId: standard.id,
          before,
          after: standardSnapshot(standard),
          audience: { opdIds: [opd?.id] },
        },
        em,
      );
    }
    await em.flush();
    return { created, updated };
  });
}

export interface AssessmentInput {
  employeeId: string;
  source: AssessmentSource;
  assessedOn?: string | null;
  levels: LevelInput[];
  note?: string | null;
}

/**
 * Records assessed levels of one employee from one source on one day; earlier ones stay as
 * history. SELF by the employee, SUPERVISOR by the direct supervisor, ASSESSMENT_CENTRE by an HR
 * admin. Refuses future dates and levels outside 1–5.
 */
export async function recordAssessment(
  scope: Scope,
  input: AssessmentInput,
): Promise<CompetencyAssessment[]> {
  requirePerson(scope.viewer, 'record competency assessments');
  const today = todayInDenpasar(scope.config.clock());
  const assessedOn = input.assessedOn ?? today;
  const levels = checkedLevels(input.levels, 'levels');
  if (levels.length === 0) throw competencyReasons.nothingAssessed();
  if (!isCalendarDate(assessedOn) || assessedOn > today) {
    throw competencyReasons.assessedOnInvalid({ today });
  }
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw competencyReasons.noteTooLong();
  return scope.em.transactional(async (em) => {
    const { employee, subject } = await subjectOf(em, input.employeeId);
    const viewer = assertCompetencyAssessor(scope.viewer, subject, input.source);
    const rows = levels.map((l) =>
      em.create(CompetencyAssessment, {
        employee: employee.id,
        competencyKey: l.key,
        competencyName: l.name,
        kind: l.kind,
        level: l.level,
        source: input.source,
        assessedOn,
        assessor: viewer.employeeId,
        note,
      }),
    );
    await recordChange(
      scope,
      {
        action: 'competency_assessment.record',
        subjectType: 'Employee',
        subjectId: employee.id,
        after: { source: input.source, assessedOn, levels: levels.map((l) => [l.key, l.level]) },
        audience: { ownerIds: [employee.id], opdIds: [subject.opdId] },
        data: { source: input.source, assessedOn },
      },
      em,
    );
    await em.flush();
    return rows;
  });
}

/**
 * A page of an employee's assessments, newest first: by assessment date, then the latest
 * recorded (ids are UUIDv7, so id order is the order of recording). History is kept; the latest
 * of each competency counts. Two statements after the access check.
 */
export async function assessmentHistory(
  scope: Scope,
  employeeId: string,
  page: PageArgs = {},
): Promise<Connection<CompetencyAssessment>> {
  assertMayReadSomeDevelopment(scope.viewer);
  const { subject } = await subjectOf(scope.loaders, employeeId);
  assertDevelopmentRead(scope.viewer, subject);
  const limit = pageSize(page.first ?? DEVELOPMENT_PAGE_SIZE);
  const where: FilterQuery<CompetencyAssessment> = { employee: employeeId };
  const rows: FilterQuery<CompetencyAssessment>[] = [where];
  if (page.after) {
    const [assessedOn, id] = decodeCursor(page.after, 2);
    rows.push({ $or: [{ assessedOn: { $lt: assessedOn } }, { assessedOn, id: { $lt: id } }] });
  }
  const [found, totalCount] = await Promise.all([
    scope.em.find(
      CompetencyAssessment,
      { $and: rows },
      { orderBy: [{ assessedOn: QueryOrder.DESC }, { id: QueryOrder.DESC }], limit: limit + 1 },
    ),
    scope.em.count(CompetencyAssessment, where),
  ]);
  return toConnection(found, limit, Boolean(page.after), totalCount, (a) => [a.assessedOn, a.id]);
}

/** The employee's gaps against the standard of their position, largest first. */
export async function gapsFor(scope: Scope, employeeId: string): Promise<Profile> {
  assertMayReadSomeDevelopment(scope.viewer);
  const { employee, subject } = await subjectOf(scope.loaders, employeeId);
  assertDevelopmentRead(scope.viewer, subject);
  const profiles = await profilesOf(scope.em, [
    {
      id: employee.id,
      opdId: subject.opdId,
      positionTitle: employee.positionTitle,
      jobType: employee.jobType,
    },
  ]);
  return profiles.get(employee.id)!;
}

/** Gaps across a unit and the units below it, weakest competency first. */
export async function unitGaps(
  scope: Scope,
  orgUnitId: string,
): Promise<{ people: number; assessedPeople: number; competencies: UnitGap[] }> {
  assertMayReadSomeDevelopment(scope.viewer);
  const { unit, opdId } = await unitOf(scope.em, orgUnitId);
  assertUnitDevelopmentRead(
    scope.viewer,
    { opdId, name: unit.name, containsViewer: await viewerWorksIn(scope, unit) },
    'The competency gaps',
  );
  const people = await peopleOfUnit(scope.em, unit);
  const profiles = await profilesOf(scope.em, people);
  const all = [...profiles.values()].map((p) => p.gaps);
  return {
    people: people.length,
    assessedPeople: all.filter((gaps) => gaps.some((g) => g.gap !== null)).length,
    competencies: aggregateGaps(all),
  };
}

/** Potensi of an employee (HR admins); earlier records stay, the latest counts. */
export async function recordPotential(
  scope: Scope,
  input: {
    employeeId: string;
    level: PotentialLevel;
    note?: string | null;
    assessedOn?: string | null;
  },
): Promise<PotentialAssessment> {
  const viewer = assertCityAdmin(scope.viewer, 'record potential');
  const today = todayInDenpasar(scope.config.clock());
  const assessedOn = input.assessedOn ?? today;
  if (!isCalendarDate(assessedOn) || assessedOn > today) {
    throw competencyReasons.assessedOnInvalid({ today });
  }
  return scope.em.transactional(async (em) => {
    const { employee, subject } = await subjectOf(em, input.employeeId);
    const row = em.create(PotentialAssessment, {
      employee: employee.id,
      level: input.level,
      assessedOn,
      recordedBy: viewer.employeeId,
      note: input.note?.trim() || null,
    });
    await recordChange(
      scope,
      {
        action: 'potential.record',
        subjectType: 'Employee',
        subjectId: employee.id,
        after: { level: input.level, assessedOn },
        audience: { ownerIds: [employee.id], opdIds: [subject.opdId] },
        data: { assessedOn },
      },
      em,
    );
    await em.flush();
    return row;
  });
}
