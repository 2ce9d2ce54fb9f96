import {
  checkOneTimeCode,
  checkPassword,
  checkRuPhone,
  normalizeOneTimeCode,
  normalizeRuPhone,
  type Challenge,
  type ErrorCode,
  type IdentityProvider,
  type Lang,
  type User,
} from '@school-diary/core';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { focusControl, type ShownError } from '../shared/form-field';
import { adoptLightStyles, uniqueIdPrefix } from '../shared/light-styles';
import type { HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { sharedText } from '../shared/localize';
import { codeText, cooldownSeconds } from '../shared/one-time-code';
import { loginStyles } from './diary-login.styles';
import {
  checkField,
  fieldMessage,
  fieldOrder,
  placeFailure,
  type Registration,
} from './login-fields';
import {
  renderStep,
  EMPTY_REGISTRATION,
  type LoginField,
  type LoginStep,
  type LoginView,
  type RegistrationDraft,
} from './login-steps';
import { returnAddress, takeProviderReturn } from './login-providers';
import { loginText } from './login-text';

export type { LoginStep } from './login-steps';

type Field = LoginField;

/** Detail of `diary-login`. */
export interface DiaryLoginDetail {
  /** The signed-in user; the SDK already holds the session. */
  readonly user: User;
}

/**
 * Sign-in to the e-diary: phone and password, then the one-time code from the SMS; a
 * forgotten-password flow with its own code; and «Зарегистрироваться», a parent's new account
 * (name, phone, SNILS, passport, password, optional email) whose phone is confirmed by an SMS
 * code, after which the widget signs the parent in with one more code and emits `diary-login`. The native inputs live in the light DOM (the element
 * has no shadow root) so that password managers and browser autofill see them:
 * `autocomplete="tel"`, `current-password`, `one-time-code`, `new-password`.
 *
 * After a failed sign-in it never says which of the phone or the password was wrong, and clears
 * the password. The session is kept by the SDK client of the surrounding `<diary-provider>`;
 * signed in, it says who and offers «Выйти». When the server has identity providers (OpenID
 * Connect), a «Войти через …» button each leaves for the provider, which sends the parent back to
 * the same page; a provider identity not linked yet is linked by one sign-in with password and code.
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
 * @csspart field - Each field (also `field-phone`, `field-password`, `field-newPassword`, and on
 *   the registration form `field-lastName`, `field-firstName`, `field-middleName`, `field-email`,
 *   `field-snils`, `field-passport`).
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors at the top of a form.
 * @csspart failure - The alert of a failed request (with «Повторить» after a network error).
 * @csspart notice - A confirmation (code sent again, password changed, signed in).
 * @csspart button - Every button (also `submit`, `sign-out`, `password-toggle`, `register`).
 * @csspart link - The link-styled buttons (forgot password, change the number).
 * @csspart providers - The list of «Войти через …» buttons (also `button provider` on each).
 * @csspart provider-logo - A provider's logo in its button.
 * @cssprop --diary-color-primary - Buttons and links.
 * @cssprop --diary-color-error - Error messages and borders.
 * @cssprop --diary-radius - Corner radius of inputs and buttons.
 * @cssprop --diary-font-family - Font of the widget.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryLogin extends DiaryElement {
  /**
   * The screen shown: `credentials`, `code`, `recovery-phone`, `recovery-code`, `register`,
   * `register-code` or `done`.
   */
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
  @state() protected accessor draft: RegistrationDraft = EMPTY_REGISTRATION;
  @state() protected accessor passwordVisible = false;
  @state() protected accessor errors: Partial<Record<Field, string>> = {};
  @state() protected accessor failure: Failure | undefined;
  @state() protected accessor notice: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor challenge: Challenge | undefined;
  @state() protected accessor providers: readonly IdentityProvider[] = [];

  #ids = uniqueIdPrefix('diary-login');
  /** What the login renders into: put in place of the tag's fallback text once it can work. */
  readonly #root = document.createElement('div');
  #warned = false;
  #user: User | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #retry: (() => Promise<void>) | undefined;
  #focusAfterRender: string | undefined;
  /** A provider's ticket whose identity is not linked yet: the next code links it. */
  #ticket: string | undefined;
  #providersAsked = false;
  #registration: Registration | undefined;

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

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.step === 'register' && !this.#registration) void this.#loadRegistration();
  }

  /** Loads the registration step; if it cannot be loaded, says so on the sign-in step. */
  async #loadRegistration(): Promise<void> {
    try {
      this.#registration = await import('./login-register');
      this.#focusAfterRender = this.#id('lastName');
      this.requestUpdate();
    } catch (error) {
      this.step = 'credentials';
      this.#fail(error);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#showRoot();
    if (this.client && !this.#providersAsked) {
      this.#providersAsked = true;
      void this.#takeProviderAnswer();
    }
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

  /** The registration step's rules while its form is shown (once its chunk has loaded). */
  get #registering(): Registration | undefined {
    return this.step === 'register' ? this.#registration : undefined;
  }

  #shownErrors(): ShownError[] {
    return fieldOrder(this.#registering).flatMap((field) => {
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

  #fieldError(field: Field, code: ErrorCode | null): string | undefined {
    return fieldMessage(field, code, this.language, this.#registering);
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
    const failure = describeFailure(error, this.failureContext(this.now()));
    const place = placeFailure(failure, this.language, this.#registering);
    if (place.on === 'fields') {
      this.#report(place.errors);
      return;
    }
    if (place.on === 'code') {
      this.code = '';
      this.#report({ ...this.errors, code: place.message });
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
      const ticket = this.#ticket;
      const session = ticket
        ? await client.auth.oidcLink({ ticket, challengeId: challenge.challengeId, code })
        : await client.auth.verify({ challengeId: challenge.challengeId, code });
      this.#ticket = undefined;
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

  async #submitRegister(): Promise<void> {
    const registration = this.#registration;
    if (!registration) return;
    this.passwordVisible = false;
    const values = { ...this.draft, phone: this.phone, password: this.password };
    const errors: Partial<Record<Field, string>> = {};
    for (const field of registration.REGISTER_ORDER)
      errors[field] = this.#fieldError(
        field,
        registration.checkRegisterField(field, values[field]),
      );
    const client = this.client;
    if (!this.#report(errors) || !client) return;
    const { lastName, firstName, middleName, email, snils, passport } = this.draft;
    const phone = normalizeRuPhone(this.phone) ?? this.phone;
    await this.#run(async () => {
      const { challenge } = await client.auth.register({
        phone,
        password: this.password,
        lastName: lastName.trim(),
        firstName: firstName.trim(),
        ...(middleName.trim() ? { middleName: middleName.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        snils,
        passport,
      });
      this.challenge = challenge;
      this.code = '';
      this.step = 'register-code';
      this.#focusAfterRender = this.#id('code');
    });
  }

  /** Confirms the phone, then starts the sign-in with the same phone and password. */
  async #submitRegisterCode(): Promise<void> {
    const ok = this.#report({ code: this.#fieldError('code', checkOneTimeCode(this.code)) });
    const client = this.client;
    const challenge = this.challenge;
    if (!ok || !client || !challenge) return;
    const code = normalizeOneTimeCode(this.code) ?? this.code;
    const phone = normalizeRuPhone(this.phone) ?? this.phone;
    await this.#run(async () => {
      // Once the phone is confirmed a retry must not send the used code again: it signs in.
      if (this.challenge === challenge) {
        await client.auth.confirmIdentity({ challengeId: challenge.challengeId, code });
        this.challenge = undefined;
        this.draft = EMPTY_REGISTRATION;
      }
      this.challenge = await client.auth.login({ phone, password: this.password });
      this.code = '';
      this.step = 'code';
      this.notice = loginText(this.language, 'registered');
      this.#focusAfterRender = this.#id('code');
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

  /**
   * Lists the server's identity providers, and finishes a sign-in that one sent the page back
   * from: signed in when linked, else the password form links it; a cancel or a refusal is said.
   */
  async #takeProviderAnswer(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const answer = takeProviderReturn();
    // A client older than this widget (or a test double) may not list providers at all.
    if (typeof client.auth.providers === 'function')
      client.auth.providers().then(
        ({ items }) => (this.providers = items),
        () => undefined, // without the list the password form is all there is
      );
    if (!answer) return;
    if ('error' in answer) {
      this.failure = {
        kind: 'unexpected',
        message: loginText(this.language, answer.error),
        retryable: true,
      };
      this.#focusAfterRender = 'failure';
      return;
    }
    await this.#run(async () => {
      try {
        const session = await client.auth.oidcComplete({ ticket: answer.ticket });
        this.#user = session.user;
        this.step = 'done';
        emit(this, 'diary-login', { user: session.user });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'provider_not_linked') throw error;
        this.#ticket = answer.ticket;
        this.notice = loginText(this.language, 'linkNotice');
        this.#focusAfterRender = 'notice';
      }
    });
  }

  /** Leaves for the provider's sign-in page; it sends the parent back to this page. */
  async #signInWith(provider: IdentityProvider): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    await this.#run(async () => {
      const { authorizationUrl } = await client.auth.oidcStart({
        provider: provider.name,
        returnTo: returnAddress(),
      });
      location.assign(authorizationUrl);
    });
  }

  /** Seconds until a new code may be requested. */
  #cooldown(): number {
    return cooldownSeconds(this.challenge, this.now());
  }

  #go(step: LoginStep): void {
    // A sign-in password typed before is not the new account's password.
    if (step === 'register' && this.step === 'credentials') this.password = '';
    this.step = step;
    this.errors = {};
    this.failure = undefined;
    this.notice = undefined;
    this.challenge = undefined;
    this.code = '';
    this.#focusAfterRender = this.#id(step === 'register' ? 'lastName' : 'phone');
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const handlers: Record<LoginStep, () => Promise<void>> = {
      credentials: () => this.#submitCredentials(),
      code: () => this.#submitCode(),
      'recovery-phone': () => this.#submitRecoveryPhone(),
      'recovery-code': () => this.#submitRecoveryCode(),
      register: () => this.#submitRegister(),
      'register-code': () => this.#submitRegisterCode(),
      done: async () => undefined,
    };
    void handlers[this.step]();
  }

  /** After a failed submit, a field that has been fixed loses its error as the user types. */
  #input(field: Field, value: string): void {
    if (field === 'phone') this.phone = value;
    else if (field === 'password') this.password = value;
    else if (field === 'code') this.code = value;
    else if (field === 'newPassword') this.newPassword = value;
    else this.draft = { ...this.draft, [field]: value };
    if (!this.errors[field]) return;
    if (checkField(field, value, this.language, this.#registering) === undefined) {
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
      ${renderStep(this.#view(lang), step, this.#registration) ?? loadingNotice(lang, 'loading')}
    </div>`;
  }

  /** The state and actions the screens (login-steps.ts) show and use. */
  #view(lang: Lang): LoginView {
    return {
      lang,
      step: this.step,
      headingLevel: this.headingLevel,
      id: (field) => this.#id(field),
      phone: this.phone,
      password: this.password,
      code: this.code,
      newPassword: this.newPassword,
      draft: this.draft,
      passwordVisible: this.passwordVisible,
      errors: this.errors,
      shownErrors: this.#shownErrors(),
      failure: this.failure,
      canRetry: this.#retry !== undefined,
      notice: this.notice,
      busy: this.busy,
      challenge: this.challenge,
      now: this.now(),
      timeZone: this.timeZone,
      user: this.#user,
      providers: this.providers,
      onProvider: (provider) => void this.#signInWith(provider),
      onSubmit: (event) => this.#onSubmit(event),
      onInput: (field, value) => this.#input(field, value),
      onTogglePassword: () => (this.passwordVisible = !this.passwordVisible),
      onGo: (step) => this.#go(step),
      onResend: () => void this.#resend(),
      onRetry: () => this.#retry && void this.#run(this.#retry),
      onSignOut: () => void this.#signOut(),
      onSelectError: (target) => focusControl(this, target),
    };
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
