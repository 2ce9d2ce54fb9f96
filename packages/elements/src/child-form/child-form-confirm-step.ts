import {
  normalizeRosterId,
  normalizeSnils,
  type Challenge,
  type Lang,
  type School,
} from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { renderHeading } from '../shared/heading';
import { formatDate } from '../shared/dates';
import { datePartsToIso } from '../shared/date-of-birth';
import { cooldownSeconds, isExpired, renderCodeField, renderResend } from '../shared/one-time-code';
import { personName } from '../shared/person-name';
import { childText } from './child-form-text';
import type { ChildDraft } from './child-form-validation';

/** What the second step (check the details, type the SMS code) shows and does. */
export interface ConfirmStepView {
  readonly lang: Lang;
  /** `heading-level` of the form. */
  readonly headingLevel: string;
  readonly draft: ChildDraft;
  readonly school: School | undefined;
  readonly challenge: Challenge;
  readonly now: Date;
  readonly timeZone: string;
  readonly code: string;
  readonly codeError: string | undefined;
  /** «Код отправлен ещё раз» after a resend. */
  readonly notice: string | undefined;
  readonly busy: boolean;
  readonly failure: TemplateResult | typeof nothing;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCode: (code: string) => void;
  readonly onEdit: () => void;
  readonly onResend: () => void;
}

/** The details as typed, for checking before the code. */
function details(lang: Lang, d: ChildDraft, school: School | undefined) {
  const iso = datePartsToIso(d);
  const snils = d.snils.trim() ? normalizeSnils(d.snils) : null;
  const row = (label: string, value: string | null | undefined) =>
    value
      ? html`<dt>${label}</dt>
          <dd>${value}</dd>`
      : nothing;
  return html`<dl class="diary-list" part="summary-list">
    ${row(childText(lang, 'name'), personName(d))}
    ${row(childText(lang, 'birthDate'), iso ? formatDate(lang, iso) : null)}
    ${row(childText(lang, 'sex'), d.sex ? childText(lang, d.sex) : null)}
    ${row(childText(lang, 'snils'), snils)} ${row(childText(lang, 'school'), school?.name)}
    ${row(childText(lang, 'rosterId'), normalizeRosterId(d.rosterId))}
  </dl>`;
}

/** The details to check, the SMS code, confirm, change the details, send the code again. */
export function renderConfirmStep(v: ConfirmStepView) {
  const { lang, challenge, now } = v;
  const cooldown = cooldownSeconds(challenge, now);
  return html`<form novalidate @submit=${v.onSubmit}>
      ${renderHeading(v.headingLevel, childText(lang, 'confirmTitle'))} ${v.failure}
      ${
        v.notice
          ? html`<p class="diary-notice diary-notice--success" part="notice" role="status">
              ${v.notice}
            </p>`
          : nothing
      }
      ${details(lang, v.draft, v.school)}
      <p class="diary-text">${childText(lang, 'codeSent', { sentTo: challenge.sentTo })}</p>
      ${renderCodeField({
        id: 'code',
        lang,
        challenge,
        timeZone: v.timeZone,
        error: v.codeError,
        value: v.code,
        showExpired: isExpired(challenge, now) && !v.codeError,
        onInput: (e) => v.onCode((e.target as HTMLInputElement).value),
      })}
      <div class="diary-actions">
        <button
          class="diary-button"
          part="button submit"
          type="submit"
          ?disabled=${v.busy}
          aria-busy=${v.busy}
        >
          ${childText(lang, v.busy ? 'sending' : 'confirm')}
        </button>
        <button
          class="diary-button diary-button--secondary"
          part="button edit"
          type="button"
          @click=${v.onEdit}
        >
          ${childText(lang, 'edit')}
        </button>
      </div>
    </form>
    ${renderResend(lang, cooldown, v.onResend)}`;
}
