/**
 * Rules for activities and monthly reports (DOMAIN.md, "Doing the work"). Pure: no database, no
 * clock; `today` is always a parameter. Dates are 'YYYY-MM-DD' compared as strings.
 */
import {
  addDays,
  dateInWords,
  daysInMonth,
  type FieldProblem,
  isCalendarDate,
  isoDate,
  monthInWords,
} from '../planning/plan.rules.js';
import { ActivityStatus } from './activities.enums.js';

export const DEFAULT_ACTIVITY_WINDOW_DAYS = 31;
export const ACTIVITY_DESCRIPTION_MAX = 2000;
export const MAX_DURATION_MINUTES = 1440;
export const MAX_EVIDENCE_URLS = 10;
export const EVIDENCE_URL_MAX = 2000;

function requireDate(name: string, value: string): void {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${name} must be a real date written YYYY-MM-DD, got "${value}".`);
  }
}

/**
 * Problems with an activity. Refuses: a date that is not a real YYYY-MM-DD, after `today`, more
 * than `windowDays` days before `today`, or outside the plan's period; a description that is
 * empty or over 2000 characters; a duration that is not a whole number of minutes from 1 to 1440
 * (when given); a missing output for a quantitative IKI; an output for a qualitative IKI or for
 * an activity without IKI; a negative or non-finite output; evidence links refused by
 * {@link evidenceUrlProblems}. Throws a RangeError when `today`, the period or `windowDays` are
 * malformed (those come from the server, not from people).
 */
export function activityProblems(input: {
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
}): FieldProblem[] {
  const { date, today, windowDays, periodStartsOn, periodEndsOn } = input;
  requireDate('today', today);
  requireDate('periodStartsOn', periodStartsOn);
  requireDate('periodEndsOn', periodEndsOn);
  if (!Number.isInteger(windowDays) || windowDays < 0) {
    throw new RangeError(`windowDays must be a whole number of 0 or more, got ${windowDays}.`);
  }
  const problems: FieldProblem[] = [];

  const earliest = addDays(today, -windowDays);
  if (!isCalendarDate(date)) {
    problems.push({
      field: 'date',
      message: `Enter the date of the activity as a real calendar date written YYYY-MM-DD (e.g. ${today}).`,
    });
  } else if (date > today) {
    problems.push({
      field: 'date',
      message: `An activity cannot be dated in the future; use today (${dateInWords(today)}) or an earlier date.`,
    });
  } else if (date < periodStartsOn || date > periodEndsOn) {
    problems.push({
      field: 'date',
      message: `The date must lie within the plan's period, from ${dateInWords(periodStartsOn)} to ${dateInWords(periodEndsOn)}.`,
    });
  } else if (date < earliest) {
    problems.push({
      field: 'date',
      message: `Activities can be recorded up to ${windowDays} days back, from ${dateInWords(earliest)}; this date is older.`,
    });
  }

  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description === '') {
    problems.push({ field: 'description', message: 'Describe what you did; it cannot be empty.' });
  } else if (Array.from(description).length > ACTIVITY_DESCRIPTION_MAX) {
    problems.push({
      field: 'description',
      message: `The description can be at most ${ACTIVITY_DESCRIPTION_MAX} characters; it has ${Array.from(description).length}.`,
    });
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
    problems.push({
      field: 'durationMinutes',
      message: `The duration must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES} (24 hours).`,
    });
  }

  const { output, indicator } = input;
  const hasOutput = output !== null && output !== undefined;
  if (indicator?.quantitative) {
    if (!hasOutput) {
      problems.push({
        field: 'output',
        message: 'Enter the output quantity of this activity: its IKI has a numeric target.',
      });
    } else if (!Number.isFinite(output) || output < 0) {
      problems.push({ field: 'output', message: 'The output must be a number of 0 or more.' });
    }
  } else if (hasOutput) {
    problems.push({
      field: 'output',
      message: indicator
        ? 'Leave the output empty: this IKI has a qualitative target, so describe the result instead.'
        : 'Leave the output empty: only an activity for a quantitative IKI has an output quantity.',
    });
  }

  problems.push(...evidenceUrlProblems(input.evidenceUrls));
  return problems;
}

/** A URL shortened for a message. */
function shown(url: string): string {
  const chars = Array.from(url);
  return chars.length <= 80 ? url : `${chars.slice(0, 79).join('')}…`;
}

/**
 * Problems with evidence links, reported on `field` (default 'evidenceUrls'). Refuses: more
 * than 10 links; a link over 2000 characters; a link that is not an absolute https:// URL with a
 * host (http:, javascript:, relative links, links with spaces). Each message names the bad link.
 */
export function evidenceUrlProblems(urls: string[], field = 'evidenceUrls'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (urls.length > MAX_EVIDENCE_URLS) {
    problems.push({
      field,
      message: `At most ${MAX_EVIDENCE_URLS} evidence links are allowed; there are ${urls.length}.`,
    });
  }
  for (const url of urls) {
    if (typeof url !== 'string' || url.trim() === '') {
      problems.push({
        field,
        message: 'An evidence link cannot be empty; remove it or enter an https:// link.',
      });
      continue;
    }
    if (url.length > EVIDENCE_URL_MAX) {
      problems.push({
        field,
        message: `The evidence link "${shown(url)}" is too long: a link can be at most ${EVIDENCE_URL_MAX} characters.`,
      });
      continue;
    }
    if (!isHttpsUrl(url)) {
      problems.push({
        field,
        message: /^http:/i.test(url)
          ? `The evidence link "${shown(url)}" is not secure: use an https:// link.`
          : `"${shown(url)}" is not a valid evidence link: enter a full https:// link, e.g. https://drive.google.com/….`,
      });
    }
  }
  return problems;
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
 * Why a month may not be submitted as a monthly report, or null when it may. Refuses: a month
 * that is not 1–12, a month outside the period's year, and a month after the month of `today`.
 */
export function monthlyReportProblem(input: {
  year: number;
  month: number;
  today: string;
  periodYear: number;
}): string | null {
  const { year, month, today, periodYear } = input;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return 'Choose a month from 1 (January) to 12 (December).';
  }
  if (year !== periodYear) {
    return `A monthly report covers a month of the plan's period: choose a month of ${periodYear}.`;
  }
  const now = monthOf(today);
  if (year * 12 + month > now.year * 12 + now.month) {
    return `${monthInWords(year, month)} has not started yet: a monthly report can be submitted for ${monthInWords(now.year, now.month)} or an earlier month.`;
  }
  return null;
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
