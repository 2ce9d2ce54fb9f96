import type { Challenge, SignInSession, User } from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isAccountClient, type AccountClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { renderTextField } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { accountText } from './account-text';

type Form = 'profile' | 'phone' | 'password' | 'sessions';

const FIELDS: Readonly<Record<Form, readonly string[]>> = {
  profile: ['lastName', 'firstName', 'middleName', 'email'],
  phone: ['phone', 'code'],
  password: ['currentPassword', 'newPassword'],
  sessions: [],
};

/**
 * The signed-in user's own account: whether their identity is confirmed (and how), names and
 * e-mail, a new phone confirmed by a code sent to it, a new password (the current one required), and the devices signed in, each with where and
 * when it was last seen, to sign out one of them or every other.
 *
 * @summary One's own profile, phone, password and signed-in devices.
 * @tag diary-account
 * @csspart base - The widget's box.
 * @csspart section - Each of profile, phone, password and sessions.
 * @csspart identity - The line saying whether the identity is confirmed, and how.
 * @csspart sessions - The list of signed-in devices.
 * @csspart session - One signed-in device.
 * @csspart field - A form field (also `field-<name>`).
 * @csspart input - Text inputs.
 * @csspart button - Every button (also `save`, `send-code`, `confirm`, `change-password`, `sign-out`, `sign-out-others`, `retry`).
 * @csspart notice - Loading, signed-out and done messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The sections and the devices.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryAccount extends DiaryElement {
  static override styles = [
    hostTokens,
    controlStyles,
    css`
      .diary-base {
        padding: calc(var(--_space) * 2);
        overflow-wrap: anywhere;
      }
      section {
        border-block-start: 1px solid var(--_border);
        padding-block: var(--_space);
      }
      .diary-sessions {
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      .diary-session {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: calc(var(--_space) / 2);
        justify-items: start;
      }
      .diary-session p {
        margin: 0;
      }
    `,
  ];

  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor values: Readonly<Record<string, string>> = {};
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor done: Partial<Record<Form, string>> = {};
  @state() protected accessor busy: Form | undefined;
  @state() protected accessor challenge: Challenge | undefined;
  @state() protected accessor me: User | undefined;

  readonly #account = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id] as const,
    task: async ([client, userId], { signal }) => {
      if (!client || !userId) return initialState;
      const [me, sessions] = await Promise.all([
        client.auth.me(undefined, { signal }),
        client.auth.sessions(undefined, { signal }),
      ]);
      return { me, sessions: sessions.items };
    },
    onComplete: (loaded) => {
      this.me = loaded.me;
      this.values = {
        ...this.values,
        lastName: loaded.me.lastName,
        firstName: loaded.me.firstName,
        middleName: loaded.me.middleName ?? '',
        email: loaded.me.email ?? '',
      };
    },
  });

  get #client(): AccountClient | undefined {
    const client = this.client;
    return isAccountClient(client) ? client : undefined;
  }

  override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    const title = renderHeading(this.headingLevel, accountText(lang, 'title'));
    if (!this.environment?.session.user)
      return html`<div class="diary-base" part="base">
        ${title}${textNotice(accountText(lang, 'signedOut'))}
      </div>`;
    return html`<div class="diary-base" part="base">
      ${title}
      ${this.#account.render({
        pending: () => loadingNotice(lang),
        error: (error) =>
          failureNotice(
            lang,
            describeFailure(error, this.failureContext()),
            () => void this.#account.run(),
          ),
        complete: (loaded) =>
          html`${this.#renderProfile()}${this.#renderPhone()}
          ${this.#renderPassword()}${this.#renderSessions(loaded.sessions)}`,
      })}
    </div>`;
  }

  #heading(key: 'profile' | 'phone' | 'password' | 'sessions') {
    return renderHeading(subLevel(this.headingLevel), accountText(this.language, key));
  }

  #field(
    name: string,
    label: string,
    extra: { type?: 'text' | 'password' | 'tel'; autocomplete: string; hint?: string },
  ): TemplateResult {
    return renderTextField({
      id: name,
      name,
      label,
      value: this.values[name] ?? '',
      hint: extra.hint,
      error: this.errors[name],
      errorPrefix: sharedText(this.language, 'errorPrefix'),
      type: extra.type ?? 'text',
      autocomplete: extra.autocomplete,
      part: `field-${name}`,
      onInput: (event) => {
        this.values = { ...this.values, [name]: (event.target as HTMLInputElement).value };
      },
    });
  }

  #button(form: Form, part: string, label: string, onClick: () => void): TemplateResult {
    return html`<button
      type="button"
      class="diary-button"
      part="button ${part}"
      ?disabled=${this.busy === form}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  #doneNotice(form: Form) {
    const text = this.done[form];
    return text ? textNotice(text, 'status') : nothing;
  }

  #renderProfile() {
    const t = (key: Parameters<typeof accountText>[1]) => accountText(this.language, key);
    return html`<section part="section" aria-labelledby="profile-heading">
      <div id="profile-heading">${this.#heading('profile')}</div>
      ${this.#renderIdentity()}
      ${this.#field('lastName', t('lastName'), { autocomplete: 'family-name' })}
      ${this.#field('firstName', t('firstName'), { autocomplete: 'given-name' })}
      ${this.#field('middleName', t('middleName'), { autocomplete: 'additional-name' })}
      ${this.#field('email', t('email'), { autocomplete: 'email' })}
      ${this.#button('profile', 'save', t('save'), () => void this.#saveProfile())}
      ${this.#doneNotice('profile')}
    </section>`;
  }

  #renderIdentity() {
    const me = this.me;
    if (!me) return nothing;
    const lang = this.language;
    const status = me.identityStatus;
    // Only a parent's identity is confirmed in person, at the desk of their child's school.
    const canConfirm =
      me.role === 'parent' && (status === 'unconfirmed' || status === 'confirmed_sms');
    return html`<p part="identity" data-identity=${status}>
        ${accountText(lang, 'identity', { status: accountText(lang, `identity_${status}`) })}
      </p>
      ${canConfirm ? html`<p>${accountText(lang, 'identityHint')}</p>` : nothing}`;
  }

  #renderPhone() {
    const t = (key: Parameters<typeof accountText>[1]) => accountText(this.language, key);
    const challenge = this.challenge;
    return html`<section part="section" aria-labelledby="phone-heading">
      <div id="phone-heading">${this.#heading('phone')}</div>
      <p>${accountText(this.language, 'currentPhone', { phone: this.me?.phone ?? '' })}</p>
      ${this.#field('phone', t('newPhone'), {
        type: 'tel',
        autocomplete: 'tel',
        hint: t('newPhoneHint'),
      })}
      ${this.#button('phone', 'send-code', t('sendCode'), () => void this.#sendCode())}
      ${
        challenge
          ? html`${this.#field(
              'code',
              accountText(this.language, 'code', { sentTo: challenge.sentTo }),
              { autocomplete: 'one-time-code' },
            )}
            ${this.#button('phone', 'confirm', t('confirm'), () => void this.#confirmPhone())}`
          : nothing
      }
      ${this.#doneNotice('phone')}
    </section>`;
  }

  #renderPassword() {
    const t = (key: Parameters<typeof accountText>[1]) => accountText(this.language, key);
    return html`<section part="section" aria-labelledby="password-heading">
      <div id="password-heading">${this.#heading('password')}</div>
      ${this.#field('currentPassword', t('currentPassword'), {
        type: 'password',
        autocomplete: 'current-password',
      })}
      ${this.#field('newPassword', t('newPassword'), {
        type: 'password',
        autocomplete: 'new-password',
        hint: t('newPasswordHint'),
      })}
      ${this.#button(
        'password',
        'change-password',
        t('changePassword'),
        () => void this.#changePassword(),
      )}
      ${this.#doneNotice('password')}
    </section>`;
  }

  #renderSessions(sessions: readonly SignInSession[]) {
    const lang = this.language;
    const t = (key: Parameters<typeof accountText>[1]) => accountText(lang, key);
    return html`<section part="section" aria-labelledby="sessions-heading">
      <div id="sessions-heading">${this.#heading('sessions')}</div>
      <ul class="diary-sessions" part="sessions">
        ${sessions.map((session) => {
          const device = session.device ?? t('unknownDevice');
          const when = formatDate(
            lang,
            session.lastActiveAt,
            { dateStyle: 'medium', timeStyle: 'short' },
            this.timeZone,
          );
          return html`<li class="diary-session" part="session" data-id=${session.id}>
            <p><strong>${device}</strong>${session.current ? ` — ${t('thisDevice')}` : nothing}</p>
            <p>
              ${accountText(lang, 'lastSeen', { date: when })}${
                session.place
                  ? html`, ${accountText(lang, 'place', { place: session.place })}`
                  : nothing
              }
            </p>
            <button
              type="button"
              class="diary-button diary-button--secondary"
              part="button sign-out"
              aria-label=${accountText(lang, 'signOutLabel', { device })}
              ?disabled=${this.busy === 'sessions'}
              @click=${() => void this.#signOut(session, device)}
            >
              ${t('signOutHere')}
            </button>
          </li>`;
        })}
      </ul>
      ${
        sessions.some((s) => !s.current)
          ? this.#button(
              'sessions',
              'sign-out-others',
              t('signOutOthers'),
              () => void this.#signOutOthers(),
            )
          : nothing
      }
      ${this.#doneNotice('sessions')}
    </section>`;
  }

  /** Runs one form's call: its errors at its fields (or above them), its done message after. */
  async #run(form: Form, call: (client: AccountClient) => Promise<string | undefined>) {
    const client = this.#client;
    if (!client) return;
    this.busy = form;
    this.done = { ...this.done, [form]: undefined };
    this.errors = Object.fromEntries(
      Object.entries(this.errors).filter(([name]) => !FIELDS[form].includes(name)),
    );
    try {
      const message = await call(client);
      if (message) this.done = { ...this.done, [form]: message };
    } catch (error) {
      const failure = describeFailure(error, this.failureContext());
      const fields = failure.kind === 'api' ? failure.fields : [];
      const mine = fields.filter((f) => FIELDS[form].includes(f.path));
      const errors = { ...this.errors };
      for (const f of mine) errors[f.path] = f.message;
      this.errors = errors;
      if (mine.length === 0) this.done = { ...this.done, [form]: failure.message };
      await this.updateComplete;
      const first = mine[0]?.path;
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  async #saveProfile() {
    await this.#run('profile', async (client) => {
      const v = this.values;
      this.me = await client.auth.updateMe({
        lastName: v['lastName'] ?? '',
        firstName: v['firstName'] ?? '',
        middleName: v['middleName'] ?? '',
        email: v['email'] ?? '',
      });
      return accountText(this.language, 'saved');
    });
  }

  async #sendCode() {
    await this.#run('phone', async (client) => {
      this.challenge = await client.auth.changePhone({ phone: this.values['phone'] ?? '' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#code')?.focus();
      return undefined;
    });
  }

  async #confirmPhone() {
    const challenge = this.challenge;
    if (!challenge) return;
    await this.#run('phone', async (client) => {
      this.me = await client.auth.confirmPhone({
        challengeId: challenge.challengeId,
        code: this.values['code'] ?? '',
      });
      this.challenge = undefined;
      this.values = { ...this.values, phone: '', code: '' };
      return accountText(this.language, 'phoneChanged');
    });
  }

  async #changePassword() {
    await this.#run('password', async (client) => {
      await client.auth.changePassword({
        currentPassword: this.values['currentPassword'] ?? '',
        newPassword: this.values['newPassword'] ?? '',
      });
      this.values = { ...this.values, currentPassword: '', newPassword: '' };
      void this.#account.run();
      return accountText(this.language, 'passwordChanged');
    });
  }

  async #signOut(session: SignInSession, device: string) {
    await this.#run('sessions', async (client) => {
      // Here: the usual sign-out, which also forgets the kept session.
      if (session.current) {
        await client.auth.logout({});
        return undefined;
      }
      await client.auth.revokeSession({ sessionId: session.id });
      await this.#account.run();
      return accountText(this.language, 'signedOutSession', { device });
    });
  }

  async #signOutOthers() {
    await this.#run('sessions', async (client) => {
      await client.auth.revokeOtherSessions();
      await this.#account.run();
      return accountText(this.language, 'signedOutOthers');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-account': DiaryAccount;
  }
}
