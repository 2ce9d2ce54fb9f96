import {
  substitutionQuerySchema,
  validate,
  type Lesson,
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
import { isScheduleClient, type ScheduleClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { loadingNotice } from '../shared/loading-notice';
import { sharedText } from '../shared/localize';
import { controlStyles, hostTokens } from '../shared/theme';
import { scheduleStyles } from './diary-schedule.styles';
import { personName } from '../shared/person-name';
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

/** Widths below this show one day at a time when `layout` is `auto`. */
const PHONE_QUERY = '(max-width: 40em)';

/**
 * The week's timetable of a child's class: ISO weeks with previous, next, this week and a date
 * picker; a data table with the days as column headers and the lesson slots as row headers
 * (times, subjects, rooms, teachers); substituted lessons marked with a label and a dashed border
 * as well as colour, with the substitute teacher, the reason and the changed room; each lesson's
 * homework; the history of substitutions between two dates; one day at a time on phones.
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
 * @csspart day-list - The lessons of one day in the day view.
 * @csspart history - The substitution history section.
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing live updates.
 * @cssprop --diary-color-primary - Buttons and the current day.
 * @cssprop --diary-color-warning - The substituted lesson's marker (falls back to the error colour).
 * @cssprop --diary-color-surface - Header cells.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiarySchedule extends DiaryElement {
  static override styles = [hostTokens, controlStyles, scheduleStyles];

  /** The child whose class timetable is shown. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** The ISO week shown, `YYYY-Www`; this week by default (in the school's time zone). */
  @property({ reflect: true }) accessor week: string | undefined;
  /** `auto` (default: one day at a time on narrow screens), `week` or `day`. */
  @property({ reflect: true }) accessor layout: ScheduleLayout = 'auto';
  /** The clock for "today" (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The week shown, with the live substitutions and homework applied. */
  @state() protected accessor timetable: WeekTimetable | undefined;
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

  #media: MediaQueryList | undefined;
  #stopLive: (() => void) | undefined;
  #liveClient: ScheduleClient | undefined;
  readonly #onMedia = (): void => {
    this.narrow = this.#media?.matches ?? false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media = globalThis.matchMedia?.(PHONE_QUERY);
    this.#media?.addEventListener('change', this.#onMedia);
    this.#onMedia();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener('change', this.#onMedia);
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
    const days = timetable.days.map((d) => d.date);
    if (!this.day || !days.includes(this.day)) {
      const today = todayIn(this.now(), this.timeZone);
      this.day = days.includes(today) ? today : days[0];
    }
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, {
      lang: this.language,
      now: this.now(),
      timeZone: this.timeZone,
    });
  }

  #listen(client: ScheduleClient): () => void {
    const stopSubstitution = client.events.on('substitution.created', (event) => {
      const substitution = event.data;
      const timetable = this.timetable;
      if (!timetable || substitution.classId !== timetable.classId) return;
      let applied = false;
      const days = timetable.days.map((day) => ({
        ...day,
        lessons: day.lessons.map((lesson) => {
          if (lesson.id !== substitution.lessonId) return lesson;
          applied = true;
          return { ...lesson, substitution };
        }),
      }));
      if (!applied) return;
      this.timetable = { ...timetable, days };
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
      const timetable = this.timetable;
      if (!timetable || homework.classId !== timetable.classId || !homework.lessonId) return;
      let applied = false;
      const days = timetable.days.map((day) => ({
        ...day,
        lessons: day.lessons.map((lesson) => {
          if (lesson.id !== homework.lessonId) return lesson;
          applied = true;
          const others = lesson.homework.filter((h) => h.id !== homework.id);
          return { ...lesson, homework: [...others, homework] };
        }),
      }));
      if (!applied) return;
      this.timetable = { ...timetable, days };
      this.announcement = scheduleText(this.language, 'liveHomework', {
        subject: homework.subjectName,
      });
    });
    return () => {
      stopSubstitution();
      stopHomework();
    };
  }

  #goTo(week: string | undefined): void {
    if (!week || week === this.shownWeek) return;
    this.week = week;
    emit(this, 'diary-week-change', { week });
  }

  #onDateSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    if (!input.value || input.validity.badInput) {
      this.dateError = scheduleText(this.language, 'badDate');
      input.focus();
      return;
    }
    this.dateError = undefined;
    const week = formatIsoWeek(isoWeekOf(input.value));
    this.day = input.value;
    this.#goTo(week);
  }

  #onHistorySubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const from = form.elements.namedItem('from') as HTMLInputElement;
    const to = form.elements.namedItem('to') as HTMLInputElement;
    const errors: Record<string, string> = {};
    for (const input of [from, to])
      if (input.validity.badInput) errors[input.name] = scheduleText(this.language, 'badDate');
    if (Object.keys(errors).length === 0) {
      const checked = validate(
        substitutionQuerySchema,
        { from: from.value || undefined, to: to.value || undefined },
        this.language,
      );
      if (!checked.ok) for (const e of checked.errors) errors[e.path] = e.message;
    }
    this.historyFrom = from.value;
    this.historyTo = to.value;
    this.historyErrors = errors;
    const first = [from, to].find((input) => errors[input.name]);
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
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      <h2 class="diary-heading" id="title">${scheduleText(lang, 'title')}</h2>
      ${this.#renderNav()} ${this.#renderBody()}
      ${this.#child.value?.classId ? this.#renderHistory() : nothing}
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

  #renderNav() {
    const lang = this.language;
    const week = this.shownWeek;
    const monday = weekMonday(week) ?? '';
    const thisWeek = formatIsoWeek(isoWeekOf(todayIn(this.now(), this.timeZone)));
    return html`<nav class="diary-week-nav" part="nav" aria-label=${scheduleText(lang, 'weekNav')}>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button previous"
        @click=${() => this.#goTo(shiftWeek(week, -1))}
      >
        <span aria-hidden="true">←</span> ${scheduleText(lang, 'previous')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button today"
        aria-current=${week === thisWeek ? 'date' : nothing}
        @click=${() => this.#goTo(thisWeek)}
      >
        ${scheduleText(lang, 'today')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button next"
        @click=${() => this.#goTo(shiftWeek(week, 1))}
      >
        ${scheduleText(lang, 'next')} <span aria-hidden="true">→</span>
      </button>
      <form class="diary-goto" novalidate @submit=${this.#onDateSubmit}>
        <label class="diary-label" for="goto">${scheduleText(lang, 'goTo')}</label>
        ${
          this.dateError
            ? html`<p class="diary-error" id="goto-error" part="error">
                <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                  this.dateError
                }
              </p>`
            : nothing
        }
        <div class="diary-goto-row">
          <input
            class="diary-input"
            part="date-input"
            type="date"
            id="goto"
            name="date"
            .value=${monday}
            aria-invalid=${this.dateError ? 'true' : nothing}
            aria-describedby=${this.dateError ? 'goto-error' : nothing}
          />
          <button class="diary-button" part="button show">${scheduleText(lang, 'show')}</button>
        </div>
      </form>
    </nav>`;
  }

  /** A failed load's message and a button that tries it again. */
  #renderFailure(error: unknown, retry: () => void) {
    return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
      <p class="diary-text">${this.#describe(error).message}</p>
      <button type="button" class="diary-button" part="button retry" @click=${retry}>
        ${sharedText(this.language, 'retry')}
      </button>
    </div>`;
  }

  #loading() {
    return loadingNotice(this.language);
  }

  #renderBody() {
    return this.#child.render({
      initial: () => this.#loading(),
      pending: () => this.#loading(),
      error: (error) => this.#renderFailure(error, () => void this.#child.run()),
      complete: (child) =>
        child.classId
          ? this.#week.render({
              initial: () => this.#loading(),
              pending: () => this.#loading(),
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
    const dayView = this.layout === 'day' || (this.layout === 'auto' && this.narrow);
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
      ${dayView ? this.#renderDay(timetable) : this.#renderWeek(timetable)}`;
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

  #slots(timetable: WeekTimetable): { number: number; time: string }[] {
    const slots = new Map<number, string>();
    for (const day of timetable.days)
      for (const lesson of day.lessons)
        if (!slots.has(lesson.number))
          slots.set(lesson.number, `${lesson.startTime}–${lesson.endTime}`);
    return [...slots.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([number, time]) => ({ number, time }));
  }

  #dayName(date: string, style: 'short' | 'long') {
    return formatDate(this.language, date, {
      weekday: style,
      day: 'numeric',
      month: style === 'short' ? 'short' : 'long',
    });
  }

  #renderWeek(timetable: WeekTimetable) {
    const lang = this.language;
    const today = todayIn(this.now(), this.timeZone);
    return html`<div class="diary-scroll" tabindex="0" role="region" aria-labelledby="week-caption">
      <table class="diary-grid" part="table">
        <caption part="caption" id="week-caption">
          ${this.#caption(timetable)}
        </caption>
        <thead>
          <tr>
            <th scope="col" part="slot-header">${scheduleText(lang, 'lessonHeader')}</th>
            ${timetable.days.map(
              (day) =>
                html`<th
                  scope="col"
                  part="day-header"
                  class=${day.date === today ? 'diary-today' : ''}
                  aria-current=${day.date === today ? 'date' : nothing}
                >
                  ${this.#dayName(day.date, 'short')}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${this.#slots(timetable).map(
            (slot) =>
              html`<tr>
                <th scope="row" part="slot-header">
                  <span class="diary-slot">${scheduleText(lang, 'slot', { n: slot.number })}</span>
                  <span class="diary-muted">${slot.time}</span>
                </th>
                ${timetable.days.map((day) => {
                  const lessons = day.lessons.filter((l) => l.number === slot.number);
                  return lessons.length === 0
                    ? html`<td class="diary-empty">
                        <span class="diary-visually-hidden">${scheduleText(lang, 'noLesson')}</span>
                      </td>`
                    : html`<td
                        part=${
                          lessons.some((l) => l.substitution)
                            ? 'lesson lesson-substituted'
                            : 'lesson'
                        }
                        class=${lessons.some((l) => l.substitution) ? 'diary-substituted' : ''}
                        data-lesson=${lessons.map((l) => l.id).join(' ')}
                      >
                        ${lessons.map((lesson) => this.#renderLesson(lesson, slot.time))}
                      </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderDay(timetable: WeekTimetable) {
    const lang = this.language;
    const day = timetable.days.find((d) => d.date === this.day) ?? timetable.days[0];
    if (!day) return nothing;
    return html`<div class="diary-days" role="group" aria-label=${scheduleText(lang, 'dayPicker')}>
        ${timetable.days.map(
          (d) =>
            html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button day"
              aria-pressed=${String(d.date === day.date)}
              @click=${() => (this.day = d.date)}
            >
              ${formatDate(lang, d.date, { weekday: 'short', day: 'numeric' })}
            </button>`,
        )}
      </div>
      <h3 class="diary-subheading" id="day-heading">${this.#dayName(day.date, 'long')}</h3>
      ${
        day.lessons.length === 0
          ? this.#notice(scheduleText(lang, 'dayEmpty'))
          : html`<ol class="diary-day" part="day-list" aria-labelledby="day-heading">
              ${[...day.lessons]
                .sort((a, b) => a.number - b.number)
                .map(
                  (lesson) =>
                    html`<li
                      part=${lesson.substitution ? 'lesson lesson-substituted' : 'lesson'}
                      class=${lesson.substitution ? 'diary-substituted' : ''}
                      data-lesson=${lesson.id}
                    >
                      <span class="diary-slot"
                        >${scheduleText(lang, 'slot', { n: lesson.number })}</span
                      >
                      ${this.#renderLesson(lesson, '')}
                    </li>`,
                )}
            </ol>`
      }`;
  }

  #renderLesson(lesson: Lesson, slotTime: string) {
    const lang = this.language;
    const sub = lesson.substitution;
    const time = `${lesson.startTime}–${lesson.endTime}`;
    const room = sub?.room ?? lesson.room;
    return html`<div class="diary-lesson">
      ${time !== slotTime ? html`<span class="diary-muted">${time}</span>` : nothing}
      ${
        sub
          ? html`<strong class="diary-badge" part="substitution-badge"
              ><span aria-hidden="true">⇄ </span>${scheduleText(lang, 'substituted')}</strong
            >`
          : nothing
      }
      <span class="diary-subject">${sub?.subjectName ?? lesson.subjectName}</span>
      <span>${sub?.substituteTeacherName ?? lesson.teacherName}</span>
      <span class="diary-muted">${scheduleText(lang, 'room', { room })}</span>
      ${
        sub
          ? html`<ul class="diary-substitution" part="substitution">
              <li>${scheduleText(lang, 'instead', { teacher: sub.originalTeacherName })}</li>
              ${
                sub.originalSubjectName !== sub.subjectName
                  ? html`<li>
                      ${scheduleText(lang, 'insteadSubject', { subject: sub.originalSubjectName })}
                    </li>`
                  : nothing
              }
              ${sub.reason ? html`<li>${scheduleText(lang, 'reason', { reason: sub.reason })}</li>` : nothing}
              ${
                sub.room && sub.room !== lesson.room
                  ? html`<li>${scheduleText(lang, 'changedRoom', { room: sub.room })}</li>`
                  : nothing
              }
            </ul>`
          : nothing
      }
      ${lesson.homework.map(
        (homework) =>
          html`<div class="diary-homework" part="homework">
            <span class="diary-homework-label"
              >${scheduleText(lang, 'homework')}
              (${scheduleText(lang, 'homeworkDue', {
                date: formatDate(lang, homework.dueDate, { day: 'numeric', month: 'long' }),
              })}):</span
            >
            ${homework.text}
            ${homework.attachments.map(
              (a) =>
                html`<span class="diary-muted"
                  >${scheduleText(lang, 'attachment', { name: a.name })}</span
                >`,
            )}
          </div>`,
      )}
    </div>`;
  }

  #renderHistory() {
    const lang = this.language;
    const errors = this.historyErrors;
    const field = (name: 'from' | 'to', label: string, value: string) =>
      html`<div class="diary-field ${errors[name] ? 'diary-field--error' : ''}">
        <label class="diary-label" for="history-${name}">${label}</label>
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
          class="diary-input"
          part="date-input"
          type="date"
          id="history-${name}"
          name=${name}
          .value=${value}
          aria-invalid=${errors[name] ? 'true' : nothing}
          aria-describedby=${errors[name] ? `history-${name}-error` : nothing}
        />
      </div>`;
    return html`<details class="diary-history" part="history" @toggle=${this.#onHistoryToggle}>
      <summary>${scheduleText(lang, 'history')}</summary>
      <form class="diary-history-form" novalidate @submit=${this.#onHistorySubmit}>
        ${field('from', scheduleText(lang, 'historyFrom'), this.historyFrom)}
        ${field('to', scheduleText(lang, 'historyTo'), this.historyTo)}
        <button class="diary-button" part="button history-show">
          ${scheduleText(lang, 'show')}
        </button>
      </form>
      ${this.#renderHistoryBody()}
    </details>`;
  }

  #renderHistoryBody() {
    return this.#history.render({
      pending: () => this.#loading(),
      error: (error) => this.#renderFailure(error, () => void this.#history.run()),
      complete: (items) => this.#renderHistoryTable(items),
    });
  }

  #renderHistoryTable(items: readonly Substitution[]) {
    const lang = this.language;
    if (items.length === 0) return this.#notice(scheduleText(lang, 'historyEmpty'), 'status');
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
}
