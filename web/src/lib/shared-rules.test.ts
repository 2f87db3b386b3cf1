import { describe, expect, it } from 'vitest';
import { addDays, todayInDenpasar } from './datetime';
import { dueCheckpoint } from './period';
import { predikatOf } from './predikat';

// These come from the server's own calendar and reference data ($kernel, $reference): the pages
// and the server place a date and look up a predikat by the same source.
const period2027 = {
  checkpoints: [
    { key: 'Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
    { key: 'Q2', startsOn: '2027-04-01', endsOn: '2027-06-30' },
    { key: 'Q3', startsOn: '2027-07-01', endsOn: '2027-09-30' },
    { key: 'Q4', startsOn: '2027-10-01', endsOn: '2027-12-31' },
  ],
  evaluationWindow: { opensOn: '2027-12-01', closesOn: '2028-01-31' },
};

describe('rules shared with the server', () => {
  it('places today in the period as the review queue does', () => {
    expect(dueCheckpoint(period2027, '2027-03-31')).toBeNull();
    expect(dueCheckpoint(period2027, '2027-04-01')).toBe('Q1');
    expect(dueCheckpoint(period2027, '2027-11-30')).toBe('Q3');
    expect(dueCheckpoint(period2027, '2027-12-01')).toBe('ANNUAL');
    expect(dueCheckpoint(period2027, '2028-02-01')).toBe('Q4');
  });

  it('counts the working day in WITA and moves dates across months', () => {
    expect(todayInDenpasar(new Date('2027-01-31T16:00:00Z'))).toBe('2027-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('reads the predikat matrix of the regulation', () => {
    expect(predikatOf('ABOVE', 'ABOVE')).toBe('VERY_GOOD');
    expect(predikatOf('ABOVE', 'BELOW')).toBe('POOR');
    expect(predikatOf('BELOW', 'MEETS')).toBe('NEEDS_IMPROVEMENT');
    expect(predikatOf('BELOW', 'BELOW')).toBe('VERY_POOR');
  });
});
