import type { EntityManager, EntityName, MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../kernel/config.js';
import type { Logger } from '../kernel/logger.js';
import { Account } from '../modules/auth/index.js';
import { Role } from '../modules/auth/index.js';
import { DEMO_PASSWORD } from '../modules/auth/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { type EmploymentType, type JobType, type Sex } from '../modules/directory/index.js';
import { Employee } from '../modules/directory/index.js';
import { OrgUnit } from '../modules/directory/index.js';
import { AppSetting } from '../modules/settings/index.js';
import { Activity, MonthlyReport } from '../modules/activities/index.js';
import { Period } from '../modules/planning/index.js';
import { todayInDenpasar } from '../kernel/calendar.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from '../modules/planning/index.js';
import { Appeal, AppealExplanation, Appraisal, OrgRating } from '../modules/evaluation/index.js';
import { addDays, checkpointsOf } from '../kernel/calendar.js';
import {
  CompetencyAssessment,
  CompetencyStandard,
  Enrolment,
  PotentialAssessment,
  Training,
} from '../modules/development/index.js';
import { generateDevelopment } from './demo-development.js';
import { bulkInsert } from '../db/bulk.js';
import { insertUnits, placeUnits } from './reference.js';
import {
  generateActivities,
  generateEvaluation,
  generatePlans,
  type PlanningOptions,
  type PlanningPerson,
} from './demo-planning.js';
import { type DemoDirectory, type DemoEmployee, generateDemoDirectory } from './demo-directory.js';

export type Progress = (step: string, done: number, total: number) => void;

const DEMO_LOGINS_KEY = 'demo.logins';
const BATCH = 1000;

interface DemoLogins {
  hrAdmin: string;
  supervisor: string;
  employee: string;
  unitAdmin: string;
  auditor: string;
  password: string;
}

/** Supervisors before the people they supervise, so every batch's foreign keys already exist. */
function supervisorsFirst(employees: DemoEmployee[]): DemoEmployee[] {
  const byNip = new Map(employees.map((e) => [e.nip, e]));
  const depth = new Map<string, number>();
  const depthOf = (e: DemoEmployee): number => {
    const known = depth.get(e.nip);
    if (known !== undefined) return known;
    const boss = e.supervisorNip ? byNip.get(e.supervisorNip) : undefined;
    const d = boss ? depthOf(boss) + 1 : 0;
    depth.set(e.nip, d);
    return d;
  };
  return [...employees].sort((a, b) => depthOf(a) - depthOf(b));
}

/**
 * Writes a generated directory in bulk (multi-row inserts of {@link BATCH} rows): sub-units,
 * employees, and an account for each, all sharing the public demo password.
 */
export async function writeDemoDirectory(
  em: EntityManager,
  directory: DemoDirectory,
  progress: Progress = () => {},
): Promise<PlanningPerson[]> {
  const existing = await em.find(OrgUnit, {}, { fields: ['code', 'path', 'opd'] });
  const known = new Map(
    existing.map((u) => [u.code, { id: u.id, path: u.path, opdId: u.opd?.id ?? u.id }]),
  );
  const newUnits = directory.units.filter((u) => !known.has(u.code));
  const unitRows = placeUnits(newUnits, known);
  await insertUnits(em, unitRows);
  progress('units', unitRows.length, unitRows.length);
  const unitId = new Map([...known].map(([code, u]) => [code, u.id]));
  for (const row of unitRows) unitId.set(row.code, row.id);

  const ordered = supervisorsFirst(directory.employees);
  const employeeId = new Map(ordered.map((e) => [e.nip, uuidv7()]));
  for (let i = 0; i < ordered.length; i += BATCH) {
    const batch = ordered.slice(i, i + BATCH);
    await em.insertMany(
      Employee,
      batch.map((e) => ({
        id: employeeId.get(e.nip)!,
        nip: e.nip,
        name: e.name,
        employmentType: e.employmentType as EmploymentType,
        sex: e.sex as Sex,
        birthDate: e.birthDate,
        rank: e.rank,
        jobType: e.jobType as JobType,
        positionTitle: e.positionTitle,
        orgUnit: unitId.get(e.orgUnitCode)!,
        supervisor: e.supervisorNip ? employeeId.get(e.supervisorNip)! : null,
        email: e.email,
        phone: e.phone,
        active: true,
        version: 1,
      })),
    );
    progress('employees', Math.min(i + BATCH, ordered.length), ordered.length);
  }

  // One hash for everyone: argon2 is slow on purpose, and every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const grants = new Map(directory.roleGrants.map((g) => [g.nip, g]));
  for (let i = 0; i < ordered.length; i += BATCH) {
    const batch = ordered.slice(i, i + BATCH);
    await em.insertMany(
      Account,
      batch.map((e) => {
        const grant = grants.get(e.nip);
        return {
          id: uuidv7(),
          employee: employeeId.get(e.nip)!,
          passwordHash,
          roles: [Role.EMPLOYEE, ...((grant?.roles ?? []) as Role[])],
          adminOrgUnit: grant?.adminOrgUnitCode ? unitId.get(grant.adminOrgUnitCode)! : null,
          active: true,
          mustChangePassword: false,
          version: 1,
        };
      }),
    );
    progress('accounts', Math.min(i + BATCH, ordered.length), ordered.length);
  }
  const logins: DemoLogins = { ...directory.logins, password: DEMO_PASSWORD };
  await em.upsert(AppSetting, { key: DEMO_LOGINS_KEY, value: logins });

  const unitName = new Map(directory.units.map((u) => [u.code, u.shortName ?? u.name]));
  const opdOf = new Map([...known].map(([code, u]) => [code, u.opdId]));
  for (const row of unitRows) opdOf.set(row.code, row.opdId);
  return ordered.map((e) => ({
    id: employeeId.get(e.nip)!,
    nip: e.nip,
    name: e.name,
    jobType: e.jobType,
    positionTitle: e.positionTitle,
    orgUnitId: unitId.get(e.orgUnitCode)!,
    orgUnitName: unitName.get(e.orgUnitCode) ?? e.orgUnitCode,
    opdId: opdOf.get(e.orgUnitCode)!,
    supervisorId: e.supervisorNip ? employeeId.get(e.supervisorNip)! : null,
  }));
}

const PLANNING_BATCH = 5000;

async function insertInBatches(
  em: EntityManager,
  entity: EntityName<object>,
  rows: Record<string, unknown>[],
  step: string,
  progress: Progress,
): Promise<void> {
  for (let i = 0; i < rows.length; i += PLANNING_BATCH) {
    await bulkInsert(em, entity, rows.slice(i, i + PLANNING_BATCH));
    progress(step, Math.min(i + PLANNING_BATCH, rows.length), rows.length);
  }
}

/**
 * Writes the demo year: the period of `options.year`, an approved plan for everyone, and
 * activities and monthly reports up to `options.today`, in multi-row inserts. Returns how many
 * activities it wrote.
 */
export async function writeDemoPlanning(
  em: EntityManager,
  people: PlanningPerson[],
  options: PlanningOptions & { appellantNip?: string; hrAdminNip?: string },
  progress: Progress = () => {},
): Promise<{ plans: number; activities: number; appraisals: number }> {
  let period = await em.findOne(Period, { year: options.year });
  if (!period) {
    period = em.create(Period, {
      year: options.year,
      name: `Periode Penilaian ${options.year}`,
      startsOn: `${options.year}-01-01`,
      endsOn: `${options.year}-12-31`,
      planningOpensOn: `${options.year}-01-01`,
      planningClosesOn: `${options.year}-01-31`,
      evaluationOpensOn: `${options.year}-12-01`,
      evaluationClosesOn: `${options.year + 1}-01-31`,
    });
    await em.flush();
  }
  const { rows, quantIndicators, planOf } = generatePlans(people, period.id, options);
  await insertInBatches(em, PerformancePlan, rows.plans, 'plans', progress);
  await insertInBatches(em, BehaviourExpectation, rows.behaviour, 'core values', progress);
  await insertInBatches(em, WorkResult, rows.workResults, 'RHK', progress);
  await insertInBatches(em, Indicator, rows.indicators, 'IKI', progress);
  await insertInBatches(em, PlanVersion, rows.versions, 'approved versions', progress);
  const expected = Math.round(people.length * options.activitiesPerPerson);
  let activities = 0;
  for (const chunk of generateActivities(quantIndicators, options)) {
    await bulkInsert(em, Activity, chunk.activities);
    await bulkInsert(em, MonthlyReport, chunk.reports);
    activities += chunk.activities.length;
    progress('activities', Math.min(activities, expected), expected);
  }
  progress('activities', expected, expected);

  // The last quarter that has ended is evaluated and final, with one appeal open.
  const ended = checkpointsOf(options.year).filter((c) => c.endsOn < options.today);
  let appraisals = 0;
  if (ended.length > 0) {
    const quarter = ended.at(-1)!;
    const byNip = new Map(people.map((p) => [p.nip, p.id]));
    const finalisedAt = new Date(
      Math.min(
        Date.parse(`${addDays(quarter.endsOn, 20)}T03:00:00Z`),
        Date.parse(`${addDays(options.today, -10)}T03:00:00Z`),
      ),
    );
    const evaluation = generateEvaluation(people, planOf, period.id, {
      seed: options.seed,
      checkpoint: quarter.key,
      finalisedAt,
      appellantId: options.appellantNip ? (byNip.get(options.appellantNip) ?? null) : null,
      hrAdminId: (options.hrAdminNip && byNip.get(options.hrAdminNip)) || people[0].id,
    });
    await bulkInsert(em, OrgRating, evaluation.orgRatings);
    await insertInBatches(
      em,
      Appraisal,
      evaluation.appraisals,
      `appraisals ${quarter.name}`,
      progress,
    );
    await bulkInsert(em, Appeal, evaluation.appeals);
    await bulkInsert(em, AppealExplanation, evaluation.explanations);
    appraisals = evaluation.appraisals.length;
  }
  return { plans: rows.plans.length, activities, appraisals };
}

/**
 * Writes the demo development data in bulk: standards, everyone's assessments, some potential,
 * the training catalogue and this year's completed trainings. `loginNips` (the demo logins) each
 * get a Komunikasi gap and some JP, so every login sees recommendations and progress.
 */
export async function writeDemoDevelopment(
  em: EntityManager,
  people: PlanningPerson[],
  options: {
    seed: number;
    year: number;
    today: string;
    employeeNip: string;
    loginNips: string[];
    hrAdminNip: string;
  },
  progress: Progress = () => {},
): Promise<{ trainings: number; assessments: number; enrolments: number }> {
  const byNip = new Map(people.map((p) => [p.nip, p]));
  const employee = byNip.get(options.employeeNip) ?? people[0];
  const rows = generateDevelopment(people, {
    seed: options.seed,
    year: options.year,
    today: options.today,
    opdId: employee.opdId,
    focusIds: options.loginNips.flatMap((nip) => (byNip.has(nip) ? [byNip.get(nip)!.id] : [])),
    hrAdminId: byNip.get(options.hrAdminNip)?.id ?? people[0].id,
  });
  await bulkInsert(em, CompetencyStandard, rows.standards);
  await insertInBatches(
    em,
    CompetencyAssessment,
    rows.assessments,
    'competency assessments',
    progress,
  );
  await bulkInsert(em, PotentialAssessment, rows.potentials);
  await bulkInsert(em, Training, rows.trainings);
  await insertInBatches(em, Enrolment, rows.enrolments, 'trainings completed', progress);
  return {
    trainings: rows.trainings.length,
    assessments: rows.assessments.length,
    enrolments: rows.enrolments.length,
  };
}

export interface SeedSummary {
  employees: number;
  plans: number;
  activities: number;
  directoryMs: number;
  planningMs: number;
}

/** Seeds the demo city when the database has no employees yet; leaves any other data alone. */
export async function seedDemoIfEmpty(
  orm: MikroORM,
  config: Pick<Config, 'demoSeed' | 'demoEmployees' | 'demoActivitiesPerPerson' | 'clock'>,
  logger: Logger,
  progress?: Progress,
): Promise<SeedSummary | null> {
  const em = orm.em.fork();
  if ((await em.count(Employee, {})) > 0) return null;
  const started = Date.now();
  const directory = generateDemoDirectory({
    seed: config.demoSeed,
    employees: config.demoEmployees,
    today: new Date().toISOString().slice(0, 10),
  });
  const today = todayInDenpasar(config.clock());
  const people = await em.transactional((tx) => writeDemoDirectory(tx, directory, progress));
  const directoryMs = Date.now() - started;
  const planning = await em.fork().transactional((tx) =>
    writeDemoPlanning(
      tx,
      people,
      {
        seed: config.demoSeed,
        year: Number(today.slice(0, 4)),
        today,
        activitiesPerPerson: config.demoActivitiesPerPerson,
        pendingDays: 14,
        appellantNip: directory.logins.employee,
        hrAdminNip: directory.logins.hrAdmin,
      },
      progress,
    ),
  );
  const logins = directory.logins;
  await em.fork().transactional((tx) =>
    writeDemoDevelopment(
      tx,
      people,
      {
        seed: config.demoSeed,
        year: Number(today.slice(0, 4)),
        today,
        employeeNip: logins.employee,
        loginNips: [
          logins.employee,
          logins.supervisor,
          logins.hrAdmin,
          logins.unitAdmin,
          logins.auditor,
        ],
        hrAdminNip: logins.hrAdmin,
      },
      progress,
    ),
  );
  const totalMs = Date.now() - started;
  logger.info(
    {
      employees: directory.employees.length,
      units: directory.units.length,
      plans: planning.plans,
      activities: planning.activities,
      directoryMs,
      planningMs: totalMs - directoryMs,
    },
    'demo data seeded',
  );
  return {
    employees: directory.employees.length,
    plans: planning.plans,
    activities: planning.activities,
    directoryMs,
    planningMs: totalMs - directoryMs,
  };
}

/** Prints the demo logins, one per line, in the fixed form people and scripts look for. */
export async function printDemoLogins(
  em: EntityManager,
  print: (line: string) => void,
): Promise<void> {
  const setting = await em.findOne(AppSetting, { key: DEMO_LOGINS_KEY });
  if (!setting) return;
  const logins = setting.value as DemoLogins;
  print(`Demo login: HR_ADMIN ${logins.hrAdmin} / ${logins.password}`);
  print(`Demo login: SUPERVISOR ${logins.supervisor} / ${logins.password}`);
  print(`Demo login: EMPLOYEE ${logins.employee} / ${logins.password}`);
  print(`Demo login: UNIT_ADMIN ${logins.unitAdmin} / ${logins.password}`);
  print(`Demo login: AUDITOR ${logins.auditor} / ${logins.password}`);
}
