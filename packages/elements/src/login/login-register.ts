import {
  PASSWORD_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  checkEmail,
  checkPassport,
  checkPassword,
  checkPersonName,
  checkRuPhone,
  checkSnils,
  errorMessage,
  type ErrorCode,
  type Lang,
} from '@school-diary/core';

/** What a parent types to create an account, besides the phone and password the login keeps. */
export interface RegistrationDraft {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName: string;
  readonly email: string;
  readonly snils: string;
  readonly passport: string;
}

/** A field of the registration form that the sign-in form does not have. */
export type RegisterField = keyof RegistrationDraft;

/** An empty registration form. */
export const EMPTY_REGISTRATION: RegistrationDraft = {
  lastName: '',
  firstName: '',
  middleName: '',
  email: '',
  snils: '',
  passport: '',
};

/** The registration form's fields in the order of the page (and of its error summary). */
export const REGISTER_ORDER = [
  'lastName',
  'firstName',
  'middleName',
  'phone',
  'email',
  'snils',
  'passport',
  'password',
] as const;

/** A field of the registration form, the phone and password included. */
export type RegisterFormField = (typeof REGISTER_ORDER)[number];

/** Whether a server's field path names a field of the registration form. */
export const isRegisterField = (path: string): path is RegisterFormField =>
  (REGISTER_ORDER as readonly string[]).includes(path);

// Core's objects are read, not passed on: handing them to a call keeps their zod schemas.
const nameParams = { maximum: PERSON_NAME_MAX_LENGTH };
const passwordParams = { minimum: PASSWORD_LENGTH.minimum, maximum: PASSWORD_LENGTH.maximum };

/** Core's message for a field's error code, with the numbers its wording needs. */
export function registerMessage(field: RegisterFormField, code: ErrorCode, lang: Lang): string {
  const params =
    field === 'password' ? passwordParams : field.endsWith('Name') ? nameParams : undefined;
  return errorMessage(code, { lang, field, ...(params ? { params } : {}) });
}

/** The first problem of one registration field by core's rules, or `null`. */
export function checkRegisterField(field: RegisterFormField, value: string): ErrorCode | null {
  switch (field) {
    case 'lastName':
    case 'firstName':
      return checkPersonName(value);
    case 'middleName':
      return value.trim() === '' ? null : checkPersonName(value);
    case 'phone':
      return checkRuPhone(value);
    case 'email':
      return value.trim() === '' ? null : checkEmail(value);
    case 'snils':
      return checkSnils(value);
    case 'passport':
      return checkPassport(value);
    case 'password':
      return checkPassword(value);
  }
}
