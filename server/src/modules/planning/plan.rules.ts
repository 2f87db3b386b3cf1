/**
 * Rules for periods and plans (SKP) (DOMAIN.md, "Planning"). Pure: no database, no clock.
 *
 * Dates are calendar dates written 'YYYY-MM-DD' and compared as strings; `Date` is only used in
 * UTC to check that a date exists and to count days, never to parse local time.
 */
import {
  addDays,
  checkpointOn,
  checkpointsOf,
  dateInWords,
  daysInMonth,
  isCalendarDate,
  isoDate,
  monthInWords,
  type CheckpointDates,
  type CheckpointKey,
} from '../../kernel/calendar.js';
import { PlanStatus, ResultAspect, WorkResultKind } from './planning.enums.js';

// The calendar lives in the kernel; planning's callers have long found it here.
export {
  addDays,
  checkpointOn,
  checkpointsOf,
  dateInWords,
  daysInMonth,
  isCalendarDate,
  isoDate,
  monthInWords,
  type CheckpointDates,
  type CheckpointKey,
};

export interface FieldProblem {
  field: string;
  message: string;
}

export type PlanAction =
  'EDIT' | 'SUBMIT' | 'APPROVE' | 'REQUEST_REVISION' | 'REOPEN' | 'SET_EXPECTATION';

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;
export const WORK_RESULT_TEXT_MAX = 2000;
export const INDICATOR_TEXT_MAX = 1000;
export const TARGET_UNIT_MAX = 60;
export const TARGET_TEXT_MAX = 1000;

/**
 * Problems with a period's year and windows (both ends included). Refuses: a year that is not a
 * whole number from 2000 to 2100; a window date that is not a real YYYY-MM-DD; a window that
 * closes before it opens; a planning window that opens after the year ends or closes outside the
 * year; an evaluation window that opens before the year's Triwulan IV or closes after 31 March of
 * the next year.
 */
export function periodProblems(input: {
  year: number;
  planningOpensOn: string;
  planningClosesOn: string;
  evaluationOpensOn: string;
  evaluationClosesOn: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { year } = input;
  const yearOk = Number.isInteger(year) && year >= MIN_PERIOD_YEAR && year <= MAX_PERIOD_YEAR;
  if (!yearOk) {
    problems.push({
      field: 'year',
      message: `The year must be a whole number from ${MIN_PERIOD_YEAR} to ${MAX_PERIOD_YEAR}.`,
    });
  }
  const fields = [
    'planningOpensOn',
    'planningClosesOn',
    'evaluationOpensOn',
    'evaluationClosesOn',
  ] as const;
  const real = Object.fromEntries(fields.map((f) => [f, isCalendarDate(input[f])])) as Record<
    (typeof fields)[number],
    boolean
  >;
  for (const field of fields) {
    if (!real[field]) {
      problems.push({
        field,
        message: `Enter a real calendar date written YYYY-MM-DD (e.g. 2027-01-31); "${input[field]}" is not one.`,
      });
    }
  }

  // Planning window.
  const { planningOpensOn: pOpen, planningClosesOn: pClose } = input;
  if (real.planningOpensOn && yearOk && pOpen > isoDate(year, 12, 31)) {
    problems.push({
      field: 'planningOpensOn',
      message: `Planning must open before the year ends: on or before 31 December ${year}.`,
    });
  }
  if (
    real.planningClosesOn &&
    yearOk &&
    (pClose < isoDate(year, 1, 1) || pClose > isoDate(year, 12, 31))
  ) {
    problems.push({
      field: 'planningClosesOn',
      message: `Planning must close within ${year}: between 1 January and 31 December ${year}.`,
    });
  } else if (real.planningOpensOn && real.planningClosesOn && pClose < pOpen) {
    problems.push({
      field: 'planningClosesOn',
      message: `Planning must close on or after the day it opens (${dateInWords(pOpen)}).`,
    });
  }

  // Evaluation window.
  const { evaluationOpensOn: eOpen, evaluationClosesOn: eClose } = input;
  const earliest = yearOk ? isoDate(year, 10, 1) : null;
  const latest = yearOk ? isoDate(year + 1, 3, 31) : null;
  const between = yearOk
    ? `between ${dateInWords(earliest!)} (the start of Triwulan IV) and ${dateInWords(latest!)}`
    : '';
  if (real.evaluationOpensOn && earliest && latest && (eOpen < earliest || eOpen > latest)) {
    problems.push({ field: 'evaluationOpensOn', message: `Evaluation must open ${between}.` });
  }
  if (real.evaluationClosesOn && earliest && latest && (eClose < earliest || eClose > latest)) {
    problems.push({ field: 'evaluationClosesOn', message: `Evaluation must close ${between}.` });
  } else if (real.evaluationOpensOn && real.evaluationClosesOn && eClose < eOpen) {
    problems.push({
      field: 'evaluationClosesOn',
      message: `Evaluation must close on or after the day it opens (${dateInWords(eOpen)}).`,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Plan status

const READ_ONLY = 'An approved plan is read-only; the assessor can reopen it with a reason.';

const TRANSITIONS: Record<
  PlanAction,
  Record<PlanStatus, { next: PlanStatus } | { problem: string }>
> = {
  EDIT: {
    [PlanStatus.DRAFT]: { next: PlanStatus.DRAFT },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.SUBMITTED]: {
      problem:
        'A submitted plan cannot be edited while it waits for the assessor; it can be edited again if the assessor requests a revision.',
    },
    [PlanStatus.APPROVED]: { problem: READ_ONLY },
  },
  SUBMIT: {
    [PlanStatus.DRAFT]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.SUBMITTED]: {
      problem:
        'This plan has already been submitted and is waiting for the assessor; only a draft or a plan returned for revision can be submitted.',
    },
    [PlanStatus.APPROVED]: {
      problem: `This plan is already approved and cannot be submitted again. ${READ_ONLY}`,
    },
  },
  APPROVE: {
    [PlanStatus.SUBMITTED]: { next: PlanStatus.APPROVED },
    [PlanStatus.DRAFT]: {
      problem: 'Only a submitted plan can be approved; this plan is still a draft.',
    },
    [PlanStatus.REVISION_REQUESTED]: {
      problem:
        'Only a submitted plan can be approved; this plan was returned for revision and has not been resubmitted yet.',
    },
    [PlanStatus.APPROVED]: { problem: 'This plan is already approved.' },
  },
  REQUEST_REVISION: {
    [PlanStatus.SUBMITTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.DRAFT]: {
      problem: 'Only a submitted plan can be returned for revision; this plan is still a draft.',
    },
    [PlanStatus.REVISION_REQUESTED]: {
      problem:
        'A revision has already been requested; the plan can be returned again after it is resubmitted.',
    },
    [PlanStatus.APPROVED]: {
      problem:
        'An approved plan cannot be returned for revision; the assessor can reopen it with a reason instead.',
    },
  },
  REOPEN: {
    [PlanStatus.APPROVED]: { next: PlanStatus.DRAFT },
    [PlanStatus.DRAFT]: {
      problem: 'Only an approved plan can be reopened; this plan is already a draft.',
    },
    [PlanStatus.SUBMITTED]: {
      problem:
        'Only an approved plan can be reopened; this plan is submitted: approve it or request a revision instead.',
    },
    [PlanStatus.REVISION_REQUESTED]: {
      problem: 'Only an approved plan can be reopened; this plan is already open for revision.',
    },
  },
  SET_EXPECTATION: {
    [PlanStatus.DRAFT]: { next: PlanStatus.DRAFT },
    [PlanStatus.SUBMITTED]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.APPROVED]: {
      problem:
        'An approved plan is read-only, including its behaviour expectations; the assessor can reopen it with a reason.',
    },
  },
};

/**
 * The status after `action`, or a problem saying why `action` is not allowed from `status`.
 * Refuses: editing a submitted or approved plan; submitting a submitted or approved plan;
 * approving or returning a plan that is not submitted; reopening a plan that is not approved;
 * setting behaviour expectations on an approved plan.
 */
export function planTransition(
  status: PlanStatus,
  action: PlanAction,
): { next: PlanStatus } | { problem: string } {
  const outcome = TRANSITIONS[action]?.[status];
  if (!outcome) throw new RangeError(`Unknown plan action "${action}" or status "${status}".`);
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Cascading

/**
 * Why a work result (RHK) may not have this parent, or null when it may (DOMAIN.md Planning 2).
 * Refuses: a MAIN RHK without parent unless `parentOptional` (JPT, or nobody to assess them);
 * any parent from another period; any parent when the person has no assessor; any parent
 * while the assessor has no plan in this period; any parent that is not an RHK of the
 * assessor's plan. An ADDITIONAL RHK may have no parent; if it names one, the same rules apply.
 * `periodName` (e.g. '2027') is an addition to name the period in messages.
 */
export function cascadeProblem(input: {
  kind: WorkResultKind;
  parent: { planId: string; periodId: string; ownerName: string } | null;
  /** The assessor's plan in this plan's period, if any. */
  assessorPlan: { id: string; periodId: string; ownerName: string } | null;
  hasAssessor: boolean;
  assessorName: string | null;
  /** True for JPT (SENIOR_EXECUTIVE) and for people without assessor. */
  parentOptional: boolean;
  periodId: string;
  /** How to name the period in messages, e.g. '2027'. */
  periodName?: string | null;
}): string | null {
  const { kind, parent, hasAssessor, parentOptional, periodId } = input;
  const assessorPlan =
    input.assessorPlan && input.assessorPlan.periodId === periodId ? input.assessorPlan : null;
  const who = input.assessorName ?? assessorPlan?.ownerName ?? null;
  const label = [who, input.periodName].filter(Boolean).join(', ');
  const theirPlan = `your assessor's plan${label ? ` (${label})` : ''}`;
  const main = kind === WorkResultKind.MAIN;
  const subject = main
    ? 'A main RHK must cascade from one RHK of'
    : 'An additional RHK may have no parent, but a parent must be one RHK of';

  if (!parent) {
    if (!main || parentOptional) return null;
    if (!hasAssessor) {
      return "A main RHK needs a parent RHK from your assessor's plan, but you have no assessor: ask HR to set your supervisor.";
    }
    if (!assessorPlan) {
      return `${subject} ${theirPlan}, but the assessor has no plan for this period yet: ask them to create it first.`;
    }
    return `A main RHK needs a parent RHK from ${theirPlan}.`;
  }

  if (!hasAssessor) {
    return "You have no assessor, so this RHK comes from your unit's performance agreement and cannot cascade from another plan: leave the parent empty.";
  }
  if (parent.periodId !== periodId) {
    return `${subject} ${theirPlan} in the same period; this parent is from ${parent.ownerName}'s plan for another period.`;
  }
  if (!assessorPlan) {
    return `${subject} ${theirPlan}, but the assessor has no plan for this period yet: ask them to create it first.`;
  }
  if (parent.planId !== assessorPlan.id) {
    return `${subject} ${theirPlan}; this parent is from ${parent.ownerName}'s plan.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Work results (RHK) and indicators (IKI)

function length(text: string): number {
  return Array.from(text).length;
}

function filled(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

function textProblems(field: string, text: string, what: string, max: number): FieldProblem[] {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return [{ field, message: `Write the ${what}; it cannot be empty.` }];
  const chars = length(trimmed);
  if (chars > max) {
    return [{ field, message: `The ${what} can be at most ${max} characters; it has ${chars}.` }];
  }
  return [];
}

/**
 * Problems with an indicator (IKI). Refuses: an unknown aspect; a text that is empty or over
 * 1000 characters; a target that is both quantitative (value and unit) and qualitative (text),
 * or neither; a target value that is not a finite number above 0; a unit that is missing or
 * over 60 characters; a target text over 1000 characters; a QUANTITY indicator without a
 * quantitative target.
 */
export function indicatorProblems(input: {
  aspect: ResultAspect;
  text: string;
  targetValue?: number | null;
  targetUnit?: string | null;
  targetText?: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { aspect, targetValue, targetUnit, targetText } = input;
  if (!Object.values(ResultAspect).includes(aspect)) {
    problems.push({
      field: 'aspect',
      message: 'Choose the aspect of the indicator: quantity, quality, time or cost.',
    });
  }
  problems.push(...textProblems('text', input.text, 'indicator', INDICATOR_TEXT_MAX));

  const hasValue = targetValue !== null && targetValue !== undefined;
  const hasUnit = filled(targetUnit);
  const hasText = filled(targetText);
  const quantity = aspect === ResultAspect.QUANTITY;

  if (quantity || hasValue || hasUnit) {
    if (hasText) {
      problems.push({
        field: 'targetText',
        message: quantity
          ? 'A quantity indicator has a numeric target (value and unit, e.g. 2 Dokumen), not a target text: leave the text empty.'
          : 'Give either a quantitative target (value and unit) or a target text, not both.',
      });
    }
    if (typeof targetValue !== 'number' || !Number.isFinite(targetValue) || targetValue <= 0) {
      problems.push({
        field: 'targetValue',
        message: hasValue
          ? 'The target value must be a number greater than 0, e.g. 2 or 100.'
          : quantity
            ? 'A quantity indicator needs a target value greater than 0, e.g. 2 (Dokumen).'
            : 'Give the target value, a number greater than 0, with its unit (e.g. 100 %).',
      });
    }
    if (!hasUnit) {
      problems.push({
        field: 'targetUnit',
        message: 'Give the unit of the target, e.g. Dokumen, % or Bulan.',
      });
    } else if (length(targetUnit.trim()) > TARGET_UNIT_MAX) {
      problems.push({
        field: 'targetUnit',
        message: `The unit can be at most ${TARGET_UNIT_MAX} characters; it has ${length(targetUnit.trim())}.`,
      });
    }
  } else if (!hasText) {
    problems.push({
      field: 'targetText',
      message:
        'Give a target: either a value with its unit (e.g. 2 Dokumen) or a target text describing the expected result.',
    });
  } else if (length(targetText.trim()) > TARGET_TEXT_MAX) {
    problems.push({
      field: 'targetText',
      message: `The target text can be at most ${TARGET_TEXT_MAX} characters; it has ${length(targetText.trim())}.`,
    });
  }
  return problems;
}

/** Problems with the text of a work result (RHK). Refuses: empty, or over 2000 characters after trimming. */
export function workResultTextProblems(text: string): FieldProblem[] {
  return textProblems('text', text, 'work result (RHK)', WORK_RESULT_TEXT_MAX);
}

/** The text of an RHK for a message: trimmed, spaces collapsed, at most 60 characters. */
function rhkName(text: string): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length <= 60 ? chars.join('') : `${chars.slice(0, 59).join('').trimEnd()}…`;
}

/**
 * What must be fixed before a plan can be submitted; empty when it can. Refuses: a plan
 * without a MAIN RHK; an RHK without an indicator (IKI); a MAIN RHK without a parent unless
 * `parentOptional`. One message per problem, naming the RHK by its text (at most 60 characters).
 */
export function submitProblems(plan: {
  parentOptional: boolean;
  workResults: { kind: WorkResultKind; text: string; hasParent: boolean; indicatorCount: number }[];
}): string[] {
  const problems: string[] = [];
  if (!plan.workResults.some((wr) => wr.kind === WorkResultKind.MAIN)) {
    problems.push('A plan needs at least one main RHK before it can be submitted.');
  }
  for (const wr of plan.workResults) {
    const name = rhkName(wr.text);
    if (wr.indicatorCount < 1) {
      problems.push(`The RHK "${name}" needs at least one indicator (IKI).`);
    }
    if (wr.kind === WorkResultKind.MAIN && !wr.hasParent && !plan.parentOptional) {
      problems.push(`The main RHK "${name}" needs a parent RHK from your assessor's plan.`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Progress

/**
 * Progress of a target: achieved / target, not capped (1.2 means 120 %). Refuses (null): no
 * achieved value, no target, or a target that is not a finite number above 0.
 */
export function progressOf(achieved: number | null, target: number | null): number | null {
  if (achieved === null || target === null) return null;
  if (!Number.isFinite(achieved) || !Number.isFinite(target) || target <= 0) return null;
  return achieved / target;
}

/** Mean of the non-null values, or null when there are none. */
export function meanProgress(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return known.reduce((sum, v) => sum + v, 0) / known.length;
}
