import { defineReasons } from '../../kernel/errors.js';

/** Why a period (its year and windows) is refused. */
export const periodReasons = defineReasons('period', {
  notFound: { kind: 'NOT_FOUND', message: 'No period has id {id} ({argument}).' },
  alreadyOpen: {
    kind: 'BAD_USER_INPUT',
    message: 'A period for {year} is already open.',
    field: 'year',
  },
  yearOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'The year must be a whole number from {min} to {max}.',
    field: 'year',
  },
  /** The field is the window date that is wrong. */
  notACalendarDate: {
    kind: 'BAD_USER_INPUT',
    message:
      'Enter a real calendar date written YYYY-MM-DD (e.g. 2027-01-31); "{value}" is not one.',
  },
  planningOpensAfterYear: {
    kind: 'BAD_USER_INPUT',
    message: 'Planning must open before the year ends: on or before 31 December {year}.',
    field: 'planningOpensOn',
  },
  planningClosesOutsideYear: {
    kind: 'BAD_USER_INPUT',
    message: 'Planning must close within {year}: between 1 January and 31 December {year}.',
    field: 'planningClosesOn',
  },
  /** `opensOn`: the opening date, YYYY-MM-DD ("1 January 2028" in the message). */
  planningClosesBeforeOpens: {
    kind: 'BAD_USER_INPUT',
    message: 'Planning must close on or after the day it opens ({opensOn:date}).',
    field: 'planningClosesOn',
  },
  evaluationOpensOutsideWindow: {
    kind: 'BAD_USER_INPUT',
    message:
      'Evaluation must open between 1 October {year} (the start of Triwulan IV) and 31 March {nextYear}.',
    field: 'evaluationOpensOn',
  },
  evaluationClosesOutsideWindow: {
    kind: 'BAD_USER_INPUT',
    message:
      'Evaluation must close between 1 October {year} (the start of Triwulan IV) and 31 March {nextYear}.',
    field: 'evaluationClosesOn',
  },
  /** `opensOn`: the opening date, YYYY-MM-DD ("1 December 2027" in the message). */
  evaluationClosesBeforeOpens: {
    kind: 'BAD_USER_INPUT',
    message: 'Evaluation must close on or after the day it opens ({opensOn:date}).',
    field: 'evaluationClosesOn',
  },
});

const READ_ONLY = 'An approved plan is read-only; the assessor can reopen it with a reason.';

/**
 * Why a plan (SKP), its RHK or IKI, or a step of its approval is refused. In the cascade
 * reasons, `assessorNote` is `" (<assessor's name>, <period>)"` when either is known, else empty.
 */
export const planReasons = defineReasons('plan', {
  notFound: { kind: 'NOT_FOUND', message: 'No performance plan has id {id}.' },
  staleVersion: {
    kind: 'CONFLICT',
    message:
      'The plan was changed by someone else (now version {currentVersion}; you edited version {expectedVersion}, status now {status}). Reload it and apply your change again.',
  },
  alreadyHasPlan: {
    kind: 'BAD_USER_INPUT',
    message: 'You already have a plan for {periodName}; edit that one.',
    field: 'periodId',
  },
  orgUnitNotFound: { kind: 'NOT_FOUND', message: 'No organisation unit has id {id}.' },

  // Status transitions (field: status).
  editWhileSubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'A submitted plan cannot be edited while it waits for the assessor; it can be edited again if the assessor requests a revision.',
    field: 'status',
  },
  readOnly: { kind: 'BAD_USER_INPUT', message: READ_ONLY, field: 'status' },
  alreadySubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'This plan has already been submitted and is waiting for the assessor; only a draft or a plan returned for revision can be submitted.',
    field: 'status',
  },
  submitApproved: {
    kind: 'BAD_USER_INPUT',
    message: `This plan is already approved and cannot be submitted again. ${READ_ONLY}`,
    field: 'status',
  },
  approveDraft: {
    kind: 'BAD_USER_INPUT',
    message: 'Only a submitted plan can be approved; this plan is still a draft.',
    field: 'status',
  },
  approveNotResubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'Only a submitted plan can be approved; this plan was returned for revision and has not been resubmitted yet.',
    field: 'status',
  },
  alreadyApproved: {
    kind: 'BAD_USER_INPUT',
    message: 'This plan is already approved.',
    field: 'status',
  },
  returnDraft: {
    kind: 'BAD_USER_INPUT',
    message: 'Only a submitted plan can be returned for revision; this plan is still a draft.',
    field: 'status',
  },
  revisionAlreadyRequested: {
    kind: 'BAD_USER_INPUT',
    message:
      'A revision has already been requested; the plan can be returned again after it is resubmitted.',
    field: 'status',
  },
  returnApproved: {
    kind: 'BAD_USER_INPUT',
    message:
      'An approved plan cannot be returned for revision; the assessor can reopen it with a reason instead.',
    field: 'status',
  },
  reopenDraft: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an approved plan can be reopened; this plan is already a draft.',
    field: 'status',
  },
  reopenSubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'Only an approved plan can be reopened; this plan is submitted: approve it or request a revision instead.',
    field: 'status',
  },
  reopenRevisionRequested: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an approved plan can be reopened; this plan is already open for revision.',
    field: 'status',
  },
  expectationsReadOnly: {
    kind: 'BAD_USER_INPUT',
    message:
      'An approved plan is read-only, including its behaviour expectations; the assessor can reopen it with a reason.',
    field: 'status',
  },

  // Cascading (field: parentId).
  parentNotFound: { kind: 'BAD_USER_INPUT', message: 'No RHK has id {id}.', field: 'parentId' },
  mainParentWithoutAssessor: {
    kind: 'BAD_USER_INPUT',
    message:
      "A main RHK needs a parent RHK from your assessor's plan, but you have no assessor: ask HR to set your supervisor.",
    field: 'parentId',
  },
  mainParentMissing: {
    kind: 'BAD_USER_INPUT',
    message: "A main RHK needs a parent RHK from your assessor's plan{assessorNote}.",
    field: 'parentId',
  },
  mainParentAssessorHasNoPlan: {
    kind: 'BAD_USER_INPUT',
    message:
      "A main RHK must cascade from one RHK of your assessor's plan{assessorNote}, but the assessor has no plan for this period yet: ask them to create it first.",
    field: 'parentId',
  },
  additionalParentAssessorHasNoPlan: {
    kind: 'BAD_USER_INPUT',
    message:
      "An additional RHK may have no parent, but a parent must be one RHK of your assessor's plan{assessorNote}, but the assessor has no plan for this period yet: ask them to create it first.",
    field: 'parentId',
  },
  parentWithoutAssessor: {
    kind: 'BAD_USER_INPUT',
    message:
      "You have no assessor, so this RHK comes from your unit's performance agreement and cannot cascade from another plan: leave the parent empty.",
    field: 'parentId',
  },
  mainParentOtherPeriod: {
    kind: 'BAD_USER_INPUT',
    message:
      "A main RHK must cascade from one RHK of your assessor's plan{assessorNote} in the same period; this parent is from {parentOwner}'s plan for another period.",
    field: 'parentId',
  },
  additionalParentOtherPeriod: {
    kind: 'BAD_USER_INPUT',
    message:
      "An additional RHK may have no parent, but a parent must be one RHK of your assessor's plan{assessorNote} in the same period; this parent is from {parentOwner}'s plan for another period.",
    field: 'parentId',
  },
  mainParentNotAssessors: {
    kind: 'BAD_USER_INPUT',
    message:
      "A main RHK must cascade from one RHK of your assessor's plan{assessorNote}; this parent is from {parentOwner}'s plan.",
    field: 'parentId',
  },
  additionalParentNotAssessors: {
    kind: 'BAD_USER_INPUT',
    message:
      "An additional RHK may have no parent, but a parent must be one RHK of your assessor's plan{assessorNote}; this parent is from {parentOwner}'s plan.",
    field: 'parentId',
  },

  // Work results (RHK) and indicators (IKI).
  workResultNotFound: { kind: 'NOT_FOUND', message: 'No RHK has id {id}.' },
  workResultTextEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'Write the work result (RHK); it cannot be empty.',
    field: 'text',
  },
  workResultTextTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The work result (RHK) can be at most {max} characters; it has {length}.',
    field: 'text',
  },
  indicatorsMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give the RHK at least one IKI.',
    field: 'indicators',
  },
  tooManyIndicators: {
    kind: 'BAD_USER_INPUT',
    message: 'An RHK has at most {max} IKI.',
    field: 'indicators',
  },
  /** The field is `indicators.<position>.id`. */
  indicatorNotInWorkResult: {
    kind: 'BAD_USER_INPUT',
    message: 'IKI {id} is not part of this RHK.',
  },
  removedIndicatorsInUse: {
    kind: 'BAD_USER_INPUT',
    message:
      '{count} activities count toward the IKI you left out; keep those IKI (you may reword them).',
    field: 'indicators',
  },
  workResultHasChildren: {
    kind: 'BAD_USER_INPUT',
    message: '{count} RHK of your team cascade from this one; they must be moved first.',
    field: 'workResultId',
  },
  workResultInUse: {
    kind: 'BAD_USER_INPUT',
    message: '{count} activities count toward this RHK; it cannot be removed.',
    field: 'workResultId',
  },
  indicatorAspectUnknown: {
    kind: 'BAD_USER_INPUT',
    message: 'Choose the aspect of the indicator: quantity, quality, time or cost.',
    field: 'aspect',
  },
  indicatorTextEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'Write the indicator; it cannot be empty.',
    field: 'text',
  },
  indicatorTextTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The indicator can be at most {max} characters; it has {length}.',
    field: 'text',
  },
  quantityTargetText: {
    kind: 'BAD_USER_INPUT',
    message:
      'A quantity indicator has a numeric target (value and unit, e.g. 2 Dokumen), not a target text: leave the text empty.',
    field: 'targetText',
  },
  targetBothKinds: {
    kind: 'BAD_USER_INPUT',
    message: 'Give either a quantitative target (value and unit) or a target text, not both.',
    field: 'targetText',
  },
  targetValueTooLarge: {
    kind: 'BAD_USER_INPUT',
    message: 'The target can be at most {max}.',
    field: 'targetValue',
  },
  targetValueNotPositive: {
    kind: 'BAD_USER_INPUT',
    message: 'The target value must be a number greater than 0, e.g. 2 or 100.',
    field: 'targetValue',
  },
  quantityTargetValueMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'A quantity indicator needs a target value greater than 0, e.g. 2 (Dokumen).',
    field: 'targetValue',
  },
  targetValueMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give the target value, a number greater than 0, with its unit (e.g. 100 %).',
    field: 'targetValue',
  },
  targetUnitMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give the unit of the target, e.g. Dokumen, % or Bulan.',
    field: 'targetUnit',
  },
  targetUnitTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The unit can be at most {max} characters; it has {length}.',
    field: 'targetUnit',
  },
  targetMissing: {
    kind: 'BAD_USER_INPUT',
    message:
      'Give a target: either a value with its unit (e.g. 2 Dokumen) or a target text describing the expected result.',
    field: 'targetText',
  },
  targetTextTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The target text can be at most {max} characters; it has {length}.',
    field: 'targetText',
  },
  expectationTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'An expectation is at most 2,000 characters.',
    field: 'expectation',
  },

  // Submitting and reviewing.
  noAssessorToSubmitTo: {
    kind: 'BAD_USER_INPUT',
    message:
      'This plan has no assessor to submit it to; ask the unit admin to set your supervisor.',
    field: 'planId',
  },
  noMainWorkResult: {
    kind: 'BAD_USER_INPUT',
    message: 'A plan needs at least one main RHK before it can be submitted.',
    field: 'workResults',
  },
  /** `workResult`: the RHK's text, at most 60 characters. */
  workResultWithoutIndicator: {
    kind: 'BAD_USER_INPUT',
    message: 'The RHK "{workResult}" needs at least one indicator (IKI).',
    field: 'workResults',
  },
  mainWorkResultWithoutParent: {
    kind: 'BAD_USER_INPUT',
    message: 'The main RHK "{workResult}" needs a parent RHK from your assessor\'s plan.',
    field: 'workResults',
  },
  revisionNoteMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Say what should change: the note is shown to the employee.',
    field: 'note',
  },
  reopenReasonMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give the reason for reopening: it is kept with the approved version.',
    field: 'reason',
  },
});
