import type { Homework, PlannedAssessment, WeekTimetable } from '@school-diary/core';

/** Homework as a timetable cell shows it. */
export interface ShownHomework {
  readonly homework: Homework;
  /**
   * `true` when it is shown under the lesson where it was set because no lesson of its subject
   * falls on its due date: the cell then says when it is due.
   */
  readonly dueElsewhere: boolean;
}

/** Whether a calendar day `YYYY-MM-DD` is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The days a week shows: every weekday, and Saturday or Sunday only when it has lessons. */
export function shownDays(timetable: WeekTimetable): WeekTimetable['days'] {
  return timetable.days.filter((day) => day.lessons.length > 0 || !isWeekend(day.date));
}

/**
 * The homework of a week by the lesson it is shown under: the first lesson of its subject on its
 * due date, so Monday's homework is under Monday's lessons even when it was set the week before.
 * Homework due on a day without a lesson of its subject stays under the lesson where it was set.
 *
 * @param due the class's homework due this week (`homework.list`), when it could be loaded; the
 *   homework set at this week's lessons is used as well
 */
export function homeworkByLesson(
  timetable: WeekTimetable,
  due: readonly Homework[] | undefined,
): Map<string, ShownHomework[]> {
  const lessons = timetable.days.flatMap((day) => day.lessons);
  const all = new Map<string, Homework>();
  for (const lesson of lessons)
    for (const homework of lesson.homework) all.set(homework.id, homework);
  for (const homework of due ?? []) all.set(homework.id, homework);
  const dates = new Set(timetable.days.map((day) => day.date));
  const shown = new Map<string, ShownHomework[]>();
  const add = (lessonId: string, item: ShownHomework) =>
    shown.set(lessonId, [...(shown.get(lessonId) ?? []), item]);
  for (const homework of all.values()) {
    const dueLesson = lessons
      .filter((l) => l.date === homework.dueDate && l.subjectId === homework.subjectId)
      .sort((a, b) => a.number - b.number)[0];
    if (dueLesson) add(dueLesson.id, { homework, dueElsewhere: false });
    else if (
      dates.has(homework.dueDate) &&
      homework.lessonId &&
      lessons.some((l) => l.id === homework.lessonId)
    )
      add(homework.lessonId, { homework, dueElsewhere: true });
  }
  return shown;
}

/**
 * The planned tests of a week by the lesson they are shown on: their own lesson, else the first
 * lesson of their subject on their date. A test on a day without such a lesson is not shown.
 */
export function testsByLesson(
  timetable: WeekTimetable,
  tests: readonly PlannedAssessment[] | undefined,
): Map<string, PlannedAssessment[]> {
  const lessons = timetable.days.flatMap((day) => day.lessons);
  const shown = new Map<string, PlannedAssessment[]>();
  for (const test of tests ?? []) {
    const lesson =
      lessons.find((l) => l.id === test.lessonId) ??
      lessons
        .filter((l) => l.date === test.date && l.subjectId === test.subjectId)
        .sort((a, b) => a.number - b.number)[0];
    if (lesson) shown.set(lesson.id, [...(shown.get(lesson.id) ?? []), test]);
  }
  return shown;
}
