import { describe, expect, it } from 'vitest';
import { planColumns, planFieldsToRead } from './plan.records.js';

describe('plan columns', () => {
  it('reads only the fields asked for, with what every record carries', () => {
    const sql = planColumns('p', planFieldsToRead(new Set(['id', 'version', 'workResults'])));
    expect(sql).toContain('p.version');
    for (const carried of ['p.id', 'p.employee_id', 'p.period_id', 'p.assessor_id', 'p.status'])
      expect(sql).toContain(carried);
    expect(sql).toContain('p.submitted_at'); // lists of plans are ordered by it
    for (const other of ['p.revision_note', 'p.position_title', 'p.created_at', 'p.org_unit_id'])
      expect(sql).not.toContain(other);
  });

  it('reads every column for a field computed from others, one it does not know, or when not told', () => {
    expect(planFieldsToRead(new Set(['id', 'progress']))).toBeUndefined();
    expect(planFieldsToRead(new Set(['id', 'parentCandidates']))).toBeUndefined();
    expect(planFieldsToRead(new Set(['id', 'someLaterField']))).toBeUndefined();
    for (const sql of [planColumns('p'), planColumns('p', undefined)])
      for (const column of ['p.revision_note', 'p.position_title', 'p.created_at', 'p.version'])
        expect(sql).toContain(column);
  });
});
