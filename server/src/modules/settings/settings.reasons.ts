import { defineReasons } from '../../kernel/errors.js';

/** Why a change of the configurable values is refused. */
export const settingsReasons = defineReasons('settings', {
  activityWindowDaysOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'activityWindowDays must be a whole number of days from {min} to {max}.',
    field: 'activityWindowDays',
  },
  peerFeedbackMinimumOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'peerFeedbackMinimum must be a whole number of responses from {min} to {max}.',
    field: 'peerFeedbackMinimum',
  },
  appealWindowDaysOutOfRange: {
    kind: 'BAD_USER_INPUT',
    message: 'appealWindowDays must be a whole number of days from {min} to {max}.',
    field: 'appealWindowDays',
  },
});
