import {
  ASSESSMENT_WORK_KINDS,
  type AssessmentKind,
  type PlannedAssessment,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { personName } from './chat-views';

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
