import { describe, it, expect } from 'vitest';
import {
  buildNip,
  checkNip,
  checkNipAgainstPerson,
  formatNip,
  nipKindOf,
  normalizeNip,
  type EmploymentTypeKey,
  type NipKind,
  type NipProblem,
  type SexKey,
} from './nip.rules.js';

// Fixed so that "in the future" cases do not change meaning as the calendar moves on.
const today = new Date(Date.UTC(2025, 5, 15)); // 15 June 2025

describe('NIP rules', () => {
  it.each<{
    input: string;
    kind: NipKind;
    birthDate: string;
    appointment: string;
    sex: SexKey;
    sequence: number;
  }>([
    {
      input: '198609262015051001',
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      sex: 'MALE',
      sequence: 1,
    },
    {
      input: '19860926 201505 1 001',
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      sex: 'MALE',
      sequence: 1,
    },
    {
      input: '  19860926\t201505 2 123\n',
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      sex: 'FEMALE',
      sequence: 123,
    },
    {
      input: '200002292020011999',
      kind: 'PNS',
      birthDate: '2000-02-29',
      appointment: '2020-01',
      sex: 'MALE',
      sequence: 999,
    },
    {
      input: '198609262025061001',
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2025-06',
      sex: 'MALE',
      sequence: 1,
    },
    {
      input: '199001012021211001',
      kind: 'PPPK',
      birthDate: '1990-01-01',
      appointment: '2021',
      sex: 'MALE',
      sequence: 1,
    },
    {
      input: '19900101 2021 13 2 005',
      kind: 'PPPK',
      birthDate: '1990-01-01',
      appointment: '2021',
      sex: 'FEMALE',
      sequence: 5,
    },
    {
      input: '199001012025991010',
      kind: 'PPPK',
      birthDate: '1990-01-01',
      appointment: '2025',
      sex: 'MALE',
      sequence: 10,
    },
  ])('accepts $input and reads it as a $kind number', ({ input, ...expected }) => {
    const check = checkNip(input, { today });
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.normalized).toBe(normalizeNip(input));
    expect(check).toMatchObject(expected);
  });

  it('describes each segment of a PNS NIP for people', () => {
    expect(checkNip('19860926 201505 1 001', { today }).segments).toEqual([
      { name: 'birthDate', digits: '19860926', from: 1, to: 8, meaning: 'born 26 September 1986' },
      { name: 'appointment', digits: '201505', from: 9, to: 14, meaning: 'TMT CPNS May 2015' },
      { name: 'sex', digits: '1', from: 15, to: 15, meaning: 'male' },
      { name: 'sequence', digits: '001', from: 16, to: 18, meaning: 'sequence 1' },
    ]);
  });

  it('describes each segment of a NI PPPK and leaves digits 13–14 as a code, not a month', () => {
    expect(checkNip('199001012021212005', { today }).segments).toEqual([
      { name: 'birthDate', digits: '19900101', from: 1, to: 8, meaning: 'born 1 January 1990' },
      { name: 'appointment', digits: '2021', from: 9, to: 12, meaning: 'appointed 2021' },
      { name: 'pppkCode', digits: '21', from: 13, to: 14, meaning: 'code 21' },
      { name: 'sex', digits: '2', from: 15, to: 15, meaning: 'female' },
      { name: 'sequence', digits: '005', from: 16, to: 18, meaning: 'sequence 5' },
    ]);
  });

  it.each<{ why: string; input: string; kind?: NipKind; problems: NipProblem[] }>([
    {
      why: 'has 17 digits',
      input: '19860926201505100',
      problems: [{ segment: 'length', message: 'A NIP has 18 digits; this one has 17.' }],
    },
    {
      why: 'has 19 digits',
      input: '19860926 201505 1 0011',
      problems: [{ segment: 'length', message: 'A NIP has 18 digits; this one has 19.' }],
    },
    {
      why: 'is empty',
      input: '   ',
      problems: [{ segment: 'length', message: 'A NIP has 18 digits; this one has 0.' }],
    },
    {
      why: 'contains a letter',
      input: '19860926201505100A',
      problems: [
        { segment: 'characters', message: 'A NIP contains only digits and spaces; found "A".' },
        { segment: 'length', message: 'A NIP has 18 digits; this one has 17.' },
      ],
    },
    {
      why: 'is written with dashes',
      input: '19860926-201505-1-001',
      problems: [
        { segment: 'characters', message: 'A NIP contains only digits and spaces; found "-".' },
      ],
    },
    {
      why: 'contains several kinds of stray characters',
      input: '19860926.201505/1.001x',
      problems: [
        {
          segment: 'characters',
          message: 'A NIP contains only digits and spaces; found ".", "/" and "x".',
        },
      ],
    },
    {
      why: 'has a birth date in month 13',
      input: '198613262015051001',
      problems: [
        {
          segment: 'birthDate',
          message: 'Digits 1–8 (birth date) "19861326" are not a real date: there is no month 13.',
        },
      ],
    },
    {
      why: 'has a birth date on day 00',
      input: '198609002015051001',
      problems: [
        {
          segment: 'birthDate',
          message: 'Digits 1–8 (birth date) "19860900" are not a real date: there is no day 00.',
        },
      ],
    },
    {
      why: 'has a birth date on 31 April',
      input: '198604312015051001',
      problems: [
        {
          segment: 'birthDate',
          message:
            'Digits 1–8 (birth date) "19860431" are not a real date: April has only 30 days.',
        },
      ],
    },
    {
      why: 'has a birth date on 29 February of the non-leap year 1900',
      input: '190002291925011001',
      problems: [
        {
          segment: 'birthDate',
          message:
            'Digits 1–8 (birth date) "19000229" are not a real date: 1900 is not a leap year, so February has only 28 days.',
        },
      ],
    },
    {
      why: 'has TMT CPNS in month 00',
      input: '198609262015001001',
      kind: 'PNS',
      problems: [
        {
          segment: 'appointment',
          message: 'Digits 9–14 (TMT CPNS) "201500" are not a real month: there is no month 00.',
        },
      ],
    },
    {
      why: 'has TMT CPNS in month 13',
      input: '198609262015131001',
      kind: 'PNS',
      problems: [
        {
          segment: 'appointment',
          message: 'Digits 9–14 (TMT CPNS) "201513" are not a real month: there is no month 13.',
        },
      ],
    },
    {
      why: 'has TMT CPNS before the birth month',
      input: '198609261985011001',
      problems: [
        {
          segment: 'appointment',
          message:
            'Digits 9–14 (TMT CPNS) "198501" are not after the birth date: TMT CPNS January 1985 must be later than the birth month, September 1986.',
        },
      ],
    },
    {
      why: 'has TMT CPNS in the birth month',
      input: '198609261986091001',
      kind: 'PNS',
      problems: [
        {
          segment: 'appointment',
          message:
            'Digits 9–14 (TMT CPNS) "198609" are not after the birth date: TMT CPNS September 1986 must be later than the birth month, September 1986.',
        },
      ],
    },
    {
      why: 'has sex digit 0',
      input: '198609262015050001',
      problems: [
        { segment: 'sex', message: 'Digit 15 (sex) must be 1 (male) or 2 (female), got 0.' },
      ],
    },
    {
      why: 'has sex digit 3',
      input: '198609262015053001',
      problems: [
        { segment: 'sex', message: 'Digit 15 (sex) must be 1 (male) or 2 (female), got 3.' },
      ],
    },
    {
      why: 'has sequence 000',
      input: '198609262015051000',
      problems: [
        { segment: 'sequence', message: 'Digits 16–18 (sequence) start at 001, got 000.' },
      ],
    },
    {
      why: 'has TMT CPNS next month',
      input: '198609262025071001',
      kind: 'PNS',
      problems: [
        {
          segment: 'appointment',
          message:
            'Digits 9–14 (TMT CPNS) "202507" are in the future: July 2025 is after this month, June 2025.',
        },
      ],
    },
    {
      why: 'has a birth date tomorrow, and so a TMT CPNS that is also in the future',
      input: '202506162025071001',
      kind: 'PNS',
      problems: [
        {
          segment: 'birthDate',
          message:
            'Digits 1–8 (birth date) "20250616" are in the future: 16 June 2025 is after today, 15 June 2025.',
        },
        {
          segment: 'appointment',
          message:
            'Digits 9–14 (TMT CPNS) "202507" are in the future: July 2025 is after this month, June 2025.',
        },
      ],
    },
    {
      why: 'is a NI PPPK appointed next year',
      input: '199001012026211001',
      problems: [
        {
          segment: 'appointment',
          message:
            'Digits 9–12 (appointment year) "2026" are in the future: 2026 is after this year, 2025.',
        },
      ],
    },
    {
      why: 'is a NI PPPK appointed in the birth year',
      input: '199001011990211001',
      problems: [
        {
          segment: 'appointment',
          message:
            'Digits 9–12 (appointment year) "1990" are not after the birth date: the appointment year 1990 must be later than the birth year, 1990.',
        },
      ],
    },
    {
      why: 'is wrong in four segments at once',
      input: '198613262015133000',
      kind: 'PNS',
      problems: [
        {
          segment: 'birthDate',
          message: 'Digits 1–8 (birth date) "19861326" are not a real date: there is no month 13.',
        },
        {
          segment: 'appointment',
          message: 'Digits 9–14 (TMT CPNS) "201513" are not a real month: there is no month 13.',
        },
        { segment: 'sex', message: 'Digit 15 (sex) must be 1 (male) or 2 (female), got 3.' },
        { segment: 'sequence', message: 'Digits 16–18 (sequence) start at 001, got 000.' },
      ],
    },
  ])('refuses a NIP that $why, naming the segment', ({ input, kind, problems }) => {
    const check = checkNip(input, { kind, today });
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual(problems);
  });

  it('stops after a character or length problem and reads no segments', () => {
    const check = checkNip('19860926-201505-1-001', { today });
    expect(check).toMatchObject({ normalized: null, kind: null, birthDate: null, segments: [] });
  });

  it('keeps the readable parts of an invalid NIP and nulls the wrong ones', () => {
    const check = checkNip('198613262015053001', { kind: 'PNS', today });
    expect(check).toMatchObject({
      birthDate: null,
      appointment: '2015-05',
      sex: null,
      sequence: 1,
    });
  });

  it('accepts 29 February in the leap year 2000', () => {
    expect(checkNip('200002292020011001', { today }).birthDate).toBe('2000-02-29');
  });

  it.each<{ why: string; input: string; kind: NipKind; valid: boolean; segments: string[] }>([
    {
      why: 'digits 13–14 are a month and the PNS reading is clean',
      input: '198609262015051001',
      kind: 'PNS',
      valid: true,
      segments: [],
    },
    {
      why: 'digits 13–14 are a month and both readings are clean',
      input: '199001012021051001',
      kind: 'PNS',
      valid: true,
      segments: [],
    },
    {
      why: 'digits 13–14 are 13, which is no month',
      input: '198609262015131001',
      kind: 'PPPK',
      valid: true,
      segments: [],
    },
    {
      why: 'digits 13–14 are 21, which is no month',
      input: '199001012021211001',
      kind: 'PPPK',
      valid: true,
      segments: [],
    },
    {
      why: 'the PNS reading has a TMT in the future but the PPPK reading is clean',
      input: '199001012025071001',
      kind: 'PPPK',
      valid: true,
      segments: [],
    },
    {
      why: 'both readings fail and digits 13–14 look like a month',
      input: '199001012025073001',
      kind: 'PNS',
      valid: false,
      segments: ['appointment', 'sex'],
    },
    {
      why: 'both readings fail and digits 13–14 are no month',
      input: '199001012021213001',
      kind: 'PPPK',
      valid: false,
      segments: ['sex'],
    },
  ])('infers $kind when $why', ({ input, kind, valid, segments }) => {
    const check = checkNip(input, { today });
    expect(check.kind).toBe(kind);
    expect(check.valid).toBe(valid);
    expect(check.problems.map((problem) => problem.segment)).toEqual(segments);
  });

  it('reads a number as the kind it is told, even when the other reading would be clean', () => {
    const check = checkNip('199001012021051001', { kind: 'PPPK', today });
    expect(check).toMatchObject({ kind: 'PPPK', valid: true, appointment: '2021' });
  });

  it('refuses an invalid today rather than guessing the date', () => {
    expect(() => checkNip('198609262015051001', { today: new Date('not a date') })).toThrow(
      RangeError,
    );
  });

  it.each<{ employmentType: EmploymentTypeKey; kind: NipKind }>([
    { employmentType: 'PNS', kind: 'PNS' },
    { employmentType: 'PPPK', kind: 'PPPK' },
    { employmentType: 'PPPK_PART_TIME', kind: 'PPPK' },
  ])('identifies $employmentType staff by a $kind number', ({ employmentType, kind }) => {
    expect(nipKindOf(employmentType)).toBe(kind);
  });

  it('strips only whitespace when normalizing', () => {
    expect(normalizeNip(' 19860926\t201505 1-001\n')).toBe('198609262015051-001');
  });

  it.each<{
    why: string;
    input: string;
    person: { employmentType: EmploymentTypeKey; birthDate: string; sex: SexKey };
    problems: NipProblem[];
  }>([
    {
      why: 'agrees with a PNS',
      input: '19860926 201505 1 001',
      person: { employmentType: 'PNS', birthDate: '1986-09-26', sex: 'MALE' },
      problems: [],
    },
    {
      why: 'agrees with a part-time PPPK whose digits 13–14 look like a month',
      input: '199001012021052001',
      person: { employmentType: 'PPPK_PART_TIME', birthDate: '1990-01-01', sex: 'FEMALE' },
      problems: [],
    },
    {
      why: 'gives another birth date',
      input: '198609262015051001',
      person: { employmentType: 'PNS', birthDate: '1986-09-27', sex: 'MALE' },
      problems: [
        {
          segment: 'birthDate',
          message:
            'Digits 1–8 (birth date) say 1986-09-26, but the birth date given is 1986-09-27.',
        },
      ],
    },
    {
      why: 'gives another sex',
      input: '198609262015051001',
      person: { employmentType: 'PNS', birthDate: '1986-09-26', sex: 'FEMALE' },
      problems: [
        { segment: 'sex', message: 'Digit 15 (sex) says male, but the sex given is female.' },
      ],
    },
    {
      why: 'gives another birth date and sex for a PPPK',
      input: '199001012021212001',
      person: { employmentType: 'PPPK', birthDate: '1991-01-01', sex: 'MALE' },
      problems: [
        {
          segment: 'birthDate',
          message:
            'Digits 1–8 (birth date) say 1990-01-01, but the birth date given is 1991-01-01.',
        },
        { segment: 'sex', message: 'Digit 15 (sex) says female, but the sex given is male.' },
      ],
    },
    {
      why: 'is a NI PPPK given for a PNS',
      input: '199001012021211001',
      person: { employmentType: 'PNS', birthDate: '1990-01-01', sex: 'MALE' },
      problems: [
        {
          segment: 'appointment',
          message: 'Digits 9–14 (TMT CPNS) "202121" are not a real month: there is no month 21.',
        },
        {
          segment: 'appointment',
          message: 'This number reads as a valid NI PPPK, but the employment type given is PNS.',
        },
      ],
    },
    {
      why: 'is not a NIP at all',
      input: '1986-09-26',
      person: { employmentType: 'PNS', birthDate: '1986-09-26', sex: 'MALE' },
      problems: [
        { segment: 'characters', message: 'A NIP contains only digits and spaces; found "-".' },
        { segment: 'length', message: 'A NIP has 18 digits; this one has 8.' },
      ],
    },
  ])('reports the problems when a NIP $why', ({ input, person, problems }) => {
    expect(checkNipAgainstPerson(input, person, { today })).toEqual(problems);
  });

  it.each<{ input: string; kind?: NipKind; formatted: string }>([
    { input: '198609262015051001', formatted: '19860926 201505 1 001' },
    { input: ' 19860926 2015 05 1001 ', formatted: '19860926 201505 1 001' },
    { input: '199001012021211001', formatted: '19900101 2021 21 1 001' },
    { input: '199001012021051001', kind: 'PPPK', formatted: '19900101 2021 05 1 001' },
    { input: '19860926-201505-1-001', formatted: '19860926-201505-1-001' },
    { input: '123', formatted: '123' },
  ])('formats $input as "$formatted"', ({ input, kind, formatted }) => {
    expect(formatNip(input, kind)).toBe(formatted);
  });

  it.each<{
    kind: NipKind;
    birthDate: string;
    appointment: string;
    sex: SexKey;
    sequence: number;
    pppkCode?: string;
    nip: string;
  }>([
    {
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      sex: 'MALE',
      sequence: 1,
      nip: '198609262015051001',
    },
    {
      kind: 'PNS',
      birthDate: '2000-02-29',
      appointment: '2022-03',
      sex: 'FEMALE',
      sequence: 42,
      nip: '200002292022032042',
    },
    {
      kind: 'PPPK',
      birthDate: '1990-01-01',
      appointment: '2021',
      sex: 'MALE',
      sequence: 1,
      nip: '199001012021211001',
    },
    {
      kind: 'PPPK',
      birthDate: '1995-12-31',
      appointment: '2023',
      sex: 'FEMALE',
      sequence: 999,
      pppkCode: '05',
      nip: '199512312023052999',
    },
  ])('builds $nip from its parts and reads the same parts back', ({ nip, ...parts }) => {
    const built = buildNip(parts);
    expect(built).toBe(nip);
    expect(checkNip(built, { kind: parts.kind, today })).toMatchObject({
      valid: true,
      kind: parts.kind,
      birthDate: parts.birthDate,
      appointment: parts.appointment,
      sex: parts.sex,
      sequence: parts.sequence,
    });
  });

  it.each<{ why: string; parts: Parameters<typeof buildNip>[0]; message: string }>([
    {
      why: 'a birth date on 29 February 1900',
      parts: {
        kind: 'PNS',
        birthDate: '1900-02-29',
        appointment: '1925-01',
        sex: 'MALE',
        sequence: 1,
      },
      message: '1900 is not a leap year',
    },
    {
      why: 'a TMT CPNS in month 13',
      parts: {
        kind: 'PNS',
        birthDate: '1986-09-26',
        appointment: '2015-13',
        sex: 'MALE',
        sequence: 1,
      },
      message: 'there is no month 13',
    },
    {
      why: 'a PNS appointment written as a year',
      parts: {
        kind: 'PNS',
        birthDate: '1986-09-26',
        appointment: '2015',
        sex: 'MALE',
        sequence: 1,
      },
      message: 'must be written YYYY-MM',
    },
    {
      why: 'a PPPK appointment written as a month',
      parts: {
        kind: 'PPPK',
        birthDate: '1990-01-01',
        appointment: '2021-05',
        sex: 'MALE',
        sequence: 1,
      },
      message: 'must be a year written YYYY',
    },
    {
      why: 'sequence 0',
      parts: {
        kind: 'PNS',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'MALE',
        sequence: 0,
      },
      message: 'from 1 to 999, got 0',
    },
    {
      why: 'sequence 1000',
      parts: {
        kind: 'PNS',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'MALE',
        sequence: 1000,
      },
      message: 'from 1 to 999, got 1000',
    },
    {
      why: 'a PPPK code that is not two digits',
      parts: {
        kind: 'PPPK',
        birthDate: '1990-01-01',
        appointment: '2021',
        sex: 'MALE',
        sequence: 1,
        pppkCode: '2a',
      },
      message: 'two digits, got "2a"',
    },
    {
      why: 'a PPPK code on a PNS',
      parts: {
        kind: 'PNS',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'MALE',
        sequence: 1,
        pppkCode: '21',
      },
      message: 'no PPPK code',
    },
    {
      why: 'an appointment in the birth year',
      parts: {
        kind: 'PPPK',
        birthDate: '1990-01-01',
        appointment: '1990',
        sex: 'MALE',
        sequence: 1,
      },
      message: 'must be later than the birth year',
    },
  ])('refuses to build a NIP from $why', ({ parts, message }) => {
    expect(() => buildNip(parts)).toThrow(message);
  });
});
