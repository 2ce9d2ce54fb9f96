import { apiErrorMessage, type Challenge, type Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatTime } from './dates';
import { renderTextField } from './form-field';
import { sharedText, translator } from './localize';
import { plural } from './plural';

/** The words of the one-time-code step, the same in the login and the child form. */
export const codeText = translator({
  code: ['Код из СМС', 'Code from the text message'],
  codeHint: ['6 цифр. Код действует до {time}.', '6 digits. The code works until {time}.'],
  resend: [
    'Не пришло СМС? Отправить код ещё раз',
    'Not received a text message? Send the code again',
  ],
  resendWait: [
    'Не пришло СМС? Новый код можно запросить через {wait}.',
    'Not received a text message? You can request a new code in {wait}.',
  ],
  resent: ['Мы отправили новый код на номер {sentTo}.', 'We have sent a new code to {sentTo}.'],
});

const SECONDS = {
  ru: { one: '{n} секунду', few: '{n} секунды', many: '{n} секунд', other: '{n} секунды' },
  en: { one: '{n} second', other: '{n} seconds' },
} as const;
const MINUTES = {
  ru: { one: '{n} минуту', few: '{n} минуты', many: '{n} минут', other: '{n} минуты' },
  en: { one: '{n} minute', other: '{n} minutes' },
} as const;

/**
 * A wait in words with the right plural form: «45 секунд», «1 минуту», «2 minutes».
 *
 * @example
 * waitText('ru', 21); // '21 секунду'
 */
export function waitText(lang: Lang, seconds: number): string {
  return seconds < 60
    ? plural(lang, seconds, SECONDS[lang])
    : plural(lang, Math.ceil(seconds / 60), MINUTES[lang]);
}

/** Whole seconds until a new code may be requested for a challenge (0 when it may be now). */
export function cooldownSeconds(challenge: Challenge | undefined, now: Date): number {
  if (!challenge) return 0;
  const ms = new Date(challenge.resendAfter).getTime() - now.getTime();
  return Math.max(0, Math.ceil(ms / 1000));
}

/** Whether a challenge's code has expired. */
export function isExpired(challenge: Challenge, now: Date): boolean {
  return new Date(challenge.expiresAt).getTime() <= now.getTime();
}

/** Options of {@link renderCodeField}. */
export interface CodeFieldOptions {
  readonly id: string;
  readonly lang: Lang;
  readonly challenge: Challenge;
  readonly timeZone: string;
  readonly error: string | undefined;
  readonly value: string;
  /** Whether to say the code has expired (the caller knows when a message already does). */
  readonly showExpired: boolean;
  readonly onInput: (event: InputEvent) => void;
}

/**
 * The one-time-code field: `autocomplete="one-time-code"`, `inputmode="numeric"`, its expiry time
 * in the hint (in the school's zone), and the «code expired» alert above it once it has.
 */
export function renderCodeField(o: CodeFieldOptions) {
  const { lang } = o;
  return html`${
    o.showExpired
      ? html`<p class="diary-notice diary-notice--error" part="notice" role="alert">
          ${apiErrorMessage('code_expired', { lang })}
        </p>`
      : nothing
  }
  ${renderTextField({
    id: o.id,
    name: 'one-time-code',
    label: codeText(lang, 'code'),
    hint: codeText(lang, 'codeHint', { time: formatTime(lang, o.challenge.expiresAt, o.timeZone) }),
    error: o.error,
    errorPrefix: sharedText(lang, 'errorPrefix'),
    value: o.value,
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    width: 'code',
    spellcheck: false,
    part: 'field-code',
    onInput: o.onInput,
  })}`;
}

/**
 * The «Не пришло СМС?» link: while the cooldown runs it says when a new code may be asked for
 * (and is `aria-disabled`, still focusable so the wait is read out).
 */
export function renderResend(lang: Lang, cooldown: number, onResend: () => void) {
  return html`<p class="diary-text diary-resend">
    <button
      type="button"
      class="diary-link"
      part="resend"
      aria-disabled=${cooldown > 0 ? 'true' : 'false'}
      @click=${onResend}
    >
      ${
        cooldown > 0
          ? codeText(lang, 'resendWait', { wait: waitText(lang, cooldown) })
          : codeText(lang, 'resend')
      }
    </button>
  </p>`;
}
