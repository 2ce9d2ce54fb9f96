import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { decodeText, readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { readTemplate } from './ru-template';

const TODAY = '2026-11-24';

describe('the roster template', () => {
  it('reads Windows-1251 CSV with three name columns and other headers schools use', () => {
    const text =
      'Фамилия;Имя;Отчество;Дата рождения;Класс;Номер по списку\r\nЁлкина;Вера;;2016-02-29;5 а;3\r\n';
    const bytes = new Uint8Array(
      [...text].map((c) => {
        const code = c.charCodeAt(0);
        if (c === 'Ё') return 0xa8;
        if (c === 'ё') return 0xb8;
        return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
      }),
    );
    const records = readTemplate(
      { name: 'roster.csv', rows: readCsv(decodeText(bytes)) },
      'ru',
      TODAY,
    );
    assert.deepEqual(records.errors, []);
    assert.deepEqual(
      records.pupils.map((p) => [
        p.lastName,
        p.firstName,
        p.middleName,
        p.birthDate,
        p.className,
        p.listNumber,
      ]),
      [['Ёлкина', 'Вера', undefined, '2016-02-29', '5А', 3]],
    );
  });

  it('names each missing column in the admin’s language, on line 0', () => {
    const records = readTemplate({ name: 'r.csv', rows: [['ФИО', 'Класс']] }, 'en', TODAY);
    assert.deepEqual(
      records.errors.map((e) => [e.row, e.column, e.code, e.message]),
      [
        [
          0,
          'Дата рождения',
          'missing_column',
          'The file has no “Дата рождения” column — add it as in the template',
        ],
      ],
    );
  });

  it('refuses a list number that is not 1–99 and a name with digits, at their columns', () => {
    const records = readTemplate(
      {
        name: 'r.csv',
        rows: [
          ['ФИО', 'Дата рождения', 'Класс', 'Номер в списке'],
          ['Петров1 Иван', '01.02.2016', '5А', '120'],
        ],
      },
      'ru',
      TODAY,
    );
    assert.deepEqual(
      records.errors.map((e) => [e.row, e.column, e.code]),
      [
        [2, 'ФИО', 'invalid_characters'],
        [2, 'Номер в списке', 'format'],
      ],
    );
    assert.equal(records.pupils.length, 0);
  });

  it('reads date cells of an XLSX sheet as ISO dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Ученики');
    sheet.addRow(['ФИО', 'Дата рождения', 'Класс']);
    sheet.addRow(['Сидорова Анна Петровна', new Date(Date.UTC(2015, 8, 1)), '5А']);
    const read = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'r.xlsx');
    const records = readTemplate(read, 'ru', TODAY);
    assert.deepEqual(records.errors, []);
    assert.equal(records.pupils[0]?.birthDate, '2015-09-01');
    assert.equal(read.name, 'r.xlsx: Ученики');
  });
});
