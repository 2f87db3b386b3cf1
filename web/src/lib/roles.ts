import type { JobType, Role } from '$lib/gql/graphql';

/** Structural positions head a unit: JPT, administrator, pengawas. */
const HEAD_JOB_TYPES: readonly JobType[] = ['SENIOR_EXECUTIVE', 'ADMINISTRATOR', 'SUPERVISOR'];

export function isHrAdmin(roles: readonly Role[]): boolean {
  return roles.includes('HR_ADMIN');
}

/** HR admins run BKPSDM's pages; auditors read them. */
export function isHrOrAuditor(roles: readonly Role[]): boolean {
  return roles.includes('HR_ADMIN') || roles.includes('AUDITOR');
}

/**
 * The unit whose dashboard the header links to: a unit admin's OPD, an HR admin's or auditor's
 * own OPD, a head's own unit; null for everyone else.
 */
export function dashboardUnitOf(me: {
  roles: readonly Role[];
  adminOrgUnit: { id: string } | null;
  employee: { jobType: JobType; orgUnit: { id: string } };
}): string | null {
  if (me.roles.includes('UNIT_ADMIN') && me.adminOrgUnit) return me.adminOrgUnit.id;
  if (HEAD_JOB_TYPES.includes(me.employee.jobType)) return me.employee.orgUnit.id;
  if (isHrOrAuditor(me.roles)) return me.employee.orgUnit.id;
  return null;
}
