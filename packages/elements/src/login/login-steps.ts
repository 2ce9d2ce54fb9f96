import {
  PASSWORD_LENGTH,
  type Challenge,
  type IdentityProvider,
  type Lang,
  type User,
} from '@school-diary/core';
import { html, nothing } from 'lit';
import type { Failure } from '../shared/failure';
import { renderErrorSummary, renderTextField, type ShownError } from '../shared/form-field';
import { renderHeading, subLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { cooldownSeconds, isExpired, renderCodeField, renderResend } from '../shared/one-time-code';
import type { Registration } from './login-fields';
import { renderProviderButtons } from './login-providers';
import { loginText } from './login-text';

/** The screens of the login. */
export type LoginStep =
  | 'credentials'
  | 'code'
  | 'recovery-phone'
  | 'recovery-code'
  | 'register'
  | 'register-code'
  | 'done';

/** A field of the login's forms. */
export type LoginField = 'phone' | 'password' | 'code' | 'newPassword' | RegisterField;

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

/** What the login's screens show, and what they do. */
export interface LoginView {
  readonly lang: Lang;
  readonly step: LoginStep;
  readonly headingLevel: string;
  /** The id of a field (unique per element: the login lives in the page's DOM). */
  readonly id: (field: string) => string;
  readonly phone: string;
  readonly password: string;
  readonly code: string;
  readonly newPassword: string;
  /** What is typed into the registration form besides the phone and password. */
  readonly draft: RegistrationDraft;
  readonly passwordVisible: boolean;
  readonly errors: Partial<Record<LoginField, string>>;
  readonly shownErrors: ShownError[];
  readonly failure: Failure | undefined;
  /** Whether «Повторить» can run the failed call again. */
  readonly canRetry: boolean;
  readonly notice: string | undefined;
  readonly busy: boolean;
  readonly challenge: Challenge | undefined;
  readonly now: Date;
  readonly timeZone: string;
  readonly user: User | undefined;
  /** The identity providers the server offers («Войти через …»). */
  readonly providers: readonly IdentityProvider[];
  readonly onProvider: (provider: IdentityProvider) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onInput: (field: LoginField, value: string) => void;
  readonly onTogglePassword: () => void;
  readonly onGo: (step: LoginStep) => void;
  readonly onResend: () => void;
  readonly onRetry: () => void;
  readonly onSignOut: () => void;
  readonly onSelectError: (target: string) => void;
}

/** Signed in: who, and «Выйти». */
export function renderSignedIn(v: LoginView) {
  const { lang, user, failure } = v;
  return html`<div class="diary-notice diary-notice--success" part="notice">
    <p class="diary-text" role="status">
      ${loginText(lang, 'signedIn', { name: user ? `${user.firstName} ${user.lastName}` : '' })}
    </p>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button sign-out"
      ?disabled=${v.busy}
      @click=${v.onSignOut}
    >
      ${loginText(lang, 'signOut')}
    </button>
    ${failure ? html`<p class="diary-error" role="alert">${failure.message}</p>` : nothing}
  </div>`;
}

function renderMessages(v: LoginView) {
  const { lang, failure } = v;
  return html`${renderErrorSummary({
    title: sharedText(lang, 'errorSummaryTitle'),
    errors: v.shownErrors,
    titleId: v.id('summary-title'),
    level: subLevel(v.headingLevel),
    onSelect: v.onSelectError,
  })}
  ${
    failure
      ? html`<div
          class="diary-notice diary-notice--error"
          part="failure"
          data-focus="failure"
          tabindex="-1"
          role="alert"
        >
          <p class="diary-text">${failure.message}</p>
          ${
            failure.kind === 'network' && v.canRetry
              ? html`<button
                  type="button"
                  class="diary-button diary-button--secondary"
                  part="button retry"
                  @click=${v.onRetry}
                >
                  ${sharedText(lang, 'retry')}
                </button>`
              : nothing
          }
        </div>`
      : nothing
  }
  ${
    v.notice
      ? html`<p
          class="diary-notice diary-notice--success"
          part="notice"
          data-focus="notice"
          tabindex="-1"
          role="status"
        >
          ${v.notice}
        </p>`
      : nothing
  }`;
}

/** A building block of the steps (the registration step, loaded on first use, shares it). */
export function renderForm(v: LoginView, title: string, body: unknown, submit: string) {
  const { lang } = v;
  return html`<form class="diary-form" part="form" novalidate @submit=${v.onSubmit}>
    ${renderHeading(v.headingLevel, title, {
      title: title === loginText(lang, 'title'),
      part: 'heading',
    })}
    ${renderMessages(v)} ${body}
    <div class="diary-actions">
      <button
        class="diary-button"
        part="button submit"
        type="submit"
        ?disabled=${v.busy}
        aria-busy=${v.busy}
      >
        ${v.busy ? loginText(lang, 'working') : submit}
      </button>
    </div>
  </form>`;
}

/** A building block of the steps (the registration step, loaded on first use, shares it). */
export function renderPhone(v: LoginView) {
  const { lang } = v;
  return renderTextField({
    id: v.id('phone'),
    name: 'phone',
    label: loginText(lang, 'phone'),
    hint: loginText(lang, 'phoneHint'),
    error: v.errors.phone,
    errorPrefix: sharedText(lang, 'errorPrefix'),
    value: v.phone,
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    spellcheck: false,
    part: 'field-phone',
    onInput: (e) => v.onInput('phone', (e.target as HTMLInputElement).value),
  });
}

/** A building block of the steps (the registration step, loaded on first use, shares it). */
export function renderPassword(v: LoginView, field: 'password' | 'newPassword') {
  const { lang } = v;
  const visible = v.passwordVisible;
  // The registration form's password is a new one: managers offer to generate and save it.
  const isNew = field === 'newPassword' || v.step === 'register';
  return renderTextField({
    id: v.id(field),
    name: field === 'newPassword' ? 'new-password' : 'password',
    label: loginText(lang, isNew && field === 'password' ? 'choosePassword' : field),
    hint: isNew
      ? loginText(lang, 'newPasswordHint', { minimum: PASSWORD_LENGTH.minimum })
      : undefined,
    error: v.errors[field],
    errorPrefix: sharedText(lang, 'errorPrefix'),
    value: isNew ? v.newPassword : v.password,
    type: visible ? 'text' : 'password',
    autocomplete: isNew ? 'new-password' : 'current-password',
    spellcheck: false,
    part: `field-${field}`,
    onInput: (e) => v.onInput(field, (e.target as HTMLInputElement).value),
    after: html`<button
        type="button"
        class="diary-button diary-button--secondary diary-password-toggle"
        part="button password-toggle"
        aria-controls=${v.id(field)}
        aria-label=${loginText(lang, visible ? 'hidePasswordLabel' : 'showPasswordLabel')}
        @click=${v.onTogglePassword}
      >
        ${loginText(lang, visible ? 'hidePassword' : 'showPassword')}
      </button>
      <span class="diary-visually-hidden" aria-live="polite"
        >${loginText(lang, visible ? 'passwordShown' : 'passwordHidden')}</span
      >`,
  });
}

/** Phone and password, and «Забыли пароль?». */
export function renderCredentials(v: LoginView) {
  const { lang } = v;
  return html`${renderForm(
      v,
      loginText(lang, 'title'),
      html`${renderPhone(v)} ${renderPassword(v, 'password')}`,
      loginText(lang, 'signIn'),
    )}
    <p class="diary-text diary-resend">
      <button type="button" class="diary-link" part="link" @click=${() => v.onGo('recovery-phone')}>
        ${loginText(lang, 'forgot')}
      </button>
    </p>
    <p class="diary-text diary-resend">
      ${loginText(lang, 'noAccount')}
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button register"
        @click=${() => v.onGo('register')}
      >
        ${loginText(lang, 'register')}
      </button>
    </p>
    ${renderProviderButtons(lang, v.providers, v.busy, v.onProvider)}`;
}

/** The phone to send a password-reset code to. */
export function renderRecoveryPhone(v: LoginView) {
  const { lang } = v;
  return html`${renderForm(
      v,
      loginText(lang, 'recoveryTitle'),
      html`<p class="diary-text">${loginText(lang, 'recoveryText')}</p>
        ${renderPhone(v)}`,
      loginText(lang, 'sendCode'),
    )}
    <p class="diary-text diary-resend">
      <button type="button" class="diary-link" part="link" @click=${() => v.onGo('credentials')}>
        ${loginText(lang, 'backToLogin')}
      </button>
    </p>`;
}

const backFromCode: Partial<Record<LoginStep, LoginStep>> = {
  'recovery-code': 'recovery-phone',
  'register-code': 'register',
};

/** The one-time code (and, to reset the password, the new one). */
export function renderCode(
  v: LoginView,
  title: 'codeTitle' | 'recoveryTitle' | 'registerCodeTitle',
) {
  const { lang, challenge } = v;
  if (!challenge) return nothing;
  const recovery = v.step === 'recovery-code';
  return html`${renderForm(
      v,
      loginText(lang, title),
      html`<p class="diary-text">${loginText(lang, 'codeSent', { sentTo: challenge.sentTo })}</p>
        ${renderCodeField({
          id: v.id('code'),
          lang,
          challenge,
          timeZone: v.timeZone,
          error: v.errors.code,
          value: v.code,
          showExpired: isExpired(challenge, v.now) && !v.failure,
          onInput: (e) => v.onInput('code', (e.target as HTMLInputElement).value),
        })}
        ${recovery ? renderPassword(v, 'newPassword') : nothing}`,
      loginText(lang, recovery ? 'savePassword' : 'confirm'),
    )}
    ${renderResend(lang, cooldownSeconds(challenge, v.now), v.onResend)}
    <p class="diary-text">
      <button
        type="button"
        class="diary-link"
        part="link"
        @click=${() => v.onGo(backFromCode[v.step] ?? 'credentials')}
      >
        ${loginText(lang, 'changePhone')}
      </button>
    </p>`;
}

/**
 * The screen of `step`: the registration form from its own chunk (`registration`; `undefined`
 * until it has arrived), every other step from this module.
 */
export function renderStep(v: LoginView, step: LoginStep, registration: Registration | undefined) {
  switch (step) {
    case 'code':
      return renderCode(v, 'codeTitle');
    case 'recovery-phone':
      return renderRecoveryPhone(v);
    case 'recovery-code':
      return renderCode(v, 'recoveryTitle');
    case 'register':
      return registration?.renderRegister(v);
    case 'register-code':
      return renderCode(v, 'registerCodeTitle');
    case 'done':
      return renderSignedIn(v);
    default:
      return renderCredentials(v);
  }
}
