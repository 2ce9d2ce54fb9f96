import {
  headerKey,
  timetableLessonChange,
  timetableLessonKey,
  timetableTeacherKey,
  timetableTeacherKeys,
  weeksOf,
  type ImportError,
  type ImportRow,
  type Lang,
  type TemplateLesson,
  type TimetableTemplate,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { cellError } from './import-records';
import type { LessonRecord, TimetableRecords } from './timetable-template';

/**
 * A lesson as it will be written into its class's repeating week, and what it changes there: the
 * lesson now in its time and week (odd, even or both) and the fields that differ.
 */
export interface PlannedLesson {
  readonly record: LessonRecord;
  readonly classId: string;
  readonly lesson: TemplateLesson;
  readonly existing: TemplateLesson | undefined;
  readonly changes: readonly string[];
}

/** Everything a timetable import would write: the lessons, and each class's week as it stands. */
export interface TimetablePlan {
  readonly lessons: PlannedLesson[];
  /** The repeating week of each class the file names, as the school has it now. */
  readonly templates: ReadonlyMap<string, TimetableTemplate>;
  readonly errors: ImportError[];
  readonly rows: ImportRow[];
  readonly rowsRead: number;
}

type Staff = {
  id: string;
  phone: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
};

const slotOf = (weekday: number, number: number) => `${weekday}|${number}`;
/** The keys of a lesson's time in each week it is on: `1|3|odd`, `1|3|even`. */
const halvesOf = (l: Pick<TemplateLesson, 'weekday' | 'number' | 'week'>) =>
  weeksOf(l).map((w) => `${slotOf(l.weekday, l.number)}|${w}`);

/** Finds a staff member by phone, full name, or surname with initials (`Орлов С.Н.`). */
function staffFinder(staff: readonly Staff[]): (typed: string) => Staff[] {
  const byKey = new Map<string, Staff[]>();
  for (const s of staff) {
    const keys = timetableTeacherKeys({
      lastName: s.last_name,
      firstName: s.first_name,
      middleName: s.middle_name,
      phone: s.phone,
    });
    for (const key of new Set(keys)) byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return (typed) => byKey.get(timetableTeacherKey(typed)) ?? [];
}

/** What the school has that a timetable names: classes, subjects, staff, bells, classes' weeks. */
async function schoolOf(db: Kysely<Database>, schoolId: string) {
  const [classes, subjects, staff, bells, templates] = await Promise.all([
    db.selectFrom('classes').selectAll().where('school_id', '=', schoolId).execute(),
    db.selectFrom('subjects').selectAll().where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('users')
      .select(['id', 'phone', 'last_name', 'first_name', 'middle_name'])
      .where('school_id', '=', schoolId)
      .where('role', 'in', ['teacher', 'school_admin'])
      .execute(),
    db.selectFrom('bells').select('number').where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('timetable_templates')
      .innerJoin('classes', 'classes.id', 'timetable_templates.class_id')
      .select(['timetable_templates.class_id', 'timetable_templates.template'])
      .where('classes.school_id', '=', schoolId)
      .execute(),
  ]);
  return { classes, subjects, staff, bells: bells.map((b) => b.number), templates };
}

/**
 * Compares a timetable file with the school's classes' repeating weeks: each lesson is to be
 * created, changed or left alone, or is an error (a class, subject or teacher the school does not
 * have, a lesson number without a bell, two lessons of a class at one time of one week, a teacher
 * in two rooms at once — in the file or beside another class's week). A lesson of odd or even
 * weeks only changes that week of its time; lessons of a time or week the file does not name stay
 * as they are. Reads only; nothing is written.
 */
export async function planTimetable(
  db: Kysely<Database>,
  schoolId: string,
  records: TimetableRecords,
  lang: Lang,
): Promise<TimetablePlan> {
  const school = await schoolOf(db, schoolId);
  const errors = [...records.errors];
  const rows: ImportRow[] = [];
  const latest = new Map<string, (typeof school.classes)[number]>();
  for (const c of school.classes)
    if ((latest.get(c.name)?.school_year ?? '') < c.school_year) latest.set(c.name, c);
  const yearOf = new Map(school.classes.map((c) => [c.id, c.school_year]));
  const nameOf = new Map(school.classes.map((c) => [c.id, c.name]));
  const subjects = new Map<string, string>();
  for (const s of school.subjects) {
    subjects.set(headerKey(s.short_name), s.id);
    subjects.set(headerKey(s.name), s.id);
  }
  const findStaff = staffFinder(school.staff);
  const bells = new Set(school.bells);
  const lastBell = Math.max(0, ...school.bells);
  const templates = new Map<string, TimetableTemplate>(
    school.templates.map((t) => [t.class_id, JSON.parse(t.template) as TimetableTemplate]),
  );

  const lessons: PlannedLesson[] = [];
  const seenSlots = new Map<string, number>();
  const teacherAt = new Map<string, { room: string; row: number }>();
  for (const record of records.lessons) {
    const at = (column: string) => ({ ...record, column });
    const before = errors.length;
    const unknown = (column: string, field: string, value: string) =>
      errors.push(cellError(lang, at(column), 'unknown_reference', { field, params: { value } }));
    const cls = latest.get(record.className);
    if (!cls) unknown(record.columns.className, 'className', record.className);
    const subjectId = subjects.get(headerKey(record.subject));
    if (!subjectId) unknown(record.columns.subject, 'subject', record.subject);
    const teachers = findStaff(record.teacher);
    if (teachers.length === 0) unknown(record.columns.teacher, 'teacher', record.teacher);
    if (teachers.length > 1)
      errors.push(
        cellError(lang, at(record.columns.teacher), 'duplicate', {
          field: 'teacher',
          params: { value: record.teacher },
        }),
      );
    if (bells.size > 0 && !bells.has(record.number))
      errors.push(
        cellError(lang, at(record.columns.number), 'too_big', {
          field: 'lessonNumber',
          params: { value: record.number, maximum: lastBell },
        }),
      );
    const teacherId = teachers[0]?.id;
    const halves = halvesOf(record);
    const label = timetableLessonKey(record);
    if (errors.length > before || !cls || !subjectId || !teacherId) {
      rows.push({ ...origin(record), kind: 'lesson', action: 'error', key: label, label });
      continue;
    }
    const firstOfSlot = halves
      .map((h) => seenSlots.get(`${cls.id}|${h}`))
      .find((row) => row !== undefined);
    if (firstOfSlot !== undefined) {
      errors.push(
        cellError(lang, at(record.columns.number), 'duplicate', {
          field: 'lessonSlot',
          params: { value: cls.name, row: firstOfSlot },
        }),
      );
      continue;
    }
    for (const h of halves) seenSlots.set(`${cls.id}|${h}`, record.row);
    const busy = halves
      .map((h) => teacherAt.get(`${cls.school_year}|${teacherId}|${h}`))
      .find((b) => b !== undefined && b.room !== record.room);
    if (busy) {
      errors.push(
        cellError(lang, at(record.columns.teacher), 'duplicate', {
          field: 'teacherSlot',
          params: { room: busy.room, row: busy.row },
        }),
      );
      continue;
    }
    for (const h of halves)
      teacherAt.set(`${cls.school_year}|${teacherId}|${h}`, { room: record.room, row: record.row });
    const lesson: TemplateLesson = {
      weekday: record.weekday,
      number: record.number,
      subjectId,
      teacherId,
      room: record.room,
      ...(record.week ? { week: record.week } : {}),
    };
    const { existing, changes } = timetableLessonChange(lesson, templates.get(cls.id)?.items ?? []);
    lessons.push({ record, classId: cls.id, lesson, existing, changes });
    rows.push({
      ...origin(record),
      kind: 'lesson',
      action: !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
      key: label,
      label: `${label} ${record.subject}`,
      ...(existing && changes.length > 0 ? { changes: [...changes] } : {}),
    });
  }
  const clashes = clashesWithOtherWeeks(lessons, templates, yearOf, nameOf);
  for (const { planned, other } of clashes)
    errors.push(
      cellError(
        lang,
        { ...planned.record, column: planned.record.columns.teacher },
        'already_registered',
        {
          field: 'teacherSlot',
          params: { value: nameOf.get(other.classId) ?? '', room: other.room },
        },
      ),
    );
  const failed = new Set(clashes.map((c) => c.planned.record.row));
  return {
    lessons: lessons.filter((l) => !failed.has(l.record.row)),
    templates,
    errors,
    rows: rows.map((r) => (failed.has(r.row) ? errorRow(r) : r)),
    rowsRead: records.rowsRead,
  };
}

const origin = (r: LessonRecord) => ({ file: r.file, row: r.row });

/** A row refused after it was planned: an error, without the changes it would have made. */
function errorRow(r: ImportRow): ImportRow {
  const { changes: _, ...rest } = r;
  return { ...rest, action: 'error' };
}

/**
 * Lessons of the file whose teacher, at the same time and week (odd or even) of the same school
 * year, teaches another class in another room in a week the file leaves as it is.
 */
function clashesWithOtherWeeks(
  lessons: readonly PlannedLesson[],
  templates: ReadonlyMap<string, TimetableTemplate>,
  yearOf: ReadonlyMap<string, string>,
  nameOf: ReadonlyMap<string, string>,
): { planned: PlannedLesson; other: { classId: string; room: string } }[] {
  const replaced = new Set(
    lessons.flatMap((l) => halvesOf(l.lesson).map((h) => `${l.classId}|${h}`)),
  );
  const kept = new Map<string, { classId: string; room: string }[]>();
  for (const [classId, template] of templates) {
    if (!nameOf.has(classId)) continue;
    for (const l of template.items)
      for (const half of halvesOf(l)) {
        if (replaced.has(`${classId}|${half}`)) continue;
        const key = `${yearOf.get(classId)}|${l.teacherId}|${half}`;
        kept.set(key, [...(kept.get(key) ?? []), { classId, room: l.room }]);
      }
  }
  return lessons.flatMap((planned) => {
    const { teacherId, room } = planned.lesson;
    const other = halvesOf(planned.lesson)
      .flatMap((h) => kept.get(`${yearOf.get(planned.classId)}|${teacherId}|${h}`) ?? [])
      .find((o) => o.classId !== planned.classId && o.room !== room);
    return other ? [{ planned, other }] : [];
  });
}
