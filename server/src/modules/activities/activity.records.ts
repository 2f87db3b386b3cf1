import { timeFromJson } from '../../db/records.js';
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
 * SQL building the {@link ActivityRecord} of the row aliased `alias` as JSON, times as text
 * ({@link activityFromJson} makes them Dates), so that a list comes back as one JSON value.
 */
export function activityJson(alias: string): string {
  const a = alias;
  const ref = (column: string) =>
    `case when ${a}.${column} is null then null else json_build_object('id', ${a}.${column}) end`;
  return `json_build_object('id', ${a}.id,
    'employee', json_build_object('id', ${a}.employee_id), 'plan', json_build_object('id', ${a}.plan_id),
    'assessor', ${ref('assessor_id')}, 'indicator', ${ref('indicator_id')},
    'date', to_char(${a}.date, 'YYYY-MM-DD'), 'description', ${a}.description, 'output', ${a}.output,
    'durationMinutes', ${a}.duration_minutes, 'evidenceUrls', ${a}.evidence_urls, 'status', ${a}.status,
    'reviewNote', ${a}.review_note, 'reviewedByEmployeeId', ${a}.reviewed_by_employee_id,
    'reviewedAt', ${a}.reviewed_at, 'version', ${a}.version, 'createdAt', ${a}.created_at)`;
}

/** An activity as {@link activityJson} built it, its times made Dates. */
export function activityFromJson(json: Record<string, unknown>): ActivityRecord {
  return {
    ...(json as unknown as ActivityRecord),
    evidenceUrls: (json.evidenceUrls as string[] | null) ?? [],
    reviewedAt: timeFromJson(json.reviewedAt),
    createdAt: timeFromJson(json.createdAt)!,
  };
}
