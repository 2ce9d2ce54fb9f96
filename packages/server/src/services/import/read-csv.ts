import { TextDecoder } from 'node:util';
import { CsvParseError, CsvStreamParser, type CsvDelimiter } from '@school-diary/core';
import type { TableLine } from './import-records';

/** CSV that cannot be read (a quote that never closes, bytes that are not text) from `line` on. */
export class UnreadableCsv extends Error {
  constructor(readonly line: number) {
    super(`The CSV cannot be read past line ${line}`);
    this.name = 'UnreadableCsv';
  }
}

/** `;` when the header line has more semicolons than commas (Excel in the Russian locale). */
function delimiterOf(text: string): CsvDelimiter {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.split(';').length > first.split(',').length ? ';' : ',';
}

/**
 * A decoder for the file's text: UTF-8 (with or without BOM), or Windows-1251 — what Excel in the
 * Russian locale saves as "CSV" — when its first piece is not valid UTF-8.
 */
function decoderFor(first: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('windows-1251');
  }
}

/**
 * Reads a CSV file as it streams in (from disk, an upload or a ZIP entry), with core's parser and
 * either delimiter, line by line: only the line being read is held, never the whole file.
 *
 * @example
 * for await (const { line, cells } of csvLines(createReadStream('roster.csv'))) …
 */
export async function* csvLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<TableLine> {
  let decoder: TextDecoder | undefined;
  let parser: CsvStreamParser | undefined;
  let head = '';
  let line = 0;
  const rowsOf = function* (rows: string[][]) {
    for (const cells of rows) yield { line: (line += 1), cells };
  };
  const feed = (text: string, final: boolean): string[][] => {
    try {
      if (!parser) {
        head += text;
        if (!final && !/\r|\n/.test(head)) return [];
        parser = new CsvStreamParser({ delimiter: delimiterOf(head.replace(/^\uFEFF/, '')) });
        text = head;
      }
      return final ? [...parser.push(text), ...parser.end()] : parser.push(text);
    } catch (error) {
      if (error instanceof CsvParseError) throw new UnreadableCsv(parser?.line ?? 1);
      throw error;
    }
  };
  for await (const chunk of source) {
    decoder ??= decoderFor(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UnreadableCsv(parser?.line ?? 1);
    }
    yield* rowsOf(feed(text, false));
  }
  let rest: string;
  try {
    rest = decoder?.decode() ?? '';
  } catch {
    throw new UnreadableCsv(parser?.line ?? 1);
  }
  yield* rowsOf(feed(rest, true));
}
