import { refAs } from '../../db/records.js';
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

/** SQL selecting the {@link IndicatorRecord} fields of the row aliased `alias` (see db/records.ts). */
export function indicatorColumns(alias: string): string {
  const i = alias;
  return `${i}.id, ${refAs(`${i}.work_result_id`, 'workResult')}, ${i}.aspect, ${i}.text,
    ${i}.target_value as "targetValue", ${i}.target_unit as "targetUnit",
    ${i}.target_text as "targetText", ${i}.position`;
}
