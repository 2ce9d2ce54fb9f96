import {
  PASSWORD_LENGTH,
  checkOneTimeCode,
  checkPassword,
  checkRuPhone,
  errorMessage,
  type ErrorCode,
  type Lang,
} from '@school-diary/core';
import type { Failure } from '../shared/failure';
import type { LoginField } from './login-steps';
import type * as RegistrationStep from './login-register';

/** The registration step's rules, once its chunk is loaded (a type: nothing is imported here). */
export type Registration = typeof RegistrationStep;

/** The order of the sign-in forms' fields in the error summary. */
const SIGN_IN_ORDER: readonly LoginField[] = ['phone', 'password', 'code', 'newPassword'];

/**
 * The fields of the form shown, in order: the registration form's while registering (its
 * rules given), else the sign-in forms'.
 */
export const fieldOrder = (registering: Registration | undefined): readonly LoginField[] =>
  registering ? registering.REGISTER_ORDER : SIGN_IN_ORDER;

/**
 * The message of a field's error `code` in `lang` (`undefined` for no error), by the rules of the
 * form shown: the registration form's when `registering` holds them.
 *
 * @example
 * fieldMessage('phone', checkRuPhone(value), 'ru', undefined);
 */
export function fieldMessage(
  field: LoginField,
  code: ErrorCode | null,
  lang: Lang,
  registering: Registration | undefined,
): string | undefined {
  if (code === null) return undefined;
  if (registering && registering.isRegisterField(field))
    return registering.registerMessage(field, code, lang);
  if (field === 'password') return errorMessage(code, { lang, field: 'currentPassword' });
  if (field === 'newPassword') {
    const key = code === 'required' ? 'newPassword' : 'password';
    // Read, not passed on: handing core's exported object to a call keeps its zod schema (and
    // zod) in the bundle (measured: +1 KB gzip for a login page without the SDK's schemas).
    const { minimum, maximum } = PASSWORD_LENGTH;
    return errorMessage(code, { lang, field: key, params: { minimum, maximum } });
  }
  return errorMessage(code, { lang, field });
}

/** The error a field's value has now, by the rules of the form shown. */
export function checkField(
  field: LoginField,
  value: string,
  lang: Lang,
  registering: Registration | undefined,
): string | undefined {
  if (registering && registering.isRegisterField(field))
    return fieldMessage(field, registering.checkRegisterField(field, value), lang, registering);
  switch (field) {
    case 'phone':
      return fieldMessage('phone', checkRuPhone(value), lang, registering);
    case 'password':
      return fieldMessage('password', value === '' ? 'required' : null, lang, registering);
    case 'code':
      return fieldMessage('code', checkOneTimeCode(value), lang, registering);
    case 'newPassword':
      return fieldMessage('newPassword', checkPassword(value), lang, registering);
    default:
      return undefined;
  }
}

/**
 * Where a failed request's words belong: on fields (the server refused the input, or a
 * registration for a field such as a number that already has an account), on the code field (a
 * wrong, expired or exhausted code), or in the form's alert.
 */
export type FailurePlace =
  | { readonly on: 'fields'; readonly errors: Partial<Record<LoginField, string>> }
  | { readonly on: 'code'; readonly message: string }
  | { readonly on: 'alert' };

/** Sorts a described failure into {@link FailurePlace}. */
export function placeFailure(
  failure: Failure,
  lang: Lang,
  registering: Registration | undefined,
): FailurePlace {
  if (failure.kind !== 'api') return { on: 'alert' };
  if (failure.code === 'validation_failed' && failure.fields.length) {
    const errors: Partial<Record<LoginField, string>> = {};
    for (const f of failure.fields) {
      const field = (f.path === 'newPassword' ? 'newPassword' : f.path) as LoginField;
      errors[field] = fieldMessage(field, f.code, lang, registering);
    }
    return { on: 'fields', errors };
  }
  if (registering && failure.fields.some((f) => registering.isRegisterField(f.path))) {
    const errors: Partial<Record<LoginField, string>> = {};
    for (const f of failure.fields)
      if (registering.isRegisterField(f.path))
        errors[f.path] = fieldMessage(f.path, f.code, lang, registering);
    return { on: 'fields', errors };
  }
  if (failure.code.startsWith('code_')) return { on: 'code', message: failure.message };
  return { on: 'alert' };
}
