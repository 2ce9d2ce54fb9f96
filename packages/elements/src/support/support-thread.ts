import type { Attachment, Lang, Ticket } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDate } from '../shared/dates';
import { describedBy, renderError } from '../shared/form-field';
import { renderHeading } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { renderFiles } from './support-compose';
import { supportText } from './support-text';

/** What the conversation of one ticket shows. */
export interface ThreadView {
  readonly lang: Lang;
  /** The level of the conversation's heading. */
  readonly headingLevel: string;
  readonly timeZone: string;
  readonly ticket: Ticket;
  /** The signed-in user, whose messages read «Вы». */
  readonly userId: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly formError: string | undefined;
  readonly busy: boolean;
  readonly onReply: (event: SubmitEvent) => void;
  readonly onDownload: (attachment: Attachment) => void;
  readonly onBack: () => void;
}

const when = (lang: Lang, at: string, timeZone: string) =>
  formatDate(
    lang,
    at,
    { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    timeZone,
  );

/** The ticket's heading, its messages in order and the reply form. */
export function renderThread(v: ThreadView) {
  const { lang, ticket } = v;
  const replyError = v.errors.text;
  return html`<section class="diary-thread" part="thread" aria-labelledby="thread-title">
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button back"
      @click=${v.onBack}
    >
      <span aria-hidden="true">←</span> ${supportText(lang, 'back')}
    </button>
    ${renderHeading(v.headingLevel, `${ticket.number}: ${ticket.subject}`, { id: 'thread-title' })}
    <p class="diary-text" part="ticket-status">
      <span class="diary-status diary-status--${ticket.status}" data-status=${ticket.status}
        >${supportText(lang, ticket.status)}</span
      >
      ${
        ticket.applicationNumber
          ? html` · ${supportText(lang, 'aboutApplication', { number: ticket.applicationNumber })}`
          : nothing
      }
    </p>
    <ol
      class="diary-messages"
      part="messages"
      aria-label=${supportText(lang, 'conversation', { number: ticket.number })}
    >
      ${ticket.messages.map(
        (m) =>
          html`<li
            class="diary-message${m.authorId === v.userId ? ' diary-message--mine' : ''}"
            part="message"
            data-message=${m.id}
          >
            <p class="diary-message-meta">
              <strong>${supportText(lang, m.authorId === v.userId ? 'me' : 'staff')}</strong>,
              <time datetime=${m.at}>${when(lang, m.at, v.timeZone)}</time>
            </p>
            <p class="diary-message-text">${m.text}</p>
            ${
              m.attachments.length
                ? html`<ul class="diary-attachments" aria-label=${supportText(lang, 'attachments')}>
                    ${m.attachments.map(
                      (a) =>
                        html`<li>
                          <button
                            type="button"
                            class="diary-link"
                            part="attachment"
                            aria-label=${supportText(lang, 'download', { name: a.name })}
                            @click=${() => v.onDownload(a)}
                          >
                            ${a.name}
                          </button>
                        </li>`,
                    )}
                  </ul>`
                : nothing
            }
          </li>`,
      )}
    </ol>
    <form class="diary-reply" part="reply" novalidate @submit=${v.onReply}>
      ${
        v.formError
          ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>`
          : nothing
      }
      <div class="diary-field${replyError ? ' diary-field--error' : ''}">
        <label class="diary-label" for="reply">${supportText(lang, 'reply')}</label>
        ${renderError('reply', replyError, sharedText(lang, 'errorPrefix'))}
        <textarea
          class="diary-input diary-textarea"
          part="input"
          id="reply"
          name="text"
          rows="3"
          aria-invalid=${replyError ? 'true' : nothing}
          aria-describedby=${describedBy('reply', undefined, replyError) ?? nothing}
        ></textarea>
      </div>
      ${renderFiles(lang, 'reply-files', v.errors.attachmentIds)}
      <button
        class="diary-button"
        part="button reply-send"
        aria-disabled=${v.busy ? 'true' : nothing}
      >
        ${supportText(lang, v.busy ? 'sending' : 'replySend')}
      </button>
    </form>
  </section>`;
}
