import { escapeFormula, toCsv, type CsvDelimiter } from './csv.js';
import type { MarkValue } from '../grades/grade-average.js';
import { markValueText } from '../grades/mark-text.js';

/** One mark as a row of the export. */
export interface MarkCsvRow {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  subject: string;
  value: MarkValue;
  weight: number;
  kind: string;
  comment?: string;
  teacher?: string;
  period?: string;
}

/** The language of the header, dates and pass marks. */
export type MarkCsvLang = 'ru' | 'en';

/** Options of {@link marksToCsv}. */
export interface MarksToCsvOptions {
  /**
   * `,` (default) for RFC 4180 tools; `;` for Excel in the Russian locale, which splits on `;`
   * and reads a decimal comma, so weights are then written as `1,5`.
   */
  delimiter?: CsvDelimiter;
  /** Default `'ru'`. */
  lang?: MarkCsvLang;
  /** Start with a UTF-8 BOM so Excel reads Cyrillic correctly; default `true`. */
  bom?: boolean;
}

/** Stable codes of {@link MarksCsvError}. */
export type MarksCsvErrorCode = 'invalid_date';

/** A mark whose date is not ISO `YYYY-MM-DD`. */
export class MarksCsvError extends RangeError {
  override readonly name = 'MarksCsvError';

  constructor(
    readonly code: MarksCsvErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const HEADERS: Record<MarkCsvLang, readonly string[]> = {
  ru: ['Дата', 'Предмет', 'Оценка', 'Вес', 'Вид работы', 'Комментарий', 'Учитель', 'Период'],
  en: ['Date', 'Subject', 'Mark', 'Weight', 'Kind of work', 'Comment', 'Teacher', 'Period'],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatDate(date: string, lang: MarkCsvLang): string {
  const parts = ISO_DATE.exec(date);
  if (!parts)
    throw new MarksCsvError('invalid_date', `A mark date must be YYYY-MM-DD, got "${date}"`);
  const [, year, month, day] = parts;
  return lang === 'ru' ? `${day}.${month}.${year}` : date;
}

function formatValue(value: MarkValue, lang: MarkCsvLang): string {
  return markValueText(lang, value);
}

function formatWeight(weight: number, delimiter: CsvDelimiter): string {
  return delimiter === ';' ? String(weight).replace('.', ',') : String(weight);
}

/** Text a person typed or a school named: a spreadsheet must never run it as a formula. */
function text(cell: string | undefined): string {
  return escapeFormula(cell ?? '');
}

/**
 * The marks as CSV with a localised header: dates as `DD.MM.YYYY` (ru) or `YYYY-MM-DD` (en),
 * pass marks as «зачёт»/«незачёт» or pass/fail. With `delimiter: ';'` — the option for Excel in
 * the Russian locale — weights use a decimal comma (`1,5`). The text columns (subject, kind,
 * comment, teacher, period) are guarded against formula injection with {@link escapeFormula}.
 * Throws {@link MarksCsvError} for a date that is not `YYYY-MM-DD`.
 *
 * @example
 * marksToCsv(
 *   [{ date: '2025-09-15', subject: 'Алгебра', value: 5, weight: 1.5, kind: 'Контрольная работа' }],
 *   { delimiter: ';', bom: false },
 * );
 * // 'Дата;Предмет;Оценка;Вес;Вид работы;Комментарий;Учитель;Период\r\n15.09.2025;Алгебра;5;1,5;Контрольная работа;;;\r\n'
 */
export function marksToCsv(
  marks: readonly MarkCsvRow[],
  { delimiter = ',', lang = 'ru', bom = true }: MarksToCsvOptions = {},
): string {
  const rows = marks.map((mark) => [
    formatDate(mark.date, lang),
    text(mark.subject),
    formatValue(mark.value, lang),
    formatWeight(mark.weight, delimiter),
    text(mark.kind),
    text(mark.comment),
    text(mark.teacher),
    text(mark.period),
  ]);
  return toCsv([HEADERS[lang], ...rows], { delimiter, bom });
}
