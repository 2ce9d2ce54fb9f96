import type { Lang, Lesson, WeekTimetable } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDay } from '../shared/day-format';
import { renderHeading } from '../shared/heading';
import { renderParentView } from './substitutions-form';
import { substitutionsText as t } from './substitutions-text';

/** What the week's list shows and does. */
export interface WeekView {
  readonly lang: Lang;
  /** The level of the days' headings. */
  readonly headingLevel: string;
  readonly timetable: WeekTimetable;
  /** The lesson whose form is open. */
  readonly picked: string | undefined;
  readonly busy: boolean;
  readonly renderForm: (lesson: Lesson, day: string) => TemplateResult;
  readonly onPick: (lesson: Lesson) => void;
  readonly onRemove: (lesson: Lesson) => void;
}

/** «среда, 25 ноября»: a day of the week as the list and the form name it. */
export const dayName = (lang: Lang, date: string) =>
  formatDay(lang, date, { weekday: 'long', day: 'numeric', month: 'long' });

function renderLesson(v: WeekView, lesson: Lesson, day: string) {
  const { lang } = v;
  const sub = lesson.substitution;
  const names = { day, n: lesson.number, subject: lesson.subjectName };
  const picked = v.picked === lesson.id;
  return html`<li
    class="diary-lesson${sub ? ' diary-substituted' : ''}"
    part=${sub ? 'lesson lesson-substituted' : 'lesson'}
    data-lesson=${lesson.id}
  >
    <p class="diary-lesson-line">
      <span class="diary-slot"
        >${t(lang, 'lesson', { n: lesson.number, start: lesson.startTime, end: lesson.endTime })}</span
      >
      <span class="diary-subject">${lesson.subjectName}</span>
      <span>${lesson.teacherName}</span>
      <span class="diary-muted">${t(lang, 'room', { room: lesson.room })}</span>
    </p>
    ${
      sub
        ? renderParentView(lang, lesson, {
            subjectName: sub.subjectName,
            teacherName: sub.substituteTeacherName,
            originalSubjectName: sub.originalSubjectName,
            originalTeacherName: sub.originalTeacherName,
            reason: sub.reason,
            room: sub.room,
          })
        : nothing
    }
    <div class="diary-actions">
      <button
        class="diary-button diary-button--secondary"
        part="button pick"
        type="button"
        aria-expanded=${picked ? 'true' : 'false'}
        aria-label=${t(lang, sub ? 'changeLabel' : 'substituteLabel', names)}
        ?disabled=${v.busy}
        @click=${() => v.onPick(lesson)}
      >
        ${t(lang, sub ? 'change' : 'substitute')}
      </button>
      ${
        sub
          ? html`<button
              class="diary-button diary-button--secondary"
              part="button remove"
              type="button"
              aria-label=${t(lang, 'removeLabel', names)}
              ?disabled=${v.busy}
              @click=${() => v.onRemove(lesson)}
            >
              ${t(lang, 'remove')}
            </button>`
          : nothing
      }
    </div>
    ${picked ? v.renderForm(lesson, day) : nothing}
  </li>`;
}

/** The week's lessons day by day, each with its substitution (as families see it) and actions. */
export function renderWeek(v: WeekView): TemplateResult {
  const days = v.timetable.days.filter((d) => d.lessons.length > 0);
  if (days.length === 0)
    return html`<p class="diary-text diary-notice" part="notice" role="status">
      ${t(v.lang, 'emptyWeek')}
    </p>`;
  return html`${days.map((d) => {
    const day = dayName(v.lang, d.date);
    const id = `day-${d.date}`;
    return html`<section class="diary-day" aria-labelledby=${id}>
      ${renderHeading(v.headingLevel, day, { id, className: 'diary-subheading' })}
      <ol class="diary-lessons" part="list">
        ${[...d.lessons].sort((a, b) => a.number - b.number).map((l) => renderLesson(v, l, day))}
      </ol>
    </section>`;
  })}`;
}
