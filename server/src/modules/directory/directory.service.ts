import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertDirectoryRead,
  assertDirectoryWrite,
  CITY_WIDE_ROLES,
  directoryOpdLimit,
  requirePerson,
} from '../../access/policy.js';
import { preparedRows } from '../../db/prepared.js';
import { isUuid, jsonRecord, jsonRecords, jsonRecordsById, uuidArray } from '../../db/records.js';
import { commonReasons } from '../../kernel/errors.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import { Role, type Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Account } from '../auth/index.js';
import type { EmploymentType, JobType, OrgUnitKind } from './directory.enums.js';
import type {
  CreateEmployeeInput,
  CreateOrgUnitInput,
  EmployeeFilter,
  UpdateEmployeeInput,
} from './directory.input.js';
import { directoryReasons, employeeReasons, orgUnitReasons } from './directory.reasons.js';
import { type ChainLink, supervisorError } from './directory.rules.js';
import { Employee } from './employee.entity.js';
import {
  checkNip,
  type NipCheck,
  nipKindOf,
  nipPersonErrors,
  nipRefusal,
  normalizeNip,
} from './nip.rules.js';
import { OrgUnit } from './org-unit.entity.js';
import {
  employeeColumns,
  employeeFieldsToRead,
  type EmployeeRecord,
  orgUnitColumns,
  type OrgUnitRecord,
} from './directory.records.js';

/** Units, all or under one parent, optionally of one kind or only OPDs; ordered by code. */
export async function listOrgUnits(
  scope: Scope,
  args: { parentId?: string | null; kind?: OrgUnitKind | null; topLevel?: boolean | null },
): Promise<OrgUnit[]> {
  const viewer = assertDirectoryRead(scope.viewer);
  const where: FilterQuery<OrgUnit> = {};
  const limit = directoryOpdLimit(viewer);
  if (limit) where.opd = { $in: limit };
  if (args.parentId) where.parent = args.parentId;
  else if (args.topLevel) where.parent = null;
  if (args.kind) where.kind = args.kind;
  return scope.em.find(OrgUnit, where, { orderBy: { code: 'asc' } });
}

export async function getOrgUnit(scope: Scope, id: string): Promise<OrgUnit | null> {
  assertDirectoryRead(scope.viewer);
  const unit = await scope.em.findOne(OrgUnit, { id });
  if (unit) assertDirectoryRead(scope.viewer, opdIdOf(unit));
  return unit;
}

/**
 * A page of employees ordered by name, filtered. Refuses page sizes above the maximum and
 * cursors it did not give out; NOT_FOUND for a unit filter naming no unit, FORBIDDEN for one the
 * viewer may not read. One statement brings the filter's unit, the total, the page and the
 * page's units and supervisors, which it primes into the request's loaders, so the `orgUnit`,
 * `supervisor` and personal fields of the page cost no further SQL.
 *
 * The busiest list of the API, so it is read with hand-written SQL into plain read-only
 * records (see directory.records.ts) rather than managed entities.
 */
export async function listEmployees(
  scope: Scope,
  input: {
    filter?: EmployeeFilter | null;
    first?: number | null;
    after?: string | null;
    /** The fields the operation asks for, when it says which (see employeeFieldsToRead). */
    fields?: ReadonlySet<string>;
  },
): Promise<Connection<EmployeeRecord>> {
  const { filter, first, after, fields } = input;
  const viewer = assertDirectoryRead(scope.viewer);
  const limit = pageSize(first);
  // The page's records hold only the fields the operation asks for, when it says which.
  const only = employeeFieldsToRead(fields);
  const where: string[] = ['e.active = ?'];
  const params: unknown[] = [filter?.active ?? true];
  let joinUnit = false;
  const opdLimit = directoryOpdLimit(viewer);
  if (opdLimit) {
    joinUnit = true;
    where.push('u.opd_id = any(?::uuid[])');
    params.push(uuidArray(opdLimit));
  }
  // The unit filter's unit is read in the same statement (its path bounds the units' range on
  // the path index); whether it exists and may be read is checked before anything is returned.
  const unitId = filter?.orgUnitId;
  if (unitId) {
    if (!isUuid(unitId)) throw orgUnitReasons.notFound({ id: unitId });
    joinUnit = true;
    // Paths are '/'-separated UUIDs: every path below P sorts in [P, P || '~').
    where.push(
      `u.path ~>=~ (select path from filter_unit) and u.path ~<~ (select path || '~' from filter_unit)`,
    );
  }
  if (filter?.search?.trim()) {
    const term = filter.search.trim();
    const digits = normalizeNip(term);
    if (/^\d+$/.test(digits)) {
      where.push('e.nip like ?');
      params.push(`${digits}%`);
    } else {
      where.push('e.name ilike ?');
      params.push(`%${escapeLike(term)}%`);
    }
  }
  if (filter?.jobType) {
    where.push('e.job_type = ?');
    params.push(filter.jobType);
  }
  if (filter?.employmentType) {
    where.push('e.employment_type = ?');
    params.push(filter.employmentType);
  }
  if (filter?.supervisorId) {
    if (!isUuid(filter.supervisorId)) {
      throw employeeReasons.supervisorIdMalformed({ id: filter.supervisorId });
    }
    where.push('e.supervisor_id = ?');
    params.push(filter.supervisorId);
  }
  const page = [...where];
  const pageParams = [...params];
  if (after) {
    const [name, id] = decodeCursor(after, 2);
    if (!isUuid(id)) throw commonReasons.invalidCursor();
    page.push('(e.name > ? or (e.name = ? and e.id > ?::uuid))');
    pageParams.push(name, name, id);
  }
  // One statement: the total, the page, and the distinct units and supervisors of the page (the
  // `orgUnit` and `supervisor` fields then find them in the request's loaders). Each comes as
  // one JSON value whose objects are the records themselves, built by PostgreSQL: far cheaper
  // for the server than decoding the columns of every row and copying them into records. A
  // unit or supervisor shared by many rows is built once.
  const [result] = await preparedRows<{
    total_count: number;
    filter_unit: OrgUnitRecord | null;
    page: EmployeeRecord[];
    units: OrgUnitRecord[];
    supervisors: EmployeeRecord[];
  }>(
    scope.em,
    `with filter_unit as (select * from org_unit where id = ?::uuid),
     total as (
       select count(*)::int as total_count
         from employee e${joinUnit ? ' join org_unit u on u.id = e.org_unit_id' : ''}
        where ${where.join(' and ')}
     ), page as (
       select e.* from employee e${joinUnit ? ' join org_unit u on u.id = e.org_unit_id' : ''}
        where ${page.join(' and ')}
        order by e.name, e.id limit ?
     )
     select (select total_count from total),
            ${jsonRecord(orgUnitColumns('f'), 'filter_unit f')} as filter_unit,
            ${jsonRecords(employeeColumns('e', only), 'page e', 'x.name, x.id')} as page,
            ${jsonRecordsById('org_unit', orgUnitColumns, 'array(select distinct org_unit_id from page)')} as units,
            ${jsonRecordsById('employee', employeeColumns, 'array(select distinct supervisor_id from page where supervisor_id is not null)')} as supervisors`,
    [unitId ?? null, ...params, ...pageParams, limit + 1],
  );
  if (unitId) {
    const unit = result.filter_unit;
    if (!unit) throw orgUnitReasons.notFound({ id: unitId });
    assertDirectoryRead(viewer, opdIdOf(unit));
    scope.loaders.orgUnit.prime(unit.id, unit);
  }
  for (const unit of result.units) scope.loaders.orgUnit.prime(unit.id, unit);
  for (const supervisor of result.supervisors)
    scope.loaders.employee.prime(supervisor.id, supervisor);
  // Records of only the fields asked for are not shared: a loader serves other fields too.
  if (!only) {
    for (const employee of result.page) scope.loaders.employee.prime(employee.id, employee);
  }
  return toConnection(result.page, limit, Boolean(after), Number(result.total_count), (e) => [
    e.name,
    e.id,
  ]);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One employee by id or NIP (exactly one of them). A NIP that is not a valid NIP is refused as
 * BAD_USER_INPUT naming the wrong segment; a valid one that nobody has gives null.
 */
export async function getEmployee(
  scope: Scope,
  args: { id?: string | null; nip?: string | null },
): Promise<Employee | null> {
  assertDirectoryRead(scope.viewer);
  if (Boolean(args.id) === Boolean(args.nip)) {
    throw employeeReasons.idOrNip({}, { field: args.id ? 'nip' : 'id' });
  }
  let employee: Employee | null;
  if (args.id)
    employee = await scope.em.findOne(Employee, { id: args.id }, { populate: ['orgUnit'] });
  else {
    const check = checkNip(args.nip!);
    if (!check.valid) throw nipRefusal(check.errors);
    employee = await scope.em.findOne(
      Employee,
      { nip: check.normalized! },
      { populate: ['orgUnit'] },
    );
  }
  if (employee) assertDirectoryRead(scope.viewer, opdIdOf(employee.orgUnit));
  return employee;
}

export function validateNip(nip: string, employmentType?: EmploymentType | null): NipCheck {
  return checkNip(nip, employmentType ? { kind: nipKindOf(employmentType) } : {});
}

/** The proposed supervisor and everyone above them, nearest first (one recursive query). */
async function supervisorChain(em: EntityManager, supervisorId: string): Promise<ChainLink[]> {
  const rows = await em.execute<{ id: string; name: string; active: boolean; job_type: JobType }[]>(
    `with recursive chain(id, name, active, job_type, supervisor_id, depth) as (
       select id, name, active, job_type, supervisor_id, 0 from employee where id = ?
       union all
       select e.id, e.name, e.active, e.job_type, e.supervisor_id, c.depth + 1
       from employee e join chain c on e.id = c.supervisor_id
       where c.depth < 100
     )
     select id, name, active, job_type from chain order by depth`,
    [supervisorId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active, jobType: r.job_type }));
}

async function checkSupervisor(
  em: EntityManager,
  employee: { id: string; name: string },
  supervisorId: string,
): Promise<Employee> {
  const chain = await supervisorChain(em, supervisorId);
  if (chain.length === 0) throw employeeReasons.supervisorNotFound({ id: supervisorId });
  const problem = supervisorError(employee, chain);
  if (problem) throw problem;
  return em.getReference(Employee, supervisorId);
}

async function requireUnit(em: EntityManager, id: string, field: string): Promise<OrgUnit> {
  const unit = await em.findOne(OrgUnit, { id });
  if (!unit) throw orgUnitReasons.unknown({ id }, { field });
  return unit;
}

export function opdIdOf(unit: Pick<OrgUnitRecord, 'id' | 'opd'>): string {
  return unit.opd?.id ?? unit.id;
}

/** The fields an audit entry records before and after a change. */
function snapshot(e: Employee) {
  return {
    nip: e.nip,
    name: e.name,
    employmentType: e.employmentType,
    sex: e.sex,
    birthDate: e.birthDate,
    rank: e.rank,
    jobType: e.jobType,
    positionTitle: e.positionTitle,
    orgUnitId: e.orgUnit.id,
    supervisorId: e.supervisor?.id ?? null,
    email: e.email,
    phone: e.phone,
    active: e.active,
  };
}

function trimmed(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw directoryReasons.textEmpty({ field }, { field });
  if (text.length > max) throw directoryReasons.textTooLong({ field, max }, { field });
  return text;
}

function checkEmail(email: string | null | undefined): string | null {
  if (!email?.trim()) return null;
  const text = email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 200) {
    throw employeeReasons.emailInvalid({ email: text });
  }
  return text.toLowerCase();
}

/**
 * Adds an employee. Refuses a NIP that is invalid or disagrees with the birth date, sex or
 * employment type; a NIP already in use; a unit outside the admin's OPD; a bad supervisor.
 */
export async function createEmployee(scope: Scope, input: CreateEmployeeInput): Promise<Employee> {
  requirePerson(scope.viewer, 'change the directory');
  return scope.em.transactional(async (em) => {
    const unit = await requireUnit(em, input.orgUnitId, 'orgUnitId');
    assertDirectoryWrite(scope.viewer, opdIdOf(unit));
    const problems = nipPersonErrors(input.nip, {
      employmentType: input.employmentType,
      birthDate: input.birthDate,
      sex: input.sex,
    });
    if (problems.length > 0) throw nipRefusal(problems);
    const nip = normalizeNip(input.nip);
    if (await em.count(Employee, { nip })) throw employeeReasons.nipTaken({ nip });
    const employee = em.create(Employee, {
      nip,
      name: trimmed(input.name, 'name', 200),
      employmentType: input.employmentType,
      sex: input.sex,
      birthDate: input.birthDate,
      rank: trimmed(input.rank, 'rank', 10),
      jobType: input.jobType,
      positionTitle: trimmed(input.positionTitle, 'positionTitle', 200),
      orgUnit: unit,
      email: checkEmail(input.email),
      phone: input.phone?.trim() || null,
    });
    if (input.supervisorId) {
      employee.supervisor = await checkSupervisor(em, employee, input.supervisorId);
    }
    await recordChange(
      scope,
      {
        action: 'employee.create',
        subjectType: 'Employee',
        subjectId: employee.id,
        after: snapshot(employee),
        audience: { ownerIds: [employee.id], opdIds: [opdIdOf(unit)] },
      },
      em,
    );
    await em.flush();
    return employee;
  });
}

/**
 * Changes an employee. Refuses a stale `expectedVersion` with CONFLICT, a supervisor that
 * would make a cycle or is inactive, and deactivating someone who still has active reports.
 */
export async function updateEmployee(
  scope: Scope,
  args: { id: string; input: UpdateEmployeeInput; expectedVersion: number },
): Promise<Employee> {
  const { id, input, expectedVersion } = args;
  requirePerson(scope.viewer, 'change the directory');
  return scope.em.transactional(async (em) => {
    const employee = await em.findOne(Employee, { id }, { populate: ['orgUnit'] });
    if (!employee) throw employeeReasons.notFound({ id });
    const opdBefore = opdIdOf(employee.orgUnit);
    const writer = assertDirectoryWrite(scope.viewer, opdBefore);
    if (!writer.roles.includes(Role.HR_ADMIN)) {
      // Moving or deactivating an HR admin or auditor would lock them out: HR admins only.
      const account = await em.findOne(Account, { employee: employee.id }, { fields: ['roles'] });
      const held = (account?.roles ?? []).filter((r) => CITY_WIDE_ROLES.includes(r));
      if (held.length > 0) {
        throw employeeReasons.cityWideRoleHolder({
          name: employee.name,
          roles: held.join(' and '),
        });
      }
    }
    const before = snapshot(employee);
    if (employee.version !== expectedVersion) {
      throw employeeReasons.staleVersion(
        { name: employee.name, version: employee.version, expectedVersion },
        { extra: { currentVersion: employee.version } },
      );
    }
    if (input.name != null) employee.name = trimmed(input.name, 'name', 200);
    if (input.rank != null) employee.rank = trimmed(input.rank, 'rank', 10);
    if (input.jobType != null) employee.jobType = input.jobType;
    if (input.positionTitle != null) {
      employee.positionTitle = trimmed(input.positionTitle, 'positionTitle', 200);
    }
    if (input.email !== undefined) employee.email = checkEmail(input.email);
    if (input.phone !== undefined) employee.phone = input.phone?.trim() || null;
    if (input.orgUnitId) {
      const unit = await requireUnit(em, input.orgUnitId, 'orgUnitId');
      assertDirectoryWrite(scope.viewer, opdIdOf(unit));
      employee.orgUnit = unit;
    }
    if (input.clearSupervisor) employee.supervisor = null;
    else if (input.supervisorId) {
      employee.supervisor = await checkSupervisor(em, employee, input.supervisorId);
    }
    if (input.active === false && employee.active) {
      const reports = await em.count(Employee, { supervisor: employee.id, active: true });
      if (reports > 0) {
        throw employeeReasons.stillSupervises({ name: employee.name, count: reports });
      }
      employee.active = false;
    } else if (input.active === true) employee.active = true;
    // Who may sign in, or the name a signed-in person goes by, changed: their remembered
    // sign-ins are read again and their sockets close.
    const accessChanged = employee.active !== before.active || employee.name !== before.name;
    await recordChange(
      scope,
      {
        action: 'employee.update',
        subjectType: 'Employee',
        subjectId: employee.id,
        before,
        after: snapshot(employee),
        audience: { ownerIds: [employee.id], opdIds: [opdBefore, opdIdOf(employee.orgUnit)] },
        ...(accessChanged
          ? { eventType: 'access.changed', data: { employeeId: employee.id } }
          : {}),
      },
      em,
    );
    await em.flush();
    return employee;
  });
}

/** Adds a sub-unit below an existing unit, in the same OPD. Refuses a duplicate code. */
export async function createOrgUnit(scope: Scope, input: CreateOrgUnitInput): Promise<OrgUnit> {
  requirePerson(scope.viewer, 'change the directory');
  return scope.em.transactional(async (em) => {
    const parent = await requireUnit(em, input.parentId, 'parentId');
    assertDirectoryWrite(scope.viewer, opdIdOf(parent));
    const code = trimmed(input.code, 'code', 40);
    if (await em.count(OrgUnit, { code })) throw orgUnitReasons.codeTaken({ code });
    const unit = em.create(OrgUnit, {
      code,
      name: trimmed(input.name, 'name', 200),
      shortName: input.shortName?.trim() || null,
      kind: input.kind,
      parent,
      opd: em.getReference(OrgUnit, opdIdOf(parent)),
      path: '',
      reference: false,
    });
    unit.path = `${parent.path}${unit.id}/`;
    await recordChange(
      scope,
      {
        action: 'org_unit.create',
        subjectType: 'OrgUnit',
        subjectId: unit.id,
        after: { code: unit.code, name: unit.name, kind: unit.kind, parentId: parent.id },
        audience: { opdIds: [opdIdOf(parent)] },
      },
      em,
    );
    await em.flush();
    return unit;
  });
}
