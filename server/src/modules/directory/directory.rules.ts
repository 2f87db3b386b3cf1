import { JobType, STRUCTURAL_JOB_TYPES } from './directory.enums.js';

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
export function supervisorProblem(
  employee: { id: string; name: string },
  chain: ChainLink[],
): string | null {
  const supervisor = chain[0];
  if (!supervisor) return null;
  if (supervisor.id === employee.id) {
    return `${employee.name} cannot be their own supervisor.`;
  }
  if (!supervisor.active) {
    return `${supervisor.name} is inactive and cannot supervise anyone; choose an active supervisor.`;
  }
  if (!STRUCTURAL_JOB_TYPES.includes(supervisor.jobType)) {
    return `${supervisor.name} holds no structural position (JPT, administrator or pengawas) and cannot be a supervisor (pejabat penilai kinerja).`;
  }
  const loopAt = chain.findIndex((link) => link.id === employee.id);
  if (loopAt >= 0) {
    const names = [employee.name, ...chain.slice(0, loopAt + 1).map((l) => l.name)];
    return `Making ${supervisor.name} the supervisor of ${employee.name} would create a cycle: ${names.join(' → ')}.`;
  }
  return null;
}
