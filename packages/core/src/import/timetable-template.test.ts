import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timetableTemplateSchema } from '../schemas/timetable-template.js';
import { validate } from '../messages/field-errors.js';
import {
  isTimetableTemplateHeader,
  missingTimetableTemplateColumns,
  readTimetableTemplateLine,
  TIMETABLE_TEMPLATE_HEADER,
  timetableTemplateLayout,
  timetableTeacherKey,
  timetableTeacherKeys,
  timetableTemplateRow,
  timetableWeek,
} from './timetable-template.js';

const HEADER = ['Класс', 'День недели', 'Урок', 'Предмет', 'Учитель', 'Кабинет', 'Неделя'];
const layout = timetableTemplateLayout(HEADER);
const read = (cells: string[], lang: 'ru' | 'en' = 'ru') =>
  readTimetableTemplateLine(cells, layout, { lang, today: '2026-11-24' });

describe('the timetable template’s line rules', () => {
  it('is told from the roster template by its header, and names missing columns', () => {
    assert.equal(isTimetableTemplateHeader(['класс', 'день', '№ урока', 'Предмет']), true);
    assert.equal(isTimetableTemplateHeader(['ФИО', 'Дата рождения', 'Класс']), false);
    assert.deepEqual(missingTimetableTemplateColumns(timetableTemplateLayout(HEADER.slice(0, 4))), [
      'Учитель',
      'Кабинет',
    ]);
  });

  it('reads the weeks of an alternating timetable in the words schools use', () => {
    for (const word of ['нечётная', 'Нечетная', '1', 'I', 'числитель', 'неч.', '1-я неделя'])
      assert.equal(timetableWeek(word), 'odd', word);
    for (const word of ['чётная', 'ЧЕТНАЯ', '2', 'II', 'знаменатель', 'вторая'])
      assert.equal(timetableWeek(word), 'even', word);
    for (const word of ['', 'каждая', 'Все']) assert.equal(timetableWeek(word), 'every', word);
    for (const word of ['3', 'третья', 'через одну']) assert.equal(timetableWeek(word), undefined);
  });

  it('gives a lesson its week, or none for every week', () => {
    const odd = read(['5 а', 'Вт', '1', 'Физика', 'Орлов С.Н.', '21', 'числитель']);
    assert.equal(odd.ok && odd.lesson.week, 'odd');
    assert.equal(odd.ok && odd.lesson.className, '5А');
    const every = read(['5А', 'Вт', '1', 'Физика', 'Орлов С.Н.', '21', '']);
    assert.equal(every.ok && every.lesson.week, undefined);
  });

  it('refuses a week it cannot read, saying which words it takes, in the admin’s language', () => {
    const line = read(['5А', 'Вт', '1', 'Физика', 'Орлов С.Н.', '21', 'третья'], 'en');
    assert.equal(line.ok, false);
    if (line.ok) return;
    assert.deepEqual(
      line.errors.map((e) => [e.column, e.code]),
      [['Неделя', 'invalid_option']],
    );
    assert.match(line.errors[0]?.message ?? '', /odd \(or 1\), even \(or 2\)/);
    const ru = read(['5А', 'Вт', '1', 'Физика', 'Орлов С.Н.', '21', 'третья']);
    assert.match((!ru.ok && ru.errors[0]?.message) || '', /«чётная»/);
  });

  it('writes a lesson back as a line it reads unchanged', () => {
    const row = timetableTemplateRow({
      className: '8Б',
      weekday: 2,
      number: 1,
      subject: 'Физика',
      teacher: 'Зайцев Павел Олегович',
      room: '31',
      week: 'even',
    });
    assert.deepEqual(row, ['8Б', 'Вт', '1', 'Физика', 'Зайцев Павел Олегович', '31', 'чётная']);
    const again = readTimetableTemplateLine(
      row,
      timetableTemplateLayout(TIMETABLE_TEMPLATE_HEADER),
      {
        lang: 'ru',
        today: '2026-11-24',
      },
    );
    assert.equal(again.ok && again.lesson.week, 'even');
    assert.equal(again.ok && again.lesson.weekday, 2);
  });
});

describe('the repeating week', () => {
  const lesson = {
    weekday: 1,
    number: 1,
    subjectId: 'sub_math',
    teacherId: 'usr_orlov',
    room: '21',
  };

  it('holds an odd and an even lesson at one time', () => {
    const week = {
      items: [
        { ...lesson, week: 'odd' },
        { ...lesson, week: 'even' },
      ],
      exceptions: [],
    };
    assert.equal(validate(timetableTemplateSchema, week, 'en').ok, true);
  });

  it('refuses an every-week lesson beside an odd one at the same time', () => {
    const week = { items: [lesson, { ...lesson, week: 'odd' }], exceptions: [] };
    const result = validate(timetableTemplateSchema, week, 'en');
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors.map((e) => [e.path, e.code]), [
      ['items', 'already_registered'],
    ]);
  });

  it('refuses a week that is neither odd nor even', () => {
    const week = { items: [{ ...lesson, week: 'third' }], exceptions: [] };
    assert.equal(validate(timetableTemplateSchema, week, 'en').ok, false);
  });
});

describe('a teacher as the timetable names them', () => {
  const orlov = {
    lastName: 'Орлов',
    firstName: 'Сергей',
    middleName: 'Николаевич',
    phone: '+79990000011',
  };

  it('is found by full name, surname with initials or phone, however spaced', () => {
    const keys = timetableTeacherKeys(orlov);
    for (const typed of ['Орлов Сергей Николаевич', 'орлов  С. Н.', '8 (999) 000-00-11'])
      assert.ok(keys.includes(timetableTeacherKey(typed)), typed);
    assert.ok(!keys.includes(timetableTeacherKey('Орлова С.Н.')));
  });
});
