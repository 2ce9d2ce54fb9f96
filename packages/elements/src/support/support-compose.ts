import type { Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { renderHeading } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { renderSchoolCombobox, type SchoolSearch } from '../shared/school-combobox';
import { supportText } from './support-text';

/** What the new-ticket form shows. */
export interface ComposeView {
  readonly lang: Lang;
  /** The level of the form's heading. */
  readonly headingLevel: string;
  /** Field errors by path (`subject`, `text`, `applicationNumber`, `schoolId`, `attachmentIds`). */
  readonly errors: Readonly<Record<string, string>>;
  /** A failure that is not one field's. */
  readonly formError: string | undefined;
  /** The school search, when the parent must choose a school. */
  readonly schoolSearch: SchoolSearch | undefined;
  readonly busy: boolean;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** A labelled control with its hint and error, all in one tree so the ARIA ids resolve. */
function field(
  v: ComposeView,
  o: { id: string; label: string; hint?: string; multiline?: boolean; width?: string },
) {
  const error = v.errors[o.id];
  const hint = o.hint;
  const common = {
    described: describedBy(o.id, hint, error),
    invalid: error ? 'true' : nothing,
  };
  return html`<div
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-${o.id}"
  >
    <label class="diary-label" for=${o.id}>${o.label}</label>
    ${renderHint(o.id, hint)} ${renderError(o.id, error, sharedText(v.lang, 'errorPrefix'))}
    ${
      o.multiline
        ? html`<textarea
            class="diary-input diary-textarea"
            part="input"
            id=${o.id}
            name=${o.id}
            rows="5"
            aria-invalid=${common.invalid}
            aria-describedby=${common.described ?? nothing}
          ></textarea>`
        : html`<input
            class="diary-input${o.width ? ` diary-input--${o.width}` : ''}"
            part="input"
            id=${o.id}
            name=${o.id}
            autocomplete="off"
            aria-invalid=${common.invalid}
            aria-describedby=${common.described ?? nothing}
          />`
    }
  </div>`;
}

/** The file picker of a ticket or a reply. */
export function renderFiles(lang: Lang, id: string, error: string | undefined) {
  const hint = supportText(lang, 'filesHint');
  return html`<div
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-files"
  >
    <label class="diary-label" for=${id}>${supportText(lang, 'files')}</label>
    ${renderHint(id, hint)} ${renderError(id, error, sharedText(lang, 'errorPrefix'))}
    <input
      class="diary-file"
      part="file-input"
      type="file"
      id=${id}
      name="files"
      multiple
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(id, hint, error) ?? nothing}
    />
  </div>`;
}

/** The new-ticket form: topic, message, optional application number, the school if needed, files. */
export function renderCompose(v: ComposeView) {
  const lang = v.lang;
  return html`<form class="diary-compose" part="compose" novalidate @submit=${v.onSubmit}>
    ${renderHeading(v.headingLevel, supportText(lang, 'newTicket'), { id: 'compose-title' })}
    ${
      v.formError
        ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>`
        : nothing
    }
    ${field(v, { id: 'subject', label: supportText(lang, 'subject') })}
    ${field(v, {
      id: 'text',
      label: supportText(lang, 'text'),
      hint: supportText(lang, 'textHint'),
      multiline: true,
    })}
    ${field(v, {
      id: 'applicationNumber',
      label: supportText(lang, 'applicationNumber'),
      hint: supportText(lang, 'applicationHint'),
      width: 'code',
    })}
    ${
      v.schoolSearch
        ? renderSchoolCombobox(v.schoolSearch, {
            id: 'schoolId',
            label: supportText(lang, 'school'),
            hint: supportText(lang, 'schoolHint'),
            error: v.errors.schoolId,
            errorPrefix: sharedText(lang, 'errorPrefix'),
            lang,
            retryLabel: sharedText(lang, 'retry'),
          })
        : nothing
    }
    ${renderFiles(lang, 'compose-files', v.errors.attachmentIds)}
    <div class="diary-actions">
      <button class="diary-button" part="button send" aria-disabled=${v.busy ? 'true' : nothing}>
        ${supportText(lang, v.busy ? 'sending' : 'send')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button cancel"
        @click=${v.onCancel}
      >
        ${supportText(lang, 'cancel')}
      </button>
    </div>
  </form>`;
}
