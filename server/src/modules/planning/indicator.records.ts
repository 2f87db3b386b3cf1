import type { ResultAspect } from './planning.enums.js';

/**
 * A read-only plain record of an IKI, for lists that reach indicators by the hundred (the review
 * queue's activities); see directory.records.ts for why records and not entities. An Indicator
 * entity is assignable to it, not the reverse.
 */
export interface IndicatorRecord {
  readonly id: string;
  readonly workResult: { readonly id: string };
  readonly aspect: ResultAspect;
  readonly text: string;
  readonly targetValue: number | null;
  readonly targetUnit: string | null;
  readonly targetText: string | null;
  readonly position: number;
}

/** The columns {@link indicatorRecord} reads, from a table aliased `alias`. */
export function indicatorColumns(alias: string, prefix = ''): string {
  return [
    'id',
    'work_result_id',
    'aspect',
    'text',
    'target_value',
    'target_unit',
    'target_text',
    'position',
  ]
    .map((c) => `${alias}.${c} as ${prefix}${c}`)
    .join(', ');
}

/** SQL building the {@link IndicatorRecord} of the row aliased `alias` as JSON. */
export function indicatorJson(alias: string): string {
  const i = alias;
  return `json_build_object('id', ${i}.id, 'workResult', json_build_object('id', ${i}.work_result_id),
    'aspect', ${i}.aspect, 'text', ${i}.text, 'targetValue', ${i}.target_value,
    'targetUnit', ${i}.target_unit, 'targetText', ${i}.target_text, 'position', ${i}.position)`;
}

/** The indicator in a row of {@link indicatorColumns} with `prefix`, or null when it has none. */
export function indicatorRecord(row: Record<string, unknown>, prefix = ''): IndicatorRecord | null {
  const id = row[`${prefix}id`] as string | null;
  if (!id) return null;
  const target = row[`${prefix}target_value`];
  return {
    id,
    workResult: { id: row[`${prefix}work_result_id`] as string },
    aspect: row[`${prefix}aspect`] as ResultAspect,
    text: row[`${prefix}text`] as string,
    targetValue: target === null || target === undefined ? null : Number(target),
    targetUnit: row[`${prefix}target_unit`] as string | null,
    targetText: row[`${prefix}target_text`] as string | null,
    position: row[`${prefix}position`] as number,
  };
}
