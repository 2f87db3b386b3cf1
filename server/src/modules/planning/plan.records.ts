import { refAs, timeFromJson } from '../../db/records.js';
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
 * SQL selecting the {@link PlanRecord} fields of the row aliased `alias` (see db/records.ts),
 * times as JSON gives them ({@link planFromJson} makes them Dates).
 */
export function planColumns(alias: string): string {
  const p = alias;
  return `${p}.id, ${refAs(`${p}.employee_id`, 'employee')}, ${refAs(`${p}.period_id`, 'period')},
    ${refAs(`${p}.assessor_id`, 'assessor', true)}, ${refAs(`${p}.org_unit_id`, 'orgUnit')},
    ${p}.position_title as "positionTitle", ${p}.job_type as "jobType", ${p}.status, ${p}.version,
    ${p}.approved_count as "approvedCount", ${p}.submitted_at as "submittedAt",
    ${p}.approved_at as "approvedAt", ${p}.revision_note as "revisionNote",
    ${p}.reopen_reason as "reopenReason", ${p}.created_at as "createdAt",
    ${p}.updated_at as "updatedAt"`;
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
