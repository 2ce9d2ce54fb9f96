import type { Lesson, Substitution, User } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler, type MemoryRequest } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { setupState } from './memory-setup-state';

const invalid = (path: string, code: string) =>
  new MemoryApiError(400, 'validation_failed', [{ path, code }]);

/** `Орлов С. Н.`: a teacher as the timetable names them. */
const shortName = (u: Pick<User, 'lastName' | 'firstName' | 'middleName'>) =>
  [u.lastName, ...[u.firstName, u.middleName].filter(Boolean).map((n) => `${n?.slice(0, 1)}.`)]
    .join(' ')
    .trim();

/** The school a class belongs to, as the memory client's setup knows it. */
const schoolOf = (diary: MemoryDiary, classId: string) =>
  setupState(diary).classes.find((c) => c.id === classId)?.schoolId;

/** A lesson of a class of the admin's school, or a 404 (another school's lessons do not exist). */
function adminLesson(diary: MemoryDiary, request: MemoryRequest): Lesson {
  const admin = signedIn(request);
  const lesson = diary.data.lessons.find((l) => l.id === request.params.lessonId);
  if (!lesson || schoolOf(diary, lesson.classId) !== admin.schoolId) throw notFound();
  return lesson;
}

/** `YYYY-MM-DDTHH:MM` now in a time zone, to compare with a lesson's date and end time. */
function minuteIn(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** 400 `past_date` on `lessonId` once the lesson has ended in the school's time zone. */
function assertLessonAhead(diary: MemoryDiary, lesson: Lesson, schoolId: string | undefined) {
  const zone = diary.data.schools.find((s) => s.id === schoolId)?.timeZone ?? 'Europe/Moscow';
  if (`${lesson.date}T${lesson.endTime}` <= minuteIn(diary.now(), zone))
    throw invalid('lessonId', 'past_date');
}

/** Tells every family of the class of the substitution, live. */
function announce(diary: MemoryDiary, substitution: Substitution): void {
  for (const child of diary.data.children.filter((c) => c.classId === substitution.classId))
    diary.publish(diary.familyOf(child.id), 'substitution.created', substitution, child.id);
}

function replaceLesson(diary: MemoryDiary, lesson: Lesson, changed: Lesson): void {
  diary.data.lessons.splice(diary.data.lessons.indexOf(lesson), 1, changed);
}

/**
 * The memory client's answers for a school admin's substitutions, by the server's rules: only a
 * lesson of the admin's school (404 otherwise) that has not ended yet (`past_date` on `lessonId`),
 * a substitute who teaches at the school and a subject of the school (`invalid_option` on the
 * field), one substitution per lesson (a second replaces the first), the class's families told
 * live; removing one is refused the same way once the lesson has ended, and answers 404 when the
 * lesson has none.
 */
export const SUBSTITUTION_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'schedule.substitute': (diary, request) => {
    const lesson = adminLesson(diary, request);
    const schoolId = schoolOf(diary, lesson.classId);
    assertLessonAhead(diary, lesson, schoolId);
    const body = request.body as {
      substituteTeacherId: string;
      subjectId?: string;
      reason: string;
      room?: string;
    };
    const teacher = diary.data.users.find(
      (u) => u.id === body.substituteTeacherId && u.role === 'teacher' && u.schoolId === schoolId,
    );
    if (!teacher) throw invalid('substituteTeacherId', 'invalid_option');
    const subjectId = body.subjectId ?? lesson.subjectId;
    const subject = setupState(diary).subjects.find(
      (s) => s.id === subjectId && s.schoolId === schoolId,
    );
    if (!subject) throw invalid('subjectId', 'invalid_option');
    const substitution: Substitution = {
      id: lesson.substitution?.id ?? `sbs_mem_${lesson.id}`,
      lessonId: lesson.id,
      classId: lesson.classId,
      date: lesson.date,
      lessonNumber: lesson.number,
      originalTeacherId: lesson.teacherId,
      originalTeacherName: lesson.teacherName,
      substituteTeacherId: teacher.id,
      substituteTeacherName: shortName(teacher),
      originalSubjectName: lesson.subjectName,
      subjectId: subject.id,
      subjectName: subject.name,
      reason: body.reason,
      ...(body.room ? { room: body.room } : {}),
      createdAt: diary.now().toISOString(),
    };
    replaceLesson(diary, lesson, { ...lesson, substitution });
    announce(diary, substitution);
    return substitution;
  },
  'schedule.cancelSubstitution': (diary, request) => {
    const lesson = adminLesson(diary, request);
    assertLessonAhead(diary, lesson, schoolOf(diary, lesson.classId));
    if (!lesson.substitution) throw notFound();
    const { substitution: _removed, ...rest } = lesson;
    replaceLesson(diary, lesson, rest);
    return undefined;
  },
};
