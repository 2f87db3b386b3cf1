import { timeFromJson } from '../../db/records.js';
import type { JobType } from '../directory/directory.enums.js';
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
 * SQL building the {@link PlanRecord} of the row aliased `alias` as JSON, times as text
 * ({@link planFromJson} makes them Dates).
 */
export function planJson(alias: string): string {
  const p = alias;
  return `json_build_object('id', ${p}.id,
    'employee', json_build_object('id', ${p}.employee_id), 'period', json_build_object('id', ${p}.period_id),
    'assessor', case when ${p}.assessor_id is null then null else json_build_object('id', ${p}.assessor_id) end,
    'orgUnit', json_build_object('id', ${p}.org_unit_id),
    'positionTitle', ${p}.position_title, 'jobType', ${p}.job_type, 'status', ${p}.status,
    'version', ${p}.version, 'approvedCount', ${p}.approved_count,
    'submittedAt', ${p}.submitted_at, 'approvedAt', ${p}.approved_at,
    'revisionNote', ${p}.revision_note, 'reopenReason', ${p}.reopen_reason,
    'createdAt', ${p}.created_at, 'updatedAt', ${p}.updated_at)`;
}

/** A plan as {@link planJson} built it, its times made Dates. */
export function planFromJson(json: Record<string, unknown>): PlanRecord {
  return {
    ...(json as unknown as PlanRecord),
    submittedAt: timeFromJson(json.submittedAt),
    approvedAt: timeFromJson(json.approvedAt),
    createdAt: timeFromJson(json.createdAt)!,
    updatedAt: timeFromJson(json.updatedAt)!,
  };
}
