import { addDays, assessmentKindName, todayIn, type PlannedAssessment } from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDay } from '../shared/day-format';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { upcomingTestsStyles } from './diary-upcoming-tests.styles';
import { isUpcomingTestsClient, type UpcomingTestsClient } from './upcoming-tests-client';
import { upcomingTestsText as t } from './upcoming-tests-text';

/** A load of the planned tests in a range, keyed by child and range. */
interface Loaded {
  readonly key: string;
  readonly items: readonly PlannedAssessment[];
}

const byDate = (a: PlannedAssessment, b: PlannedAssessment) =>
  a.date.localeCompare(b.date) || (a.lessonNumber ?? 0) - (b.lessonNumber ?? 0);

/**
 * A child's upcoming tests and exams (контрольные, проверочные, зачёты, ВПР, mock ОГЭ/ЕГЭ …) as
 * their teachers planned them, from today for the next `days` days, by day: the kind, the
 * subject, the topic, the lesson, the weight of the mark and the teacher. «Сегодня» and «Завтра»
 * are marked. A test a teacher plans, moves or cancels while the widget is open changes the list
 * live and is announced.
 *
 * @summary A child's upcoming tests and exams, by day.
 * @tag diary-upcoming-tests
 * @csspart base - The widget's box.
 * @csspart list - A day's list of tests.
 * @csspart item - One planned test.
 * @csspart kind - Its kind (контрольная, проверочная …).
 * @csspart button - Every button (the `retry` after a failure).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - The kind and the cards' edge.
 * @cssprop --diary-color-border - The cards' frames.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryUpcomingTests extends DiaryElement {
  static override styles = [hostTokens, controlStyles, upcomingTestsStyles];

  /** The child whose tests are shown; the provider's selected child when empty. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** How many days ahead to show, today included (30 by default). */
  @property({ type: Number, reflect: true }) accessor days = 30;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for "today" (tests and stories inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The tests of the range shown, with live changes applied. */
  @state() protected accessor loaded: Loaded | undefined;
  @state() protected accessor announcement = '';

  readonly #task = new Task(this, {
    args: () => {
      const { from, to } = this.#range;
      return [this.#client, this.environment?.session.user?.id, this.childId, from, to] as const;
    },
    task: async ([client, userId, childId, from, to], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      const { items } = await client.assessments.upcoming({ childId, from, to }, { signal });
      return { key: `${childId}|${from}|${to}`, items };
    },
    onComplete: (loaded) => (this.loaded = loaded),
  });

  #stopLive: (() => void) | undefined;
  #liveClient: UpcomingTestsClient | undefined;

  get #client(): UpcomingTestsClient | undefined {
    const client = this.client;
    return isUpcomingTestsClient(client) ? client : undefined;
  }

  get #today(): string {
    return todayIn(this.now(), this.timeZone);
  }

  get #range(): { from: string; to: string } {
    const from = this.#today;
    return { from, to: addDays(from, Math.max(1, Math.floor(this.days || 30)) - 1) };
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
    if (!client) {
      this.#stopLive = undefined;
      return;
    }
    const mine = (childId: string | undefined) => !childId || childId === this.childId;
    const stops = [
      client.events.on('assessment.planned', (event) => {
        if (mine(event.childId)) this.#onPlanned(event.data);
      }),
      client.events.on('assessment.cancelled', (event) => {
        if (mine(event.childId)) this.#onCancelled(event.data.id);
      }),
    ];
    this.#stopLive = () => stops.forEach((stop) => stop?.());
  }

  #onPlanned(test: PlannedAssessment): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { from, to } = this.#range;
    const others = loaded.items.filter((a) => a.id !== test.id);
    const inRange = test.date >= from && test.date <= to;
    this.loaded = { ...loaded, items: (inRange ? [...others, test] : others).sort(byDate) };
    this.announcement = t(this.language, 'live', { subject: test.subjectName });
  }

  #onCancelled(id: string): void {
    const loaded = this.loaded;
    if (!loaded?.items.some((a) => a.id === id)) return;
    this.loaded = { ...loaded, items: loaded.items.filter((a) => a.id !== id) };
    this.announcement = t(this.language, 'cancelled');
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
      ${this.#renderBody()}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderBody() {
    const lang = this.language;
    const { from, to } = this.#range;
    const current = this.loaded?.key === `${this.childId ?? ''}|${from}|${to}` ? this.loaded : null;
    return this.#task.render({
      initial: () => loadingNotice(lang),
      pending: () => (current ? this.#renderDays(current.items) : loadingNotice(lang)),
      error: (error) => failureNotice(lang, this.#describe(error), () => void this.#task.run()),
      complete: () => this.#renderDays(current?.items ?? []),
    });
  }

  #renderDays(items: readonly PlannedAssessment[]) {
    const lang = this.language;
    if (items.length === 0) return textNotice(t(lang, 'empty', { days: this.days }));
    const today = this.#today;
    const tomorrow = addDays(today, 1);
    const level = subLevel(this.headingLevel);
    const days = [...new Set(items.map((a) => a.date))];
    return days.map((day) => {
      const date = formatDay(lang, day, { weekday: 'long', day: 'numeric', month: 'long' });
      const badge = day === today ? t(lang, 'today') : day === tomorrow ? t(lang, 'tomorrow') : '';
      const heading = badge ? `${badge}, ${date}` : date;
      return html`${renderHeading(level, heading, { id: `day-${day}` })}
        <ul class="diary-list" part="list" aria-labelledby=${`day-${day}`}>
          ${items.filter((a) => a.date === day).map((a) => this.#renderItem(a))}
        </ul>`;
    });
  }

  #renderItem(test: PlannedAssessment) {
    const lang = this.language;
    const facts = [
      test.lessonNumber !== undefined ? t(lang, 'lesson', { number: test.lessonNumber }) : '',
      t(lang, 'weight', { weight: String(test.weight).replace('.', lang === 'ru' ? ',' : '.') }),
      t(lang, 'teacher', { name: test.teacherName }),
    ].filter(Boolean);
    return html`<li class="diary-test" part="item" data-test=${test.id}>
      <p class="diary-test-head">
        <span class="diary-test-kind" part="kind">${assessmentKindName(lang, test.kind)}</span>
        <span>${test.subjectName}</span>
      </p>
      <p class="diary-test-topic">${test.topic}</p>
      <p class="diary-test-facts">${facts.join(' · ')}</p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-upcoming-tests': DiaryUpcomingTests;
  }
}
