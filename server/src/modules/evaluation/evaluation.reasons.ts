import { defineReasons } from '../../kernel/errors.js';

/** Appraisals: their plan, their ratings and notes, their versions and their status. */
export const appraisalReasons = defineReasons('appraisal', {
  notFound: { kind: 'NOT_FOUND', message: 'No appraisal has id {id}.' },
  planNotFound: { kind: 'NOT_FOUND', message: 'No performance plan has id {id}.' },
  planNotApproved: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an approved plan is appraised; this one is not approved yet.',
    field: 'planId',
  },
  planHasNoAssessor: {
    kind: 'BAD_USER_INPUT',
    message: 'This plan has no assessor to appraise it.',
    field: 'planId',
  },
  /** `coreValues`: the core values, listed. */
  unknownCoreValue: {
    kind: 'BAD_USER_INPUT',
    message: '{value} is not a core value; use one of {coreValues}.',
    field: 'valueNotes',
  },
  valueNoteTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The note on {value} is at most 2,000 characters.',
    field: 'valueNotes',
  },
  overallNoteTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The overall note is at most 4,000 characters.',
    field: 'overallNote',
  },
  expectedVersionMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'This appraisal exists already: pass the expectedVersion you edited.',
    field: 'expectedVersion',
  },
  /** `extra.currentVersion`: the version now stored. */
  staleVersion: {
    kind: 'CONFLICT',
    message:
      'The appraisal was changed by someone else (now version {currentVersion}, status {status}; you edited version {editedVersion}). Reload it and apply your change again.',
  },
  /** `extra.currentVersion`: the version now stored. */
  staleVersionOnSubmit: {
    kind: 'CONFLICT',
    message: 'The appraisal was changed by someone else (now version {currentVersion}).',
  },
  ratingsMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Rate both Hasil Kerja and Perilaku Kerja before submitting.',
    field: 'resultRating',
  },

  // Status: what an appraisal's status does not allow (evaluation.rules.ts, appraisalStep).
  finalReadOnly: {
    kind: 'BAD_USER_INPUT',
    message: 'A final appraisal is read-only; the employee can appeal it within the appeal window.',
    field: 'status',
  },
  underAppeal: {
    kind: 'BAD_USER_INPUT',
    message:
      "This appraisal is under appeal and read-only until the assessor's supervisor decides the appeal.",
    field: 'status',
  },
  alreadySubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'This appraisal has already been submitted; the assessor can still correct it until it is final.',
    field: 'status',
  },
  submitFinal: {
    kind: 'BAD_USER_INPUT',
    message:
      'This appraisal is already final. A final appraisal is read-only; the employee can appeal it within the appeal window.',
    field: 'status',
  },
  finaliseDraft: {
    kind: 'BAD_USER_INPUT',
    message:
      'Only a submitted appraisal can be made final; this one is still a draft: submit it first.',
    field: 'status',
  },
  alreadyFinal: {
    kind: 'BAD_USER_INPUT',
    message: 'This appraisal is already final.',
    field: 'status',
  },
  finaliseUnderAppeal: {
    kind: 'BAD_USER_INPUT',
    message:
      "This appraisal is under appeal; it becomes final again when the assessor's supervisor decides the appeal.",
    field: 'status',
  },
  appealDraft: {
    kind: 'BAD_USER_INPUT',
    message: 'Only a final appraisal can be appealed; this one is still a draft.',
    field: 'status',
  },
  appealSubmitted: {
    kind: 'BAD_USER_INPUT',
    message: 'Only a final appraisal can be appealed; this one is submitted but not final yet.',
    field: 'status',
  },
  alreadyAppealed: {
    kind: 'BAD_USER_INPUT',
    message: 'This appraisal is already under appeal; one appeal per final appraisal is allowed.',
    field: 'status',
  },
  decideDraft: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an appraisal under appeal can have an appeal decided; this one is a draft.',
    field: 'status',
  },
  decideSubmitted: {
    kind: 'BAD_USER_INPUT',
    message:
      'Only an appraisal under appeal can have an appeal decided; this one is submitted and has no appeal.',
    field: 'status',
  },
  decideWithoutAppeal: {
    kind: 'BAD_USER_INPUT',
    message:
      'Only an appraisal under appeal can have an appeal decided; this one is final with no appeal pending.',
    field: 'status',
  },
});

/** The employee's own assessment. */
export const selfAssessmentReasons = defineReasons('selfAssessment', {
  closed: {
    kind: 'BAD_USER_INPUT',
    message: 'Your assessor has already submitted this appraisal; the self-assessment is closed.',
    field: 'checkpoint',
  },
});

/** Appeals (keberatan): filing one, explanations, the decision. */
export const appealReasons = defineReasons('appeal', {
  notFound: { kind: 'NOT_FOUND', message: 'No appeal has id {id}.' },
  reasonTooShort: {
    kind: 'BAD_USER_INPUT',
    message: 'The reason for the appeal needs at least 10 characters.',
    field: 'reason',
  },
  reasonTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The reason for the appeal is at most 4,000 characters.',
    field: 'reason',
  },
  questionTooShort: {
    kind: 'BAD_USER_INPUT',
    message: 'The question needs at least 10 characters.',
    field: 'question',
  },
  questionTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The question is at most 4,000 characters.',
    field: 'question',
  },
  answerTooShort: {
    kind: 'BAD_USER_INPUT',
    message: 'The explanation needs at least 10 characters.',
    field: 'answer',
  },
  answerTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The explanation is at most 4,000 characters.',
    field: 'answer',
  },
  noteTooShort: {
    kind: 'BAD_USER_INPUT',
    message: 'The decision note needs at least 10 characters.',
    field: 'note',
  },
  noteTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The decision note is at most 4,000 characters.',
    field: 'note',
  },
  alreadyFiled: {
    kind: 'BAD_USER_INPUT',
    message: 'This appraisal has already been appealed; one appeal per appraisal.',
    field: 'appraisalId',
  },
  /** `closedOn`: the window's last day, YYYY-MM-DD ("19 October 2026" in the message). */
  windowClosed: {
    kind: 'BAD_USER_INPUT',
    message:
      'The appeal window closed on {closedOn:date} ({windowDays} days after the appraisal became final).',
    field: 'appraisalId',
  },
  /** A window of one day. `closedOn`: its last day, YYYY-MM-DD. */
  windowClosedOneDay: {
    kind: 'BAD_USER_INPUT',
    message:
      'The appeal window closed on {closedOn:date} (1 day after the appraisal became final).',
    field: 'appraisalId',
  },
  /** A window of 0 days. `closedOn`: its last day, YYYY-MM-DD. */
  windowClosedSameDay: {
    kind: 'BAD_USER_INPUT',
    message: 'The appeal window closed on {closedOn:date} (the day the appraisal became final).',
    field: 'appraisalId',
  },
  noDecider: {
    kind: 'BAD_USER_INPUT',
    message: '{assessorName} has nobody above them in Kinerja to decide an appeal; contact BKPSDM.',
    field: 'appraisalId',
  },
  onlyDeciderAsks: {
    kind: 'FORBIDDEN',
    message: "Only the assessor's supervisor the appeal was sent to can ask for explanations.",
  },
  onlyDeciderDecides: {
    kind: 'FORBIDDEN',
    message: "Only the assessor's supervisor the appeal was sent to can decide this appeal.",
  },
  alreadyDecided: {
    kind: 'BAD_USER_INPUT',
    message: 'This appeal has been decided; the decision is final.',
    field: 'appealId',
  },
  explanationNotFound: { kind: 'NOT_FOUND', message: 'No explanation request has id {id}.' },
  notAskedOfYou: {
    kind: 'FORBIDDEN',
    message: 'Only the person who was asked can give this explanation.',
  },
  alreadyExplained: {
    kind: 'BAD_USER_INPUT',
    message: 'You have already given this explanation.',
    field: 'explanationId',
  },
  explainAfterDecision: {
    kind: 'BAD_USER_INPUT',
    message: 'The appeal has been decided already.',
    field: 'explanationId',
  },
  grantWithoutRatings: {
    kind: 'BAD_USER_INPUT',
    message: 'Granting an appeal gives the new ratings: resultRating and behaviourRating.',
    field: 'resultRating',
  },
  rejectWithRatings: {
    kind: 'BAD_USER_INPUT',
    message: 'A rejected appeal leaves the ratings as they are; do not give new ones.',
    field: 'resultRating',
  },
});

/** 360 feedback: asking, answering, reading the aggregates. */
export const peerFeedbackReasons = defineReasons('peerFeedback', {
  noRespondents: {
    kind: 'BAD_USER_INPUT',
    message: 'Choose at least one respondent.',
    field: 'respondentIds',
  },
  tooManyRespondents: {
    kind: 'BAD_USER_INPUT',
    message: 'Ask at most 30 respondents at once.',
    field: 'respondentIds',
  },
  subjectNotFound: { kind: 'NOT_FOUND', message: 'No employee has id {id}.' },
  onlyAssessorAsks: {
    kind: 'FORBIDDEN',
    message: "Only {subjectName}'s assessor asks for 360 feedback on them.",
  },
  /** `opensOn`, `closesOn`: the period's evaluation window, YYYY-MM-DD. */
  outsideEvaluationWindow: {
    kind: 'BAD_USER_INPUT',
    message:
      '360 feedback for the annual evaluation is asked during the evaluation window ({opensOn} to {closesOn}).',
    field: 'checkpoint',
  },
  /** `ids`: the unknown ids, listed. */
  respondentsNotFound: {
    kind: 'BAD_USER_INPUT',
    message: 'No employee has id {ids}.',
    field: 'respondentIds',
  },
  respondentIsSubject: {
    kind: 'BAD_USER_INPUT',
    message: '{subjectName} cannot give 360 feedback on themselves.',
    field: 'respondentIds',
  },
  respondentInactive: {
    kind: 'BAD_USER_INPUT',
    message: '{respondentName} is inactive.',
    field: 'respondentIds',
  },
  respondentNotPeerOrReport: {
    kind: 'BAD_USER_INPUT',
    message:
      '{respondentName} is neither a peer of {subjectName} (same supervisor) nor one of their direct reports.',
    field: 'respondentIds',
  },
  alreadyAsked: {
    kind: 'BAD_USER_INPUT',
    message: '{respondentName} has already been asked for this checkpoint.',
    field: 'respondentIds',
  },
  requestNotFound: { kind: 'NOT_FOUND', message: 'You have no 360 request with id {id}.' },
  alreadyAnswered: {
    kind: 'BAD_USER_INPUT',
    message: 'You have already answered this request.',
    field: 'requestId',
  },
  /** `missing`: the core values not rated, listed. */
  valuesMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Rate each of the 7 core values once; missing: {missing}.',
    field: 'ratings',
  },
  valueRepeated: {
    kind: 'BAD_USER_INPUT',
    message: 'Rate each of the 7 core values once; missing: none (one is repeated).',
    field: 'ratings',
  },
  commentTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The comment on {value} is at most 1,000 characters.',
    field: 'ratings',
  },
  noPlan: { kind: 'NOT_FOUND', message: '{subjectName} has no plan for this period.' },
});

/**
 * The distribution (kurva): organisation ratings, patterns and finalisation. The pattern rules'
 * reasons take the rule's field (`rules[0].max`, …) at the call; `rule` is its number (1 = the
 * first), shares are written as percentages ("70%").
 */
export const distributionReasons = defineReasons('distribution', {
  orgUnitNotFound: { kind: 'NOT_FOUND', message: 'No organisation unit has id {id}.' },
  notAnOpd: {
    kind: 'BAD_USER_INPUT',
    message:
      '{unitName} is not an OPD; organisation ratings and finalisation are per OPD (top-level unit).',
    field: 'orgUnitId',
  },
  justificationTooShort: {
    kind: 'BAD_USER_INPUT',
    message:
      'Give the justification for the rating (at least 10 characters): it is kept and shown.',
    field: 'justification',
  },
  orgRatingNotYours: {
    kind: 'FORBIDDEN',
    message:
      'The organisation rating of {opdName} is set by HR admins or by the leader one level above its head.',
  },
  noOrgRating: {
    kind: 'BAD_USER_INPUT',
    message:
      '{opdName} has no organisation rating for this period yet; it decides the distribution pattern.',
    field: 'orgUnitId',
  },
  nothingToFinalise: {
    kind: 'BAD_USER_INPUT',
    message: 'There are no submitted appraisals to finalise.',
    field: 'checkpoint',
  },
  /**
   * `violations`: what each broken rule says, joined (also in `extra.violations`, one by one);
   * `orgRating`: the organisation rating whose pattern applies (e.g. GOOD).
   */
  patternBroken: {
    kind: 'BAD_USER_INPUT',
    message:
      'The distribution breaks the {orgRating} pattern: {violations} Fix the appraisals, or an HR admin may finalise with an override reason.',
    field: 'overrideReason',
  },
  overrideNeedsHrAdmin: {
    kind: 'FORBIDDEN',
    message: 'Only an HR admin may finalise against the distribution pattern.',
  },
  patternEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'A distribution pattern needs at least one rule.',
    field: 'rules',
  },
  ruleMalformed: {
    kind: 'BAD_USER_INPUT',
    message: 'Rule {rule} must name predikat and a max, a min or a minCount.',
  },
  ruleWithoutPredikat: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule} must name at least one predikat (VERY_GOOD, GOOD, NEEDS_IMPROVEMENT, POOR, VERY_POOR).',
  },
  ruleUnknownPredikat: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule} names "{predikat}", which is not a predikat; use VERY_GOOD, GOOD, NEEDS_IMPROVEMENT, POOR or VERY_POOR.',
  },
  rulePredikatRepeated: {
    kind: 'BAD_USER_INPUT',
    message: 'Rule {rule} names {predikat} more than once; name each predikat once.',
  },
  ruleMaxNotFraction: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule}: the maximum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got {value}.',
  },
  ruleMinNotFraction: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule}: the minimum share must be a fraction from 0 to 1 (e.g. 0.7 for 70%); got {value}.',
  },
  ruleMinCountInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'Rule {rule}: the minimum count must be a whole number of 0 or more; got {value}.',
  },
  ruleWithoutBound: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule} needs a maximum share (max), a minimum share (min) or a minimum count (minCount).',
  },
  ruleMinAboveMax: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule}: the minimum ({min}) is above the maximum ({max}); the minimum must be at most the maximum.',
  },
  /** `predikat`: the rule's predikat by name; `otherRule`: the number of the rule with the max. */
  ruleMinAboveOtherMax: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule} asks for {predikat} at least {min}, but rule {otherRule} allows at most {max}; for the same predikat the minimum must be at most the maximum.',
  },
  /** `ruleText`: the rule in words; `maxTotal`: the largest unit tried. */
  ruleCannotHold: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rule {rule} cannot hold in any unit of 1 to {maxTotal} appraisals ({ruleText}); lower a minimum or raise a maximum so that some distribution meets every rule.',
    field: 'rules',
  },
  /** `rules`: their numbers, listed; `ruleTexts`: the rules in words; `maxTotal`: as above. */
  rulesConflict: {
    kind: 'BAD_USER_INPUT',
    message:
      'Rules {rules} cannot all hold together in any unit of 1 to {maxTotal} appraisals ({ruleTexts}); lower a minimum or raise a maximum so that some distribution meets every rule.',
    field: 'rules',
  },
});
