import type {
  Attachment,
  Attendance,
  AttendanceStatus,
  FinalMark,
  Homework,
  Lang,
  Lesson,
  Mark,
  Substitution,
  Threshold,
  WorkKind,
} from '@school-diary/core';
import { workKindName } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { periodOn, type PeriodRow } from './school-calendar';

/** A person's name columns as the journal queries select them. */
export interface NameColumns {
  readonly last_name: string;
  readonly first_name: string;
  readonly middle_name: string | null;
}

/** A `marks` row with its subject's and teacher's names. */
export type MarkRow = Selectable<Database['marks']> & {
  subject_name: string;
  teacher_last_name: string;
  teacher_first_name: string;
  teacher_middle_name: string | null;
};

/** A `lessons` row with its subject's and teacher's names. */
export type LessonRow = Selectable<Database['lessons']> & {
  subject_name: string;
  teacher_last_name: string;
  teacher_first_name: string;
  teacher_middle_name: string | null;
};

/** A substitution with its lesson and every name the view shows. */
export interface SubstitutionRow {
  id: string;
  lesson_id: string;
  class_id: string;
  date: string;
  number: number;
  original_teacher_id: string;
  original_last_name: string;
  original_first_name: string;
  original_middle_name: string | null;
  substitute_teacher_id: string;
  substitute_last_name: string;
  substitute_first_name: string;
  substitute_middle_name: string | null;
  original_subject_name: string;
  subject_id: string;
  subject_name: string;
  reason: string;
  room: string | null;
  created_at: string;
}

/** A `homework` row with its subject's name. */
export type HomeworkRow = Selectable<Database['homework']> & { subject_name: string };

/** An `attendance` row with its lesson's number and subject. */
export type AttendanceRow = Selectable<Database['attendance']> & {
  lesson_number: number;
  subject_id: string;
  subject_name: string;
};

/** A `final_marks` row with its subject's name. */
export type FinalMarkRow = Selectable<Database['final_marks']> & { subject_name: string };

/**
 * A teacher's name as a diary shows it: surname and initials.
 *
 * @example
 * shortName({ last_name: 'Орлов', first_name: 'Сергей', middle_name: 'Николаевич' }); // 'Орлов С. Н.'
 */
export function shortName(person: NameColumns): string {
  const initials = [person.first_name, person.middle_name]
    .filter((part): part is string => !!part)
    .map((part) => `${part.charAt(0)}.`);
  return [person.last_name, initials.join(' ')].filter(Boolean).join(' ');
}

/**
 * A stored mark value as the API's: `'5'` → 5, `'pass'` stays `'pass'`.
 *
 * @example
 * markValue('4'); // 4
 */
export function markValue(stored: string): Mark['value'] {
  if (stored === 'pass' || stored === 'fail') return stored;
  return Number(stored) as 1 | 2 | 3 | 4 | 5;
}

/**
 * How a kind of work reads in notifications and the CSV export.
 *
 * @example
 * workKindLabel('test', 'ru'); // 'контрольная работа'
 */
export function workKindLabel(kind: string, lang: Lang = 'ru'): string {
  return workKindName(lang, kind);
}

/**
 * `YYYY-MM-DD` as Russians write it.
 *
 * @example
 * russianDate('2026-11-24'); // '24.11.2026'
 */
export function russianDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An ISO date as English messages write it: `24 Nov 2026`. */
export function englishDate(date: string): string {
  return ENGLISH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** The API view of a mark; the period is found among the given periods by date. */
export function markView(row: MarkRow, periods: readonly PeriodRow[] = []): Mark {
  return {
    id: row.id,
    childId: row.child_id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    value: markValue(row.value),
    weight: row.weight,
    kind: row.kind as WorkKind,
    date: row.date,
    lessonId: row.lesson_id ?? undefined,
    comment: row.comment ?? undefined,
    teacherId: row.teacher_id,
    teacherName: shortName({
      last_name: row.teacher_last_name,
      first_name: row.teacher_first_name,
      middle_name: row.teacher_middle_name,
    }),
    periodId: periodOn(periods, row.date)?.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API view of a substitution. */
export function substitutionView(row: SubstitutionRow): Substitution {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    classId: row.class_id,
    date: row.date,
    lessonNumber: row.number,
    originalTeacherId: row.original_teacher_id,
    originalTeacherName: shortName({
      last_name: row.original_last_name,
      first_name: row.original_first_name,
      middle_name: row.original_middle_name,
    }),
    substituteTeacherId: row.substitute_teacher_id,
    substituteTeacherName: shortName({
      last_name: row.substitute_last_name,
      first_name: row.substitute_first_name,
      middle_name: row.substitute_middle_name,
    }),
    originalSubjectName: row.original_subject_name,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    reason: row.reason,
    room: row.room ?? undefined,
    createdAt: row.created_at,
  };
}

/** The API view of homework with its attachments. */
export function homeworkView(row: HomeworkRow, attachments: readonly Attachment[] = []): Homework {
  return {
    id: row.id,
    lessonId: row.lesson_id ?? undefined,
    classId: row.class_id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    teacherId: row.teacher_id,
    text: row.text,
    assignedDate: row.assigned_date,
    dueDate: row.due_date,
    attachments: [...attachments],
  };
}

/** The API view of a lesson with its substitution and homework. */
export function lessonView(
  row: LessonRow,
  substitution: Substitution | undefined,
  homework: readonly Homework[],
): Lesson {
  return {
    id: row.id,
    classId: row.class_id,
    date: row.date,
    number: row.number,
    startTime: row.start_time,
    endTime: row.end_time,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    teacherId: row.teacher_id,
    teacherName: shortName({
      last_name: row.teacher_last_name,
      first_name: row.teacher_first_name,
      middle_name: row.teacher_middle_name,
    }),
    room: row.room,
    substitution,
    homework: [...homework],
  };
}

/** The API view of one attendance entry. */
export function attendanceView(row: AttendanceRow): Attendance {
  return {
    id: row.id,
    childId: row.child_id,
    lessonId: row.lesson_id,
    date: row.date,
    lessonNumber: row.lesson_number,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    status: row.status as AttendanceStatus,
    reason: row.reason ?? undefined,
    minutesLate: row.minutes_late ?? undefined,
  };
}

/** The API view of a final period mark. */
export function finalMarkView(row: FinalMarkRow): FinalMark {
  return {
    id: row.id,
    childId: row.child_id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    periodId: row.period_id,
    value: markValue(row.value),
    teacherId: row.teacher_id,
    updatedAt: row.updated_at,
  };
}

/** The API view of a parent's threshold. */
export function thresholdView(row: Selectable<Database['thresholds']>): Threshold {
  return {
    id: row.id,
    childId: row.child_id,
    subjectId: row.subject_id ?? undefined,
    threshold: row.threshold,
  };
}
