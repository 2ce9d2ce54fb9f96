import {
  ASSESSMENT_WORK_KINDS,
  assessmentKindName,
  type AssessmentKind,
  type PlannedAssessment,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { personName } from './chat-views';
import type { Services } from './context';
import { classFamilies, familyMembers } from './families';
import { englishDate, russianDate } from './journal-views';
import { notify } from './notify';

/** A row of `planned_assessments`. */
export type AssessmentRow = Selectable<Database['planned_assessments']>;

/** Which assessments to read: one, or a class's (a subject's) between two dates. */
export interface AssessmentFilter {
  readonly id?: string;
  readonly classIds?: readonly string[];
  readonly subjectId?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * The API views of the planned assessments that match, by date, lesson number and subject.
 *
 * @example
 * await assessmentViews(s.db, { classIds: ['cls_42_5a'], from: '2026-11-24' });
 */
export async function assessmentViews(
  db: Kysely<Database>,
  filter: AssessmentFilter,
): Promise<PlannedAssessment[]> {
  let query = db
    .selectFrom('planned_assessments as a')
    .innerJoin('subjects', 'subjects.id', 'a.subject_id')
    .innerJoin('users', 'users.id', 'a.teacher_id')
    .leftJoin('lessons', 'lessons.id', 'a.lesson_id')
    .selectAll('a')
    .select([
      'subjects.name as subject_name',
      'users.last_name',
      'users.first_name',
      'users.middle_name',
      'lessons.number as lesson_number',
    ]);
  if (filter.id !== undefined) query = query.where('a.id', '=', filter.id);
  if (filter.classIds) {
    if (filter.classIds.length === 0) return [];
    query = query.where('a.class_id', 'in', filter.classIds);
  }
  if (filter.subjectId !== undefined) query = query.where('a.subject_id', '=', filter.subjectId);
  if (filter.from !== undefined) query = query.where('a.date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.date', '<=', filter.to);
  const rows = await query
    .orderBy('a.date')
    .orderBy('lessons.number')
    .orderBy('subjects.name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    classId: r.class_id,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    teacherId: r.teacher_id,
    teacherName: personName(r),
    date: r.date,
    ...(r.lesson_id ? { lessonId: r.lesson_id } : {}),
    ...(r.lesson_number !== null ? { lessonNumber: r.lesson_number } : {}),
    kind: r.kind as AssessmentKind,
    topic: r.topic,
    weight: r.weight,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/**
 * Gives the marks of an assessment's lesson its weight and kind (the journal's column shows them),
 * or, with `clear`, takes back what an assessment gave a lesson it left (when the teacher has not
 * changed the lesson since).
 */
export async function markLesson(
  db: Kysely<Database>,
  row: Pick<AssessmentRow, 'lesson_id' | 'kind' | 'weight'>,
  clear = false,
): Promise<void> {
  if (!row.lesson_id) return;
  const kind = ASSESSMENT_WORK_KINDS[row.kind as AssessmentKind] ?? 'test';
  if (!clear) {
    await db
      .updateTable('lessons')
      .set({ mark_weight: row.weight, mark_kind: kind })
      .where('id', '=', row.lesson_id)
      .execute();
    return;
  }
  await db
    .updateTable('lessons')
    .set({ mark_weight: null, mark_kind: null })
    .where('id', '=', row.lesson_id)
    .where('mark_weight', '=', row.weight)
    .where('mark_kind', '=', kind)
    .execute();
}

/** What {@link sendAssessmentReminders} did. */
export interface ReminderReport {
  /** Reminders sent: one per person and child with an assessment that day. */
  readonly reminders: number;
}

/** A reminder of a day's assessments: each line names the kind, the subject and the topic. */
function reminderText(day: string, items: readonly PlannedAssessment[]) {
  const line = (lang: 'ru' | 'en', a: PlannedAssessment) =>
    `${assessmentKindName(lang, a.kind)} — ${a.subjectName}: ${a.topic}`;
  const first = items[0];
  const subject = first?.subjectName ?? '';
  return {
    title:
      items.length === 1 ? `Завтра: ${subject}` : `Завтра ${String(items.length)} проверки знаний`,
    body: `${russianDate(day)}. ${items.map((a) => line('ru', a)).join('; ')}`,
    en: {
      title: items.length === 1 ? `Tomorrow: ${subject}` : `${String(items.length)} tests tomorrow`,
      body: `${englishDate(day)}. ${items.map((a) => line('en', a)).join('; ')}`,
    },
    targetId: first?.id ?? null,
  };
}

/**
 * Reminds the families (parents and the pupil) of every class with an assessment planned on `day`:
 * one reminder per person and child, listing the day's assessments, through the channels each
 * chose for `assessment`. Call it outside any transaction, the day before (the schedule does:
 * {@link runDueAssessmentReminders}).
 *
 * @example
 * await sendAssessmentReminders(s, { day: '2026-11-26' }); // { reminders: 3 }
 */
export async function sendAssessmentReminders(
  s: Services,
  options: { readonly day: string },
): Promise<ReminderReport> {
  const views = await assessmentViews(s.db, { from: options.day, to: options.day });
  const byClass = new Map<string, PlannedAssessment[]>();
  for (const view of views) byClass.set(view.classId, [...(byClass.get(view.classId) ?? []), view]);
  let reminders = 0;
  for (const [classId, items] of byClass) {
    const text = reminderText(options.day, items);
    for (const family of await classFamilies(s.db, classId)) {
      for (const userId of familyMembers(family)) {
        await notify(s, s.db, { userId, kind: 'assessment', childId: family.childId, ...text });
        reminders += 1;
      }
    }
  }
  return { reminders };
}

const DAY = 24 * 3600 * 1000;

/**
 * Sends the reminders of tomorrow's assessments, if nobody has: the `settings` row
 * `assessment-reminders` holds the last day reminded of. The first check only records where we
 * are, and the claim is taken before sending, so a crash skips a reminder rather than repeating
 * it. Returns the day reminded of, or null.
 */
export async function runDueAssessmentReminders(s: Services): Promise<string | null> {
  const key = 'assessment-reminders';
  const now = s.clock.now();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const day = new Date(today + DAY).toISOString().slice(0, 10);
  const row = await s.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) {
    await s.db
      .insertInto('settings')
      .values({ key, value: day })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return null;
  }
  if (row.value >= day) return null;
  const taken = await s.db
    .updateTable('settings')
    .set({ value: day })
    .where('key', '=', key)
    .where('value', '=', row.value)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return null;
  await sendAssessmentReminders(s, { day });
  return day;
}
