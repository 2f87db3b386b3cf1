import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-operation counters, carried through async calls so SQL can be attributed to a request. */
export interface OperationStats {
  sqlStatements: number;
}

export const operationStats = new AsyncLocalStorage<OperationStats>();

/** Totals for the whole process; tests and benchmarks read differences of these. */
export const processStats = { sqlStatements: 0 };

const background = new AsyncLocalStorage<true>();

/**
 * Runs housekeeping (the event bus's reads, periodic checks) without counting its SQL in
 * `processStats`, so per-request measurements are not disturbed by timers.
 */
export function inBackground<T>(fn: () => T): T {
  return background.run(true, fn);
}

/** Whether the caller runs as housekeeping ({@link inBackground}), not for a request. */
export function isBackground(): boolean {
  return background.getStore() === true;
}

export function countStatement(): void {
  if (isBackground()) return;
  processStats.sqlStatements += 1;
  const current = operationStats.getStore();
  if (current) current.sqlStatements += 1;
}
