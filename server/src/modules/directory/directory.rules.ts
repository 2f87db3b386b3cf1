import type { DomainError } from '../../kernel/errors.js';
import { JobType, STRUCTURAL_JOB_TYPES } from './directory.enums.js';
import { employeeReasons } from './directory.reasons.js';

export interface ChainLink {
  id: string;
  name: string;
  active: boolean;
  jobType: JobType;
}

/**
 * Why `supervisor` may not supervise the employee, or null when it may. `chain` is the proposed
 * supervisor followed by their supervisors upward. Refuses: self-supervision, an inactive
 * supervisor, a supervisor who holds no structural position, and any cycle.
 */
export function supervisorError(
  employee: { id: string; name: string },
  chain: ChainLink[],
): DomainError | null {
  const supervisor = chain[0];
  if (!supervisor) return null;
  if (supervisor.id === employee.id) {
    return employeeReasons.ownSupervisor({ name: employee.name });
  }
  if (!supervisor.active) {
    return employeeReasons.supervisorInactive({ supervisor: supervisor.name });
  }
  if (!STRUCTURAL_JOB_TYPES.includes(supervisor.jobType)) {
    return employeeReasons.supervisorNotStructural({ supervisor: supervisor.name });
  }
  const loopAt = chain.findIndex((link) => link.id === employee.id);
  if (loopAt >= 0) {
    const names = [employee.name, ...chain.slice(0, loopAt + 1).map((l) => l.name)];
    return employeeReasons.supervisorCycle({
      supervisor: supervisor.name,
      name: employee.name,
      cycle: names.join(' → '),
    });
  }
  return null;
}

/** {@link supervisorError}'s message, or null when the supervisor may supervise. */
export function supervisorProblem(
  employee: { id: string; name: string },
  chain: ChainLink[],
): string | null {
  return supervisorError(employee, chain)?.message ?? null;
}
