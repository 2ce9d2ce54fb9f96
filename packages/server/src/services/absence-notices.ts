import type { AbsenceNotice, IncomingAbsenceNotice } from '@school-diary/core';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { personName } from './chat-views';
import { notFound } from './domain-error';
import type { AuthUser, Services } from './context';

type Db = Kysely<Database>;
/** A row of `absence_notices`. */
export type NoticeRow = Selectable<Database['absence_notices']>;

/** The lessons of notices, by notice id, in date and lesson order. */
async function lessonsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, AbsenceNotice['lessons']>();
  const rows = await db
    .selectFrom('absence_notice_lessons')
    .innerJoin('lessons', 'lessons.id', 'absence_notice_lessons.lesson_id')
    .innerJoin('subjects', 'subjects.id', 'lessons.subject_id')
    .select([
      'absence_notice_lessons.notice_id',
      'lessons.id',
      'lessons.date',
      'lessons.number',
      'subjects.name',
    ])
    .where('absence_notice_lessons.notice_id', 'in', ids)
    .orderBy('lessons.date')
    .orderBy('lessons.number')
    .execute();
  const byNotice = new Map<string, AbsenceNotice['lessons']>();
  for (const r of rows) {
    const list = byNotice.get(r.notice_id) ?? [];
    list.push({ lessonId: r.id, date: r.date, number: r.number, subjectName: r.name });
    byNotice.set(r.notice_id, list);
  }
  return byNotice;
}

/**
 * The API view of notices, with their lessons, file and who acknowledged them.
 *
 * @example
 * const [notice] = await noticeViews(s.db, [row]);
 */
export async function noticeViews(db: Db, rows: readonly NoticeRow[]): Promise<AbsenceNotice[]> {
  const lessons = await lessonsOf(
    db,
    rows.map((r) => r.id),
  );
  const fileIds = rows.flatMap((r) => (r.attachment_id ? [r.attachment_id] : []));
  const files = fileIds.length
    ? await db.selectFrom('attachments').selectAll().where('id', 'in', fileIds).execute()
    : [];
  const ackIds = rows.flatMap((r) => (r.acknowledged_by ? [r.acknowledged_by] : []));
  const teachers = ackIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'last_name', 'first_name', 'middle_name'])
        .where('id', 'in', ackIds)
        .execute()
    : [];
  return rows.map((r) => {
    const file = files.find((f) => f.id === r.attachment_id);
    const teacher = teachers.find((t) => t.id === r.acknowledged_by);
    return {
      id: r.id,
      childId: r.child_id,
      from: r.from_date,
      to: r.to_date,
      reason: r.reason as AbsenceNotice['reason'],
      ...(r.comment ? { comment: r.comment } : {}),
      lessons: lessons.get(r.id) ?? [],
      chosenLessons: r.chosen_lessons === 1,
      ...(file
        ? {
            attachment: {
              id: file.id,
              name: file.name,
              size: file.size,
              contentType: file.content_type,
            },
          }
        : {}),
      status: r.acknowledged_at ? 'acknowledged' : 'submitted',
      createdAt: r.created_at,
      ...(r.acknowledged_at ? { acknowledgedAt: r.acknowledged_at } : {}),
      ...(teacher ? { acknowledgedBy: personName(teacher) } : {}),
    };
  });
}

/**
 * The condition on `absence_notices` rows a teacher may see: those of a class they are the class
 * teacher of, and those covering a lesson they teach or substitute.
 */
function seenByTeacher(userId: string) {
  return (eb: ExpressionBuilder<Database, 'absence_notices'>) =>
    eb.or([
      eb(
        'absence_notices.class_id',
        'in',
        eb.selectFrom('classes').select('id').where('homeroom_teacher_id', '=', userId),
      ),
      eb(
        'absence_notices.id',
        'in',
        eb
          .selectFrom('absence_notice_lessons')
          .innerJoin('lessons', 'lessons.id', 'absence_notice_lessons.lesson_id')
          .leftJoin('substitutions', 'substitutions.lesson_id', 'lessons.id')
          .select('absence_notice_lessons.notice_id')
          .where((w) =>
            w.or([
              w('lessons.teacher_id', '=', userId),
              w('substitutions.substitute_teacher_id', '=', userId),
            ]),
          ),
      ),
    ]);
}

/**
 * The notices a teacher is told of, overlapping a date range, with each child's name and class.
 *
 * @example
 * await incomingNotices(s.db, user.id, { from: '2026-11-24', to: '2026-12-31' });
 */
export async function incomingNotices(
  db: Db,
  userId: string,
  range: { from: string; to: string },
): Promise<IncomingAbsenceNotice[]> {
  const rows = await db
    .selectFrom('absence_notices')
    .innerJoin('children', 'children.id', 'absence_notices.child_id')
    .innerJoin('classes', 'classes.id', 'absence_notices.class_id')
    .selectAll('absence_notices')
    .select([
      'children.last_name',
      'children.first_name',
      'children.middle_name',
      'classes.name as class_name',
    ])
    .where(seenByTeacher(userId))
    .where('absence_notices.to_date', '>=', range.from)
    .where('absence_notices.from_date', '<=', range.to)
    .orderBy('absence_notices.from_date')
    .orderBy('absence_notices.id')
    .execute();
  const views = await noticeViews(db, rows);
  return rows.flatMap((row, i) => {
    const view = views[i];
    return view ? [{ ...view, childName: personName(row), className: row.class_name }] : [];
  });
}

/**
 * The notice if the teacher is told of it (see {@link incomingNotices}); 404 otherwise.
 *
 * @example
 * const row = await teacherNotice(s, user, params.noticeId);
 */
export async function teacherNotice(
  s: Services,
  user: AuthUser,
  noticeId: string,
): Promise<NoticeRow> {
  if (user.role !== 'teacher') throw notFound();
  const row = await s.db
    .selectFrom('absence_notices')
    .selectAll()
    .where('id', '=', noticeId)
    .where(seenByTeacher(user.id))
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * Whether a user may download a notice's file: the child's family, and the teachers told of it.
 *
 * @example
 * if (await onVisibleNotice(s, user, attachmentId)) …
 */
export async function onVisibleNotice(s: Services, user: AuthUser, id: string): Promise<boolean> {
  let q = s.db
    .selectFrom('absence_notices')
    .innerJoin('children', 'children.id', 'absence_notices.child_id')
    .select('absence_notices.id')
    .where('absence_notices.attachment_id', '=', id);
  switch (user.role) {
    case 'parent':
      q = q.where(
        'children.id',
        'in',
        s.db.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
      );
      break;
    case 'student':
      q = q.where('children.student_user_id', '=', user.id);
      break;
    case 'teacher':
      q = q.where(seenByTeacher(user.id));
      break;
    case 'school_admin':
      return false;
  }
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * The open notices of a lesson's pupils: pupil id → the notice covering the lesson.
 *
 * @example
 * const notices = await noticesForLesson(s.db, lesson.id);
 */
export async function noticesForLesson(db: Db, lessonId: string): Promise<Map<string, NoticeRow>> {
  const rows = await db
    .selectFrom('absence_notices')
    .innerJoin('absence_notice_lessons', 'absence_notice_lessons.notice_id', 'absence_notices.id')
    .selectAll('absence_notices')
    .where('absence_notice_lessons.lesson_id', '=', lessonId)
    .orderBy('absence_notices.created_at')
    .execute();
  return new Map(rows.map((r) => [r.child_id, r]));
}
