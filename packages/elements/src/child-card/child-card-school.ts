import type { Challenge, Lang, SchoolLink } from '@school-diary/core';
import { html, nothing } from 'lit';
import { renderTextField } from '../shared/form-field';
import { renderHeading } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { renderCodeField, renderResend } from '../shared/one-time-code';
import { textNotice } from '../shared/notices';
import { cardText } from './child-card-text';

/** A change of schools the parent is making. */
export type SchoolAction =
  { readonly kind: 'link' } | { readonly kind: 'change' | 'unlink'; readonly link: SchoolLink };

/** What the school section shows and where its typing and clicks go. */
export interface SchoolView {
  readonly lang: Lang;
  readonly level: string;
  readonly timeZone: string;
  readonly links: readonly SchoolLink[];
  /** Whether the card is confirmed (only a confirmed card changes school). */
  readonly confirmed: boolean;
  readonly action: SchoolAction | undefined;
  readonly challenge: Challenge | undefined;
  readonly cooldown: number;
  readonly values: Readonly<Record<'schoolCode' | 'rosterId' | 'code', string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly busy: boolean;
  readonly done: string | undefined;
  readonly onStart: (action: SchoolAction) => void;
  readonly onInput: (field: 'schoolCode' | 'rosterId' | 'code', value: string) => void;
  readonly onSendCode: () => void;
  readonly onResend: () => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

function linkLine(v: SchoolView, link: SchoolLink) {
  const lang = v.lang;
  const summary = cardText(lang, 'linkSummary', {
    school: link.schoolName,
    className: link.className,
    rosterId: link.rosterId,
  });
  const button = (kind: 'change' | 'unlink') =>
    html`<button
      type="button"
      class="diary-button diary-button--secondary"
      part="button ${kind}"
      aria-label=${cardText(lang, kind === 'change' ? 'changeLabel' : 'unlinkLabel', {
        school: link.schoolName,
      })}
      ?disabled=${v.busy || !!v.action}
      @click=${() => v.onStart({ kind, link })}
    >
      ${cardText(lang, kind)}
    </button>`;
  return html`<li class="diary-link-line" part="school-link" data-id=${link.id}>
    <p>${summary}</p>
    <div class="diary-actions">${button('change')} ${button('unlink')}</div>
  </li>`;
}

function field(v: SchoolView, name: 'schoolCode' | 'rosterId') {
  return renderTextField({
    id: name,
    name,
    label: cardText(v.lang, name),
    hint: cardText(v.lang, name === 'schoolCode' ? 'schoolCodeHint' : 'rosterIdHint'),
    error: v.errors[name],
    errorPrefix: sharedText(v.lang, 'errorPrefix'),
    value: v.values[name],
    autocomplete: 'off',
    spellcheck: false,
    part: `field-${name}`,
    onInput: (e) => v.onInput(name, (e.target as HTMLInputElement).value),
  });
}

function button(v: SchoolView, part: string, label: string, onClick: () => void) {
  return html`<button
    type="button"
    class="diary-button"
    part="button ${part}"
    ?disabled=${v.busy}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

function cancelButton(v: SchoolView) {
  return html`<button
    type="button"
    class="diary-button diary-button--secondary"
    part="button cancel-school"
    @click=${v.onCancel}
  >
    ${cardText(v.lang, 'cancel')}
  </button>`;
}

/** The step of a change: what to change, then the code sent to the parent's phone. */
function renderAction(v: SchoolView, action: SchoolAction) {
  const lang = v.lang;
  const title = renderHeading(v.level, cardText(lang, action.kind), { id: 'school-action' });
  const challenge = v.challenge;
  if (challenge)
    return html`<div
      class="diary-step"
      part="school-step"
      role="group"
      aria-labelledby="school-action"
    >
      ${title}
      <p>${cardText(lang, 'codeSent', { sentTo: challenge.sentTo })}</p>
      ${renderCodeField({
        id: 'code',
        lang,
        challenge,
        timeZone: v.timeZone,
        error: v.errors['code'],
        value: v.values.code,
        showExpired: false,
        onInput: (e) => v.onInput('code', (e.target as HTMLInputElement).value),
      })}
      ${renderResend(lang, v.cooldown, v.onResend)}
      <div class="diary-actions">
        ${button(v, 'confirm', cardText(lang, 'confirm'), v.onConfirm)} ${cancelButton(v)}
      </div>
    </div>`;
  return html`<div
    class="diary-step"
    part="school-step"
    role="group"
    aria-labelledby="school-action"
  >
    ${title}
    ${
      action.kind === 'unlink'
        ? html`<p>${cardText(lang, 'unlinkQuestion', { school: action.link.schoolName })}</p>`
        : html`${field(v, 'schoolCode')} ${field(v, 'rosterId')}`
    }
    ${v.errors['form'] ? textNotice(v.errors['form'], 'alert') : nothing}
    <div class="diary-actions">
      ${button(v, 'send-code', cardText(lang, 'sendCode'), v.onSendCode)} ${cancelButton(v)}
    </div>
  </div>`;
}

/** The child's schools, with link, change and unlink, each confirmed by an SMS code. */
export function renderSchools(v: SchoolView) {
  const lang = v.lang;
  return html`${
    v.links.length
      ? html`<ul class="diary-links" part="school-links">
          ${v.links.map((link) => linkLine(v, link))}
        </ul>`
      : html`<p>${cardText(lang, 'noSchool')}</p>`
  }
  ${
    v.links.length === 0 && v.confirmed && !v.action
      ? button(v, 'link', cardText(lang, 'link'), () => v.onStart({ kind: 'link' }))
      : nothing
  }
  ${v.action ? renderAction(v, v.action) : nothing}
  ${v.done ? textNotice(v.done, 'status') : nothing}`;
}
