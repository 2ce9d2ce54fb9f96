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

function csvError(code: CsvParseErrorCode, offset: number): CsvParseError {
  const message =
    code === 'unterminated_quote'
      ? `A quoted field opened at ${offset} never closes`
      : `Unexpected text after a closing quote at ${offset}`;
  return new CsvParseError(code, offset, message);
}

/** Reads a quoted field whose opening quote is at `start`; returns it and the offset after it. */
function readQuoted(text: string, start: number, delimiter: string): [string, number] {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) {
      throw csvError('unterminated_quote', start);
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
      throw csvError('text_after_quote', next);
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
 * Reads the complete rows of `body` from `from` into `out`; returns the offset after the last row
 * read. Unless `final`, a row that could go on in text not yet received (it reaches the end of
 * `body`, or a quoted field is still open) is left for the next call.
 */
function readRows(
  body: string,
  from: number,
  delimiter: CsvDelimiter,
  final: boolean,
  out: string[][],
): number {
  let at = from;
  while (at < body.length) {
    const start = at;
    // A lone CR at the end may be the first half of a CRLF.
    const openBreak = (i: number) => !final && body[i] === '\r' && i + 1 === body.length;
    if (body[at] === '\r' || body[at] === '\n') {
      if (openBreak(at)) return start;
      out.push([]);
      at = skipNewline(body, at);
      continue;
    }
    const row: string[] = [];
    try {
      for (;;) {
        const [field, next] =
          body[at] === '"' ? readQuoted(body, at, delimiter) : readPlain(body, at, delimiter);
        row.push(field);
        at = next;
        if (body[at] !== delimiter) break;
        at += 1;
      }
    } catch (error) {
      if (!final && error instanceof CsvParseError && error.code === 'unterminated_quote')
        return start;
      throw error;
    }
    if (!final && (at >= body.length || openBreak(at))) return start;
    out.push(row);
    if (at < body.length) at = skipNewline(body, at);
  }
  return at;
}

/**
 * Reads CSV into rows of fields: strips a leading BOM, accepts CRLF, LF or CR line breaks and an
 * optional final line break, quoted fields with delimiters, quotes and line breaks inside, and
 * empty fields. An empty line is a row with no fields (see {@link toCsv}). Throws
 * {@link CsvParseError} for a quote that never closes or text right after a closing quote.
 * For a file too large to hold as one string, {@link CsvStreamParser} reads the same CSV in pieces.
 *
 * @example
 * parseCsv('\uFEFFДата;Оценка\r\n01.09.2025;"5"\r\n', { delimiter: ';' });
 * // [['Дата', 'Оценка'], ['01.09.2025', '5']]
 */
export function parseCsv(text: string, { delimiter = ',' }: ParseCsvOptions = {}): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  readRows(body, 0, delimiter, true, rows);
  return rows;
}

/**
 * Reads CSV text that arrives in pieces (a file streamed from disk or an upload) with the rules of
 * {@link parseCsv}: each {@link push} returns the rows completed so far, {@link end} the rest, and
 * the rows are exactly those `parseCsv` gives for the whole text. Only the unfinished row is kept
 * between pieces. A {@link CsvParseError}'s `offset` counts from the start of the whole text.
 *
 * @example
 * const parser = new CsvStreamParser({ delimiter: ';' });
 * parser.push('ФИО;Кла'); // []
 * parser.push('сс\r\nИванова Мария;5А\r\n'); // [['ФИО', 'Класс'], ['Иванова Мария', '5А']]
 * parser.end(); // []
 */
export class CsvStreamParser {
  readonly #delimiter: CsvDelimiter;
  #pending = '';
  #consumed = 0;
  #lines = 0;
  #started = false;

  constructor({ delimiter = ',' }: ParseCsvOptions = {}) {
    this.#delimiter = delimiter;
  }

  /** The line (from 1) the next row starts on: where a malformed row is to be reported. */
  get line(): number {
    return this.#lines + 1;
  }

  /** Adds the next piece of text; returns the rows it completes. */
  push(text: string): string[][] {
    return this.#read(text, false);
  }

  /** Ends the text; returns its last rows. */
  end(): string[][] {
    return this.#read('', true);
  }

  #read(text: string, final: boolean): string[][] {
    let body = this.#pending + text;
    if (!this.#started && body.length > 0) {
      this.#started = true;
      if (body.startsWith(BOM)) body = body.slice(1);
    }
    const rows: string[][] = [];
    let used: number;
    try {
      used = readRows(body, 0, this.#delimiter, final, rows);
    } catch (error) {
      if (!(error instanceof CsvParseError)) throw error;
      throw csvError(error.code, this.#consumed + error.offset);
    }
    for (let i = 0; i < used; i += 1) {
      const c = body.charCodeAt(i);
      if (c === 10 || (c === 13 && body.charCodeAt(i + 1) !== 10)) this.#lines += 1;
    }
    this.#consumed += used;
    this.#pending = body.slice(used);
    return rows;
  }
}
