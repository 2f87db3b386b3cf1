import { describe, expect, it } from 'vitest';
import { addDays, checkpointOn, checkpointsOf, isCalendarDate } from '../../kernel/calendar.js';
import {
  cascadeProblem,
  type FieldProblem,
  indicatorProblems,
  MAX_TARGET_VALUE,
  meanProgress,
  periodProblems,
  type PlanAction,
  planTransition,
  progressOf,
  submitProblems,
  workResultTextProblems,
} from './plan.rules.js';
import { PlanStatus, ResultAspect, WorkResultKind } from './planning.enums.js';

const fields = (problems: FieldProblem[]) => problems.map((p) => p.field);

describe('calendar dates', () => {
  it.each<[string, unknown, boolean]>([
    ['accepts an ordinary date', '2027-03-15', true],
    ['accepts 29 February of a leap year', '2028-02-29', true],
    ['accepts 29 February 2000, a leap century', '2000-02-29', true],
    ['refuses 29 February of a common year', '2027-02-29', false],
    ['refuses 29 February 2100, a common century', '2100-02-29', false],
    ['refuses 31 April', '2027-04-31', false],
    ['refuses month 13', '2027-13-01', false],
    ['refuses day 0', '2027-01-00', false],
    ['refuses a date without zero padding', '2027-3-5', false],
    ['refuses a date with a time', '2027-03-05T00:00:00Z', false],
    ['refuses a non-string', 20270305, false],
  ])('%s', (_name, value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each<[string, string, number, string]>([
    ['moves forward across a month end', '2027-01-31', 1, '2027-02-01'],
    ['moves back across a year end', '2027-01-01', -1, '2026-12-31'],
    ['moves back 31 days across February of a leap year', '2028-03-31', -31, '2028-02-29'],
    ['keeps the date when moving 0 days', '2027-06-15', 0, '2027-06-15'],
  ])('addDays %s', (_name, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('checkpointsOf', () => {
  it('returns the four calendar quarters of the year as Triwulan I–IV', () => {
    expect(checkpointsOf(2027)).toEqual([
      { key: 'Q1', name: 'Triwulan I', startsOn: '2027-01-01', endsOn: '2027-03-31' },
      { key: 'Q2', name: 'Triwulan II', startsOn: '2027-04-01', endsOn: '2027-06-30' },
      { key: 'Q3', name: 'Triwulan III', startsOn: '2027-07-01', endsOn: '2027-09-30' },
      { key: 'Q4', name: 'Triwulan IV', startsOn: '2027-10-01', endsOn: '2027-12-31' },
    ]);
  });
});

describe('checkpointOn', () => {
  it.each<[string, string, string | null]>([
    ['puts the first day of the year in Q1', '2027-01-01', 'Q1'],
    ['puts the last day of March in Q1', '2027-03-31', 'Q1'],
    ['puts the first day of April in Q2', '2027-04-01', 'Q2'],
    ['puts a day of August in Q3', '2027-08-17', 'Q3'],
    ['puts the first day of October in Q4', '2027-10-01', 'Q4'],
    ['puts the last day of the year in Q4', '2027-12-31', 'Q4'],
    ['returns null for a day of the previous year', '2026-12-31', null],
    ['returns null for a day of the next year', '2028-01-01', null],
    ['returns null for a date that does not exist', '2027-02-29', null],
  ])('%s', (_name, date, expected) => {
    expect(checkpointOn(2027, date)).toBe(expected);
  });
});

describe('periodProblems', () => {
  const valid = {
    year: 2027,
    planningOpensOn: '2026-12-01',
    planningClosesOn: '2027-01-31',
    evaluationOpensOn: '2027-12-01',
    evaluationClosesOn: '2028-01-31',
  };

  it.each<[string, Partial<typeof valid>, FieldProblem[]]>([
    ['accepts planning opening in the previous December', {}, []],
    [
      'accepts windows on their outer limits',
      {
        planningOpensOn: '2027-12-31',
        planningClosesOn: '2027-12-31',
        evaluationOpensOn: '2027-10-01',
        evaluationClosesOn: '2028-03-31',
      },
      [],
    ],
    [
      'accepts the year 2000',
      {
        year: 2000,
        planningOpensOn: '2000-01-01',
        planningClosesOn: '2000-01-31',
        evaluationOpensOn: '2000-12-01',
        evaluationClosesOn: '2001-01-31',
      },
      [],
    ],
    [
      'refuses a year before 2000',
      { year: 1999 },
      [{ field: 'year', message: 'The year must be a whole number from 2000 to 2100.' }],
    ],
    [
      'refuses a year after 2100',
      { year: 2101 },
      [{ field: 'year', message: 'The year must be a whole number from 2000 to 2100.' }],
    ],
    [
      'refuses a fractional year',
      { year: 2027.5 },
      [{ field: 'year', message: 'The year must be a whole number from 2000 to 2100.' }],
    ],
    [
      'refuses a window date that does not exist',
      { planningClosesOn: '2027-02-29' },
      [
        {
          field: 'planningClosesOn',
          message:
            'Enter a real calendar date written YYYY-MM-DD (e.g. 2027-01-31); "2027-02-29" is not one.',
        },
      ],
    ],
    [
      'refuses planning that opens after the year ends',
      { planningOpensOn: '2028-01-01', planningClosesOn: '2027-12-31' },
      [
        {
          field: 'planningOpensOn',
          message: 'Planning must open before the year ends: on or before 31 December 2027.',
        },
        {
          field: 'planningClosesOn',
          message: 'Planning must close on or after the day it opens (1 January 2028).',
        },
      ],
    ],
    [
      'refuses planning that closes before the year starts',
      { planningClosesOn: '2026-12-31' },
      [
        {
          field: 'planningClosesOn',
          message: 'Planning must close within 2027: between 1 January and 31 December 2027.',
        },
      ],
    ],
    [
      'refuses planning that closes after the year',
      { planningClosesOn: '2028-01-01' },
      [
        {
          field: 'planningClosesOn',
          message: 'Planning must close within 2027: between 1 January and 31 December 2027.',
        },
      ],
    ],
    [
      'refuses planning that closes before it opens',
      { planningOpensOn: '2027-02-01', planningClosesOn: '2027-01-31' },
      [
        {
          field: 'planningClosesOn',
          message: 'Planning must close on or after the day it opens (1 February 2027).',
        },
      ],
    ],
    [
      'refuses evaluation that opens before Triwulan IV',
      { evaluationOpensOn: '2027-09-30' },
      [
        {
          field: 'evaluationOpensOn',
          message:
            'Evaluation must open between 1 October 2027 (the start of Triwulan IV) and 31 March 2028.',
        },
      ],
    ],
    [
      'refuses evaluation that closes after 31 March of the next year',
      { evaluationClosesOn: '2028-04-01' },
      [
        {
          field: 'evaluationClosesOn',
          message:
            'Evaluation must close between 1 October 2027 (the start of Triwulan IV) and 31 March 2028.',
        },
      ],
    ],
    [
      'refuses evaluation that closes before it opens',
      { evaluationOpensOn: '2028-01-10', evaluationClosesOn: '2028-01-09' },
      [
        {
          field: 'evaluationClosesOn',
          message: 'Evaluation must close on or after the day it opens (10 January 2028).',
        },
      ],
    ],
  ])('%s', (_name, change, expected) => {
    expect(periodProblems({ ...valid, ...change })).toEqual(expected);
  });

  it('still checks date formats and order when the year is out of range', () => {
    expect(
      fields(
        periodProblems({
          year: 3000,
          planningOpensOn: '2027-01-02',
          planningClosesOn: '2027-01-01',
          evaluationOpensOn: 'soon',
          evaluationClosesOn: '2028-01-31',
        }),
      ),
    ).toEqual(['year', 'evaluationOpensOn', 'planningClosesOn']);
  });
});

describe('planTransition', () => {
  const { DRAFT, SUBMITTED, REVISION_REQUESTED, APPROVED } = PlanStatus;
  const readOnly = 'An approved plan is read-only; the assessor can reopen it with a reason.';

  it.each<[string, PlanStatus, PlanAction, { next: PlanStatus } | { problem: string }]>([
    ['lets a draft be edited', DRAFT, 'EDIT', { next: DRAFT }],
    [
      'lets a plan returned for revision be edited',
      REVISION_REQUESTED,
      'EDIT',
      { next: REVISION_REQUESTED },
    ],
    [
      'refuses editing a submitted plan',
      SUBMITTED,
      'EDIT',
      {
        problem:
          'A submitted plan cannot be edited while it waits for the assessor; it can be edited again if the assessor requests a revision.',
      },
    ],
    ['refuses editing an approved plan', APPROVED, 'EDIT', { problem: readOnly }],
    ['submits a draft', DRAFT, 'SUBMIT', { next: SUBMITTED }],
    ['resubmits a plan returned for revision', REVISION_REQUESTED, 'SUBMIT', { next: SUBMITTED }],
    [
      'refuses submitting a plan twice',
      SUBMITTED,
      'SUBMIT',
      {
        problem:
          'This plan has already been submitted and is waiting for the assessor; only a draft or a plan returned for revision can be submitted.',
      },
    ],
    [
      'refuses submitting an approved plan',
      APPROVED,
      'SUBMIT',
      { problem: `This plan is already approved and cannot be submitted again. ${readOnly}` },
    ],
    ['approves a submitted plan', SUBMITTED, 'APPROVE', { next: APPROVED }],
    [
      'refuses approving a draft',
      DRAFT,
      'APPROVE',
      { problem: 'Only a submitted plan can be approved; this plan is still a draft.' },
    ],
    [
      'refuses approving a plan that has not been resubmitted after a revision request',
      REVISION_REQUESTED,
      'APPROVE',
      {
        problem:
          'Only a submitted plan can be approved; this plan was returned for revision and has not been resubmitted yet.',
      },
    ],
    [
      'refuses approving an approved plan',
      APPROVED,
      'APPROVE',
      { problem: 'This plan is already approved.' },
    ],
    [
      'returns a submitted plan for revision',
      SUBMITTED,
      'REQUEST_REVISION',
      { next: REVISION_REQUESTED },
    ],
    [
      'refuses returning a draft for revision',
      DRAFT,
      'REQUEST_REVISION',
      {
        problem: 'Only a submitted plan can be returned for revision; this plan is still a draft.',
      },
    ],
    [
      'refuses requesting a revision twice',
      REVISION_REQUESTED,
      'REQUEST_REVISION',
      {
        problem:
          'A revision has already been requested; the plan can be returned again after it is resubmitted.',
      },
    ],
    [
      'refuses returning an approved plan for revision and points to reopening',
      APPROVED,
      'REQUEST_REVISION',
      {
        problem:
          'An approved plan cannot be returned for revision; the assessor can reopen it with a reason instead.',
      },
    ],
    ['reopens an approved plan as a draft', APPROVED, 'REOPEN', { next: DRAFT }],
    [
      'refuses reopening a draft',
      DRAFT,
      'REOPEN',
      { problem: 'Only an approved plan can be reopened; this plan is already a draft.' },
    ],
    [
      'refuses reopening a submitted plan',
      SUBMITTED,
      'REOPEN',
      {
        problem:
          'Only an approved plan can be reopened; this plan is submitted: approve it or request a revision instead.',
      },
    ],
    [
      'refuses reopening a plan returned for revision',
      REVISION_REQUESTED,
      'REOPEN',
      { problem: 'Only an approved plan can be reopened; this plan is already open for revision.' },
    ],
    ['lets the assessor set expectations on a draft', DRAFT, 'SET_EXPECTATION', { next: DRAFT }],
    [
      'lets the assessor set expectations on a submitted plan',
      SUBMITTED,
      'SET_EXPECTATION',
      { next: SUBMITTED },
    ],
    [
      'lets the assessor set expectations on a plan returned for revision',
      REVISION_REQUESTED,
      'SET_EXPECTATION',
      { next: REVISION_REQUESTED },
    ],
    [
      'refuses setting expectations on an approved plan',
      APPROVED,
      'SET_EXPECTATION',
      {
        problem:
          'An approved plan is read-only, including its behaviour expectations; the assessor can reopen it with a reason.',
      },
    ],
  ])('%s', (_name, status, action, expected) => {
    expect(planTransition(status, action)).toEqual(expected);
  });

  it('throws on an action it does not know', () => {
    expect(() => planTransition(DRAFT, 'DELETE' as PlanAction)).toThrow(RangeError);
  });
});

describe('cascadeProblem', () => {
  const assessorPlan = { id: 'plan-sari', periodId: 'p2027', ownerName: 'Ni Luh Made Sari' };
  const base = {
    kind: WorkResultKind.MAIN,
    parent: null as { planId: string; periodId: string; ownerName: string } | null,
    assessorPlan: assessorPlan as typeof assessorPlan | null,
    hasAssessor: true,
    assessorName: 'Ni Luh Made Sari' as string | null,
    parentOptional: false,
    periodId: 'p2027',
    periodName: '2027',
  };
  const fromSari = { planId: 'plan-sari', periodId: 'p2027', ownerName: 'Ni Luh Made Sari' };
  const fromSuarta = { planId: 'plan-suarta', periodId: 'p2027', ownerName: 'I Wayan Suarta' };
  const fromSari2026 = {
    planId: 'plan-sari-2026',
    periodId: 'p2026',
    ownerName: 'Ni Luh Made Sari',
  };
  const noAssessor = {
    hasAssessor: false,
    assessorName: null,
    assessorPlan: null,
    parentOptional: true,
  };

  it.each<[string, Partial<typeof base>, string | null]>([
    ["accepts a main RHK cascading from the assessor's plan", { parent: fromSari }, null],
    [
      "refuses a main RHK cascading from someone else's plan",
      { parent: fromSuarta },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027); this parent is from I Wayan Suarta's plan.",
    ],
    [
      "refuses a main RHK cascading from the assessor's plan of another period",
      { parent: fromSari2026 },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027) in the same period; this parent is from Ni Luh Made Sari's plan for another period.",
    ],
    [
      'refuses a main RHK without a parent',
      {},
      "A main RHK needs a parent RHK from your assessor's plan (Ni Luh Made Sari, 2027).",
    ],
    [
      'refuses a main RHK without a parent while the assessor has no plan, and says what to do',
      { assessorPlan: null },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027), but the assessor has no plan for this period yet: ask them to create it first.",
    ],
    [
      'refuses any parent while the assessor has no plan for this period',
      { assessorPlan: null, parent: fromSuarta },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027), but the assessor has no plan for this period yet: ask them to create it first.",
    ],
    [
      "treats an assessor's plan of another period as no plan",
      { assessorPlan: { ...assessorPlan, periodId: 'p2026' }, parent: fromSari },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027), but the assessor has no plan for this period yet: ask them to create it first.",
    ],
    ['accepts a JPT main RHK without a parent', { parentOptional: true }, null],
    [
      "accepts a JPT main RHK cascading from the assessor's plan",
      { parentOptional: true, parent: fromSari },
      null,
    ],
    [
      "refuses a JPT main RHK naming a parent outside the assessor's plan",
      { parentOptional: true, parent: fromSuarta },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari, 2027); this parent is from I Wayan Suarta's plan.",
    ],
    ['accepts the Sekda main RHK without a parent', noAssessor, null],
    [
      'refuses the Sekda naming a parent, since they have no assessor',
      { ...noAssessor, parent: fromSuarta },
      "You have no assessor, so this RHK comes from your unit's performance agreement and cannot cascade from another plan: leave the parent empty.",
    ],
    [
      'refuses a main RHK without parent when the person has no assessor but the parent is required',
      { ...noAssessor, parentOptional: false },
      "A main RHK needs a parent RHK from your assessor's plan, but you have no assessor: ask HR to set your supervisor.",
    ],
    ['accepts an additional RHK without a parent', { kind: WorkResultKind.ADDITIONAL }, null],
    [
      "accepts an additional RHK cascading from the assessor's plan",
      { kind: WorkResultKind.ADDITIONAL, parent: fromSari },
      null,
    ],
    [
      "refuses an additional RHK cascading from someone else's plan",
      { kind: WorkResultKind.ADDITIONAL, parent: fromSuarta },
      "An additional RHK may have no parent, but a parent must be one RHK of your assessor's plan (Ni Luh Made Sari, 2027); this parent is from I Wayan Suarta's plan.",
    ],
    [
      'names the assessor from their plan when the assessor name is not given',
      { assessorName: null, periodName: undefined, parent: fromSuarta },
      "A main RHK must cascade from one RHK of your assessor's plan (Ni Luh Made Sari); this parent is from I Wayan Suarta's plan.",
    ],
  ])('%s', (_name, change, expected) => {
    expect(cascadeProblem({ ...base, ...change })).toBe(expected);
  });
});

describe('indicatorProblems', () => {
  const { QUANTITY, QUALITY, TIME } = ResultAspect;
  it('refuses a target so large that progress sums stop being numbers (1e308)', () => {
    const quantity = { aspect: QUANTITY, text: 'Jumlah dokumen', targetUnit: 'Dokumen' };
    expect(indicatorProblems({ ...quantity, targetValue: 1e308 })).toEqual([
      { field: 'targetValue', message: `The target can be at most ${MAX_TARGET_VALUE}.` },
    ]);
    expect(indicatorProblems({ ...quantity, targetValue: MAX_TARGET_VALUE })).toEqual([]);
  });

  it.each<[string, Parameters<typeof indicatorProblems>[0], FieldProblem[]]>([
    [
      'accepts a quantity indicator with value and unit',
      { aspect: QUANTITY, text: 'Jumlah dokumen renstra', targetValue: 2, targetUnit: 'Dokumen' },
      [],
    ],
    [
      'accepts a quality indicator with a percentage target',
      { aspect: QUALITY, text: 'Kesesuaian', targetValue: 100, targetUnit: '%', targetText: '  ' },
      [],
    ],
    [
      'accepts a quality indicator with a target text',
      {
        aspect: QUALITY,
        text: 'Kualitas',
        targetText: 'Tanpa catatan dari inspektorat',
        targetValue: null,
        targetUnit: null,
      },
      [],
    ],
    [
      'accepts a fractional target',
      { aspect: TIME, text: 'Waktu', targetValue: 0.5, targetUnit: 'Bulan' },
      [],
    ],
    [
      'refuses an unknown aspect',
      { aspect: 'SPEED' as ResultAspect, text: 'Cepat', targetText: 'Cepat sekali' },
      [
        {
          field: 'aspect',
          message: 'Choose the aspect of the indicator: quantity, quality, time or cost.',
        },
      ],
    ],
    [
      'refuses an empty text',
      { aspect: QUANTITY, text: '   ', targetValue: 1, targetUnit: 'Dokumen' },
      [{ field: 'text', message: 'Write the indicator; it cannot be empty.' }],
    ],
    [
      'refuses a text over 1000 characters',
      { aspect: QUANTITY, text: 'a'.repeat(1001), targetValue: 1, targetUnit: 'Dokumen' },
      [{ field: 'text', message: 'The indicator can be at most 1000 characters; it has 1001.' }],
    ],
    [
      'accepts a text of exactly 1000 characters',
      { aspect: QUANTITY, text: 'a'.repeat(1000), targetValue: 1, targetUnit: 'Dokumen' },
      [],
    ],
    [
      'refuses a quantity indicator with a target text',
      { aspect: QUANTITY, text: 'Jumlah', targetText: 'Banyak' },
      [
        {
          field: 'targetText',
          message:
            'A quantity indicator has a numeric target (value and unit, e.g. 2 Dokumen), not a target text: leave the text empty.',
        },
        {
          field: 'targetValue',
          message: 'A quantity indicator needs a target value greater than 0, e.g. 2 (Dokumen).',
        },
        { field: 'targetUnit', message: 'Give the unit of the target, e.g. Dokumen, % or Bulan.' },
      ],
    ],
    [
      'refuses a quality indicator with both a numeric target and a target text',
      { aspect: QUALITY, text: 'Mutu', targetValue: 100, targetUnit: '%', targetText: 'Sempurna' },
      [
        {
          field: 'targetText',
          message: 'Give either a quantitative target (value and unit) or a target text, not both.',
        },
      ],
    ],
    [
      'refuses a quality indicator with neither target',
      { aspect: QUALITY, text: 'Mutu' },
      [
        {
          field: 'targetText',
          message:
            'Give a target: either a value with its unit (e.g. 2 Dokumen) or a target text describing the expected result.',
        },
      ],
    ],
    [
      'refuses a target value of 0',
      { aspect: QUANTITY, text: 'Jumlah', targetValue: 0, targetUnit: 'Dokumen' },
      [
        {
          field: 'targetValue',
          message: 'The target value must be a number greater than 0, e.g. 2 or 100.',
        },
      ],
    ],
    [
      'refuses a negative target value',
      { aspect: QUANTITY, text: 'Jumlah', targetValue: -2, targetUnit: 'Dokumen' },
      [
        {
          field: 'targetValue',
          message: 'The target value must be a number greater than 0, e.g. 2 or 100.',
        },
      ],
    ],
    [
      'refuses an infinite target value',
      { aspect: QUANTITY, text: 'Jumlah', targetValue: Infinity, targetUnit: 'Dokumen' },
      [
        {
          field: 'targetValue',
          message: 'The target value must be a number greater than 0, e.g. 2 or 100.',
        },
      ],
    ],
    [
      'refuses a target value that is not a number',
      { aspect: QUANTITY, text: 'Jumlah', targetValue: NaN, targetUnit: 'Dokumen' },
      [
        {
          field: 'targetValue',
          message: 'The target value must be a number greater than 0, e.g. 2 or 100.',
        },
      ],
    ],
    [
      'refuses a target value without unit',
      { aspect: TIME, text: 'Waktu', targetValue: 12 },
      [{ field: 'targetUnit', message: 'Give the unit of the target, e.g. Dokumen, % or Bulan.' }],
    ],
    [
      'refuses a unit without target value',
      { aspect: TIME, text: 'Waktu', targetUnit: 'Bulan' },
      [
        {
          field: 'targetValue',
          message: 'Give the target value, a number greater than 0, with its unit (e.g. 100 %).',
        },
      ],
    ],
    [
      'refuses a unit over 60 characters',
      { aspect: QUANTITY, text: 'Jumlah', targetValue: 1, targetUnit: 'u'.repeat(61) },
      [{ field: 'targetUnit', message: 'The unit can be at most 60 characters; it has 61.' }],
    ],
    [
      'refuses a target text over 1000 characters',
      { aspect: QUALITY, text: 'Mutu', targetText: 't'.repeat(1001) },
      [
        {
          field: 'targetText',
          message: 'The target text can be at most 1000 characters; it has 1001.',
        },
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(indicatorProblems(input)).toEqual(expected);
  });
});

describe('workResultTextProblems', () => {
  it.each<[string, string, FieldProblem[]]>([
    ['accepts a short text', 'Tersusunnya dokumen Renstra', []],
    ['accepts 2000 characters after trimming', `  ${'a'.repeat(2000)}  `, []],
    [
      'refuses an empty text',
      '',
      [{ field: 'text', message: 'Write the work result (RHK); it cannot be empty.' }],
    ],
    [
      'refuses a text of only spaces',
      ' \n\t ',
      [{ field: 'text', message: 'Write the work result (RHK); it cannot be empty.' }],
    ],
    [
      'refuses a text over 2000 characters',
      'a'.repeat(2001),
      [
        {
          field: 'text',
          message: 'The work result (RHK) can be at most 2000 characters; it has 2001.',
        },
      ],
    ],
    ['counts an emoji as one character', '😀'.repeat(2000), []],
  ])('%s', (_name, text, expected) => {
    expect(workResultTextProblems(text)).toEqual(expected);
  });
});

describe('submitProblems', () => {
  const main = (text: string, hasParent = true, indicatorCount = 1) => ({
    kind: WorkResultKind.MAIN,
    text,
    hasParent,
    indicatorCount,
  });
  const extra = (text: string, indicatorCount = 1) => ({
    kind: WorkResultKind.ADDITIONAL,
    text,
    hasParent: false,
    indicatorCount,
  });
  const long = `Meningkatnya kualitas layanan administrasi kependudukan di ${'seluruh kecamatan '.repeat(3)}`;

  it.each<[string, Parameters<typeof submitProblems>[0], string[]]>([
    [
      'accepts a complete plan',
      { parentOptional: false, workResults: [main('Renstra'), extra('Piket')] },
      [],
    ],
    [
      'accepts main RHK without parent when the parent is optional',
      { parentOptional: true, workResults: [main('Perjanjian kinerja', false)] },
      [],
    ],
    [
      'refuses a plan without any RHK',
      { parentOptional: false, workResults: [] },
      ['A plan needs at least one main RHK before it can be submitted.'],
    ],
    [
      'refuses a plan with only additional RHK',
      { parentOptional: false, workResults: [extra('Piket')] },
      ['A plan needs at least one main RHK before it can be submitted.'],
    ],
    [
      'names every RHK without an indicator',
      { parentOptional: false, workResults: [main('Renstra', true, 0), extra('Piket', 0)] },
      [
        'The RHK "Renstra" needs at least one indicator (IKI).',
        'The RHK "Piket" needs at least one indicator (IKI).',
      ],
    ],
    [
      'names a main RHK without parent',
      { parentOptional: false, workResults: [main('Renstra', false)] },
      ['The main RHK "Renstra" needs a parent RHK from your assessor\'s plan.'],
    ],
    [
      'truncates a long RHK text to 60 characters',
      { parentOptional: false, workResults: [main(long, false, 0)] },
      [
        'The RHK "Meningkatnya kualitas layanan administrasi kependudukan di…" needs at least one indicator (IKI).',
        'The main RHK "Meningkatnya kualitas layanan administrasi kependudukan di…" needs a parent RHK from your assessor\'s plan.',
      ],
    ],
  ])('%s', (_name, plan, expected) => {
    expect(submitProblems(plan)).toEqual(expected);
  });
});

describe('progressOf', () => {
  it.each<[string, number | null, number | null, number | null]>([
    ['divides achieved by target', 1, 2, 0.5],
    ['does not cap progress above the target', 3, 2, 1.5],
    ['reports zero progress for nothing achieved', 0, 12, 0],
    ['returns null without achieved', null, 2, null],
    ['returns null without target', 1, null, null],
    ['returns null for a target of 0', 1, 0, null],
    ['returns null for a non-finite target', 1, Infinity, null],
  ])('%s', (_name, achieved, target, expected) => {
    expect(progressOf(achieved, target)).toBe(expected);
  });
});

describe('meanProgress', () => {
  it.each<[string, (number | null)[], number | null]>([
    ['averages the known values', [0.5, 1, 1.5], 1],
    ['ignores unknown values', [null, 0.25, null, 0.75], 0.5],
    ['returns null when every value is unknown', [null, null], null],
    ['returns null for no values', [], null],
  ])('%s', (_name, values, expected) => {
    expect(meanProgress(values)).toBe(expected);
  });
});
