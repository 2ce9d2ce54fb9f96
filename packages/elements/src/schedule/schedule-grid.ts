import type { Lang, Lesson, PlannedAssessment, WeekTimetable } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDate } from '../shared/dates';
import { renderHeading } from '../shared/heading';
import { renderPlannedTest } from '../shared/planned-test';
import type { ShownHomework } from './schedule-homework';
import { scheduleText } from './schedule-text';

/** What the week table and the day view show and do. */
export interface TimetableView {
  readonly lang: Lang;
  /** The level of the day's heading (one below the widget's title). */
  readonly headingLevel: string;
  /** Today in the school's time zone, `YYYY-MM-DD`. */
  readonly today: string;
  /** The days shown (an empty Saturday or Sunday left out). */
  readonly days: WeekTimetable['days'];
  readonly caption: string;
  readonly homework: ReadonlyMap<string, readonly ShownHomework[]>;
  /** The planned tests by the lesson they are written at. */
  readonly tests: ReadonlyMap<string, readonly PlannedAssessment[]>;
  /** The day of the day view. */
  readonly day: string | undefined;
  readonly onDay: (date: string) => void;
  readonly notice: (text: string) => unknown;
}

/** The lesson slots of the days shown: number and time, in order. */
function slotsOf(days: WeekTimetable['days']): { number: number; time: string }[] {
  const slots = new Map<number, string>();
  for (const day of days)
    for (const lesson of day.lessons)
      if (!slots.has(lesson.number))
        slots.set(lesson.number, `${lesson.startTime}–${lesson.endTime}`);
  return [...slots.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([number, time]) => ({ number, time }));
}

function dayName(lang: Lang, date: string, style: 'short' | 'long') {
  return formatDate(lang, date, {
    weekday: style,
    day: 'numeric',
    month: style === 'short' ? 'short' : 'long',
  });
}

/** The week as a data table: days as column headers of equal width, lesson slots as row headers. */
export function renderWeekTable(v: TimetableView) {
  const { lang, days } = v;
  return html`<div class="diary-scroll" tabindex="0" role="region" aria-labelledby="week-caption">
    <table class="diary-grid diary-week" part="table">
      <caption part="caption" id="week-caption">
        ${v.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" part="slot-header" class="diary-slot-column">
            ${scheduleText(lang, 'lessonHeader')}
          </th>
          ${days.map(
            (day) =>
              html`<th
                scope="col"
                part="day-header"
                class=${day.date === v.today ? 'diary-today' : ''}
                aria-current=${day.date === v.today ? 'date' : nothing}
              >
                ${dayName(lang, day.date, 'short')}
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${slotsOf(days).map(
          (slot) =>
            html`<tr>
              <th scope="row" part="slot-header">
                <span class="diary-slot">${scheduleText(lang, 'slot', { n: slot.number })}</span>
                <span class="diary-muted">${slot.time}</span>
              </th>
              ${days.map((day) => {
                const lessons = day.lessons.filter((l) => l.number === slot.number);
                if (lessons.length === 0)
                  return html`<td class="diary-empty">
                    <span class="diary-visually-hidden">${scheduleText(lang, 'noLesson')}</span>
                  </td>`;
                const substituted = lessons.some((l) => l.substitution);
                return html`<td
                  part=${substituted ? 'lesson lesson-substituted' : 'lesson'}
                  class=${substituted ? 'diary-substituted' : ''}
                  data-lesson=${lessons.map((l) => l.id).join(' ')}
                >
                  ${lessons.map((lesson) => renderLesson(v, lesson, slot.time))}
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One day at a time: a button per day and the day's lessons as a list. */
export function renderDayList(v: TimetableView) {
  const { lang, days } = v;
  const day = days.find((d) => d.date === v.day) ?? days[0];
  if (!day) return nothing;
  return html`<div class="diary-days" role="group" aria-label=${scheduleText(lang, 'dayPicker')}>
      ${days.map(
        (d) =>
          html`<button
            type="button"
            class="diary-button diary-button--secondary"
            part="button day"
            aria-pressed=${String(d.date === day.date)}
            aria-current=${d.date === v.today ? 'date' : nothing}
            @click=${() => v.onDay(d.date)}
          >
            ${formatDate(lang, d.date, { weekday: 'short', day: 'numeric' })}
          </button>`,
      )}
    </div>
    ${renderHeading(v.headingLevel, dayName(lang, day.date, 'long'), {
      id: 'day-heading',
      className: 'diary-subheading',
    })}
    ${
      day.lessons.length === 0
        ? v.notice(scheduleText(lang, 'dayEmpty'))
        : html`<ol class="diary-day" part="day-list" aria-labelledby="day-heading">
            ${[...day.lessons]
              .sort((a, b) => a.number - b.number)
              .map(
                (lesson) =>
                  html`<li
                    part=${lesson.substitution ? 'lesson lesson-substituted' : 'lesson'}
                    class=${lesson.substitution ? 'diary-substituted' : ''}
                    data-lesson=${lesson.id}
                  >
                    <span class="diary-slot"
                      >${scheduleText(lang, 'slot', { n: lesson.number })}</span
                    >
                    ${renderLesson(v, lesson, '')}
                  </li>`,
              )}
          </ol>`
    }`;
}

function renderLesson(v: TimetableView, lesson: Lesson, slotTime: string) {
  const { lang } = v;
  const sub = lesson.substitution;
  const time = `${lesson.startTime}–${lesson.endTime}`;
  const room = sub?.room ?? lesson.room;
  return html`<div class="diary-lesson">
    ${time !== slotTime ? html`<span class="diary-muted">${time}</span>` : nothing}
    ${
      sub
        ? html`<strong class="diary-badge" part="substitution-badge"
            ><span aria-hidden="true">⇄ </span>${scheduleText(lang, 'substituted')}</strong
          >`
        : nothing
    }
    <span class="diary-subject">${sub?.subjectName ?? lesson.subjectName}</span>
    <span>${sub?.substituteTeacherName ?? lesson.teacherName}</span>
    <span class="diary-muted">${scheduleText(lang, 'room', { room })}</span>
    ${
      sub
        ? html`<ul class="diary-substitution" part="substitution">
            <li>${scheduleText(lang, 'instead', { teacher: sub.originalTeacherName })}</li>
            ${
              sub.originalSubjectName !== sub.subjectName
                ? html`<li>
                    ${scheduleText(lang, 'insteadSubject', { subject: sub.originalSubjectName })}
                  </li>`
                : nothing
            }
            ${sub.reason ? html`<li>${scheduleText(lang, 'reason', { reason: sub.reason })}</li>` : nothing}
            ${
              sub.room && sub.room !== lesson.room
                ? html`<li>${scheduleText(lang, 'changedRoom', { room: sub.room })}</li>`
                : nothing
            }
          </ul>`
        : nothing
    }
    ${(v.tests.get(lesson.id) ?? []).map((test) => renderPlannedTest(lang, test))}
    ${(v.homework.get(lesson.id) ?? []).map((item) => renderHomework(lang, item))}
  </div>`;
}

/** Homework in a cell: «ДЗ:» and the task (the due date only when it is not this lesson). */
function renderHomework(lang: Lang, { homework, dueElsewhere }: ShownHomework) {
  return html`<p class="diary-homework" part="homework" data-homework=${homework.id}>
    <span class="diary-homework-label"
      ><abbr title=${scheduleText(lang, 'homework')} aria-hidden="true"
        >${scheduleText(lang, 'homeworkShort')}</abbr
      ><span class="diary-visually-hidden">${scheduleText(lang, 'homework')}</span>${
        dueElsewhere
          ? ` ${scheduleText(lang, 'homeworkDue', {
              date: formatDate(lang, homework.dueDate, { day: 'numeric', month: 'long' }),
            })}`
          : ''
      }:</span
    >
    ${homework.text}
    ${homework.attachments.map(
      (a) =>
        html`<span class="diary-muted"
          >${scheduleText(lang, 'attachment', { name: a.name })}</span
        >`,
    )}
  </p>`;
}
