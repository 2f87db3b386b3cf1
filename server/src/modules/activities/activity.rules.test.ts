import { describe, expect, it } from 'vitest';
import type { ActivityFieldProblem as FieldProblem } from './activity.rules.js';
import { ActivityStatus } from './activities.enums.js';
import {
  activityProblems,
  DEFAULT_ACTIVITY_WINDOW_DAYS,
  evidenceUrlProblems,
  isMonth,
  MAX_OUTPUT,
  monthlyReportProblem,
  monthOf,
  monthRange,
  realisationAt,
} from './activity.rules.js';

/** A complete activity for a quantitative IKI; each case changes what it is about. */
const valid: Parameters<typeof activityProblems>[0] = {
  date: '2027-03-10',
  today: '2027-03-15',
  windowDays: DEFAULT_ACTIVITY_WINDOW_DAYS,
  periodStartsOn: '2027-01-01',
  periodEndsOn: '2027-12-31',
  description: 'Menyusun draf Renstra bab II',
  durationMinutes: 120,
  output: 1,
  indicator: { quantitative: true },
  evidenceUrls: ['https://drive.google.com/file/d/abc'],
};

describe('activityProblems', () => {
  it.each<[string, Partial<typeof valid>, FieldProblem[]]>([
    ['accepts a complete activity for a quantitative IKI', {}, []],
    ['accepts an activity dated today', { date: '2027-03-15' }, []],
    ['accepts an activity exactly 31 days old', { date: '2027-02-12' }, []],
    ['accepts an output of 0', { output: 0 }, []],
    ['accepts a fractional output', { output: 0.5 }, []],
    ['accepts an activity without duration', { durationMinutes: null }, []],
    ['accepts a duration of a full day', { durationMinutes: 1440 }, []],
    [
      'accepts an activity for a qualitative IKI without output',
      { indicator: { quantitative: false }, output: null },
      [],
    ],
    [
      'accepts an activity without IKI and without output',
      { indicator: null, output: undefined },
      [],
    ],
    ['accepts an activity without evidence', { evidenceUrls: [] }, []],
    [
      'accepts 29 February in a leap year',
      {
        date: '2028-02-29',
        today: '2028-03-01',
        periodStartsOn: '2028-01-01',
        periodEndsOn: '2028-12-31',
      },
      [],
    ],
    [
      'refuses 29 February in a common year',
      { date: '2027-02-29' },
      [
        {
          field: 'date',
          message:
            'Enter the date of the activity as a real calendar date written YYYY-MM-DD (e.g. 2027-03-15).',
        },
      ],
    ],
    [
      'refuses a date that is not written YYYY-MM-DD',
      { date: '10/03/2027' },
      [
        {
          field: 'date',
          message:
            'Enter the date of the activity as a real calendar date written YYYY-MM-DD (e.g. 2027-03-15).',
        },
      ],
    ],
    [
      'refuses a date in the future',
      { date: '2027-03-16' },
      [
        {
          field: 'date',
          message:
            'An activity cannot be dated in the future; use today (15 March 2027) or an earlier date.',
        },
      ],
    ],
    [
      'refuses a date older than the window',
      { date: '2027-02-11' },
      [
        {
          field: 'date',
          message:
            'Activities can be recorded up to 31 days back, from 12 February 2027; this date is older.',
        },
      ],
    ],
    [
      'uses the configured window',
      { date: '2027-03-07', windowDays: 7 },
      [
        {
          field: 'date',
          message:
            'Activities can be recorded up to 7 days back, from 8 March 2027; this date is older.',
        },
      ],
    ],
    [
      "refuses a date before the plan's period",
      { date: '2026-12-31', today: '2027-01-05' },
      [
        {
          field: 'date',
          message:
            "The date must lie within the plan's period, from 1 January 2027 to 31 December 2027.",
        },
      ],
    ],
    [
      "refuses a date after the plan's period",
      { date: '2028-01-02', today: '2028-01-05' },
      [
        {
          field: 'date',
          message:
            "The date must lie within the plan's period, from 1 January 2027 to 31 December 2027.",
        },
      ],
    ],
    [
      'refuses an empty description',
      { description: '  \n ' },
      [{ field: 'description', message: 'Describe what you did; it cannot be empty.' }],
    ],
    [
      'refuses a description over 2000 characters',
      { description: 'a'.repeat(2001) },
      [
        {
          field: 'description',
          message: 'The description can be at most 2000 characters; it has 2001.',
        },
      ],
    ],
    ...[0, 1441, 30.5, -5, NaN].map(
      (durationMinutes): [string, Partial<typeof valid>, FieldProblem[]] => [
        `refuses a duration of ${durationMinutes} minutes`,
        { durationMinutes },
        [
          {
            field: 'durationMinutes',
            message: 'The duration must be a whole number of minutes from 1 to 1440 (24 hours).',
          },
        ],
      ],
    ),
    [
      'refuses a missing output for a quantitative IKI',
      { output: null },
      [
        {
          field: 'output',
          message: 'Enter the output quantity of this activity: its IKI has a numeric target.',
        },
      ],
    ],
    ...[-1, Infinity, NaN].map((output): [string, Partial<typeof valid>, FieldProblem[]] => [
      `refuses an output of ${output}`,
      { output },
      [{ field: 'output', message: 'The output must be a number of 0 or more.' }],
    ]),
    [
      'refuses an output for a qualitative IKI',
      { indicator: { quantitative: false }, output: 0 },
      [
        {
          field: 'output',
          message:
            'Leave the output empty: this IKI has a qualitative target, so describe the result instead.',
        },
      ],
    ],
    [
      'refuses an output for an activity without IKI',
      { indicator: null, output: 3 },
      [
        {
          field: 'output',
          message:
            'Leave the output empty: only an activity for a quantitative IKI has an output quantity.',
        },
      ],
    ],
    [
      'refuses a bad evidence link',
      { evidenceUrls: ['http://example.com/a'] },
      [
        {
          field: 'evidenceUrls',
          message: 'The evidence link "http://example.com/a" is not secure: use an https:// link.',
        },
      ],
    ],
    [
      'reports every problem at once',
      { date: '2027-04-01', description: '', output: null, durationMinutes: 0 },
      [
        {
          field: 'date',
          message:
            'An activity cannot be dated in the future; use today (15 March 2027) or an earlier date.',
        },
        { field: 'description', message: 'Describe what you did; it cannot be empty.' },
        {
          field: 'durationMinutes',
          message: 'The duration must be a whole number of minutes from 1 to 1440 (24 hours).',
        },
        {
          field: 'output',
          message: 'Enter the output quantity of this activity: its IKI has a numeric target.',
        },
      ],
    ],
  ])('%s', (_name, change, expected) => {
    expect(activityProblems({ ...valid, ...change })).toEqual(expected);
  });

  it.each<[string, Partial<typeof valid>]>([
    ['throws when today is not a date', { today: '2027-02-30' }],
    ['throws when the period is not a date', { periodEndsOn: '' }],
    ['throws when the window is negative', { windowDays: -1 }],
    ['throws when the window is not whole', { windowDays: 1.5 }],
  ])('%s', (_name, change) => {
    expect(() => activityProblems({ ...valid, ...change })).toThrow(RangeError);
  });
});

describe('evidenceUrlProblems', () => {
  const notValid = (url: string) =>
    `"${url}" is not a valid evidence link: enter a full https:// link, e.g. https://drive.google.com/….`;

  it.each<[string, string[], string[]]>([
    ['accepts no links', [], []],
    [
      'accepts https links with paths, queries and fragments',
      [
        'https://drive.google.com/file/d/1a2b/view?usp=sharing',
        'https://SIMPEG.denpasarkota.go.id/x#y',
      ],
      [],
    ],
    ['accepts ten links', Array.from({ length: 10 }, (_, i) => `https://e.id/${i}`), []],
    [
      'refuses eleven links',
      Array.from({ length: 11 }, (_, i) => `https://e.id/${i}`),
      ['At most 10 evidence links are allowed; there are 11.'],
    ],
    [
      'refuses an http link',
      ['http://e.id/a'],
      ['The evidence link "http://e.id/a" is not secure: use an https:// link.'],
    ],
    ['refuses a javascript link', ['javascript:alert(1)'], [notValid('javascript:alert(1)')]],
    ['refuses a data link', ['data:text/html,<b>x</b>'], [notValid('data:text/html,<b>x</b>')]],
    ['refuses a relative link', ['/files/a.pdf'], [notValid('/files/a.pdf')]],
    ['refuses a link without a scheme', ['drive.google.com/a'], [notValid('drive.google.com/a')]],
    ['refuses a link without a host', ['https://'], [notValid('https://')]],
    ['refuses a link with a leading space', [' https://e.id/a'], [notValid(' https://e.id/a')]],
    ['refuses a link with a space inside', ['https://e.id/a b'], [notValid('https://e.id/a b')]],
    [
      'refuses an empty link',
      [''],
      ['An evidence link cannot be empty; remove it or enter an https:// link.'],
    ],
    [
      'refuses a link over 2000 characters and shortens it in the message',
      [`https://e.id/${'a'.repeat(1988)}`],
      [
        `The evidence link "https://e.id/${'a'.repeat(66)}…" is too long: a link can be at most 2000 characters.`,
      ],
    ],
    ['accepts a link of exactly 2000 characters', [`https://e.id/${'a'.repeat(1987)}`], []],
    [
      'names each bad link among good ones',
      ['https://e.id/ok', 'http://e.id/a', 'ftp://e.id/b'],
      [
        'The evidence link "http://e.id/a" is not secure: use an https:// link.',
        notValid('ftp://e.id/b'),
      ],
    ],
  ])('%s', (_name, urls, expected) => {
    expect(evidenceUrlProblems(urls).map((p) => p.message)).toEqual(expected);
    expect(evidenceUrlProblems(urls).every((p) => p.field === 'evidenceUrls')).toBe(true);
  });

  it('reports problems on the field it is given', () => {
    expect(evidenceUrlProblems(['http://e.id/a'], 'realisation.evidenceUrls')).toEqual([
      {
        field: 'realisation.evidenceUrls',
        message: 'The evidence link "http://e.id/a" is not secure: use an https:// link.',
      },
    ]);
  });
});

describe('monthOf and monthRange', () => {
  it.each<[string, string, { year: number; month: number }]>([
    ['reads January', '2027-01-01', { year: 2027, month: 1 }],
    ['reads December', '2027-12-31', { year: 2027, month: 12 }],
  ])('monthOf %s', (_name, date, expected) => {
    expect(monthOf(date)).toEqual(expected);
  });

  it('monthOf throws for a date that does not exist', () => {
    expect(() => monthOf('2027-02-29')).toThrow(RangeError);
  });

  it.each<[string, number, number, { startsOn: string; endsOn: string }]>([
    ['gives 31 days to January', 2027, 1, { startsOn: '2027-01-01', endsOn: '2027-01-31' }],
    [
      'gives 28 days to February of a common year',
      2027,
      2,
      { startsOn: '2027-02-01', endsOn: '2027-02-28' },
    ],
    [
      'gives 29 days to February of a leap year',
      2028,
      2,
      { startsOn: '2028-02-01', endsOn: '2028-02-29' },
    ],
    ['gives 30 days to April', 2027, 4, { startsOn: '2027-04-01', endsOn: '2027-04-30' }],
    ['gives 31 days to December', 2027, 12, { startsOn: '2027-12-01', endsOn: '2027-12-31' }],
  ])('monthRange %s', (_name, year, month, expected) => {
    expect(monthRange(year, month)).toEqual(expected);
  });

  it.each<[string, number, number]>([
    ['month 0', 2027, 0],
    ['month 13', 2027, 13],
    ['a fractional month', 2027, 1.5],
    ['a fractional year', 2027.5, 1],
  ])('monthRange throws for %s', (_name, year, month) => {
    expect(() => monthRange(year, month)).toThrow(RangeError);
  });
});

describe('monthlyReportProblem', () => {
  it.each<[string, Parameters<typeof monthlyReportProblem>[0], string | null]>([
    [
      'accepts the current month',
      { year: 2027, month: 3, today: '2027-03-15', periodYear: 2027 },
      null,
    ],
    [
      'accepts a past month of the period',
      { year: 2027, month: 1, today: '2027-03-15', periodYear: 2027 },
      null,
    ],
    [
      "accepts December after the period's year has ended",
      { year: 2027, month: 12, today: '2028-01-10', periodYear: 2027 },
      null,
    ],
    [
      'refuses a future month',
      { year: 2027, month: 4, today: '2027-03-31', periodYear: 2027 },
      'April 2027 has not started yet: a monthly report can be submitted for March 2027 or an earlier month.',
    ],
    [
      "refuses a month outside the period's year",
      { year: 2026, month: 12, today: '2027-03-15', periodYear: 2027 },
      "A monthly report covers a month of the plan's period: choose a month of 2027.",
    ],
    [
      'refuses month 13',
      { year: 2027, month: 13, today: '2027-03-15', periodYear: 2027 },
      'Choose a month from 1 (January) to 12 (December).',
    ],
    [
      'refuses month 0',
      { year: 2027, month: 0, today: '2027-03-15', periodYear: 2027 },
      'Choose a month from 1 (January) to 12 (December).',
    ],
  ])('%s', (_name, input, expected) => {
    expect(monthlyReportProblem(input)).toBe(expected);
  });
});

describe('realisationAt', () => {
  const { APPROVED, SUBMITTED, REJECTED, WITHDRAWN } = ActivityStatus;
  const activities = [
    { date: '2027-01-15', output: 1, status: APPROVED },
    { date: '2027-03-31', output: 2, status: APPROVED },
    { date: '2027-04-01', output: 4, status: APPROVED },
    { date: '2027-02-01', output: 8, status: SUBMITTED },
    { date: '2027-02-02', output: 16, status: REJECTED },
    { date: '2027-02-03', output: 32, status: WITHDRAWN },
    { date: '2027-02-04', output: null, status: APPROVED },
  ];

  it.each<[string, string, number]>([
    ['sums approved outputs up to and including the checkpoint end', '2027-03-31', 3],
    ['includes later approved outputs at a later checkpoint', '2027-06-30', 7],
    ['is 0 before any activity', '2026-12-31', 0],
  ])('%s', (_name, endsOn, expected) => {
    expect(realisationAt(activities, endsOn)).toBe(expected);
  });

  it('is 0 without activities', () => {
    expect(realisationAt([], '2027-12-31')).toBe(0);
  });
});

describe('bounds of numbers', () => {
  it('refuses an output so large that a sum of two is no longer a number (1e308)', () => {
    expect(activityProblems({ ...valid, evidenceUrls: [], output: 1e308 })).toEqual([
      { field: 'output', message: `The output of one activity can be at most ${MAX_OUTPUT}.` },
    ]);
    expect(activityProblems({ ...valid, output: MAX_OUTPUT })).toEqual([]);
  });

  it('knows the months of the year', () => {
    expect([0, 1, 12, 13, 1.5].map(isMonth)).toEqual([false, true, true, false, false]);
  });
});
