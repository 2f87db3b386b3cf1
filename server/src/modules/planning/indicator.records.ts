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

/**
 * SQL selecting the {@link IndicatorRecord} fields of the row aliased `alias` as plain columns
 * named `indicator_…` (its id is the joining row's `indicator_id`), for a list of rows that carry
 * their IKI (the review queue's activities, each IKI on one of its rows): see
 * {@link indicatorFromRow}.
 */
export function indicatorRowColumns(alias: string): string {
  const i = alias;
  return `${i}.work_result_id as indicator_work_result_id, ${i}.aspect as indicator_aspect,
    ${i}.text as indicator_text, ${i}.target_value as indicator_target_value,
    ${i}.target_unit as indicator_target_unit, ${i}.target_text as indicator_target_text,
    ${i}.position as indicator_position`;
}

/** The columns of {@link indicatorRowColumns} with the id of the IKI they describe. */
export interface IndicatorRow {
  indicator_id: string | null;
  indicator_work_result_id: string | null;
  indicator_aspect: ResultAspect | null;
  indicator_text: string | null;
  indicator_target_value: number | null;
  indicator_target_unit: string | null;
  indicator_target_text: string | null;
  indicator_position: number | null;
}

/** The IKI a row carries, or null when it carries none (or only its id). */
export function indicatorFromRow(r: IndicatorRow): IndicatorRecord | null {
  if (r.indicator_id === null || r.indicator_work_result_id === null) return null;
  return {
    id: r.indicator_id,
    workResult: { id: r.indicator_work_result_id },
    aspect: r.indicator_aspect!,
    text: r.indicator_text!,
    targetValue: r.indicator_target_value,
    targetUnit: r.indicator_target_unit,
    targetText: r.indicator_target_text,
    position: r.indicator_position!,
  };
}
