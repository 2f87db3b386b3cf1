import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Employee } from '../modules/directory/employee.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Request-scoped batch loaders: every relation a list resolves goes through one of these, so a
 * nested list costs one SQL statement per relation, whatever its length.
 */
export function createLoaders(em: EntityManager) {
  return {
    orgUnit: new DataLoader<string, OrgUnit | null>(async (ids) =>
      byId(await em.find(OrgUnit, { id: { $in: [...ids] } }), ids),
    ),
    employee: new DataLoader<string, Employee | null>(async (ids) =>
      byId(await em.find(Employee, { id: { $in: [...ids] } }), ids),
    ),
    directReports: new DataLoader<string, Employee[]>(async (supervisorIds) =>
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
    childUnits: new DataLoader<string, OrgUnit[]>(async (parentIds) =>
      groupBy(
        await em.find(OrgUnit, { parent: { $in: [...parentIds] } }, { orderBy: { code: 'asc' } }),
        parentIds,
        (u) => u.parent!.id,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
