import { EntityManager } from '@mikro-orm/postgresql';
import type { EmployeeSubject } from '../../access/policy.js';
import { loaderKit } from '../../db/loaders.js';
import type { ClientViewer, Loaders, Viewer } from '../../kernel/scope.js';
import { directoryLoaders } from './directory.loaders.js';
import type { EmployeeRecord } from './directory.records.js';

/** The loaders the subjects read through: the directory's units and employees. */
type DirectoryReads = Pick<Loaders, 'employee' | 'orgUnit'>;

/**
 * The facts the access policy needs about an employee, through the request's batch loaders, so
 * checking a whole page of employees costs a constant number of statements.
 */
export async function employeeSubject(
  loaders: DirectoryReads,
  employee: Pick<EmployeeRecord, 'id' | 'name' | 'orgUnit' | 'supervisor'>,
): Promise<EmployeeSubject> {
  const [unit, supervisor] = await Promise.all([
    loaders.orgUnit.load(employee.orgUnit.id),
    employee.supervisor ? loaders.employee.load(employee.supervisor.id) : Promise.resolve(null),
  ]);
  return {
    id: employee.id,
    name: employee.name,
    opdId: unit?.opd?.id ?? employee.orgUnit.id,
    supervisorId: employee.supervisor?.id ?? null,
    supervisorsSupervisorId: supervisor?.supervisor?.id ?? null,
  };
}

/** An API client limited to some OPDs: what it reaches through relations must be filtered. */
export function limitedClient(
  viewer: Viewer | null,
): viewer is ClientViewer & { opdIds: string[] } {
  return viewer?.kind === 'client' && viewer.opdIds !== null;
}

/**
 * The employees an API client limited to some OPDs may see among `employees` (a supervisor or
 * direct reports reached through a relation can sit in another OPD); everyone for people.
 */
export async function visibleEmployees<T extends Pick<EmployeeRecord, 'orgUnit'>>(
  viewer: Viewer | null,
  loaders: DirectoryReads,
  employees: T[],
): Promise<T[]> {
  if (!limitedClient(viewer)) return employees;
  const allowed = new Set(viewer.opdIds);
  const units = await loaders.orgUnit.loadMany(employees.map((e) => e.orgUnit.id));
  return employees.filter((_, i) => {
    const unit = units[i];
    return unit instanceof Error || !unit ? false : allowed.has(unit.opd?.id ?? unit.id);
  });
}

/**
 * The plan as an access subject: its owner, with the assessor snapshotted on the plan (not the
 * owner's current supervisor) and the OPD of the unit snapshotted on it.
 */
export async function planSubject(
  source: DirectoryReads | EntityManager,
  plan: { employee: { id: string }; assessor: { id: string } | null; orgUnit: { id: string } },
): Promise<EmployeeSubject> {
  // Inside a transaction, pass its EntityManager: the request's loaders use another
  // connection, which embedded PGlite would make wait for this very transaction.
  const loaders = source instanceof EntityManager ? directoryLoaders(loaderKit(source)) : source;
  const [owner, unit, assessor] = await Promise.all([
    loaders.employee.load(plan.employee.id),
    loaders.orgUnit.load(plan.orgUnit.id),
    plan.assessor ? loaders.employee.load(plan.assessor.id) : Promise.resolve(null),
  ]);
  return {
    id: plan.employee.id,
    name: owner?.name ?? 'this employee',
    opdId: unit?.opd?.id ?? plan.orgUnit.id,
    supervisorId: plan.assessor?.id ?? null,
    supervisorsSupervisorId: assessor?.supervisor?.id ?? null,
  };
}
