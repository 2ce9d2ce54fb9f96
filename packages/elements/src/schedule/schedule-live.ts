import type { Homework, Substitution, WeekTimetable } from '@school-diary/core';

/** The week with a live substitution applied, or `undefined` when its lesson is not in it. */
export function withSubstitution(
  timetable: WeekTimetable,
  substitution: Substitution,
): WeekTimetable | undefined {
  if (substitution.classId !== timetable.classId) return undefined;
  let applied = false;
  const days = timetable.days.map((day) => ({
    ...day,
    lessons: day.lessons.map((lesson) => {
      if (lesson.id !== substitution.lessonId) return lesson;
      applied = true;
      return { ...lesson, substitution };
    }),
  }));
  return applied ? { ...timetable, days } : undefined;
}

/**
 * The week's homework list with a live homework added (or replaced), or `undefined` when it is
 * neither due in the week nor set at one of its lessons.
 */
export function withHomework(
  timetable: WeekTimetable,
  due: readonly Homework[],
  homework: Homework,
): Homework[] | undefined {
  if (homework.classId !== timetable.classId) return undefined;
  const inWeek =
    timetable.days.some((day) => day.date === homework.dueDate) ||
    timetable.days.some((day) => day.lessons.some((l) => l.id === homework.lessonId));
  if (!inWeek) return undefined;
  return [...due.filter((h) => h.id !== homework.id), homework];
}
