import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import type { OrgUnitKind } from '../modules/directory/index.js';
import { OrgUnit } from '../modules/directory/index.js';
import orgUnitsData from '../db/reference/denpasar-org-units.json' with { type: 'json' };

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentId: string | null;
  opdId: string;
  path: string;
  reference: boolean;
}

/**
 * Gives units ids, paths and OPDs from their parent codes. Parents must come before children
 * or already exist in `known` (code → row).
 */
export function placeUnits(
  units: {
    code: string;
    name: string;
    shortName: string | null;
    kind: string;
    parentCode: string | null;
    reference: boolean;
  }[],
  known: Map<string, Pick<UnitRow, 'id' | 'path' | 'opdId'>> = new Map(),
): UnitRow[] {
  const placed = new Map(known);
  const rows: UnitRow[] = [];
  for (const unit of units) {
    const id = uuidv7();
    const parent = unit.parentCode ? placed.get(unit.parentCode) : null;
    if (unit.parentCode && !parent) {
      throw new Error(
        `Unit ${unit.code} names parent ${unit.parentCode}, which comes later or does not exist.`,
      );
    }
    const row: UnitRow = {
      id,
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind as OrgUnitKind,
      parentId: parent?.id ?? null,
      opdId: parent?.opdId ?? id,
      path: `${parent?.path ?? '/'}${id}/`,
      reference: unit.reference,
    };
    placed.set(unit.code, row);
    rows.push(row);
  }
  return rows;
}

export async function insertUnits(em: EntityManager, rows: UnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await em.insertMany(
      OrgUnit,
      rows.slice(i, i + 500).map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        shortName: r.shortName,
        kind: r.kind,
        parent: r.parentId,
        opd: r.opdId,
        path: r.path,
        reference: r.reference,
      })),
    );
  }
}

/** Adds the 64 Perangkat Daerah of Kota Denpasar that are missing; never changes existing ones. */
export async function ensureReferenceUnits(em: EntityManager): Promise<number> {
  const existing = await em.find(OrgUnit, {}, { fields: ['code', 'path', 'opd'] });
  const known = new Map(
    existing.map((u) => [u.code, { id: u.id, path: u.path, opdId: u.opd?.id ?? u.id }]),
  );
  const missing = orgUnitsData.units
    .filter((u) => !known.has(u.code))
    .map((u) => ({ ...u, reference: true }));
  if (missing.length === 0) return 0;
  await insertUnits(em, placeUnits(missing, known));
  return missing.length;
}
