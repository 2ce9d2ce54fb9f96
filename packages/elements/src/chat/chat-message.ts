import type { Attachment, Lang, Message } from '@school-diary/core';
import type { OutboxItem } from '@school-diary/sdk';
import { html, nothing } from 'lit';
import { formatNumber } from '../shared/plural';
import { chatText } from './chat-text';
import { icon } from './chat-icons';
import { messageTime } from './message-time';

/** The size of a file for people: `2,4 МБ`, `900 КБ`. */
export function fileSize(lang: Lang, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatNumber(lang, mb, 1)} ${lang === 'ru' ? 'МБ' : 'MB'}`;
  return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)), 0)} ${lang === 'ru' ? 'КБ' : 'KB'}`;
}

/** What a message is drawn with. */
export interface MessageView {
  readonly lang: Lang;
  readonly timeZone: string;
  /** The signed-in user (own messages are marked and carry receipts). */
  readonly userId: string | undefined;
  readonly onDownload: (attachment: Attachment) => void;
}

/**
 * A message's node in the log: its `<article>`, marked when it is one's own, made once per message
 * and filled by {@link renderMessage} (drawn again in place when the message changes).
 */
export function messageArticle(v: MessageView, m: Message): HTMLElement {
  const own = m.authorId === v.userId;
  const article = document.createElement('article');
  article.className = own ? 'diary-message diary-message--own' : 'diary-message';
  article.setAttribute('part', own ? 'message message-own' : 'message');
  article.dataset.message = m.id;
  return article;
}

/** What a message's article holds: author, time, text, attachments, and one's own receipt. */
export function renderMessage(v: MessageView, m: Message) {
  const lang = v.lang;
  const own = m.authorId === v.userId;
  const readByOthers = m.readBy.some((r) => r.userId !== m.authorId);
  // No whitespace between the tags (lines break inside them): each text node would be cloned,
  // attached and laid out with every message a log appends.
  // prettier-ignore
  return html`<p class="diary-meta"
    ><span class="diary-strong">${own ? chatText(lang, 'you') : m.authorName}</span> <time
      datetime=${m.sentAt}>${messageTime(lang, m.sentAt, v.timeZone)}</time
  ></p>${
    m.text ? html`<p class="diary-text diary-message-text">${m.text}</p>` : nothing
  }${
    m.attachments.length ? renderAttachments(v, m.attachments) : nothing
  }${
    own
      ? html`<p class="diary-receipt" part="receipt"
          >${icon(readByOthers ? 'checks' : 'check')} ${chatText(lang, readByOthers ? 'read' : 'delivered')}</p
        >`
      : nothing
  }`;
}

/** A message's attachments: each a button that downloads it, with its size. */
function renderAttachments(v: MessageView, attachments: readonly Attachment[]) {
  const lang = v.lang;
  return html`<ul class="diary-attachments" aria-label=${chatText(lang, 'attachments')}>
    ${attachments.map(
      (a) =>
        html`<li>
          <button
            type="button"
            class="diary-link"
            part="button download"
            data-attachment=${a.id}
            @click=${() => v.onDownload(a)}
          >
            ${icon('paperclip')}${a.name}<span class="diary-visually-hidden"
              >, ${chatText(lang, 'download')}</span
            >
          </button>
          <span class="diary-muted">(${fileSize(lang, a.size)})</span>
        </li>`,
    )}
  </ul>`;
}

/** What a message still in the outbox is drawn with. */
export interface PendingView {
  readonly lang: Lang;
  readonly onRetry: (id: string) => void;
  readonly onDiscard: (id: string) => void;
}

/** A message not yet on the server: waiting, sending, or refused (with retry and delete). */
export function renderPending(v: PendingView, item: OutboxItem) {
  const lang = v.lang;
  const failed = item.state === 'failed';
  return html`<article
    class="diary-message diary-message--own ${failed ? 'diary-message--failed' : 'diary-message--pending'}"
    part=${failed ? 'message message-own message-failed' : 'message message-own message-pending'}
    data-pending=${item.id}
  >
    <p class="diary-meta"><span class="diary-strong">${chatText(lang, 'you')}</span></p>
    ${item.text ? html`<p class="diary-text diary-message-text">${item.text}</p>` : nothing}
    <p class="diary-receipt" part="receipt">
      ${
        failed
          ? html`${icon('warning')}${chatText(lang, 'failed', {
              reason: item.error?.message ?? '',
            })}`
          : html`${icon('clock')}${chatText(
              lang,
              item.state === 'sending' ? 'sending' : 'pending',
            )}`
      }
    </p>
    ${
      failed
        ? html`<div class="diary-actions">
            <button
              type="button"
              class="diary-button"
              part="button retry"
              @click=${() => v.onRetry(item.id)}
            >
              ${chatText(lang, 'retry')}
            </button>
            <button
              type="button"
              class="diary-button diary-button--secondary"
              part="button discard"
              @click=${() => v.onDiscard(item.id)}
            >
              ${chatText(lang, 'discard')}
            </button>
          </div>`
        : nothing
    }
  </article>`;
}
