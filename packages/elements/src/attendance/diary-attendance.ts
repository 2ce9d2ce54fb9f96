import {
  absenceNoticeInputSchema,
  periodName,
  todayIn,
  validate,
  type AbsenceNotice,
  type Attachment,
  type Attendance,
  type Period,
  type SchoolYearInfo,
} from '@school-diary/core';
import { saveFile } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isAttendanceClient, type AttendanceClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { renderNotices, renderReport } from './attendance-report';
import { renderSummary, statusText } from './attendance-summary';
import { attendanceText } from './attendance-text';
import { attendanceStyles } from './diary-attendance.styles';

/** Detail of `diary-absence-report`. */
export interface DiaryAbsenceReportDetail {
  /** The absence as the school received it (and, later, as a teacher acknowledged it). */
  readonly notice: AbsenceNotice;
}

declare global {
  interface HTMLElementEventMap {
    'diary-absence-report': CustomEvent<DiaryAbsenceReportDetail>;
  }
}

/**
 * A child's attendance in a reporting period: lessons missed by reason (illness, excused,
 * unexcused) and late arrivals, with totals, counts per subject and the days with misses. It
 * follows a teacher's marks live. A parent reports an absence ahead (days, a reason, a note and an
 * optional doctor's note) and sees when a teacher acknowledges it.
 *
 * @summary Attendance by period, per subject and per day; report an absence ahead.
 * @tag diary-attendance
 * @fires {CustomEvent<DiaryAbsenceReportDetail>} diary-absence-report - A parent reported an absence here, or a teacher acknowledged one.
 * @csspart base - The widget's box.
 * @csspart totals - The totals by reason.
 * @csspart subjects - The counts per subject.
 * @csspart subject - One subject's count.
 * @csspart days - The days with absences or late arrivals.
 * @csspart day - One day.
 * @csspart report - The report-ahead form.
 * @csspart notices - The list of absence reports.
 * @csspart absence-notice - One absence report.
 * @csspart notice-status - An absence report's state.
 * @csspart field - A form field (also `field-<name>`).
 * @csspart input - Inputs, selects and text areas.
 * @csspart file-input - The file picker.
 * @csspart button - Every button (also `report-open`, `send`, `cancel`, `attachment`, `retry`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and links.
 * @cssprop --diary-color-danger - Unexcused absences.
 * @cssprop --diary-color-success - Acknowledged reports.
 * @cssprop --diary-color-border - Cards and lists.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryAttendance extends DiaryElement {
  static override styles = [hostTokens, controlStyles, attendanceStyles];

  /** The child whose attendance is shown; the provider's selected child when absent. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** The reporting period shown (its id); the current one when absent. */
  @property({ attribute: 'period-id', reflect: true }) accessor periodId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The period's attendance, with live marks applied. */
  @state() protected accessor items: readonly Attendance[] | undefined;
  /** The child's absence reports, newest first, with live changes applied. */
  @state() protected accessor notices: readonly AbsenceNotice[] = [];
  @state() protected accessor reporting = false;
  @state() protected accessor reportFrom = '';
  @state() protected accessor reportTo = '';
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor formError: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor announcement = '';

  /** The child's school year and its periods. */
  readonly #year = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: ([client, userId, childId], { signal }) =>
      client && userId && childId ? client.children.periods({ childId }, { signal }) : initialState,
  });

  /** The shown period's attendance. */
  readonly #attendance = new Task(this, {
    args: () => [this.#client, this.childId, this.#period?.id] as const,
    task: async ([client, childId, periodId], { signal }) => {
      if (!client || !childId || !periodId) return initialState;
      return client.attendance.list({ childId, periodId }, { signal });
    },
    onComplete: (list) => (this.items = list.items),
  });

  /** The child's absence reports. */
  readonly #notices = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: async ([client, userId, childId], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      return client.absences.list({ childId }, { signal });
    },
    onComplete: (list) => (this.notices = list.items),
  });

  #stopLive: (() => void) | undefined;
  #liveClient: AttendanceClient | undefined;
  #focusAfter: string | undefined;

  get #client(): AttendanceClient | undefined {
    const client = this.client;
    return isAttendanceClient(client) ? client : undefined;
  }

  /** The period shown: the chosen one, else the one today falls in, else the year's last. */
  get #period(): Period | undefined {
    const year: SchoolYearInfo | undefined = this.#year.value;
    if (!year) return undefined;
    const today = todayIn(new Date(), this.timeZone);
    return (
      year.periods.find((p) => p.id === this.periodId) ??
      year.periods.find((p) => p.startDate <= today && today <= p.endDate) ??
      year.periods.filter((p) => p.startDate <= today).at(-1) ??
      year.periods[0]
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  protected override willUpdate(): void {
    const client = this.#client;
    if (client === this.#liveClient) return;
    this.#stopLive?.();
    this.#liveClient = client;
    if (!client) return;
    const stops = [
      client.events.on('attendance.recorded', (event) => this.#onRecorded(event.data)),
      client.events.on('absence-notice.updated', (event) => this.#onNotice(event.data)),
    ];
    this.#stopLive = () => stops.forEach((stop) => stop());
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  #onRecorded(entry: Attendance): void {
    const period = this.#period;
    if (entry.childId !== this.childId || !this.items || !period) return;
    if (entry.date < period.startDate || entry.date > period.endDate) return;
    const others = this.items.filter((a) => a.lessonId !== entry.lessonId);
    this.items = [...others, entry].sort(
      (a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber,
    );
    this.announcement = attendanceText(this.language, 'liveRecorded', {
      subject: entry.subjectName,
      date: formatDate(this.language, entry.date, { day: 'numeric', month: 'long' }),
      status: statusText(this.language, entry),
    });
  }

  #onNotice(notice: AbsenceNotice): void {
    if (notice.childId !== this.childId) return;
    this.#putNotice(notice);
    if (notice.status === 'acknowledged')
      this.announcement = attendanceText(this.language, 'liveAcknowledged');
  }

  #putNotice(notice: AbsenceNotice): void {
    const others = this.notices.filter((n) => n.id !== notice.id);
    this.notices = [notice, ...others].sort(
      (a, b) => b.from.localeCompare(a.from) || b.createdAt.localeCompare(a.createdAt),
    );
    emit(this, 'diary-absence-report', { notice });
  }

  #describe(error: unknown) {
    return describeFailure(error, this.failureContext());
  }

  #openReport(): void {
    this.reporting = true;
    this.errors = {};
    this.formError = undefined;
    this.reportFrom = '';
    this.reportTo = '';
    this.#focusAfter = 'absence-from';
  }

  async #onReport(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const childId = this.childId;
    if (!client || !childId || this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const comment = String(data.get('comment') ?? '').trim();
    const input = {
      from: this.reportFrom,
      ...(this.reportTo && this.reportTo !== this.reportFrom ? { to: this.reportTo } : {}),
      reason: data.get('reason') ?? undefined,
      ...(comment ? { comment } : {}),
    };
    const checked = validate(absenceNoticeInputSchema, input, this.language);
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      for (const e of checked.errors) errors[e.path] ??= e.message;
      this.#showErrors(errors);
      return;
    }
    this.busy = true;
    try {
      const file = form.querySelector<HTMLInputElement>('#absence-file')?.files?.[0];
      const attachmentId = file
        ? (await client.attachments.upload({ file, fileName: file.name })).id
        : undefined;
      const notice = await client.absences.report({
        childId,
        ...checked.value,
        ...(attachmentId ? { attachmentId } : {}),
      });
      this.reporting = false;
      this.errors = {};
      this.formError = undefined;
      this.#putNotice(notice);
      this.announcement = attendanceText(this.language, 'reported');
      this.#focusAfter = `notice-${notice.id}`;
    } catch (error) {
      const failure = this.#describe(error);
      const fields = failure.kind === 'api' ? failure.fields : [];
      const errors: Record<string, string> = {};
      for (const f of fields) errors[f.path] ??= f.message;
      if (fields.length) this.#showErrors(errors);
      else this.formError = failure.message;
    } finally {
      this.busy = false;
    }
  }

  /** Field errors shown at their fields; focus goes to the first one's control. */
  #showErrors(errors: Record<string, string>): void {
    this.errors = errors;
    this.formError = undefined;
    const ids: Record<string, string> = {
      from: 'absence-from',
      to: 'absence-to',
      attachmentId: 'absence-file',
    };
    const first = ['from', 'to', 'reason', 'comment', 'attachmentId'].find((k) => errors[k]);
    this.#focusAfter = first ? (ids[first] ?? first) : undefined;
  }

  async #download(attachment: Attachment): Promise<void> {
    const client = this.#client;
    if (!client) return;
    try {
      saveFile(await client.attachments.download({ attachmentId: attachment.id }), attachment.name);
    } catch (error) {
      this.formError = this.#describe(error).message;
    }
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, attendanceText(lang, 'signedOut'));
    if (gate) return gate;
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, attendanceText(lang, 'title'), { title: true, id: 'title' })}
      ${this.#year.render({
        initial: () => loadingNotice(lang),
        pending: () => loadingNotice(lang),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#year.run()),
        complete: (year) => this.#renderPeriod(year),
      })}
      ${this.environment?.session.user?.role === 'parent' ? this.#renderReportArea() : nothing}
      ${this.#renderNotices()}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderPeriod(year: SchoolYearInfo) {
    const lang = this.language;
    const period = this.#period;
    return html`<div class="diary-filter" part="field">
        <label class="diary-label" for="period">${attendanceText(lang, 'period')}</label>
        <select
          id="period"
          class="diary-input"
          part="input"
          @change=${(e: Event) => (this.periodId = (e.target as HTMLSelectElement).value)}
        >
          ${year.periods.map(
            (p) =>
              html`<option value=${p.id} ?selected=${p.id === period?.id}>
                ${periodName(lang, p.name)}
              </option>`,
          )}
        </select>
      </div>
      ${this.#attendance.render({
        initial: () => loadingNotice(lang),
        pending: () => (this.items ? this.#renderSummary() : loadingNotice(lang)),
        error: (error) =>
          failureNotice(lang, this.#describe(error), () => void this.#attendance.run()),
        complete: () => this.#renderSummary(),
      })}`;
  }

  #renderSummary() {
    return renderSummary({
      lang: this.language,
      headingLevel: subLevel(this.headingLevel),
      items: this.items ?? [],
    });
  }

  #renderReportArea() {
    const lang = this.language;
    if (!this.reporting)
      return html`<button
        type="button"
        class="diary-button"
        part="button report-open"
        id="report-open"
        @click=${() => this.#openReport()}
      >
        ${attendanceText(lang, 'reportOpen')}
      </button>`;
    return renderReport({
      lang,
      headingLevel: subLevel(this.headingLevel),
      from: this.reportFrom,
      to: this.reportTo,
      errors: this.errors,
      formError: this.formError,
      busy: this.busy,
      onFrom: (iso) => (this.reportFrom = iso),
      onTo: (iso) => (this.reportTo = iso),
      onSubmit: (event) => void this.#onReport(event),
      onCancel: () => {
        this.reporting = false;
        this.errors = {};
        this.#focusAfter = 'report-open';
      },
    });
  }

  #renderNotices() {
    const lang = this.language;
    return this.#notices.render({
      initial: () => nothing,
      pending: () => (this.#notices.value ? this.#renderNoticeList() : loadingNotice(lang)),
      error: (error) => failureNotice(lang, this.#describe(error), () => void this.#notices.run()),
      complete: () => this.#renderNoticeList(),
    });
  }

  #renderNoticeList() {
    return renderNotices({
      lang: this.language,
      headingLevel: subLevel(this.headingLevel),
      timeZone: this.timeZone,
      notices: this.notices,
      onDownload: (attachment) => void this.#download(attachment),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-attendance': DiaryAttendance;
  }
}
