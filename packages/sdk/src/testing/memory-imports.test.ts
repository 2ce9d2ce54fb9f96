import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '@school-diary/core';
import JSZip from 'jszip';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

const schoolId = 'sch_42';
const csv = (...lines: string[]) =>
  new Blob([['ФИО;Дата рождения;Класс;Номер в списке', ...lines].join('\r\n')], {
    type: 'text/csv',
  });

async function failure(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(e instanceof DiaryApiError, `expected a DiaryApiError, got ${String(e)}`);
  return { status: e.status, fields: e.fields.map((f) => [f.path, f.code]) };
}

describe('memory client: a roster imported from the template', () => {
  it('previews what it would do, with each error by line and column in the admin’s language', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const file = csv(
      'Смирнова Анна;14.03.2015;5А;',
      'Кузнецова Вера Игоревна;02.05.2015;5 а;7',
      'Орлов Иван;31.02.2015;5А;',
      'Белов Пётр;01.01.2015;5Я;',
    );
    const before = (await client.setup.roster({ schoolId })).items.length;
    const report = await client.imports.preview({
      schoolId,
      file,
      fileName: 'roster.csv',
      job: 'j1',
    });
    assert.equal(report.applied, false);
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.action, r.label]),
      [
        [2, 'unchanged', 'Смирнова Анна'],
        [3, 'create', 'Кузнецова Вера Игоревна'],
        [5, 'error', 'Белов Пётр'],
      ],
    );
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.column, e.code]),
      [
        [4, 'Дата рождения', 'impossible_date'],
        [5, 'Класс', 'unknown_reference'],
      ],
    );
    assert.match(report.errors[1]?.message ?? '', /нет класса «5Я»/);
    assert.deepEqual(report.counts, { create: 1, update: 0, unchanged: 1, error: 2 });
    const applied = await client.imports.apply({ schoolId, file, fileName: 'roster.csv' });
    assert.equal(applied.applied, false, 'a file with errors writes nothing');
    assert.equal((await client.setup.roster({ schoolId })).items.length, before);
    const job = await client.imports.status({ schoolId, jobId: 'j1' });
    assert.deepEqual([job.step, job.state, job.rowsRead, job.errors], ['preview', 'done', 4, 2]);
    client.close();
  });

  it('applies a clean file, and applying it again changes nothing', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const file = csv('Кузнецова Вера Игоревна;02.05.2015;5А;7', 'Смирнова Анна;14.03.2015;5А;3');
    const first = await client.imports.apply({ schoolId, file, fileName: 'roster.csv' });
    assert.equal(first.applied, true);
    assert.deepEqual(first.counts, { create: 1, update: 1, unchanged: 0, error: 0 });
    assert.deepEqual(first.rows[1]?.changes, ['listNumber']);
    const roster = (await client.setup.roster({ schoolId })).items;
    const vera = roster.find((r) => r.lastName === 'Кузнецова');
    assert.deepEqual(
      [vera?.classId, vera?.birthDate, vera?.listNumber],
      ['cls_42_5a', '2015-05-02', 7],
    );
    const again = await client.imports.apply({ schoolId, file, fileName: 'roster.csv' });
    assert.deepEqual(again.counts, { create: 0, update: 0, unchanged: 2, error: 0 });
    const exported = await client.imports.exportRoster({ schoolId });
    assert.match(String(exported), /Кузнецова Вера Игоревна;02\.05\.2015;5А;2026\/2027;7;R042-/);
    client.close();
  });

  it('names a missing column, refuses XLSX here, and answers other admins and teachers 403', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const missing = await admin.imports.preview({
      schoolId,
      file: new Blob(['ФИО;Класс\r\nОрлов Иван;5А']),
      fileName: 'r.csv',
    });
    assert.deepEqual(
      missing.errors.map((e) => [e.row, e.column, e.message]),
      [[0, 'Дата рождения', 'The file has no “Дата рождения” column — add it as in the template']],
    );
    const xlsx = await failure(
      admin.imports.preview({ schoolId, file: new Blob(['PK']), fileName: 'roster.xlsx' }),
    );
    assert.deepEqual(xlsx, { status: 415, fields: [['file', 'file_type']] });
    assert.equal((await failure(admin.imports.status({ schoolId, jobId: 'nope' }))).status, 404);
    const teacher = createMemoryClient({ signedInAs: 'teacher' });
    const refused = await failure(
      teacher.imports.preview({ schoolId, file: csv(), fileName: 'roster.csv' }),
    );
    assert.equal(refused.status, 403);
    admin.close();
    teacher.close();
  });
});

describe('memory client: a timetable imported from the template', () => {
  const header = 'Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя';
  const timetable = (...lines: string[]) =>
    new Blob([[header, ...lines].join('\r\n')], { type: 'text/csv' });
  const good = [
    '5А;Пн;1;Математика;Орлов Сергей Николаевич;204;',
    '5А;Пн;2;Русский язык;Белова И. А.;112;нечётная',
    '5А;Пн;2;Литература;Белова И.А.;112;знаменатель',
  ];

  it('previews each lesson with core’s rules, errors by line and column in the admin’s language', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const file = timetable(
      ...good,
      '5Я;Пн;3;Математика;Орлов С.Н.;204;',
      '5А;Пн;1;Литература;Белова И.А.;112;',
      '5А;Вт;1;Астрономия;Никто Н.Н.;210;',
      '5А;Вт;2;Математика;Орлов С.Н.;204;третья',
    );
    const report = await client.imports.preview({ schoolId, file, fileName: 'timetable.csv' });
    assert.equal(report.format, 'timetable_csv');
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.action, r.label]),
      [
        [2, 'create', '5А Пн 1 Математика'],
        [3, 'create', '5А Пн 2 (нечётная) Русский язык'],
        [4, 'create', '5А Пн 2 (чётная) Литература'],
        [5, 'error', '5Я Пн 3'],
        [6, 'error', '5А Пн 1'],
        [7, 'error', '5А Вт 1'],
      ],
    );
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.column, e.code]),
      [
        [5, 'Класс', 'unknown_reference'],
        [6, 'Урок', 'duplicate'],
        [7, 'Предмет', 'unknown_reference'],
        [7, 'Учитель', 'unknown_reference'],
        [8, 'Неделя', 'invalid_option'],
      ],
    );
    assert.match(report.errors[1]?.message ?? '', /already has a lesson at this time in line 2/);
    const applied = await client.imports.apply({ schoolId, file, fileName: 'timetable.csv' });
    assert.equal(applied.applied, false, 'a file with errors writes nothing');
    assert.deepEqual((await client.setup.timetableTemplate({ classId: 'cls_42_5a' })).items, []);
    client.close();
  });

  it('applies odd and even weeks to the class’s week, and its export imports back unchanged', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const applied = await client.imports.apply({
      schoolId,
      file: timetable(...good),
      fileName: 'timetable.csv',
    });
    assert.equal(applied.applied, true);
    assert.deepEqual(applied.counts, { create: 3, update: 0, unchanged: 0, error: 0 });
    const week = await client.setup.timetableTemplate({ classId: 'cls_42_5a' });
    assert.deepEqual(
      week.items.map((l) => [l.weekday, l.number, l.subjectId, l.week]),
      [
        [1, 1, 'sub_42_math', undefined],
        [1, 2, 'sub_42_russian', 'odd'],
        [1, 2, 'sub_42_literature', 'even'],
      ],
    );
    const csv = await client.imports.exportTimetable({ schoolId });
    assert.match(csv, /5А;Пн;2;Литература;Белова Ирина Александровна;112;чётная/);
    const back = await client.imports.preview({
      schoolId,
      file: new Blob([csv], { type: 'text/csv' }),
      fileName: 'timetable.csv',
    });
    assert.deepEqual(back.counts, { create: 0, update: 0, unchanged: 3, error: 0 });
    client.close();
  });

  it('answers 403 to a teacher', async () => {
    const client = createMemoryClient({ signedInAs: 'teacher' });
    assert.equal((await failure(client.imports.exportTimetable({ schoolId }))).status, 403);
    client.close();
  });
});

describe('memory client: the roster exported as a OneRoster bundle', () => {
  it('zips the school year with its periods, the classes, pupils and staff as the server does', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const blob = await client.imports.exportOneRoster({ schoolId });
    const zip = await JSZip.loadAsync(new Uint8Array(await blob.arrayBuffer()));
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'academicSessions.csv',
      'classes.csv',
      'courses.csv',
      'demographics.csv',
      'enrollments.csv',
      'orgs.csv',
      'roles.csv',
      'users.csv',
    ]);
    const read = async (name: string) =>
      parseCsv((await zip.file(name)?.async('string')) ?? '', { delimiter: ',' });
    const year = client.memory.data.schoolYears.find((y) => y.schoolId === schoolId);
    assert.ok(year);
    const sessions = await read('academicSessions.csv');
    assert.deepEqual(sessions[1]?.slice(0, 7), [
      year.id,
      '',
      '',
      year.name,
      'schoolYear',
      year.startDate,
      year.endDate,
    ]);
    assert.deepEqual(
      sessions.slice(2).map((s) => [s[0], s[3], s[7]]),
      year.periods.map((p) => [p.id, p.name, year.id]),
    );
    const { items: roster } = await client.setup.roster({ schoolId });
    const pupils = (await read('enrollments.csv')).filter(
      (e) => e[6] === 'student' && !e[3]?.startsWith('sec-'),
    );
    assert.equal(pupils.length, roster.filter((r) => !r.leftAt).length);
    const homerooms = (await read('classes.csv')).filter((c) => c[7] === 'homeroom');
    assert.ok(homerooms.length > 0);
    assert.ok(homerooms.every((c) => c[9] === year.id));
    client.close();
  });

  it('answers 403 to a teacher', async () => {
    const client = createMemoryClient({ signedInAs: 'teacher' });
    assert.equal((await failure(client.imports.exportOneRoster({ schoolId }))).status, 403);
    client.close();
  });
});
