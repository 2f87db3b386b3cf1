import { refAs, timeFromJson } from '../../db/records.js';
import type { ActivityStatus } from './activities.enums.js';

/**
 * A read-only plain record of an activity, for lists read by the hundred (the review queue),
 * with the entity's shape and its relations as references by id; see directory.records.ts for
 * why records and not entities. An Activity entity is assignable to it, not the reverse.
 */
export interface ActivityRecord {
  readonly id: string;
  readonly employee: { readonly id: string };
  readonly plan: { readonly id: string };
  readonly assessor: { readonly id: string } | null;
  readonly indicator: { readonly id: string } | null;
  readonly date: string;
  readonly description: string;
  readonly output: number | null;
  readonly durationMinutes: number | null;
  readonly evidenceUrls: readonly string[];
  readonly status: ActivityStatus;
  readonly reviewNote: string | null;
  readonly reviewedByEmployeeId: string | null;
  readonly reviewedAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
}

/**
 * SQL selecting the {@link ActivityRecord} fields of the row aliased `alias` (see db/records.ts),
 * times as JSON gives them ({@link activityFromJson} makes them Dates).
 */
export function activityColumns(alias: string): string {
  const a = alias;
  return `${a}.id, ${refAs(`${a}.employee_id`, 'employee')}, ${refAs(`${a}.plan_id`, 'plan')},
    ${refAs(`${a}.assessor_id`, 'assessor', true)}, ${refAs(`${a}.indicator_id`, 'indicator', true)},
    to_char(${a}.date, 'YYYY-MM-DD') as date, ${a}.description, ${a}.output,
    ${a}.duration_minutes as "durationMinutes", ${a}.evidence_urls as "evidenceUrls", ${a}.status,
    ${a}.review_note as "reviewNote", ${a}.reviewed_by_employee_id as "reviewedByEmployeeId",
    ${a}.reviewed_at as "reviewedAt", ${a}.version, ${a}.created_at as "createdAt"`;
}

/** An activity as PostgreSQL gave it ({@link activityColumns}), its times made Dates. */
export function activityFromJson(json: Record<string, unknown>): ActivityRecord {
  return {
    ...(json as unknown as ActivityRecord),
    evidenceUrls: (json.evidenceUrls as string[] | null) ?? [],
    reviewedAt: timeFromJson(json.reviewedAt),
    createdAt: timeFromJson(json.createdAt)!,
  };
}
