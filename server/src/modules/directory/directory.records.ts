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
