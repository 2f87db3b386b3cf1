import { defineReasons } from '../../kernel/errors.js';

export const unitDashboardReasons = defineReasons('unitDashboard', {
  unitNotFound: { kind: 'NOT_FOUND', message: 'No organisation unit has id {id}.' },
  periodNotFound: { kind: 'NOT_FOUND', message: 'No period has id {id}.' },
});
