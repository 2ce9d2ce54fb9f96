import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isRosterTemplateHeader,
  missingRosterTemplateColumns,
  readRosterTemplateLine,
  rosterTemplateLayout,
} from './ru-template.js';

const TODAY = '2026-11-24';
const read = (header: string[], cells: string[], lang: 'ru' | 'en' = 'ru') =>
  readRosterTemplateLine(cells, rosterTemplateLayout(header), { lang, today: TODAY });

describe('the roster template’s column rules', () => {
  it('knows the template’s headers and the aliases schools use, whatever their case and ё', () => {
    const layout = rosterTemplateLayout([
      ' внешний ID ',
      'ФАМИЛИЯ',
      'Имя',
      'Дата рождения',
      'Класс',
      '№ по списку',
    ]);
    assert.deepEqual(
      [...layout].map(([column, { index }]) => [column, index]),
      [
        ['externalId', 0],
        ['lastName', 1],
        ['firstName', 2],
        ['birthDate', 3],
        ['className', 4],
        ['listNumber', 5],
      ],
    );
    assert.equal(isRosterTemplateHeader(['ФИО', 'Дата рождения', 'Класс']), true);
    assert.equal(isRosterTemplateHeader(['sourcedId', 'familyName']), false);
  });

  it('names the missing columns: a name, the birth date and the class', () => {
    assert.deepEqual(missingRosterTemplateColumns(rosterTemplateLayout(['Фамилия', 'Класс'])), [
      'ФИО',
      'Дата рождения',
    ]);
    assert.deepEqual(
      missingRosterTemplateColumns(rosterTemplateLayout(['ФИО', 'Дата рождения', 'Класс'])),
      [],
    );
  });

  it('normalises a line: the full name split, a Russian date, the class in upper case', () => {
    const line = read(
      ['Идентификатор', 'ФИО', 'Дата рождения', 'Класс', 'Учебный год', 'Номер в списке'],
      ['УЧ-7', '  Алиев Рустам Гусейн оглы ', '03.04.2015', '5 а', '2026/2027', '12'],
    );
    assert.ok(line.ok);
    assert.deepEqual(
      {
        ...line.pupil,
        columns: undefined,
      },
      {
        externalId: 'УЧ-7',
        lastName: 'Алиев',
        firstName: 'Рустам',
        middleName: 'Гусейн оглы',
        birthDate: '2015-04-03',
        className: '5А',
        schoolYear: '2026/2027',
        listNumber: 12,
        columns: undefined,
      },
    );
    assert.equal(line.pupil.columns.name, 'ФИО');
  });

  it('reports every bad cell of a line by its column as headed, in the admin’s language', () => {
    const header = ['Фамилия', 'Имя', 'Дата рождения', 'Класс', 'Номер в списке'];
    const cells = ['Smith', 'Анна', '31.02.2015', 'ДЕСЯТЫЙ-КЛАСС-Б', '100'];
    const ru = read(header, cells);
    const en = read(header, cells, 'en');
    assert.ok(!ru.ok && !en.ok);
    assert.deepEqual(
      ru.errors.map((e) => [e.column, e.code]),
      [
        ['Фамилия', 'latin_letters'],
        ['Дата рождения', 'impossible_date'],
        ['Класс', 'too_long'],
        ['Номер в списке', 'format'],
      ],
    );
    assert.match(ru.errors[0]?.message ?? '', /русскими буквами/);
    assert.match(en.errors[0]?.message ?? '', /Russian letters/);
    assert.match(en.errors[2]?.message ?? '', /10/);
  });

  it('requires a class and keeps an external id to 64 characters', () => {
    const line = read(
      ['Идентификатор', 'ФИО', 'Дата рождения', 'Класс'],
      ['x'.repeat(65), 'Орлова Вера', '2015-01-01', ' '],
    );
    assert.ok(!line.ok);
    assert.deepEqual(
      line.errors.map((e) => [e.column, e.code]),
      [
        ['Класс', 'required'],
        ['Идентификатор', 'too_long'],
      ],
    );
  });
});
