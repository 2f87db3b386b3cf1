import { defineReasons } from '../kernel/errors.js';

/** Refusals of the live streams (resuming with `after`). */
export const realtimeReasons = defineReasons('realtime', {
  badPosition: {
    kind: 'BAD_USER_INPUT',
    message: 'after must be an event id received from this stream.',
    field: 'after',
  },
  unknownPosition: {
    kind: 'BAD_USER_INPUT',
    message:
      'Event {after} is unknown or too old to resume after; fetch the data again and subscribe without after.',
    field: 'after',
  },
});
