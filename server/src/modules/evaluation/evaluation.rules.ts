/**
 * Rules for appraisals (penilaian kinerja) (DOMAIN.md, "Evaluation"). Pure: no database, no
 * clock; the current time is always a parameter.
 *
 * The predikat matrix, the default distribution patterns, the official names and the credit
 * percentages come from `asn-reference.json`; nothing here retypes them.
 */
import reference from '../../db/reference/asn-reference.json' with { type: 'json' };
import { addDays } from '../../kernel/calendar.js';
import type { DomainError } from '../../kernel/errors.js';
import { appealReasons, appraisalReasons, distributionReasons } from './evaluation.reasons.js';

/** A problem with one input field, as text: what the `*Problems` views of the rules return. */
export interface FieldProblem {
  field: string;
  message: string;
}

function asFieldProblems(refusals: readonly DomainError[]): FieldProblem[] {
  return refusals.map((r) => ({ field: r.field ?? '', message: r.message }));
}

// The values of the `Rating`, `Predikat` and `OrgRatingLevel` enums, as the rules know them (the
// enums themselves are GraphQL types).
export type RatingValue = 'ABOVE' | 'MEETS' | 'BELOW';
export type PredikatValue = 'VERY_GOOD' | 'GOOD' | 'NEEDS_IMPROVEMENT' | 'POOR' | 'VERY_POOR';
export type OrgRatingValue = 'OUTSTANDING' | 'GOOD' | 'NEEDS_IMPROVEMENT' | 'POOR' | 'VERY_POOR';

export const RATINGS: readonly RatingValue[] = Object.freeze(['ABOVE', 'MEETS', 'BELOW']);
/** Best first, as in the reference data. */
export const PREDIKATS: readonly PredikatValue[] = Object.freeze([
  'VERY_GOOD',
  'GOOD',
  'NEEDS_IMPROVEMENT',
  'POOR',
  'VERY_POOR',
]);
/** Best first, as in the reference data. */
export const ORG_RATINGS: readonly OrgRatingValue[] = Object.freeze([
  'OUTSTANDING',
  'GOOD',
  'NEEDS_IMPROVEMENT',
  'POOR',
  'VERY_POOR',
]);

function isRating(value: unknown): value is RatingValue {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

function isPredikat(value: unknown): value is PredikatValue {
  return typeof value === 'string' && (PREDIKATS as readonly string[]).includes(value);
}

function asPredikat(value: string, where: string): PredikatValue {
  if (!isPredikat(value))
    throw new Error(`asn-reference.json: ${where} has unknown predikat "${value}".`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Predikat

const MATRIX: Readonly<Record<RatingValue, Readonly<Record<RatingValue, PredikatValue>>>> =
  Object.freeze(
    Object.fromEntries(
      RATINGS.map((result) => [
        result,
        Object.freeze(
          Object.fromEntries(
            RATINGS.map((behaviour) => [
              behaviour,
              asPredikat(
                reference.predikat.matrix[result][behaviour],
                `predikat.matrix.${result}.${behaviour}`,
              ),
            ]),
          ),
        ),
      ]),
    ) as Record<RatingValue, Record<RatingValue, PredikatValue>>,
  );

/**
 * The predikat for a pair of ratings, looked up from the matrix in the reference data, never
 * typed in. Refuses (throws) a value that is not ABOVE, MEETS or BELOW.
 */
export function predikatOf(resultRating: RatingValue, behaviourRating: RatingValue): PredikatValue {
  if (!isRating(resultRating) || !isRating(behaviourRating)) {
    throw new RangeError(
      `A rating is ABOVE, MEETS or BELOW; got "${resultRating}" and "${behaviourRating}".`,
    );
  }
  return MATRIX[resultRating][behaviourRating];
}

/** Official Indonesian names, e.g. GOOD → "Baik". */
export const PREDIKAT_NAMES: Readonly<Record<PredikatValue, string>> = Object.freeze(
  Object.fromEntries(
    reference.predikat.levels.map((level) => [
      asPredikat(level.key, 'predikat.levels'),
      level.name,
    ]),
  ) as Record<PredikatValue, string>,
);

// ---------------------------------------------------------------------------------------------
// Distribution (kurva)

/**
 * One rule of a distribution pattern, about the appraisals whose predikat is one of `predikat`:
 * `max` and `min` are shares from 0 to 1 (max counts round down, min counts round up);
 * `minCount` is an absolute number of appraisals.
 */
export interface DistributionRule {
  predikat: PredikatValue[];
  max?: number;
  min?: number;
  minCount?: number;
}

export interface PatternDefinition {
  /** The official wording of the pattern. */
  text: string;
  rules: DistributionRule[];
}

/** The published default pattern for each organisation rating. */
export const DEFAULT_PATTERNS: Readonly<Record<OrgRatingValue, PatternDefinition>> = Object.freeze(
  Object.fromEntries(
    ORG_RATINGS.map((org) => {
      const pattern = reference.organisationPredikat.distributionPatterns[org];
      const rules = (pattern.rules as Record<string, unknown>[]).map((rule, index) => {
        const copy: DistributionRule = {
          predikat: (rule.predikat as string[]).map((p) =>
            asPredikat(p, `distributionPatterns.${org}.rules[${index}]`),
          ),
        };
        for (const bound of ['max', 'min', 'minCount'] as const) {
          const value = rule[bound];
          if (typeof value === 'number') copy[bound] = value;
        }
        return Object.freeze(copy);
      });
      return [org, Object.freeze({ text: pattern.text, rules: Object.freeze(rules) })];
    }),
  ) as unknown as Record<OrgRatingValue, PatternDefinition>,
);

export interface RuleCheck {
  rule: DistributionRule;
  /**
   * e.g. "Sangat Baik at most 70% (at most 7 of 10)" / "Butuh Perbaikan or Kurang/Misconduct
   * at least 1" / "Butuh Perbaikan at least 60% (at least 6 of 10)"
   */
  description: string;
  /** Appraisals with a predikat in rule.predikat. */
  count: number;
  /** count / total (0 when total is 0). */
  share: number;
  /** floor(max × total) for a max rule (max counts round down); otherwise null. */
  allowedMax: number | null;
  /** ceil(min × total) for a min rule (min counts round up), or minCount (the larger of both). */
  requiredMin: number | null;
  holds: boolean;
  /**
   * null when it holds; otherwise what is wrong and what would fix it, e.g. "Baik: 8 of 10, but
   * at most 7 are allowed (70%); move 1 to another predikat."
   */
  problem: string | null;
}

export interface DistributionCheck {
  total: number;
  counts: Record<PredikatValue, number>;
  shares: Record<PredikatValue, number>;
  checks: RuleCheck[];
  holds: boolean;
}

/** Guards floor/ceil against binary fractions: 0.1 × 30 is 3.0000000000000004. */
const EPSILON = 1e-9;

function maxCount(fraction: number, total: number): number {
  return Math.floor(fraction * total + EPSILON);
}

function minCountOf(fraction: number, total: number): number {
  return Math.ceil(fraction * total - EPSILON);
}

function isWhole(fraction: number, total: number): boolean {
  return Math.abs(fraction * total - Math.round(fraction * total)) < EPSILON;
}

/** 0.7 → "70%", 0.125 → "12.5%". */
function percent(fraction: number): string {
  return `${Math.round(fraction * 100 * 1e6) / 1e6}%`;
}

/** ['NEEDS_IMPROVEMENT', 'POOR'] → "Butuh Perbaikan or Kurang/Misconduct". */
function predikatList(predikat: PredikatValue[]): string {
  const names = predikat.map((p) => PREDIKAT_NAMES[p] ?? p);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** "Baik at most 70%" / "Butuh Perbaikan at least 60% and at least 1", without counts. */
function ruleText(rule: DistributionRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`at least ${percent(rule.min)}`);
  if (rule.minCount !== undefined) parts.push(`at least ${rule.minCount}`);
  if (rule.max !== undefined) parts.push(`at most ${percent(rule.max)}`);
  return `${predikatList(rule.predikat)} ${parts.join(' and ')}`;
}

function checkRule(
  rule: DistributionRule,
  counts: Record<PredikatValue, number>,
  total: number,
): RuleCheck {
  const count = [...new Set(rule.predikat)].reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  const share = total === 0 ? 0 : count / total;
  const fromMin = rule.min !== undefined ? minCountOf(rule.min, total) : null;
  const requiredMin =
    fromMin === null && rule.minCount === undefined
      ? null
      : Math.max(fromMin ?? 0, rule.minCount ?? 0);
  const allowedMax = rule.max !== undefined ? maxCount(rule.max, total) : null;

  const inCounts: string[] = [];
  if (rule.min !== undefined) inCounts.push(`at least ${requiredMin}`);
  if (rule.max !== undefined) inCounts.push(`at most ${allowedMax}`);
  const description =
    inCounts.length > 0 && total > 0
      ? `${ruleText(rule)} (${inCounts.join(' and ')} of ${total})`
      : ruleText(rule);

  // With no appraisals there is nothing to finalise: every rule holds.
  let problem: string | null = null;
  const names = predikatList(rule.predikat);
  if (total > 0 && allowedMax !== null && count > allowedMax) {
    const rounded = isWhole(rule.max!, total) ? '' : ', rounded down';
    const allowed =
      allowedMax === 0
        ? 'none is allowed'
        : allowedMax === 1
          ? 'at most 1 is allowed'
          : `at most ${allowedMax} are allowed`;
    problem = `${names}: ${count} of ${total}, but ${allowed} (${percent(rule.max!)}${rounded}); move ${count - allowedMax} to another predikat.`;
  } else if (total > 0 && requiredMin !== null && count < requiredMin) {
    const needed =
      requiredMin === 1 ? 'at least 1 is needed' : `at least ${requiredMin} are needed`;
    const why =
      fromMin !== null && fromMin >= (rule.minCount ?? 0)
        ? ` (${percent(rule.min!)}${isWhole(rule.min!, total) ? '' : ', rounded up'})`
        : '';
    problem = `${names}: ${count} of ${total}, but ${needed}${why}; move ${requiredMin - count} from another predikat.`;
  }
  return {
    rule,
    description,
    count,
    share,
    allowedMax,
    requiredMin,
    holds: problem === null,
    problem,
  };
}

/**
 * Checks counts per predikat against a pattern (one that `patternRefusals` accepts). With no
 * appraisals at all every rule holds (there is nothing to finalise). Refuses (throws) a count
 * for an unknown predikat or a count that is not a whole number of 0 or more.
 */
export function checkDistribution(
  counts: Partial<Record<PredikatValue, number>>,
  rules: DistributionRule[],
): DistributionCheck {
  for (const [key, value] of Object.entries(counts)) {
    if (!isPredikat(key)) throw new RangeError(`"${key}" is not a predikat.`);
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new RangeError(
        `The count of ${key} must be a whole number of 0 or more; got ${value}.`,
      );
    }
  }
  const full = Object.fromEntries(PREDIKATS.map((p) => [p, counts[p] ?? 0])) as Record<
    PredikatValue,
    number
  >;
  const total = PREDIKATS.reduce((sum, p) => sum + full[p], 0);
  const shares = Object.fromEntries(
    PREDIKATS.map((p) => [p, total === 0 ? 0 : full[p] / total]),
  ) as Record<PredikatValue, number>;
  const checks = rules.map((rule) => checkRule(rule, full, total));
  return { total, counts: full, shares, checks, holds: checks.every((c) => c.holds) };
}

// ---------------------------------------------------------------------------------------------
// Pattern validation

/** Patterns are checked for units of 1 to this many appraisals. */
const FEASIBILITY_MAX_TOTAL = 200;

const FULL_MASK = (1 << PREDIKATS.length) - 1;

/** Bit mask of a predikat set: VERY_GOOD = 1, GOOD = 2, … */
function maskOf(predikat: PredikatValue[]): number {
  return predikat.reduce((mask, p) => mask | (1 << PREDIKATS.indexOf(p)), 0);
}

/**
 * Tightens the count interval [lo, hi] of every predikat set (indexed by bit mask) until nothing
 * changes: for disjoint sets A and B, A∪B lies within [loA + loB, hiA + hiB] and A within
 * [lo(A∪B) − hiB, hi(A∪B) − loB]. False when some interval becomes empty.
 */
function propagate(lo: number[], hi: number[]): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (let union = 1; union <= FULL_MASK; union++) {
      // Each nonempty proper subset a of union, with b its complement in union.
      for (let a = (union - 1) & union; a > 0; a = (a - 1) & union) {
        const b = union ^ a;
        if (lo[a] + lo[b] > lo[union]) {
          lo[union] = lo[a] + lo[b];
          changed = true;
        }
        if (hi[a] + hi[b] < hi[union]) {
          hi[union] = hi[a] + hi[b];
          changed = true;
        }
        if (lo[union] - hi[b] > lo[a]) {
          lo[a] = lo[union] - hi[b];
          changed = true;
        }
        if (hi[union] - lo[b] < hi[a]) {
          hi[a] = hi[union] - lo[b];
          changed = true;
        }
        if (lo[a] > hi[a] || lo[union] > hi[union]) return false;
      }
    }
  }
  return true;
}

/** Whether some whole counts per predikat meet the intervals: propagation, then splitting. */
function solvable(lo: number[], hi: number[]): boolean {
  if (!propagate(lo, hi)) return false;
  const open = PREDIKATS.findIndex((_, i) => lo[1 << i] < hi[1 << i]);
  // All counts fixed and every interval consistent with them: a solution.
  if (open < 0) return true;
  const bit = 1 << open;
  const middle = Math.floor((lo[bit] + hi[bit]) / 2);
  const lower = { lo: [...lo], hi: [...hi] };
  lower.hi[bit] = middle;
  if (solvable(lower.lo, lower.hi)) return true;
  const upper = { lo: [...lo], hi: [...hi] };
  upper.lo[bit] = middle + 1;
  return solvable(upper.lo, upper.hi);
}

/** Whether some unit of `total` appraisals meets every rule. */
function feasibleFor(rules: DistributionRule[], total: number): boolean {
  const lo = new Array<number>(FULL_MASK + 1).fill(0);
  const hi = new Array<number>(FULL_MASK + 1).fill(total);
  lo[FULL_MASK] = total;
  for (const rule of rules) {
    const mask = maskOf(rule.predikat);
    if (rule.min !== undefined) lo[mask] = Math.max(lo[mask], minCountOf(rule.min, total));
    if (rule.minCount !== undefined) lo[mask] = Math.max(lo[mask], rule.minCount);
    if (rule.max !== undefined) hi[mask] = Math.min(hi[mask], maxCount(rule.max, total));
  }
  return solvable(lo, hi);
}

/**
 * Whether some unit of 1 to 200 appraisals meets every rule. (A unit that meets the rules with
 * n appraisals scaled by a whole factor still meets them, so this also answers "for some unit
 * of 10 to 200".)
 */
function feasible(rules: DistributionRule[]): boolean {
  for (let total = 1; total <= FEASIBILITY_MAX_TOTAL; total++) {
    if (feasibleFor(rules, total)) return true;
  }
  return false;
}

/** Indexes of a smallest set of rules that cannot hold together (deletion filter). */
function conflictingRules(rules: DistributionRule[]): number[] {
  let kept = rules.map((_, index) => index);
  for (const index of rules.map((_, i) => i)) {
    const without = kept.filter((i) => i !== index);
    if (without.length > 0 && !feasible(without.map((i) => rules[i]))) kept = without;
  }
  return kept;
}

/** [0, 2] → "1 and 3", [0, 1, 2] → "1, 2 and 3". */
function ruleNumbers(indexes: number[]): string {
  const numbers = indexes.map((i) => String(i + 1));
  if (numbers.length === 1) return numbers[0];
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function isFraction(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * Why a distribution pattern is refused; empty when it is not. Refuses: no rules; a rule naming
 * no predikat, an unknown or repeated predikat; a max or min that is not a finite fraction from
 * 0 to 1; a minCount that is not a whole number of 0 or more; a rule with none of max, min and
 * minCount; a min above the max for the same predikat set (in one rule or across rules); and
 * rules that cannot all hold together in any unit of 1 to 200 appraisals. Each refusal names
 * the rule by its number (index + 1) and its field (`rules[0].max`, …).
 */
export function patternRefusals(rules: DistributionRule[]): DomainError[] {
  if (!Array.isArray(rules) || rules.length === 0) return [distributionReasons.patternEmpty()];
  const problems: DomainError[] = [];
  const valid: boolean[] = [];
  rules.forEach((rule, index) => {
    const n = index + 1;
    const at = `rules[${index}]`;
    const before = problems.length;
    if (typeof rule !== 'object' || rule === null) {
      problems.push(distributionReasons.ruleMalformed({ rule: n }, { field: at }));
      valid.push(false);
      return;
    }
    const { predikat, max, min, minCount } = rule;
    if (!Array.isArray(predikat) || predikat.length === 0) {
      problems.push(
        distributionReasons.ruleWithoutPredikat({ rule: n }, { field: `${at}.predikat` }),
      );
    } else {
      const seen = new Set<string>();
      for (const p of predikat) {
        if (!isPredikat(p)) {
          problems.push(
            distributionReasons.ruleUnknownPredikat(
              { rule: n, predikat: String(p) },
              { field: `${at}.predikat` },
            ),
          );
        } else if (seen.has(p)) {
          problems.push(
            distributionReasons.rulePredikatRepeated(
              { rule: n, predikat: p },
              { field: `${at}.predikat` },
            ),
          );
        }
        seen.add(p);
      }
    }
    if (max !== undefined && !isFraction(max)) {
      problems.push(
        distributionReasons.ruleMaxNotFraction(
          { rule: n, value: String(max) },
          { field: `${at}.max` },
        ),
      );
    }
    if (min !== undefined && !isFraction(min)) {
      problems.push(
        distributionReasons.ruleMinNotFraction(
          { rule: n, value: String(min) },
          { field: `${at}.min` },
        ),
      );
    }
    if (minCount !== undefined && !(Number.isInteger(minCount) && minCount >= 0)) {
      problems.push(
        distributionReasons.ruleMinCountInvalid(
          { rule: n, value: String(minCount) },
          { field: `${at}.minCount` },
        ),
      );
    }
    if (max === undefined && min === undefined && minCount === undefined) {
      problems.push(distributionReasons.ruleWithoutBound({ rule: n }, { field: at }));
    }
    if (isFraction(min) && isFraction(max) && min > max) {
      problems.push(
        distributionReasons.ruleMinAboveMax(
          { rule: n, min: percent(min), max: percent(max) },
          { field: `${at}.min` },
        ),
      );
    }
    valid.push(problems.length === before);
  });

  // The same predikat set with a min in one rule and a lower max in another.
  rules.forEach((rule, index) => {
    if (!valid[index] || rule.min === undefined) return;
    const mask = maskOf(rule.predikat);
    rules.forEach((other, j) => {
      if (j === index || !valid[j] || other.max === undefined) return;
      if (maskOf(other.predikat) !== mask || rule.min! <= other.max) return;
      problems.push(
        distributionReasons.ruleMinAboveOtherMax(
          {
            rule: index + 1,
            predikat: predikatList(rule.predikat),
            min: percent(rule.min!),
            otherRule: j + 1,
            max: percent(other.max),
          },
          { field: `rules[${index}].min` },
        ),
      );
    });
  });

  if (problems.length > 0) return problems;
  if (!feasible(rules)) {
    const conflict = conflictingRules(rules);
    problems.push(
      conflict.length === 1
        ? distributionReasons.ruleCannotHold({
            rule: conflict[0] + 1,
            maxTotal: FEASIBILITY_MAX_TOTAL,
            ruleText: ruleText(rules[conflict[0]]),
          })
        : distributionReasons.rulesConflict({
            rules: ruleNumbers(conflict),
            maxTotal: FEASIBILITY_MAX_TOTAL,
            ruleTexts: conflict.map((i) => ruleText(rules[i])).join('; '),
          }),
    );
  }
  return problems;
}

/** {@link patternRefusals} as `{ field, message }` pairs. */
export function patternProblems(rules: DistributionRule[]): FieldProblem[] {
  return asFieldProblems(patternRefusals(rules));
}

// ---------------------------------------------------------------------------------------------
// Appeal (keberatan)

/** Asia/Makassar (WITA) is UTC+8 all year; Indonesia has no daylight saving time. */
const MAKASSAR_OFFSET_MS = 8 * 60 * 60 * 1000;

function makassarDate(instant: Date): string {
  return new Date(instant.getTime() + MAKASSAR_OFFSET_MS).toISOString().slice(0, 10);
}

function checkAppealInput(finalisedAt: Date, windowDays: number): void {
  if (!(finalisedAt instanceof Date) || Number.isNaN(finalisedAt.getTime())) {
    throw new RangeError('The time the appraisal became final must be a valid date.');
  }
  if (!Number.isInteger(windowDays) || windowDays < 0) {
    throw new RangeError(
      `The appeal window must be a whole number of days, 0 or more; got ${windowDays}.`,
    );
  }
}

/**
 * The last instant (23:59:59.999 in Asia/Makassar, UTC+8) of the day `windowDays` calendar days
 * after the day the appraisal became final; the employee may appeal until then, that day
 * included. Refuses (throws) an invalid date or a window that is not a whole number of 0 or more.
 */
export function appealDeadline(finalisedAt: Date, windowDays: number): Date {
  checkAppealInput(finalisedAt, windowDays);
  const lastDay = addDays(makassarDate(finalisedAt), windowDays);
  return new Date(Date.parse(`${lastDay}T23:59:59.999Z`) - MAKASSAR_OFFSET_MS);
}

/**
 * Why an appeal filed at `now` is refused as too late, or null while the window is open (through
 * the last day in Asia/Makassar). Refuses (throws) what `appealDeadline` refuses, and an invalid
 * `now`.
 */
export function appealWindowRefusal(
  finalisedAt: Date,
  now: Date,
  windowDays: number,
): DomainError | null {
  const deadline = appealDeadline(finalisedAt, windowDays);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('The current time must be a valid date.');
  }
  if (now.getTime() <= deadline.getTime()) return null;
  const closedOn = makassarDate(deadline);
  if (windowDays === 0) return appealReasons.windowClosedSameDay({ closedOn });
  if (windowDays === 1) return appealReasons.windowClosedOneDay({ closedOn });
  return appealReasons.windowClosed({ closedOn, windowDays });
}

/** {@link appealWindowRefusal} as its message. */
export function appealWindowProblem(
  finalisedAt: Date,
  now: Date,
  windowDays: number,
): string | null {
  return appealWindowRefusal(finalisedAt, now, windowDays)?.message ?? null;
}

// ---------------------------------------------------------------------------------------------
// Jabatan fungsional, peer feedback

const CREDIT_PERCENT: Readonly<Record<PredikatValue, number>> = Object.freeze(
  Object.fromEntries(
    PREDIKATS.map((p) => {
      const value = (reference.functionalCreditPercent as Record<string, unknown>)[p];
      if (typeof value !== 'number') {
        throw new Error(`asn-reference.json: functionalCreditPercent has no number for ${p}.`);
      }
      return [p, value];
    }),
  ) as Record<PredikatValue, number>,
);

/**
 * For jabatan fungsional: the annual predikat as a percentage of the annual credit coefficient
 * (e.g. GOOD → 100). Refuses (throws) an unknown predikat.
 */
export function functionalCreditPercent(predikat: PredikatValue): number {
  if (!isPredikat(predikat)) throw new RangeError(`"${predikat}" is not a predikat.`);
  return CREDIT_PERCENT[predikat];
}

/**
 * Peer (360) aggregates are shown only at or above the minimum number of responses, and never
 * with no response at all. Refuses (throws) a negative or fractional number of responses and a
 * minimum that is not a whole number of 1 or more.
 */
export function peerAggregateVisible(responses: number, minimum: number): boolean {
  if (!Number.isInteger(responses) || responses < 0) {
    throw new RangeError(
      `The number of responses must be a whole number of 0 or more; got ${responses}.`,
    );
  }
  if (!Number.isInteger(minimum) || minimum < 1) {
    throw new RangeError(
      `The minimum number of responses must be a whole number of 1 or more; got ${minimum}.`,
    );
  }
  return responses >= minimum;
}

const SCORES: Readonly<Record<RatingValue, number>> = Object.freeze({
  ABOVE: 3,
  MEETS: 2,
  BELOW: 1,
});

/**
 * Mean score of ratings (of one core value) for aggregates: ABOVE = 3, MEETS = 2, BELOW = 1;
 * null with no responses. Refuses (throws) a value that is not a rating.
 */
export function meanRatingScore(ratings: RatingValue[]): number | null {
  if (ratings.length === 0) return null;
  let sum = 0;
  for (const rating of ratings) {
    if (!isRating(rating))
      throw new RangeError(`"${rating}" is not a rating (ABOVE, MEETS, BELOW).`);
    sum += SCORES[rating];
  }
  return sum / ratings.length;
}

/**
 * The rating a mean score rounds to: 2.5 or more ABOVE, 1.5 or more MEETS, else BELOW. Refuses
 * (throws) a score that is not a number from 1 to 3.
 */
export function ratingOfScore(score: number): RatingValue {
  if (!Number.isFinite(score) || score < 1 || score > 3) {
    throw new RangeError(`A mean score is a number from 1 to 3; got ${score}.`);
  }
  if (score >= 2.5) return 'ABOVE';
  if (score >= 1.5) return 'MEETS';
  return 'BELOW';
}

// ---------------------------------------------------------------------------------------------
// Appraisal status

export type AppraisalStatusValue = 'DRAFT' | 'SUBMITTED' | 'FINAL' | 'APPEALED';
export type AppraisalAction = 'SAVE' | 'SUBMIT' | 'FINALISE' | 'APPEAL' | 'DECIDE_APPEAL';

type Refusal = () => DomainError;

const APPRAISAL_TRANSITIONS: Record<
  AppraisalAction,
  Record<AppraisalStatusValue, { next: AppraisalStatusValue } | { refuse: Refusal }>
> = {
  SAVE: {
    DRAFT: { next: 'DRAFT' },
    SUBMITTED: { next: 'SUBMITTED' },
    FINAL: { refuse: appraisalReasons.finalReadOnly },
    APPEALED: { refuse: appraisalReasons.underAppeal },
  },
  SUBMIT: {
    DRAFT: { next: 'SUBMITTED' },
    SUBMITTED: { refuse: appraisalReasons.alreadySubmitted },
    FINAL: { refuse: appraisalReasons.submitFinal },
    APPEALED: { refuse: appraisalReasons.underAppeal },
  },
  FINALISE: {
    SUBMITTED: { next: 'FINAL' },
    DRAFT: { refuse: appraisalReasons.finaliseDraft },
    FINAL: { refuse: appraisalReasons.alreadyFinal },
    APPEALED: { refuse: appraisalReasons.finaliseUnderAppeal },
  },
  APPEAL: {
    FINAL: { next: 'APPEALED' },
    DRAFT: { refuse: appraisalReasons.appealDraft },
    SUBMITTED: { refuse: appraisalReasons.appealSubmitted },
    APPEALED: { refuse: appraisalReasons.alreadyAppealed },
  },
  DECIDE_APPEAL: {
    APPEALED: { next: 'FINAL' },
    DRAFT: { refuse: appraisalReasons.decideDraft },
    SUBMITTED: { refuse: appraisalReasons.decideSubmitted },
    FINAL: { refuse: appraisalReasons.decideWithoutAppeal },
  },
};

/**
 * The status after `action`, or the refusal saying why `action` is not allowed from `status`:
 * DRAFT –SAVE→ DRAFT, DRAFT –SUBMIT→ SUBMITTED, SUBMITTED –SAVE→ SUBMITTED (the assessor may
 * correct it until it is final), SUBMITTED –FINALISE→ FINAL, FINAL –APPEAL→ APPEALED,
 * APPEALED –DECIDE_APPEAL→ FINAL. Refuses everything else. The status cannot tell whether a
 * final appraisal was already appealed once: the caller checks "one appeal per appraisal".
 * Throws on an unknown status or action.
 */
export function appraisalStep(
  status: AppraisalStatusValue,
  action: AppraisalAction,
): { next: AppraisalStatusValue } | { refusal: DomainError } {
  const outcome = APPRAISAL_TRANSITIONS[action]?.[status];
  if (!outcome) throw new RangeError(`Unknown appraisal action "${action}" or status "${status}".`);
  return 'next' in outcome ? { next: outcome.next } : { refusal: outcome.refuse() };
}

/** {@link appraisalStep} with the refusal as its message. */
export function appraisalTransition(
  status: AppraisalStatusValue,
  action: AppraisalAction,
): { next: AppraisalStatusValue } | { problem: string } {
  const step = appraisalStep(status, action);
  return 'next' in step ? step : { problem: step.refusal.message };
}
