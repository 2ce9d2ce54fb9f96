import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv.js';
import { marksToCsv, MarksCsvError, type MarkCsvRow } from './marks-csv.js';

const algebra: MarkCsvRow = {
  date: '2025-09-15',
  subject: 'Алгебра',
  value: 5,
  weight: 1.5,
  kind: 'Контрольная работа',
  comment: 'Молодец',
  teacher: 'Иванова М. П.',
  period: '1 четверть',
};

describe('marksToCsv', () => {
  it('writes a Russian header, DD.MM.YYYY dates and a BOM by default', () => {
    const csv = marksToCsv([algebra]);
    assert.ok(
      csv.startsWith('\uFEFFДата,Предмет,Оценка,Вес,Вид работы,Комментарий,Учитель,Период\r\n'),
    );
    assert.deepEqual(parseCsv(csv)[1], [
      '15.09.2025',
      'Алгебра',
      '5',
      '1.5',
      'Контрольная работа',
      'Молодец',
      'Иванова М. П.',
      '1 четверть',
    ]);
  });

  it('writes weights with a decimal comma when separated by ; for Excel in the Russian locale', () => {
    const csv = marksToCsv([algebra], { delimiter: ';', bom: false });
    assert.equal(
      csv,
      'Дата;Предмет;Оценка;Вес;Вид работы;Комментарий;Учитель;Период\r\n' +
        '15.09.2025;Алгебра;5;1,5;Контрольная работа;Молодец;Иванова М. П.;1 четверть\r\n',
    );
  });

  it('writes an English header and ISO dates for lang en', () => {
    const rows = parseCsv(marksToCsv([algebra], { lang: 'en' }));
    assert.deepEqual(rows[0], [
      'Date',
      'Subject',
      'Mark',
      'Weight',
      'Kind of work',
      'Comment',
      'Teacher',
      'Period',
    ]);
    assert.equal(rows[1]?.[0], '2025-09-15');
  });

  it('names pass marks «зачёт»/«незачёт» in Russian and pass/fail in English', () => {
    const marks: MarkCsvRow[] = [
      { ...algebra, value: 'pass' },
      { ...algebra, value: 'fail' },
    ];
    const ru = parseCsv(marksToCsv(marks))
      .slice(1)
      .map((row) => row[2]);
    const en = parseCsv(marksToCsv(marks, { lang: 'en' }))
      .slice(1)
      .map((row) => row[2]);
    assert.deepEqual(ru, ['зачёт', 'незачёт']);
    assert.deepEqual(en, ['pass', 'fail']);
  });

  it('leaves missing comment, teacher and period empty', () => {
    const row = {
      date: '2025-09-15',
      subject: 'Физика',
      value: 4,
      weight: 1,
      kind: 'Устный ответ',
    } as const;
    assert.deepEqual(parseCsv(marksToCsv([row]))[1], [
      '15.09.2025',
      'Физика',
      '4',
      '1',
      'Устный ответ',
      '',
      '',
      '',
    ]);
  });

  it('quotes a comment holding the delimiter, quotes or a line break, and reads it back', () => {
    const comment = 'Хорошо; но "небрежно",\nперепишите';
    for (const delimiter of [',', ';'] as const) {
      const rows = parseCsv(marksToCsv([{ ...algebra, comment }], { delimiter }), { delimiter });
      assert.equal(rows[1]?.[5], comment);
    }
  });

  it('defuses formulas in the text columns but not in the numbers', () => {
    const row: MarkCsvRow = {
      date: '2025-09-15',
      subject: '=HYPERLINK("http://evil")',
      value: 2,
      weight: 1,
      kind: '+kind',
      comment: '-1 балл',
      teacher: '@teacher',
      period: '=1',
    };
    const [, fields] = parseCsv(marksToCsv([row]));
    assert.deepEqual(fields, [
      '15.09.2025',
      `'=HYPERLINK("http://evil")`,
      '2',
      '1',
      "'+kind",
      "'-1 балл",
      "'@teacher",
      "'=1",
    ]);
  });

  it('writes only the header for no marks', () => {
    assert.deepEqual(parseCsv(marksToCsv([], { lang: 'en' })), [
      ['Date', 'Subject', 'Mark', 'Weight', 'Kind of work', 'Comment', 'Teacher', 'Period'],
    ]);
  });

  it('rejects a date that is not YYYY-MM-DD with invalid_date', () => {
    assert.throws(
      () => marksToCsv([{ ...algebra, date: '15.09.2025' }]),
      (error: unknown) => error instanceof MarksCsvError && error.code === 'invalid_date',
    );
  });
});
