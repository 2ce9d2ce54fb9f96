import type { Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderDateField } from '../shared/date-field';
import {
  describedBy,
  renderError,
  renderErrorSummary,
  renderHint,
  renderTextField,
  type ShownError,
} from '../shared/form-field';
import { renderHeading, subLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { FIELD_IDS, type NewsDraft } from './news-draft';
import { newsEditorText as t } from './news-editor-text';

/** What the publishing form shows and whom it tells. */
export interface NewsFormView {
  readonly lang: Lang;
  /** The level of the form's heading. */
  readonly headingLevel: string;
  readonly draft: NewsDraft;
  /** Field errors by their path on the wire. */
  readonly errors: Readonly<Record<string, string>>;
  /** A failure that names no field (no connection, a refusal). */
  readonly formError: string | undefined;
  readonly busy: boolean;
  readonly onChange: (patch: Partial<NewsDraft>) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  /** Focuses a control named by the error summary. */
  readonly onSelect: (target: string) => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

function shownErrors(errors: Readonly<Record<string, string>>): ShownError[] {
  return Object.entries(errors).map(([field, message]) => ({
    field,
    message,
    target: FIELD_IDS[field] ?? field,
  }));
}

function renderKind(v: NewsFormView) {
  const { lang } = v;
  return html`<fieldset class="diary-field" part="field field-kind">
    <legend class="diary-label" part="label">${t(lang, 'kind')}</legend>
    <div class="diary-radios">
      ${(['news', 'event'] as const).map(
        (kind) =>
          html`<label class="diary-radio">
            <input
              type="radio"
              name="kind"
              id=${`kind-${kind}`}
              value=${kind}
              .checked=${live(v.draft.kind === kind)}
              @change=${() => v.onChange({ kind })}
            />
            ${t(lang, kind === 'news' ? 'kindNews' : 'kindEvent')}
          </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderBody(v: NewsFormView) {
  const { lang } = v;
  const error = v.errors.body;
  const hint = t(lang, 'bodyHint');
  return html`<div class="diary-field${error ? ' diary-field--error' : ''}" part="field field-body">
    <label class="diary-label" part="label" for="body">${t(lang, 'body')}</label>
    ${renderHint('body', hint)} ${renderError('body', error, sharedText(lang, 'errorPrefix'))}
    <textarea
      class="diary-input"
      part="input"
      id="body"
      name="body"
      rows="6"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy('body', hint, error) ?? nothing}
      .value=${live(v.draft.body)}
      @input=${(e: InputEvent) => v.onChange({ body: valueOf(e) })}
    ></textarea>
  </div>`;
}

function renderEvent(v: NewsFormView) {
  const { lang, draft, errors } = v;
  const prefix = sharedText(lang, 'errorPrefix');
  if (draft.kind !== 'event') return nothing;
  return html`<fieldset class="diary-group" part="event">
    <legend class="diary-label" part="label">${t(lang, 'eventFacts')}</legend>
    ${renderDateField(lang, {
      id: 'event-date',
      label: t(lang, 'eventDate'),
      value: draft.eventDate,
      error: errors.eventDate,
      onChange: (e) => v.onChange({ eventDate: valueOf(e) }),
    })}
    <div class="diary-times">
      ${renderTextField({
        id: 'start-time',
        name: 'startTime',
        label: t(lang, 'startTime'),
        hint: t(lang, 'timeHint'),
        value: draft.startTime,
        error: errors.startTime,
        errorPrefix: prefix,
        inputmode: 'numeric',
        width: 'short',
        part: 'field-start-time',
        onInput: (e) => v.onChange({ startTime: valueOf(e) }),
      })}
      ${renderTextField({
        id: 'end-time',
        name: 'endTime',
        label: t(lang, 'endTime'),
        hint: t(lang, 'timeHint'),
        value: draft.endTime,
        error: errors.endTime,
        errorPrefix: prefix,
        inputmode: 'numeric',
        width: 'short',
        part: 'field-end-time',
        onInput: (e) => v.onChange({ endTime: valueOf(e) }),
      })}
    </div>
    ${renderTextField({
      id: 'location',
      name: 'location',
      label: t(lang, 'location'),
      hint: t(lang, 'locationHint'),
      value: draft.location,
      error: errors.location,
      errorPrefix: prefix,
      part: 'field-location',
      onInput: (e) => v.onChange({ location: valueOf(e) }),
    })}
  </fieldset>`;
}

function renderImage(v: NewsFormView) {
  const { lang, draft, errors } = v;
  const prefix = sharedText(lang, 'errorPrefix');
  return html`<fieldset class="diary-group" part="image-fields">
    <legend class="diary-label" part="label">${t(lang, 'image')}</legend>
    ${renderTextField({
      id: 'image-url',
      name: 'imageUrl',
      label: t(lang, 'imageUrl'),
      hint: t(lang, 'imageUrlHint'),
      value: draft.imageUrl,
      error: errors['image.url'],
      errorPrefix: prefix,
      spellcheck: false,
      part: 'field-image-url',
      onInput: (e) => v.onChange({ imageUrl: valueOf(e) }),
    })}
    ${renderTextField({
      id: 'image-alt',
      name: 'imageAlt',
      label: t(lang, 'imageAlt'),
      hint: t(lang, 'imageAltHint'),
      value: draft.imageAlt,
      error: errors['image.alt'],
      errorPrefix: prefix,
      part: 'field-image-alt',
      onInput: (e) => v.onChange({ imageAlt: valueOf(e) }),
    })}
  </fieldset>`;
}

/**
 * The publishing form: kind, title, text, an event's day, hours and place, a picture with its
 * description; the error summary above it and each field's error beside the field.
 */
export function renderNewsForm(v: NewsFormView) {
  const { lang, draft, errors } = v;
  const level = v.headingLevel;
  return html`<form
    class="diary-form"
    part="form"
    novalidate
    aria-labelledby="form-title"
    @submit=${v.onSubmit}
  >
    ${renderHeading(level, t(lang, 'formTitle'), { id: 'form-title' })}
    <p class="diary-hint">${t(lang, 'formHint')}</p>
    ${renderErrorSummary({
      title: sharedText(lang, 'errorSummaryTitle'),
      errors: shownErrors(errors),
      level: subLevel(level),
      titleId: 'summary-title',
      onSelect: v.onSelect,
    })}
    ${renderKind(v)}
    ${renderTextField({
      id: 'news-title',
      name: 'title',
      label: t(lang, 'titleLabel'),
      hint: t(lang, 'titleHint'),
      value: draft.title,
      error: errors.title,
      errorPrefix: sharedText(lang, 'errorPrefix'),
      part: 'field-title',
      onInput: (e) => v.onChange({ title: valueOf(e) }),
    })}
    ${renderBody(v)} ${renderEvent(v)} ${renderImage(v)}
    ${
      v.formError
        ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>`
        : nothing
    }
    <div>
      <button class="diary-button" part="button publish" type="submit" ?disabled=${v.busy}>
        ${v.busy ? t(lang, 'publishing') : t(lang, 'publish')}
      </button>
    </div>
  </form>`;
}
