import { describe, expect, it } from 'vitest';
import { employeeColumns, employeeFieldsToRead } from './directory.records.js';

describe('employee columns', () => {
  it('reads only the fields asked for, with what every record carries', () => {
    const sql = employeeColumns('e', employeeFieldsToRead(new Set(['nip', 'orgUnit'])));
    expect(sql).toContain('e.nip');
    for (const carried of ['e.id', 'e.name', 'e.org_unit_id', 'e.supervisor_id'])
      expect(sql).toContain(carried);
    for (const other of ['e.email', 'e.phone', 'e.birth_date', 'e.position_title'])
      expect(sql).not.toContain(other);
  });

  it('reads every column for a field it does not know, or when not told', () => {
    expect(employeeFieldsToRead(new Set(['nip', 'someLaterField']))).toBeUndefined();
    expect(employeeFieldsToRead(new Set(['__typename', 'directReports']))).toBeDefined();
    for (const sql of [employeeColumns('e'), employeeColumns('e', undefined)])
      for (const column of ['e.email', 'e.phone', 'e.birth_date', 'e.version'])
        expect(sql).toContain(column);
  });
});
