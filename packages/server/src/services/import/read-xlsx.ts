import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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

/** The parts of exceljs's streaming reader (4.4) that hand an archive entry's bytes to its XML parser. */
interface ReaderParts {
  _parseSharedStrings(entry: Readable): unknown;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): unknown;
}

/** Text of a stream of UTF-8 bytes, a character split between two pieces kept whole. */
async function* utf8(pieces: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const piece of pieces) yield typeof piece === 'string' ? piece : decoder.write(piece);
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader decodes each piece of an entry on its own, so a Cyrillic letter
 * split between two pieces becomes U+FFFD (`Ива�ов`); its entries are handed to the XML parser as
 * text decoded across pieces instead.
 */
function decodeAcrossPieces(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const parts = reader as unknown as ReaderParts;
  const strings = parts._parseSharedStrings.bind(reader);
  const sheet = parts._parseWorksheet.bind(reader);
  parts._parseSharedStrings = (entry) => strings(entry.setEncoding('utf8'));
  parts._parseWorksheet = (iterator, sheetNo) => sheet(utf8(iterator), sheetNo);
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
  decodeAcrossPieces(reader);
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
