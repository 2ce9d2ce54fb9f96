import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ImportWatch } from './import-watch';
import { csvLines } from './read-csv';
import { isTimetableHeader, readTimetable } from './timetable-template';

const TODAY = '2026-11-24';
const read = (rows: string[][], lang: 'ru' | 'en' = 'ru') => {
  const bytes = new TextEncoder().encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n');
  const table = { name: 't.csv', lines: csvLines(Readable.from([bytes])) };
  return readTimetable(table, lang, TODAY, new ImportWatch());
};
const HEADER = ['Класс', 'День недели', 'Урок', 'Предмет', 'Учитель', 'Кабинет'];

describe('the timetable template', () => {
  it('is told from the roster template by its header', () => {
    assert.equal(isTimetableHeader(['класс', 'день', '№ урока', 'Предмет']), true);
    assert.equal(isTimetableHeader(['ФИО', 'Дата рождения', 'Класс']), false);
  });

  it('reads weekdays in full, shortened or as numbers, and class names without spaces', async () => {
    const records = await read([
      HEADER,
      ['5 а', 'Понедельник', '1', 'Математика', 'Орлов С.Н.', '21'],
      ['5А', 'вт.', '2', 'Математика', 'Орлов С.Н.', '21'],
      ['5А', 'Сб', '0', 'Математика', 'Орлов С.Н.', '21'],
      ['5А', '3', '4', 'Математика', 'Орлов С.Н.', '21'],
    ]);
    assert.deepEqual(records.errors, []);
    assert.deepEqual(
      records.lessons.map((l) => [l.className, l.weekday, l.number]),
      [
        ['5А', 1, 1],
        ['5А', 2, 2],
        ['5А', 6, 0],
        ['5А', 3, 4],
      ],
    );
  });

  it('takes only the lines in force today when the file gives periods', async () => {
    const records = await read([
      [...HEADER, 'Действует с', 'Действует по'],
      ['5А', 'Пн', '1', 'Математика', 'Орлов С.Н.', '21', '01.09.2026', '31.12.2026'],
      ['5А', 'Пн', '1', 'Физика', 'Зайцев П.О.', '31', '01.01.2027', '31.05.2027'],
      ['5А', 'Пн', '2', 'История', 'Кириллова Н.П.', '12', '', ''],
    ]);
    assert.deepEqual(records.errors, []);
    assert.equal(records.rowsRead, 3);
    assert.deepEqual(
      records.lessons.map((l) => l.subject),
      ['Математика', 'История'],
    );
  });

  it('names each bad cell by line and column in the admin’s language', async () => {
    const records = await read(
      [
        [...HEADER, 'Неделя', 'Действует с', 'Действует по'],
        ['', 'Вс', '13', 'Математика', '', '21', 'третья', '31.02.2027', ''],
        [
          '5А',
          'Пн',
          'первый',
          'Математика',
          'Орлов С.Н.',
          'x'.repeat(21),
          '',
          '01.02.2027',
          '01.01.2027',
        ],
      ],
      'en',
    );
    assert.deepEqual(
      records.errors.map((e) => [e.row, e.column, e.code]),
      [
        [2, 'Класс', 'required'],
        [2, 'День недели', 'invalid_option'],
        [2, 'Урок', 'format'],
        [2, 'Учитель', 'required'],
        [2, 'Неделя', 'invalid_option'],
        [2, 'Действует с', 'impossible_date'],
        [3, 'Урок', 'format'],
        [3, 'Кабинет', 'too_long'],
        [3, 'Действует по', 'date_order'],
      ],
    );
    assert.match(records.errors[2]?.message ?? '', /whole number from 0 to 12/);
    assert.match(records.errors[7]?.message ?? '', /20 characters/);
    assert.deepEqual(records.lessons, []);
  });

  it('names the missing columns on line 0', async () => {
    const records = await read([['Класс', 'День недели', 'Урок', 'Предмет']]);
    assert.deepEqual(
      records.errors.map((e) => [e.row, e.column, e.code]),
      [
        [0, 'Учитель', 'missing_column'],
        [0, 'Кабинет', 'missing_column'],
      ],
    );
  });
});
