import {
  WEEK_PARITIES,
  weeksOf,
  type TemplateLesson,
  type TimetableTemplate,
  type WeekParity,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../clock';
import type { ImportWatch } from './import-watch';
import type { TimetablePlan } from './timetable-plan';

const bySlot = (a: TemplateLesson, b: TemplateLesson) =>
  a.weekday - b.weekday ||
  a.number - b.number ||
  WEEK_PARITIES.indexOf(a.week ?? 'odd') - WEEK_PARITIES.indexOf(b.week ?? 'odd');

const sameLesson = (a: TemplateLesson, b: TemplateLesson) =>
  a.subjectId === b.subjectId && a.teacherId === b.teacherId && a.room === b.room;

/**
 * A class's week with `lessons` put in the weeks of their times (a lesson of odd or even weeks
 * only replaces that week's, and the other week keeps its lesson): a time whose odd and even
 * weeks end up with the same lesson holds it once, every week.
 */
export function withLessons(
  before: readonly TemplateLesson[],
  lessons: readonly TemplateLesson[],
): TemplateLesson[] {
  const halves = new Map<string, Map<WeekParity, TemplateLesson>>();
  const put = (l: TemplateLesson) => {
    const slot = `${l.weekday}|${l.number}`;
    const weeks = halves.get(slot) ?? new Map<WeekParity, TemplateLesson>();
    halves.set(slot, weeks);
    for (const w of weeksOf(l)) weeks.set(w, l);
  };
  before.forEach(put);
  lessons.forEach(put);
  const items: TemplateLesson[] = [];
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

/**
 * Writes a timetable plan without errors in the caller's transaction: each class with a new or
 * changed lesson gets its repeating week with the file's lessons put in their times and weeks,
 * the others and its exceptions kept. Classes the file leaves as they are are not written.
 */
export async function applyTimetable(
  trx: Kysely<Database>,
  plan: TimetablePlan,
  context: { readonly clock: Clock; readonly watch?: ImportWatch },
): Promise<void> {
  const changed = new Map<string, TemplateLesson[]>();
  for (const p of plan.lessons)
    if (!p.existing || p.changes.length > 0)
      changed.set(p.classId, [...(changed.get(p.classId) ?? []), p.lesson]);
  const now = context.clock.now().toISOString();
  for (const [classId, lessons] of changed) {
    const before = plan.templates.get(classId) ?? { items: [], exceptions: [] };
    const template: TimetableTemplate = {
      items: withLessons(before.items, lessons),
      exceptions: before.exceptions,
    };
    await trx.deleteFrom('timetable_templates').where('class_id', '=', classId).execute();
    await trx
      .insertInto('timetable_templates')
      .values({ class_id: classId, template: JSON.stringify(template), updated_at: now })
      .execute();
    context.watch?.wrote(lessons.length);
  }
}
