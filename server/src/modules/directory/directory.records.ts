import { RecordColumns, refAs } from '../../db/records.js';
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

/**
 * The {@link EmployeeRecord} fields, each with the SQL that selects it from the row aliased `a`.
 * `always` marks what every record carries whatever is asked: the id and name (a page's cursor),
 * and the unit and supervisor (relation fields and the access policy read them).
 */
const EMPLOYEE_COLUMNS = new RecordColumns(
  [
    { field: 'id', always: true, sql: (a) => `${a}.id` },
    { field: 'nip', sql: (a) => `${a}.nip` },
    { field: 'name', always: true, sql: (a) => `${a}.name` },
    { field: 'employmentType', sql: (a) => `${a}.employment_type as "employmentType"` },
    { field: 'sex', sql: (a) => `${a}.sex` },
    { field: 'birthDate', sql: (a) => `to_char(${a}.birth_date, 'YYYY-MM-DD') as "birthDate"` },
    { field: 'rank', sql: (a) => `${a}.rank` },
    { field: 'jobType', sql: (a) => `${a}.job_type as "jobType"` },
    { field: 'positionTitle', sql: (a) => `${a}.position_title as "positionTitle"` },
    { field: 'orgUnit', always: true, sql: (a) => refAs(`${a}.org_unit_id`, 'orgUnit') },
    {
      field: 'supervisor',
      always: true,
      sql: (a) => refAs(`${a}.supervisor_id`, 'supervisor', true),
    },
    { field: 'email', sql: (a) => `${a}.email` },
    { field: 'phone', sql: (a) => `${a}.phone` },
    { field: 'active', sql: (a) => `${a}.active` },
    { field: 'version', sql: (a) => `${a}.version` },
  ],
  // Fields that read nothing of the record but what every record carries.
  new Set(['__typename', 'directReports']),
);

/**
 * `fields` (the GraphQL fields of Employee an operation selects) when records of only those can
 * answer them; undefined when not told, or when one of them is a field this does not know (one
 * added later), which then reads every column.
 */
export function employeeFieldsToRead(
  fields: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  return EMPLOYEE_COLUMNS.toRead(fields);
}

/**
 * SQL selecting the {@link EmployeeRecord} fields of the row aliased `alias` (see
 * orgUnitColumns). With `only` (from {@link employeeFieldsToRead}), only those fields and the ones
 * every record carries: a partial record, which must not be shared with other fields of the
 * request (it is not primed into a loader).
 */
export function employeeColumns(alias: string, only?: ReadonlySet<string>): string {
  return EMPLOYEE_COLUMNS.sql(alias, only);
}
