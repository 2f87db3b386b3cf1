import type { Viewer } from '../../graphql/context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import { Role } from '../auth/auth.enums.js';

/** The signed-in viewer; refuses anonymous callers with UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.includes(role);
}

/**
 * Directory changes (employees, units): HR admins anywhere, unit admins inside their own OPD.
 * Refuses everyone else with FORBIDDEN naming the right that is missing.
 */
export function requireDirectoryAdmin(viewer: Viewer | null, opdId: string | null): Viewer {
  const v = requireViewer(viewer);
  if (hasRole(v, Role.HR_ADMIN)) return v;
  if (hasRole(v, Role.UNIT_ADMIN) && opdId !== null && v.adminOrgUnitId === opdId) return v;
  throw forbidden(
    hasRole(v, Role.UNIT_ADMIN)
      ? 'Changing the directory outside your own OPD needs the HR_ADMIN role.'
      : 'Changing the directory needs the HR_ADMIN role, or UNIT_ADMIN for the same OPD.',
  );
}
