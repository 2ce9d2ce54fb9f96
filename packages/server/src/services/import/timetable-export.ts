import {
  TIMETABLE_TEMPLATE_HEADER,
  timetableTemplateRow,
  toCsv,
  type TimetableTemplate,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { tableXlsx } from './roster-export';

/**
 * The school's classes' repeating weeks in the timetable template's shape (the latest school
 * year's class of each name, by class, weekday, lesson number and week): the header, then one line
 * per lesson with its subject's name, its teacher's full name and its week (`нечётная`, `чётная`,
 * or empty for every week). An import of these lines changes nothing.
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
    for (const l of [...items].sort(bySlot))
      lines.push(
        timetableTemplateRow({
          className: cls.name,
          weekday: l.weekday,
          number: l.number,
          subject: subjectName.get(l.subjectId) ?? '',
          teacher: teacherName.get(l.teacherId) ?? '',
          room: l.room,
          week: l.week,
        }),
      );
  }
  return [[...TIMETABLE_TEMPLATE_HEADER], ...lines];
}

const WEEK_ORDER = { odd: 0, undefined: 0, even: 1 } as const;
const bySlot = (a: TimetableTemplate['items'][number], b: TimetableTemplate['items'][number]) =>
  a.weekday - b.weekday ||
  a.number - b.number ||
  WEEK_ORDER[a.week ?? 'undefined'] - WEEK_ORDER[b.week ?? 'undefined'];

/** The timetable as CSV for Excel in the Russian locale (`;`, BOM). */
export async function timetableCsv(db: Kysely<Database>, schoolId: string): Promise<string> {
  return toCsv(await timetableTable(db, schoolId), { delimiter: ';' });
}

/** The timetable as an XLSX workbook of one sheet, «Расписание». */
export async function timetableXlsx(db: Kysely<Database>, schoolId: string): Promise<Uint8Array> {
  return tableXlsx('Расписание', await timetableTable(db, schoolId));
}
