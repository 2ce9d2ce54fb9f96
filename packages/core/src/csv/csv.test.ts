import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CsvParseError,
  CsvStreamParser,
  escapeFormula,
  parseCsv,
  toCsv,
  type CsvDelimiter,
} from './csv.js';

const isCsvParseError = (code: string, offset: number) => (error: unknown) =>
  error instanceof CsvParseError && error.code === code && error.offset === offset;

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF by default', () => {
    assert.equal(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
      '\uFEFFa,b\r\nc,d\r\n',
    );
  });

  it('leaves out the BOM and uses LF when asked', () => {
    assert.equal(toCsv([['a'], ['b']], { bom: false, newline: '\n' }), 'a\nb\n');
  });

  it('separates with ; when asked', () => {
    assert.equal(toCsv([['a', 'b,c']], { delimiter: ';', bom: false }), 'a;b,c\r\n');
  });

  it('quotes a field holding the delimiter, a quote, CR or LF, and doubles inner quotes', () => {
    const csv = toCsv([['1,5', 'say "hi"', 'a\nb', 'a\rb', 'plain']], { bom: false });
    assert.equal(csv, '"1,5","say ""hi""","a\nb","a\rb",plain\r\n');
    assert.equal(toCsv([['1;5', '1,5']], { delimiter: ';', bom: false }), '"1;5";1,5\r\n');
  });

  it('quotes a field with leading or trailing whitespace so it survives trimming readers', () => {
    assert.equal(toCsv([[' a', 'b ', '\tc', 'd e']], { bom: false }), '" a","b ","\tc",d e\r\n');
  });

  it('writes no rows as no text, an empty row as an empty line and a lone empty field as ""', () => {
    assert.equal(toCsv([], { bom: false }), '');
    assert.equal(toCsv([]), '\uFEFF');
    assert.equal(toCsv([[]], { bom: false }), '\r\n');
    assert.equal(toCsv([['']], { bom: false }), '""\r\n');
    assert.equal(toCsv([['', '']], { bom: false }), ',\r\n');
  });

  it('quotes a field starting with a BOM so the reader does not take it for the file’s', () => {
    assert.equal(toCsv([['\uFEFFx']], { bom: false }), '"\uFEFFx"\r\n');
  });

  it('leaves formulas alone by default and defuses them with escapeFormulas', () => {
    const rows = [['=1+1', '-1', 'ok']];
    assert.equal(toCsv(rows, { bom: false }), '=1+1,-1,ok\r\n');
    assert.equal(toCsv(rows, { bom: false, escapeFormulas: true }), "'=1+1,'-1,ok\r\n");
  });
});

describe('escapeFormula', () => {
  it('prefixes a quote to cells starting with =, +, -, @, tab or CR', () => {
    for (const cell of ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx']) {
      assert.equal(escapeFormula(cell), `'${cell}`);
    }
  });

  it('leaves other cells, and formulas not at the start, alone', () => {
    for (const cell of ['', 'Иванова', 'a=b', ' =1', "'=1"])
      assert.equal(escapeFormula(cell), cell);
  });
});

describe('parseCsv', () => {
  it('reads rows and fields, stripping a leading BOM', () => {
    assert.deepEqual(parseCsv('\uFEFFДата;Оценка\r\n01.09.2025;"5"\r\n', { delimiter: ';' }), [
      ['Дата', 'Оценка'],
      ['01.09.2025', '5'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line breaks, with or without a final one', () => {
    const expected = [['a', 'b'], ['c', 'd'], ['e']];
    assert.deepEqual(parseCsv('a,b\r\nc,d\ne\r'), expected);
    assert.deepEqual(parseCsv('a,b\nc,d\re'), expected);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    assert.deepEqual(parseCsv('"a,b","say ""hi""","1\r\n2",x\r\n'), [
      ['a,b', 'say "hi"', '1\r\n2', 'x'],
    ]);
  });

  it('reads empty fields, including a trailing one', () => {
    assert.deepEqual(parseCsv(',a,,\r\n""\r\n'), [['', 'a', '', ''], ['']]);
  });

  it('reads an empty line as a row with no fields, and empty text as no rows', () => {
    assert.deepEqual(parseCsv('a\r\n\r\nb'), [['a'], [], ['b']]);
    assert.deepEqual(parseCsv(''), []);
    assert.deepEqual(parseCsv('\uFEFF'), []);
  });

  it('keeps a stray quote inside an unquoted field as it is', () => {
    assert.deepEqual(parseCsv('5" screen,x'), [['5" screen', 'x']]);
  });

  it('splits only on the chosen delimiter', () => {
    assert.deepEqual(parseCsv('1,5;2'), [['1', '5;2']]);
    assert.deepEqual(parseCsv('1,5;2', { delimiter: ';' }), [['1,5', '2']]);
  });

  it('rejects a quoted field that never closes with unterminated_quote', () => {
    assert.throws(() => parseCsv('a,"b\r\nc'), isCsvParseError('unterminated_quote', 2));
  });

  it('rejects text right after a closing quote with text_after_quote', () => {
    assert.throws(() => parseCsv('"ab"c,d'), isCsvParseError('text_after_quote', 4));
  });

  it('reads a formula-escaped cell back with its quote prefix', () => {
    assert.deepEqual(parseCsv(toCsv([['=1']], { escapeFormulas: true })), [["'=1"]]);
  });
});

describe('round trip', () => {
  const matrix = fc.array(fc.array(fc.string({ unit: 'grapheme' })));
  const tricky = fc.array(
    fc.array(
      fc
        .array(fc.constantFrom('', 'a', ',', ';', '"', '\r', '\n', ' ', '\uFEFF', 'я', '='))
        .map((parts) => parts.join('')),
    ),
  );

  for (const delimiter of [',', ';'] as CsvDelimiter[]) {
    for (const bom of [true, false]) {
      it(`property: parseCsv(toCsv(rows)) gives back any rows exactly (${delimiter}, bom ${bom})`, () => {
        fc.assert(
          fc.property(
            fc.oneof(matrix, tricky),
            fc.constantFrom('\r\n', '\n') as fc.Arbitrary<'\r\n' | '\n'>,
            (rows, newline) => {
              const csv = toCsv(rows, { delimiter, bom, newline, escapeFormulas: false });
              assert.deepEqual(parseCsv(csv, { delimiter }), rows);
            },
          ),
          { numRuns: 300 },
        );
      });
    }
  }

  it('round-trips the degenerate matrices: none, an empty row, a lone empty field', () => {
    for (const rows of [[], [[]], [['']], [[], ['']], [[''], []], [['', '']]]) {
      assert.deepEqual(parseCsv(toCsv(rows)), rows);
    }
  });
});

describe('CsvStreamParser', () => {
  const streamed = (pieces: readonly string[], delimiter: CsvDelimiter) => {
    const parser = new CsvStreamParser({ delimiter });
    return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.end()];
  };

  it('property: any split of the text gives the rows parseCsv gives for the whole', () => {
    const text = fc.array(
      fc.constantFrom('a', 'я', ';', ',', '"', '""', '\r', '\n', '\r\n', ' ', '\uFEFF'),
    );
    fc.assert(
      fc.property(
        text.map((parts) => parts.join('')),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom<CsvDelimiter>(',', ';'),
        (csv, cuts, delimiter) => {
          const points = [...new Set(cuts.map((c) => c % (csv.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...points].map((from, i) => csv.slice(from, points[i] ?? csv.length));
          let whole: string[][] | CsvParseError;
          try {
            whole = parseCsv(csv, { delimiter });
          } catch (error) {
            whole = error as CsvParseError;
          }
          if (whole instanceof CsvParseError) {
            const failed = whole;
            assert.throws(
              () => streamed(pieces, delimiter),
              isCsvParseError(failed.code, failed.offset),
            );
          } else assert.deepEqual(streamed(pieces, delimiter), whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps only the unfinished row and tells the line a malformed row starts on', () => {
    const parser = new CsvStreamParser({ delimiter: ';' });
    assert.deepEqual(parser.push('\uFEFFФИО;Класс\r\nИванова;"5'), [['ФИО', 'Класс']]);
    assert.deepEqual(parser.push('А"\r\nПетров;"6Б\r\n'), [['Иванова', '5А']]);
    assert.equal(parser.line, 3);
    assert.throws(() => parser.end(), isCsvParseError('unterminated_quote', 32));
  });
});
