import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { Account } from '../modules/auth/account.entity.js';
import { Role } from '../modules/auth/auth.enums.js';
import { DEMO_PASSWORD } from '../modules/auth/auth.service.js';
import { hashPassword } from '../modules/auth/password.js';
import {
  type EmploymentType,
  type JobType,
  type Sex,
} from '../modules/directory/directory.enums.js';
import { Employee } from '../modules/directory/employee.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';
import { AppSetting } from '../modules/settings/setting.entity.js';
import { insertUnits, placeUnits } from './reference.js';
import {
  type DemoDirectory,
  type DemoEmployee,
  generateDemoDirectory,
} from './seed/demo-directory.js';

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
): Promise<void> {
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
}

/** Seeds the demo city when the database has no employees yet; leaves any other data alone. */
export async function seedDemoIfEmpty(
  orm: MikroORM,
  config: Pick<Config, 'demoSeed' | 'demoEmployees'>,
  logger: Logger,
  progress?: Progress,
): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Employee, {})) > 0) return false;
  const started = Date.now();
  const directory = generateDemoDirectory({
    seed: config.demoSeed,
    employees: config.demoEmployees,
    today: new Date().toISOString().slice(0, 10),
  });
  await em.transactional((tx) => writeDemoDirectory(tx, directory, progress));
  logger.info(
    {
      employees: directory.employees.length,
      units: directory.units.length,
      ms: Date.now() - started,
    },
    'demo data seeded',
  );
  return true;
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
