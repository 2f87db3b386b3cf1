import { type FilterQuery, QueryOrder, raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../access/context.js';
import { badInput, conflict, notFound } from '../../kernel/errors.js';
import { createLoaders, type Loaders } from '../../api/loaders.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
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
import { employeeSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { JobType } from '../directory/directory.enums.js';
import type { EmployeeRecord } from '../directory/directory.records.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { todayInDenpasar } from '../planning/period.service.js';
import { isCalendarDate } from '../planning/plan.rules.js';
import { AssessmentSource, CompetencyKind, PotentialLevel } from './development.enums.js';
import {
  CompetencyAssessment,
  type CompetencyLevel,
  CompetencyStandard,
  PotentialAssessment,
} from './development.entity.js';
import { DEVELOPMENT_PAGE_SIZE, type PageArgs } from './development.input.js';
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

export type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders' | 'config'>;

/** The employee and their access subject; NOT_FOUND for an unknown id. */
export async function subjectOf(
  source: Loaders | EntityManager,
  employeeId: string,
): Promise<{ employee: EmployeeRecord; subject: EmployeeSubject }> {
  // Inside a transaction, pass its EntityManager (see planSubject).
  const loaders = source instanceof EntityManager ? createLoaders(source) : source;
  const employee = await loaders.employee.load(employeeId);
  if (!employee) throw notFound(`No employee has id ${employeeId}.`);
  return { employee, subject: await employeeSubject(loaders, employee) };
}

/** A unit, its OPD and its path; NOT_FOUND for an unknown id. */
export async function unitOf(
  em: EntityManager,
  orgUnitId: string,
): Promise<{ unit: OrgUnit; opdId: string }> {
  const unit = await em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw notFound(`No organisation unit has id ${orgUnitId}.`);
  return { unit, opdId: unit.opd?.id ?? unit.id };
}

/**
 * Whether the signed-in person works in `unit` or in a unit above or below it (as for the
 * cascade of a unit's plans); always false for API clients and anonymous callers.
 */
export async function viewerWorksIn(ctx: Ctx, unit: OrgUnit): Promise<boolean> {
  if (ctx.viewer?.kind !== 'person') return false;
  const me = await ctx.loaders.employee.load(ctx.viewer.employeeId);
  const mine = me ? await ctx.loaders.orgUnit.load(me.orgUnit.id) : null;
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
export function listCompetencies(ctx: Pick<Context, 'viewer'>) {
  requireViewer(ctx.viewer);
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
  ctx: Ctx,
  filter: { opdId?: string | null; jobType?: JobType | null },
  page: PageArgs = {},
): Promise<Connection<CompetencyStandard>> {
  const viewer = assertMayReadSomeDevelopment(ctx.viewer, filter.opdId);
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
    ctx.em.find(CompetencyStandard, rows.length > 0 ? { $and: rows } : {}, {
      orderBy: [{ [sharedFirst()]: QueryOrder.ASC }, ...STANDARD_ORDER],
      limit: limit + 1,
    }),
    ctx.em.count(CompetencyStandard, where.length > 0 ? { $and: where } : {}),
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
  if (problems.length > 0) throw badInput(problems[0].message, field, { problems });
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
export async function saveStandard(ctx: Ctx, input: StandardInput): Promise<CompetencyStandard> {
  assertCityAdmin(ctx.viewer, 'manage competency standards');
  const title = input.positionTitle?.trim().replace(/\s+/g, ' ') || null;
  if (((input.opdId ?? null) === null) !== (title === null)) {
    throw badInput(
      'Give both an OPD and a position title for a position standard, or neither for a shared standard of the job type.',
      input.opdId ? 'positionTitle' : 'opdId',
    );
  }
  const requirements = checkedLevels(input.requirements, 'requirements');
  return ctx.em.transactional(async (em) => {
    let opd: OrgUnit | null = null;
    if (input.opdId) {
      opd = (await unitOf(em, input.opdId)).unit;
      if (opd.opd && opd.opd.id !== opd.id) {
        throw badInput(
          'Standards belong to an OPD (a top-level unit), not to a sub-unit.',
          'opdId',
        );
      }
    }
    const sameKey = (await em.find(CompetencyStandard, { jobType: input.jobType, opd })).find(
      (s) =>
        (s.positionTitle ?? '').toLowerCase() === (title ?? '').toLowerCase() && s.id !== input.id,
    );
    if (sameKey) {
      throw badInput(
        `A standard for ${title ?? `every ${input.jobType} position`} exists already (id ${sameKey.id}); change that one.`,
        'positionTitle',
      );
    }
    let standard: CompetencyStandard;
    let before: ReturnType<typeof standardSnapshot> | null = null;
    if (input.id) {
      const found = await em.findOne(CompetencyStandard, { id: input.id });
      if (!found) throw notFound(`No competency standard has id ${input.id}.`);
      standard = found;
      if (standard.version !== input.expectedVersion) {
        throw conflict(
          `The standard was changed by someone else (now version ${standard.version}; you edited version ${input.expectedVersion ?? 'none'}). Reload it and apply your change again.`,
          { currentVersion: standard.version },
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
    audit(em, ctx, {
      action: before ? 'competency_standard.update' : 'competency_standard.create',
      subjectType: 'CompetencyStandard',
      subjectId: standard.id,
      before,
      after: standardSnapshot(standard),
    });
    await em.flush();
    return standard;
  });
}

/** Every standard as CSV, one line per requirement (HR admins). */
export async function exportStandardsCsv(ctx: Ctx): Promise<string> {
  assertCityAdmin(ctx.viewer, 'export competency standards');
  const standards = await allStandards(ctx.em);
  const units = await ctx.loaders.orgUnit.loadMany(
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

/**
 * Imports standards from CSV in the export's shape (HR admins): each (OPD, position, job type)
 * replaces the standard it names or creates it. All or nothing: any problem refuses the file.
 */
export async function importStandardsCsv(
  ctx: Ctx,
  csv: string,
): Promise<{ created: number; updated: number }> {
  assertCityAdmin(ctx.viewer, 'import competency standards');
  if (csv.length > 2_000_000) throw badInput('The CSV is at most 2 MB.', 'csv');
  const { standards, problems } = parseStandardsCsv(csv, Object.values(JobType));
  if (problems.length > 0)
    throw badInput(problems[0].message, 'csv', { problems: problems.slice(0, 50) });
  if (standards.length === 0) throw badInput('The CSV has no standards.', 'csv');
  return ctx.em.transactional(async (em) => {
    const codes = [...new Set(standards.flatMap((s) => (s.opdCode ? [s.opdCode] : [])))];
    const opds = new Map(
      (await em.find(OrgUnit, { code: { $in: codes } })).map((u) => [u.code, u]),
    );
    const existing = await em.find(CompetencyStandard, {});
    let created = 0;
    let updated = 0;
    for (const row of standards) {
      const opd = row.opdCode ? opds.get(row.opdCode) : null;
      if (opd === undefined) throw badInput(`No OPD has code ${row.opdCode}.`, 'csv');
      if (opd && opd.opd && opd.opd.id !== opd.id) {
        throw badInput(`${row.opdCode} is not an OPD (a top-level unit).`, 'csv');
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
      audit(em, ctx, {
        action: found ? 'competency_standard.import_update' : 'competency_standard.import_create',
        subjectType: 'CompetencyStandard',
        subjectId: standard.id,
        before,
        after: standardSnapshot(standard),
      });
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
  ctx: Ctx,
  input: AssessmentInput,
): Promise<CompetencyAssessment[]> {
  requirePerson(ctx.viewer, 'record competency assessments');
  const today = todayInDenpasar(ctx.config.clock());
  const assessedOn = input.assessedOn ?? today;
  const levels = checkedLevels(input.levels, 'levels');
  if (levels.length === 0) throw badInput('Assess at least one competency.', 'levels');
  if (!isCalendarDate(assessedOn) || assessedOn > today) {
    throw badInput(
      `The assessment date must be a real date, today (${today}) or earlier.`,
      'assessedOn',
    );
  }
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw badInput('The note is at most 2,000 characters.', 'note');
  return ctx.em.transactional(async (em) => {
    const { employee, subject } = await subjectOf(em, input.employeeId);
    const viewer = assertCompetencyAssessor(ctx.viewer, subject, input.source);
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
    audit(em, ctx, {
      action: 'competency_assessment.record',
      subjectType: 'Employee',
      subjectId: employee.id,
      after: { source: input.source, assessedOn, levels: levels.map((l) => [l.key, l.level]) },
    });
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
  ctx: Ctx,
  employeeId: string,
  page: PageArgs = {},
): Promise<Connection<CompetencyAssessment>> {
  assertMayReadSomeDevelopment(ctx.viewer);
  const { subject } = await subjectOf(ctx.loaders, employeeId);
  assertDevelopmentRead(ctx.viewer, subject);
  const limit = pageSize(page.first ?? DEVELOPMENT_PAGE_SIZE);
  const where: FilterQuery<CompetencyAssessment> = { employee: employeeId };
  const rows: FilterQuery<CompetencyAssessment>[] = [where];
  if (page.after) {
    const [assessedOn, id] = decodeCursor(page.after, 2);
    rows.push({ $or: [{ assessedOn: { $lt: assessedOn } }, { assessedOn, id: { $lt: id } }] });
  }
  const [found, totalCount] = await Promise.all([
    ctx.em.find(
      CompetencyAssessment,
      { $and: rows },
      { orderBy: [{ assessedOn: QueryOrder.DESC }, { id: QueryOrder.DESC }], limit: limit + 1 },
    ),
    ctx.em.count(CompetencyAssessment, where),
  ]);
  return toConnection(found, limit, Boolean(page.after), totalCount, (a) => [a.assessedOn, a.id]);
}

/** The employee's gaps against the standard of their position, largest first. */
export async function gapsFor(ctx: Ctx, employeeId: string): Promise<Profile> {
  assertMayReadSomeDevelopment(ctx.viewer);
  const { employee, subject } = await subjectOf(ctx.loaders, employeeId);
  assertDevelopmentRead(ctx.viewer, subject);
  const profiles = await profilesOf(ctx.em, [
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
  ctx: Ctx,
  orgUnitId: string,
): Promise<{ people: number; assessedPeople: number; competencies: UnitGap[] }> {
  assertMayReadSomeDevelopment(ctx.viewer);
  const { unit, opdId } = await unitOf(ctx.em, orgUnitId);
  assertUnitDevelopmentRead(
    ctx.viewer,
    { opdId, name: unit.name, containsViewer: await viewerWorksIn(ctx, unit) },
    'The competency gaps',
  );
  const people = await peopleOfUnit(ctx.em, unit);
  const profiles = await profilesOf(ctx.em, people);
  const all = [...profiles.values()].map((p) => p.gaps);
  return {
    people: people.length,
    assessedPeople: all.filter((gaps) => gaps.some((g) => g.gap !== null)).length,
    competencies: aggregateGaps(all),
  };
}

/** Potensi of an employee (HR admins); earlier records stay, the latest counts. */
export async function recordPotential(
  ctx: Ctx,
  input: {
    employeeId: string;
    level: PotentialLevel;
    note?: string | null;
    assessedOn?: string | null;
  },
): Promise<PotentialAssessment> {
  const viewer = assertCityAdmin(ctx.viewer, 'record potential');
  const today = todayInDenpasar(ctx.config.clock());
  const assessedOn = input.assessedOn ?? today;
  if (!isCalendarDate(assessedOn) || assessedOn > today) {
    throw badInput(
      `The assessment date must be a real date, today (${today}) or earlier.`,
      'assessedOn',
    );
  }
  return ctx.em.transactional(async (em) => {
    const { employee } = await subjectOf(em, input.employeeId);
    const row = em.create(PotentialAssessment, {
      employee: employee.id,
      level: input.level,
      assessedOn,
      recordedBy: viewer.employeeId,
      note: input.note?.trim() || null,
    });
    audit(em, ctx, {
      action: 'potential.record',
      subjectType: 'Employee',
      subjectId: employee.id,
      after: { level: input.level, assessedOn },
    });
    await em.flush();
    return row;
  });
}
