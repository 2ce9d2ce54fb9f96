import { checkQuietHours, errorMessage, type Lang, type QuietHours } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { sharedText } from '../shared/localize';
import { notificationsText as t } from './notifications-text';

/** The quiet-hours fields as the form edits them. */
export interface QuietDraft {
  readonly on: boolean;
  readonly start: string;
  readonly end: string;
  /** The stored time zone, or the browser's for new quiet hours. */
  readonly timeZone: string;
}

/** Errors of the two time fields, by field. */
export type QuietErrors = Partial<Record<'start' | 'end', string>>;

/** The form's draft of stored quiet hours (or of none: 22:00–07:00 in the browser's zone, off). */
export function quietDraft(stored: QuietHours | undefined): QuietDraft {
  if (stored) return { on: true, ...stored };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';
  return { on: false, start: '22:00', end: '07:00', timeZone };
}

/**
 * What to save for the draft: quiet hours checked by core's rules (`checkQuietHours`, the same as
 * the server's schema), `null` when off, or the field error in the reader's language.
 */
export function checkQuietDraft(
  draft: QuietDraft,
  lang: Lang,
): { ok: true; value: QuietHours | null } | { ok: false; errors: QuietErrors } {
  if (!draft.on) return { ok: true, value: null };
  const { start, end, timeZone } = draft;
  const problem = checkQuietHours({ start, end, timeZone });
  if (!problem) return { ok: true, value: { start, end, timeZone } };
  const message = errorMessage(problem.code, { lang, field: problem.field });
  return { ok: false, errors: { [problem.path === 'start' ? 'start' : 'end']: message } };
}

/** The quiet-hours fieldset of the settings form. */
export function renderQuietHours(
  lang: Lang,
  draft: QuietDraft,
  errors: QuietErrors,
  change: (next: Partial<QuietDraft>) => void,
): TemplateResult {
  const field = (name: 'start' | 'end') => {
    const error = errors[name];
    const id = `quiet-${name}`;
    return html`<div class="diary-field ${error ? 'diary-field--error' : ''}">
      <label class="diary-label" for=${id}>${t(lang, `quiet_${name}`)}</label>
      ${
        error
          ? html`<p class="diary-error" id="${id}-error" part="error">
              <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${error}
            </p>`
          : nothing
      }
      <input
        class="diary-input diary-input--short"
        type="time"
        id=${id}
        name=${id}
        part="quiet-${name}"
        required
        .value=${draft[name]}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(e: Event) => change({ [name]: (e.target as HTMLInputElement).value })}
      />
    </div>`;
  };
  return html`<fieldset class="diary-kind" part="quiet-hours">
    <legend class="diary-legend">${t(lang, 'quietHours')}</legend>
    <p class="diary-hint" id="quiet-hint">${t(lang, 'quietHint', { zone: draft.timeZone })}</p>
    <label class="diary-radio">
      <input
        type="checkbox"
        name="quiet-on"
        part="quiet-on"
        aria-describedby="quiet-hint"
        .checked=${draft.on}
        @change=${(e: Event) => change({ on: (e.target as HTMLInputElement).checked })}
      />
      ${t(lang, 'quietOn')}
    </label>
    ${draft.on ? html`<div class="diary-quiet-times">${field('start')} ${field('end')}</div>` : nothing}
  </fieldset>`;
}
