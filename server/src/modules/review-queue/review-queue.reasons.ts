import { defineReasons } from '../../kernel/errors.js';

/** Why the review queue refuses a request. */
export const reviewQueueReasons = defineReasons('reviewQueue', {
  activitiesPerPersonOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'activitiesPerPerson must be between 0 and {max}.',
    field: 'activitiesPerPerson',
  },
});
