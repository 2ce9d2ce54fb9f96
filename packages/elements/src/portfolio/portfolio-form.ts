import {
  ACHIEVEMENT_LEVELS,
  PORTFOLIO_KINDS,
  type Lang,
  type Period,
  type PortfolioItem,
} from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { renderHeading } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { portfolioText } from './portfolio-text';

/** A subject the child studies, for the subject selects. */
export interface SubjectOption {
  readonly id: string;
  readonly name: string;
}

/** What the add/edit form shows. */
export interface ItemFormView {
  readonly lang: Lang;
  readonly headingLevel: string;
  /** The item being edited; none for a new one. */
  readonly item: PortfolioItem | undefined;
  readonly subjects: readonly SubjectOption[];
  readonly periods: readonly Period[];
  /** Today in the school's time zone: the latest date the picker offers. */
  readonly today: string;
  /** Field errors by path (`kind`, `title`, `description`, `date`, `subjectId`, `periodId`, `level`, `attachmentId`). */
  readonly errors: Readonly<Record<string, string>>;
  readonly formError: string | undefined;
  readonly busy: boolean;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** Wraps a control with its label, hint and error in one tree so the ARIA ids resolve. */
function field(
  v: ItemFormView,
  id: string,
  label: string,
  control: (aria: {
    invalid: 'true' | typeof nothing;
    described: string | typeof nothing;
  }) => TemplateResult,
  hint?: string,
) {
  const error = v.errors[id];
  return html`<div
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-${id}"
  >
    <label class="diary-label" for=${id}>${label}</label>
    ${renderHint(id, hint)} ${renderError(id, error, sharedText(v.lang, 'errorPrefix'))}
    ${control({ invalid: error ? 'true' : nothing, described: describedBy(id, hint, error) ?? nothing })}
  </div>`;
}

/** A select of a tag: the empty option first (`none`), then the options. */
export function tagOptions(
  selected: string | undefined,
  empty: string,
  options: readonly { readonly value: string; readonly label: string }[],
) {
  return html`<option value="" ?selected=${!selected}>${empty}</option>
    ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`)}`;
}

/** The options of the level select, in the widget's language. */
export const levelOptions = (lang: Lang) =>
  ACHIEVEMENT_LEVELS.map((value) => ({ value, label: portfolioText(lang, value) }));

/** The add/edit form of a portfolio item: kind, title, description, date, tags and a file. */
export function renderItemForm(v: ItemFormView) {
  const { lang, item } = v;
  const t = (key: Parameters<typeof portfolioText>[1], params?: Record<string, string>) =>
    portfolioText(lang, key, params);
  const title = item ? t('editTitle', { title: item.title }) : t('add');
  return html`<form class="diary-item-form" part="form" novalidate @submit=${v.onSubmit}>
    ${renderHeading(v.headingLevel, title, { id: 'form-title' })}
    ${v.formError ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>` : nothing}
    ${field(
      v,
      'kind',
      t('kind'),
      (a) =>
        html`<select
          class="diary-input"
          part="input"
          id="kind"
          name="kind"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        >
          ${PORTFOLIO_KINDS.map((k) => html`<option value=${k} ?selected=${k === (item?.kind ?? 'work')}>${t(k)}</option>`)}
        </select>`,
    )}
    ${field(v, 'title', t('itemTitle'), (a) => html`<input class="diary-input" part="input" id="title" name="title" autocomplete="off" .value=${item?.title ?? ''} aria-invalid=${a.invalid} aria-describedby=${a.described} />`)}
    ${field(v, 'description', t('description'), (a) => html`<textarea class="diary-input diary-textarea" part="input" id="description" name="description" rows="3" .value=${item?.description ?? ''} aria-invalid=${a.invalid} aria-describedby=${a.described}></textarea>`)}
    ${field(
      v,
      'date',
      t('date'),
      (a) =>
        html`<input
          class="diary-input diary-input--date"
          part="input"
          type="date"
          id="date"
          name="date"
          max=${v.today}
          .value=${item?.date ?? v.today}
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        />`,
      t('dateHint'),
    )}
    ${field(
      v,
      'subjectId',
      t('subject'),
      (a) =>
        html`<select
          class="diary-input"
          part="input"
          id="subjectId"
          name="subjectId"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        >
          ${tagOptions(
            item?.subjectId,
            t('none'),
            v.subjects.map((s) => ({ value: s.id, label: s.name })),
          )}
        </select>`,
    )}
    ${field(
      v,
      'periodId',
      t('period'),
      (a) =>
        html`<select
          class="diary-input"
          part="input"
          id="periodId"
          name="periodId"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        >
          ${tagOptions(
            item?.periodId,
            t('none'),
            v.periods.map((p) => ({ value: p.id, label: p.name })),
          )}
        </select>`,
    )}
    ${field(
      v,
      'level',
      t('level'),
      (a) =>
        html`<select
          class="diary-input"
          part="input"
          id="level"
          name="level"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        >
          ${tagOptions(item?.level, t('none'), levelOptions(lang))}
        </select>`,
    )}
    ${field(
      v,
      'attachmentId',
      item?.attachment ? t('replaceFile', { name: item.attachment.name }) : t('file'),
      (a) =>
        html`<input
          class="diary-file"
          part="file-input"
          type="file"
          id="attachmentId"
          name="file"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        />`,
      t('fileHint'),
    )}
    ${
      item?.attachment
        ? html`<div class="diary-check" part="field field-remove-file">
            <input type="checkbox" id="removeFile" name="removeFile" />
            <label for="removeFile">${t('removeFile', { name: item.attachment.name })}</label>
          </div>`
        : nothing
    }
    <div class="diary-actions">
      <button class="diary-button" part="button save" aria-disabled=${v.busy ? 'true' : nothing}>
        ${t(v.busy ? 'saving' : 'save')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button cancel"
        @click=${v.onCancel}
      >
        ${t('cancel')}
      </button>
    </div>
  </form>`;
}
