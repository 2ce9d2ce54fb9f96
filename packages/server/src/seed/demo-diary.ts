import {
  finalMark,
  roundAverage,
  summarizeBySubject,
  type AttendanceStatus,
  type WorkKind,
  addDays,
  datesBetween,
  isoDayOfWeek,
  isoWeekOf,
  todayIn,
  weekMonday,
} from '@school-diary/core';
import type { Insertable, Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import {
  ABSENCE_REASONS,
  COMMENTS,
  EXTRA_TEACHERS,
  HOLIDAYS,
  HOMEWORK,
  NEW_THIS_YEAR,
  QUARTERS,
  STAFFING,
  SUBJECTS_17,
  TIMES,
  WEEK,
  WEIGHTS,
} from './data/diary';
import { DEMO } from './data/demo-world';
import { pick, seededRandom } from './seeded-random';

type Row<T extends keyof Database> = Insertable<Database[T]>;
type Random = () => number;

const U = DEMO.users;
const C = DEMO.classes;
const BATCH = 500;
/** A generated lesson with what the journal needs to know about it. */
interface SeedLesson {
  readonly row: Row<'lessons'>;
  key: string;
  teacherId: string;
  subjectId: string;
}

/** A pupil with their abilities. */
interface Pupil {
  readonly id: string;
  readonly classId: string;
  readonly ability: number;
}

function subjectId(classId: string, key: string): string {
  return `sub_${classId.startsWith('cls_17') ? '17' : '42'}_${key}`;
}

function endTime(start: string): string {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m + 45;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A Moscow wall-clock time (UTC+3 all year) as an ISO instant. */
function moscow(date: string, time: string): string {
  return new Date(`${date}T${time}:00+03:00`).toISOString();
}

/** The working days of a school year's quarters, `startYear` being 2026 for 2026/2027. */
function schoolDays(startYear: number): string[] {
  return QUARTERS.flatMap(([, from, to], i) => {
    const year = i < 2 ? startYear : startYear + 1;
    return datesBetween(`${year}-${from}`, `${year}-${to}`);
  }).filter((d) => isoDayOfWeek(d) <= 5 && !HOLIDAYS.has(d));
}

async function insertBatches<T extends keyof Database & string>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

async function insertStaff(trx: Kysely<Database>, now: string): Promise<void> {
  const { password_hash } = await trx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', U.teacherMath.id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('users')
    .values(
      EXTRA_TEACHERS.map(([id, phone, school, last, first, middle, hours]) => ({
        id,
        role: 'teacher',
        phone,
        password_hash,
        last_name: last,
        first_name: first,
        middle_name: middle,
        email: null,
        snils: null,
        snils_hash: null,
        passport: null,
        school_id: school,
        contact_hours: hours,
        identity_status: 'confirmed_sms',
        failed_logins: 0,
        locked_until: null,
        created_at: now,
      })),
    )
    .execute();
  await trx
    .insertInto('subjects')
    .values(
      SUBJECTS_17.map(([id, name, short]) => ({
        id,
        school_id: 'sch_17',
        name,
        short_name: short,
      })),
    )
    .execute();
  const existing = await trx.selectFrom('teaching').selectAll().execute();
  const known = new Set(existing.map((t) => `${t.teacher_id}|${t.class_id}|${t.subject_id}`));
  const teaching = Object.entries(STAFFING).flatMap(([classId, bySubject]) =>
    Object.entries(bySubject).map(([subject, [teacher]]) => ({
      teacher_id: teacher,
      class_id: classId,
      subject_id: subject,
    })),
  );
  const fresh = teaching.filter((t) => !known.has(`${t.teacher_id}|${t.class_id}|${t.subject_id}`));
  await trx.insertInto('teaching').values(fresh).execute();
}

async function insertCalendars(trx: Kysely<Database>): Promise<void> {
  for (const school of ['sch_42', 'sch_17']) {
    for (const start of [2025, 2026]) {
      const id = `sy_${school.slice(4)}_${start}`;
      await trx
        .insertInto('school_years')
        .values({
          id,
          school_id: school,
          name: `${start}/${start + 1}`,
          start_date: `${start}-09-01`,
          end_date: `${start + 1}-05-31`,
          period_kind: 'quarter',
        })
        .execute();
      await trx
        .insertInto('periods')
        .values(
          QUARTERS.map(([name, from, to], i) => ({
            id: `per_${school.slice(4)}_${start}_q${i + 1}`,
            school_year_id: id,
            kind: 'quarter',
            number: i + 1,
            name,
            start_date: `${i < 2 ? start : start + 1}-${from}`,
            end_date: `${i < 2 ? start : start + 1}-${to}`,
          })),
        )
        .execute();
    }
  }
}

function buildLessons(days: readonly string[]): SeedLesson[] {
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

/** A few substitutions: some past ones, and three in the week of `today`. */
function buildSubstitutions(
  lessons: SeedLesson[],
  today: string,
  now: string,
): Row<'substitutions'>[] {
  const monday = weekMonday(isoWeekOf(today));
  const specs = [
    [C.c5a.id, '2026-10-14', 2, 'usr_teacher_history', null, 'Болезнь учителя', '214'],
    [
      C.c8b.id,
      '2026-11-12',
      4,
      U.teacherMath.id,
      'sub_42_algebra',
      'Курсы повышения квалификации',
      null,
    ],
    [C.c7v.id, '2026-09-23', 3, 'usr_teacher_17_history', null, 'Болезнь учителя', null],
    [
      C.c5a.id,
      addDays(monday, 3),
      2,
      'usr_teacher_literature',
      null,
      'Курсы повышения квалификации',
      '207',
    ],
    [C.c8b.id, addDays(monday, 4), 1, U.teacherMath.id, 'sub_42_algebra', 'Болезнь учителя', null],
    [
      C.c7v.id,
      addDays(monday, 1),
      4,
      'usr_teacher_17_history',
      'sub_17_history',
      'Болезнь учителя',
      '15',
    ],
  ] as const;
  const byKey = new Map(lessons.map((l) => [l.row.id, l]));
  return specs.flatMap(([classId, date, number, teacher, subject, reason, room]) => {
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
        created_by: classId === C.c7v.id ? U.admin17.id : U.admin42.id,
        created_at: date < today ? moscow(addDays(date, -1), '16:00') : now,
      },
    ];
  });
}

async function loadPupils(trx: Kysely<Database>, rnd: Random): Promise<Pupil[]> {
  const rows = await trx
    .selectFrom('children')
    .select(['id', 'class_id'])
    .where('class_id', 'in', Object.keys(WEEK))
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

function byClass(pupils: readonly Pupil[]): Map<string, Pupil[]> {
  const map = new Map<string, Pupil[]>();
  for (const pupil of pupils) map.set(pupil.classId, [...(map.get(pupil.classId) ?? []), pupil]);
  return map;
}

/** A pupil's ability in a subject: their level plus a stable per-subject lean. */
function abilityIn(rnd: Random): (pupil: Pupil, subject: string) => number {
  const lean = new Map<string, number>();
  return (pupil, subject) => {
    const key = `${pupil.id}|${subject}`;
    if (!lean.has(key)) lean.set(key, (rnd() - 0.5) * 0.5);
    return pupil.ability + (lean.get(key) ?? 0);
  };
}

function drawMark(rnd: Random, ability: number): 2 | 3 | 4 | 5 {
  const x = ability + (rnd() + rnd() + rnd() - 1.5) * 1.1;
  return Math.min(5, Math.max(2, Math.round(x))) as 2 | 3 | 4 | 5;
}

/** The kind of a lesson's marks: a test for everyone, a short written work, or the usual. */
function lessonKind(rnd: Random, key: string): { kind: () => WorkKind; share: number } {
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

function markRow(
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
function buildJournal(rnd: Random, lessons: readonly SeedLesson[], pupils: readonly Pupil[]) {
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

function attendanceStatus(rnd: Random, ill: boolean): AttendanceStatus {
  if (ill) return 'ill';
  const r = rnd();
  if (r < 0.018) return 'absent_excused';
  if (r < 0.026) return 'absent_unexcused';
  if (r < 0.04) return 'late';
  return 'present';
}

function fillTemplate(rnd: Random, template: string, paragraph: number): string {
  const p = 8 + paragraph * 4 + Math.floor(rnd() * 3);
  const a = 40 + paragraph * 6 + Math.floor(rnd() * 5);
  return template
    .replaceAll('{n}', String(paragraph))
    .replaceAll('{p}', String(p))
    .replaceAll('{q}', String(p + 12))
    .replaceAll('{a}', String(a))
    .replaceAll('{b}', String(a + 2))
    .replaceAll('{c}', String(a + 5));
}

/** Homework for most lessons up to today, due at the subject's next lesson. */
function buildHomework(
  rnd: Random,
  lessons: readonly SeedLesson[],
  today: string,
): Row<'homework'>[] {
  // Per class and subject: the date of the lesson after, and the one after a later date.
  const next = new Map<string, { date: string; later: string }>();
  const homework: Row<'homework'>[] = [];
  const seen = new Map<string, number>();
  for (const lesson of [...lessons].reverse()) {
    const { row } = lesson;
    const slot = `${row.class_id}|${lesson.key}`;
    const stored = next.get(slot);
    const due =
      stored && stored.date > row.date ? stored.date : (stored?.later ?? addDays(row.date, 7));
    next.set(slot, { date: row.date, later: due });
    const templates = HOMEWORK[lesson.key];
    if (!templates || row.date > today || rnd() >= 0.85) continue;
    homework.push({
      id: `hwk_${row.id.slice(4)}`,
      lesson_id: row.id,
      class_id: row.class_id,
      subject_id: lesson.subjectId,
      teacher_id: lesson.teacherId,
      text: '',
      assigned_date: row.date,
      due_date: due,
      created_at: moscow(row.date, row.end_time),
      updated_at: moscow(row.date, row.end_time),
    });
  }
  // Paragraphs advance through the year, so texts are written in date order.
  homework.reverse();
  for (const h of homework) {
    const key = Object.keys(HOMEWORK).find((k) => h.subject_id.endsWith(`_${k}`)) ?? 'math';
    const count = (seen.get(`${h.class_id}|${key}`) ?? 0) + 1;
    seen.set(`${h.class_id}|${key}`, count);
    h.text = fillTemplate(rnd, pick(rnd, HOMEWORK[key] ?? []), 1 + Math.floor(count / 2));
  }
  return homework;
}

/** The final marks of the quarters that are over, graded by core's maths as teachers would. */
function buildFinalMarks(
  marks: readonly Row<'marks'>[],
  pupils: readonly Pupil[],
  today: string,
): Row<'final_marks'>[] {
  const rows: Row<'final_marks'>[] = [];
  const classOf = new Map(pupils.map((p) => [p.id, p.classId]));
  const byChild = new Map<string, Row<'marks'>[]>();
  for (const m of marks) {
    const list = byChild.get(m.child_id);
    if (list) list.push(m);
    else byChild.set(m.child_id, [m]);
  }
  QUARTERS.forEach(([, from, to], i) => {
    const year = i < 2 ? 2026 : 2027;
    const range = { from: `${year}-${from}`, to: `${year}-${to}` };
    if (range.to >= today) return;
    for (const [childId, list] of byChild) {
      const classId = classOf.get(childId) ?? '';
      const school = classId.startsWith('cls_17') ? '17' : '42';
      const graded = list.map((m) => ({
        ...m,
        subjectId: m.subject_id,
        subjectName: m.subject_id,
        value: Number(m.value) as 2 | 3 | 4 | 5,
      }));
      for (const summary of summarizeBySubject(graded, range)) {
        const average = summary.weightedAverage;
        const value = finalMark(average === null ? null : roundAverage(average));
        if (value === null) continue;
        rows.push({
          id: `fmk_${childId.slice(4)}_${summary.subjectId.slice(4)}_q${i + 1}`,
          child_id: childId,
          subject_id: summary.subjectId,
          period_id: `per_${school}_2026_q${i + 1}`,
          value: String(value),
          teacher_id: STAFFING[classId]?.[summary.subjectId]?.[0] ?? '',
          updated_at: moscow(range.to, '18:00'),
        });
      }
    }
  });
  return rows;
}

/** Last year's marks (2025/2026), with no lessons behind them, for the year comparison. */
function buildPreviousYear(rnd: Random, pupils: readonly Pupil[]): Row<'marks'>[] {
  const marks: Row<'marks'>[] = [];
  const ability = abilityIn(rnd);
  const drift = new Map(pupils.map((p) => [p.id, (rnd() - 0.6) * 0.4]));
  const classPupils = byClass(pupils);
  for (const date of schoolDays(2025)) {
    for (const [classId, week] of Object.entries(WEEK)) {
      const keys = (week[isoDayOfWeek(date) - 1] ?? []).filter(
        (k) => !NEW_THIS_YEAR[classId]?.includes(k),
      );
      for (const key of keys) {
        const subject = subjectId(classId, key);
        const teacher = STAFFING[classId]?.[subject]?.[0] ?? '';
        for (const pupil of classPupils.get(classId) ?? []) {
          if (rnd() >= (key === 'pe' ? 0.2 : 0.42)) continue;
          const r = rnd();
          const kind: WorkKind =
            key === 'pe'
              ? 'classwork'
              : r < 0.08
                ? 'test'
                : r < 0.2
                  ? 'quiz'
                  : pick(rnd, ['oral', 'homework', 'classwork'] as const);
          const value = drawMark(rnd, ability(pupil, subject) + (drift.get(pupil.id) ?? 0));
          const at = moscow(date, '15:00');
          marks.push(
            markRow(rnd, {
              id: `mrk_p${marks.length + 1}`,
              pupil,
              subject,
              teacher,
              lessonId: null,
              date,
              kind,
              value,
              at,
            }),
          );
        }
      }
    }
  }
  return marks;
}

/**
 * The demo diary: school years 2025/2026 and 2026/2027 with quarters for both demo schools, extra
 * teachers and subjects, a weekly timetable for 5А, 8Б and 7В over the whole year, and — up to
 * the clock's today — attendance, marks for every pupil, homework, a few substitutions (some in
 * the current week) and the final marks of the quarters that are over; plus last year's marks.
 * Deterministic (seeded), inserted in batches. Runs inside `seedDemo`'s transaction.
 */
export async function seedDemoDiary(
  trx: Kysely<Database>,
  options: { clock: Clock },
): Promise<void> {
  const rnd = seededRandom(2026);
  const now = options.clock.now().toISOString();
  const today = todayIn(options.clock.now(), 'Europe/Moscow');
  await insertStaff(trx, now);
  await insertCalendars(trx);
  const lessons = buildLessons(schoolDays(2026));
  await insertBatches(
    trx,
    'lessons',
    lessons.map((l) => l.row),
  );
  await insertBatches(trx, 'substitutions', buildSubstitutions(lessons, today, now));
  const pupils = await loadPupils(trx, rnd);
  const past = lessons
    .filter((l) => l.row.date < today)
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : 0));
  const { marks, attendance } = buildJournal(rnd, past, pupils);
  await insertBatches(trx, 'attendance', attendance);
  await insertBatches(trx, 'marks', marks);
  await insertBatches(trx, 'homework', buildHomework(rnd, lessons, today));
  await insertBatches(trx, 'final_marks', buildFinalMarks(marks, pupils, today));
  await insertBatches(trx, 'marks', buildPreviousYear(rnd, pupils));
}
