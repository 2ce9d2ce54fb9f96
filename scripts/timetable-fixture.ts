// Writes the timetable import's XLSX fixture from its CSV twin (same lines, one sheet «Расписание»),
// as a school's Excel would save it: lesson numbers as numbers, the rest as text.
//
//   node --conditions=source --import tsx scripts/timetable-fixture.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsv } from '@school-diary/core';
import ExcelJS from 'exceljs';

const folder = new URL('../packages/server/src/services/import/fixtures/', import.meta.url)
  .pathname;
const lines = parseCsv(readFileSync(`${folder}timetable.csv`, 'utf8').replace(/^\uFEFF/, ''), {
  delimiter: ';',
});
const workbook = new ExcelJS.Workbook();
// A fixed date keeps the file the same from run to run.
workbook.created = workbook.modified = new Date('2026-09-01T00:00:00Z');
const sheet = workbook.addWorksheet('Расписание');
lines.forEach((cells, n) =>
  sheet.addRow(n === 0 ? cells : cells.map((c, i) => (i === 2 ? Number(c) : c))),
);
sheet.getRow(1).font = { bold: true };
writeFileSync(`${folder}timetable.xlsx`, new Uint8Array(await workbook.xlsx.writeBuffer()));
