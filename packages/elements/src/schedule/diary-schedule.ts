import {
  checkDateOrder,
  errorMessage,
  type Homework,
  type PlannedAssessment,
  type Substitution,
  type WeekTimetable,
  addDays,
  formatIsoWeek,
  isoWeekOf,
  shiftWeek,
  todayIn,
  weekMonday,
} from '@school-diary/core';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import {
  hasHomeworkList,
  readsPlannedTests,
  isScheduleClient,
  type ScheduleClient,
} from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { plannedTestStyles } from '../shared/planned-test';
import { cancelledTestNews, plannedTestNews, type ShownRange } from '../shared/planned-test-live';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice } from '../shared/notices';
import { sharedText } from '../shared/localize';
import { personName } from '../shared/person-name';
import { controlStyles, hostTokens } from '../shared/theme';
import { parseTypedDate } from '../shared/typed-date';
import { scheduleStyles } from './diary-schedule.styles';
import { renderDayList, renderWeekTable, type TimetableView } from './schedule-grid';
import { renderHistory, renderHistoryTable } from './schedule-history';
import { homeworkByLesson, shownDays, testsByLesson } from './schedule-homework';
import { withHomework, withSubstitution } from './schedule-live';
import { renderWeekNav } from './schedule-nav';
import { scheduleText } from './schedule-text';

/** How the week is shown: a table of days × lessons, one day at a time, or chosen by width. */
export type ScheduleLayout = 'auto' | 'week' | 'day';

/** Detail of `diary-week-change`. */
export interface DiaryWeekChangeDetail {
  /** The ISO week now shown, `YYYY-Www`. */
  readonly week: string;
}

/** Detail of `diary-substitution`. */
export interface DiarySubstitutionDetail {
  /** The substitution that arrived over live events and is now shown. */
  readonly substitution: Substitution;
}

declare global {
  interface HTMLElementEventMap {
    'diary-week-change': CustomEvent<DiaryWeekChangeDetail>;
    'diary-substitution': CustomEvent<DiarySubstitutionDetail>;
  }
}

/** Widths (of the widget itself) below which the week is shown one day at a time. */
const NARROW_PX = 640;

/**
 * The week's timetable of a child's class: ISO weeks with previous, next, this week and a date
 * picker; a data table with the days as column headers and the lesson slots as row headers
 * (times, subjects, rooms, teachers); substituted lessons marked with a label and a dashed border
 * as well as colour, with the substitute teacher, the reason and the changed room; each lesson's
 * homework and the tests planned for it; the history of substitutions between two dates; one day
 * at a time on phones.
 * Substitutions and homework that arrive over live events update the grid and are announced.
 *
 * @summary A class timetable by ISO week, with substitutions and homework.
 * @tag diary-schedule
 * @fires {CustomEvent<DiaryWeekChangeDetail>} diary-week-change - The user moved to another week.
 * @fires {CustomEvent<DiarySubstitutionDetail>} diary-substitution - A live substitution was applied to the week shown.
 * @csspart base - The widget's box.
 * @csspart nav - The week navigation.
 * @csspart button - Every button (also `previous`, `next`, `today`, `retry`).
 * @csspart date-input - The date inputs (go to date, history range).
 * @csspart table - The week grid (also `history-table`).
 * @csspart caption - The table captions.
 * @csspart day-header - A day's column header.
 * @csspart slot-header - A lesson slot's row header.
 * @csspart lesson - A lesson cell or day-view item (also `lesson-substituted`).
 * @csspart substitution - The substitution details of a lesson.
 * @csspart homework - A lesson's homework.
 * @csspart planned-test - A test planned for the lesson (its kind and topic).
 * @csspart day-list - The lessons of one day in the day view.
 * @csspart history - The substitution history section.
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing live updates.
 * @cssprop --diary-color-primary - Buttons and the current day.
 * @cssprop --diary-color-warning - The substituted lesson's frame and label.
 * @cssprop --diary-color-surface - Header cells.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiarySchedule extends DiaryElement {
  static override styles = [hostTokens, controlStyles, scheduleStyles, plannedTestStyles];

  /** The child whose class timetable is shown. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** The ISO week shown, `YYYY-Www`; this week by default (in the school's time zone). */
  @property({ reflect: true }) accessor week: string | undefined;
  /**
   * `auto` (default) or `week`: the week as a table where it fits, one day at a time where the
   * widget is narrower than 40em; `day`: one day at a time always.
   */
  @property({ reflect: true }) accessor layout: ScheduleLayout = 'auto';
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for "today" (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The week shown, with the live substitutions applied. */
  @state() protected accessor timetable: WeekTimetable | undefined;
  /** The class's homework due in the week shown, with live homework added. */
  @state() protected accessor dueHomework: readonly Homework[] | undefined;
  @state() protected accessor narrow = false;
  @state() protected accessor day: string | undefined;
  @state() protected accessor dateError: string | undefined;
  @state() protected accessor historyOpen = false;
  @state() protected accessor historyFrom = '';
  @state() protected accessor historyTo = '';
  @state() protected accessor historyErrors: Readonly<Record<string, string>> = {};
  @state() protected accessor announcement = '';

  /** The child (for the class and the caption), reloaded for another child, user or client. */
  readonly #child = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: ([client, userId, childId], { signal }) =>
      client && userId && childId ? client.children.get({ childId }, { signal }) : initialState,
  });

  /** The week of the child's class, reloaded when the week changes. */
  readonly #week = new Task(this, {
    args: () => [this.#client, this.#child.value?.classId, this.shownWeek] as const,
    task: ([client, classId, week], { signal }) =>
      client && classId ? client.schedule.week({ classId, week }, { signal }) : initialState,
    onComplete: (timetable) => this.#showWeek(timetable),
  });

  /** The child's planned tests of the week, shown on their lesson (when the client reads them). */
  readonly #tests = new Task(this, {
    args: () => [this.#client, this.#child.value?.id, this.shownWeek] as const,
    task: async ([client, childId, week], { signal }) => {
      const monday = weekMonday(week);
      if (!client || !childId || !monday || !readsPlannedTests(client)) return initialState;
      const query = { childId, from: monday, to: addDays(monday, 6) };
      return { week, items: (await client.assessments.upcoming(query, { signal })).items };
    },
  });

  /**
   * The homework due in the week (also what was set the week before), to show it under the
   * lesson it is due for. Without it the week shows the homework set at its own lessons.
   */
  readonly #homework = new Task(this, {
    args: () => [this.#client, this.#child.value?.id, this.shownWeek] as const,
    task: async ([client, childId, week], { signal }) => {
      const monday = weekMonday(week);
      if (!client || !childId || !monday || !hasHomeworkList(client)) return initialState;
      const query = { childId, from: monday, to: addDays(monday, 6) };
      const { items } = await client.homework.list(query, { signal });
      this.dueHomework = items;
      return items;
    },
  });

  /** The substitution history, loaded when it is opened or its dates are submitted. */
  readonly #history = new Task(this, {
    autoRun: false,
    args: () =>
      [this.#client, this.#child.value?.classId, this.historyFrom, this.historyTo] as const,
    task: async ([client, classId, from, to], { signal }) => {
      if (!client || !classId) return initialState;
      const query = { classId, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const { items } = await client.schedule.substitutions(query, { signal });
      return [...items].sort(
        (a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber,
      );
    },
  });

  #resize: ResizeObserver | undefined;
  #stopLive: (() => void) | undefined;
  #liveClient: ScheduleClient | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Until the first measure, the screen's width is the best guess.
    this.narrow = globalThis.innerWidth !== undefined && globalThis.innerWidth < NARROW_PX;
    this.#resize = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      // Next frame: switching the layout resizes the widget, which would notify this observer
      // again within the same frame.
      if (width > 0) requestAnimationFrame(() => (this.narrow = width < NARROW_PX));
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  /** The week shown: the `week` property when it is a real ISO week, else this week. */
  get shownWeek(): string {
    const week = this.week;
    if (week && weekMonday(week)) return week;
    return formatIsoWeek(isoWeekOf(todayIn(this.now(), this.timeZone)));
  }

  get #client(): ScheduleClient | undefined {
    const client = this.client;
    return isScheduleClient(client) ? client : undefined;
  }

  protected override willUpdate(): void {
    const client = this.#client;
    if (client !== this.#liveClient) {
      this.#stopLive?.();
      this.#liveClient = client;
      this.#stopLive = client ? this.#listen(client) : undefined;
    }
  }

  #showWeek(timetable: WeekTimetable): void {
    this.timetable = timetable;
    const days = shownDays(timetable).map((d) => d.date);
    if (!this.day || !days.includes(this.day)) {
      const today = todayIn(this.now(), this.timeZone);
      this.day = days.includes(today) ? today : days[0];
    }
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  #listen(client: ScheduleClient): () => void {
    const stopSubstitution = client.events.on('substitution.created', (event) => {
      const substitution = event.data;
      const changed = this.timetable && withSubstitution(this.timetable, substitution);
      if (!changed) return;
      this.timetable = changed;
      if (this.#history.value) void this.#history.run();
      this.announcement = scheduleText(this.language, 'liveSubstitution', {
        date: formatDate(this.language, substitution.date, { day: 'numeric', month: 'long' }),
        n: substitution.lessonNumber,
        subject: substitution.subjectName,
        teacher: substitution.substituteTeacherName,
      });
      emit(this, 'diary-substitution', { substitution });
    });
    const stopHomework = client.events.on('homework.created', (event) => {
      const homework = event.data;
      const due = this.timetable && withHomework(this.timetable, this.dueHomework ?? [], homework);
      if (!due) return;
      this.dueHomework = due;
      this.announcement = scheduleText(this.language, 'liveHomework', {
        subject: homework.subjectName,
      });
    });
    const stopPlanned = client.events.on('assessment.planned', (event) => {
      if (event.data.classId !== this.#child.value?.classId) return;
      this.#testsChanged(
        plannedTestNews(this.language, event.data, this.#weekRange(), this.#shownTests() ?? []),
      );
    });
    const stopCancelled = client.events.on('assessment.cancelled', (event) => {
      if (event.data.classId !== this.#child.value?.classId) return;
      this.#testsChanged(cancelledTestNews(this.language, event.data.id, this.#shownTests() ?? []));
    });
    return () => {
      stopSubstitution();
      stopHomework();
      stopPlanned();
      stopCancelled();
    };
  }

  /** The planned tests of the week shown, or undefined until they load. */
  #shownTests(): readonly PlannedAssessment[] | undefined {
    const loaded = this.#tests.value;
    return loaded?.week === this.shownWeek ? loaded.items : undefined;
  }

  #weekRange(): ShownRange {
    const monday = weekMonday(this.shownWeek) ?? '';
    return { from: monday, to: monday && addDays(monday, 6) };
  }

  /** A live change of the week's planned tests: reload them and say what changed. */
  #testsChanged(news: string | undefined): void {
    if (!news) return;
    void this.#tests.run();
    this.announcement = news;
  }

  #goTo(week: string | undefined): void {
    if (!week || week === this.shownWeek) return;
    this.week = week;
    emit(this, 'diary-week-change', { week });
  }

  #onDateSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    const date = parseTypedDate(input.value);
    if (!date) {
      this.dateError = sharedText(this.language, 'badDate');
      input.focus();
      return;
    }
    this.dateError = undefined;
    this.day = date;
    this.#goTo(formatIsoWeek(isoWeekOf(date)));
  }

  #onHistorySubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const inputs = (['from', 'to'] as const).map(
      (name) => form.elements.namedItem(name) as HTMLInputElement,
    );
    const [from, to] = inputs.map((input) => parseTypedDate(input.value));
    const errors: Record<string, string> = {};
    if (from === null) errors['from'] = sharedText(this.language, 'badDate');
    if (to === null) errors['to'] = sharedText(this.language, 'badDate');
    const order = Object.keys(errors).length === 0 && checkDateOrder(from ?? '', to ?? '');
    if (order) errors['to'] = errorMessage(order, { lang: this.language, field: 'to' });
    this.historyFrom = from ?? this.historyFrom;
    this.historyTo = to ?? this.historyTo;
    this.historyErrors = errors;
    const first = inputs.find((input) => errors[input.name]);
    if (first) {
      first.focus();
      return;
    }
    void this.#history.run([
      this.#client,
      this.#child.value?.classId,
      this.historyFrom,
      this.historyTo,
    ]);
  }

  #onHistoryToggle(event: Event): void {
    this.historyOpen = (event.target as HTMLDetailsElement).open;
    if (this.historyOpen && this.#history.status === TaskStatus.INITIAL) {
      const today = todayIn(this.now(), this.timeZone);
      this.historyFrom ||= addDays(today, -30);
      this.historyTo ||= today;
      void this.#history.run([
        this.#client,
        this.#child.value?.classId,
        this.historyFrom,
        this.historyTo,
      ]);
    }
  }

  protected override render() {
    const lang = this.language;
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const session = this.environment?.session;
    if (!this.#client)
      return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
        <p class="diary-text">${sharedText(lang, 'noClient')}</p>
      </div>`;
    if (session?.restoring) return loadingNotice(lang);
    if (!session?.user) return this.#notice(scheduleText(lang, 'signedOut'));
    if (!this.childId) return this.#notice(scheduleText(lang, 'noChild'), 'alert');
    const week = this.shownWeek;
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, scheduleText(lang, 'title'), { title: true, id: 'title' })}
      ${renderWeekNav({
        lang,
        week,
        thisWeek: formatIsoWeek(isoWeekOf(todayIn(this.now(), this.timeZone))),
        previousWeek: shiftWeek(week, -1),
        nextWeek: shiftWeek(week, 1),
        monday: weekMonday(week) ?? '',
        dateError: this.dateError,
        onGo: (target) => this.#goTo(target),
        onDateSubmit: (event) => this.#onDateSubmit(event),
      })}
      ${this.#renderBody()} ${this.#child.value?.classId ? this.#renderHistory() : nothing}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #notice(text: string, role?: 'status' | 'alert') {
    return html`<div class="diary-notice" part="notice" role=${role ?? nothing}>
      <p class="diary-text">${text}</p>
    </div>`;
  }

  /** A failed load's message and a button that tries it again. */
  #renderFailure(error: unknown, retry: () => void) {
    return failureNotice(this.language, this.#describe(error), retry);
  }

  #renderBody() {
    const loading = () => loadingNotice(this.language);
    return this.#child.render({
      initial: loading,
      pending: loading,
      error: (error) => this.#renderFailure(error, () => void this.#child.run()),
      complete: (child) =>
        child.classId
          ? this.#week.render({
              initial: loading,
              pending: loading,
              error: (error) => this.#renderFailure(error, () => void this.#week.run()),
              complete: () => this.#renderTimetable(),
            })
          : this.#notice(scheduleText(this.language, 'noClass')),
    });
  }

  #renderTimetable() {
    const lang = this.language;
    const timetable = this.timetable;
    if (!timetable || timetable.days.every((d) => d.lessons.length === 0))
      return this.#notice(scheduleText(lang, 'emptyWeek'));
    const view: TimetableView = {
      lang,
      headingLevel: subLevel(this.headingLevel),
      today: todayIn(this.now(), this.timeZone),
      days: shownDays(timetable),
      caption: this.#caption(timetable),
      // Another week's list is not shown while this week's loads.
      homework: homeworkByLesson(
        timetable,
        this.#homework.status === TaskStatus.COMPLETE ? this.dueHomework : undefined,
      ),
      // The week's tests stay while a live change reloads them; another week's are not shown.
      tests: testsByLesson(timetable, this.#shownTests()),
      day: this.day,
      onDay: (date) => (this.day = date),
      notice: (text) => this.#notice(text),
    };
    if (this.narrow) return renderDayList(view);
    const dayView = this.layout === 'day';
    return html`<div class="diary-layout" role="group" aria-label=${scheduleText(lang, 'layout')}>
        ${(['week', 'day'] as const).map(
          (layout) =>
            html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button layout-${layout}"
              aria-pressed=${String(dayView === (layout === 'day'))}
              @click=${() => (this.layout = layout)}
            >
              ${scheduleText(lang, layout === 'day' ? 'layoutDay' : 'layoutWeek')}
            </button>`,
        )}
      </div>
      ${dayView ? renderDayList(view) : renderWeekTable(view)}`;
  }

  #caption(timetable: WeekTimetable) {
    const lang = this.language;
    const first = timetable.days[0]?.date ?? weekMonday(timetable.week) ?? '';
    const last = timetable.days.at(-1)?.date ?? first;
    const range = `${formatDate(lang, first, { day: 'numeric', month: 'long' })} – ${formatDate(lang, last)}`;
    const child = this.#child.value;
    const name = child ? personName(child) : '';
    return scheduleText(lang, 'caption', { name, range });
  }

  #renderHistory() {
    return renderHistory({
      lang: this.language,
      from: this.historyFrom,
      to: this.historyTo,
      errors: this.historyErrors,
      body: this.#history.render({
        pending: () => loadingNotice(this.language),
        error: (error) => this.#renderFailure(error, () => void this.#history.run()),
        complete: (items) =>
          renderHistoryTable(this.language, items, (text) => this.#notice(text, 'status')),
      }),
      onToggle: (event) => this.#onHistoryToggle(event),
      onSubmit: (event) => this.#onHistorySubmit(event),
    });
  }
}
