import type { Attachment, Homework, Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDay } from '../shared/day-format';
import { renderLinkedText } from './homework-links';
import { homeworkText as t } from './homework-text';

/** The state a piece of homework is in for the child. */
export type HomeworkState = 'done' | 'overdue' | 'open';

/** Done when ticked; overdue when its due date has passed without the tick; open otherwise. */
export function homeworkState(homework: Homework, today: string): HomeworkState {
  if (homework.done) return 'done';
  return homework.dueDate < today ? 'overdue' : 'open';
}

/** What one item needs besides the homework. */
export interface ItemOptions {
  readonly lang: Lang;
  readonly today: string;
  /** Which list the item is in, so the tick's id is unique in the widget. */
  readonly list: 'due' | 'overdue';
  readonly showDue: boolean;
  readonly busy: boolean;
  readonly onTick: (homework: Homework, done: boolean) => void;
  readonly onDownload: (attachment: Attachment) => void;
}

/**
 * One piece of homework: its subject and state, the teacher's text with its links, the files to
 * download, and the «Сделано» tick.
 */
export function renderItem(homework: Homework, o: ItemOptions) {
  const state = homeworkState(homework, o.today);
  const tickId = `${o.list}-done-${homework.id}`;
  return html`<li
    class="diary-homework diary-homework--${state}"
    part="item item-${state}"
    data-homework=${homework.id}
    data-state=${state}
  >
    <p class="diary-homework-head">
      <span class="diary-homework-subject">${homework.subjectName}</span>
      ${
        state === 'open'
          ? nothing
          : html`<span class="diary-badge diary-badge--${state}" part="badge"
              >${t(o.lang, state)}</span
            >`
      }
    </p>
    ${
      o.showDue
        ? html`<p class="diary-homework-due">
            ${t(o.lang, 'due', { date: formatDay(o.lang, homework.dueDate) })}
          </p>`
        : nothing
    }
    <p class="diary-homework-text" part="text">
      ${renderLinkedText(homework.text, t(o.lang, 'newTab'))}
    </p>
    ${
      homework.attachments.length
        ? html`<ul class="diary-files" aria-label=${t(o.lang, 'attachments')}>
            ${homework.attachments.map(
              (a) =>
                html`<li>
                  <button
                    type="button"
                    class="diary-button diary-button--secondary"
                    part="button attachment"
                    @click=${() => o.onDownload(a)}
                  >
                    ${t(o.lang, 'download', { name: a.name })}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <label class="diary-tick" part="tick" for=${tickId}>
      <input
        type="checkbox"
        id=${tickId}
        .checked=${homework.done === true}
        ?disabled=${o.busy}
        @change=${(event: Event) => o.onTick(homework, (event.target as HTMLInputElement).checked)}
      />
      ${t(o.lang, 'done')}
    </label>
  </li>`;
}
