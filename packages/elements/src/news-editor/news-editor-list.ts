import type { Lang, NewsItem } from '@school-diary/core';
import { html, nothing } from 'lit';
import { eventWhen, publishedOn } from '../news/news-item';
import { newsText } from '../news/news-text';
import { newsEditorText as t } from './news-editor-text';

/** What the list of published items shows and whom it tells. */
export interface PublishedListView {
  readonly lang: Lang;
  readonly timeZone: string;
  readonly items: readonly NewsItem[];
  readonly total: number;
  /** The item whose removal waits for «Да, удалить». */
  readonly confirming: string | undefined;
  readonly busy: boolean;
  /** The next page is loading. */
  readonly loadingMore: boolean;
  readonly onRemove: (item: NewsItem) => void;
  readonly onConfirm: (item: NewsItem) => void;
  readonly onCancel: (item: NewsItem) => void;
  readonly onMore: () => void;
}

function renderConfirm(v: PublishedListView, item: NewsItem) {
  const { lang } = v;
  return html`<div
    class="diary-confirm"
    part="confirm"
    role="group"
    aria-labelledby=${`confirm-${item.id}`}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') v.onCancel(item);
    }}
  >
    <p class="diary-text" id=${`confirm-${item.id}`}>
      ${t(lang, 'confirmRemove', { title: item.title })}
    </p>
    <div class="diary-actions">
      <button
        type="button"
        class="diary-button"
        part="button confirm-remove"
        id="confirm-remove"
        ?disabled=${v.busy}
        @click=${() => v.onConfirm(item)}
      >
        ${v.busy ? t(lang, 'removing') : t(lang, 'confirm')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button cancel-remove"
        ?disabled=${v.busy}
        @click=${() => v.onCancel(item)}
      >
        ${t(lang, 'cancel')}
      </button>
    </div>
  </div>`;
}

function renderItem(v: PublishedListView, item: NewsItem) {
  const { lang } = v;
  const when =
    item.kind === 'event' && item.eventDate
      ? eventWhen(lang, item)
      : publishedOn(lang, item, v.timeZone);
  return html`<li part="item" data-news=${item.id} data-kind=${item.kind}>
    <span class="diary-kind"
      >${newsText(lang, item.kind === 'event' ? 'eventOne' : 'newsOne')}</span
    >
    <span class="diary-item-title">${item.title}</span>
    <span class="diary-item-date">${when}</span>
    ${
      v.confirming === item.id
        ? renderConfirm(v, item)
        : html`<div>
            <button
              type="button"
              class="diary-button diary-button--secondary"
              part="button remove"
              aria-label=${t(lang, 'removeLabel', { title: item.title })}
              ?disabled=${v.busy}
              @click=${() => v.onRemove(item)}
            >
              ${t(lang, 'remove')}
            </button>
          </div>`
    }
  </li>`;
}

/** The school's published items, newest first, each removable after a confirmation. */
export function renderPublishedList(v: PublishedListView) {
  const { lang } = v;
  if (v.items.length === 0)
    return html`<div class="diary-notice" part="notice">
      <p class="diary-text">${t(lang, 'empty')}</p>
    </div>`;
  return html`<ul class="diary-items" part="list" aria-label=${t(lang, 'listLabel')}>
      ${v.items.map((item) => renderItem(v, item))}
    </ul>
    <p class="diary-hint">${t(lang, 'shown', { shown: v.items.length, total: v.total })}</p>
    ${
      v.items.length < v.total
        ? html`<button
            type="button"
            class="diary-button diary-button--secondary"
            part="button more"
            ?disabled=${v.loadingMore}
            @click=${v.onMore}
          >
            ${t(lang, 'more')}
          </button>`
        : nothing
    }`;
}
