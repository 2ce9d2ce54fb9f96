import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportWatch } from './import-watch';
import { csvLines } from './read-csv';
import { xlsxLines } from './read-xlsx';
import { readTemplate } from './ru-template';

const TODAY = '2026-11-24';

/** The template read from CSV bytes arriving in pieces of `size` bytes. */
const fromCsv = (bytes: Uint8Array, lang: 'ru' | 'en' = 'ru', size = 7) => {
  const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
  const table = { name: 'r.csv', lines: csvLines(Readable.from(pieces)) };
  return readTemplate(table, lang, TODAY, new ImportWatch());
};
const utf8 = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n');

describe('the roster template', () => {
  it('reads Windows-1251 CSV with three name columns and other headers schools use', async () => {
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
    const records = await fromCsv(bytes);
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

  it('names each missing column in the admin’s language, on line 0', async () => {
    const records = await fromCsv(utf8([['ФИО', 'Класс']]), 'en');
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

  it('refuses a list number that is not 1–99 and a name with digits, at their columns', async () => {
    const records = await fromCsv(
      utf8([
        ['ФИО', 'Дата рождения', 'Класс', 'Номер в списке'],
        ['Петров1 Иван', '01.02.2016', '5А', '120'],
      ]),
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
    sheet.addRow([]);
    sheet.addRow(['Кузнецов Олег', '2015-10-02', '5А']);
    const dir = await mkdtemp(join(tmpdir(), 'diary-xlsx-'));
    try {
      const path = join(dir, 'r.xlsx');
      await writeFile(path, new Uint8Array(await book.xlsx.writeBuffer()));
      const table = { name: 'r.xlsx', lines: xlsxLines(path) };
      const records = await readTemplate(table, 'ru', TODAY, new ImportWatch());
      assert.deepEqual(records.errors, []);
      assert.deepEqual(
        records.pupils.map((p) => [p.row, p.birthDate]),
        [
          [2, '2015-09-01'],
          [4, '2015-10-02'],
        ],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps every Cyrillic letter of a long sheet, in shared and in inline strings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diary-xlsx-'));
    try {
      for (const useSharedStrings of [true, false]) {
        const path = join(dir, `long-${useSharedStrings}.xlsx`);
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
        const sheet = book.addWorksheet('Ученики');
        const name = (n: number) => `Ёлкина Вероника Святославовна №${n}`;
        for (let n = 1; n <= 2_000; n += 1) sheet.addRow([name(n)]).commit();
        sheet.commit();
        await book.commit();
        const wrong: string[] = [];
        for await (const { line, cells } of xlsxLines(path))
          if (cells[0] !== name(line)) wrong.push(`${line}: ${cells[0]}`);
        assert.deepEqual(wrong, [], `useSharedStrings: ${useSharedStrings}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
