import {
  finalMark,
  type Attachment,
  roundAverage,
  weightedAverage,
  type JournalAbsence,
  type JournalCell,
  type JournalLesson,
  type JournalStudent,
  type WorkKind,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, forbidden, notFound } from './domain-error';
import type { AuthUser, Services } from './context';
import { childRounding } from './final-mark-rounding';
import { markValue } from './journal-views';

type Db = Kysely<Database>;

/** The weight and kind of a lesson's marks when the teacher set none. */
export const DEFAULT_COLUMN = { weight: 1, kind: 'classwork' as WorkKind };

/** A row of `classes`. */
export type JournalClassRow = Selectable<Database['classes']>;

/**
 * The class of a journal and whether the caller may write it: the teacher of the class and
 * subject writes, an admin of the school reads. Another school's staff get 404 (they may not
 * know the class exists); a teacher of the school who does not teach it gets 403.
 *
 * @example
 * const { cls, writable } = await journalAccess(s, user, classId, subjectId, 'read');
 */
export async function journalAccess(
  s: Services,
  user: AuthUser,
  classId: string,
  subjectId: string,
  mode: 'read' | 'write',
): Promise<{ cls: JournalClassRow; writable: boolean }> {
  const cls = await s.db
    .selectFrom('classes')
    .selectAll()
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!cls || !user.schoolId || user.schoolId !== cls.school_id) throw notFound();
  if (user.role === 'school_admin' && mode === 'read') return { cls, writable: false };
  if (user.role !== 'teacher') throw forbidden();
  const teaches = await s.db
    .selectFrom('teaching')
    .select('class_id')
    .where('teacher_id', '=', user.id)
    .where('class_id', '=', classId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  // A teacher of the school, but not of this class and subject: said as it is, not «no access».
  if (!teaches) throw new DomainError('not_teaching');
  return { cls, writable: true };
}

/** A stored mark of a cell. */
export interface CellMarkRow {
  readonly id: string;
  readonly child_id: string;
  readonly lesson_id: string | null;
  readonly value: string;
  readonly weight: number;
  readonly kind: string;
  readonly updated_at: string;
}

/** A stored attendance entry of a cell. */
export interface CellAttendanceRow {
  readonly child_id: string;
  readonly lesson_id: string;
  readonly status: string;
  readonly recorded_at: string;
}

/** The absence an attendance status shows in the journal; presence shows none. */
export function absenceOf(status: string | undefined): JournalAbsence | null {
  return status && status !== 'present' ? (status as JournalAbsence) : null;
}

/**
 * A cell's version: its last change's time and its content, so that two changes within one
 * clock tick still differ; `null` for a cell nothing was ever written in.
 */
export function cellVersion(
  marks: readonly CellMarkRow[],
  attendance: CellAttendanceRow | undefined,
): string | null {
  const times = [
    ...marks.map((m) => m.updated_at),
    ...(attendance ? [attendance.recorded_at] : []),
  ];
  if (times.length === 0) return null;
  const last = times.reduce((a, b) => (a > b ? a : b));
  return `${last}|${marks.map((m) => m.value).join('/')}|${attendance?.status ?? ''}`;
}

/** The API view of a cell. */
export function cellView(
  childId: string,
  lessonId: string,
  marks: readonly CellMarkRow[],
  attendance: CellAttendanceRow | undefined,
): JournalCell {
  return {
    childId,
    lessonId,
    marks: marks.map((m) => ({
      id: m.id,
      value: markValue(m.value),
      weight: m.weight,
      kind: m.kind as WorkKind,
    })),
    absence: absenceOf(attendance?.status),
    version: cellVersion(marks, attendance),
  };
}

/** A lesson of the journal with its settings, as the read gives it. */
export interface JournalLessonRow {
  readonly id: string;
  readonly date: string;
  readonly number: number;
  readonly topic: string | null;
  readonly mark_weight: number | null;
  readonly mark_kind: string | null;
}

/** The weight and kind a lesson's marks get: the teacher's setting, else its first mark's. */
export function columnOf(
  lesson: Pick<JournalLessonRow, 'mark_weight' | 'mark_kind'>,
  marks: readonly CellMarkRow[],
): { weight: number; kind: WorkKind } {
  const first = marks[0];
  return {
    weight: lesson.mark_weight ?? first?.weight ?? DEFAULT_COLUMN.weight,
    kind: (lesson.mark_kind ?? first?.kind ?? DEFAULT_COLUMN.kind) as WorkKind,
  };
}

/** The API view of a lesson column. */
export function lessonView(
  lesson: JournalLessonRow,
  marks: readonly CellMarkRow[],
  homework: readonly {
    readonly id: string;
    readonly text: string;
    readonly attachments: readonly Attachment[];
  }[],
): JournalLesson {
  return {
    id: lesson.id,
    date: lesson.date,
    number: lesson.number,
    ...(lesson.topic ? { topic: lesson.topic } : {}),
    homework: homework.map((h) => h.text),
    homeworkIds: homework.map((h) => h.id),
    homeworkFiles: homework.map((h) => [...h.attachments]),
    ...columnOf(lesson, marks),
  };
}

/** A class's lessons of a subject (substitutions into it included) between two dates. */
export async function subjectLessons(
  db: Db,
  filter: { classId: string; subjectId: string; from: string; to: string; lessonId?: string },
): Promise<JournalLessonRow[]> {
  let query = db
    .selectFrom('lessons')
    .leftJoin('substitutions', 'substitutions.lesson_id', 'lessons.id')
    .select([
      'lessons.id',
      'lessons.date',
      'lessons.number',
      'lessons.topic',
      'lessons.mark_weight',
      'lessons.mark_kind',
    ])
    .where('lessons.class_id', '=', filter.classId)
    .where('lessons.date', '>=', filter.from)
    .where('lessons.date', '<=', filter.to)
    .where((eb) =>
      eb.or([
        eb('substitutions.subject_id', '=', filter.subjectId),
        eb.and([
          eb('substitutions.subject_id', 'is', null),
          eb('lessons.subject_id', '=', filter.subjectId),
        ]),
      ]),
    );
  if (filter.lessonId) query = query.where('lessons.id', '=', filter.lessonId);
  return query.orderBy('lessons.date').orderBy('lessons.number').execute();
}

/** The marks of a subject at the given lessons, oldest first. */
export async function lessonMarks(
  db: Db,
  subjectId: string,
  lessonIds: readonly string[],
  childIds?: readonly string[],
): Promise<CellMarkRow[]> {
  if (lessonIds.length === 0) return [];
  let query = db
    .selectFrom('marks')
    .select(['id', 'child_id', 'lesson_id', 'value', 'weight', 'kind', 'updated_at'])
    .where('subject_id', '=', subjectId)
    .where('lesson_id', 'in', lessonIds);
  if (childIds) query = query.where('child_id', 'in', childIds);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** The attendance entries at the given lessons. */
export async function lessonAttendance(
  db: Db,
  lessonIds: readonly string[],
  childIds?: readonly string[],
): Promise<CellAttendanceRow[]> {
  if (lessonIds.length === 0) return [];
  let query = db
    .selectFrom('attendance')
    .select(['child_id', 'lesson_id', 'status', 'recorded_at'])
    .where('lesson_id', 'in', lessonIds);
  if (childIds) query = query.where('child_id', 'in', childIds);
  return query.execute();
}

/** A pupil's name as the journal shows it. */
export interface PupilRow {
  readonly id: string;
  readonly last_name: string;
  readonly first_name: string;
  readonly middle_name: string | null;
}

/**
 * Each pupil's row head: the weighted average of the subject's marks in the range (rounded as
 * parents see it), the final mark core's rules suggest for it, and the confirmed final.
 */
export async function studentViews(
  db: Db,
  pupils: readonly PupilRow[],
  filter: { subjectId: string; from: string; to: string; periodId?: string | undefined },
): Promise<JournalStudent[]> {
  const ids = pupils.map((p) => p.id);
  if (ids.length === 0) return [];
  const marks = await db
    .selectFrom('marks')
    .select(['child_id', 'value', 'weight'])
    .where('subject_id', '=', filter.subjectId)
    .where('child_id', 'in', ids)
    .where('date', '>=', filter.from)
    .where('date', '<=', filter.to)
    .execute();
  const finals = filter.periodId
    ? await db
        .selectFrom('final_marks')
        .select(['child_id', 'value'])
        .where('subject_id', '=', filter.subjectId)
        .where('period_id', '=', filter.periodId)
        .where('child_id', 'in', ids)
        .execute()
    : [];
  // The class's pupils are all of one school: its rounding thresholds suggest the finals.
  const thresholds = await childRounding(db, ids[0]);
  return pupils.map((p) => {
    const own = marks.filter((m) => m.child_id === p.id);
    const raw = weightedAverage(own.map((m) => ({ value: markValue(m.value), weight: m.weight })));
    const average = raw === null ? null : roundAverage(raw);
    const final = finals.find((f) => f.child_id === p.id);
    return {
      id: p.id,
      lastName: p.last_name,
      firstName: p.first_name,
      ...(p.middle_name ? { middleName: p.middle_name } : {}),
      average,
      suggestedFinal: finalMark(average, thresholds),
      ...(final ? { final: markValue(final.value) } : {}),
    };
  });
}
