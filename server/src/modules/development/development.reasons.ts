import { defineReasons } from '../../kernel/errors.js';

/** Refusals shared by the development feature's parts: whom or where they are about. */
export const developmentReasons = defineReasons('development', {
  employeeNotFound: { kind: 'NOT_FOUND', message: 'No employee has id {id}.' },
  unitNotFound: { kind: 'NOT_FOUND', message: 'No organisation unit has id {id}.' },
});

/** Competency levels, standards (and their CSV), assessments and potential. */
export const competencyReasons = defineReasons('competency', {
  unknownCompetency: {
    kind: 'BAD_USER_INPUT',
    message:
      '{key} is not a competency; use one of {known}, or give a technical competency by name.',
  },
  technicalNameLength: {
    kind: 'BAD_USER_INPUT',
    message: 'A technical competency needs a name of 1–150 characters.',
  },
  levelOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'The level of {name} must be a whole number from {min} to {max}; it is {level}.',
  },
  listedTwice: { kind: 'BAD_USER_INPUT', message: '{name} is listed twice.' },
  standardPositionHalf: {
    kind: 'BAD_USER_INPUT',
    message:
      'Give both an OPD and a position title for a position standard, or neither for a shared standard of the job type.',
  },
  standardOpdNotTop: {
    kind: 'BAD_USER_INPUT',
    message: 'Standards belong to an OPD (a top-level unit), not to a sub-unit.',
    field: 'opdId',
  },
  standardExists: {
    kind: 'BAD_USER_INPUT',
    message: 'A standard for {positionTitle} exists already (id {id}); change that one.',
    field: 'positionTitle',
  },
  sharedStandardExists: {
    kind: 'BAD_USER_INPUT',
    message: 'A standard for every {jobType} position exists already (id {id}); change that one.',
    field: 'positionTitle',
  },
  standardNotFound: { kind: 'NOT_FOUND', message: 'No competency standard has id {id}.' },
  standardStale: {
    kind: 'CONFLICT',
    message:
      'The standard was changed by someone else (now version {currentVersion}; you edited version {editedVersion}). Reload it and apply your change again.',
  },
  csvTooLarge: { kind: 'BAD_USER_INPUT', message: 'The CSV is at most 2 MB.', field: 'csv' },
  csvEmpty: { kind: 'BAD_USER_INPUT', message: 'The CSV has no standards.', field: 'csv' },
  csvUnreadable: {
    kind: 'BAD_USER_INPUT',
    message:
      'The file is not readable as CSV ({detail}); save it again as CSV (comma-separated, UTF-8).',
    field: 'csv',
  },
  csvHeaderLacks: {
    kind: 'BAD_USER_INPUT',
    message: 'The header lacks {columns}.',
    field: 'csv',
  },
  csvUnknownJobType: {
    kind: 'BAD_USER_INPUT',
    message: 'Line {line}: job_type "{jobType}" is not one of {jobTypes}.',
  },
  csvPositionHalf: {
    kind: 'BAD_USER_INPUT',
    message:
      'Line {line}: give both opd_code and position_title for a position, or neither for a shared standard.',
  },
  csvUnknownCompetency: {
    kind: 'BAD_USER_INPUT',
    message:
      'Line {line}: {key} is not a competency; use one of {known}, or give a technical competency by name.',
  },
  csvTechnicalNameLength: {
    kind: 'BAD_USER_INPUT',
    message: 'Line {line}: A technical competency needs a name of 1–150 characters.',
  },
  csvLevelOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message:
      'Line {line}: The level of {name} must be a whole number from {min} to {max}; it is {level}.',
  },
  csvListedTwice: { kind: 'BAD_USER_INPUT', message: 'Line {line}: {name} is listed twice.' },
  csvUnknownOpd: { kind: 'BAD_USER_INPUT', message: 'No OPD has code {code}.', field: 'csv' },
  csvNotOpd: {
    kind: 'BAD_USER_INPUT',
    message: '{code} is not an OPD (a top-level unit).',
    field: 'csv',
  },
  nothingAssessed: {
    kind: 'BAD_USER_INPUT',
    message: 'Assess at least one competency.',
    field: 'levels',
  },
  assessedOnInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'The assessment date must be a real date, today ({today}) or earlier.',
    field: 'assessedOn',
  },
  noteTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The note is at most 2,000 characters.',
    field: 'note',
  },
});

/** The training catalogue, enrolments, recommendations and JP. */
export const trainingReasons = defineReasons('training', {
  titleLength: {
    kind: 'BAD_USER_INPUT',
    message: 'The title is 5–250 characters.',
    field: 'title',
  },
  providerLength: {
    kind: 'BAD_USER_INPUT',
    message: 'The provider is 2–200 characters.',
    field: 'provider',
  },
  jpOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'JP is a whole number from 1 to {max}.',
    field: 'jp',
  },
  noCompetency: {
    kind: 'BAD_USER_INPUT',
    message: 'Name at least one competency the training develops.',
    field: 'competencies',
  },
  notADate: { kind: 'BAD_USER_INPUT', message: '{value} is not a date.' },
  endsBeforeStart: {
    kind: 'BAD_USER_INPUT',
    message: 'The training cannot end before it starts.',
    field: 'endsOn',
  },
  capacityInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'Capacity is at least 1 seat, or empty for unlimited.',
    field: 'capacity',
  },
  notFound: { kind: 'NOT_FOUND', message: 'No training has id {id}.' },
  stale: {
    kind: 'CONFLICT',
    message:
      'The training was changed by someone else (now version {currentVersion}; you edited version {editedVersion}).',
  },
  notAssignable: {
    kind: 'BAD_USER_INPUT',
    message:
      'It can be assigned only when the employee is not on it yet (or cancelled); this one is {status}.',
    field: 'status',
  },
  notEnrollable: {
    kind: 'BAD_USER_INPUT',
    message:
      'Enrolment is possible only when not enrolled yet (assigned, cancelled or new); this one is {status}.',
    field: 'status',
  },
  notCancellable: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an assigned or enrolled place can be cancelled; this one is {status}.',
    field: 'status',
  },
  notCompletable: {
    kind: 'BAD_USER_INPUT',
    message: 'Only an enrolled place can be completed; this one is {status}.',
    field: 'status',
  },
  noLongerOffered: {
    kind: 'BAD_USER_INPUT',
    message: 'This training is no longer offered.',
    field: 'trainingId',
  },
  ended: {
    kind: 'BAD_USER_INPUT',
    message: 'This training ended on {endsOn}.',
    field: 'trainingId',
  },
  full: {
    kind: 'BAD_USER_INPUT',
    message: 'This training is full ({capacity} seats).',
    field: 'trainingId',
  },
  reasonTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'The reason is at most 1,000 characters.',
    field: 'reason',
  },
  enrolmentNotFound: { kind: 'NOT_FOUND', message: 'No enrolment has id {id}.' },
  completedOnInvalid: {
    kind: 'BAD_USER_INPUT',
    message: 'The completion date must be a real date, today ({today}) or earlier.',
    field: 'completedOn',
  },
  jpCreditedOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'JP credited is a whole number from 0 to {max}.',
    field: 'jp',
  },
  recommendationLimit: {
    kind: 'BAD_USER_INPUT',
    message: 'limit must be between 1 and {max}; got {limit}.',
    field: 'limit',
  },
  yearOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'The year is from 2000 to 2100.',
    field: 'year',
  },
});

/** The nine-box grid and the candidates drawn from it. */
export const talentReasons = defineReasons('talent', {
  periodNotFound: { kind: 'NOT_FOUND', message: 'No period has id {id}.' },
  boxOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'box is a box number of the grid, 1 to 9; got {box}.',
    field: 'box',
  },
});
