import type { Routes, Substitution } from '@school-diary/core';
import type { Kysely } from 'kysely';
import { isoMinuteIn } from '../clock';
import type { Database } from '../db/schema';
import { fieldError, notFound } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import {
  adminClass,
  adminLesson,
  visibleClass,
  type ClassRow,
  type LessonTableRow,
} from '../services/journal-access';
import { publishToClass } from '../services/families';
import { substitutionRows } from '../services/journal-queries';
import { englishDate, russianDate, substitutionView } from '../services/journal-views';
import { notify, type NotifyInput } from '../services/notify';
import { auditAs } from '../services/policy';
import { bumpVersions } from '../read-cache/versions';
import {
  assertWeekLessons,
  replaceWeekLessons,
  schoolWeek,
  weekTimetable,
} from '../services/week-timetable';

type Caller = { readonly user: AuthUser; readonly ip: string };
type SubstitutionInput = RequestContext<Routes['schedule']['substitute']>['body'];

/** 400 on `path` unless the user is a teacher of the school. */
async function assertSchoolTeacher(s: Services, schoolId: string, userId: string, path: string) {
  const teacher = await s.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('school_id', '=', schoolId)
    .where('role', '=', 'teacher')
    .executeTakeFirst();
  if (!teacher) throw fieldError(path, 'invalid_option');
}

/** 400 on `path` unless the subject is one of the school's. */
async function assertSchoolSubject(s: Services, schoolId: string, subjectId: string, path: string) {
  const subject = await s.db
    .selectFrom('subjects')
    .select('id')
    .where('id', '=', subjectId)
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  if (!subject) throw fieldError(path, 'invalid_option');
}

/**
 * 400 `past_date` on `lessonId` once the lesson has ended (in the school's time zone): a
 * substitution is news for families about a lesson to come, never a rewrite of one held — and
 * neither is removing one.
 */
async function assertLessonAhead(s: Services, lesson: LessonTableRow, schoolId: string) {
  const school = await s.db
    .selectFrom('schools')
    .select('time_zone')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  const now = isoMinuteIn(s.clock.now(), school.time_zone);
  if (`${lesson.date}T${lesson.end_time}` <= now) throw fieldError('lessonId', 'past_date');
}

async function substitutionOf(db: Kysely<Database>, lessonId: string): Promise<Substitution> {
  const [row] = await substitutionRows(db, { lessonId });
  if (!row) throw notFound();
  return substitutionView(row);
}

/** How a family reads a substitution in the feed and the SMS. */
function substitutionText(
  cls: ClassRow,
  sub: Substitution,
): Pick<NotifyInput, 'title' | 'body' | 'en'> {
  const room = sub.room ? `, каб. ${sub.room}` : '';
  const roomEn = sub.room ? `, room ${sub.room}` : '';
  const change = `${sub.originalSubjectName} (${sub.originalTeacherName}) → ${sub.subjectName}, ${sub.substituteTeacherName}`;
  return {
    title: `Замена: ${cls.name}, ${russianDate(sub.date)}, ${sub.lessonNumber}-й урок`,
    body: `${change}${room}. Причина: ${sub.reason}`,
    en: {
      title: `Substitution: ${cls.name}, ${englishDate(sub.date)}, lesson ${sub.lessonNumber}`,
      body: `${change}${roomEn}. Reason: ${sub.reason}`,
    },
  };
}

/**
 * Publishes the substitution to every family of the class, once per person, and returns the
 * notifications to send after the commit (through the channels each person chose).
 */
async function announceSubstitution(
  s: Services,
  trx: Kysely<Database>,
  cls: ClassRow,
  sub: Substitution,
): Promise<NotifyInput[]> {
  const text = substitutionText(cls, sub);
  const reached = await publishToClass(s, trx, cls.id, { type: 'substitution.created', data: sub });
  return reached.flatMap(({ family, people }) =>
    people.map((userId) => ({
      userId,
      kind: 'substitution' as const,
      ...text,
      childId: family.childId,
    })),
  );
}

async function substitute(
  s: Services,
  caller: Caller,
  target: { lesson: LessonTableRow; cls: ClassRow },
  body: SubstitutionInput,
): Promise<Substitution> {
  const { lesson, cls } = target;
  await assertLessonAhead(s, lesson, cls.school_id);
  await assertSchoolTeacher(s, cls.school_id, body.substituteTeacherId, 'substituteTeacherId');
  const subjectId = body.subjectId ?? lesson.subject_id;
  await assertSchoolSubject(s, cls.school_id, subjectId, 'subjectId');
  const old = await s.db
    .selectFrom('substitutions')
    .selectAll()
    .where('lesson_id', '=', lesson.id)
    .executeTakeFirst();
  const row = {
    id: old?.id ?? s.ids('sbs'),
    lesson_id: lesson.id,
    substitute_teacher_id: body.substituteTeacherId,
    subject_id: subjectId,
    reason: body.reason,
    room: body.room ?? null,
    created_by: caller.user.id,
    created_at: s.clock.now().toISOString(),
  };
  const { sub, notices } = await s.db.transaction().execute(async (trx) => {
    if (old) await trx.updateTable('substitutions').set(row).where('id', '=', old.id).execute();
    else await trx.insertInto('substitutions').values(row).execute();
    const detail = JSON.stringify({ lessonId: lesson.id, old: old ?? null, new: row });
    const action = {
      action: 'schedule.substitute',
      target: row.id,
      schoolId: cls.school_id,
    } as const;
    await auditAs(s, trx, caller, { ...action, detail });
    const sub = await substitutionOf(trx, lesson.id);
    const notices = await announceSubstitution(s, trx, cls, sub);
    await bumpVersions(trx, [`class:${cls.id}`]);
    return { sub, notices };
  });
  // After the commit: the SMS gateway needs the database's one connection.
  for (const notice of notices) await notify(s, s.db, { ...notice, targetId: sub.id });
  return sub;
}

/** The timetable: weeks by ISO week, substitutions and their history. */
export function scheduleHandlers(s: Services): Handlers['schedule'] {
  return {
    async week({ params, query, user }) {
      const cls = await visibleClass(s, user, params.classId);
      return weekTimetable(s.db, cls.id, schoolWeek(query.week));
    },

    async setWeek({ params, query, body, user, ip }) {
      const cls = await adminClass(s, user, params.classId);
      const week = schoolWeek(query.week);
      await assertWeekLessons(s, cls, body.lessons, week);
      await s.db.transaction().execute(async (trx) => {
        const removed = await replaceWeekLessons(s, trx, cls.id, body.lessons, week);
        const detail = JSON.stringify({ week: query.week, lessons: body.lessons.length, removed });
        const action = {
          action: 'schedule.set_week',
          target: cls.id,
          schoolId: cls.school_id,
        } as const;
        await auditAs(s, trx, { user, ip }, { ...action, detail });
        await bumpVersions(trx, [`class:${cls.id}`]);
      });
      return weekTimetable(s.db, cls.id, week);
    },

    async substitute({ params, body, user, ip }) {
      return substitute(s, { user, ip }, await adminLesson(s, user, params.lessonId), body);
    },

    async cancelSubstitution({ params, user, ip }) {
      const { lesson, cls } = await adminLesson(s, user, params.lessonId);
      await assertLessonAhead(s, lesson, cls.school_id);
      const old = await s.db
        .selectFrom('substitutions')
        .selectAll()
        .where('lesson_id', '=', lesson.id)
        .executeTakeFirst();
      if (!old) throw notFound();
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('substitutions').where('id', '=', old.id).execute();
        const detail = JSON.stringify({ lessonId: lesson.id, old });
        const action = { action: 'schedule.cancel_substitution', target: old.id } as const;
        await auditAs(s, trx, { user, ip }, { ...action, schoolId: cls.school_id, detail });
        await bumpVersions(trx, [`class:${cls.id}`]);
      });
      return undefined;
    },

    async substitutions({ params, query, user }) {
      const cls = await visibleClass(s, user, params.classId);
      const rows = await substitutionRows(s.db, { classId: cls.id, ...query });
      return { items: rows.map(substitutionView) };
    },
  };
}
