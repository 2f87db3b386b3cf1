import { dueCheckpointOn } from '$kernel/calendar';
import type { AppraisalCheckpoint } from '$lib/gql/graphql';

/** What the pages need to know about a period to place today in it. */
export interface PeriodDates {
  checkpoints: readonly { key: string; startsOn: string; endsOn: string }[];
  evaluationWindow: { opensOn: string; closesOn: string };
}

export const CHECKPOINT_ORDER: readonly AppraisalCheckpoint[] = ['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'];

/**
 * The checkpoint appraisals are due for on `today` (YYYY-MM-DD), by the server's own rule
 * (`dueCheckpointOn` in server/src/kernel/calendar.ts): the annual evaluation inside the
 * evaluation window, otherwise the last quarter that has ended; null before the first quarter
 * ends.
 */
export function dueCheckpoint(period: PeriodDates, today: string): AppraisalCheckpoint | null {
  return dueCheckpointOn(
    {
      checkpoints: period.checkpoints,
      evaluationOpensOn: period.evaluationWindow.opensOn,
      evaluationClosesOn: period.evaluationWindow.closesOn,
    },
    today,
  );
}

/** The quarter `today` falls in (Q1–Q4), or null outside the period. */
export function quarterOf(period: PeriodDates, today: string): string | null {
  return period.checkpoints.find((c) => c.startsOn <= today && today <= c.endsOn)?.key ?? null;
}

/** Sorts items by checkpoint, Triwulan I first and the annual evaluation last. */
export function byCheckpoint<T extends { checkpoint: AppraisalCheckpoint }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) => CHECKPOINT_ORDER.indexOf(a.checkpoint) - CHECKPOINT_ORDER.indexOf(b.checkpoint),
  );
}

/** This year's period in Denpasar, or the latest one before it, or the first of the list. */
export function defaultPeriod<T extends { year: number }>(
  periods: readonly T[],
  today: string,
): T | null {
  const year = Number(today.slice(0, 4));
  const earlier = periods.filter((p) => p.year <= year).sort((a, b) => b.year - a.year);
  return earlier[0] ?? periods[0] ?? null;
}
