/**
 * Rules for activities and monthly reports (DOMAIN.md, "Doing the work"). Pure: no database, no
 * clock; `today` is always a parameter. Dates are 'YYYY-MM-DD' compared as strings.
 */
import { addDays, daysInMonth, isCalendarDate, isoDate } from '../../kernel/calendar.js';
import type { DomainError } from '../../kernel/errors.js';
import { ActivityStatus } from './activities.enums.js';
import { activityReasons as reasons } from './activities.reasons.js';

export const DEFAULT_ACTIVITY_WINDOW_DAYS = 31;
export const ACTIVITY_DESCRIPTION_MAX = 2000;
export const MAX_DURATION_MINUTES = 1440;
export const MAX_EVIDENCE_URLS = 10;
export const EVIDENCE_URL_MAX = 2000;

/** A problem as a form shows it: the field and the English message. */
export interface ActivityFieldProblem {
  field: string;
  message: string;
}

/** Domain errors as `{ field, message }` problems (the shape forms and tests read). */
function fieldProblems(errors: readonly DomainError[]): ActivityFieldProblem[] {
  return errors.map((e) => ({ field: e.field ?? '', message: e.message }));
}

function requireDate(name: string, value: string): void {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${name} must be a real date written YYYY-MM-DD, got "${value}".`);
  }
}

/**
 * What is wrong with an activity, as domain errors (each with its field). Refuses: a date that is not a real YYYY-MM-DD, after `today`, more
 * than `windowDays` days before `today`, or outside the plan's period; a description that is
 * empty or over 2000 characters; a duration that is not a whole number of minutes from 1 to 1440
 * (when given); a missing output for a quantitative IKI; an output for a qualitative IKI or for
 * an activity without IKI; a negative or non-finite output; evidence links refused by
 * {@link evidenceUrlErrors}. Throws a RangeError when `today`, the period or `windowDays` are
 * malformed (those come from the server, not from people).
 */
export function activityErrors(input: {
  date: string;
  today: string;
  windowDays: number;
  periodStartsOn: string;
  periodEndsOn: string;
  description: string;
  durationMinutes?: number | null;
  output?: number | null;
  indicator: { quantitative: boolean } | null;
  evidenceUrls: string[];
}): DomainError[] {
  const { date, today, windowDays, periodStartsOn, periodEndsOn } = input;
  requireDate('today', today);
  requireDate('periodStartsOn', periodStartsOn);
  requireDate('periodEndsOn', periodEndsOn);
  if (!Number.isInteger(windowDays) || windowDays < 0) {
    throw new RangeError(`windowDays must be a whole number of 0 or more, got ${windowDays}.`);
  }
  const problems: DomainError[] = [];

  const earliest = addDays(today, -windowDays);
  if (!isCalendarDate(date)) {
    problems.push(reasons.dateInvalid({ today }));
  } else if (date > today) {
    problems.push(reasons.dateInFuture({ today }));
  } else if (date < periodStartsOn || date > periodEndsOn) {
    problems.push(reasons.dateOutsidePeriod({ startsOn: periodStartsOn, endsOn: periodEndsOn }));
  } else if (date < earliest) {
    problems.push(reasons.dateTooOld({ windowDays, earliest }));
  }

  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description === '') {
    problems.push(reasons.descriptionEmpty());
  } else if (Array.from(description).length > ACTIVITY_DESCRIPTION_MAX) {
    problems.push(
      reasons.descriptionTooLong({
        max: ACTIVITY_DESCRIPTION_MAX,
        length: Array.from(description).length,
      }),
    );
  }

  const { durationMinutes } = input;
  if (
    durationMinutes !== null &&
    durationMinutes !== undefined &&
    !(
      Number.isInteger(durationMinutes) &&
      durationMinutes >= 1 &&
      durationMinutes <= MAX_DURATION_MINUTES
    )
  ) {
    problems.push(reasons.durationInvalid({ max: MAX_DURATION_MINUTES }));
  }

  const { output, indicator } = input;
  const hasOutput = output !== null && output !== undefined;
  if (indicator?.quantitative) {
    if (!hasOutput) {
      problems.push(reasons.outputMissing());
    } else if (!Number.isFinite(output) || output < 0) {
      problems.push(reasons.outputInvalid());
    } else if (output > MAX_OUTPUT) {
      // 1e308 is a finite number, and a sum of two of them is Infinity: bound it to a day's work.
      problems.push(reasons.outputTooLarge({ max: MAX_OUTPUT }));
    }
  } else if (hasOutput) {
    problems.push(indicator ? reasons.outputOnQualitative() : reasons.outputWithoutIndicator());
  }

  problems.push(...evidenceUrlErrors(input.evidenceUrls));
  return problems;
}

/** {@link activityErrors} as `{ field, message }` problems. */
export function activityProblems(
  input: Parameters<typeof activityErrors>[0],
): ActivityFieldProblem[] {
  return fieldProblems(activityErrors(input));
}

/** A URL shortened for a message. */
function shown(url: string): string {
  const chars = Array.from(url);
  return chars.length <= 80 ? url : `${chars.slice(0, 79).join('')}…`;
}

/**
 * What is wrong with evidence links, as domain errors on `field` (default 'evidenceUrls'). Refuses: more
 * than 10 links; a link over 2000 characters; a link that is not an absolute https:// URL with a
 * host (http:, javascript:, relative links, links with spaces). Each message names the bad link.
 */
export function evidenceUrlErrors(urls: string[], field = 'evidenceUrls'): DomainError[] {
  const on = { field };
  const problems: DomainError[] = [];
  if (urls.length > MAX_EVIDENCE_URLS) {
    problems.push(reasons.tooManyEvidenceUrls({ max: MAX_EVIDENCE_URLS, count: urls.length }, on));
  }
  for (const url of urls) {
    if (typeof url !== 'string' || url.trim() === '') {
      problems.push(reasons.evidenceUrlEmpty({}, on));
      continue;
    }
    if (url.length > EVIDENCE_URL_MAX) {
      problems.push(reasons.evidenceUrlTooLong({ url: shown(url), max: EVIDENCE_URL_MAX }, on));
      continue;
    }
    if (!isHttpsUrl(url)) {
      problems.push(
        /^http:/i.test(url)
          ? reasons.evidenceUrlInsecure({ url: shown(url) }, on)
          : reasons.evidenceUrlInvalid({ url: shown(url) }, on),
      );
    }
  }
  return problems;
}

/** {@link evidenceUrlErrors} as `{ field, message }` problems. */
export function evidenceUrlProblems(
  urls: string[],
  field = 'evidenceUrls',
): ActivityFieldProblem[] {
  return fieldProblems(evidenceUrlErrors(urls, field));
}

function isHttpsUrl(url: string): boolean {
  // Spaces and control characters are refused rather than trimmed or encoded by the URL parser.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url) || !/^https:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** The calendar year and month (1–12) of a YYYY-MM-DD date. Refuses (throws) a non-date. */
export function monthOf(date: string): { year: number; month: number } {
  requireDate('date', date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** The first and last day of a month (1–12). Refuses (throws) a month outside 1–12 or a non-integer year. */
/** The largest output one activity may report (a day's work; sums of these stay exact). */
export const MAX_OUTPUT = 1_000_000;

/** Whether `month` is a month of the year, 1 to 12. */
export function isMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

export function monthRange(year: number, month: number): { startsOn: string; endsOn: string } {
  if (
    !Number.isInteger(year) ||
    year < 0 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw new RangeError(`monthRange needs a year and a month from 1 to 12, got ${year}-${month}.`);
  }
  return {
    startsOn: isoDate(year, month, 1),
    endsOn: isoDate(year, month, daysInMonth(year, month)),
  };
}

/**
 * Why a month may not be submitted as a monthly report (a domain error on `month`), or null when
 * it may. Refuses: a month that is not 1–12, a month outside the period's year, and a month after
 * the month of `today`.
 */
export function monthlyReportError(input: {
  year: number;
  month: number;
  today: string;
  periodYear: number;
}): DomainError | null {
  const { year, month, today, periodYear } = input;
  if (!Number.isInteger(month) || month < 1 || month > 12) return reasons.monthOutOfRange();
  if (year !== periodYear) return reasons.monthOutsidePeriod({ year: periodYear });
  const now = monthOf(today);
  if (year * 12 + month > now.year * 12 + now.month) {
    return reasons.monthNotStarted({
      month: isoDate(year, month, 1).slice(0, 7),
      currentMonth: isoDate(now.year, now.month, 1).slice(0, 7),
    });
  }
  return null;
}

/** {@link monthlyReportError}'s message, or null when the month may be submitted. */
export function monthlyReportProblem(
  input: Parameters<typeof monthlyReportError>[0],
): string | null {
  return monthlyReportError(input)?.message ?? null;
}

/**
 * Realisation of a quantitative IKI at a checkpoint: the sum of the outputs of APPROVED
 * activities dated on or before `checkpointEndsOn`. Other statuses and empty outputs count 0.
 */
export function realisationAt(
  activities: { date: string; output: number | null; status: ActivityStatus }[],
  checkpointEndsOn: string,
): number {
  return activities.reduce(
    (sum, a) =>
      a.status === ActivityStatus.APPROVED && a.output !== null && a.date <= checkpointEndsOn
        ? sum + a.output
        : sum,
    0,
  );
}
