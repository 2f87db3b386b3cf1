import type { Loaders } from '../../kernel/scope.js';
import {
  ActivityStatus,
  type DailyOutput,
  realisationAt as sumApprovedUntil,
} from '../activities/index.js';
import type { IndicatorRecord } from './indicator.records.js';
import type { WorkResult } from './plan.entity.js';
import { meanProgress, progressOf } from './plan.rules.js';

/** Progress of plans, RHK and IKI through the request's batch loaders (constant statements per list). */
export function realisationAt(outputs: DailyOutput[], endsOn: string): number {
  return sumApprovedUntil(
    outputs.map((o) => ({ ...o, status: ActivityStatus.APPROVED })),
    endsOn,
  );
}

export async function indicatorProgress(
  loaders: Loaders,
  indicator: Pick<IndicatorRecord, 'id' | 'targetValue'>,
): Promise<number | null> {
  if (indicator.targetValue !== null) {
    const outputs = await loaders.approvedOutputs.load(indicator.id);
    return progressOf(realisationAt(outputs, '9999-12-31'), indicator.targetValue);
  }
  const entries = await loaders.realisationEntries.load(indicator.id);
  return progressOf(entries.at(-1)?.value ?? null, indicator.targetValue);
}

export async function workResultProgress(
  loaders: Loaders,
  workResult: WorkResult,
): Promise<number | null> {
  const indicators = await loaders.indicatorsOfWorkResult.load(workResult.id);
  return meanProgress(await Promise.all(indicators.map((i) => indicatorProgress(loaders, i))));
}

export async function planProgress(
  loaders: Loaders,
  plan: { readonly id: string },
): Promise<number | null> {
  const workResults = await loaders.workResultsOfPlan.load(plan.id);
  return meanProgress(await Promise.all(workResults.map((w) => workResultProgress(loaders, w))));
}
