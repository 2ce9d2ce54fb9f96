import {
  addDays,
  datesBetween,
  formatIsoWeek,
  parseIsoWeek,
  weekMonday,
  type IsoWeek,
  type OutputOf,
  type Routes,
  type Substitution,
  type WeekTimetable,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, fieldError, type RawFieldError } from './domain-error';
import type { Services } from './context';
import type { ClassRow } from './journal-access';
import { homeworkRows, homeworkViews, lessonRows, substitutionRows } from './journal-queries';
import { lessonView, substitutionView } from './journal-views';

type LessonInput = OutputOf<Routes['schedule']['setWeek']['body']>['lessons'][number];

/** The school days of a week: Monday to Saturday. */
export interface SchoolWeek {
  readonly week: IsoWeek;
  readonly monday: string;
  readonly saturday: string;
}

/**
 * The school days of an ISO week given as `YYYY-Www`; 400 on `week` for a week the year does not
 * have (2025-W53).
 *
 * @example
 * schoolWeek('2026-W48'); // { week: { year: 2026, week: 48 }, monday: '2026-11-23', saturday: '2026-11-28' }
 */
export function schoolWeek(text: string): SchoolWeek {
  const week = parseIsoWeek(text);
  if (!week) throw fieldError('week', 'impossible_date');
  const monday = weekMonday(week);
  return { week, monday, saturday: addDays(monday, 5) };
}

/**
 * A class's timetable for a week: each day Monday to Saturday with its lessons by number, each
 * lesson with its substitution and the homework set at it.
 *
 * @example
 * await weekTimetable(s.db, classId, schoolWeek('2026-W48'));
 */
export async function weekTimetable(
  db: Kysely<Database>,
  classId: string,
  { week, monday, saturday }: SchoolWeek,
): Promise<WeekTimetable> {
  const lessons = await lessonRows(db, classId, monday, saturday);
  const substitutions = await substitutionRows(db, { classId, from: monday, to: saturday });
  const lessonIds = lessons.map((l) => l.id);
  const homework = await homeworkViews(db, await homeworkRows(db, { lessonIds }));
  const byLesson = new Map<string, Substitution>(
    substitutions.map((row) => [row.lesson_id, substitutionView(row)]),
  );
  const days = datesBetween(monday, saturday).map((date) => ({
    date,
    lessons: lessons
      .filter((l) => l.date === date)
      .map((l) =>
        lessonView(
          l,
          byLesson.get(l.id),
          homework.filter((h) => h.lessonId === l.id),
        ),
      ),
  }));
  return { classId, week: formatIsoWeek(week), days };
}

/**
 * Every problem with a week's lessons at once, as field errors: a date outside the week, an end
 * not after the start, a second lesson with the same number on a day, a subject or teacher that is
 * not the school's. Throws 400 `validation_failed` when there is any.
 *
 * @example
 * await assertWeekLessons(s, cls, body.lessons, week);
 */
export async function assertWeekLessons(
  s: Services,
  cls: ClassRow,
  lessons: readonly LessonInput[],
  week: SchoolWeek,
): Promise<void> {
  const subjects = new Set(
    (
      await s.db
        .selectFrom('subjects')
        .select('id')
        .where('school_id', '=', cls.school_id)
        .execute()
    ).map((r) => r.id),
  );
  const teachers = new Set(
    (
      await s.db
        .selectFrom('users')
        .select('id')
        .where('school_id', '=', cls.school_id)
        .where('role', '=', 'teacher')
        .execute()
    ).map((r) => r.id),
  );
  const fields: RawFieldError[] = [];
  const slots = new Set<string>();
  lessons.forEach((lesson, i) => {
    const at = (field: string) => `lessons.${i}.${field}`;
    if (lesson.date < week.monday) {
      fields.push({ path: at('date'), code: 'too_small', params: { minimum: week.monday } });
    } else if (lesson.date > week.saturday) {
      fields.push({ path: at('date'), code: 'too_big', params: { maximum: week.saturday } });
    }
    if (lesson.endTime <= lesson.startTime)
      fields.push({ path: at('endTime'), code: 'date_order' });
    const slot = `${lesson.date}#${lesson.number}`;
    if (slots.has(slot)) fields.push({ path: at('number'), code: 'already_registered' });
    slots.add(slot);
    if (!subjects.has(lesson.subjectId))
      fields.push({ path: at('subjectId'), code: 'invalid_option' });
    if (!teachers.has(lesson.teacherId))
      fields.push({ path: at('teacherId'), code: 'invalid_option' });
  });
  if (fields.length > 0) throw new DomainError('validation_failed', { fields });
}

/**
 * Replaces a week's lessons inside a transaction: a lesson in a slot (date and number) the input
 * names is updated in place, keeping its marks, attendance, homework and substitution; a slot the
 * input does not name loses its lesson unless marks or attendance were recorded at it; new slots
 * get new lessons. Returns how many lessons were removed.
 *
 * @example
 * const removed = await replaceWeekLessons(s, trx, classId, body.lessons, week);
 */
export async function replaceWeekLessons(
  s: Services,
  trx: Kysely<Database>,
  classId: string,
  lessons: readonly LessonInput[],
  week: SchoolWeek,
): Promise<number> {
  const existing = await trx
    .selectFrom('lessons')
    .select(['id', 'date', 'number'])
    .where('class_id', '=', classId)
    .where('date', '>=', week.monday)
    .where('date', '<=', week.saturday)
    .execute();
  const bySlot = new Map(existing.map((l) => [`${l.date}#${l.number}`, l.id]));
  const wanted = new Set<string>();
  for (const lesson of lessons) {
    const slot = `${lesson.date}#${lesson.number}`;
    wanted.add(slot);
    const values = {
      start_time: lesson.startTime,
      end_time: lesson.endTime,
      subject_id: lesson.subjectId,
      teacher_id: lesson.teacherId,
      room: lesson.room,
    };
    const id = bySlot.get(slot);
    if (id) await trx.updateTable('lessons').set(values).where('id', '=', id).execute();
    else {
      const row = { id: s.ids('les'), class_id: classId, date: lesson.date, number: lesson.number };
      await trx
        .insertInto('lessons')
        .values({ ...row, ...values })
        .execute();
    }
  }
  const stale = existing.filter((l) => !wanted.has(`${l.date}#${l.number}`)).map((l) => l.id);
  return removeUnusedLessons(trx, stale);
}

/** Deletes the lessons without marks or attendance (their substitutions too; homework stays). */
async function removeUnusedLessons(trx: Kysely<Database>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const used = new Set(
    [
      ...(await trx
        .selectFrom('marks')
        .select('lesson_id')
        .where('lesson_id', 'in', ids)
        .execute()),
      ...(await trx
        .selectFrom('attendance')
        .select('lesson_id')
        .where('lesson_id', 'in', ids)
        .execute()),
    ].map((r) => r.lesson_id),
  );
  const removable = ids.filter((id) => !used.has(id));
  if (removable.length === 0) return 0;
  await trx.deleteFrom('substitutions').where('lesson_id', 'in', removable).execute();
  await trx
    .updateTable('homework')
    .set({ lesson_id: null })
    .where('lesson_id', 'in', removable)
    .execute();
  // A test planned at a removed lesson stays planned on its date.
  await trx
    .updateTable('planned_assessments')
    .set({ lesson_id: null })
    .where('lesson_id', 'in', removable)
    .execute();
  await trx.deleteFrom('lessons').where('id', 'in', removable).execute();
  return removable.length;
}
