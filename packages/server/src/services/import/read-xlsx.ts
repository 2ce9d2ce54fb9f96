import ExcelJS from 'exceljs';
import type { Sheet } from './import-records';

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
 * The first worksheet of an XLSX workbook as lines of text cells (exceljs), the header first.
 *
 * @example
 * const sheet = await readXlsx(bytes, 'roster.xlsx');
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { name: sheet ? `${name}: ${sheet.name}` : name, rows: Array.from(rows, (r) => r ?? []) };
}
