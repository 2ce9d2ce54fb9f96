import { ROSTER_TEMPLATE_HEADER, rosterTemplateRow, toCsv } from '@school-diary/core';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * The school's roster in the import template's shape (pupils still at school, by class and list
 * number): the header, then one line per pupil with their code for parents (the roster id). An
 * import of these lines changes nothing.
 */
export async function rosterTable(db: Kysely<Database>, schoolId: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('roster')
    .innerJoin('classes', 'classes.id', 'roster.class_id')
    .select([
      'roster.external_id',
      'roster.last_name',
      'roster.first_name',
      'roster.middle_name',
      'roster.birth_date',
      'roster.list_number',
      'roster.roster_id',
      'classes.name as class_name',
      'classes.school_year',
    ])
    .where('roster.school_id', '=', schoolId)
    .where('roster.left_at', 'is', null)
    .orderBy('classes.school_year')
    .orderBy('classes.name')
    .orderBy('roster.list_number')
    .orderBy('roster.last_name')
    .orderBy('roster.first_name')
    .execute();
  return [
    [...ROSTER_TEMPLATE_HEADER],
    ...rows.map((r) =>
      rosterTemplateRow({
        externalId: r.external_id,
        lastName: r.last_name,
        firstName: r.first_name,
        middleName: r.middle_name,
        birthDate: r.birth_date,
        className: r.class_name,
        schoolYear: r.school_year,
        listNumber: r.list_number,
        rosterId: r.roster_id,
      }),
    ),
  ];
}

/** The roster as CSV for Excel in the Russian locale (`;`, BOM). */
export async function rosterCsv(db: Kysely<Database>, schoolId: string): Promise<string> {
  return toCsv(await rosterTable(db, schoolId), { delimiter: ';' });
}

/** An XLSX workbook of one sheet named `name` holding `lines`, the first in bold (a header). */
export async function tableXlsx(name: string, lines: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  for (const line of lines) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The roster as an XLSX workbook of one sheet, «Ученики». */
export async function rosterXlsx(db: Kysely<Database>, schoolId: string): Promise<Uint8Array> {
  return tableXlsx('Ученики', await rosterTable(db, schoolId));
}
