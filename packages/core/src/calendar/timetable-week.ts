// The weeks of an alternating timetable and how a class's repeating week takes new lessons: no
// schemas here, so a widget that edits the week pulls in only these few functions.
import type { TemplateLesson } from '../schemas/timetable-template.js';

/**
 * The weeks of alternating timetables: `odd` is the first week of the school year and every second
 * one after it (нечётная, «числитель»), `even` the others (чётная, «знаменатель»).
 */
export const WEEK_PARITIES = ['odd', 'even'] as const;
/** An odd or an even week of the school year. */
export type WeekParity = (typeof WEEK_PARITIES)[number];

/**
 * The weeks a lesson of the repeating week is on: its one parity, or both when it is every week.
 *
 * @example
 * weeksOf({ week: 'odd' }); // ['odd']
 * weeksOf({}); // ['odd', 'even']
 */
export function weeksOf(lesson: { readonly week?: WeekParity | undefined }): readonly WeekParity[] {
  return lesson.week ? [lesson.week] : WEEK_PARITIES;
}

type Lesson = TemplateLesson;

const sameLesson = (a: Lesson, b: Lesson) =>
  a.subjectId === b.subjectId && a.teacherId === b.teacherId && a.room === b.room;

/**
 * What a lesson read from a timetable changes in a class's repeating week: the lessons now in the
 * weeks it covers (the first of them as `existing`), the fields where any of them differs, and
 * `week` when it covers a week that had no lesson at that time. No `existing`: a new lesson.
 *
 * @example
 * timetableLessonChange({ weekday: 1, number: 1, subjectId: 's2', teacherId: 't', room: '1', week: 'odd' },
 *   [{ weekday: 1, number: 1, subjectId: 's1', teacherId: 't', room: '1' }]);
 * // { existing: { …subjectId: 's1' }, changes: ['subjectId'] }
 */
export function timetableLessonChange(
  lesson: Lesson,
  items: readonly Lesson[],
): { readonly existing: Lesson | undefined; readonly changes: readonly string[] } {
  const inSlot = items.filter((l) => l.weekday === lesson.weekday && l.number === lesson.number);
  const occupants = weeksOf(lesson).map((w) => inSlot.find((l) => weeksOf(l).includes(w)));
  const existing = occupants.find((l) => l !== undefined);
  if (!existing) return { existing, changes: [] };
  const changes = (['subjectId', 'teacherId', 'room'] as const).filter((k) =>
    occupants.some((l) => l !== undefined && l[k] !== lesson[k]),
  );
  return { existing, changes: occupants.includes(undefined) ? [...changes, 'week'] : changes };
}

const bySlot = (a: Lesson, b: Lesson) =>
  a.weekday - b.weekday ||
  a.number - b.number ||
  WEEK_PARITIES.indexOf(a.week ?? 'odd') - WEEK_PARITIES.indexOf(b.week ?? 'odd');

/**
 * A class's repeating week with `lessons` put in the weeks of their times: a lesson of odd or even
 * weeks only replaces that week's lesson and the other week keeps its own; a time whose odd and
 * even weeks end with the same lesson holds it once, every week. Sorted by weekday, number, week.
 *
 * @example
 * withTimetableLessons([math], [{ ...physics, week: 'odd' }]); // [{ ...physics, week: 'odd' }, { ...math, week: 'even' }]
 */
export function withTimetableLessons(
  before: readonly Lesson[],
  lessons: readonly Lesson[],
): Lesson[] {
  const halves = new Map<string, Map<WeekParity, Lesson>>();
  const put = (l: Lesson) => {
    const slot = `${l.weekday}|${l.number}`;
    const weeks = halves.get(slot) ?? new Map<WeekParity, Lesson>();
    halves.set(slot, weeks);
    for (const w of weeksOf(l)) weeks.set(w, l);
  };
  before.forEach(put);
  lessons.forEach(put);
  const items: Lesson[] = [];
  for (const weeks of halves.values()) {
    const odd = weeks.get('odd');
    const even = weeks.get('even');
    if (odd && even && sameLesson(odd, even)) {
      const { week: _, ...every } = odd;
      items.push(every);
      continue;
    }
    if (odd) items.push({ ...odd, week: 'odd' });
    if (even) items.push({ ...even, week: 'even' });
  }
  return items.sort(bySlot);
}
