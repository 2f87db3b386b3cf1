import { defineReasons } from '../../kernel/errors.js';

/** Refusals of reading the audit trail. */
export const auditReasons = defineReasons('audit', {
  subjectOrActorMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give subjectId or actorId (or both) to read the audit trail.',
    field: 'subjectId',
  },
});
