import { defineReasons } from '../../kernel/errors.js';

/** Refusals about API clients (agency tools with read access). */
export const apiClientReasons = defineReasons('apiClient', {
  notFound: { kind: 'NOT_FOUND', message: 'No API client has id {id}.' },
  nameLength: {
    kind: 'BAD_USER_INPUT',
    message: 'The name must be 1 to 120 characters.',
    field: 'name',
  },
  nameTaken: {
    kind: 'BAD_USER_INPUT',
    message: 'An API client named "{name}" already exists.',
    field: 'name',
  },
  scopesMissing: {
    kind: 'BAD_USER_INPUT',
    message: 'Give at least one read scope.',
    field: 'scopes',
  },
  /** `ids`: the unknown ids, comma-separated. */
  unknownOpds: {
    kind: 'BAD_USER_INPUT',
    message: 'No organisation unit has id {ids}.',
    field: 'opdIds',
  },
  /** `units`: the names of the units that are not OPDs, comma-separated. */
  notOpds: {
    kind: 'BAD_USER_INPUT',
    message: '{units} is not an OPD (a top-level unit); give OPDs.',
    field: 'opdIds',
  },
  revoked: {
    kind: 'BAD_USER_INPUT',
    message: '{name} is revoked; create a new client instead.',
    field: 'id',
  },
});
