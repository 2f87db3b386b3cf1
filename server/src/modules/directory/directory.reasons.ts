import { defineReasons } from '../../kernel/errors.js';

/** Refusals about the directory's inputs in general. */
export const directoryReasons = defineReasons('directory', {
  textEmpty: { kind: 'BAD_USER_INPUT', message: '{field} must not be empty.' },
  textTooLong: { kind: 'BAD_USER_INPUT', message: '{field} is at most {max} characters.' },
});

/**
 * Refusals about employees, their NIP among them. The NIP's problems name the segment that is
 * wrong (`extra.segment`); their messages repeat what `checkNip` reports.
 */
export const employeeReasons = defineReasons('employee', {
  notFound: { kind: 'NOT_FOUND', message: 'No employee has id {id}.' },
  supervisorNotFound: {
    kind: 'NOT_FOUND',
    message: 'No employee has id {id} (the supervisor).',
  },
  idOrNip: { kind: 'BAD_USER_INPUT', message: 'Give exactly one of id or nip.' },
  supervisorIdMalformed: {
    kind: 'BAD_USER_INPUT',
    message: '{id} is not an id (ids are UUIDs).',
    field: 'filter.supervisorId',
  },
  emailInvalid: {
    kind: 'BAD_USER_INPUT',
    message: '"{email}" is not an email address.',
    field: 'email',
  },
  nipTaken: {
    kind: 'BAD_USER_INPUT',
    message: 'NIP {nip} already belongs to another employee.',
    field: 'nip',
  },
  cityWideRoleHolder: {
    kind: 'FORBIDDEN',
    message: 'Changing {name}, who has the {roles} role, needs the HR_ADMIN role.',
  },
  staleVersion: {
    kind: 'CONFLICT',
    message:
      '{name} was changed by someone else (version {version}, you edited {expectedVersion}). Reload and apply your change again.',
  },
  stillSupervises: {
    kind: 'BAD_USER_INPUT',
    message:
      '{name} still supervises {count} active employee(s); give them another supervisor before deactivating.',
    field: 'active',
  },
  ownSupervisor: {
    kind: 'BAD_USER_INPUT',
    message: '{name} cannot be their own supervisor.',
    field: 'supervisorId',
  },
  supervisorInactive: {
    kind: 'BAD_USER_INPUT',
    message: '{supervisor} is inactive and cannot supervise anyone; choose an active supervisor.',
    field: 'supervisorId',
  },
  supervisorNotStructural: {
    kind: 'BAD_USER_INPUT',
    message:
      '{supervisor} holds no structural position (JPT, administrator or pengawas) and cannot be a supervisor (pejabat penilai kinerja).',
    field: 'supervisorId',
  },
  supervisorCycle: {
    kind: 'BAD_USER_INPUT',
    message: 'Making {supervisor} the supervisor of {name} would create a cycle: {cycle}.',
    field: 'supervisorId',
  },
  nipCharacters: {
    kind: 'BAD_USER_INPUT',
    message: 'A NIP contains only digits and spaces; found {found}.',
    field: 'nip',
  },
  nipLength: {
    kind: 'BAD_USER_INPUT',
    message: 'A NIP has 18 digits; this one has {digits}.',
    field: 'nip',
  },
  nipBirthDateNoMonth: {
    kind: 'BAD_USER_INPUT',
    message: 'Digits 1–8 (birth date) "{digits}" are not a real date: there is no month {month}.',
    field: 'nip',
  },
  nipBirthDateNoDay: {
    kind: 'BAD_USER_INPUT',
    message: 'Digits 1–8 (birth date) "{digits}" are not a real date: there is no day {day}.',
    field: 'nip',
  },
  nipBirthDateNotLeapYear: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 1–8 (birth date) "{digits}" are not a real date: {year} is not a leap year, so February has only 28 days.',
    field: 'nip',
  },
  nipBirthDateShortMonth: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 1–8 (birth date) "{digits}" are not a real date: {monthName} has only {days} days.',
    field: 'nip',
  },
  nipBirthDateFuture: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 1–8 (birth date) "{digits}" are in the future: {birthDay:date} is after today, {today:date}.',
    field: 'nip',
  },
  nipTmtNoMonth: {
    kind: 'BAD_USER_INPUT',
    message: 'Digits 9–14 (TMT CPNS) "{digits}" are not a real month: there is no month {month}.',
    field: 'nip',
  },
  nipTmtFuture: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 9–14 (TMT CPNS) "{digits}" are in the future: {tmtMonth:month} is after this month, {thisMonth:month}.',
    field: 'nip',
  },
  nipTmtNotAfterBirth: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 9–14 (TMT CPNS) "{digits}" are not after the birth date: TMT CPNS {tmtMonth:month} must be later than the birth month, {birthMonth:month}.',
    field: 'nip',
  },
  nipAppointmentYearFuture: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 9–12 (appointment year) "{year}" are in the future: {year} is after this year, {thisYear}.',
    field: 'nip',
  },
  nipAppointmentYearNotAfterBirth: {
    kind: 'BAD_USER_INPUT',
    message:
      'Digits 9–12 (appointment year) "{year}" are not after the birth date: the appointment year {year} must be later than the birth year, {birthYear}.',
    field: 'nip',
  },
  nipSexDigit: {
    kind: 'BAD_USER_INPUT',
    message: 'Digit 15 (sex) must be 1 (male) or 2 (female), got {digit}.',
    field: 'nip',
  },
  nipSequence: {
    kind: 'BAD_USER_INPUT',
    message: 'Digits 16–18 (sequence) start at 001, got {digits}.',
    field: 'nip',
  },
  nipBirthDateMismatch: {
    kind: 'BAD_USER_INPUT',
    message: 'Digits 1–8 (birth date) say {nipBirthDate}, but the birth date given is {birthDate}.',
    field: 'nip',
  },
  nipSexMismatch: {
    kind: 'BAD_USER_INPUT',
    message: 'Digit 15 (sex) says {nipSex}, but the sex given is {sex}.',
    field: 'nip',
  },
  nipOtherKind: {
    kind: 'BAD_USER_INPUT',
    message:
      'This number reads as a valid {numberName}, but the employment type given is {employmentType}.',
    field: 'nip',
  },
});

/** Refusals about organisation units. */
export const orgUnitReasons = defineReasons('orgUnit', {
  notFound: { kind: 'NOT_FOUND', message: 'No organisation unit has id {id}.' },
  /** An input naming a unit that does not exist (the field says which input). */
  unknown: { kind: 'BAD_USER_INPUT', message: 'No organisation unit has id {id}.' },
  codeTaken: {
    kind: 'BAD_USER_INPUT',
    message: 'Unit code {code} is already used.',
    field: 'code',
  },
});
