import type { Lang, Substitution } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../shared/dates';
import { sharedText } from '../shared/localize';
import { formatTypedDate } from '../shared/typed-date';
import { scheduleText } from './schedule-text';

/** What the substitution history shows and does. */
export interface HistoryView {
  readonly lang: Lang;
  /** The range's dates, `YYYY-MM-DD` or empty. */
  readonly from: string;
  readonly to: string;
  /** Field errors by box name (`from`, `to`). */
  readonly errors: Readonly<Record<string, string>>;
  /** The list, its loading state or its error. */
  readonly body: unknown;
  readonly onToggle: (event: Event) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
}

/** The history of substitutions between two dates typed in the widget's language. */
export function renderHistory(v: HistoryView) {
  const { lang, errors } = v;
  const field = (name: 'from' | 'to', label: string, value: string) =>
    html`<div class="diary-field ${errors[name] ? 'diary-field--error' : ''}">
      <label class="diary-label" for="history-${name}">${label}</label>
      <span class="diary-hint" id="history-${name}-hint">${sharedText(lang, 'dateHint')}</span>
      ${
        errors[name]
          ? html`<p class="diary-error" id="history-${name}-error" part="error">
              <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                errors[name]
              }
            </p>`
          : nothing
      }
      <input
        class="diary-input diary-input--date"
        part="date-input"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        id="history-${name}"
        name=${name}
        .value=${formatTypedDate(lang, value)}
        aria-invalid=${errors[name] ? 'true' : nothing}
        aria-describedby=${
          errors[name] ? `history-${name}-hint history-${name}-error` : `history-${name}-hint`
        }
      />
    </div>`;
  return html`<details class="diary-history" part="history" @toggle=${v.onToggle}>
    <summary>${scheduleText(lang, 'history')}</summary>
    <form class="diary-history-form" novalidate @submit=${v.onSubmit}>
      ${field('from', scheduleText(lang, 'historyFrom'), v.from)}
      ${field('to', scheduleText(lang, 'historyTo'), v.to)}
      <button class="diary-button" part="button history-show">${scheduleText(lang, 'show')}</button>
    </form>
    ${v.body}
  </details>`;
}

/** The substitutions of the history's range as a table, or a notice that there were none. */
export function renderHistoryTable(
  lang: Lang,
  items: readonly Substitution[],
  notice: (text: string) => TemplateResult,
) {
  if (items.length === 0) return notice(scheduleText(lang, 'historyEmpty'));
  return html`<div
    class="diary-scroll"
    tabindex="0"
    role="region"
    aria-labelledby="history-caption"
  >
    <table class="diary-grid diary-history-table" part="history-table">
      <caption part="caption" id="history-caption">
        ${scheduleText(lang, 'historyCaption')}
      </caption>
      <thead>
        <tr>
          ${(
            [
              'historyDate',
              'historyLesson',
              'historySubject',
              'historyTeacher',
              'historyReason',
              'historyRoom',
            ] as const
          ).map((key) => html`<th scope="col">${scheduleText(lang, key)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (s) =>
            html`<tr data-substitution=${s.id}>
              <th scope="row">${formatDate(lang, s.date, { dateStyle: 'medium' })}</th>
              <td>${s.lessonNumber}</td>
              <td>
                ${s.subjectName}${
                  s.originalSubjectName !== s.subjectName
                    ? html` (${scheduleText(lang, 'insteadSubject', {
                        subject: s.originalSubjectName,
                      })})`
                    : nothing
                }
              </td>
              <td>
                ${s.substituteTeacherName}
                (${scheduleText(lang, 'instead', { teacher: s.originalTeacherName })})
              </td>
              <td>${s.reason}</td>
              <td>${s.room ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
