import { eventToIcs, type NewsItem } from '@school-diary/core';
import { saveFile } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isNewsClient, type NewsClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { newsStyles } from './diary-news.styles';
import { renderDetail, renderListItem } from './news-item';
import { newsText } from './news-text';

/** Which items the list shows. */
export type NewsKindFilter = 'all' | 'news' | 'event';

/** Detail of `diary-news-open`. */
export interface DiaryNewsOpenDetail {
  /** The item opened, or `undefined` when the reader went back to the list. */
  readonly item: NewsItem | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'diary-news-open': CustomEvent<DiaryNewsOpenDetail>;
  }
}

const PAGE_SIZE = 10;

/**
 * The news and events of a school (the selected child's, or `school-id`): newest first, filtered
 * by kind, a page at a time; an item opens in full with its image and, for an event, its day,
 * hours and place and an «Добавить в календарь» button that saves an iCalendar (`.ics`) file.
 *
 * @summary School news and events: filter, read, add an event to a calendar.
 * @tag diary-news
 * @fires {CustomEvent<DiaryNewsOpenDetail>} diary-news-open - An item was opened, or the reader went back to the list.
 * @csspart base - The widget's box.
 * @csspart list - The list of items.
 * @csspart item - One item of the list.
 * @csspart open - The button that opens an item (its title).
 * @csspart article - An item in full.
 * @csspart article-title - Its title.
 * @csspart event-facts - An event's day, hours and place.
 * @csspart image - An item's picture.
 * @csspart field - The kind filter.
 * @csspart input - Its select.
 * @csspart button - Every button (also `more`, `back`, `calendar`, `retry`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and titles.
 * @cssprop --diary-color-border - Cards.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryNews extends DiaryElement {
  static override styles = [hostTokens, controlStyles, newsStyles];

  /** The child whose school's news is shown; the provider's selected child when absent. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** A school's news instead of the child's school's (staff pages, a school's own site). */
  @property({ attribute: 'school-id', reflect: true }) accessor schoolId: string | undefined;
  /** The item shown in full (its id); the list when absent. */
  @property({ attribute: 'news-id', reflect: true }) accessor newsId: string | undefined;
  /** `all` (default), `news` or `event`. */
  @property({ reflect: true }) accessor kind: NewsKindFilter = 'all';
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The pages loaded so far, for the current school and kind. */
  @state() protected accessor items: readonly NewsItem[] = [];
  @state() protected accessor total = 0;
  @state() protected accessor page = 1;
  @state() protected accessor announcement = '';
  @state() protected accessor failure: string | undefined;

  /** The school whose news is shown. */
  readonly #school = new Task(this, {
    args: () =>
      [this.#client, this.environment?.session.user?.id, this.schoolId, this.childId] as const,
    task: async ([client, userId, schoolId, childId], { signal }) => {
      if (!client || !userId) return initialState;
      if (schoolId) return schoolId;
      if (!childId) return initialState;
      return (await client.children.get({ childId }, { signal })).schoolId ?? null;
    },
  });

  /** One page of the feed; a new school or kind starts again from the first. */
  readonly #feed = new Task(this, {
    args: () => [this.#client, this.#school.value, this.kind, this.page] as const,
    task: async ([client, schoolId, kind, page], { signal }) => {
      if (!client || !schoolId) return initialState;
      return client.news.list(
        { schoolId, page, pageSize: PAGE_SIZE, ...(kind === 'all' ? {} : { kind }) },
        { signal },
      );
    },
    onComplete: (result) => {
      this.items = result.page === 1 ? result.items : [...this.items, ...result.items];
      this.total = result.total;
    },
  });

  /** The item shown in full, when it is not among the loaded ones. */
  readonly #one = new Task(this, {
    args: () => [this.#client, this.newsId] as const,
    task: ([client, newsId], { signal }) =>
      client && newsId && !this.items.some((i) => i.id === newsId)
        ? client.news.get({ newsId }, { signal })
        : initialState,
  });

  #focusAfter: string | undefined;

  get #client(): NewsClient | undefined {
    const client = this.client;
    return isNewsClient(client) ? client : undefined;
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(id)?.focus();
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext());
  }

  #open(item: NewsItem | undefined): void {
    const back = this.newsId;
    this.newsId = item?.id;
    this.#focusAfter = item ? '#back' : back ? `[data-news="${back}"] [part="open"]` : undefined;
    emit(this, 'diary-news-open', { item });
  }

  #setKind(kind: NewsKindFilter): void {
    this.kind = kind;
    this.page = 1;
    this.items = [];
  }

  #calendar(item: NewsItem): void {
    if (!item.eventDate) return;
    const text = eventToIcs(
      {
        id: item.id,
        title: item.title,
        description: item.body,
        location: item.location,
        date: item.eventDate,
        startTime: item.startTime,
        endTime: item.endTime,
      },
      { timeZone: this.timeZone, now: new Date() },
    );
    const name = `${item.eventDate}-${item.id}.ics`;
    saveFile(new Blob([text], { type: 'text/calendar;charset=utf-8' }), name);
    this.announcement = newsText(this.language, 'calendarSaved');
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, newsText(lang, 'signedOut'));
    if (gate) return gate;
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, newsText(lang, 'title'), { title: true, id: 'title' })}
      ${this.#school.render({
        initial: () => loadingNotice(lang),
        pending: () => loadingNotice(lang),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#school.run()),
        complete: (schoolId) =>
          schoolId ? this.#renderBody() : textNotice(newsText(lang, 'noSchool')),
      })}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderBody() {
    const lang = this.language;
    if (this.newsId) {
      const item = this.items.find((i) => i.id === this.newsId);
      if (item) return this.#renderDetail(item);
      return this.#one.render({
        initial: () => loadingNotice(lang),
        pending: () => loadingNotice(lang),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#one.run()),
        complete: (one) => this.#renderDetail(one),
      });
    }
    return html`${this.#renderFilter()}
    ${this.#feed.render({
      initial: () => loadingNotice(lang),
      pending: () => (this.items.length ? this.#renderList(true) : loadingNotice(lang)),
      error: (error) => failureNotice(lang, this.#describe(error), () => void this.#feed.run()),
      complete: () => this.#renderList(false),
    })}`;
  }

  #renderDetail(item: NewsItem) {
    return renderDetail({
      lang: this.language,
      headingLevel: subLevel(this.headingLevel),
      timeZone: this.timeZone,
      item,
      onBack: () => this.#open(undefined),
      onCalendar: (one) => this.#calendar(one),
    });
  }

  #renderFilter() {
    const lang = this.language;
    return html`<div class="diary-filter" part="field">
      <label class="diary-label" for="kind">${newsText(lang, 'kind')}</label>
      <select
        id="kind"
        class="diary-input"
        part="input"
        @change=${(e: Event) =>
          this.#setKind((e.target as HTMLSelectElement).value as NewsKindFilter)}
      >
        ${(['all', 'news', 'event'] as const).map(
          (k) =>
            html`<option value=${k} ?selected=${k === this.kind}>${newsText(lang, k)}</option>`,
        )}
      </select>
    </div>`;
  }

  #renderList(loadingMore: boolean) {
    const lang = this.language;
    if (this.items.length === 0) return textNotice(newsText(lang, 'empty'));
    return html`<ul class="diary-items" part="list" aria-label=${newsText(lang, 'listLabel')}>
        ${this.items.map((item) =>
          renderListItem(lang, item, this.timeZone, (one) => this.#open(one)),
        )}
      </ul>
      <p class="diary-hint">
        ${newsText(lang, 'shown', { shown: this.items.length, total: this.total })}
      </p>
      ${
        this.items.length < this.total
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button more"
              ?disabled=${loadingMore}
              @click=${() => {
                this.#focusAfter = `[data-news="${this.items.at(-1)?.id ?? ''}"] + li [part="open"]`;
                this.page += 1;
              }}
            >
              ${loadingMore ? sharedText(lang, 'loading') : newsText(lang, 'more')}
            </button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-news': DiaryNews;
  }
}
