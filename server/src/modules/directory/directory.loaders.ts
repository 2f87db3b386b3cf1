import { groupBy, type LoaderKit } from '../../db/loaders.js';
import {
  employeeColumns,
  type EmployeeRecord,
  orgUnitColumns,
  type OrgUnitRecord,
} from './directory.records.js';
import { Employee } from './employee.entity.js';
import { OrgUnit } from './org-unit.entity.js';

/** The directory's request-scoped loaders. */
export function directoryLoaders({ em, loader, records }: LoaderKit) {
  return {
    /** Units as read-only records (never entities: nothing may modify or persist them). */
    orgUnit: records<OrgUnitRecord>('org_unit', orgUnitColumns),
    /** Employees as read-only records, like orgUnit. */
    employee: records<EmployeeRecord>('employee', employeeColumns),
    directReports: loader<string, Employee[]>(async (supervisorIds) =>
      groupBy(
        await em.find(
          Employee,
          { supervisor: { $in: [...supervisorIds] }, active: true },
          { orderBy: { name: 'asc', id: 'asc' } },
        ),
        supervisorIds,
        (e) => e.supervisor!.id,
      ),
    ),
    childUnits: loader<string, OrgUnit[]>(async (parentIds) =>
      groupBy(
        await em.find(OrgUnit, { parent: { $in: [...parentIds] } }, { orderBy: { code: 'asc' } }),
        parentIds,
        (u) => u.parent!.id,
      ),
    ),
  };
}

declare module '../../kernel/scope.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof directoryLoaders> {}
}
