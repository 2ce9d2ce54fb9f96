import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from './domain-error';
import type { AuthUser, Services } from './context';
import { assertAdminOf, assertTeaches, type ChildRow } from './policy';

/** A row of `classes`. */
export type ClassRow = Selectable<Database['classes']>;
/** A row of `lessons`. */
export type LessonTableRow = Selectable<Database['lessons']>;

async function classById(s: Services, classId: string): Promise<ClassRow> {
  const cls = await s.db
    .selectFrom('classes')
    .selectAll()
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw notFound();
  return cls;
}

/**
 * The class if the caller may read its timetable: a family with a child in it, or staff of its
 * school. Anyone else gets 404, as for a class that does not exist.
 *
 * @example
 * const cls = await visibleClass(s, user, params.classId);
 */
export async function visibleClass(
  s: Services,
  user: AuthUser,
  classId: string,
): Promise<ClassRow> {
  const cls = await classById(s, classId);
  switch (user.role) {
    case 'teacher':
    case 'school_admin':
      if (!user.schoolId || user.schoolId !== cls.school_id) throw notFound();
      return cls;
    case 'parent':
    case 'student': {
      const child = await s.db
        .selectFrom('children')
        .select('id')
        .where('class_id', '=', classId)
        .where((eb) =>
          user.role === 'parent'
            ? eb(
                'id',
                'in',
                eb
                  .selectFrom('parent_children')
                  .select('child_id')
                  .where('parent_id', '=', user.id),
              )
            : eb('student_user_id', '=', user.id),
        )
        .executeTakeFirst();
      if (!child) throw notFound();
      return cls;
    }
  }
}

/**
 * The class if the caller is an admin of its school; 404 otherwise.
 *
 * @example
 * const cls = await adminClass(s, user, params.classId);
 */
export async function adminClass(s: Services, user: AuthUser, classId: string): Promise<ClassRow> {
  const cls = await classById(s, classId);
  assertAdminOf(s, user, cls.school_id);
  return cls;
}

/**
 * The lesson and its class if the caller is an admin of the class's school; 404 otherwise.
 *
 * @example
 * const { lesson, cls } = await adminLesson(s, user, params.lessonId);
 */
export async function adminLesson(
  s: Services,
  user: AuthUser,
  lessonId: string,
): Promise<{ lesson: LessonTableRow; cls: ClassRow }> {
  const lesson = await lessonById(s.db, lessonId);
  const cls = await adminClass(s, user, lesson.class_id);
  return { lesson, cls };
}

/**
 * The lesson if the caller teaches it: teaches its subject in its class, or substitutes it.
 * 404 otherwise.
 *
 * @example
 * const lesson = await taughtLesson(s, user, params.lessonId);
 */
export async function taughtLesson(
  s: Services,
  user: AuthUser,
  lessonId: string,
): Promise<LessonTableRow> {
  const lesson = await lessonById(s.db, lessonId);
  const substitute = await s.db
    .selectFrom('substitutions')
    .select('id')
    .where('lesson_id', '=', lesson.id)
    .where('substitute_teacher_id', '=', user.id)
    .executeTakeFirst();
  if (!substitute || user.role !== 'teacher') {
    await assertTeaches(s, user, lesson.class_id, lesson.subject_id);
  }
  return lesson;
}

/**
 * The child if the caller teaches the subject in the child's class; 404 otherwise (also for a
 * child that does not exist or has no class).
 *
 * @example
 * const child = await taughtChild(s, user, body.childId, body.subjectId);
 */
export async function taughtChild(
  s: Services,
  user: AuthUser,
  childId: string,
  subjectId: string,
): Promise<ChildRow & { class_id: string }> {
  const child = await s.db
    .selectFrom('children')
    .selectAll()
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child?.class_id) throw notFound();
  await assertTeaches(s, user, child.class_id, subjectId);
  return { ...child, class_id: child.class_id };
}

/** A lesson by id, or 404. */
export async function lessonById(db: Kysely<Database>, lessonId: string): Promise<LessonTableRow> {
  const lesson = await db
    .selectFrom('lessons')
    .selectAll()
    .where('id', '=', lessonId)
    .executeTakeFirst();
  if (!lesson) throw notFound();
  return lesson;
}
