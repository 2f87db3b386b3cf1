/**
 * Rules for periods and plans (SKP) (DOMAIN.md, "Planning"). Pure: no database, no clock.
 *
 * Dates are calendar dates written 'YYYY-MM-DD' and compared as strings; `Date` is only used in
 * UTC to check that a date exists and to count days, never to parse local time.
 */
import { isCalendarDate, isoDate } from '../../kernel/calendar.js';
import type { DomainError } from '../../kernel/errors.js';
import { periodReasons, planReasons } from './planning.reasons.js';
import { PlanStatus, ResultAspect, WorkResultKind } from './planning.enums.js';

/** A problem with one input field, as text: what the `*Problems` views of the rules return. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Refusals as `{ field, message }` pairs (the field named by each refusal, else ''). */
export function asFieldProblems(refusals: readonly DomainError[]): FieldProblem[] {
  return refusals.map((r) => ({ field: r.field ?? '', message: r.message }));
}

export type PlanAction =
  'EDIT' | 'SUBMIT' | 'APPROVE' | 'REQUEST_REVISION' | 'REOPEN' | 'SET_EXPECTATION';

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;
export const WORK_RESULT_TEXT_MAX = 2000;
export const INDICATOR_TEXT_MAX = 1000;
export const TARGET_UNIT_MAX = 60;
export const TARGET_TEXT_MAX = 1000;
/** The largest target of an IKI (a year's output; progress and sums stay exact below it). */
export const MAX_TARGET_VALUE = 1_000_000_000;

/**
 * Why a period's year and windows are refused (both ends included); empty when they are not.
 * Refuses: a year that is not a whole number from 2000 to 2100; a window date that is not a real
 * YYYY-MM-DD; a window that closes before it opens; a planning window that opens after the year
 * ends or closes outside the year; an evaluation window that opens before the year's Triwulan IV
 * or closes after 31 March of the next year.
 */
export function periodRefusals(input: {
  year: number;
  planningOpensOn: string;
  planningClosesOn: string;
  evaluationOpensOn: string;
  evaluationClosesOn: string;
}): DomainError[] {
  const problems: DomainError[] = [];
  const { year } = input;
  const yearOk = Number.isInteger(year) && year >= MIN_PERIOD_YEAR && year <= MAX_PERIOD_YEAR;
  if (!yearOk) {
    problems.push(periodReasons.yearOutOfRange({ min: MIN_PERIOD_YEAR, max: MAX_PERIOD_YEAR }));
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
      problems.push(periodReasons.notACalendarDate({ value: String(input[field]) }, { field }));
    }
  }

  // Planning window.
  const { planningOpensOn: pOpen, planningClosesOn: pClose } = input;
  if (real.planningOpensOn && yearOk && pOpen > isoDate(year, 12, 31)) {
    problems.push(periodReasons.planningOpensAfterYear({ year }));
  }
  if (
    real.planningClosesOn &&
    yearOk &&
    (pClose < isoDate(year, 1, 1) || pClose > isoDate(year, 12, 31))
  ) {
    problems.push(periodReasons.planningClosesOutsideYear({ year }));
  } else if (real.planningOpensOn && real.planningClosesOn && pClose < pOpen) {
    problems.push(periodReasons.planningClosesBeforeOpens({ opensOn: pOpen }));
  }

  // Evaluation window: from 1 October (Triwulan IV) to 31 March of the next year.
  const { evaluationOpensOn: eOpen, evaluationClosesOn: eClose } = input;
  const earliest = yearOk ? isoDate(year, 10, 1) : null;
  const latest = yearOk ? isoDate(year + 1, 3, 31) : null;
  const window = { year, nextYear: year + 1 };
  if (real.evaluationOpensOn && earliest && latest && (eOpen < earliest || eOpen > latest)) {
    problems.push(periodReasons.evaluationOpensOutsideWindow(window));
  }
  if (real.evaluationClosesOn && earliest && latest && (eClose < earliest || eClose > latest)) {
    problems.push(periodReasons.evaluationClosesOutsideWindow(window));
  } else if (real.evaluationOpensOn && real.evaluationClosesOn && eClose < eOpen) {
    problems.push(periodReasons.evaluationClosesBeforeOpens({ opensOn: eOpen }));
  }
  return problems;
}

/** {@link periodRefusals} as `{ field, message }` pairs. */
export function periodProblems(input: Parameters<typeof periodRefusals>[0]): FieldProblem[] {
  return asFieldProblems(periodRefusals(input));
}

// ---------------------------------------------------------------------------------------------
// Plan status

type Refusal = () => DomainError;

const TRANSITIONS: Record<
  PlanAction,
  Record<PlanStatus, { next: PlanStatus } | { refuse: Refusal }>
> = {
  EDIT: {
    [PlanStatus.DRAFT]: { next: PlanStatus.DRAFT },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.SUBMITTED]: { refuse: planReasons.editWhileSubmitted },
    [PlanStatus.APPROVED]: { refuse: planReasons.readOnly },
  },
  SUBMIT: {
    [PlanStatus.DRAFT]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.SUBMITTED]: { refuse: planReasons.alreadySubmitted },
    [PlanStatus.APPROVED]: { refuse: planReasons.submitApproved },
  },
  APPROVE: {
    [PlanStatus.SUBMITTED]: { next: PlanStatus.APPROVED },
    [PlanStatus.DRAFT]: { refuse: planReasons.approveDraft },
    [PlanStatus.REVISION_REQUESTED]: { refuse: planReasons.approveNotResubmitted },
    [PlanStatus.APPROVED]: { refuse: planReasons.alreadyApproved },
  },
  REQUEST_REVISION: {
    [PlanStatus.SUBMITTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.DRAFT]: { refuse: planReasons.returnDraft },
    [PlanStatus.REVISION_REQUESTED]: { refuse: planReasons.revisionAlreadyRequested },
    [PlanStatus.APPROVED]: { refuse: planReasons.returnApproved },
  },
  REOPEN: {
    [PlanStatus.APPROVED]: { next: PlanStatus.DRAFT },
    [PlanStatus.DRAFT]: { refuse: planReasons.reopenDraft },
    [PlanStatus.SUBMITTED]: { refuse: planReasons.reopenSubmitted },
    [PlanStatus.REVISION_REQUESTED]: { refuse: planReasons.reopenRevisionRequested },
  },
  SET_EXPECTATION: {
    [PlanStatus.DRAFT]: { next: PlanStatus.DRAFT },
    [PlanStatus.SUBMITTED]: { next: PlanStatus.SUBMITTED },
    [PlanStatus.REVISION_REQUESTED]: { next: PlanStatus.REVISION_REQUESTED },
    [PlanStatus.APPROVED]: { refuse: planReasons.expectationsReadOnly },
  },
};

/**
 * The status after `action`, or the refusal saying why `action` is not allowed from `status`.
 * Refuses: editing a submitted or approved plan; submitting a submitted or approved plan;
 * approving or returning a plan that is not submitted; reopening a plan that is not approved;
 * setting behaviour expectations on an approved plan.
 */
export function planStep(
  status: PlanStatus,
  action: PlanAction,
): { next: PlanStatus } | { refusal: DomainError } {
  const outcome = TRANSITIONS[action]?.[status];
  if (!outcome) throw new RangeError(`Unknown plan action "${action}" or status "${status}".`);
  return 'next' in outcome ? { next: outcome.next } : { refusal: outcome.refuse() };
}

/** {@link planStep} with the refusal as its message. */
export function planTransition(
  status: PlanStatus,
  action: PlanAction,
): { next: PlanStatus } | { problem: string } {
  const step = planStep(status, action);
  return 'next' in step ? step : { problem: step.refusal.message };
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
export function cascadeRefusal(input: {
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
}): DomainError | null {
  const { kind, parent, hasAssessor, parentOptional, periodId } = input;
  const assessorPlan =
    input.assessorPlan && input.assessorPlan.periodId === periodId ? input.assessorPlan : null;
  const who = input.assessorName ?? assessorPlan?.ownerName ?? null;
  const label = [who, input.periodName].filter(Boolean).join(', ');
  const assessorNote = label ? ` (${label})` : '';
  const main = kind === WorkResultKind.MAIN;

  if (!parent) {
    if (!main || parentOptional) return null;
    if (!hasAssessor) return planReasons.mainParentWithoutAssessor();
    if (!assessorPlan) return planReasons.mainParentAssessorHasNoPlan({ assessorNote });
    return planReasons.mainParentMissing({ assessorNote });
  }

  if (!hasAssessor) return planReasons.parentWithoutAssessor();
  const parentOwner = parent.ownerName;
  if (parent.periodId !== periodId) {
    return (main ? planReasons.mainParentOtherPeriod : planReasons.additionalParentOtherPeriod)({
      assessorNote,
      parentOwner,
    });
  }
  if (!assessorPlan) {
    return (
      main ? planReasons.mainParentAssessorHasNoPlan : planReasons.additionalParentAssessorHasNoPlan
    )({ assessorNote });
  }
  if (parent.planId !== assessorPlan.id) {
    return (main ? planReasons.mainParentNotAssessors : planReasons.additionalParentNotAssessors)({
      assessorNote,
      parentOwner,
    });
  }
  return null;
}

/** {@link cascadeRefusal} as its message. */
export function cascadeProblem(input: Parameters<typeof cascadeRefusal>[0]): string | null {
  return cascadeRefusal(input)?.message ?? null;
}

// ---------------------------------------------------------------------------------------------
// Work results (RHK) and indicators (IKI)

function length(text: string): number {
  return Array.from(text).length;
}

function filled(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

function textRefusals(
  text: string,
  max: number,
  empty: () => DomainError,
  tooLong: (params: { max: number; length: number }) => DomainError,
): DomainError[] {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return [empty()];
  const chars = length(trimmed);
  return chars > max ? [tooLong({ max, length: chars })] : [];
}

/**
 * Why an indicator (IKI) is refused; empty when it is not. Refuses: an unknown aspect; a text
 * that is empty or over 1000 characters; a target that is both quantitative (value and unit) and
 * qualitative (text), or neither; a target value that is not a finite number above 0; a unit
 * that is missing or over 60 characters; a target text over 1000 characters; a QUANTITY
 * indicator without a quantitative target.
 */
export function indicatorRefusals(input: {
  aspect: ResultAspect;
  text: string;
  targetValue?: number | null;
  targetUnit?: string | null;
  targetText?: string | null;
}): DomainError[] {
  const problems: DomainError[] = [];
  const { aspect, targetValue, targetUnit, targetText } = input;
  if (!Object.values(ResultAspect).includes(aspect)) {
    problems.push(planReasons.indicatorAspectUnknown());
  }
  problems.push(
    ...textRefusals(
      input.text,
      INDICATOR_TEXT_MAX,
      planReasons.indicatorTextEmpty,
      planReasons.indicatorTextTooLong,
    ),
  );

  const hasValue = targetValue !== null && targetValue !== undefined;
  const hasUnit = filled(targetUnit);
  const hasText = filled(targetText);
  const quantity = aspect === ResultAspect.QUANTITY;

  if (quantity || hasValue || hasUnit) {
    if (hasText) {
      problems.push(quantity ? planReasons.quantityTargetText() : planReasons.targetBothKinds());
    }
    if (typeof targetValue !== 'number' || !Number.isFinite(targetValue) || targetValue <= 0) {
      problems.push(
        hasValue
          ? planReasons.targetValueNotPositive()
          : quantity
            ? planReasons.quantityTargetValueMissing()
            : planReasons.targetValueMissing(),
      );
    } else if (targetValue > MAX_TARGET_VALUE) {
      problems.push(planReasons.targetValueTooLarge({ max: MAX_TARGET_VALUE }));
    }
    if (!hasUnit) {
      problems.push(planReasons.targetUnitMissing());
    } else if (length(targetUnit.trim()) > TARGET_UNIT_MAX) {
      problems.push(
        planReasons.targetUnitTooLong({
          max: TARGET_UNIT_MAX,
          length: length(targetUnit.trim()),
        }),
      );
    }
  } else if (!hasText) {
    problems.push(planReasons.targetMissing());
  } else if (length(targetText.trim()) > TARGET_TEXT_MAX) {
    problems.push(
      planReasons.targetTextTooLong({ max: TARGET_TEXT_MAX, length: length(targetText.trim()) }),
    );
  }
  return problems;
}

/** {@link indicatorRefusals} as `{ field, message }` pairs. */
export function indicatorProblems(input: Parameters<typeof indicatorRefusals>[0]): FieldProblem[] {
  return asFieldProblems(indicatorRefusals(input));
}

/** Why the text of a work result (RHK) is refused: empty, or over 2000 characters after trimming. */
export function workResultTextRefusals(text: string): DomainError[] {
  return textRefusals(
    text,
    WORK_RESULT_TEXT_MAX,
    planReasons.workResultTextEmpty,
    planReasons.workResultTextTooLong,
  );
}

/** {@link workResultTextRefusals} as `{ field, message }` pairs. */
export function workResultTextProblems(text: string): FieldProblem[] {
  return asFieldProblems(workResultTextRefusals(text));
}

/** The text of an RHK for a message: trimmed, spaces collapsed, at most 60 characters. */
function rhkName(text: string): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length <= 60 ? chars.join('') : `${chars.slice(0, 59).join('').trimEnd()}…`;
}

/**
 * What must be fixed before a plan can be submitted; empty when it can. Refuses: a plan
 * without a MAIN RHK; an RHK without an indicator (IKI); a MAIN RHK without a parent unless
 * `parentOptional`. One refusal per problem, naming the RHK by its text (at most 60 characters).
 */
export function submitRefusals(plan: {
  parentOptional: boolean;
  workResults: { kind: WorkResultKind; text: string; hasParent: boolean; indicatorCount: number }[];
}): DomainError[] {
  const problems: DomainError[] = [];
  if (!plan.workResults.some((wr) => wr.kind === WorkResultKind.MAIN)) {
    problems.push(planReasons.noMainWorkResult());
  }
  for (const wr of plan.workResults) {
    const workResult = rhkName(wr.text);
    if (wr.indicatorCount < 1) {
      problems.push(planReasons.workResultWithoutIndicator({ workResult }));
    }
    if (wr.kind === WorkResultKind.MAIN && !wr.hasParent && !plan.parentOptional) {
      problems.push(planReasons.mainWorkResultWithoutParent({ workResult }));
    }
  }
  return problems;
}

/** {@link submitRefusals} as their messages. */
export function submitProblems(plan: Parameters<typeof submitRefusals>[0]): string[] {
  return submitRefusals(plan).map((r) => r.message);
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
