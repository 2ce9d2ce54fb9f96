import type { Lang, Teacher, Thread } from '@school-diary/core';
import { html, nothing } from 'lit';
import { localizeWeekdays } from '../shared/day-format';
import { renderHeading } from '../shared/heading';
import { personName } from '../shared/person-name';
import { plural } from '../shared/plural';
import { chatText, unreadForms } from './chat-text';

/** What the lists of conversations and teachers show, and where the reader's choices go. */
export interface ListsView {
  readonly lang: Lang;
  /** The level of the lists' headings (one below the widget's title). */
  readonly headingLevel: string;
  readonly threads: readonly Thread[];
  /** The child's teachers, to write to; none for a teacher, whom the families write to. */
  readonly teachers: readonly Teacher[] | undefined;
  /** Whether each conversation names its family member (the teacher's list). */
  readonly withFamily: boolean;
  readonly onOpen: (threadId: string) => void;
  readonly onWrite: (teacher: Teacher) => void;
}

function unread(lang: Lang, count: number) {
  if (count === 0) return nothing;
  return html`<span class="diary-unread" part="unread"
    >${plural(lang, count, unreadForms[lang])}</span
  >`;
}

function notice(text: string) {
  return html`<div class="diary-notice" part="notice"><p class="diary-text">${text}</p></div>`;
}

/** The conversations (newest first, with unread counts) and the child's teachers, if any. */
export function renderLists(v: ListsView) {
  const { lang, threads, teachers } = v;
  const level = v.headingLevel;
  return html`${renderHeading(level, chatText(lang, 'threads'), {
      id: 'lists-heading',
      className: 'diary-subheading diary-visually-hidden',
      focusable: true,
    })}
    <div class="diary-lists">
      <section aria-labelledby="threads-heading">
        ${renderHeading(level, chatText(lang, 'threads'), {
          id: 'threads-heading',
          className: 'diary-subheading',
        })}
        ${
          threads.length === 0
            ? notice(chatText(lang, teachers ? 'noThreads' : 'noFamilyThreads'))
            : html`<ul class="diary-items" part="threads">
                ${threads.map(
                  (t) =>
                    html`<li part="thread" data-thread=${t.id}>
                      <button
                        type="button"
                        class="diary-thread-button"
                        part="button open"
                        @click=${() => v.onOpen(t.id)}
                      >
                        <span class="diary-strong">${t.title}</span>
                        ${v.withFamily ? html`<span>${t.participantName}</span>` : nothing}
                        ${unread(lang, t.unreadCount)}
                        ${
                          t.lastMessagePreview
                            ? html`<span class="diary-muted diary-preview"
                                >${t.lastMessagePreview}</span
                              >`
                            : nothing
                        }
                      </button>
                    </li>`,
                )}
              </ul>`
        }
      </section>
      ${teachers ? renderTeachers(v, teachers) : nothing}
    </div>`;
}

function renderTeachers(v: ListsView, teachers: readonly Teacher[]) {
  const lang = v.lang;
  return html`<section aria-labelledby="teachers-heading">
    ${renderHeading(v.headingLevel, chatText(lang, 'teachers'), {
      id: 'teachers-heading',
      className: 'diary-subheading',
    })}
    ${
      teachers.length === 0
        ? notice(chatText(lang, 'noTeachers'))
        : html`<ul class="diary-items" part="teachers">
            ${teachers.map((t) => renderTeacher(v, t))}
          </ul>`
    }
  </section>`;
}

function renderTeacher(v: ListsView, t: Teacher) {
  const lang = v.lang;
  const thread = v.threads.find((th) => th.teacherId === t.id);
  const name = personName(t);
  return html`<li part="teacher" data-teacher=${t.id}>
    <span class="diary-strong">${name}</span>
    <span>${t.subjects.map((s) => s.name).join(', ')}</span>
    ${
      t.contactHours
        ? html`<span class="diary-muted"
            >${chatText(lang, 'contactHours', { hours: localizeWeekdays(lang, t.contactHours) })}</span
          >`
        : nothing
    }
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part=${thread ? 'button open' : 'button write'}
      @click=${() => (thread ? v.onOpen(thread.id) : v.onWrite(t))}
    >
      ${chatText(lang, thread ? 'open' : 'write')}<span class="diary-visually-hidden"
        >: ${name}</span
      >
    </button>
  </li>`;
}
