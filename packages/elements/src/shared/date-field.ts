import type { Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { sharedText } from './localize';
import { formatTypedDate, parseTypedDate } from './typed-date';

/** One date box of a widget's date range. */
export interface DateFieldOptions {
  /** The box's id (`from`, `to`); its hint is `<id>-hint`, its error `<id>-error`. */
  readonly id: string;
  readonly label: string;
  /** `YYYY-MM-DD`, or empty. */
  readonly value: string;
  /** The message under the label (core's wording), when the range is wrong. */
  readonly error?: string | undefined;
  /**
   * Called when the reader changes the date to one that exists (or clears it), with an event
   * whose target's `value` is the ISO date (`''` when cleared).
   */
  readonly onChange: (event: Event) => void;
}

/** Shows or hides the box's own «not a date» message (the widget knows nothing of it). */
function markUnreadable(field: HTMLElement, input: HTMLInputElement, unreadable: boolean): void {
  const message = field.querySelector<HTMLElement>('[data-format-error]');
  if (!message) return;
  message.hidden = !unreadable;
  if (unreadable) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.id}-hint ${message.id}`);
  } else if (!field.querySelector('[data-range-error]')) {
    input.setAttribute('aria-invalid', 'false');
    input.setAttribute('aria-describedby', `${input.id}-hint`);
  }
}

/**
 * A labelled date box of the widgets' date ranges: the date is typed day first in the widget's
 * language (`24.11.2026`, `24 Nov 2026`, `24 ноября 2026`), never in the browser's own
 * `mm/dd/yyyy` of a native date input. A hint shows the format; text that is not a date gets its
 * own message; the range's error (prefixed for screen readers, linked by `aria-describedby`)
 * comes from the widget.
 *
 * @example
 * renderDateField('ru', { id: 'to', label: 'По дату', value: to, error, onChange });
 */
export function renderDateField(lang: Lang, options: DateFieldOptions) {
  const { id, label, value, error, onChange } = options;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const onTextChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const field = input.closest<HTMLElement>('[part~="field"]');
    const iso = parseTypedDate(input.value);
    if (field) markUnreadable(field, input, iso === null);
    if (iso === null) return;
    if (iso) input.value = formatTypedDate(lang, iso);
    const carrier = field?.querySelector<HTMLInputElement>('input[type="hidden"]');
    if (!carrier) return;
    carrier.value = iso;
    carrier.dispatchEvent(new Event('change'));
  };
  return html`<div class="diary-filter ${error ? 'diary-field--error' : ''}" part="field">
    <label class="diary-label" part="label" for=${id}>${label}</label>
    <span class="diary-hint" id=${hintId}>${sharedText(lang, 'dateHint')}</span>
    ${
      error
        ? html`<span class="diary-error" part="error" id=${errorId} data-range-error
            ><span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
            >${error}</span
          >`
        : nothing
    }
    <span class="diary-error" part="error" id="${id}-format-error" data-format-error hidden
      ><span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
      >${sharedText(lang, 'badDate')}</span
    >
    <input
      id=${id}
      type="text"
      inputmode="numeric"
      autocomplete="off"
      spellcheck="false"
      class="diary-input diary-input--date"
      part="input"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${hintId} ${errorId}` : hintId}
      .value=${formatTypedDate(lang, value)}
      @change=${onTextChange}
    />
    <input type="hidden" .value=${value} @change=${onChange} />
  </div>`;
}
