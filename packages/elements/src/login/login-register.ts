// The registration step of <diary-login>: its form, and core's rules and messages for its fields.
// The login loads this module when a parent first asks to register: a sign-in page does not
// download it.
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
import { html } from 'lit';
import { renderTextField } from '../shared/form-field';
import { sharedText } from '../shared/localize';
import { registerText } from './login-register-text';
import {
  renderForm,
  renderPassword,
  renderPhone,
  type LoginView,
  type RegisterField,
} from './login-steps';

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

function renderDraftField(
  v: LoginView,
  field: RegisterField,
  autocomplete: string,
  extra: { readonly hint?: string; readonly type?: 'email'; readonly inputmode?: 'numeric' } = {},
) {
  const { lang } = v;
  return renderTextField({
    id: v.id(field),
    name: field,
    label: registerText(lang, field),
    hint: extra.hint,
    error: v.errors[field],
    errorPrefix: sharedText(lang, 'errorPrefix'),
    value: v.draft[field],
    type: extra.type ?? 'text',
    autocomplete,
    inputmode: extra.inputmode,
    spellcheck: false,
    part: `field-${field}`,
    onInput: (e) => v.onInput(field, (e.target as HTMLInputElement).value),
  });
}

/** A new account: name, phone, email, SNILS, passport and a new password. */
export function renderRegister(v: LoginView) {
  const { lang } = v;
  return html`${renderForm(
      v,
      registerText(lang, 'registerTitle'),
      html`<p class="diary-text">${registerText(lang, 'registerText')}</p>
        ${renderDraftField(v, 'lastName', 'family-name')}
        ${renderDraftField(v, 'firstName', 'given-name')}
        ${renderDraftField(v, 'middleName', 'additional-name', {
          hint: registerText(lang, 'middleNameHint'),
        })}
        ${renderPhone(v)}
        ${renderDraftField(v, 'email', 'email', {
          type: 'email',
          hint: registerText(lang, 'emailHint'),
        })}
        ${renderDraftField(v, 'snils', 'off', {
          inputmode: 'numeric',
          hint: registerText(lang, 'snilsHint'),
        })}
        ${renderDraftField(v, 'passport', 'off', {
          inputmode: 'numeric',
          hint: registerText(lang, 'passportHint'),
        })}
        ${renderPassword(v, 'password')}`,
      registerText(lang, 'createAccount'),
    )}
    <p class="diary-text diary-resend">
      <button type="button" class="diary-link" part="link" @click=${() => v.onGo('credentials')}>
        ${registerText(lang, 'haveAccount')}
      </button>
    </p>`;
}
