import { addDays, type AttendanceStatus, type WorkKind } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ABSENCE_REASONS, COMMENTS, WEEK, WEIGHTS } from './data/diary';
import { DEMO } from './data/demo-world';
import { moscow } from './diary-calendar';
import type { SeedLesson } from './diary-lessons';
import type { Random, Row } from './diary-rows';
import { pick } from './seeded-random';

// The journal of the lessons before today: attendance and marks drawn from each pupil's ability.

/** A pupil with their abilities. */
export interface Pupil {
  readonly id: string;
  readonly classId: string;
  readonly ability: number;
}

export async function loadPupils(trx: Kysely<Database>, rnd: Random): Promise<Pupil[]> {
  const rows = await trx
    .selectFrom('children')
    .select(['id', 'class_id'])
    .where('class_id', 'in', Object.keys(WEEK))
    // Anna joined the roster today: no marks yet, and the other pupils' drawn marks stay as they were.
    .where('id', '!=', DEMO.unlinkedRoster.recordId)
    .orderBy('id')
    .execute();
  const fixed: Record<string, number> = {
    [DEMO.children.maria.id]: 4.55,
    [DEMO.children.petr.id]: 3.85,
    [DEMO.children.alexander.id]: 4.25,
  };
  return rows.map((r) => {
    const drawn = 3.5 + rnd() * 1.35;
    return { id: r.id, classId: r.class_id ?? '', ability: fixed[r.id] ?? drawn };
  });
}

export function byClass(pupils: readonly Pupil[]): Map<string, Pupil[]> {
  const map = new Map<string, Pupil[]>();
  for (const pupil of pupils) map.set(pupil.classId, [...(map.get(pupil.classId) ?? []), pupil]);
  return map;
}

/** A pupil's ability in a subject: their level plus a stable per-subject lean. */
export function abilityIn(rnd: Random): (pupil: Pupil, subject: string) => number {
  const lean = new Map<string, number>();
  return (pupil, subject) => {
    const key = `${pupil.id}|${subject}`;
    if (!lean.has(key)) lean.set(key, (rnd() - 0.5) * 0.5);
    return pupil.ability + (lean.get(key) ?? 0);
  };
}

export function drawMark(rnd: Random, ability: number): 2 | 3 | 4 | 5 {
  const x = ability + (rnd() + rnd() + rnd() - 1.5) * 1.1;
  return Math.min(5, Math.max(2, Math.round(x))) as 2 | 3 | 4 | 5;
}

/** The kind of a lesson's marks: a test for everyone, a short written work, or the usual. */
export function lessonKind(rnd: Random, key: string): { kind: () => WorkKind; share: number } {
  if (key === 'pe') return { kind: () => 'classwork', share: 0.2 };
  const r = rnd();
  if (r < 0.09) {
    const test: WorkKind =
      key === 'russian'
        ? pick(rnd, ['dictation', 'test'] as const)
        : key === 'literature'
          ? 'essay'
          : key === 'physics'
            ? pick(rnd, ['lab', 'test'] as const)
            : 'test';
    return { kind: () => test, share: 1 };
  }
  if (r < 0.2) {
    const quiz: WorkKind = key === 'physics' ? 'lab' : 'quiz';
    return { kind: () => quiz, share: 0.85 };
  }
  return { kind: () => pick(rnd, ['oral', 'homework', 'classwork'] as const), share: 0.38 };
}

export function markRow(
  rnd: Random,
  input: {
    id: string;
    pupil: Pupil;
    subject: string;
    teacher: string;
    lessonId: string | null;
    date: string;
    kind: WorkKind;
    value: number;
    at: string;
  },
): Row<'marks'> {
  const comments = COMMENTS[input.value] ?? [];
  return {
    id: input.id,
    child_id: input.pupil.id,
    subject_id: input.subject,
    teacher_id: input.teacher,
    lesson_id: input.lessonId,
    value: String(input.value),
    weight: WEIGHTS[input.kind],
    kind: input.kind,
    date: input.date,
    comment: rnd() < 0.08 ? pick(rnd, comments) : null,
    created_at: input.at,
    updated_at: input.at,
  };
}

/** Attendance and marks of the lessons before today, lesson by lesson. */
export function buildJournal(
  rnd: Random,
  lessons: readonly SeedLesson[],
  pupils: readonly Pupil[],
) {
  const marks: Row<'marks'>[] = [];
  const attendance: Row<'attendance'>[] = [];
  const ability = abilityIn(rnd);
  const illUntil = new Map<string, string>();
  const dayStatus = (pupil: Pupil, date: string): boolean => {
    const until = illUntil.get(pupil.id);
    if (until && date <= until) return true;
    if (rnd() >= 0.012) return false;
    illUntil.set(pupil.id, addDays(date, 1 + Math.floor(rnd() * 5)));
    return true;
  };
  const classPupils = byClass(pupils);
  let day = '';
  let ill = new Set<string>();
  for (const lesson of lessons) {
    const { row } = lesson;
    if (row.date !== day) {
      day = row.date;
      ill = new Set(pupils.filter((p) => dayStatus(p, day)).map((p) => p.id));
    }
    const kind = lessonKind(rnd, lesson.key);
    const at = moscow(row.date, row.end_time);
    for (const pupil of classPupils.get(row.class_id) ?? []) {
      const status = attendanceStatus(rnd, ill.has(pupil.id));
      attendance.push({
        id: `att_s${attendance.length + 1}`,
        lesson_id: row.id,
        child_id: pupil.id,
        date: row.date,
        status,
        reason: status === 'absent_excused' ? pick(rnd, ABSENCE_REASONS) : null,
        minutes_late: status === 'late' ? 2 + Math.floor(rnd() * 14) : null,
        recorded_by: lesson.teacherId,
        recorded_at: at,
      });
      if (status !== 'present' && status !== 'late') continue;
      if (rnd() >= kind.share) continue;
      const value = drawMark(rnd, ability(pupil, lesson.subjectId));
      const base = {
        pupil,
        subject: lesson.subjectId,
        teacher: lesson.teacherId,
        date: row.date,
        at,
      };
      marks.push(
        markRow(rnd, {
          ...base,
          id: `mrk_s${marks.length + 1}`,
          lessonId: row.id,
          kind: kind.kind(),
          value,
        }),
      );
    }
  }
  return { marks, attendance };
}

export function attendanceStatus(rnd: Random, ill: boolean): AttendanceStatus {
  if (ill) return 'ill';
  const r = rnd();
  if (r < 0.018) return 'absent_excused';
  if (r < 0.026) return 'absent_unexcused';
  if (r < 0.04) return 'late';
  return 'present';
}
