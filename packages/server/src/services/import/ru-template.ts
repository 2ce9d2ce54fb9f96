import {
  missingRosterTemplateColumns,
  readRosterTemplateLine,
  rosterTemplateLayout,
  type Lang,
} from '@school-diary/core';
import { cellError, emptyRecords, type ImportRecords, type Table } from './import-records';
import type { ImportWatch } from './import-watch';

/**
 * Reads the roster template (one table: a header line, then a pupil per line) into pupils, each
 * line checked by core's column rules as the file streams. Blank lines are skipped; unknown
 * columns are ignored.
 */
export async function readTemplate(
  table: Table,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<ImportRecords> {
  const records = emptyRecords();
  const lines = table.lines[Symbol.asyncIterator]();
  const first = await lines.next();
  const layout = rosterTemplateLayout(first.done ? [] : first.value.cells);
  const missing = missingRosterTemplateColumns(layout);
  for (const column of missing)
    records.errors.push(
      cellError(lang, { file: table.name, row: 0, column }, 'missing_column', {
        params: { column },
      }),
    );
  if (missing.length > 0) {
    await lines.return?.();
    return records;
  }
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c.trim() === '')) continue;
    records.rowsRead += 1;
    const read = readRosterTemplateLine(cells, layout, { lang, today });
    const at = { file: table.name, row: line };
    if (read.ok) records.pupils.push({ ...at, ...read.pupil });
    else for (const error of read.errors) records.errors.push({ ...at, ...error });
    watch.read(records.errors.length);
  }
  return records;
}
