import { RecordColumns, refAs, timeFromJson } from '../../db/records.js';
import type { JobType } from '../directory/index.js';
import type { PlanStatus } from './planning.enums.js';

/**
 * A read-only plain record of a performance plan (SKP), for the review queue, which lists the
 * plans awaiting approval and the plans whose appraisal is due, 25 people at a time. It has the
 * entity's shape with relations as references by id; a PerformancePlan entity is assignable to
 * it, not the reverse. See directory.records.ts for why records and not entities.
 */
export interface PlanRecord {
  readonly id: string;
  readonly employee: { readonly id: string };
  readonly period: { readonly id: string };
  readonly assessor: { readonly id: string } | null;
  readonly orgUnit: { readonly id: string };
  readonly positionTitle: string;
  readonly jobType: JobType;
  readonly status: PlanStatus;
  readonly version: number;
  readonly approvedCount: number;
  readonly submittedAt: Date | null;
  readonly approvedAt: Date | null;
  readonly revisionNote: string | null;
  readonly reopenReason: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * The {@link PlanRecord} fields, each with the SQL that selects it from the row aliased `p`, times
 * as JSON gives them ({@link planFromJson} makes them Dates). Every record carries its id, its
 * people and period (what relations, access checks and the queue's grouping read), its status and
 * when it was submitted (what lists are ordered by).
 */
const PLAN_COLUMNS = new RecordColumns(
  [
    { field: 'id', always: true, sql: (p) => `${p}.id` },
    { field: 'employee', always: true, sql: (p) => refAs(`${p}.employee_id`, 'employee') },
    { field: 'period', always: true, sql: (p) => refAs(`${p}.period_id`, 'period') },
    { field: 'assessor', always: true, sql: (p) => refAs(`${p}.assessor_id`, 'assessor', true) },
    { field: 'orgUnit', sql: (p) => refAs(`${p}.org_unit_id`, 'orgUnit') },
    { field: 'positionTitle', sql: (p) => `${p}.position_title as "positionTitle"` },
    { field: 'jobType', sql: (p) => `${p}.job_type as "jobType"` },
    { field: 'status', always: true, sql: (p) => `${p}.status` },
    { field: 'version', sql: (p) => `${p}.version` },
    { field: 'approvedCount', sql: (p) => `${p}.approved_count as "approvedCount"` },
    { field: 'submittedAt', always: true, sql: (p) => `${p}.submitted_at as "submittedAt"` },
    { field: 'approvedAt', sql: (p) => `${p}.approved_at as "approvedAt"` },
    { field: 'revisionNote', sql: (p) => `${p}.revision_note as "revisionNote"` },
    { field: 'reopenReason', sql: (p) => `${p}.reopen_reason as "reopenReason"` },
    { field: 'createdAt', sql: (p) => `${p}.created_at as "createdAt"` },
    { field: 'updatedAt', sql: (p) => `${p}.updated_at as "updatedAt"` },
  ],
  // Fields that read only the plan's id: its RHK, core values and approved versions.
  new Set(['__typename', 'workResults', 'behaviourExpectations', 'approvedVersions']),
);

/**
 * `fields` (the GraphQL fields of PerformancePlan an operation selects) when records of only those
 * can answer them; undefined when not told, or when one of them is a field computed from others
 * (`progress`, `parentCandidates`) or one this does not know, which then reads every column.
 */
export function planFieldsToRead(
  fields: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  return PLAN_COLUMNS.toRead(fields);
}

/**
 * SQL selecting the {@link PlanRecord} fields of the row aliased `alias` (see db/records.ts). With
 * `only` (from {@link planFieldsToRead}), only those and the ones every record carries: a partial
 * record, whose other fields are absent (null), never to be shared with other fields of the request.
 */
export function planColumns(alias: string, only?: ReadonlySet<string>): string {
  return PLAN_COLUMNS.sql(alias, only);
}

/** A plan as PostgreSQL gave it ({@link planColumns}), its times made Dates. */
export function planFromJson(json: Record<string, unknown>): PlanRecord {
  return {
    ...(json as unknown as PlanRecord),
    submittedAt: timeFromJson(json.submittedAt),
    approvedAt: timeFromJson(json.approvedAt),
    createdAt: timeFromJson(json.createdAt)!,
    updatedAt: timeFromJson(json.updatedAt)!,
  };
}
