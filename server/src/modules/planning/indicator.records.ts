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

/** SQL building the {@link IndicatorRecord} of the row aliased `alias` as JSON. */
export function indicatorJson(alias: string): string {
  const i = alias;
  return `json_build_object('id', ${i}.id, 'workResult', json_build_object('id', ${i}.work_result_id),
    'aspect', ${i}.aspect, 'text', ${i}.text, 'targetValue', ${i}.target_value,
    'targetUnit', ${i}.target_unit, 'targetText', ${i}.target_text, 'position', ${i}.position)`;
}
