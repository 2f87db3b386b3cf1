import { refAs } from '../../db/records.js';
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
 * SQL selecting the {@link OrgUnitRecord} fields of the row aliased `alias`, for
 * `jsonRecords` (db/records.ts): a list comes back as one JSON value whose objects are the
 * records themselves (no conversion).
 */
export function orgUnitColumns(alias: string): string {
  const a = alias;
  return `${a}.id, ${a}.code, ${a}.name, ${a}.short_name as "shortName", ${a}.kind, ${a}.path,
    ${a}.reference, ${refAs(`${a}.parent_id`, 'parent', true)}, ${refAs(`${a}.opd_id`, 'opd', true)}`;
}

/** SQL selecting the {@link EmployeeRecord} fields of the row aliased `alias` (see orgUnitColumns). */
export function employeeColumns(alias: string): string {
  const a = alias;
  return `${a}.id, ${a}.nip, ${a}.name, ${a}.employment_type as "employmentType", ${a}.sex,
    to_char(${a}.birth_date, 'YYYY-MM-DD') as "birthDate", ${a}.rank, ${a}.job_type as "jobType",
    ${a}.position_title as "positionTitle", ${refAs(`${a}.org_unit_id`, 'orgUnit')},
    ${refAs(`${a}.supervisor_id`, 'supervisor', true)}, ${a}.email, ${a}.phone, ${a}.active,
    ${a}.version`;
}
