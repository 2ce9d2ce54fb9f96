import type { Lang, PortfolioItem } from '@school-diary/core';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { sharedText } from '../shared/localize';
import { portfolioText } from './portfolio-text';

/** What an item's comments show, and the comment form of a teacher. */
export interface CommentsView {
  readonly lang: Lang;
  readonly item: PortfolioItem;
  /** Formats a timestamp as a date in the school's time zone. */
  readonly date: (iso: string) => string;
  /** Whether the reader may comment (a teacher of the class or the school's admin). */
  readonly mayComment: boolean;
  /** Whether the comment form of this item is open. */
  readonly open: boolean;
  readonly draft: string;
  readonly error: string | undefined;
  readonly busy: boolean;
  readonly onOpen: () => void;
  readonly onInput: (text: string) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** The teachers' comments of an item, each with its author and date, oldest first. */
function renderList(v: CommentsView) {
  const t = (key: Parameters<typeof portfolioText>[1]) => portfolioText(v.lang, key);
  if (v.item.comments.length === 0) return nothing;
  return html`<ul class="diary-comments" part="comments" aria-label=${t('comments')}>
    ${v.item.comments.map(
      (c) =>
        html`<li class="diary-comment" part="comment" data-comment=${c.id}>
          <p>
            <span class="diary-comment-author">${c.authorName}</span>,
            <time datetime=${c.createdAt}>${v.date(c.createdAt)}</time>
          </p>
          <p>${c.text}</p>
        </li>`,
    )}
  </ul>`;
}

/** The form a teacher writes a comment in: one text box, its error, send and cancel. */
function renderForm(v: CommentsView) {
  const lang = v.lang;
  const id = `comment-${v.item.id}`;
  const hint = portfolioText(lang, 'commentHint');
  return html`<form class="diary-comment-form" part="comment-form" novalidate @submit=${v.onSubmit}>
    <div class="diary-field${v.error ? ' diary-field--error' : ''}" part="field field-comment">
      <label class="diary-label" part="label" for=${id}
        >${portfolioText(lang, 'commentLabel', { title: v.item.title })}</label
      >
      ${renderHint(id, hint)} ${renderError(id, v.error, sharedText(lang, 'errorPrefix'))}
      <textarea
        class="diary-input diary-textarea"
        part="input"
        id=${id}
        name="text"
        rows="3"
        .value=${live(v.draft)}
        aria-invalid=${v.error ? 'true' : nothing}
        aria-describedby=${describedBy(id, hint, v.error) ?? nothing}
        @input=${(e: InputEvent) => v.onInput((e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
    <div class="diary-actions">
      <button class="diary-button" part="button send-comment" ?disabled=${v.busy}>
        ${portfolioText(lang, v.busy ? 'sending' : 'sendComment')}
      </button>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button cancel-comment"
        @click=${v.onCancel}
      >
        ${portfolioText(lang, 'cancel')}
      </button>
    </div>
  </form>`;
}

/** An item's comments, and for a teacher the button or form to add one. */
export function renderComments(v: CommentsView) {
  if (!v.mayComment) return renderList(v);
  return html`${renderList(v)}
  ${
    v.open
      ? renderForm(v)
      : html`<div class="diary-actions">
          <button
            type="button"
            class="diary-button diary-button--secondary"
            part="button comment"
            id="comment-open-${v.item.id}"
            aria-label=${portfolioText(v.lang, 'commentOpenLabel', { title: v.item.title })}
            @click=${v.onOpen}
          >
            ${portfolioText(v.lang, 'commentOpen')}
          </button>
        </div>`
  }`;
}
