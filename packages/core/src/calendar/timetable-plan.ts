import type { Bell, Holiday } from '../schemas/school-setup-edit.js';
import type { TemplateLesson, TimetableTemplate } from '../schemas/timetable-template.js';
import { datesBetween, isoDayOfWeek } from './calendar-day.js';
import { weekParityOn } from './week-parity.js';

/** One lesson the repeating week makes on a date. */
export interface PlannedLesson {
  readonly date: string;
  readonly number: number;
  readonly subjectId: string;
  readonly teacherId: string;
  readonly room: string;
  readonly startTime: string;
  readonly endTime: string;
}

/** What {@link planLessons} needs besides the template. */
export interface LessonPlanOptions {
  readonly from: string;
  readonly to: string;
  /** Days without lessons. */
  readonly holidays: readonly Holiday[];
  /** When each lesson number starts and ends; a number without a bell gets `00:00`–`00:00`. */
  readonly bells: readonly Bell[];
  /**
   * The first day of the class's school year: a lesson of odd or even weeks only is made in the
   * weeks of that parity counted from it (see {@link weekParityOn}).
   */
  readonly yearStart: string;
}

const isHoliday = (date: string, holidays: readonly Holiday[]) =>
  holidays.some((h) => h.startDate <= date && date <= h.endDate);

/**
 * The lessons a class's repeating week makes from `from` to `to`: each weekday's lessons on every
 * date of that weekday that is not a holiday (a lesson of odd or even weeks only, in the weeks of
 * its parity from the start of the school year), with the exceptions applied — a cancelled lesson is
 * not made, a replaced one takes the exception's subject, teacher or room, and a moved one is made
 * on `toDate` / as lesson `toNumber` instead (if that date is in the range). Sorted by date and
 * number; one lesson per date and number, the later exception winning.
 *
 * @example
 * planLessons({ items: [{ weekday: 1, number: 1, subjectId: 'sub_math', teacherId: 'usr_t', room: '12' }], exceptions: [] },
 *   { from: '2026-11-23', to: '2026-11-29', holidays: [], bells: [], yearStart: '2026-09-01' }); // one lesson on Monday 23rd
 */
export function planLessons(
  template: TimetableTemplate,
  options: LessonPlanOptions,
): PlannedLesson[] {
  const bell = (n: number) => options.bells.find((b) => b.number === n);
  const make = (
    date: string,
    number: number,
    lesson: Omit<TemplateLesson, 'weekday' | 'number'>,
  ) => ({
    date,
    number,
    subjectId: lesson.subjectId,
    teacherId: lesson.teacherId,
    room: lesson.room,
    startTime: bell(number)?.startTime ?? '00:00',
    endTime: bell(number)?.endTime ?? '00:00',
  });
  const slots = new Map<string, PlannedLesson>();
  const key = (date: string, number: number) => `${date}|${String(number).padStart(2, '0')}`;
  for (const date of datesBetween(options.from, options.to)) {
    if (isHoliday(date, options.holidays)) continue;
    const weekday = isoDayOfWeek(date);
    const week = weekParityOn(date, options.yearStart);
    for (const lesson of template.items)
      if (lesson.weekday === weekday && (lesson.week ?? week) === week)
        slots.set(key(date, lesson.number), make(date, lesson.number, lesson));
  }
  for (const e of template.exceptions) {
    const slot = slots.get(key(e.date, e.number));
    if (!slot) continue;
    slots.delete(key(e.date, e.number));
    if (e.change === 'cancelled') continue;
    const changed = {
      subjectId: e.subjectId ?? slot.subjectId,
      teacherId: e.teacherId ?? slot.teacherId,
      room: e.room ?? slot.room,
    };
    if (e.change === 'replaced') {
      slots.set(key(e.date, e.number), make(e.date, e.number, changed));
      continue;
    }
    const date = e.toDate ?? e.date;
    const number = e.toNumber ?? e.number;
    if (date >= options.from && date <= options.to)
      slots.set(key(date, number), make(date, number, changed));
  }
  return [...slots.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, lesson]) => lesson);
}
