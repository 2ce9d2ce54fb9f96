import {
  withTimetableLessons,
  type TemplateLesson,
  type TimetableTemplate,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../clock';
import type { ImportWatch } from './import-watch';
import type { TimetablePlan } from './timetable-plan';

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
      items: withTimetableLessons(before.items, lessons),
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
