import { describe, expect, it } from 'vitest';
import reference from '../../db/reference/asn-reference.json' with { type: 'json' };
import {
  appealDeadline,
  appealWindowProblem,
  type AppraisalAction,
  type AppraisalStatusValue as AppraisalStatus,
  appraisalTransition,
  checkDistribution,
  DEFAULT_PATTERNS,
  type DistributionRule,
  functionalCreditPercent,
  meanRatingScore,
  ORG_RATINGS,
  type OrgRatingValue as OrgRating,
  patternProblems,
  peerAggregateVisible,
  type PredikatValue as Predikat,
  PREDIKAT_NAMES,
  predikatOf,
  PREDIKATS,
  type RatingValue as Rating,
  ratingOfScore,
  RATINGS,
} from './evaluation.rules.js';

type Counts = Partial<Record<Predikat, number>>;

describe('reference data', () => {
  it('lists ratings, predikat and organisation ratings in the order of the reference data', () => {
    expect(RATINGS).toEqual(reference.ratingLevels.levels.map((l) => l.key));
    expect(PREDIKATS).toEqual(reference.predikat.levels.map((l) => l.key));
    expect(ORG_RATINGS).toEqual(reference.organisationPredikat.levels.map((l) => l.key));
  });

  it('names each predikat with its official Indonesian name', () => {
    expect(PREDIKAT_NAMES).toEqual({
      VERY_GOOD: 'Sangat Baik',
      GOOD: 'Baik',
      NEEDS_IMPROVEMENT: 'Butuh Perbaikan',
      POOR: 'Kurang/Misconduct',
      VERY_POOR: 'Sangat Kurang',
    });
  });

  it('takes the default distribution patterns unchanged from the reference data', () => {
    expect(DEFAULT_PATTERNS).toEqual(reference.organisationPredikat.distributionPatterns);
  });

  it('keeps the defaults frozen so that no caller can change them for everyone', () => {
    expect(Object.isFrozen(DEFAULT_PATTERNS.GOOD.rules)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PATTERNS.GOOD.rules[0])).toBe(true);
  });
});

describe('predikatOf', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['ABOVE', 'ABOVE', 'VERY_GOOD'],
    ['ABOVE', 'MEETS', 'GOOD'],
    ['ABOVE', 'BELOW', 'POOR'],
    ['MEETS', 'ABOVE', 'GOOD'],
    ['MEETS', 'MEETS', 'GOOD'],
    ['MEETS', 'BELOW', 'POOR'],
    ['BELOW', 'ABOVE', 'NEEDS_IMPROVEMENT'],
    ['BELOW', 'MEETS', 'NEEDS_IMPROVEMENT'],
    ['BELOW', 'BELOW', 'VERY_POOR'],
  ])('gives results %s with behaviour %s the predikat %s', (result, behaviour, expected) => {
    expect(predikatOf(result, behaviour)).toBe(expected);
  });

  it('refuses a value that is not a rating', () => {
    expect(() => predikatOf('GREAT' as Rating, 'MEETS')).toThrow(/ABOVE, MEETS or BELOW/);
  });
});

describe('checkDistribution against the default patterns', () => {
  const rulesOf = (org: OrgRating) => DEFAULT_PATTERNS[org].rules;

  it.each<[string, OrgRating, Counts]>([
    ['OUTSTANDING accepts 70% Sangat Baik', 'OUTSTANDING', { VERY_GOOD: 7, GOOD: 3 }],
    [
      'OUTSTANDING accepts 2 Sangat Baik of 3 (70% of 3 rounds down to 2)',
      'OUTSTANDING',
      { VERY_GOOD: 2, POOR: 1 },
    ],
    [
      'GOOD accepts 70% Baik with one Butuh Perbaikan',
      'GOOD',
      { VERY_GOOD: 2, GOOD: 7, NEEDS_IMPROVEMENT: 1 },
    ],
    [
      'GOOD accepts one Kurang/Misconduct instead of Butuh Perbaikan',
      'GOOD',
      { GOOD: 7, POOR: 1, VERY_POOR: 2 },
    ],
    ['GOOD accepts 2 Baik of 3 (floor 2.1 = 2)', 'GOOD', { GOOD: 2, NEEDS_IMPROVEMENT: 1 }],
    [
      'NEEDS_IMPROVEMENT accepts 60% Butuh Perbaikan and 10% Sangat Baik',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 6, GOOD: 3, VERY_GOOD: 1 },
    ],
    [
      'NEEDS_IMPROVEMENT accepts 3 Butuh Perbaikan of 4 (ceil 2.4 = 3)',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 3, GOOD: 1 },
    ],
    [
      'NEEDS_IMPROVEMENT accepts 9 appraisals without Sangat Baik',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 6, GOOD: 3 },
    ],
    [
      'POOR accepts 60% Kurang/Misconduct, 10% Butuh Perbaikan, 10% Sangat Baik',
      'POOR',
      { POOR: 6, NEEDS_IMPROVEMENT: 1, VERY_GOOD: 1, GOOD: 2 },
    ],
    [
      'POOR accepts 3 Butuh Perbaikan of 30 (10% of 30 is exactly 3)',
      'POOR',
      { POOR: 18, NEEDS_IMPROVEMENT: 3, GOOD: 9 },
    ],
    [
      'VERY_POOR accepts 60% Sangat Kurang and 10% Kurang/Misconduct or Butuh Perbaikan',
      'VERY_POOR',
      { VERY_POOR: 6, POOR: 1, GOOD: 3 },
    ],
    [
      'VERY_POOR counts Butuh Perbaikan towards its second rule too',
      'VERY_POOR',
      { VERY_POOR: 6, NEEDS_IMPROVEMENT: 4 },
    ],
  ])('%s', (_name, org, counts) => {
    const check = checkDistribution(counts, rulesOf(org));
    expect(check.checks.map((c) => c.problem)).toEqual(check.checks.map(() => null));
    expect(check.holds).toBe(true);
  });

  it.each<[string, OrgRating, Counts, (string | null)[]]>([
    [
      'OUTSTANDING refuses 80% Sangat Baik',
      'OUTSTANDING',
      { VERY_GOOD: 8, GOOD: 2 },
      ['Sangat Baik: 8 of 10, but at most 7 are allowed (70%); move 1 to another predikat.'],
    ],
    [
      'OUTSTANDING refuses 3 Sangat Baik of 3',
      'OUTSTANDING',
      { VERY_GOOD: 3 },
      [
        'Sangat Baik: 3 of 3, but at most 2 are allowed (70%, rounded down); move 1 to another predikat.',
      ],
    ],
    [
      'GOOD refuses 80% Baik',
      'GOOD',
      { GOOD: 8, NEEDS_IMPROVEMENT: 2 },
      ['Baik: 8 of 10, but at most 7 are allowed (70%); move 1 to another predikat.', null],
    ],
    [
      'GOOD refuses 3 Baik of 3 (floor 2.1 = 2), which also leaves no Butuh Perbaikan',
      'GOOD',
      { GOOD: 3 },
      [
        'Baik: 3 of 3, but at most 2 are allowed (70%, rounded down); move 1 to another predikat.',
        'Butuh Perbaikan or Kurang/Misconduct: 0 of 3, but at least 1 is needed; move 1 from another predikat.',
      ],
    ],
    [
      'GOOD refuses a unit without Butuh Perbaikan or Kurang/Misconduct',
      'GOOD',
      { VERY_GOOD: 3, GOOD: 7 },
      [
        null,
        'Butuh Perbaikan or Kurang/Misconduct: 0 of 10, but at least 1 is needed; move 1 from another predikat.',
      ],
    ],
    [
      'NEEDS_IMPROVEMENT refuses 50% Butuh Perbaikan',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 5, GOOD: 5 },
      [
        'Butuh Perbaikan: 5 of 10, but at least 6 are needed (60%); move 1 from another predikat.',
        null,
      ],
    ],
    [
      'NEEDS_IMPROVEMENT refuses 2 Butuh Perbaikan of 4 (ceil 2.4 = 3)',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 2, GOOD: 2 },
      [
        'Butuh Perbaikan: 2 of 4, but at least 3 are needed (60%, rounded up); move 1 from another predikat.',
        null,
      ],
    ],
    [
      'NEEDS_IMPROVEMENT refuses 20% Sangat Baik',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 6, VERY_GOOD: 2, GOOD: 2 },
      [null, 'Sangat Baik: 2 of 10, but at most 1 is allowed (10%); move 1 to another predikat.'],
    ],
    [
      'NEEDS_IMPROVEMENT refuses any Sangat Baik among 9 (floor 0.9 = 0)',
      'NEEDS_IMPROVEMENT',
      { NEEDS_IMPROVEMENT: 6, VERY_GOOD: 1, GOOD: 2 },
      [
        null,
        'Sangat Baik: 1 of 9, but none is allowed (10%, rounded down); move 1 to another predikat.',
      ],
    ],
    [
      'POOR refuses 50% Kurang/Misconduct',
      'POOR',
      { POOR: 5, NEEDS_IMPROVEMENT: 1, GOOD: 4 },
      [
        'Kurang/Misconduct: 5 of 10, but at least 6 are needed (60%); move 1 from another predikat.',
        null,
        null,
      ],
    ],
    [
      'POOR refuses a unit without Butuh Perbaikan',
      'POOR',
      { POOR: 6, GOOD: 4 },
      [
        null,
        'Butuh Perbaikan: 0 of 10, but at least 1 is needed (10%); move 1 from another predikat.',
        null,
      ],
    ],
    [
      'POOR refuses 2 Butuh Perbaikan of 30 (10% of 30 is 3, not 4)',
      'POOR',
      { POOR: 18, NEEDS_IMPROVEMENT: 2, GOOD: 10 },
      [
        null,
        'Butuh Perbaikan: 2 of 30, but at least 3 are needed (10%); move 1 from another predikat.',
        null,
      ],
    ],
    [
      'POOR refuses 20% Sangat Baik',
      'POOR',
      { POOR: 6, NEEDS_IMPROVEMENT: 2, VERY_GOOD: 2 },
      [
        null,
        null,
        'Sangat Baik: 2 of 10, but at most 1 is allowed (10%); move 1 to another predikat.',
      ],
    ],
    [
      'VERY_POOR refuses 50% Sangat Kurang',
      'VERY_POOR',
      { VERY_POOR: 5, POOR: 5 },
      [
        'Sangat Kurang: 5 of 10, but at least 6 are needed (60%); move 1 from another predikat.',
        null,
        null,
      ],
    ],
    [
      'VERY_POOR refuses a unit without Kurang/Misconduct or Butuh Perbaikan',
      'VERY_POOR',
      { VERY_POOR: 8, GOOD: 2 },
      [
        null,
        'Kurang/Misconduct or Butuh Perbaikan: 0 of 10, but at least 1 is needed (10%); move 1 from another predikat.',
        null,
      ],
    ],
    [
      'VERY_POOR refuses any Sangat Baik',
      'VERY_POOR',
      { VERY_POOR: 7, POOR: 2, VERY_GOOD: 1 },
      [null, null, 'Sangat Baik: 1 of 10, but none is allowed (0%); move 1 to another predikat.'],
    ],
  ])('%s', (_name, org, counts, problems) => {
    const check = checkDistribution(counts, rulesOf(org));
    expect(check.checks.map((c) => c.problem)).toEqual(problems);
    expect(check.checks.map((c) => c.holds)).toEqual(problems.map((p) => p === null));
    expect(check.holds).toBe(false);
  });

  it.each(ORG_RATINGS)(
    'lets every rule of the %s pattern hold in a unit without appraisals',
    (org) => {
      const check = checkDistribution({}, rulesOf(org));
      expect(check.total).toBe(0);
      expect(check.holds).toBe(true);
      expect(check.checks.every((c) => c.holds && c.problem === null && c.share === 0)).toBe(true);
      expect(Object.values(check.shares)).toEqual([0, 0, 0, 0, 0]);
    },
  );

  it('describes each rule with its share and, in a unit with appraisals, the counts it allows', () => {
    expect(
      checkDistribution({ VERY_GOOD: 7, GOOD: 3 }, rulesOf('OUTSTANDING')).checks[0].description,
    ).toBe('Sangat Baik at most 70% (at most 7 of 10)');
    const good = checkDistribution({ GOOD: 7, POOR: 3 }, rulesOf('GOOD')).checks;
    expect(good[1].description).toBe('Butuh Perbaikan or Kurang/Misconduct at least 1');
    const needs = checkDistribution(
      { NEEDS_IMPROVEMENT: 6, GOOD: 4 },
      rulesOf('NEEDS_IMPROVEMENT'),
    ).checks;
    expect(needs[0].description).toBe('Butuh Perbaikan at least 60% (at least 6 of 10)');
    expect(checkDistribution({}, rulesOf('NEEDS_IMPROVEMENT')).checks[0].description).toBe(
      'Butuh Perbaikan at least 60%',
    );
  });

  it('reports counts, shares and the counts allowed or required by each rule', () => {
    const check = checkDistribution({ GOOD: 3, NEEDS_IMPROVEMENT: 1 }, rulesOf('GOOD'));
    expect(check.total).toBe(4);
    expect(check.counts).toEqual({
      VERY_GOOD: 0,
      GOOD: 3,
      NEEDS_IMPROVEMENT: 1,
      POOR: 0,
      VERY_POOR: 0,
    });
    expect(check.shares).toEqual({
      VERY_GOOD: 0,
      GOOD: 0.75,
      NEEDS_IMPROVEMENT: 0.25,
      POOR: 0,
      VERY_POOR: 0,
    });
    expect(check.checks[0]).toMatchObject({
      count: 3,
      share: 0.75,
      allowedMax: 2,
      requiredMin: null,
      holds: false,
    });
    expect(check.checks[1]).toMatchObject({
      count: 1,
      share: 0.25,
      allowedMax: null,
      requiredMin: 1,
      holds: true,
    });
  });

  it('requires the larger of a minimum share and a minimum count in one rule', () => {
    const rules: DistributionRule[] = [{ predikat: ['POOR'], min: 0.1, minCount: 2 }];
    const check = checkDistribution({ POOR: 1, GOOD: 9 }, rules);
    expect(check.checks[0].requiredMin).toBe(2);
    expect(check.checks[0].problem).toBe(
      'Kurang/Misconduct: 1 of 10, but at least 2 are needed; move 1 from another predikat.',
    );
  });

  it.each<[string, Counts]>([
    ['a negative count', { GOOD: -1 }],
    ['a fractional count', { GOOD: 1.5 }],
    ['a count for something that is not a predikat', { EXCELLENT: 1 } as Counts],
  ])('refuses %s', (_name, counts) => {
    expect(() => checkDistribution(counts, rulesOf('GOOD'))).toThrow(RangeError);
  });
});

describe('patternProblems', () => {
  it.each(ORG_RATINGS)('accepts the default %s pattern', (org) => {
    expect(patternProblems(DEFAULT_PATTERNS[org].rules)).toEqual([]);
  });

  it.each<[string, DistributionRule[]]>([
    [
      'a rule with both a minimum and a maximum share',
      [{ predikat: ['GOOD'], min: 0.2, max: 0.7 }],
    ],
    [
      'a minimum equal to the maximum of the same predikat in another rule',
      [
        { predikat: ['VERY_GOOD'], min: 0.5 },
        { predikat: ['VERY_GOOD'], max: 0.5 },
      ],
    ],
    [
      'minimums that add up to 100% on disjoint sets (an even unit meets them)',
      [
        { predikat: ['VERY_GOOD'], min: 0.5 },
        { predikat: ['GOOD'], min: 0.5 },
      ],
    ],
    [
      'three overlapping pairs of exactly 50% (a unit of 4 meets them)',
      [
        { predikat: ['VERY_GOOD', 'GOOD'], min: 0.5, max: 0.5 },
        { predikat: ['GOOD', 'NEEDS_IMPROVEMENT'], min: 0.5, max: 0.5 },
        { predikat: ['VERY_GOOD', 'NEEDS_IMPROVEMENT'], min: 0.5, max: 0.5 },
      ],
    ],
    [
      'a minimum count that only larger units can meet',
      [{ predikat: ['VERY_GOOD'], max: 0.1, minCount: 5 }],
    ],
    ['a minimum count of 0 and a maximum of 100%', [{ predikat: ['GOOD'], minCount: 0, max: 1 }]],
  ])('accepts %s', (_name, rules) => {
    expect(patternProblems(rules)).toEqual([]);
  });

  it.each<[string, DistributionRule[], string, string]>([
    ['no rules', [], 'rules', 'A distribution pattern needs at least one rule.'],
    [
      'a rule naming no predikat',
      [{ predikat: [], max: 0.5 }],
      'rules[0].predikat',
      'Rule 1 must name at least one predikat (VERY_GOOD, GOOD, NEEDS_IMPROVEMENT, POOR, VERY_POOR).',
    ],
    [
      'a rule naming an unknown predikat',
      [
        { predikat: ['GOOD'], max: 0.7 },
        { predikat: ['EXCELLENT' as Predikat], max: 0.5 },
      ],
      'rules[1].predikat',
      'Rule 2 names "EXCELLENT", which is not a predikat; use VERY_GOOD, GOOD, NEEDS_IMPROVEMENT, POOR or VERY_POOR.',
    ],
    [
      'a rule naming a predikat twice',
      [{ predikat: ['GOOD', 'GOOD'], max: 0.7 }],
      'rules[0].predikat',
      'Rule 1 names GOOD more than once; name each predikat once.',
    ],
    [
      'a maximum above 1',
      [{ predikat: ['GOOD'], max: 70 }],
      'rules[0].max',
      'Rule 1: the maximum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got 70.',
    ],
    [
      'a negative minimum',
      [{ predikat: ['GOOD'], min: -0.1 }],
      'rules[0].min',
      'Rule 1: the minimum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got -0.1.',
    ],
    [
      'a maximum that is not a number',
      [{ predikat: ['GOOD'], max: NaN }],
      'rules[0].max',
      'Rule 1: the maximum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got NaN.',
    ],
    [
      'an infinite minimum',
      [{ predikat: ['GOOD'], min: Infinity }],
      'rules[0].min',
      'Rule 1: the minimum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got Infinity.',
    ],
    [
      'a fractional minimum count',
      [{ predikat: ['POOR'], minCount: 1.5 }],
      'rules[0].minCount',
      'Rule 1: the minimum count must be a whole number of 0 or more; got 1.5.',
    ],
    [
      'a negative minimum count',
      [{ predikat: ['POOR'], minCount: -1 }],
      'rules[0].minCount',
      'Rule 1: the minimum count must be a whole number of 0 or more; got -1.',
    ],
    [
      'a rule without max, min or minCount',
      [{ predikat: ['POOR'] }],
      'rules[0]',
      'Rule 1 needs a maximum share (max), a minimum share (min) or a minimum count (minCount).',
    ],
    [
      'a minimum above the maximum in one rule',
      [{ predikat: ['GOOD'], min: 0.8, max: 0.7 }],
      'rules[0].min',
      'Rule 1: the minimum (80%) is above the maximum (70%); the minimum must be at most the maximum.',
    ],
    [
      'a minimum above the maximum of the same predikat in another rule',
      [
        { predikat: ['VERY_GOOD'], min: 0.6 },
        { predikat: ['VERY_GOOD'], max: 0.5 },
      ],
      'rules[0].min',
      'Rule 1 asks for Sangat Baik at least 60%, but rule 2 allows at most 50%; for the same predikat the minimum must be at most the maximum.',
    ],
    [
      'a minimum above the maximum of the same set written in another order',
      [
        { predikat: ['GOOD', 'POOR'], max: 0.3 },
        { predikat: ['POOR', 'GOOD'], min: 0.4 },
      ],
      'rules[1].min',
      'Rule 2 asks for Kurang/Misconduct or Baik at least 40%, but rule 1 allows at most 30%; for the same predikat the minimum must be at most the maximum.',
    ],
    [
      'minimums on disjoint sets that add up to more than 100%',
      [
        { predikat: ['GOOD'], min: 0.7 },
        { predikat: ['POOR'], min: 0.6 },
      ],
      'rules',
      'Rules 1 and 2 cannot all hold together in any unit of 1 to 200 appraisals (Baik at least 70%; Kurang/Misconduct at least 60%); lower a minimum or raise a maximum so that some distribution meets every rule.',
    ],
    [
      'rules that conflict only through rounding (50% + 50% + one more)',
      [
        { predikat: ['VERY_GOOD'], min: 0.5 },
        { predikat: ['GOOD'], min: 0.5 },
        { predikat: ['POOR'], minCount: 1 },
      ],
      'rules',
      'Rules 1, 2 and 3 cannot all hold together in any unit of 1 to 200 appraisals (Sangat Baik at least 50%; Baik at least 50%; Kurang/Misconduct at least 1); lower a minimum or raise a maximum so that some distribution meets every rule.',
    ],
    [
      'a conflict between a set and its complement',
      [
        { predikat: ['VERY_POOR'], min: 0.6 },
        { predikat: ['VERY_GOOD', 'GOOD', 'NEEDS_IMPROVEMENT', 'POOR'], min: 0.5 },
      ],
      'rules',
      'Rules 1 and 2 cannot all hold together in any unit of 1 to 200 appraisals (Sangat Kurang at least 60%; Sangat Baik, Baik, Butuh Perbaikan or Kurang/Misconduct at least 50%); lower a minimum or raise a maximum so that some distribution meets every rule.',
    ],
    [
      'a minimum count that no unit of up to 200 appraisals can meet with its maximum',
      [
        { predikat: ['GOOD'], max: 0.7 },
        { predikat: ['VERY_GOOD'], max: 0.1, minCount: 21 },
      ],
      'rules',
      'Rule 2 cannot hold in any unit of 1 to 200 appraisals (Sangat Baik at least 21 and at most 10%); lower a minimum or raise a maximum so that some distribution meets every rule.',
    ],
    [
      'a rule that caps every predikat together below 100%',
      [{ predikat: ['VERY_GOOD', 'GOOD', 'NEEDS_IMPROVEMENT', 'POOR', 'VERY_POOR'], max: 0.9 }],
      'rules',
      'Rule 1 cannot hold in any unit of 1 to 200 appraisals (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang at most 90%); lower a minimum or raise a maximum so that some distribution meets every rule.',
    ],
  ])('refuses %s', (_name, rules, field, message) => {
    expect(patternProblems(rules)).toEqual([{ field, message }]);
  });

  it('names only the rules that conflict, leaving out a rule that is not involved', () => {
    const problems = patternProblems([
      { predikat: ['GOOD'], min: 0.7 },
      { predikat: ['VERY_GOOD'], max: 0.1 },
      { predikat: ['NEEDS_IMPROVEMENT', 'POOR'], min: 0.4 },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^Rules 1 and 3 cannot all hold together/);
  });

  it('reports every problem of every rule at once', () => {
    const problems = patternProblems([
      { predikat: ['GOOD', 'GOOD'], max: 2 },
      { predikat: ['POOR'], minCount: -1 },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'rules[0].predikat',
      'rules[0].max',
      'rules[1].minCount',
    ]);
  });
});

describe('appeal window', () => {
  // 26 February 2027, 10:00 in Denpasar (WITA, UTC+8).
  const finalised = new Date('2027-02-26T10:00:00+08:00');

  it('ends at the last millisecond of the 14th day after finalising, Denpasar time', () => {
    expect(appealDeadline(finalised, 14).toISOString()).toBe('2027-03-12T15:59:59.999Z');
  });

  it.each<[string, string, number, string | null]>([
    [
      'accepts an appeal on the day the appraisal became final',
      '2027-02-26T10:00:01+08:00',
      14,
      null,
    ],
    ['accepts an appeal late on the last day', '2027-03-12T23:59:59+08:00', 14, null],
    [
      'refuses an appeal at midnight starting the next day',
      '2027-03-13T00:00:00+08:00',
      14,
      'The appeal window closed on 12 March 2027 (14 days after the appraisal became final).',
    ],
    [
      'refuses an appeal on the next day even while it is still the last day in UTC',
      '2027-03-12T16:30:00Z',
      14,
      'The appeal window closed on 12 March 2027 (14 days after the appraisal became final).',
    ],
    ['accepts an appeal on the last day of a one-day window', '2027-02-27T20:00:00+08:00', 1, null],
    [
      'refuses an appeal after a one-day window',
      '2027-02-28T00:00:00+08:00',
      1,
      'The appeal window closed on 27 February 2027 (1 day after the appraisal became final).',
    ],
    [
      'accepts an appeal on the same day with a window of 0 days',
      '2027-02-26T23:00:00+08:00',
      0,
      null,
    ],
    [
      'refuses an appeal on the next day with a window of 0 days',
      '2027-02-27T00:00:00+08:00',
      0,
      'The appeal window closed on 26 February 2027 (the day the appraisal became final).',
    ],
  ])('%s', (_name, now, windowDays, expected) => {
    expect(appealWindowProblem(finalised, new Date(now), windowDays)).toBe(expected);
  });

  it('counts days from the date in Denpasar, not in UTC', () => {
    // 27 February 01:30 in Denpasar is still 26 February in UTC.
    const lateAtNight = new Date('2027-02-26T17:30:00Z');
    expect(appealDeadline(lateAtNight, 14).toISOString()).toBe('2027-03-13T15:59:59.999Z');
    expect(appealWindowProblem(lateAtNight, new Date('2027-03-13T12:00:00+08:00'), 14)).toBeNull();
  });

  it('counts 29 February in a leap year', () => {
    expect(appealDeadline(new Date('2028-02-20T09:00:00+08:00'), 14).toISOString()).toBe(
      '2028-03-05T15:59:59.999Z',
    );
  });

  it.each<[string, Date, number]>([
    ['a negative window', finalised, -1],
    ['a fractional window', finalised, 1.5],
    ['an invalid date', new Date('not a date'), 14],
  ])('refuses %s', (_name, at, windowDays) => {
    expect(() => appealDeadline(at, windowDays)).toThrow(RangeError);
  });
});

describe('functionalCreditPercent', () => {
  it.each<[Predikat, number]>([
    ['VERY_GOOD', 150],
    ['GOOD', 100],
    ['NEEDS_IMPROVEMENT', 75],
    ['POOR', 50],
    ['VERY_POOR', 25],
  ])('converts %s to %d percent of the annual coefficient', (predikat, expected) => {
    expect(functionalCreditPercent(predikat)).toBe(expected);
    expect(functionalCreditPercent(predikat)).toBe(reference.functionalCreditPercent[predikat]);
  });

  it('refuses something that is not a predikat', () => {
    expect(() => functionalCreditPercent('EXCELLENT' as Predikat)).toThrow(RangeError);
  });
});

describe('peer feedback aggregates', () => {
  it.each<[number, number, boolean]>([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [4, 3, true],
    [0, 1, false],
    [1, 1, true],
  ])(
    'with %d responses and a minimum of %d shows aggregates: %s',
    (responses, minimum, expected) => {
      expect(peerAggregateVisible(responses, minimum)).toBe(expected);
    },
  );

  it.each<[string, number, number]>([
    ['a negative number of responses', -1, 3],
    ['a minimum of 0, which would show aggregates without responses', 0, 0],
    ['a fractional minimum', 3, 2.5],
  ])('refuses %s', (_name, responses, minimum) => {
    expect(() => peerAggregateVisible(responses, minimum)).toThrow(RangeError);
  });

  it.each<[string, Rating[], number | null]>([
    ['has no mean without responses', [], null],
    ['scores ABOVE as 3', ['ABOVE'], 3],
    ['scores MEETS as 2', ['MEETS'], 2],
    ['scores BELOW as 1', ['BELOW'], 1],
    ['averages mixed ratings', ['ABOVE', 'MEETS', 'MEETS', 'BELOW'], 2],
    ['averages to a fraction', ['ABOVE', 'ABOVE', 'MEETS'], 8 / 3],
  ])('meanRatingScore %s', (_name, ratings, expected) => {
    expect(meanRatingScore(ratings)).toBe(expected);
  });

  it('refuses a value that is not a rating in the mean', () => {
    expect(() => meanRatingScore(['ABOVE', 'GREAT' as Rating])).toThrow(RangeError);
  });

  it.each<[number, Rating]>([
    [3, 'ABOVE'],
    [2.5, 'ABOVE'],
    [2.49, 'MEETS'],
    [2, 'MEETS'],
    [1.5, 'MEETS'],
    [1.49, 'BELOW'],
    [1, 'BELOW'],
  ])('ratingOfScore rounds %d to %s', (score, expected) => {
    expect(ratingOfScore(score)).toBe(expected);
  });

  it('rounds the mean of one ABOVE and one MEETS up to ABOVE', () => {
    expect(ratingOfScore(meanRatingScore(['ABOVE', 'MEETS'])!)).toBe('ABOVE');
  });

  it.each([0.5, 3.5, NaN, Infinity])(
    'ratingOfScore refuses %d, which is not a score from 1 to 3',
    (score) => {
      expect(() => ratingOfScore(score)).toThrow(RangeError);
    },
  );
});

describe('appraisalTransition', () => {
  it.each<[AppraisalStatus, AppraisalAction, AppraisalStatus]>([
    ['DRAFT', 'SAVE', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'SAVE', 'SUBMITTED'],
    ['SUBMITTED', 'FINALISE', 'FINAL'],
    ['FINAL', 'APPEAL', 'APPEALED'],
    ['APPEALED', 'DECIDE_APPEAL', 'FINAL'],
  ])('moves a %s appraisal on %s to %s', (status, action, next) => {
    expect(appraisalTransition(status, action)).toEqual({ next });
  });

  it.each<[AppraisalStatus, AppraisalAction, RegExp]>([
    ['FINAL', 'SAVE', /final appraisal is read-only; the employee can appeal it/],
    ['APPEALED', 'SAVE', /under appeal and read-only/],
    ['SUBMITTED', 'SUBMIT', /already been submitted; the assessor can still correct it/],
    ['FINAL', 'SUBMIT', /already final/],
    ['APPEALED', 'SUBMIT', /under appeal/],
    ['DRAFT', 'FINALISE', /Only a submitted appraisal can be made final; .* submit it first/],
    ['FINAL', 'FINALISE', /already final/],
    ['APPEALED', 'FINALISE', /becomes final again when .* decides the appeal/],
    ['DRAFT', 'APPEAL', /Only a final appraisal can be appealed; this one is still a draft/],
    ['SUBMITTED', 'APPEAL', /Only a final appraisal can be appealed; this one is submitted/],
    ['APPEALED', 'APPEAL', /already under appeal; one appeal per final appraisal/],
    ['DRAFT', 'DECIDE_APPEAL', /Only an appraisal under appeal can have an appeal decided/],
    ['SUBMITTED', 'DECIDE_APPEAL', /Only an appraisal under appeal can have an appeal decided/],
    ['FINAL', 'DECIDE_APPEAL', /Only an appraisal under appeal .* no appeal pending/],
  ])('refuses to move a %s appraisal on %s and says why', (status, action, problem) => {
    const outcome = appraisalTransition(status, action);
    expect(outcome).toEqual({ problem: expect.stringMatching(problem) });
  });

  it('throws on an unknown status or action', () => {
    expect(() => appraisalTransition('ARCHIVED' as AppraisalStatus, 'SAVE')).toThrow(RangeError);
    expect(() => appraisalTransition('DRAFT', 'DELETE' as AppraisalAction)).toThrow(RangeError);
  });
});
