import ExcelJS from 'exceljs';
import type { TableLine } from './import-records';

type CellValue = ExcelJS.CellValue;

/** A date typed in a spreadsheet as `YYYY-MM-DD` (Excel keeps dates as UTC midnight). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell's value as the text an import reads: dates as `YYYY-MM-DD`, formulas by their result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return String(value);
  if ('result' in value) return cellText(value.result as CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return '';
}

/**
 * The first worksheet of an XLSX workbook on disk, row by row as text cells, read with exceljs's
 * streaming reader: shared strings and styles are kept (they say what a cell holds and whether a
 * number is a date), the rows are not. A row's `line` is its number in the sheet.
 *
 * @example
 * for await (const { line, cells } of xlsxLines('/tmp/roster.xlsx')) …
 */
export async function* xlsxLines(path: string): AsyncGenerator<TableLine> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      yield { line: row.number, cells: Array.from(cells, (c) => c ?? '') };
    }
    return;
  }
}
