import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { preparedRows } from '../../db/prepared.js';
import { recordAccessEvent } from '../../realtime/outbox.js';
import type { Context } from '../../access/context.js';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors.js';
import {
  type Connection,
  decodeCursor,
  INVALID_CURSOR,
  pageSize,
  toConnection,
} from '../../kernel/pagination.js';
import {
  assertDirectoryRead,
  assertDirectoryWrite,
  CITY_WIDE_ROLES,
  directoryOpdLimit,
  requirePerson,
} from '../../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { Account } from '../auth/account.entity.js';
import { Role } from '../auth/auth.enums.js';
import type { EmploymentType, JobType, OrgUnitKind } from './directory.enums.js';
import type {
  CreateEmployeeInput,
  CreateOrgUnitInput,
  EmployeeFilter,
  UpdateEmployeeInput,
} from './directory.input.js';
import { type ChainLink, supervisorProblem } from './directory.rules.js';
import { Employee } from './employee.entity.js';
import {
  checkNip,
  checkNipAgainstPerson,
  type NipCheck,
  nipKindOf,
  normalizeNip,
} from './nip.rules.js';
import { OrgUnit } from './org-unit.entity.js';
import { isUuid, jsonRecord, jsonRecords, jsonRecordsById, uuidArray } from '../../db/records.js';
import {
  employeeColumns,
  employeeFieldsToRead,
  type EmployeeRecord,
  orgUnitColumns,
  type OrgUnitRecord,
} from './directory.records.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress'>;

/** Units, all or under one parent, optionally of one kind or only OPDs; ordered by code. */
export async function listOrgUnits(
  ctx: Ctx,
  args: { parentId?: string | null; kind?: OrgUnitKind | null; topLevel?: boolean | null },
): Promise<OrgUnit[]> {
  const viewer = assertDirectoryRead(ctx.viewer);
  const where: FilterQuery<OrgUnit> = {};
  const limit = directoryOpdLimit(viewer);
  if (limit) where.opd = { $in: limit };
  if (args.parentId) where.parent = args.parentId;
  else if (args.topLevel) where.parent = null;
  if (args.kind) where.kind = args.kind;
  return ctx.em.find(OrgUnit, where, { orderBy: { code: 'asc' } });
}

export async function getOrgUnit(ctx: Ctx, id: string): Promise<OrgUnit | null> {
  assertDirectoryRead(ctx.viewer);
  const unit = await ctx.em.findOne(OrgUnit, { id });
  if (unit) assertDirectoryRead(ctx.viewer, opdIdOf(unit));
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
  ctx: Pick<Context, 'em' | 'viewer' | 'loaders'>,
  filter: EmployeeFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  fields?: ReadonlySet<string>,
): Promise<Connection<EmployeeRecord>> {
  const viewer = assertDirectoryRead(ctx.viewer);
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
    if (!isUuid(unitId)) throw notFound(`No organisation unit has id ${unitId}.`);
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
      throw badInput(`${filter.supervisorId} is not an id (ids are UUIDs).`, 'filter.supervisorId');
    }
    where.push('e.supervisor_id = ?');
    params.push(filter.supervisorId);
  }
  const page = [...where];
  const pageParams = [...params];
  if (after) {
    const [name, id] = decodeCursor(after, 2);
    if (!isUuid(id)) throw badInput(INVALID_CURSOR, 'after');
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
    ctx.em,
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
    if (!unit) throw notFound(`No organisation unit has id ${unitId}.`);
    assertDirectoryRead(viewer, opdIdOf(unit));
    ctx.loaders.orgUnit.prime(unit.id, unit);
  }
  for (const unit of result.units) ctx.loaders.orgUnit.prime(unit.id, unit);
  for (const supervisor of result.supervisors)
    ctx.loaders.employee.prime(supervisor.id, supervisor);
  // Records of only the fields asked for are not shared: a loader serves other fields too.
  if (!only) for (const employee of result.page) ctx.loaders.employee.prime(employee.id, employee);
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
  ctx: Ctx,
  args: { id?: string | null; nip?: string | null },
): Promise<Employee | null> {
  assertDirectoryRead(ctx.viewer);
  if (Boolean(args.id) === Boolean(args.nip)) {
    throw badInput('Give exactly one of id or nip.', args.id ? 'nip' : 'id');
  }
  let employee: Employee | null;
  if (args.id)
    employee = await ctx.em.findOne(Employee, { id: args.id }, { populate: ['orgUnit'] });
  else {
    const check = checkNip(args.nip!);
    if (!check.valid) {
      throw badInput(check.problems.map((p) => p.message).join(' '), 'nip', {
        segments: check.problems.map((p) => p.segment),
      });
    }
    employee = await ctx.em.findOne(
      Employee,
      { nip: check.normalized! },
      { populate: ['orgUnit'] },
    );
  }
  if (employee) assertDirectoryRead(ctx.viewer, opdIdOf(employee.orgUnit));
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
  if (chain.length === 0) throw notFound(`No employee has id ${supervisorId} (the supervisor).`);
  const problem = supervisorProblem(employee, chain);
  if (problem) throw badInput(problem, 'supervisorId');
  return em.getReference(Employee, supervisorId);
}

async function requireUnit(em: EntityManager, id: string, field: string): Promise<OrgUnit> {
  const unit = await em.findOne(OrgUnit, { id });
  if (!unit) throw badInput(`No organisation unit has id ${id}.`, field);
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
  if (!text) throw badInput(`${field} must not be empty.`, field);
  if (text.length > max) throw badInput(`${field} is at most ${max} characters.`, field);
  return text;
}

function checkEmail(email: string | null | undefined): string | null {
  if (!email?.trim()) return null;
  const text = email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 200) {
    throw badInput(`"${text}" is not an email address.`, 'email');
  }
  return text.toLowerCase();
}

/**
 * Adds an employee. Refuses a NIP that is invalid or disagrees with the birth date, sex or
 * employment type; a NIP already in use; a unit outside the admin's OPD; a bad supervisor.
 */
export async function createEmployee(ctx: Ctx, input: CreateEmployeeInput): Promise<Employee> {
  requirePerson(ctx.viewer, 'change the directory');
  return ctx.em.transactional(async (em) => {
    const unit = await requireUnit(em, input.orgUnitId, 'orgUnitId');
    assertDirectoryWrite(ctx.viewer, opdIdOf(unit));
    const problems = checkNipAgainstPerson(input.nip, {
      employmentType: input.employmentType,
      birthDate: input.birthDate,
      sex: input.sex,
    });
    if (problems.length > 0) {
      throw badInput(problems.map((p) => p.message).join(' '), 'nip', {
        segments: problems.map((p) => p.segment),
      });
    }
    const nip = normalizeNip(input.nip);
    if (await em.count(Employee, { nip })) {
      throw badInput(`NIP ${nip} already belongs to another employee.`, 'nip');
    }
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
    audit(em, ctx, {
      action: 'employee.create',
      subjectType: 'Employee',
      subjectId: employee.id,
      after: snapshot(employee),
    });
    await em.flush();
    return employee;
  });
}

/**
 * Changes an employee. Refuses a stale `expectedVersion` with CONFLICT, a supervisor that
 * would make a cycle or is inactive, and deactivating someone who still has active reports.
 */
export async function updateEmployee(
  ctx: Ctx,
  id: string,
  input: UpdateEmployeeInput,
  expectedVersion: number,
): Promise<Employee> {
  requirePerson(ctx.viewer, 'change the directory');
  return ctx.em.transactional(async (em) => {
    const employee = await em.findOne(Employee, { id }, { populate: ['orgUnit'] });
    if (!employee) throw notFound(`No employee has id ${id}.`);
    const writer = assertDirectoryWrite(ctx.viewer, opdIdOf(employee.orgUnit));
    if (!writer.roles.includes(Role.HR_ADMIN)) {
      // Moving or deactivating an HR admin or auditor would lock them out: HR admins only.
      const account = await em.findOne(Account, { employee: employee.id }, { fields: ['roles'] });
      const held = (account?.roles ?? []).filter((r) => CITY_WIDE_ROLES.includes(r));
      if (held.length > 0) {
        throw forbidden(
          `Changing ${employee.name}, who has the ${held.join(' and ')} role, needs the HR_ADMIN role.`,
        );
      }
    }
    const before = snapshot(employee);
    if (employee.version !== expectedVersion) {
      throw conflict(
        `${employee.name} was changed by someone else (version ${employee.version}, you edited ${expectedVersion}). Reload and apply your change again.`,
        { currentVersion: employee.version },
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
      assertDirectoryWrite(ctx.viewer, opdIdOf(unit));
      employee.orgUnit = unit;
    }
    if (input.clearSupervisor) employee.supervisor = null;
    else if (input.supervisorId) {
      employee.supervisor = await checkSupervisor(em, employee, input.supervisorId);
    }
    if (input.active === false && employee.active) {
      const reports = await em.count(Employee, { supervisor: employee.id, active: true });
      if (reports > 0) {
        throw badInput(
          `${employee.name} still supervises ${reports} active employee(s); give them another supervisor before deactivating.`,
          'active',
        );
      }
      employee.active = false;
    } else if (input.active === true) employee.active = true;
    if (employee.active !== before.active || employee.name !== before.name) {
      // Who may sign in, and the name a signed-in person goes by, changed.
      await recordAccessEvent(em, 'changed', 'Employee', employee.id, { employeeId: employee.id });
    }
    audit(em, ctx, {
      action: 'employee.update',
      subjectType: 'Employee',
      subjectId: employee.id,
      before,
      after: snapshot(employee),
    });
    await em.flush();
    return employee;
  });
}

/** Adds a sub-unit below an existing unit, in the same OPD. Refuses a duplicate code. */
export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitInput): Promise<OrgUnit> {
  requirePerson(ctx.viewer, 'change the directory');
  return ctx.em.transactional(async (em) => {
    const parent = await requireUnit(em, input.parentId, 'parentId');
    assertDirectoryWrite(ctx.viewer, opdIdOf(parent));
    const code = trimmed(input.code, 'code', 40);
    if (await em.count(OrgUnit, { code })) {
      throw badInput(`Unit code ${code} is already used.`, 'code');
    }
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
    audit(em, ctx, {
      action: 'org_unit.create',
      subjectType: 'OrgUnit',
      subjectId: unit.id,
      after: { code: unit.code, name: unit.name, kind: unit.kind, parentId: parent.id },
    });
    await em.flush();
    return unit;
  });
}
