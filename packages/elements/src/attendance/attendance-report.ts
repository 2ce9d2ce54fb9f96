import type { AbsenceNotice, Attachment, Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { renderDateField } from '../shared/date-field';
import { formatDate } from '../shared/dates';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { renderHeading } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { attendanceText } from './attendance-text';

/** What the report-ahead form shows. */
export interface ReportView {
  readonly lang: Lang;
  readonly headingLevel: string;
  readonly from: string;
  readonly to: string;
  /** Field errors by path (`from`, `to`, `reason`, `comment`, `attachmentId`). */
  readonly errors: Readonly<Record<string, string>>;
  /** A failure that is not one field's. */
  readonly formError: string | undefined;
  readonly busy: boolean;
  readonly onFrom: (iso: string) => void;
  readonly onTo: (iso: string) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** The reason radios, one group with its legend and error. */
function renderReason(v: ReportView) {
  const lang = v.lang;
  const error = v.errors.reason;
  return html`<fieldset
    class="diary-fieldset${error ? ' diary-field--error' : ''}"
    part="field field-reason"
    aria-describedby=${error ? 'reason-error' : nothing}
  >
    <legend class="diary-legend">${attendanceText(lang, 'reason')}</legend>
    ${renderError('reason', error, sharedText(lang, 'errorPrefix'))}
    <div class="diary-radios">
      ${(['ill', 'absent_excused'] as const).map(
        (reason, i) =>
          html`<label class="diary-radio">
            <input
              type="radio"
              name="reason"
              value=${reason}
              id=${i === 0 ? 'reason' : `reason-${reason}`}
              aria-invalid=${error ? 'true' : nothing}
            />
            ${attendanceText(lang, reason === 'ill' ? 'reasonIll' : 'reasonExcused')}
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** The parent's form: days, reason, a note for the teacher, a file. */
export function renderReport(v: ReportView) {
  const lang = v.lang;
  const commentError = v.errors.comment;
  const fileError = v.errors.attachmentId;
  const commentHint = attendanceText(lang, 'commentHint');
  const fileHint = attendanceText(lang, 'fileHint');
  return html`<form class="diary-report" part="report" novalidate @submit=${v.onSubmit}>
    ${renderHeading(v.headingLevel, attendanceText(lang, 'reportTitle'), { id: 'report-title' })}
    <p class="diary-hint">${attendanceText(lang, 'reportHint')}</p>
    ${
      v.formError
        ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>`
        : nothing
    }
    <div class="diary-dates">
      ${renderDateField(lang, {
        id: 'absence-from',
        label: attendanceText(lang, 'from'),
        value: v.from,
        error: v.errors.from,
        onChange: (e) => v.onFrom((e.target as HTMLInputElement).value),
      })}
      ${renderDateField(lang, {
        id: 'absence-to',
        label: attendanceText(lang, 'to'),
        value: v.to,
        error: v.errors.to,
        onChange: (e) => v.onTo((e.target as HTMLInputElement).value),
      })}
    </div>
    ${renderReason(v)}
    <div class="diary-field${commentError ? ' diary-field--error' : ''}" part="field field-comment">
      <label class="diary-label" for="comment">${attendanceText(lang, 'comment')}</label>
      ${renderHint('comment', commentHint)}
      ${renderError('comment', commentError, sharedText(lang, 'errorPrefix'))}
      <textarea
        class="diary-input diary-textarea"
        part="input"
        id="comment"
        name="comment"
        rows="3"
        aria-invalid=${commentError ? 'true' : nothing}
        aria-describedby=${describedBy('comment', commentHint, commentError) ?? nothing}
      ></textarea>
    </div>
    <div class="diary-field${fileError ? ' diary-field--error' : ''}" part="field field-file">
      <label class="diary-label" for="absence-file">${attendanceText(lang, 'file')}</label>
      ${renderHint('absence-file', fileHint)}
      ${renderError('absence-file', fileError, sharedText(lang, 'errorPrefix'))}
      <input
        class="diary-file"
        part="file-input"
        type="file"
        id="absence-file"
        name="file"
        aria-invalid=${fileError ? 'true' : nothing}
        aria-describedby=${describedBy('absence-file', fileHint, fileError) ?? nothing}
      />
    </div>
    <div class="diary-actions">
      <button type="submit" class="diary-button" part="button send" ?disabled=${v.busy}>
        ${attendanceText(lang, v.busy ? 'sending' : 'send')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button cancel"
        @click=${v.onCancel}
      >
        ${attendanceText(lang, 'cancel')}
      </button>
    </div>
  </form>`;
}

/** What the list of the child's absence reports shows. */
export interface NoticesView {
  readonly lang: Lang;
  readonly headingLevel: string;
  readonly timeZone: string;
  readonly notices: readonly AbsenceNotice[];
  readonly onDownload: (attachment: Attachment) => void;
}

/** The days of a notice: one day, or a range. */
function noticeDays(lang: Lang, n: AbsenceNotice): string {
  const day = (d: string) => formatDate(lang, d, { day: 'numeric', month: 'long' });
  return n.from === n.to
    ? day(n.from)
    : attendanceText(lang, 'days', { from: day(n.from), to: day(n.to) });
}

/** The child's absence reports, newest first, each with its state. */
export function renderNotices(v: NoticesView) {
  const lang = v.lang;
  return html`${renderHeading(v.headingLevel, attendanceText(lang, 'notices'), { id: 'notices' })}
  ${
    v.notices.length === 0
      ? html`<p class="diary-text diary-notice" part="notice">
          ${attendanceText(lang, 'noNotices')}
        </p>`
      : html`<ul class="diary-notices" part="notices" aria-labelledby="notices">
          ${v.notices.map(
            (n) =>
              html`<li
                part="absence-notice"
                id="notice-${n.id}"
                tabindex="-1"
                data-notice=${n.id}
                data-status=${n.status}
              >
                <span class="diary-notice-days">${noticeDays(lang, n)}</span>
                <span class="diary-notice-reason"
                  >${attendanceText(lang, n.reason === 'ill' ? 'reasonIll' : 'reasonExcused')}${
                    n.comment ? html` — ${n.comment}` : nothing
                  }</span
                >
                <span class="diary-notice-lessons"
                  >${
                    n.chosenLessons
                      ? n.lessons
                          .map((l) =>
                            attendanceText(lang, 'lesson', {
                              number: l.number,
                              subject: l.subjectName,
                            }),
                          )
                          .join('; ')
                      : attendanceText(lang, 'lessonsCount', { count: n.lessons.length })
                  }</span
                >
                <span class="diary-status diary-status--${n.status}" part="notice-status"
                  >${
                    n.status === 'acknowledged' && n.acknowledgedAt
                      ? attendanceText(lang, 'acknowledgedBy', {
                          name: n.acknowledgedBy ?? '',
                          date: formatDate(
                            lang,
                            n.acknowledgedAt,
                            { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
                            v.timeZone,
                          ),
                        })
                      : attendanceText(lang, 'submitted')
                  }</span
                >
                ${
                  n.attachment
                    ? html`<button
                        type="button"
                        class="diary-button diary-button--secondary diary-button--small"
                        part="button attachment"
                        @click=${() => n.attachment && v.onDownload(n.attachment)}
                      >
                        ${attendanceText(lang, 'download', { name: n.attachment.name })}
                      </button>`
                    : nothing
                }
              </li>`,
          )}
        </ul>`
  }`;
}
