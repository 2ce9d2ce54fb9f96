/** A field separator: `,` (RFC 4180) or `;` (what Excel expects in the Russian locale). */
export type CsvDelimiter = ',' | ';';

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Default `,`. */
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte order mark so Excel reads Cyrillic correctly; default `true`. */
  bom?: boolean;
  /** The line ending after every row; default `\r\n` (RFC 4180). */
  newline?: '\r\n' | '\n';
  /**
   * Prefix `'` to every cell that a spreadsheet would run as a formula (see {@link escapeFormula});
   * default `false`, since it changes the data and breaks round-tripping.
   */
  escapeFormulas?: boolean;
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Default `,`. */
  delimiter?: CsvDelimiter;
}

/** Stable codes of {@link CsvParseError}. */
export type CsvParseErrorCode = 'unterminated_quote' | 'text_after_quote';

/** Malformed CSV: a quoted field that never closes, or text right after a closing quote. */
export class CsvParseError extends SyntaxError {
  override readonly name = 'CsvParseError';

  constructor(
    readonly code: CsvParseErrorCode,
    /** The offset in the text (after any byte order mark) where the problem was found. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Defuses CSV formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'`
 * prefix, so a spreadsheet shows it as text instead of running it. Meant for free-text cells:
 * it would turn the number -1 into the text '-1.
 *
 * @example
 * escapeFormula('=HYPERLINK("http://evil")'); // `'=HYPERLINK("http://evil")`
 * escapeFormula('Иванова'); // 'Иванова'
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoteIfNeeded(field: string, delimiter: CsvDelimiter): string {
  const needsQuotes =
    field.includes(delimiter) ||
    /["\r\n]/.test(field) ||
    /^\s|\s$/.test(field) ||
    // A leading BOM would be stripped by the parser as the file's own.
    field.startsWith(BOM);
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

function formatRow(row: readonly string[], delimiter: CsvDelimiter, escape: boolean): string {
  // A row of one empty field would print as an empty line, which reads back as a row of none.
  if (row.length === 1 && row[0] === '') return '""';
  return row
    .map((field) => quoteIfNeeded(escape ? escapeFormula(field) : field, delimiter))
    .join(delimiter);
}

/**
 * Writes rows as RFC 4180 CSV. Every row, the last included, ends with `newline`. A field is
 * quoted when it holds the delimiter, a quote, CR or LF, or starts or ends with whitespace;
 * quotes inside are doubled. So that {@link parseCsv} gives back exactly the rows written, a row
 * with no fields is an empty line, a row of one empty field is `""`, and no rows is no text
 * (just the BOM when `bom`).
 *
 * @example
 * toCsv([['Предмет', 'Комментарий'], ['Алгебра', 'молодец, "отлично"']], { bom: false });
 * // 'Предмет,Комментарий\r\nАлгебра,"молодец, ""отлично"""\r\n'
 */
export function toCsv(
  rows: readonly (readonly string[])[],
  { delimiter = ',', bom = true, newline = '\r\n', escapeFormulas = false }: ToCsvOptions = {},
): string {
  let text = bom ? BOM : '';
  for (const row of rows) text += formatRow(row, delimiter, escapeFormulas) + newline;
  return text;
}

/** Reads a quoted field whose opening quote is at `start`; returns it and the offset after it. */
function readQuoted(text: string, start: number, delimiter: string): [string, number] {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) {
      throw new CsvParseError(
        'unterminated_quote',
        start,
        `A quoted field opened at ${start} never closes`,
      );
    }
    value += text.slice(from, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      from = quote + 2;
      continue;
    }
    const next = quote + 1;
    const after = text[next];
    if (after !== undefined && after !== delimiter && after !== '\r' && after !== '\n') {
      throw new CsvParseError(
        'text_after_quote',
        next,
        `Unexpected text after a closing quote at ${next}`,
      );
    }
    return [value, next];
  }
}

/** Reads an unquoted field starting at `start`; a stray quote inside it is kept as it is. */
function readPlain(text: string, start: number, delimiter: string): [string, number] {
  let end = start;
  while (end < text.length) {
    const c = text[end];
    if (c === delimiter || c === '\r' || c === '\n') break;
    end += 1;
  }
  return [text.slice(start, end), end];
}

/** The offset after a line break at `at` (CRLF, LF or a lone CR). */
function skipNewline(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}

/**
 * Reads CSV into rows of fields: strips a leading BOM, accepts CRLF, LF or CR line breaks and an
 * optional final line break, quoted fields with delimiters, quotes and line breaks inside, and
 * empty fields. An empty line is a row with no fields (see {@link toCsv}). Throws
 * {@link CsvParseError} for a quote that never closes or text right after a closing quote.
 *
 * @example
 * parseCsv('\uFEFFДата;Оценка\r\n01.09.2025;"5"\r\n', { delimiter: ';' });
 * // [['Дата', 'Оценка'], ['01.09.2025', '5']]
 */
export function parseCsv(text: string, { delimiter = ',' }: ParseCsvOptions = {}): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let at = 0;
  while (at < body.length) {
    if (body[at] === '\r' || body[at] === '\n') {
      rows.push([]);
      at = skipNewline(body, at);
      continue;
    }
    const row: string[] = [];
    for (;;) {
      const [field, next] =
        body[at] === '"' ? readQuoted(body, at, delimiter) : readPlain(body, at, delimiter);
      row.push(field);
      at = next;
      if (body[at] !== delimiter) break;
      at += 1;
    }
    rows.push(row);
    if (at < body.length) at = skipNewline(body, at);
  }
  return rows;
}
