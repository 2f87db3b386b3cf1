import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', () => {
    expect(toCsv([['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', 'a,b', 'say "hi"', 3, -4, null]])).toBe(
      `'=1+1,'+SUM(A1),'-2,'@cmd,'\tx,"a,b","say ""hi""",3,-4,`,
    );
  });

  it('ends rows with CRLF and quotes semicolons for spreadsheets that split on them', () => {
    expect(
      toCsv([
        ['a;b', 'c'],
        ['d', 'e'],
      ]),
    ).toBe('"a;b",c\r\nd,e');
  });
});
