import { defineReasons } from '../../kernel/errors.js';

/**
 * Refusals of signing in and of sessions. A wrong NIP, a wrong password and an inactive account
 * are one reason (`wrongCredentials`), so the answer never tells which NIPs have accounts.
 */
export const authReasons = defineReasons('auth', {
  passwordLength: {
    kind: 'BAD_USER_INPUT',
    message: 'The password must be between 1 and 512 characters.',
    field: 'password',
  },
  wrongCredentials: {
    kind: 'UNAUTHENTICATED',
    message: 'The NIP or the password is wrong.',
  },
  demoPasswordRefused: {
    kind: 'UNAUTHENTICATED',
    message:
      'The demo password is public and refused in production; ask an HR admin (BKPSDM) to reset your password.',
  },
  // Too many failed sign-ins: for the NIP or from the address, with the wait in the words
  // people use (`login-throttle.rules.ts`), one reason for each way of saying it.
  nipThrottledOneSecond: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins for this NIP; try again in 1 second.',
  },
  nipThrottledSeconds: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins for this NIP; try again in {seconds} seconds.',
  },
  nipThrottledMinutes: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins for this NIP; try again in {minutes} minutes.',
  },
  addressThrottledOneSecond: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins from this address; try again in 1 second.',
  },
  addressThrottledSeconds: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins from this address; try again in {seconds} seconds.',
  },
  addressThrottledMinutes: {
    kind: 'RATE_LIMITED',
    message: 'Too many failed sign-ins from this address; try again in {minutes} minutes.',
  },
  sessionNotFound: {
    kind: 'NOT_FOUND',
    message: 'You have no active session with id {id}.',
  },
});

/** Refusals about accounts: creating, roles, deactivation, passwords. */
export const accountReasons = defineReasons('account', {
  notFound: {
    kind: 'NOT_FOUND',
    message: '{name} has no account yet; create one first.',
  },
  readNeedsRole: {
    kind: 'FORBIDDEN',
    message: 'Reading accounts needs the HR_ADMIN, UNIT_ADMIN or AUDITOR role.',
  },
  exists: {
    kind: 'BAD_USER_INPUT',
    message: '{name} already has an account; reset its password instead.',
    field: 'employeeId',
  },
  employeeRoleRevoke: {
    kind: 'BAD_USER_INPUT',
    message: 'EMPLOYEE is every account’s base role; deactivate the account instead.',
    field: 'role',
  },
  lastHrAdmin: {
    kind: 'BAD_USER_INPUT',
    message: 'This is the last active HR admin; grant HR_ADMIN to someone else first.',
    field: 'role',
  },
  deactivateSelf: {
    kind: 'BAD_USER_INPUT',
    message: 'You cannot deactivate your own account.',
    field: 'employeeId',
  },
  currentPasswordWrong: {
    kind: 'BAD_USER_INPUT',
    message: 'The current password is wrong.',
    field: 'currentPassword',
  },
  // What is wrong with a new password (`password.rules.ts`).
  passwordTooShort: {
    kind: 'BAD_USER_INPUT',
    message: 'Use at least {min} characters; this one has {length}.',
    field: 'newPassword',
  },
  passwordTooLong: {
    kind: 'BAD_USER_INPUT',
    message: 'Use at most {max} characters.',
    field: 'newPassword',
  },
  passwordUnchanged: {
    kind: 'BAD_USER_INPUT',
    message: 'The new password must differ from the current one.',
    field: 'newPassword',
  },
  passwordCommon: {
    kind: 'BAD_USER_INPUT',
    message:
      'This password is on the list of commonly used passwords; choose something less guessable.',
    field: 'newPassword',
  },
  passwordBlank: {
    kind: 'BAD_USER_INPUT',
    message: 'A password of spaces only is no password: use letters, digits or symbols.',
    field: 'newPassword',
  },
  passwordPattern: {
    kind: 'BAD_USER_INPUT',
    message:
      'A password made of one repeated character or a simple sequence (like 1234567890 or abcdefghij) is too easy to guess.',
    field: 'newPassword',
  },
  passwordContainsNip: {
    kind: 'BAD_USER_INPUT',
    message: 'Do not use your NIP (or part of it) in your password.',
    field: 'newPassword',
  },
  passwordContainsName: {
    kind: 'BAD_USER_INPUT',
    message: 'Do not use your name in your password.',
    field: 'newPassword',
  },
});
