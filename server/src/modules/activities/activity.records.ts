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

/** The columns {@link activityRecord} reads, from a table aliased `alias`. */
export function activityColumns(alias: string): string {
  return [
    'id',
    'employee_id',
    'plan_id',
    'assessor_id',
    'indicator_id',
    'description',
    'output',
    'duration_minutes',
    'evidence_urls',
    'status',
    'review_note',
    'reviewed_by_employee_id',
    'reviewed_at',
    'version',
    'created_at',
  ]
    .map((c) => `${alias}.${c}`)
    .concat(`to_char(${alias}.date, 'YYYY-MM-DD') as date`)
    .join(', ');
}

const ref = (id: unknown) => (id ? { id: id as string } : null);
const time = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(value as string);

/** The activity in a row of {@link activityColumns}. */
export function activityRecord(row: Record<string, unknown>): ActivityRecord {
  return {
    id: row.id as string,
    employee: { id: row.employee_id as string },
    plan: { id: row.plan_id as string },
    assessor: ref(row.assessor_id),
    indicator: ref(row.indicator_id),
    date: row.date as string,
    description: row.description as string,
    output: row.output === null ? null : Number(row.output),
    durationMinutes: row.duration_minutes as number | null,
    evidenceUrls: (row.evidence_urls as string[] | null) ?? [],
    status: row.status as ActivityStatus,
    reviewNote: row.review_note as string | null,
    reviewedByEmployeeId: row.reviewed_by_employee_id as string | null,
    reviewedAt: time(row.reviewed_at),
    version: row.version as number,
    createdAt: time(row.created_at)!,
  };
}
