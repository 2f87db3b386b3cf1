import { defineReasons } from '../../kernel/errors.js';

/** Refusals of the change feed. */
export const changesReasons = defineReasons('changes', {
  unknownType: {
    kind: 'BAD_USER_INPUT',
    message:
      '{type} is not a type of the change feed; use one of {known}, or a prefix such as plan.*.',
    field: 'types',
  },
  pageSize: {
    kind: 'BAD_USER_INPUT',
    message: 'first must be a whole number from 1 to {max}; it was {first}.',
    field: 'first',
  },
});
