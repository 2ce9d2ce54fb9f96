import { CsvParseError, parseCsv } from '@school-diary/core';

/** CSV whose quotes do not close: the import reports it at the line where the quote opened. */
export class UnreadableCsv extends Error {
  constructor(readonly line: number) {
    super(`The CSV cannot be read past line ${line}`);
    this.name = 'UnreadableCsv';
  }
}

/**
 * The text of a CSV file: UTF-8 (with or without BOM), or Windows-1251 — what Excel in the Russian
 * locale saves as "CSV" — when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** `;` when the header line has more semicolons than commas (Excel in the Russian locale). */
function delimiterOf(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.split(';').length > first.split(',').length ? ';' : ',';
}

/**
 * Reads CSV text with core's parser, with either delimiter, as lines of cells.
 *
 * @example
 * readCsv('ФИО;Класс\r\nИванова Мария;5А\r\n'); // [['ФИО', 'Класс'], ['Иванова Мария', '5А']]
 */
export function readCsv(text: string): string[][] {
  try {
    return parseCsv(text, { delimiter: delimiterOf(text) });
  } catch (error) {
    if (error instanceof CsvParseError)
      throw new UnreadableCsv(text.slice(0, error.offset).split(/\r\n|\r|\n/).length);
    throw error;
  }
}
