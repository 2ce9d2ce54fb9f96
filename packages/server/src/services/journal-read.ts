import type { Journal, OutputOf, Routes } from '@school-diary/core';
import { fieldError } from './domain-error';
import type { AuthUser, Services } from './context';
import {
  cellView,
  journalAccess,
  lessonAttendance,
  lessonMarks,
  lessonView,
  studentViews,
  subjectLessons,
  type CellAttendanceRow,
  type CellMarkRow,
} from './journal-cells';
import { lessonHomework } from './journal-queries';
import { classCalendar, currentPeriod, periodById, queryRange } from './school-calendar';

type JournalQuery = OutputOf<Routes['journal']['get']['query']>;

/** The class's pupils in roster order: surname, first name. */
export function rosterOf(s: Services, classId: string) {
  return s.db
    .selectFrom('children')
    .select(['id', 'last_name', 'first_name', 'middle_name'])
    .where('class_id', '=', classId)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute();
}

const cellKey = (childId: string, lessonId: string | null) => `${childId}#${lessonId ?? ''}`;

/**
 * One class × subject × period of the journal: the roster, the subject's lessons with their
 * topic and homework, every cell that holds something, each pupil's running average with the
 * final core's rules suggest. The current period by default.
 *
 * @example
 * await readJournal(s, user, 'cls_42_5a', { subjectId: 'sub_42_math' });
 */
export async function readJournal(
  s: Services,
  user: AuthUser,
  classId: string,
  query: JournalQuery,
): Promise<Journal> {
  const { cls, writable } = await journalAccess(s, user, classId, query.subjectId, 'read');
  const subject = await s.db
    .selectFrom('subjects')
    .select('name')
    .where('id', '=', query.subjectId)
    .where('school_id', '=', cls.school_id)
    .executeTakeFirst();
  if (!subject) throw fieldError('subjectId', 'invalid_option');
  const calendar = await classCalendar(s, s.db, classId);
  if (!calendar) throw fieldError('periodId', 'invalid_option');
  const dated = query.from !== undefined || query.to !== undefined;
  const period = query.periodId
    ? periodById(calendar, query.periodId)
    : dated
      ? undefined
      : currentPeriod(calendar);
  const range = queryRange(calendar, { ...query, periodId: period?.id });
  const from = range.from ?? calendar.year.start_date;
  const to = range.to ?? calendar.year.end_date;
  const lessons = await subjectLessons(s.db, { classId, subjectId: query.subjectId, from, to });
  const lessonIds = lessons.map((l) => l.id);
  const pupils = await rosterOf(s, classId);
  const [marks, attendance, homework, students] = await Promise.all([
    lessonMarks(s.db, query.subjectId, lessonIds),
    lessonAttendance(s.db, lessonIds),
    lessonHomework(s.db, lessonIds),
    studentViews(s.db, pupils, { subjectId: query.subjectId, from, to, periodId: period?.id }),
  ]);
  const marksByCell = new Map<string, CellMarkRow[]>();
  const marksByLesson = new Map<string, CellMarkRow[]>();
  for (const mark of marks) {
    const key = cellKey(mark.child_id, mark.lesson_id);
    marksByCell.set(key, [...(marksByCell.get(key) ?? []), mark]);
    const lesson = mark.lesson_id ?? '';
    marksByLesson.set(lesson, [...(marksByLesson.get(lesson) ?? []), mark]);
  }
  const attendanceByCell = new Map<string, CellAttendanceRow>(
    attendance.map((a) => [cellKey(a.child_id, a.lesson_id), a]),
  );
  const inClass = new Set(pupils.map((p) => p.id));
  const filled = new Set([...marksByCell.keys(), ...attendanceByCell.keys()]);
  const cells = [...filled].flatMap((key) => {
    const [childId = '', lessonId = ''] = key.split('#');
    if (!inClass.has(childId)) return [];
    return [cellView(childId, lessonId, marksByCell.get(key) ?? [], attendanceByCell.get(key))];
  });
  return {
    classId,
    className: cls.name,
    subjectId: query.subjectId,
    subjectName: subject.name,
    ...(period ? { periodId: period.id } : {}),
    from,
    to,
    writable,
    students,
    lessons: lessons.map((l) =>
      lessonView(
        l,
        marksByLesson.get(l.id) ?? [],
        homework.filter((h) => h.lesson_id === l.id),
      ),
    ),
    cells,
  };
}
