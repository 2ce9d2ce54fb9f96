import { addDays, isoDayOfWeek, isoWeekOf, weekMonday } from '@school-diary/core';
import { STAFFING, SUBSTITUTIONS, TIMES, WEEK } from './data/diary';
import { DEMO } from './data/demo-world';
import { endTime, moscow } from './diary-calendar';
import type { Row } from './diary-rows';
import { subjectId } from './diary-staff';

/** A generated lesson with what the journal needs to know about it. */
export interface SeedLesson {
  readonly row: Row<'lessons'>;
  key: string;
  teacherId: string;
  subjectId: string;
}

/** The weekly timetable of 5А, 8Б and 7В laid over the given school days. */
export function buildLessons(days: readonly string[]): SeedLesson[] {
  const lessons: SeedLesson[] = [];
  for (const [classId, week] of Object.entries(WEEK)) {
    for (const date of days) {
      const day = week[isoDayOfWeek(date) - 1] ?? [];
      day.forEach((key, i) => {
        const subject = subjectId(classId, key);
        const [teacher, room] = STAFFING[classId]?.[subject] ?? ['', ''];
        const start = TIMES[i] as string;
        const row = {
          id: `les_${classId.slice(4)}_${date.replaceAll('-', '')}_${i + 1}`,
          class_id: classId,
          date,
          number: i + 1,
          start_time: start,
          end_time: endTime(start),
          subject_id: subject,
          teacher_id: teacher,
          room,
        };
        lessons.push({ row, key, teacherId: teacher, subjectId: subject });
      });
    }
  }
  return lessons;
}

/**
 * The substitutions: some on fixed past dates, three in the week of `today` (in Moscow), one in the
 * week before and one in the week after; updates their lessons.
 */
export function buildSubstitutions(
  lessons: SeedLesson[],
  today: string,
  now: string,
): Row<'substitutions'>[] {
  const monday = weekMonday(isoWeekOf(today));
  const byKey = new Map(lessons.map((l) => [l.row.id, l]));
  return SUBSTITUTIONS.flatMap(([classId, day, number, teacher, subject, reason, room]) => {
    const date = typeof day === 'number' ? addDays(monday, day) : day;
    const lesson = byKey.get(`les_${classId.slice(4)}_${date.replaceAll('-', '')}_${number}`);
    if (!lesson) return [];
    lesson.teacherId = teacher;
    lesson.subjectId = subject ?? lesson.subjectId;
    lesson.key = lesson.subjectId.split('_').slice(2).join('_');
    return [
      {
        id: `sbs_${lesson.row.id.slice(4)}`,
        lesson_id: lesson.row.id,
        substitute_teacher_id: teacher,
        subject_id: lesson.subjectId,
        reason,
        room,
        created_by: classId === DEMO.classes.c7v.id ? DEMO.users.admin17.id : DEMO.users.admin42.id,
        created_at: date < today ? moscow(addDays(date, -1), '16:00') : now,
      },
    ];
  });
}
