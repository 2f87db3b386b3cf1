import { defineReasons } from '../../kernel/errors.js';

/** Why feedback (umpan balik) and replies to it are refused. */
export const feedbackReasons = defineReasons('feedback', {
  bodyEmpty: { kind: 'BAD_USER_INPUT', message: 'Write the feedback first.', field: 'body' },
  bodyTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'Feedback is at most 4,000 characters.',
    field: 'body',
  },
  subjectMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Say what the feedback is about: planId, workResultId or indicatorId.',
    field: 'planId',
  },
  indicatorNotFound: { kind: 'NOT_FOUND', message: 'No IKI has id {id}.' },
  workResultNotFound: { kind: 'NOT_FOUND', message: 'No RHK has id {id}.' },
  planNotFound: { kind: 'NOT_FOUND', message: 'No performance plan has id {id}.' },
  notFound: { kind: 'NOT_FOUND', message: 'No feedback has id {id}.' },
  employeeMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'API clients name the employee whose feedback they read.',
    field: 'employeeId',
  },
});
