/**
 * Rules for the identity number of an ASN: the PNS NIP and the PPPK NI PPPK
 * (DOMAIN.md, "Identity: NIP"). Pure: no database, no clock except an injectable `today`.
 *
 * Dates are calendar dates compared as 'YYYY-MM-DD' strings; `Date` is only used to read
 * the UTC calendar day of `today`, never to parse a NIP, because `new Date(y, m, d)` rolls
 * impossible dates over (31 April becomes 1 May) and maps years 0–99 onto 1900–1999.
 *
 * Each problem is also a domain error (`errors`: a reason of `employee.nip…` with its params,
 * the field `nip` and the segment in `extra.segment`), so a service refusing a NIP names the
 * reason rather than only the English sentence.
 */
import { dateInWords, MONTH_NAMES, yearMonthInWords } from '../../kernel/calendar.js';
import { DomainError, invalidInput } from '../../kernel/errors.js';
import { employeeReasons as reasons } from './directory.reasons.js';

export type NipKind = 'PNS' | 'PPPK';
export type EmploymentTypeKey = 'PNS' | 'PPPK' | 'PPPK_PART_TIME';
export type SexKey = 'MALE' | 'FEMALE';
export type NipSegmentName =
  'length' | 'characters' | 'birthDate' | 'appointment' | 'pppkCode' | 'sex' | 'sequence';

export interface NipProblem {
  segment: NipSegmentName;
  message: string;
}

export interface NipSegment {
  name: NipSegmentName;
  digits: string;
  /** 1-based position of the first digit. */
  from: number;
  /** 1-based position of the last digit. */
  to: number;
  /** What the digits say for people, e.g. "born 26 September 1986", or why they cannot be read. */
  meaning: string;
}

export interface NipCheck {
  input: string;
  /** Digits only; null when the characters or the length are wrong. */
  normalized: string | null;
  valid: boolean;
  /**
   * The reading that `segments` and `problems` belong to. When the kind was inferred and
   * neither reading is valid this is the reading whose problems are reported, not a verdict.
   */
  kind: NipKind | null;
  /** 'YYYY-MM-DD'; null when the birth date segment has a problem. */
  birthDate: string | null;
  /** 'YYYY-MM' for PNS, 'YYYY' for PPPK; null when the appointment segment has a problem. */
  appointment: string | null;
  /** Null when the sex digit has a problem. */
  sex: SexKey | null;
  /** Null when the sequence has a problem. */
  sequence: number | null;
  segments: NipSegment[];
  problems: NipProblem[];
  /** The same problems as domain errors, in the same order (see {@link nipRefusal}). */
  errors: DomainError[];
}

const NIP_LENGTH = 18;

const SEX_WORD: Record<SexKey, string> = { MALE: 'male', FEMALE: 'female' };

const KIND_OF_EMPLOYMENT: Record<EmploymentTypeKey, NipKind> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  // Part-time PPPK are appointed under the same NI PPPK scheme as full-time PPPK.
  PPPK_PART_TIME: 'PPPK',
};

const EMPLOYMENT_WORD: Record<EmploymentTypeKey, string> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  PPPK_PART_TIME: 'part-time PPPK',
};

const NUMBER_NAME: Record<NipKind, string> = { PNS: 'PNS NIP', PPPK: 'NI PPPK' };

/**
 * The number format an employment type is identified by.
 * Refuses nothing: every employment type has a number format.
 */
export function nipKindOf(employmentType: EmploymentTypeKey): NipKind {
  return KIND_OF_EMPLOYMENT[employmentType];
}

/**
 * Removes whitespace, so `19860926 201505 1 001` becomes `198609262015051001`.
 * Refuses nothing: other characters are kept so that {@link checkNip} can name them.
 */
export function normalizeNip(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * Reads and checks a PNS NIP or a PPPK NI PPPK.
 *
 * Refuses (as `problems`, never by throwing): characters other than digits and whitespace,
 * a digit count other than 18, a birth date or TMT CPNS month that is not a real calendar
 * date, a TMT CPNS month not strictly after the birth month (PNS), an appointment year not
 * strictly after the birth year (PPPK), a birth date or appointment after `today`, a sex
 * digit other than 1 or 2, and sequence 000. Character and length problems stop the check;
 * otherwise every segment is checked and all problems are reported.
 *
 * When `options.kind` is not given the kind is inferred, because a PPPK number's digits
 * 13–14 are a code, not a month, and may or may not look like one:
 * 1. if digits 13–14 are 01–12 and the PNS reading has no problems, it is a PNS NIP;
 * 2. otherwise, if the PPPK reading has no problems, it is a NI PPPK;
 * 3. otherwise the problems of the PNS reading are reported when digits 13–14 are 01–12,
 *    else those of the PPPK reading.
 * A number valid under both readings is therefore taken as PNS; pass `kind` when the
 * employment type is known.
 *
 * `today` defaults to now; its UTC calendar day is used. Throws a RangeError when `today`
 * is an invalid Date, since no check against the future could be made.
 */
export function checkNip(input: string, options: { kind?: NipKind; today?: Date } = {}): NipCheck {
  const today = calendarToday(options.today ?? new Date());
  const compact = normalizeNip(input);

  const entryErrors = characterAndLengthErrors(compact);
  if (entryErrors.length > 0) {
    return {
      input,
      normalized: null,
      valid: false,
      kind: null,
      birthDate: null,
      appointment: null,
      sex: null,
      sequence: null,
      segments: [],
      problems: entryErrors.map(nipProblemOf),
      errors: entryErrors,
    };
  }

  const reading = options.kind
    ? readAs(options.kind, compact, today)
    : inferReading(compact, today);
  return {
    input,
    normalized: compact,
    valid: reading.errors.length === 0,
    ...reading,
    problems: reading.errors.map(nipProblemOf),
  };
}

/** A NIP problem as `checkNip` reports it: the segment and the English sentence. */
export function nipProblemOf(error: DomainError): NipProblem {
  return { segment: error.extra.segment as NipSegmentName, message: error.message };
}

/**
 * One refusal for a NIP's problems (what a service throws): the first problem's reason and
 * params, every problem's message, and the segments they name (`extra.segments`).
 */
export function nipRefusal(errors: readonly DomainError[]): DomainError {
  const joined = invalidInput(errors);
  return new DomainError(joined.kind, joined.reason, joined.message, joined.params, {
    field: 'nip',
    extra: { ...joined.extra, segments: errors.map((error) => error.extra.segment) },
  });
}

/** The options of a NIP problem's error: the segment it is about. */
function at(segment: NipSegmentName) {
  return { extra: { segment } };
}

/**
 * Checks a NIP against the person it is stored for, reading it in the format of the
 * person's employment type.
 *
 * Refuses everything {@link checkNip} refuses for that kind, a birth date or sex in the NIP
 * that differs from the person's, and, as a hint for a wrong employment type, a number that
 * fails its expected format but is valid in the other one. Birth date and sex are only
 * compared when their own segments are readable.
 */
export function checkNipAgainstPerson(
  input: string,
  person: { employmentType: EmploymentTypeKey; birthDate: string; sex: SexKey },
  options: { today?: Date } = {},
): NipProblem[] {
  return nipPersonErrors(input, person, options).map(nipProblemOf);
}

/** {@link checkNipAgainstPerson}'s problems as domain errors, in the same order. */
export function nipPersonErrors(
  input: string,
  person: { employmentType: EmploymentTypeKey; birthDate: string; sex: SexKey },
  options: { today?: Date } = {},
): DomainError[] {
  const kind = nipKindOf(person.employmentType);
  const check = checkNip(input, { kind, today: options.today });
  const errors = [...check.errors];

  if (check.birthDate !== null && check.birthDate !== person.birthDate) {
    errors.push(
      reasons.nipBirthDateMismatch(
        { nipBirthDate: check.birthDate, birthDate: person.birthDate },
        at('birthDate'),
      ),
    );
  }
  if (check.sex !== null && check.sex !== person.sex) {
    errors.push(
      reasons.nipSexMismatch({ nipSex: SEX_WORD[check.sex], sex: SEX_WORD[person.sex] }, at('sex')),
    );
  }

  if (check.normalized !== null && !check.valid) {
    const other: NipKind = kind === 'PNS' ? 'PPPK' : 'PNS';
    if (checkNip(input, { kind: other, today: options.today }).valid) {
      // The two formats differ only from digit 9 on, so the appointment is where the mix-up shows.
      errors.push(
        reasons.nipOtherKind(
          {
            numberName: NUMBER_NAME[other],
            employmentType: EMPLOYMENT_WORD[person.employmentType],
          },
          at('appointment'),
        ),
      );
    }
  }
  return errors;
}

/**
 * Groups a NIP for display: PNS `19860926 201505 1 001`, PPPK `19900101 2021 21 1 001`.
 * Refuses to format anything that is not 18 digits after removing whitespace and returns
 * the input unchanged. Without `kind` the kind is inferred as in {@link checkNip}, ignoring
 * whether the dates lie in the future, so display never depends on the clock.
 */
export function formatNip(nip: string, kind?: NipKind): string {
  const digits = normalizeNip(nip);
  if (!/^[0-9]{18}$/.test(digits)) return nip;
  const format = kind ?? checkNip(digits, { today: END_OF_CALENDAR }).kind ?? 'PNS';
  const birth = digits.slice(0, 8);
  const tail = `${digits.slice(14, 15)} ${digits.slice(15, 18)}`;
  return format === 'PNS'
    ? `${birth} ${digits.slice(8, 14)} ${tail}`
    : `${birth} ${digits.slice(8, 12)} ${digits.slice(12, 14)} ${tail}`;
}

/**
 * For demo/test data: builds a NIP from its parts.
 *
 * Throws an Error on parts in the wrong shape (birth date not 'YYYY-MM-DD', appointment not
 * 'YYYY-MM' for PNS or 'YYYY' for PPPK, sequence not a whole number 1–999, `pppkCode` not two
 * digits or given for a PNS) and on any problem {@link checkNip} finds in the result with
 * today's date, so every built NIP passes the check.
 */
export function buildNip(parts: {
  kind: NipKind;
  birthDate: string;
  appointment: string;
  sex: SexKey;
  sequence: number;
  pppkCode?: string;
}): string {
  const { kind, birthDate, appointment, sex, sequence, pppkCode } = parts;
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(birthDate)) {
    throw new Error(`Birth date must be written YYYY-MM-DD, got "${birthDate}".`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new Error(`Sequence must be a whole number from 1 to 999, got ${sequence}.`);
  }

  let appointmentDigits: string;
  if (kind === 'PNS') {
    if (!/^[0-9]{4}-[0-9]{2}$/.test(appointment)) {
      throw new Error(
        `A PNS appointment (TMT CPNS) must be written YYYY-MM, got "${appointment}".`,
      );
    }
    if (pppkCode !== undefined) {
      throw new Error('A PNS NIP has no PPPK code; leave pppkCode out.');
    }
    appointmentDigits = appointment.replace('-', '');
  } else {
    if (!/^[0-9]{4}$/.test(appointment)) {
      throw new Error(`A PPPK appointment must be a year written YYYY, got "${appointment}".`);
    }
    const code = pppkCode ?? '21';
    if (!/^[0-9]{2}$/.test(code)) {
      throw new Error(`The PPPK code must be two digits, got "${code}".`);
    }
    appointmentDigits = appointment + code;
  }

  const nip =
    birthDate.replace(/-/g, '') +
    appointmentDigits +
    (sex === 'MALE' ? '1' : '2') +
    String(sequence).padStart(3, '0');

  const check = checkNip(nip, { kind });
  if (!check.valid) {
    throw new Error(check.problems.map((problem) => problem.message).join(' '));
  }
  return nip;
}

// ---------------------------------------------------------------------------

interface CalendarDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'YYYY-MM' */
  month: string;
  /** 'YYYY' */
  year: string;
}

interface Reading {
  kind: NipKind;
  birthDate: string | null;
  appointment: string | null;
  sex: SexKey | null;
  sequence: number | null;
  segments: NipSegment[];
  errors: DomainError[];
}

const END_OF_CALENDAR = new Date(Date.UTC(9999, 11, 31));

function calendarToday(today: Date): CalendarDay {
  if (Number.isNaN(today.getTime())) {
    throw new RangeError('checkNip needs a valid `today` to tell whether a date is in the future.');
  }
  const year = pad(today.getUTCFullYear(), 4);
  const month = `${year}-${pad(today.getUTCMonth() + 1, 2)}`;
  return { date: `${month}-${pad(today.getUTCDate(), 2)}`, month, year };
}

function characterAndLengthErrors(compact: string): DomainError[] {
  const errors: DomainError[] = [];
  // Array.from walks code points, so an emoji is named whole rather than as two halves.
  const strangers = [...new Set(Array.from(compact).filter((char) => !/[0-9]/.test(char)))];
  if (strangers.length > 0) {
    const found = listInWords(strangers.map((c) => `"${c}"`));
    errors.push(reasons.nipCharacters({ found }, at('characters')));
  }
  // Counting digits rather than characters keeps "19860926-201505-1-001" to one problem.
  const digits = compact.replace(/[^0-9]/g, '').length;
  if (digits !== NIP_LENGTH) errors.push(reasons.nipLength({ digits }, at('length')));
  return errors;
}

function inferReading(digits: string, today: CalendarDay): Reading {
  const looksLikeMonth = isMonth(digits.slice(12, 14));
  const pns = readAs('PNS', digits, today);
  if (looksLikeMonth && pns.errors.length === 0) return pns;
  const pppk = readAs('PPPK', digits, today);
  if (pppk.errors.length === 0) return pppk;
  return looksLikeMonth ? pns : pppk;
}

function readAs(kind: NipKind, digits: string, today: CalendarDay): Reading {
  const segments: NipSegment[] = [];
  const errors: DomainError[] = [];

  // Birth date, digits 1–8.
  const birthDigits = digits.slice(0, 8);
  let birthDate: string | null = null;
  let birthMeaning: string;
  const birthUnreal = unrealBirthDate(birthDigits);
  if (birthUnreal !== null) {
    birthMeaning = 'not a real date';
    errors.push(birthUnreal);
  } else {
    const iso = `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6, 8)}`;
    birthMeaning = `born ${dateInWords(iso)}`;
    if (iso > today.date) {
      errors.push(
        reasons.nipBirthDateFuture(
          { digits: birthDigits, birthDay: iso, today: today.date },
          at('birthDate'),
        ),
      );
    } else {
      birthDate = iso;
    }
  }
  segments.push({ name: 'birthDate', digits: birthDigits, from: 1, to: 8, meaning: birthMeaning });

  // Appointment: TMT CPNS month (PNS, digits 9–14) or appointment year (PPPK, digits 9–12).
  // It is only compared with the birth date once that is known good, so one typo in the
  // birth date does not also blame the appointment.
  let appointment: string | null = null;
  if (kind === 'PNS') {
    const tmtDigits = digits.slice(8, 14);
    const tmt = `${tmtDigits.slice(0, 4)}-${tmtDigits.slice(4, 6)}`;
    let tmtMeaning: string;
    const tmtMonthDigits = tmtDigits.slice(4, 6);
    if (!isMonth(tmtMonthDigits)) {
      tmtMeaning = 'not a real month';
      errors.push(
        reasons.nipTmtNoMonth({ digits: tmtDigits, month: tmtMonthDigits }, at('appointment')),
      );
    } else {
      tmtMeaning = `TMT CPNS ${yearMonthInWords(tmt)}`;
      let ok = true;
      if (tmt > today.month) {
        ok = false;
        errors.push(
          reasons.nipTmtFuture(
            {
              digits: tmtDigits,
              tmtMonth: tmt,
              thisMonth: today.month,
            },
            at('appointment'),
          ),
        );
      }
      if (birthDate !== null && tmt <= birthDate.slice(0, 7)) {
        ok = false;
        errors.push(
          reasons.nipTmtNotAfterBirth(
            {
              digits: tmtDigits,
              tmtMonth: tmt,
              birthMonth: birthDate.slice(0, 7),
            },
            at('appointment'),
          ),
        );
      }
      if (ok) appointment = tmt;
    }
    segments.push({ name: 'appointment', digits: tmtDigits, from: 9, to: 14, meaning: tmtMeaning });
  } else {
    const year = digits.slice(8, 12);
    let ok = true;
    if (year > today.year) {
      ok = false;
      errors.push(
        reasons.nipAppointmentYearFuture({ year, thisYear: today.year }, at('appointment')),
      );
    }
    if (birthDate !== null && year <= birthDate.slice(0, 4)) {
      ok = false;
      errors.push(
        reasons.nipAppointmentYearNotAfterBirth(
          { year, birthYear: birthDate.slice(0, 4) },
          at('appointment'),
        ),
      );
    }
    if (ok) appointment = year;
    segments.push({
      name: 'appointment',
      digits: year,
      from: 9,
      to: 12,
      meaning: `appointed ${year}`,
    });
    // Never read as a month: DOMAIN.md says these two digits of a NI PPPK are not one.
    const code = digits.slice(12, 14);
    segments.push({ name: 'pppkCode', digits: code, from: 13, to: 14, meaning: `code ${code}` });
  }

  // Sex, digit 15.
  const sexDigit = digits.slice(14, 15);
  const sex: SexKey | null = sexDigit === '1' ? 'MALE' : sexDigit === '2' ? 'FEMALE' : null;
  if (sex === null) errors.push(reasons.nipSexDigit({ digit: sexDigit }, at('sex')));
  segments.push({
    name: 'sex',
    digits: sexDigit,
    from: 15,
    to: 15,
    meaning: sex === null ? 'neither male nor female' : SEX_WORD[sex],
  });

  // Sequence, digits 16–18.
  const sequenceDigits = digits.slice(15, 18);
  const sequenceNumber = Number(sequenceDigits);
  const sequence = sequenceNumber >= 1 ? sequenceNumber : null;
  if (sequence === null) {
    errors.push(reasons.nipSequence({ digits: sequenceDigits }, at('sequence')));
  }
  segments.push({
    name: 'sequence',
    digits: sequenceDigits,
    from: 16,
    to: 18,
    meaning: sequence === null ? 'no such sequence' : `sequence ${sequence}`,
  });

  return { kind, birthDate, appointment, sex, sequence, segments, errors };
}

/** Whether two digits are a month (01–12). */
function isMonth(mm: string): boolean {
  const month = Number(mm);
  return month >= 1 && month <= 12;
}

/** Why eight digits YYYYMMDD are not a calendar birth date, or null when they are one. */
function unrealBirthDate(yyyymmdd: string): DomainError | null {
  const yyyy = yyyymmdd.slice(0, 4);
  const mm = yyyymmdd.slice(4, 6);
  const dd = yyyymmdd.slice(6, 8);
  const digits = yyyymmdd;
  if (!isMonth(mm)) return reasons.nipBirthDateNoMonth({ digits, month: mm }, at('birthDate'));
  const month = Number(mm);
  const day = Number(dd);
  if (day < 1) return reasons.nipBirthDateNoDay({ digits, day: dd }, at('birthDate'));
  const last = daysInMonth(Number(yyyy), month);
  if (day <= last) return null;
  if (month === 2 && day === 29) {
    return reasons.nipBirthDateNotLeapYear({ digits, year: yyyy }, at('birthDate'));
  }
  return reasons.nipBirthDateShortMonth(
    { digits, monthName: MONTH_NAMES[month - 1], days: last },
    at('birthDate'),
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 'YYYY-MM-DD' → "26 September 1986" */

/** 'YYYY-MM' → "May 2015" */

function listInWords(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
