import type { Attachment, Homework } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  homeworkView,
  type AttendanceRow,
  type FinalMarkRow,
  type HomeworkRow,
  type LessonRow,
  type MarkRow,
  type SubstitutionRow,
} from './journal-views';

type Db = Kysely<Database>;

/** What a marks read narrows by; every filter is optional. */
export interface MarkFilter {
  readonly childIds?: readonly string[];
  readonly markId?: string;
  readonly subjectId?: string | undefined;
  readonly kind?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * Marks with subject and teacher names, in chronological order (date, then entry order).
 *
 * @example
 * await markRows(s.db, { childIds: [child.id], from: '2026-09-01', to: '2026-10-26' });
 */
export async function markRows(db: Db, filter: MarkFilter): Promise<MarkRow[]> {
  let query = db
    .selectFrom('marks')
    .innerJoin('subjects', 'subjects.id', 'marks.subject_id')
    .innerJoin('users as t', 't.id', 'marks.teacher_id')
    .selectAll('marks')
    .select([
      'subjects.name as subject_name',
      't.last_name as teacher_last_name',
      't.first_name as teacher_first_name',
      't.middle_name as teacher_middle_name',
    ]);
  if (filter.childIds) {
    if (filter.childIds.length === 0) return [];
    query = query.where('marks.child_id', 'in', filter.childIds);
  }
  if (filter.markId) query = query.where('marks.id', '=', filter.markId);
  if (filter.subjectId) query = query.where('marks.subject_id', '=', filter.subjectId);
  if (filter.kind) query = query.where('marks.kind', '=', filter.kind);
  if (filter.from) query = query.where('marks.date', '>=', filter.from);
  if (filter.to) query = query.where('marks.date', '<=', filter.to);
  return query.orderBy('marks.date').orderBy('marks.created_at').orderBy('marks.id').execute();
}

/**
 * A class's lessons in a date range with subject and teacher names, by date and number.
 *
 * @example
 * await lessonRows(s.db, classId, '2026-11-23', '2026-11-28');
 */
export async function lessonRows(
  db: Db,
  classId: string,
  from: string,
  to: string,
): Promise<LessonRow[]> {
  return db
    .selectFrom('lessons')
    .innerJoin('subjects', 'subjects.id', 'lessons.subject_id')
    .innerJoin('users as t', 't.id', 'lessons.teacher_id')
    .selectAll('lessons')
    .select([
      'subjects.name as subject_name',
      't.last_name as teacher_last_name',
      't.first_name as teacher_first_name',
      't.middle_name as teacher_middle_name',
    ])
    .where('lessons.class_id', '=', classId)
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to)
    .orderBy('lessons.date')
    .orderBy('lessons.number')
    .execute();
}

/** Which substitutions to read: one lesson's, or a class's in a date range. */
export type SubstitutionFilter =
  | { readonly lessonId: string }
  | {
      readonly classId: string;
      readonly from?: string | undefined;
      readonly to?: string | undefined;
    };

/**
 * Substitutions with their lessons and all the names, by date and lesson number.
 *
 * @example
 * await substitutionRows(s.db, { classId, from: '2026-11-01', to: '2026-11-30' });
 */
export async function substitutionRows(
  db: Db,
  filter: SubstitutionFilter,
): Promise<SubstitutionRow[]> {
  let query = db
    .selectFrom('substitutions as sb')
    .innerJoin('lessons as l', 'l.id', 'sb.lesson_id')
    .innerJoin('users as ot', 'ot.id', 'l.teacher_id')
    .innerJoin('users as st', 'st.id', 'sb.substitute_teacher_id')
    .innerJoin('subjects as os', 'os.id', 'l.subject_id')
    .innerJoin('subjects as ss', 'ss.id', 'sb.subject_id')
    .select([
      'sb.id',
      'sb.lesson_id',
      'l.class_id',
      'l.date',
      'l.number',
      'l.teacher_id as original_teacher_id',
      'ot.last_name as original_last_name',
      'ot.first_name as original_first_name',
      'ot.middle_name as original_middle_name',
      'sb.substitute_teacher_id',
      'st.last_name as substitute_last_name',
      'st.first_name as substitute_first_name',
      'st.middle_name as substitute_middle_name',
      'os.name as original_subject_name',
      'sb.subject_id',
      'ss.name as subject_name',
      'sb.reason',
      'sb.room',
      'sb.created_at',
    ]);
  if ('lessonId' in filter) {
    query = query.where('sb.lesson_id', '=', filter.lessonId);
  } else {
    query = query.where('l.class_id', '=', filter.classId);
    if (filter.from) query = query.where('l.date', '>=', filter.from);
    if (filter.to) query = query.where('l.date', '<=', filter.to);
  }
  return query.orderBy('l.date').orderBy('l.number').execute();
}

/** Which homework to read. */
export interface HomeworkFilter {
  readonly id?: string;
  readonly classId?: string;
  readonly lessonIds?: readonly string[];
  /** Due-date range. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * Homework with subject names, by due date and subject.
 *
 * @example
 * await homeworkRows(s.db, { classId, from: '2026-11-23', to: '2026-11-29' });
 */
export async function homeworkRows(db: Db, filter: HomeworkFilter): Promise<HomeworkRow[]> {
  let query = db
    .selectFrom('homework')
    .innerJoin('subjects', 'subjects.id', 'homework.subject_id')
    .selectAll('homework')
    .select('subjects.name as subject_name');
  if (filter.id) query = query.where('homework.id', '=', filter.id);
  if (filter.classId) query = query.where('homework.class_id', '=', filter.classId);
  if (filter.lessonIds) {
    if (filter.lessonIds.length === 0) return [];
    query = query.where('homework.lesson_id', 'in', filter.lessonIds);
  }
  if (filter.from) query = query.where('homework.due_date', '>=', filter.from);
  if (filter.to) query = query.where('homework.due_date', '<=', filter.to);
  return query
    .orderBy('homework.due_date')
    .orderBy('subjects.name')
    .orderBy('homework.created_at')
    .execute();
}

/** The attachments of homework, by homework id, each list in its order; read in one query. */
export async function homeworkAttachments(
  db: Db,
  homeworkIds: readonly string[],
): Promise<Map<string, Attachment[]>> {
  const byHomework = new Map<string, Attachment[]>();
  if (homeworkIds.length === 0) return byHomework;
  const links = await db
    .selectFrom('homework_attachments as ha')
    .innerJoin('attachments as a', 'a.id', 'ha.attachment_id')
    .select(['ha.homework_id', 'a.id', 'a.name', 'a.size', 'a.content_type'])
    .where('ha.homework_id', 'in', [...homeworkIds])
    .orderBy('ha.position')
    .execute();
  for (const link of links) {
    const list = byHomework.get(link.homework_id) ?? [];
    list.push({ id: link.id, name: link.name, size: link.size, contentType: link.content_type });
    byHomework.set(link.homework_id, list);
  }
  return byHomework;
}

/** The homework set at lessons, oldest first, with its files: what a journal column shows. */
export async function lessonHomework(
  db: Db,
  lessonIds: readonly string[],
): Promise<{ id: string; lesson_id: string | null; text: string; attachments: Attachment[] }[]> {
  if (lessonIds.length === 0) return [];
  const rows = await db
    .selectFrom('homework')
    .select(['id', 'lesson_id', 'text'])
    .where('lesson_id', 'in', [...lessonIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files = await homeworkAttachments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attachments: files.get(r.id) ?? [] }));
}

/**
 * The API views of homework rows, their attachments read in one query.
 *
 * @example
 * const items = await homeworkViews(s.db, await homeworkRows(s.db, { classId }));
 */
export async function homeworkViews(db: Db, rows: readonly HomeworkRow[]): Promise<Homework[]> {
  if (rows.length === 0) return [];
  const byHomework = await homeworkAttachments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => homeworkView(row, byHomework.get(row.id)));
}

/**
 * A child's attendance entries in a date range, by date and lesson number.
 *
 * @example
 * await attendanceRows(s.db, child.id, { from: '2026-09-01', to: '2026-10-26' });
 */
export async function attendanceRows(
  db: Db,
  childId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<AttendanceRow[]> {
  let query = db
    .selectFrom('attendance')
    .innerJoin('lessons', 'lessons.id', 'attendance.lesson_id')
    .innerJoin('subjects', 'subjects.id', 'lessons.subject_id')
    .selectAll('attendance')
    .select([
      'lessons.number as lesson_number',
      'lessons.subject_id',
      'subjects.name as subject_name',
    ])
    .where('attendance.child_id', '=', childId);
  if (range.from) query = query.where('attendance.date', '>=', range.from);
  if (range.to) query = query.where('attendance.date', '<=', range.to);
  return query.orderBy('attendance.date').orderBy('lessons.number').execute();
}

/**
 * Final period marks with subject names: a child's, or one (child, subject, period).
 *
 * @example
 * await finalMarkRows(s.db, { childId });
 */
export async function finalMarkRows(
  db: Db,
  filter: { childId: string; subjectId?: string; periodId?: string },
): Promise<FinalMarkRow[]> {
  let query = db
    .selectFrom('final_marks')
    .innerJoin('subjects', 'subjects.id', 'final_marks.subject_id')
    .innerJoin('periods', 'periods.id', 'final_marks.period_id')
    .selectAll('final_marks')
    .select('subjects.name as subject_name')
    .where('final_marks.child_id', '=', filter.childId);
  if (filter.subjectId) query = query.where('final_marks.subject_id', '=', filter.subjectId);
  if (filter.periodId) query = query.where('final_marks.period_id', '=', filter.periodId);
  return query.orderBy('periods.start_date').orderBy('subjects.name').execute();
}
