import type { EmploymentType, JobType, OrgUnitKind, Sex } from './directory.enums.js';

/**
 * Read-only plain records of the directory's two entities, for the read paths that resolve
 * them by the hundred (lists, and every `employee`, `supervisor`, `orgUnit` and `opd` field that
 * goes through the request's loaders). They have the entities' shape, with relations as
 * references by id, so an entity is assignable to its record type but a record is not an
 * entity: the compiler refuses a record where code would modify or persist it.
 *
 * Only what the API shows or the access policy needs: no creation or update times.
 *
 * Why not entities: hydrating a managed entity (identity map, relation references, change-set
 * snapshot) cost more CPU than the SQL and the GraphQL around it; see docs/benchmarks.md.
 */
export interface OrgUnitRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: OrgUnitKind;
  readonly parent: { readonly id: string } | null;
  readonly opd: { readonly id: string } | null;
  readonly path: string;
  readonly reference: boolean;
}

export interface EmployeeRecord {
  readonly id: string;
  readonly nip: string;
  readonly name: string;
  readonly employmentType: EmploymentType;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly rank: string;
  readonly jobType: JobType;
  readonly positionTitle: string;
  readonly orgUnit: { readonly id: string };
  readonly supervisor: { readonly id: string } | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly active: boolean;
  readonly version: number;
}

/** The columns of {@link OrgUnitRow}, from a table aliased `alias`. */
export function orgUnitColumns(alias: string, prefix = ''): string {
  return ['id', 'code', 'name', 'short_name', 'kind', 'parent_id', 'opd_id', 'path', 'reference']
    .map((c) => `${alias}.${c} as ${prefix}${c}`)
    .join(', ');
}

/** The columns of {@link EmployeeRow}, from a table aliased `alias`. */
export function employeeColumns(alias: string, prefix = ''): string {
  const as = (column: string) => `${prefix}${column}`;
  return [
    `${alias}.id as ${as('id')}`,
    `${alias}.nip as ${as('nip')}`,
    `${alias}.name as ${as('name')}`,
    `${alias}.employment_type as ${as('employment_type')}`,
    `${alias}.sex as ${as('sex')}`,
    `to_char(${alias}.birth_date, 'YYYY-MM-DD') as ${as('birth_date')}`,
    `${alias}.rank as ${as('rank')}`,
    `${alias}.job_type as ${as('job_type')}`,
    `${alias}.position_title as ${as('position_title')}`,
    `${alias}.org_unit_id as ${as('org_unit_id')}`,
    `${alias}.supervisor_id as ${as('supervisor_id')}`,
    `${alias}.email as ${as('email')}`,
    `${alias}.phone as ${as('phone')}`,
    `${alias}.active as ${as('active')}`,
    `${alias}.version as ${as('version')}`,
  ].join(', ');
}

/**
 * SQL building the {@link OrgUnitRecord} of the row aliased `alias` as JSON, so that a list can
 * come back as one JSON value whose objects are the records themselves (no conversion).
 */
export function orgUnitJson(alias: string): string {
  const a = alias;
  return `json_build_object('id', ${a}.id, 'code', ${a}.code, 'name', ${a}.name,
    'shortName', ${a}.short_name, 'kind', ${a}.kind, 'path', ${a}.path, 'reference', ${a}.reference,
    'parent', case when ${a}.parent_id is null then null else json_build_object('id', ${a}.parent_id) end,
    'opd', case when ${a}.opd_id is null then null else json_build_object('id', ${a}.opd_id) end)`;
}

/** SQL building the {@link EmployeeRecord} of the row aliased `alias` as JSON (see orgUnitJson). */
export function employeeJson(alias: string): string {
  const a = alias;
  return `json_build_object('id', ${a}.id, 'nip', ${a}.nip, 'name', ${a}.name,
    'employmentType', ${a}.employment_type, 'sex', ${a}.sex,
    'birthDate', to_char(${a}.birth_date, 'YYYY-MM-DD'), 'rank', ${a}.rank,
    'jobType', ${a}.job_type, 'positionTitle', ${a}.position_title,
    'orgUnit', json_build_object('id', ${a}.org_unit_id),
    'supervisor', case when ${a}.supervisor_id is null then null else json_build_object('id', ${a}.supervisor_id) end,
    'email', ${a}.email, 'phone', ${a}.phone, 'active', ${a}.active, 'version', ${a}.version)`;
}

type Row = Record<string, unknown>;

/**
 * The org unit in `row` (columns of {@link orgUnitColumns} with `prefix`), or null when the
 * row has none (an outer join that found nothing).
 */
export function orgUnitRecord(row: Row, prefix = ''): OrgUnitRecord | null {
  const id = row[`${prefix}id`] as string | null;
  if (!id) return null;
  const parent = row[`${prefix}parent_id`] as string | null;
  const opd = row[`${prefix}opd_id`] as string | null;
  return {
    id,
    code: row[`${prefix}code`] as string,
    name: row[`${prefix}name`] as string,
    shortName: row[`${prefix}short_name`] as string | null,
    kind: row[`${prefix}kind`] as OrgUnitKind,
    parent: parent ? { id: parent } : null,
    opd: opd ? { id: opd } : null,
    path: row[`${prefix}path`] as string,
    reference: row[`${prefix}reference`] as boolean,
  };
}

/** The employee in `row` (columns of {@link employeeColumns} with `prefix`), or null. */
export function employeeRecord(row: Row, prefix = ''): EmployeeRecord | null {
  const id = row[`${prefix}id`] as string | null;
  if (!id) return null;
  const supervisor = row[`${prefix}supervisor_id`] as string | null;
  return {
    id,
    nip: row[`${prefix}nip`] as string,
    name: row[`${prefix}name`] as string,
    employmentType: row[`${prefix}employment_type`] as EmploymentType,
    sex: row[`${prefix}sex`] as Sex,
    birthDate: row[`${prefix}birth_date`] as string,
    rank: row[`${prefix}rank`] as string,
    jobType: row[`${prefix}job_type`] as JobType,
    positionTitle: row[`${prefix}position_title`] as string,
    orgUnit: { id: row[`${prefix}org_unit_id`] as string },
    supervisor: supervisor ? { id: supervisor } : null,
    email: row[`${prefix}email`] as string | null,
    phone: row[`${prefix}phone`] as string | null,
    active: row[`${prefix}active`] as boolean,
    version: row[`${prefix}version`] as number,
  };
}
