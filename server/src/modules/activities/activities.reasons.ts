import { defineReasons } from '../../kernel/errors.js';

/**
 * Why the activities feature refuses: logging, changing and reviewing activities, monthly
 * reports and realisation. Dates in messages are written in words (e.g. "15 March 2027").
 */
export const activityReasons = defineReasons('activity', {
  // The activity itself (rules).
  dateInvalid: {
    kind: 'BAD_USER_INPUT',
    message:
      'Enter the date of the activity as a real calendar date written YYYY-MM-DD (e.g. {today}).',
    field: 'date',
  },
  dateInFuture: {
    kind: 'BAD_USER_INPUT',
    message:
      'An activity cannot be dated in the future; use today ({today:date}) or an earlier date.',
    field: 'date',
  },
  dateOutsidePeriod: {
    kind: 'BAD_USER_INPUT',
    message: "The date must lie within the plan's period, from {startsOn:date} to {endsOn:date}.",
    field: 'date',
  },
  dateTooOld: {
    kind: 'BAD_USER_INPUT',
    message:
      'Activities can be recorded up to {windowDays} days back, from {earliest:date}; this date is older.',
    field: 'date',
  },
  descriptionEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'Describe what you did; it cannot be empty.',
    field: 'description',
  },
  descriptionTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The description can be at most {max} characters; it has {length}.',
    field: 'description',
  },
  durationInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'The duration must be a whole number of minutes from 1 to {max} (24 hours).',
    field: 'durationMinutes',
  },
  outputMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Enter the output quantity of this activity: its IKI has a numeric target.',
    field: 'output',
  },
  outputInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'The output must be a number of 0 or more.',
    field: 'output',
  },
  outputTooLarge: {
    kind: 'BAD_USER_INPUT',
    message: 'The output of one activity can be at most {max}.',
    field: 'output',
  },
  monthInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'month must be a month of the year, from 1 to 12; got {month}.',
    field: 'month',
  },
  outputOnQualitative: {
    kind: 'BAD_USER_INPUT',
    message:
      'Leave the output empty: this IKI has a qualitative target, so describe the result instead.',
    field: 'output',
  },
  outputWithoutIndicator: {
    kind: 'BAD_USER_INPUT',
    message:
      'Leave the output empty: only an activity for a quantitative IKI has an output quantity.',
    field: 'output',
  },

  // Evidence links (rules); the field is the caller's.
  tooManyEvidenceUrls: {
    kind: 'BAD_USER_INPUT',
    message: 'At most {max} evidence links are allowed; there are {count}.',
    field: 'evidenceUrls',
  },
  evidenceUrlEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'An evidence link cannot be empty; remove it or enter an https:// link.',
    field: 'evidenceUrls',
  },
  evidenceUrlTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The evidence link "{url}" is too long: a link can be at most {max} characters.',
    field: 'evidenceUrls',
  },
  evidenceUrlInsecure: {
    kind: 'BAD_USER_INPUT',
    message: 'The evidence link "{url}" is not secure: use an https:// link.',
    field: 'evidenceUrls',
  },
  evidenceUrlInvalid: {
    kind: 'BAD_USER_INPUT',
    message:
      '"{url}" is not a valid evidence link: enter a full https:// link, e.g. https://drive.google.com/….',
    field: 'evidenceUrls',
  },

  // What an activity is logged against.
  indicatorUnknown: {
    kind: 'BAD_USER_INPUT',
    message: 'No IKI has id {id}.',
    field: 'indicatorId',
  },
  indicatorOfOthersPlan: {
    kind: 'FORBIDDEN',
    message:
      'This IKI belongs to someone else’s plan; you can only log activities against your own plan.',
  },
  targetMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give the IKI the activity counts toward, or the period.',
    field: 'indicatorId',
  },
  noPlanForPeriod: {
    kind: 'BAD_USER_INPUT',
    message: 'You have no plan for this period; create and submit it first.',
    field: 'periodId',
  },
  planNotApproved: {
    kind: 'BAD_USER_INPUT',
    message: 'Activities are logged against an approved plan; yours is {status}.',
    field: 'indicatorId',
  },
  indicatorOfOtherPlan: {
    kind: 'BAD_USER_INPUT',
    message: 'Move activities only between IKI of the same plan.',
    field: 'indicatorId',
  },

  // Changing and reviewing activities.
  notFound: { kind: 'NOT_FOUND', message: 'No activity has id {id}.' },
  rangeReversed: {
    kind: 'BAD_USER_INPUT',
    message: 'from ({from:date}) must not be after to ({to:date}).',
    field: 'from',
  },
  staleVersion: {
    kind: 'CONFLICT',
    message: 'The activity changed since you loaded it (now version {version}, status {status}).',
  },
  alreadyReviewed: {
    kind: 'BAD_USER_INPUT',
    message: 'This activity is {status}; only activities not yet reviewed can be changed.',
    field: 'activityId',
  },
  rejectNoteMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Say why the activity is rejected: the note is shown to the employee.',
    field: 'note',
  },
  noActivitiesChosen: {
    kind: 'BAD_USER_INPUT',
    message: 'Choose at least one activity.',
    field: 'activityIds',
  },
  tooManyToReview: {
    kind: 'BAD_USER_INPUT',
    message: 'Review at most {max} activities at once.',
    field: 'activityIds',
  },
  notWaitingForReview: {
    kind: 'BAD_USER_INPUT',
    message: '{count} of these activities are already {status}; reload your queue.',
    field: 'activityIds',
  },
  planNotFound: { kind: 'NOT_FOUND', message: 'No performance plan has id {id}.' },

  // Monthly reports.
  monthOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'Choose a month from 1 (January) to 12 (December).',
    field: 'month',
  },
  monthOutsidePeriod: {
    kind: 'BAD_USER_INPUT',
    message: "A monthly report covers a month of the plan's period: choose a month of {year}.",
    field: 'month',
  },
  monthNotStarted: {
    kind: 'BAD_USER_INPUT',
    message:
      '{month:month} has not started yet: a monthly report can be submitted for {currentMonth:month} or an earlier month.',
    field: 'month',
  },
  reportWithoutPlan: {
    kind: 'BAD_USER_INPUT',
    message: 'You have no plan for this period.',
    field: 'periodId',
  },
  reportPlanNotApproved: {
    kind: 'BAD_USER_INPUT',
    message: 'Monthly reports need an approved plan.',
    field: 'periodId',
  },
  monthWithoutActivities: {
    kind: 'BAD_USER_INPUT',
    message: 'This month has no activities to report yet.',
    field: 'month',
  },
  monthAlreadySubmitted: {
    kind: 'BAD_USER_INPUT',
    message: 'This month was already submitted ({status}).',
    field: 'month',
  },
  returnNoteMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Say what to fix: the note is shown to the employee.',
    field: 'note',
  },
  reportNotFound: { kind: 'NOT_FOUND', message: 'No monthly report has id {id}.' },
  reportNotSubmitted: {
    kind: 'BAD_USER_INPUT',
    message: 'This report is {status}, not waiting for verification.',
    field: 'reportId',
  },

  // Realisation of IKI not counted from activities.
  indicatorNotFound: { kind: 'NOT_FOUND', message: 'No IKI has id {id}.' },
  realisationPlanNotApproved: {
    kind: 'BAD_USER_INPUT',
    message: 'Realisation is recorded on an approved plan.',
    field: 'indicatorId',
  },
  realisationOfQuantitative: {
    kind: 'BAD_USER_INPUT',
    message: 'This IKI is quantitative: its realisation is the sum of approved activity outputs.',
    field: 'indicatorId',
  },
  checkpointInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'checkpoint must be Q1, Q2, Q3 or Q4.',
    field: 'checkpoint',
  },
  realisationEmpty: {
    kind: 'BAD_USER_INPUT',
    message: 'Give a value or a text for the realisation.',
    field: 'value',
  },
  realisationValueInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'The value must be a number of at least 0.',
    field: 'value',
  },
  evidenceMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Add at least one evidence link (bukti dukung).',
    field: 'evidenceUrls',
  },
});
