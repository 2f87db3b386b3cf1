import { describe, expect, expectTypeOf, it } from 'vitest';
import { yearMonthInWords } from './calendar.js';
import { defineReasons, fillTemplate, reasonCatalogue, type TemplateParams } from './errors.js';

describe('fillTemplate()', () => {
  it('puts params in as they are', () => {
    expect(fillTemplate('No IKI has id {id}; {n} tried.', { id: 'abc', n: 3 })).toBe(
      'No IKI has id abc; 3 tried.',
    );
  });

  it('leaves a placeholder without a param', () => {
    expect(fillTemplate('{a} and {b:date}', { a: 1 })).toBe('1 and {b:date}');
  });

  it('writes a {name:date} param (YYYY-MM-DD) in words', () => {
    expect(fillTemplate('Opens on {opensOn:date}.', { opensOn: '2028-01-01' })).toBe(
      'Opens on 1 January 2028.',
    );
    expect(fillTemplate('{d:date}', { d: '2028-02-29' })).toBe('29 February 2028');
  });

  it('writes a {name:month} param (YYYY-MM) in words', () => {
    expect(fillTemplate('{month:month} has not started.', { month: '2027-03' })).toBe(
      'March 2027 has not started.',
    );
    expect(fillTemplate('{m:month}', { m: '2015-12' })).toBe('December 2015');
  });

  it('writes a value that is not a real date or month as it is', () => {
    expect(fillTemplate('{d:date}', { d: '2027-02-29' })).toBe('2027-02-29');
    expect(fillTemplate('{d:date}', { d: 'tomorrow' })).toBe('tomorrow');
    expect(fillTemplate('{d:date}', { d: '2027-03' })).toBe('2027-03');
    expect(fillTemplate('{m:month}', { m: '2027-13' })).toBe('2027-13');
    expect(fillTemplate('{m:month}', { m: '2027-03-01' })).toBe('2027-03-01');
    expect(fillTemplate('{m:month}', { m: 7 })).toBe('7');
    expect(fillTemplate('{d:date}', { d: null })).toBe('null');
  });
});

describe('yearMonthInWords()', () => {
  it('writes a YYYY-MM month as the English message does', () => {
    expect(yearMonthInWords('2027-03')).toBe('March 2027');
    expect(yearMonthInWords('2028-01')).toBe('January 2028');
  });
});

describe('param names', () => {
  it('are the names without their format, once each, in the type and the catalogue', () => {
    const message = 'From {startsOn:date} to {endsOn:date}, in {month:month}; {id} {startsOn}.';
    expectTypeOf<TemplateParams<typeof message>>().toEqualTypeOf<
      'startsOn' | 'endsOn' | 'month' | 'id'
    >();
    const reasons = defineReasons('errorsTest', {
      formatted: { kind: 'BAD_USER_INPUT', message },
    });
    expect(reasonCatalogue().get('errorsTest.formatted')?.params).toEqual([
      'startsOn',
      'endsOn',
      'month',
      'id',
    ]);
    const error = reasons.formatted({
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      month: '2027-03',
      id: 'x',
    });
    expect(error.message).toBe(
      'From 1 January 2027 to 31 December 2027, in March 2027; x 2027-01-01.',
    );
    expect(error.params).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      month: '2027-03',
      id: 'x',
    });
  });

  it('refuses a placeholder with an unknown format at load', () => {
    expect(() =>
      defineReasons('errorsTestUnknown', {
        odd: { kind: 'BAD_USER_INPUT', message: 'On {day:weekday}.' },
      }),
    ).toThrow('unknown format: {day:weekday}');
  });
});
