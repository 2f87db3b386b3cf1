import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-operation counters, carried through async calls so SQL can be attributed to a request. */
export interface OperationStats {
  sqlStatements: number;
}

export const operationStats = new AsyncLocalStorage<OperationStats>();

/** Totals for the whole process; tests and benchmarks read differences of these. */
export const processStats = { sqlStatements: 0 };

export function countStatement(): void {
  processStats.sqlStatements += 1;
  const current = operationStats.getStore();
  if (current) current.sqlStatements += 1;
}
