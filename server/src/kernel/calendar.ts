/**
 * The calendar of the Denpasar working year. Dates are calendar dates written 'YYYY-MM-DD' and
 * compared as strings; `Date` is only used in UTC to check that a date exists and to count days,
 * never to parse local time. "Today" is the date in Denpasar (WITA, UTC+8). Pure: the clock is
 * passed in.
 *
 * The dashboard imports this file too (alias `$kernel`), so the server and the pages place a
 * date in the year by the same code: keep it free of imports.
 */

export type CheckpointKey = 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface CheckpointDates {
  key: CheckpointKey;
  /** 'Triwulan I' … 'Triwulan IV' */
  name: string;
  /** YYYY-MM-DD, included */
  startsOn: string;
  /** YYYY-MM-DD, included */
  endsOn: string;
}

/** English month names, for messages. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Whether `value` is a date that exists, written YYYY-MM-DD (2028-02-29 yes, 2027-02-29 no). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date `days` calendar days after `date` (before, when negative). Refuses a non-date. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date))
    throw new RangeError(`addDays needs a YYYY-MM-DD date, got "${date}".`);
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  return isoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** '2027-10-01' → "1 October 2027", for messages. */
export function dateInWords(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** 3, 2027 → "March 2027", for messages. */
export function monthInWords(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** '2027-03' → "March 2027", for messages. */
export function yearMonthInWords(yyyyMm: string): string {
  return monthInWords(Number(yyyyMm.slice(0, 4)), Number(yyyyMm.slice(5, 7)));
}

/** Whether `value` is a month written YYYY-MM (2027-03 yes, 2027-13 no). */
export function isYearMonth(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}$/.test(value)) return false;
  const month = Number(value.slice(5, 7));
  return month >= 1 && month <= 12;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** YYYY-MM-DD from numbers, zero-padded. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CHECKPOINT_NAMES: Record<CheckpointKey, string> = {
  Q1: 'Triwulan I',
  Q2: 'Triwulan II',
  Q3: 'Triwulan III',
  Q4: 'Triwulan IV',
};
const CHECKPOINT_KEYS: CheckpointKey[] = ['Q1', 'Q2', 'Q3', 'Q4'];

/** The four checkpoints of a period: the calendar quarters of `year`, Triwulan I–IV. */
export function checkpointsOf(year: number): CheckpointDates[] {
  return CHECKPOINT_KEYS.map((key, index) => {
    const firstMonth = index * 3 + 1;
    const lastMonth = firstMonth + 2;
    return {
      key,
      name: CHECKPOINT_NAMES[key],
      startsOn: isoDate(year, firstMonth, 1),
      endsOn: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
    };
  });
}

/** The checkpoint of `year` that contains `date`; null for a date outside the year or not a date. */
export function checkpointOn(year: number, date: string): CheckpointKey | null {
  if (!isCalendarDate(date) || Number(date.slice(0, 4)) !== year) return null;
  return CHECKPOINT_KEYS[Math.floor((Number(date.slice(5, 7)) - 1) / 3)];
}

/** Today's date in Denpasar (WITA, UTC+8), where the working day is. */
export function todayInDenpasar(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The date in Denpasar on which an instant falls (WITA, UTC+8), as YYYY-MM-DD. */
export function dateInDenpasar(instant: Date): string {
  return todayInDenpasar(instant);
}

/** What placing a date in a period needs: its checkpoints and its evaluation window. */
export interface PeriodWindows {
  checkpoints: readonly { key: string; endsOn: string }[];
  evaluationOpensOn: string;
  evaluationClosesOn: string;
}

/**
 * The checkpoint appraisals are due for on `today`: the annual evaluation inside the evaluation
 * window (both ends included), otherwise the last quarter that has ended; null before the first
 * quarter ends.
 */
export function dueCheckpointOn(
  period: PeriodWindows,
  today: string,
): CheckpointKey | 'ANNUAL' | null {
  if (today >= period.evaluationOpensOn && today <= period.evaluationClosesOn) return 'ANNUAL';
  const ended = period.checkpoints.filter((c) => c.endsOn < today);
  const last = ended.at(-1)?.key;
  return last && (CHECKPOINT_KEYS as string[]).includes(last) ? (last as CheckpointKey) : null;
}
