import { escapeFormula, toCsv, type TimetableTemplate } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { tableXlsx } from './roster-export';
import { TIMETABLE_HEADER, WEEKDAYS } from './timetable-template';

/**
 * The school's classes' repeating weeks in the timetable template's shape (the latest school
 * year's class of each name, by class, weekday and lesson number): the header, then one line per
 * lesson with its subject's name and its teacher's full name. An import of these lines changes
 * nothing.
 */
export async function timetableTable(db: Kysely<Database>, schoolId: string): Promise<string[][]> {
  const [classes, subjects, staff, templates] = await Promise.all([
    db.selectFrom('classes').selectAll().where('school_id', '=', schoolId).execute(),
    db.selectFrom('subjects').select(['id', 'name']).where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('users')
      .select(['id', 'last_name', 'first_name', 'middle_name'])
      .where('school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('timetable_templates')
      .innerJoin('classes', 'classes.id', 'timetable_templates.class_id')
      .select(['timetable_templates.class_id', 'timetable_templates.template'])
      .where('classes.school_id', '=', schoolId)
      .execute(),
  ]);
  const latest = new Map<string, (typeof classes)[number]>();
  for (const c of classes)
    if ((latest.get(c.name)?.school_year ?? '') < c.school_year) latest.set(c.name, c);
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  const teacherName = new Map(
    staff.map((u) => [u.id, [u.last_name, u.first_name, u.middle_name].filter(Boolean).join(' ')]),
  );
  const weekOf = new Map(templates.map((t) => [t.class_id, t.template]));
  const lines: string[][] = [];
  for (const cls of [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'))) {
    const template = weekOf.get(cls.id);
    if (!template) continue;
    const { items } = JSON.parse(template) as TimetableTemplate;
    for (const l of [...items].sort((a, b) => a.weekday - b.weekday || a.number - b.number))
      lines.push([
        cls.name,
        WEEKDAYS[l.weekday - 1] ?? String(l.weekday),
        String(l.number),
        escapeFormula(subjectName.get(l.subjectId) ?? ''),
        escapeFormula(teacherName.get(l.teacherId) ?? ''),
        escapeFormula(l.room),
      ]);
  }
  return [[...TIMETABLE_HEADER], ...lines];
}

/** The timetable as CSV for Excel in the Russian locale (`;`, BOM). */
export async function timetableCsv(db: Kysely<Database>, schoolId: string): Promise<string> {
  return toCsv(await timetableTable(db, schoolId), { delimiter: ';' });
}

/** The timetable as an XLSX workbook of one sheet, «Расписание». */
export async function timetableXlsx(db: Kysely<Database>, schoolId: string): Promise<Uint8Array> {
  return tableXlsx('Расписание', await timetableTable(db, schoolId));
}
