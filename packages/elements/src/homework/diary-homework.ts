import {
  todayIn,
  type Attachment,
  type Homework,
  type PlannedAssessment,
} from '@school-diary/core';
import { saveFile } from '@school-diary/sdk';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDay } from '../shared/day-format';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { readsPlannedTests } from '../shared/diary-data-client';
import { cancelledTestNews, plannedTestNews } from '../shared/planned-test-live';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { plannedTestStyles, renderPlannedTest } from '../shared/planned-test';
import { controlStyles, hostTokens } from '../shared/theme';
import { homeworkStyles } from './diary-homework.styles';
import { canSwitchAlert, isHomeworkClient, type HomeworkClient } from './homework-client';
import { renderItem, type ItemOptions } from './homework-item';
import {
  dueRange,
  movedWeek,
  overdueRange,
  type DueRange,
  type HomeworkPeriod,
} from './homework-range';
import { homeworkText as t } from './homework-text';

/** Detail of `diary-homework-done`. */
export interface DiaryHomeworkDoneDetail {
  /** The homework as it is now, `done` saying whether it is ticked. */
  readonly homework: Homework;
}

declare global {
  interface HTMLElementEventMap {
    'diary-homework-done': CustomEvent<DiaryHomeworkDoneDetail>;
  }
}

/** A load of the homework due in a range, keyed by child and range. */
interface Loaded {
  readonly key: string;
  readonly items: readonly Homework[];
}

const keyOf = (childId: string, range: DueRange) => `${childId}|${range.from}|${range.to}`;

/**
 * A child's homework by the date it is due, not the lesson where it was set: for the next school
 * day («На завтра») or by week, filtered by subject. Each item shows the teacher's text with its
 * links, the files to download, and whether it is done or overdue; a parent or the pupil ticks it
 * «Сделано» (kept per child). The «Просрочено» list gathers what is past due and not ticked, and a
 * parent can turn on an alert for it. The tests planned for a day are named under its heading.
 * Homework a teacher sets while the widget is open appears live and is announced.
 *
 * @summary A child's homework by due date, with the «сделано» tick and what is overdue.
 * @tag diary-homework
 * @fires {CustomEvent<DiaryHomeworkDoneDetail>} diary-homework-done - Homework was ticked done, or the tick was taken back.
 * @csspart base - The widget's box.
 * @csspart toolbar - The period and subject choices.
 * @csspart week - The week's label and its previous/next buttons.
 * @csspart list - A day's list of homework.
 * @csspart item - One piece of homework (also `item-done`, `item-overdue`, `item-open`).
 * @csspart badge - The «Сделано» or «Просрочено» label.
 * @csspart text - The teacher's text.
 * @csspart link - A web address in the teacher's text.
 * @csspart tick - The «Сделано» checkbox with its label.
 * @csspart planned-test - A test planned for the day (its kind, subject and topic).
 * @csspart overdue - The «Просрочено» list.
 * @csspart alert - The parent's switch for the overdue alert.
 * @csspart button - Every button (also `previous`, `this-week`, `next`, `attachment`, `retry`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and the tick.
 * @cssprop --diary-color-success - Done homework.
 * @cssprop --diary-color-error - Overdue homework.
 * @cssprop --diary-color-border - The items' frames.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryHomework extends DiaryElement {
  static override styles = [hostTokens, controlStyles, homeworkStyles, plannedTestStyles];

  /** The child whose homework is shown; the provider's selected child when empty. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** `tomorrow` (default): the next school day's homework; `week`: one week's. */
  @property({ reflect: true }) accessor period: HomeworkPeriod = 'tomorrow';
  /** The ISO week shown when `period` is `week`, `YYYY-Www`; this week by default. */
  @property({ reflect: true }) accessor week: string | undefined;
  /** Only this subject's homework (a subject id); every subject when empty. */
  @property({ attribute: 'subject-id', reflect: true }) accessor subjectId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for "today" (tests and stories inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The homework due in the range shown, with ticks and live homework applied. */
  @state() protected accessor due: Loaded | undefined;
  /** The homework of the last four weeks, for the «Просрочено» list. */
  @state() protected accessor past: Loaded | undefined;
  @state() protected accessor alertOn: boolean | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor error: string | undefined;
  @state() protected accessor announcement = '';

  readonly #dueTask = new Task(this, {
    args: () => {
      const { from, to } = this.#range;
      return [this.#client, this.environment?.session.user?.id, this.childId, from, to] as const;
    },
    task: ([client, userId, childId, from, to], { signal }) =>
      this.#load(client, userId, childId, { from, to }, signal),
    onComplete: (loaded) => (this.due = loaded),
  });

  /** The tests planned in the range shown, listed on their day (when the client reads them). */
  readonly #testsTask = new Task(this, {
    args: () => {
      const { from, to } = this.#range;
      return [this.#client, this.environment?.session.user?.id, this.childId, from, to] as const;
    },
    task: async ([client, userId, childId, from, to], { signal }) => {
      if (!client || !userId || !childId || !readsPlannedTests(client)) return initialState;
      const { items } = await client.assessments.upcoming({ childId, from, to }, { signal });
      return { key: keyOf(childId, { from, to }), items };
    },
  });

  readonly #pastTask = new Task(this, {
    args: () => {
      const { from, to } = this.#pastRange;
      return [this.#client, this.environment?.session.user?.id, this.childId, from, to] as const;
    },
    task: ([client, userId, childId, from, to], { signal }) =>
      this.#load(client, userId, childId, { from, to }, signal),
    onComplete: (loaded) => (this.past = loaded),
  });

  /** Whether the parent's overdue alert is on (parents only; any channel counts). */
  readonly #alertTask = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.role] as const,
    task: async ([client, role], { signal }) => {
      if (!client || role !== 'parent' || !canSwitchAlert(client)) return initialState;
      const settings = await client.notifications.settings(undefined, { signal });
      const flags = settings.kinds.homework_overdue;
      return flags.inApp || flags.sms || flags.email;
    },
    onComplete: (on) => (this.alertOn = on),
  });

  #stopLive: (() => void) | undefined;
  #liveClient: HomeworkClient | undefined;

  get #client(): HomeworkClient | undefined {
    const client = this.client;
    return isHomeworkClient(client) ? client : undefined;
  }

  get #today(): string {
    return todayIn(this.now(), this.timeZone);
  }

  get #range(): DueRange {
    return dueRange(this.period, this.#today, this.week);
  }

  get #pastRange(): DueRange {
    return overdueRange(this.#today);
  }

  async #load(
    client: HomeworkClient | undefined,
    userId: string | undefined,
    childId: string | undefined,
    range: DueRange,
    signal: AbortSignal,
  ): Promise<Loaded | typeof initialState> {
    if (!client || !userId || !childId) return initialState;
    const { items } = await client.homework.list({ childId, ...range }, { signal });
    return { key: keyOf(childId, range), items };
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
    const stops = client
      ? [
          client.events.on('homework.created', (event) => {
            if (!event.childId || event.childId === this.childId) this.#onLive(event.data);
          }),
          // A tick made on another device of the family.
          client.events.on('homework.done', (event) => {
            if (event.childId === this.childId) this.#put(event.data);
          }),
          client.events.on('assessment.planned', (event) => {
            if (event.childId && event.childId !== this.childId) return;
            this.#testsChanged(
              plannedTestNews(this.language, event.data, this.#range, this.#loadedTests()),
            );
          }),
          client.events.on('assessment.cancelled', (event) => {
            if (event.childId && event.childId !== this.childId) return;
            this.#testsChanged(
              cancelledTestNews(this.language, event.data.id, this.#loadedTests()),
            );
          }),
          // The teacher changed the text, the due date or the files; the family's tick stays.
          client.events.on('homework.updated', (event) => {
            if (!event.childId || event.childId === this.childId) this.#put(event.data, true);
          }),
        ]
      : [];
    this.#stopLive = () => stops.forEach((stop) => stop());
  }

  #onLive(homework: Homework): void {
    const range = this.#range;
    const due = this.due;
    if (due && homework.dueDate >= range.from && homework.dueDate <= range.to) {
      const items = [...due.items.filter((h) => h.id !== homework.id), homework];
      this.due = { ...due, items: items.sort((a, b) => a.dueDate.localeCompare(b.dueDate)) };
    }
    this.announcement = t(this.language, 'live', { subject: homework.subjectName });
  }

  /** Puts the homework as the server now has it into both lists (`keepDone`: not the tick). */
  #put(homework: Homework, keepDone = false): void {
    const swap = (loaded: Loaded | undefined) =>
      loaded && {
        ...loaded,
        items: loaded.items.map((h) =>
          h.id !== homework.id ? h : keepDone ? { ...homework, done: h.done } : homework,
        ),
      };
    this.due = swap(this.due);
    this.past = swap(this.past);
  }

  async #tick(homework: Homework, done: boolean): Promise<void> {
    const client = this.#client;
    const childId = this.childId;
    if (!client || !childId || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const saved = await client.homework.setDone({ childId, homeworkId: homework.id, done });
      this.#put(saved);
      const key = saved.done ? 'ticked' : 'unticked';
      this.announcement = t(this.language, key, { subject: saved.subjectName });
      emit(this, 'diary-homework-done', { homework: saved });
    } catch (error) {
      this.#put(homework);
      this.error = this.#describe(error).message;
    } finally {
      this.busy = false;
    }
  }

  async #switchAlert(on: boolean): Promise<void> {
    const client = this.#client;
    if (!client || !canSwitchAlert(client) || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const flags = on ? { inApp: true } : { inApp: false, sms: false, email: false };
      const settings = await client.notifications.updateSettings({
        kinds: { homework_overdue: flags },
      });
      const now = settings.kinds.homework_overdue;
      this.alertOn = now.inApp || now.sms || now.email;
      this.announcement = t(this.language, this.alertOn ? 'alertOn' : 'alertOff');
    } catch (error) {
      this.error = this.#describe(error).message;
    } finally {
      this.busy = false;
    }
  }

  async #download(attachment: Attachment): Promise<void> {
    const client = this.#client;
    if (!client) return;
    try {
      saveFile(await client.attachments.download({ attachmentId: attachment.id }), attachment.name);
    } catch (error) {
      this.error = this.#describe(error).message;
    }
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, t(lang, 'signedOut'));
    if (gate) return gate;
    if (!this.childId) return textNotice(t(lang, 'noChild'));
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, t(lang, 'title'), { title: true, id: 'title' })}
      ${this.#renderToolbar()}
      ${
        this.error
          ? html`<p class="diary-error" part="error" role="alert">${this.error}</p>`
          : nothing
      }
      ${this.#renderOverdue()} ${this.#renderDue()} ${this.#renderAlert()}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  /** The loaded homework of the range, filtered by subject; undefined while it is not loaded. */
  #shown(loaded: Loaded | undefined, range: DueRange): readonly Homework[] | undefined {
    if (!this.childId || loaded?.key !== keyOf(this.childId, range)) return undefined;
    return this.subjectId
      ? loaded.items.filter((h) => h.subjectId === this.subjectId)
      : loaded.items;
  }

  #itemOptions(list: ItemOptions['list'], showDue: boolean): ItemOptions {
    return {
      lang: this.language,
      today: this.#today,
      list,
      showDue,
      busy: this.busy,
      onTick: (homework, done) => void this.#tick(homework, done),
      onDownload: (attachment) => void this.#download(attachment),
    };
  }

  #renderToolbar() {
    const lang = this.language;
    const subjects = new Map<string, string>();
    for (const h of [...(this.past?.items ?? []), ...(this.due?.items ?? [])])
      subjects.set(h.subjectId, h.subjectName);
    const sorted = [...subjects].sort((a, b) => a[1].localeCompare(b[1], lang));
    return html`<div class="diary-toolbar" part="toolbar">
        <fieldset>
          <legend class="diary-legend">${t(lang, 'period')}</legend>
          <div class="diary-radios">
            ${(['tomorrow', 'week'] as const).map(
              (period) =>
                html`<label class="diary-radio">
                  <input
                    type="radio"
                    name="period"
                    value=${period}
                    .checked=${this.period === period}
                    @change=${() => (this.period = period)}
                  />
                  ${t(lang, period)}
                </label>`,
            )}
          </div>
        </fieldset>
        <div>
          <label class="diary-label" for="subject">${t(lang, 'subject')}</label>
          <select
            id="subject"
            class="diary-select"
            @change=${(event: Event) =>
              (this.subjectId = (event.target as HTMLSelectElement).value || undefined)}
          >
            <option value="" ?selected=${!this.subjectId}>${t(lang, 'allSubjects')}</option>
            ${sorted.map(
              ([id, name]) =>
                html`<option value=${id} ?selected=${this.subjectId === id}>${name}</option>`,
            )}
          </select>
        </div>
      </div>
      ${this.period === 'week' ? this.#renderWeekNav() : nothing}`;
  }

  #renderWeekNav() {
    const lang = this.language;
    const range = this.#range;
    const move = (steps: number) => (this.week = movedWeek(this.week, this.#today, steps));
    return html`<div class="diary-week" part="week">
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button previous"
        @click=${() => move(-1)}
      >
        ${t(lang, 'previousWeek')}
      </button>
      <p class="diary-week-label" id="week-label" aria-live="polite">
        ${t(lang, 'weekOf', { from: formatDay(lang, range.from), to: formatDay(lang, range.to) })}
      </p>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button this-week"
        @click=${() => (this.week = undefined)}
      >
        ${t(lang, 'thisWeek')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button next"
        @click=${() => move(1)}
      >
        ${t(lang, 'nextWeek')}
      </button>
    </div>`;
  }

  #renderDue() {
    const lang = this.language;
    const items = this.#shown(this.due, this.#range);
    return this.#dueTask.render({
      initial: () => loadingNotice(lang),
      pending: () => (items ? this.#renderDays(items) : loadingNotice(lang)),
      error: (error) => failureNotice(lang, this.#describe(error), () => void this.#dueTask.run()),
      complete: () => this.#renderDays(items ?? []),
    });
  }

  /** The planned tests of the range shown (kept while a live change reloads them). */
  #loadedTests(): readonly PlannedAssessment[] {
    const loaded = this.#testsTask.value;
    if (!this.childId || loaded?.key !== keyOf(this.childId, this.#range)) return [];
    return loaded.items;
  }

  /** The planned tests of the range shown, filtered by subject. */
  #tests(): readonly PlannedAssessment[] {
    return this.#loadedTests().filter((a) => !this.subjectId || a.subjectId === this.subjectId);
  }

  /** A live change of the planned tests shown: reload them and say what changed. */
  #testsChanged(news: string | undefined): void {
    if (!news) return;
    void this.#testsTask.run();
    this.announcement = news;
  }

  #renderDays(items: readonly Homework[]) {
    const lang = this.language;
    const tests = this.#tests();
    if (items.length === 0 && tests.length === 0) return textNotice(t(lang, 'empty'));
    const days = [...new Set([...items.map((h) => h.dueDate), ...tests.map((a) => a.date)])].sort();
    const level = subLevel(this.headingLevel);
    return days.map((day) => {
      const date = formatDay(lang, day, { weekday: 'long', day: 'numeric', month: 'long' });
      const due = items.filter((h) => h.dueDate === day);
      return html`${renderHeading(level, date, { id: `day-${day}` })}
      ${tests
        .filter((a) => a.date === day)
        .map((a) => renderPlannedTest(lang, a, { subject: true }))}
      ${
        due.length > 0
          ? html`<ul class="diary-homework-list" part="list" aria-labelledby=${`day-${day}`}>
              ${due.map((h) => renderItem(h, this.#itemOptions('due', false)))}
            </ul>`
          : nothing
      }`;
    });
  }

  #renderOverdue() {
    const lang = this.language;
    const today = this.#today;
    const overdue = (this.#shown(this.past, this.#pastRange) ?? []).filter(
      (h) => !h.done && h.dueDate < today,
    );
    if (this.#pastTask.status === TaskStatus.ERROR)
      return failureNotice(
        lang,
        this.#describe(this.#pastTask.error),
        () => void this.#pastTask.run(),
      );
    if (overdue.length === 0) return nothing;
    return html`<section class="diary-overdue" part="overdue" aria-labelledby="overdue-title">
      ${renderHeading(subLevel(this.headingLevel), t(lang, 'overdueTitle'), {
        id: 'overdue-title',
      })}
      <p class="diary-hint">${t(lang, 'overdueHint')}</p>
      <ul class="diary-homework-list" part="list">
        ${overdue.map((h) => renderItem(h, this.#itemOptions('overdue', true)))}
      </ul>
    </section>`;
  }

  #renderAlert() {
    // Without the settings (not a parent, or they failed to load) there is no switch to show.
    if (this.alertOn === undefined || this.#alertTask.status === TaskStatus.ERROR) return nothing;
    const lang = this.language;
    return html`<div class="diary-alert" part="alert">
      <label class="diary-tick" for="alert">
        <input
          type="checkbox"
          id="alert"
          aria-describedby="alert-hint"
          .checked=${this.alertOn}
          ?disabled=${this.busy}
          @change=${(event: Event) =>
            void this.#switchAlert((event.target as HTMLInputElement).checked)}
        />
        ${t(lang, 'alert')}
      </label>
      <p class="diary-hint" id="alert-hint">${t(lang, 'alertHint')}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-homework': DiaryHomework;
  }
}
