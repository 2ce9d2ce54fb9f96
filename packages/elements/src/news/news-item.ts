import type { Lang, NewsItem } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDate } from '../shared/dates';
import { renderHeading } from '../shared/heading';
import { newsText } from './news-text';

/** When an event takes place, in words: the day, and its hours when it has them. */
export function eventWhen(lang: Lang, item: NewsItem): string {
  if (!item.eventDate) return '';
  const date = formatDate(lang, item.eventDate, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  if (!item.startTime) return newsText(lang, 'allDay', { date });
  if (!item.endTime) return newsText(lang, 'at', { date, time: item.startTime });
  return newsText(lang, 'range', { date, start: item.startTime, end: item.endTime });
}

/** When an item was published, in words. */
export function publishedOn(lang: Lang, item: NewsItem, timeZone: string): string {
  const date = formatDate(lang, item.publishedAt, { day: 'numeric', month: 'long' }, timeZone);
  return newsText(lang, 'published', { date });
}

/** The date and place of an event, as a description list. */
function renderEventFacts(lang: Lang, item: NewsItem) {
  if (item.kind !== 'event' || !item.eventDate) return nothing;
  return html`<dl class="diary-facts" part="event-facts">
    <div>
      <dt>${newsText(lang, 'when')}</dt>
      <dd>${eventWhen(lang, item)}</dd>
    </div>
    ${
      item.location
        ? html`<div>
            <dt>${newsText(lang, 'where')}</dt>
            <dd>${item.location}</dd>
          </div>`
        : nothing
    }
  </dl>`;
}

/** One item of the list: its kind, title (a button that opens it), date and, for events, when. */
export function renderListItem(
  lang: Lang,
  item: NewsItem,
  timeZone: string,
  onOpen: (item: NewsItem) => void,
) {
  return html`<li part="item" data-news=${item.id} data-kind=${item.kind}>
    ${
      item.image
        ? html`<img class="diary-thumb" part="image" src=${item.image.url} alt="" />`
        : nothing
    }
    <span class="diary-kind diary-kind--${item.kind}"
      >${newsText(lang, item.kind === 'event' ? 'eventOne' : 'newsOne')}</span
    >
    <button
      type="button"
      class="diary-item-title"
      part="open"
      aria-label=${newsText(lang, 'read', { title: item.title })}
      @click=${() => onOpen(item)}
    >
      ${item.title}
    </button>
    <span class="diary-item-date">
      ${item.kind === 'event' && item.eventDate ? eventWhen(lang, item) : publishedOn(lang, item, timeZone)}
    </span>
  </li>`;
}

/** What the detail view shows. */
export interface DetailView {
  readonly lang: Lang;
  readonly headingLevel: string;
  readonly timeZone: string;
  readonly item: NewsItem;
  readonly onBack: () => void;
  readonly onCalendar: (item: NewsItem) => void;
}

/** What an item in full shows: how {@link renderArticle} is called. */
export interface ArticleView {
  readonly lang: Lang;
  readonly headingLevel: string;
  readonly timeZone: string;
  readonly item: NewsItem;
  /** The id of the item's heading. */
  readonly titleId: string;
}

/**
 * An item's content as its readers see it: title, kind and date, the event's day, hours and
 * place, the image, the text (a blank line starts a paragraph). The reader's detail view and the
 * publisher's preview both show it.
 */
export function renderArticle(v: ArticleView) {
  const { lang, item } = v;
  return html`${renderHeading(v.headingLevel, item.title, { id: v.titleId, part: 'article-title' })}
    <p class="diary-item-date">
      ${newsText(lang, item.kind === 'event' ? 'eventOne' : 'newsOne')} ·
      ${publishedOn(lang, item, v.timeZone)}
    </p>
    ${renderEventFacts(lang, item)}
    ${
      item.image
        ? html`<img class="diary-image" part="image" src=${item.image.url} alt=${item.image.alt} />`
        : nothing
    }
    ${item.body.split(/\n{2,}/).map((p) => html`<p class="diary-text">${p}</p>`)}`;
}

/** One item in full: its content, then the calendar button for an event. */
export function renderDetail(v: DetailView) {
  const { lang, item } = v;
  return html`<article class="diary-article" part="article" data-news=${item.id}>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button back"
      id="back"
      @click=${v.onBack}
    >
      ${newsText(lang, 'back')}
    </button>
    ${renderArticle({ ...v, titleId: 'article-title' })}
    ${
      item.kind === 'event' && item.eventDate
        ? html`<button
            type="button"
            class="diary-button"
            part="button calendar"
            @click=${() => v.onCalendar(item)}
          >
            ${newsText(lang, 'addToCalendar')}
          </button>`
        : nothing
    }
  </article>`;
}
