import type { Attendance, AttendanceStatus, Lang } from '@school-diary/core';
import { html } from 'lit';
import { formatDate } from '../shared/dates';
import { renderHeading, subLevel } from '../shared/heading';
import { plural } from '../shared/plural';
import { MISSES, attendanceText } from './attendance-text';

/** The reasons a lesson is missed, in the order a parent reads them. */
export const MISS_REASONS = ['ill', 'absent_excused', 'absent_unexcused', 'late'] as const;
type MissReason = (typeof MISS_REASONS)[number];

/** What the period's summary shows. */
export interface SummaryView {
  readonly lang: Lang;
  readonly headingLevel: string;
  /** The child's attendance in the period, every lesson. */
  readonly items: readonly Attendance[];
}

/** Counts per reason over some entries. */
export function countByReason(items: readonly Attendance[]): Record<MissReason, number> {
  const counts: Record<MissReason, number> = {
    ill: 0,
    absent_excused: 0,
    absent_unexcused: 0,
    late: 0,
  };
  for (const a of items) if (a.status !== 'present') counts[a.status] += 1;
  return counts;
}

/** Subjects with at least one absence or late arrival, most missed first. */
function bySubject(items: readonly Attendance[]) {
  const subjects = new Map<string, Attendance[]>();
  for (const a of items) {
    if (a.status === 'present') continue;
    const list = subjects.get(a.subjectName) ?? [];
    list.push(a);
    subjects.set(a.subjectName, list);
  }
  return [...subjects.entries()]
    .map(([name, list]) => ({ name, list, counts: countByReason(list) }))
    .sort((a, b) => b.list.length - a.list.length || a.name.localeCompare(b.name));
}

/** Days with an absence or late arrival, newest first, each with its lessons in order. */
function byDay(items: readonly Attendance[]) {
  const days = new Map<string, Attendance[]>();
  for (const a of items) {
    if (a.status === 'present') continue;
    const list = days.get(a.date) ?? [];
    list.push(a);
    days.set(a.date, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, list]) => ({
      date,
      list: list.sort((a, b) => a.lessonNumber - b.lessonNumber),
    }));
}

/** How one missed lesson reads: its reason, the minutes late, the teacher's note. */
export function statusText(lang: Lang, a: Attendance): string {
  const status: AttendanceStatus = a.status;
  if (status === 'present') return attendanceText(lang, 'present');
  if (status === 'late' && a.minutesLate)
    return attendanceText(lang, 'lateMinutes', { minutes: a.minutesLate });
  const text = attendanceText(lang, status === 'late' ? 'lateOne' : status);
  return a.reason ? `${text} (${a.reason})` : text;
}

function renderTotals(v: SummaryView, counts: Record<MissReason, number>) {
  const lang = v.lang;
  const missed = counts.ill + counts.absent_excused + counts.absent_unexcused;
  return html`<dl class="diary-totals" part="totals">
    <div class="diary-total diary-total--missed">
      <dt>${attendanceText(lang, 'missed')}</dt>
      <dd data-total="missed">${missed}</dd>
    </div>
    ${MISS_REASONS.map(
      (reason) =>
        html`<div class="diary-total diary-total--${reason}">
          <dt>${attendanceText(lang, reason)}</dt>
          <dd data-total=${reason}>${counts[reason]}</dd>
        </div>`,
    )}
  </dl>`;
}

/** The period's totals by reason, the counts per subject and the list of days with misses. */
export function renderSummary(v: SummaryView) {
  const lang = v.lang;
  const counts = countByReason(v.items);
  const subjects = bySubject(v.items);
  const days = byDay(v.items);
  const sub = subLevel(v.headingLevel);
  return html`${renderHeading(v.headingLevel, attendanceText(lang, 'summary'), { id: 'summary' })}
  ${renderTotals(v, counts)}
  ${
    subjects.length === 0
      ? html`<p class="diary-text diary-notice" part="notice">
          ${attendanceText(lang, 'noMisses')}
        </p>`
      : html`${renderHeading(sub, attendanceText(lang, 'bySubject'))}
          <ul class="diary-subjects" part="subjects">
            ${subjects.map(
              (s) =>
                html`<li part="subject" data-subject=${s.name}>
                  <span class="diary-subject-name">${s.name}</span>
                  <span class="diary-subject-count"
                    >${plural(lang, s.list.length, MISSES[lang])}${MISS_REASONS.filter(
                      (r) => s.counts[r] > 0,
                    ).map(
                      (r) =>
                        html`<span class="diary-chip diary-chip--${r}"
                          >${attendanceText(lang, r)}: ${s.counts[r]}</span
                        >`,
                    )}</span
                  >
                </li>`,
            )}
          </ul>
          ${renderHeading(sub, attendanceText(lang, 'byDay'))}
          <ul class="diary-days" part="days">
            ${days.map(
              (d) =>
                html`<li part="day" data-date=${d.date}>
                  <span class="diary-day-date"
                    >${formatDate(lang, d.date, { weekday: 'short', day: 'numeric', month: 'long' })}</span
                  >
                  <ul class="diary-day-lessons">
                    ${d.list.map(
                      (a) =>
                        html`<li data-lesson=${a.lessonId} data-status=${a.status}>
                          ${attendanceText(lang, 'lesson', {
                            number: a.lessonNumber,
                            subject: a.subjectName,
                          })}:
                          <span class="diary-status diary-status--${a.status}"
                            >${statusText(lang, a)}</span
                          >
                        </li>`,
                    )}
                  </ul>
                </li>`,
            )}
          </ul>`
  }`;
}
