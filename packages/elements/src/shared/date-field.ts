import type { Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { sharedText } from './localize';

/** One date input of a widget's date range. */
export interface DateFieldOptions {
  /** The input's id (`from`, `to`); the error's id is `<id>-error`. */
  readonly id: string;
  readonly label: string;
  /** `YYYY-MM-DD`, or empty. */
  readonly value: string;
  /** The message under the label (core's wording), when the range is wrong. */
  readonly error?: string | undefined;
  /** Called on the input's own `change`, with what the reader chose. */
  readonly onChange: (event: Event) => void;
}

/**
 * A labelled date input of the grade widgets' range filters, with its error (prefixed for screen
 * readers, linked by `aria-describedby`) when the range ends before it starts.
 *
 * @example
 * renderDateField('ru', { id: 'to', label: 'По дату', value: to, error, onChange });
 */
export function renderDateField(lang: Lang, options: DateFieldOptions) {
  const { id, label, value, error, onChange } = options;
  const errorId = `${id}-error`;
  return html`<div class="diary-filter ${error ? 'diary-field--error' : ''}" part="field">
    <label class="diary-label" part="label" for=${id}>${label}</label>
    ${
      error
        ? html`<span class="diary-error" part="error" id=${errorId}
            ><span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
            >${error}</span
          >`
        : nothing
    }
    <input
      id=${id}
      type="date"
      class="diary-input"
      part="input"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? errorId : nothing}
      .value=${value}
      @change=${onChange}
    />
  </div>`;
}
