import {
  PASSWORD_LENGTH,
  checkOneTimeCode,
  checkPassword,
  checkRuPhone,
  errorMessage,
  normalizeOneTimeCode,
  normalizeRuPhone,
  type Challenge,
  type Lang,
  type User,
} from '@school-diary/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import {
  focusControl,
  renderErrorSummary,
  renderTextField,
  type ShownError,
} from '../shared/form-field';
import { adoptLightStyles, uniqueIdPrefix } from '../shared/light-styles';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { sharedText } from '../shared/localize';
import {
  codeText,
  cooldownSeconds,
  isExpired,
  renderCodeField,
  renderResend,
} from '../shared/one-time-code';
import { loginStyles } from './diary-login.styles';
import { loginText } from './login-text';

/** The screens of the login. */
export type LoginStep = 'credentials' | 'code' | 'recovery-phone' | 'recovery-code' | 'done';

type Field = 'phone' | 'password' | 'code' | 'newPassword';

/** Detail of `diary-login`. */
export interface DiaryLoginDetail {
  /** The signed-in user; the SDK already holds the session. */
  readonly user: User;
}

/**
 * Sign-in to the e-diary: phone and password, then the one-time code from the SMS; a
 * forgotten-password flow with its own code. The native inputs live in the light DOM (the element
 * has no shadow root) so that password managers and browser autofill see them:
 * `autocomplete="tel"`, `current-password`, `one-time-code`, `new-password`.
 *
 * After a failed sign-in it never says which of the phone or the password was wrong, and clears
 * the password. The session is kept by the SDK client of the surrounding `<diary-provider>`;
 * signed in, it says who and offers «Выйти».
 *
 * Its parts carry `part` attributes like the other widgets' but live in the page's DOM, not a
 * shadow root, so they are styled with attribute selectors: `diary-login [part~='button']`
 * (where another widget takes `diary-chat::part(button)`).
 *
 * @summary Sign-in with phone, password and an SMS code.
 * @tag diary-login
 * @event {CustomEvent<DiaryLoginDetail>} diary-login - Signed in; `detail.user` is the user.
 * @event {CustomEvent<DiaryLogoutDetail>} diary-logout - Signed out with the «Выйти» button; the session is revoked on the server.
 * @event {CustomEvent<DiaryErrorsDetail>} diary-errors - Field errors shown or cleared; `detail.titlePrefix` is for the page `<title>`.
 * @csspart base - The wrapper of every screen.
 * @csspart form - The form of a step.
 * @csspart heading - The heading of a step.
 * @csspart field - Each field (also `field-phone`, `field-password`, `field-newPassword`).
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors at the top of a form.
 * @csspart failure - The alert of a failed request (with «Повторить» after a network error).
 * @csspart notice - A confirmation (code sent again, password changed, signed in).
 * @csspart button - Every button (also `submit`, `sign-out`, `password-toggle`).
 * @csspart link - The link-styled buttons (forgot password, change the number).
 * @cssprop --diary-color-primary - Buttons and links.
 * @cssprop --diary-color-error - Error messages and borders.
 * @cssprop --diary-radius - Corner radius of inputs and buttons.
 * @cssprop --diary-font-family - Font of the widget.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryLogin extends DiaryElement {
  /** The screen shown: `credentials`, `code`, `recovery-phone`, `recovery-code` or `done`. */
  @property({ reflect: true }) accessor step: LoginStep = 'credentials';
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for code expiry and the resend cooldown (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  @state() protected accessor phone = '';
  @state() protected accessor password = '';
  @state() protected accessor code = '';
  @state() protected accessor newPassword = '';
  @state() protected accessor passwordVisible = false;
  @state() protected accessor errors: Partial<Record<Field, string>> = {};
  @state() protected accessor failure: Failure | undefined;
  @state() protected accessor notice: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor challenge: Challenge | undefined;

  #ids = uniqueIdPrefix('diary-login');
  /** What the login renders into: put in place of the tag's fallback text once it can work. */
  readonly #root = document.createElement('div');
  #warned = false;
  #user: User | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #retry: (() => Promise<void>) | undefined;
  #focusAfterRender: string | undefined;

  /**
   * No shadow root: autofill and password managers only see inputs in the document's DOM. The
   * form is built in a box of its own that replaces the tag's fallback text («Загружаем форму
   * входа…») only once a provider has handed a client: before that the element changes nothing
   * in the page, so server-rendered HTML hydrates untouched.
   */
  protected override createRenderRoot(): HTMLElement {
    this.#root.className = 'diary-login-root';
    return this.#root;
  }

  /** Puts the rendered form in place of the fallback content, once there is a client. */
  #showRoot(): void {
    if (this.#root.parentNode === this) return;
    if (this.client) {
      this.replaceChildren(this.#root);
      return;
    }
    if (this.#warned) return;
    this.#warned = true;
    console.warn(
      this.environment
        ? '<diary-login>: its <diary-provider> has neither `base-url` nor a `client`; the fallback content stays.'
        : '<diary-login>: no <diary-provider> around it (or not defined yet); the fallback content stays.',
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, loginStyles);
    this.#ticker = setInterval(() => {
      if (this.challenge) this.requestUpdate();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#showRoot();
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (!target) return;
    const box = this.querySelector<HTMLElement>(
      target === 'summary' ? '.diary-summary' : `[data-focus="${target}"]`,
    );
    if (box) box.focus();
    else focusControl(this, target);
  }

  #id(field: string): string {
    return `${this.#ids}-${field}`;
  }

  #shownErrors(): ShownError[] {
    const order: Field[] = ['phone', 'password', 'code', 'newPassword'];
    return order.flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ field, target: this.#id(field), message }] : [];
    });
  }

  /** Shows field errors (summary focused) and tells the page; returns whether all is well. */
  #report(errors: Partial<Record<Field, string>>): boolean {
    this.errors = errors;
    const shown = this.#shownErrors();
    const lang = this.language;
    emit(this, 'diary-errors', {
      errors: shown.map(({ field, message }) => ({ field, message })),
      titlePrefix: shown.length ? sharedText(lang, 'titlePrefix') : '',
    });
    if (shown.length) this.#focusAfterRender = 'summary';
    return shown.length === 0;
  }

  #fieldError(field: Field, code: ReturnType<typeof checkRuPhone>): string | undefined {
    if (code === null) return undefined;
    const lang = this.language;
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

  /** Runs an SDK call with the busy state, keeping it for «Повторить» after a network error. */
  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    this.notice = undefined;
    this.#retry = action;
    try {
      await action();
      this.#retry = undefined;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  #fail(error: unknown): void {
    const failure = describeFailure(error, {
      lang: this.language,
      now: this.now(),
      timeZone: this.timeZone,
    });
    if (failure.kind === 'api' && failure.code === 'validation_failed' && failure.fields.length) {
      const errors: Partial<Record<Field, string>> = {};
      for (const f of failure.fields) {
        const field = (f.path === 'newPassword' ? 'newPassword' : f.path) as Field;
        errors[field] = this.#fieldError(field, f.code);
      }
      this.#report(errors);
      return;
    }
    if (failure.kind === 'api' && failure.code.startsWith('code_')) {
      // Wrong, expired or exhausted code: the message belongs to the code field.
      this.code = '';
      this.#report({ ...this.errors, code: failure.message });
      return;
    }
    // After a failed sign-in the password is cleared and neither field is marked: saying which
    // one was wrong would tell a stranger that the phone has an account.
    if (failure.kind === 'api' && failure.code === 'invalid_credentials') this.password = '';
    this.failure = failure;
    this.#focusAfterRender = 'failure';
  }

  async #submitCredentials(): Promise<void> {
    this.passwordVisible = false;
    const ok = this.#report({
      phone: this.#fieldError('phone', checkRuPhone(this.phone)),
      password: this.#fieldError('password', this.password === '' ? 'required' : null),
    });
    const client = this.client;
    if (!ok || !client) return;
    const phone = normalizeRuPhone(this.phone) ?? this.phone;
    await this.#run(async () => {
      this.challenge = await client.auth.login({ phone, password: this.password });
      this.code = '';
      this.step = 'code';
      this.#focusAfterRender = this.#id('code');
    });
  }

  async #submitCode(): Promise<void> {
    const ok = this.#report({ code: this.#fieldError('code', checkOneTimeCode(this.code)) });
    const client = this.client;
    const challenge = this.challenge;
    if (!ok || !client || !challenge) return;
    const code = normalizeOneTimeCode(this.code) ?? this.code;
    await this.#run(async () => {
      const session = await client.auth.verify({ challengeId: challenge.challengeId, code });
      this.#user = session.user;
      this.challenge = undefined;
      this.password = '';
      this.code = '';
      this.step = 'done';
      emit(this, 'diary-login', { user: session.user });
    });
  }

  async #submitRecoveryPhone(): Promise<void> {
    const ok = this.#report({ phone: this.#fieldError('phone', checkRuPhone(this.phone)) });
    const client = this.client;
    if (!ok || !client) return;
    const phone = normalizeRuPhone(this.phone) ?? this.phone;
    await this.#run(async () => {
      this.challenge = await client.auth.recoveryStart({ phone });
      this.code = '';
      this.newPassword = '';
      this.step = 'recovery-code';
      this.#focusAfterRender = this.#id('code');
    });
  }

  async #submitRecoveryCode(): Promise<void> {
    this.passwordVisible = false;
    const ok = this.#report({
      code: this.#fieldError('code', checkOneTimeCode(this.code)),
      newPassword: this.#fieldError('newPassword', checkPassword(this.newPassword)),
    });
    const client = this.client;
    const challenge = this.challenge;
    if (!ok || !client || !challenge) return;
    const code = normalizeOneTimeCode(this.code) ?? this.code;
    await this.#run(async () => {
      await client.auth.recoveryComplete({
        challengeId: challenge.challengeId,
        code,
        newPassword: this.newPassword,
      });
      this.challenge = undefined;
      this.newPassword = '';
      this.password = '';
      this.code = '';
      this.step = 'credentials';
      this.notice = loginText(this.language, 'passwordChanged');
      this.#focusAfterRender = 'notice';
    });
  }

  async #resend(): Promise<void> {
    const client = this.client;
    const challenge = this.challenge;
    if (!client || !challenge || this.#cooldown() > 0 || this.busy) return;
    await this.#run(async () => {
      this.challenge = await client.auth.resend({ challengeId: challenge.challengeId });
      this.code = '';
      this.errors = {};
      this.notice = codeText(this.language, 'resent', { sentTo: this.challenge.sentTo });
      this.#focusAfterRender = this.#id('code');
    });
  }

  /** Seconds until a new code may be requested. */
  #cooldown(): number {
    return cooldownSeconds(this.challenge, this.now());
  }

  #go(step: LoginStep): void {
    this.step = step;
    this.errors = {};
    this.failure = undefined;
    this.notice = undefined;
    this.challenge = undefined;
    this.code = '';
    this.#focusAfterRender = this.#id('phone');
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const handlers: Record<LoginStep, () => Promise<void>> = {
      credentials: () => this.#submitCredentials(),
      code: () => this.#submitCode(),
      'recovery-phone': () => this.#submitRecoveryPhone(),
      'recovery-code': () => this.#submitRecoveryCode(),
      done: async () => undefined,
    };
    void handlers[this.step]();
  }

  /** After a failed submit, a field that has been fixed loses its error as the user types. */
  #input(field: Field, value: string): void {
    if (field === 'phone') this.phone = value;
    else if (field === 'password') this.password = value;
    else if (field === 'code') this.code = value;
    else this.newPassword = value;
    if (!this.errors[field]) return;
    const checks: Record<Field, () => string | undefined> = {
      phone: () => this.#fieldError('phone', checkRuPhone(value)),
      password: () => this.#fieldError('password', value === '' ? 'required' : null),
      code: () => this.#fieldError('code', checkOneTimeCode(value)),
      newPassword: () => this.#fieldError('newPassword', checkPassword(value)),
    };
    if (checks[field]() === undefined) {
      const { [field]: _fixed, ...rest } = this.errors;
      this.#report(rest);
      this.#focusAfterRender = undefined;
    }
  }

  protected override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    const session = this.environment?.session;
    if (session?.restoring) {
      return html`<div class="diary-base" part="base" lang=${lang}>
        ${loadingNotice(lang, 'loading')}
      </div>`;
    }
    // Already signed in (a kept session, or another widget signed in): say who, not a form.
    if (this.step === 'credentials' && session?.user) this.#user = session.user;
    const step = this.step === 'credentials' && session?.user ? 'done' : this.step;
    return html`<div class="diary-base" part="base" lang=${lang}>
      ${this.#renderStep(lang, step)}
    </div>`;
  }

  #renderStep(lang: Lang, step: LoginStep) {
    switch (step) {
      case 'code':
        return this.#renderCode(lang, 'codeTitle');
      case 'recovery-phone':
        return this.#renderRecoveryPhone(lang);
      case 'recovery-code':
        return this.#renderCode(lang, 'recoveryTitle');
      case 'done':
        return this.#renderSignedIn(lang);
      default:
        return this.#renderCredentials(lang);
    }
  }

  #renderSignedIn(lang: Lang) {
    const user = this.#user;
    return html`<div class="diary-notice diary-notice--success" part="notice">
      <p class="diary-text" role="status">
        ${loginText(lang, 'signedIn', { name: user ? `${user.firstName} ${user.lastName}` : '' })}
      </p>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button sign-out"
        ?disabled=${this.busy}
        @click=${() => void this.#signOut()}
      >
        ${loginText(lang, 'signOut')}
      </button>
      ${this.failure ? html`<p class="diary-error" role="alert">${this.failure.message}</p>` : nothing}
    </div>`;
  }

  /** Revokes the session on the server; the provider then tells every widget. */
  async #signOut(): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    await this.#run(async () => {
      await client.auth.logout();
      this.#user = undefined;
      this.step = 'credentials';
      this.#focusAfterRender = this.#id('phone');
      emit(this, 'diary-logout', {});
    });
  }

  #renderMessages(lang: Lang) {
    const failure = this.failure;
    return html`${renderErrorSummary({
      title: sharedText(lang, 'errorSummaryTitle'),
      errors: this.#shownErrors(),
      titleId: this.#id('summary-title'),
      onSelect: (target) => focusControl(this, target),
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
              failure.kind === 'network' && this.#retry
                ? html`<button
                    type="button"
                    class="diary-button diary-button--secondary"
                    part="button retry"
                    @click=${() => this.#retry && void this.#run(this.#retry)}
                  >
                    ${sharedText(lang, 'retry')}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${
      this.notice
        ? html`<p
            class="diary-notice diary-notice--success"
            part="notice"
            data-focus="notice"
            tabindex="-1"
            role="status"
          >
            ${this.notice}
          </p>`
        : nothing
    }`;
  }

  #renderForm(lang: Lang, title: string, body: unknown, submit: string) {
    return html`<form class="diary-form" part="form" novalidate @submit=${this.#onSubmit}>
      ${renderHeading(this.headingLevel, title, {
        title: title === loginText(lang, 'title'),
        part: 'heading',
      })}
      ${this.#renderMessages(lang)} ${body}
      <div class="diary-actions">
        <button
          class="diary-button"
          part="button submit"
          type="submit"
          ?disabled=${this.busy}
          aria-busy=${this.busy}
        >
          ${this.busy ? loginText(lang, 'working') : submit}
        </button>
      </div>
    </form>`;
  }

  #renderPhone(lang: Lang) {
    return renderTextField({
      id: this.#id('phone'),
      name: 'phone',
      label: loginText(lang, 'phone'),
      hint: loginText(lang, 'phoneHint'),
      error: this.errors.phone,
      errorPrefix: sharedText(lang, 'errorPrefix'),
      value: this.phone,
      type: 'tel',
      autocomplete: 'tel',
      inputmode: 'tel',
      spellcheck: false,
      part: 'field-phone',
      onInput: (e) => this.#input('phone', (e.target as HTMLInputElement).value),
    });
  }

  #renderPassword(lang: Lang, field: 'password' | 'newPassword') {
    const visible = this.passwordVisible;
    const isNew = field === 'newPassword';
    return renderTextField({
      id: this.#id(field),
      name: isNew ? 'new-password' : 'password',
      label: loginText(lang, field),
      hint: isNew
        ? loginText(lang, 'newPasswordHint', { minimum: PASSWORD_LENGTH.minimum })
        : undefined,
      error: this.errors[field],
      errorPrefix: sharedText(lang, 'errorPrefix'),
      value: isNew ? this.newPassword : this.password,
      type: visible ? 'text' : 'password',
      autocomplete: isNew ? 'new-password' : 'current-password',
      spellcheck: false,
      part: `field-${field}`,
      onInput: (e) => this.#input(field, (e.target as HTMLInputElement).value),
      after: html`<button
          type="button"
          class="diary-button diary-button--secondary diary-password-toggle"
          part="button password-toggle"
          aria-controls=${this.#id(field)}
          aria-label=${loginText(lang, visible ? 'hidePasswordLabel' : 'showPasswordLabel')}
          @click=${() => (this.passwordVisible = !visible)}
        >
          ${loginText(lang, visible ? 'hidePassword' : 'showPassword')}
        </button>
        <span class="diary-visually-hidden" aria-live="polite"
          >${loginText(lang, visible ? 'passwordShown' : 'passwordHidden')}</span
        >`,
    });
  }

  #renderCredentials(lang: Lang) {
    return html`${this.#renderForm(
        lang,
        loginText(lang, 'title'),
        html`${this.#renderPhone(lang)} ${this.#renderPassword(lang, 'password')}`,
        loginText(lang, 'signIn'),
      )}
      <p class="diary-text diary-resend">
        <button
          type="button"
          class="diary-link"
          part="link"
          @click=${() => this.#go('recovery-phone')}
        >
          ${loginText(lang, 'forgot')}
        </button>
      </p>`;
  }

  #renderRecoveryPhone(lang: Lang) {
    return html`${this.#renderForm(
        lang,
        loginText(lang, 'recoveryTitle'),
        html`<p class="diary-text">${loginText(lang, 'recoveryText')}</p>
          ${this.#renderPhone(lang)}`,
        loginText(lang, 'sendCode'),
      )}
      <p class="diary-text diary-resend">
        <button
          type="button"
          class="diary-link"
          part="link"
          @click=${() => this.#go('credentials')}
        >
          ${loginText(lang, 'backToLogin')}
        </button>
      </p>`;
  }

  #renderCode(lang: Lang, title: 'codeTitle' | 'recoveryTitle') {
    const challenge = this.challenge;
    if (!challenge) return nothing;
    const cooldown = this.#cooldown();
    const recovery = this.step === 'recovery-code';
    return html`${this.#renderForm(
        lang,
        loginText(lang, title),
        html`<p class="diary-text">${loginText(lang, 'codeSent', { sentTo: challenge.sentTo })}</p>
          ${renderCodeField({
            id: this.#id('code'),
            lang,
            challenge,
            timeZone: this.timeZone,
            error: this.errors.code,
            value: this.code,
            showExpired: isExpired(challenge, this.now()) && !this.failure,
            onInput: (e) => this.#input('code', (e.target as HTMLInputElement).value),
          })}
          ${recovery ? this.#renderPassword(lang, 'newPassword') : nothing}`,
        loginText(lang, recovery ? 'savePassword' : 'confirm'),
      )}
      ${renderResend(lang, cooldown, () => void this.#resend())}
      <p class="diary-text">
        <button
          type="button"
          class="diary-link"
          part="link"
          @click=${() => this.#go(recovery ? 'recovery-phone' : 'credentials')}
        >
          ${loginText(lang, 'changePhone')}
        </button>
      </p>`;
  }
}

/** Detail of `diary-logout` (nothing more to say: the session is gone). */
export type DiaryLogoutDetail = Record<string, never>;

declare global {
  interface HTMLElementTagNameMap {
    'diary-login': DiaryLogin;
  }
  interface HTMLElementEventMap {
    'diary-logout': CustomEvent<DiaryLogoutDetail>;
    'diary-login': CustomEvent<DiaryLoginDetail>;
  }
}
