import { escapeFormula, toCsv } from '@school-diary/core';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { TEMPLATE_HEADER } from './ru-template';

/** `2015-04-12` → `12.04.2015`, as the template writes dates. */
const ruDate = (iso: string) => iso.split('-').reverse().join('.');

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
    [...TEMPLATE_HEADER],
    ...rows.map((r) => [
      escapeFormula(r.external_id ?? ''),
      escapeFormula([r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' ')),
      ruDate(r.birth_date),
      r.class_name,
      r.school_year,
      r.list_number === null ? '' : String(r.list_number),
      r.roster_id,
    ]),
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
