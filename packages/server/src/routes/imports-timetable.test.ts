import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ErrorResponse, ImportReport, TimetableTemplate } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { IMPORT_FIXTURES, postImport, xlsxFromCsv } from '../testing/import-files';
import { OutboxGateway } from '../services/gateway';
import { randomIds } from '../ids';
import { DomainError } from '../services/domain-error';
import { runImport, type ImportProgress } from '../services/import/run-import';

const U = DEMO.users;
const C = DEMO.classes;
const SCHOOL = DEMO.schools.school42.id;
type Answer = ImportReport & ErrorResponse;

describe('imports: a timetable from a file, previewed, then applied to the classes’ weeks', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let timetable: Uint8Array;
  let withErrors: Uint8Array;

  before(async () => {
    server = await startTestServer();
    for (const key of ['admin42', 'teacherMath'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    timetable = await readFile(`${IMPORT_FIXTURES}timetable.csv`);
    withErrors = await readFile(`${IMPORT_FIXTURES}timetable-errors.csv`);
    await server.database.db
      .insertInto('bells')
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((number) => ({
          school_id: SCHOOL,
          number,
          start_time: `${String(7 + number).padStart(2, '0')}:00`,
          end_time: `${String(7 + number).padStart(2, '0')}:45`,
        })),
      )
      .execute();
  });
  after(() => server.close());

  const send = (step: 'preview' | 'apply', name: string, data: Uint8Array, lang = 'ru') =>
    postImport<Answer>(server, tokens.admin42, SCHOOL, step, { name, data }, lang);
  /** The timetable as the admin downloads it. */
  const exported = async () => {
    const res = await fetch(`${server.url}/api/v1/schools/${SCHOOL}/exports/timetable.csv`, {
      headers: { authorization: `Bearer ${tokens.admin42}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /filename="timetable\.csv"/);
    return new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
  };
  const week = async (classId: string) =>
    (
      await server.call<TimetableTemplate>('GET', `/api/v1/classes/${classId}/timetable-template`, {
        token: tokens.admin42,
      })
    ).body;

  it('tells its progress, and an apply cancelled as it starts writing leaves the weeks as they were', async () => {
    const seen: ImportProgress[] = [];
    const controller = new AbortController();
    await assert.rejects(
      runImport(
        {
          db: server.database.db,
          clock: server.clock,
          ids: randomIds,
          gateway: new OutboxGateway(server.database.db, server.clock),
        },
        {
          schoolId: SCHOOL,
          file: { name: 'timetable.csv', path: `${IMPORT_FIXTURES}timetable.csv` },
          lang: 'ru',
          apply: true,
          signal: controller.signal,
          progress: (p) => {
            seen.push(p);
            if (p.stage === 'applying') controller.abort();
          },
        },
      ),
      (error) => error instanceof DomainError && error.code === 'import_cancelled',
    );
    assert.deepEqual(
      seen.map((p) => [p.stage, p.rowsRead, p.errors]),
      [
        ['read', 48, 0],
        ['planned', 48, 0],
        ['applying', 48, 0],
      ],
    );
    assert.deepEqual((await week(C.c5a.id)).items, []);
  });

  it('refuses a teacher', async () => {
    const res = await postImport<Answer>(server, tokens.teacherMath, SCHOOL, 'preview', {
      name: 'timetable.csv',
      data: timetable,
    });
    assert.equal(res.status, 403, res.text);
  });

  it('shows each error by line and column in the admin’s language, and an apply with errors writes nothing', async () => {
    const ru = await send('preview', 'timetable-errors.csv', withErrors);
    assert.equal(ru.status, 200, ru.text);
    assert.equal(ru.body.format, 'timetable_csv');
    assert.deepEqual(
      ru.body.errors.map((e) => [e.row, e.column, e.code]),
      [
        [9, 'День недели', 'invalid_option'],
        [3, 'Класс', 'unknown_reference'],
        [4, 'Предмет', 'unknown_reference'],
        [5, 'Учитель', 'unknown_reference'],
        [6, 'Урок', 'too_big'],
        [7, 'Урок', 'duplicate'],
        [8, 'Учитель', 'duplicate'],
      ],
    );
    const message = (row: number) => ru.body.errors.find((e) => e.row === row)?.message ?? '';
    assert.match(message(3), /нет класса «5Я»/);
    assert.match(message(4), /нет предмета «Астрономия»/);
    assert.match(message(5), /нет «Петрова Анна Ивановна»/);
    assert.match(message(6), /нет урока 8.*7/);
    assert.match(message(7), /5А уже есть урок .* строке 2/);
    assert.match(message(8), /кабинете 21 \(строка 2\)/);
    // Line 10 is 8Б's physics of even weeks only: alternating weeks are read.
    assert.deepEqual(ru.body.counts, { create: 2, update: 0, unchanged: 0, error: 7 });
    const en = await send('apply', 'timetable-errors.csv', withErrors, 'en');
    assert.equal(en.body.applied, false);
    assert.match(en.body.errors.find((e) => e.row === 4)?.message ?? '', /no subject “Астрономия”/);
    assert.deepEqual((await week(C.c5a.id)).items, []);
    assert.deepEqual((await week(C.c8b.id)).items, []);
  });

  it('applies the timetable to each class’s week, and a second apply changes nothing', async () => {
    const preview = await send('preview', 'timetable.csv', timetable);
    assert.deepEqual(preview.body.counts, { create: 48, update: 0, unchanged: 0, error: 0 });
    assert.deepEqual(preview.body.rows[5], {
      file: 'timetable.csv',
      row: 7,
      kind: 'lesson',
      action: 'create',
      key: '5А Вт 1',
      label: '5А Вт 1 Биология',
    });
    assert.deepEqual((await week(C.c5a.id)).items, [], 'a preview writes nothing');
    const applied = await send('apply', 'timetable.csv', timetable);
    assert.equal(applied.body.applied, true, applied.text);
    const a5 = await week(C.c5a.id);
    assert.equal(a5.items.length, 24);
    assert.deepEqual(a5.items[5], {
      weekday: 2,
      number: 1,
      subjectId: 'sub_42_biology',
      teacherId: U.teacherPhysics.id,
      room: '31',
    });
    assert.equal((await week(C.c8b.id)).items.length, 24);
    const again = await send('apply', 'timetable.csv', timetable);
    assert.deepEqual(again.body.counts, { create: 0, update: 0, unchanged: 48, error: 0 });
    const xlsx = await readFile(`${IMPORT_FIXTURES}timetable.xlsx`);
    const fromXlsx = await send('preview', 'timetable.xlsx', xlsx);
    assert.equal(fromXlsx.body.format, 'timetable_xlsx');
    assert.deepEqual(fromXlsx.body.counts, { create: 0, update: 0, unchanged: 48, error: 0 });
  });

  it('reads the same template from XLSX, reports a changed room, and keeps the lessons it does not name', async () => {
    const text = (await readFile(`${IMPORT_FIXTURES}timetable.csv`, 'utf8'))
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((line) => line.startsWith('Класс') || line.startsWith('5А;Пн'))
      .join('\r\n')
      .replace(
        '5А;Пн;1;Математика;Орлов Сергей Николаевич;21',
        '5А;Пн;1;Математика;Орлов С. Н.;22',
      );
    const report = await send('apply', 'timetable.xlsx', await xlsxFromCsv(text));
    assert.equal(report.body.format, 'timetable_xlsx', report.text);
    assert.deepEqual(report.body.counts, { create: 0, update: 1, unchanged: 4, error: 0 });
    assert.deepEqual(report.body.rows[0]?.changes, ['room']);
    const a5 = await week(C.c5a.id);
    assert.equal(a5.items.length, 24);
    assert.equal(a5.items[0]?.room, '22');
  });

  it('refuses a teacher already teaching another class in another room at that time', async () => {
    // 8Б Пн 2 is Орлов's algebra in room 21; 5А Пн 2 by him in room 22 cannot be.
    const csv =
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет\r\n5А;пн;2;Матем.;+79990000011;22\r\n';
    const report = await send('preview', 'clash.csv', new TextEncoder().encode(csv), 'en');
    assert.deepEqual(
      report.body.errors.map((e) => [e.row, e.column, e.code]),
      [[2, 'Учитель', 'already_registered']],
    );
    assert.match(report.body.errors[0]?.message ?? '', /teaches 8Б in room 21/);
    assert.equal(report.body.rows[0]?.action, 'error');
  });

  it('exports the weeks as the template over HTTP, which imports back unchanged', async () => {
    const csv = await exported();
    assert.match(csv, /5А;Пн;1;Математика;Орлов Сергей Николаевич;22/);
    const back = await send('preview', 'export.csv', new TextEncoder().encode(csv));
    assert.deepEqual(back.body.counts, { create: 0, update: 0, unchanged: 48, error: 0 });
  });

  it('reads odd and even weeks, keeps them in the class’s week, and exports them back unchanged', async () => {
    const file = await readFile(`${IMPORT_FIXTURES}timetable-alternating.csv`);
    const preview = await send('preview', 'alternating.csv', file);
    assert.deepEqual(preview.body.errors, []);
    assert.deepEqual(
      preview.body.rows.map((r) => [r.action, r.label]),
      [
        ['create', '8Б Сб 1 (нечётная) Физика'],
        ['create', '8Б Сб 1 (чётная) Информатика'],
        ['create', '8Б Сб 2 (нечётная) Алгебра'],
        ['create', '8Б Сб 3 История'],
      ],
    );
    assert.equal((await send('apply', 'alternating.csv', file)).body.applied, true);
    const saturday = (await week(C.c8b.id)).items.filter((l) => l.weekday === 6);
    assert.deepEqual(
      saturday.map((l) => [l.number, l.subjectId, l.week]),
      [
        [1, 'sub_42_physics', 'odd'],
        [1, 'sub_42_informatics', 'even'],
        [2, 'sub_42_algebra', 'odd'],
        [3, 'sub_42_history', undefined],
      ],
    );
    const csv = await exported();
    assert.match(csv, /^\uFEFF?Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя\r\n/);
    assert.match(
      csv,
      /8Б;Сб;1;Физика;Зайцев [^;]+;31;нечётная\r\n8Б;Сб;1;Информатика;[^;]+;31;чётная/,
    );
    assert.match(csv, /8Б;Сб;3;История;Кириллова Наталья Петровна;12;\r\n/);
    const back = await send('preview', 'export.csv', new TextEncoder().encode(csv));
    assert.deepEqual(back.body.counts, { create: 0, update: 0, unchanged: 52, error: 0 });
  });

  it('changes only the week a line names, and makes each week’s lessons on the right Saturdays', async () => {
    const csv =
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя\r\n' +
      '8Б;Сб;3;География;Кириллова Наталья Петровна;12;2\r\n';
    const report = await send('apply', 'even.csv', new TextEncoder().encode(csv));
    assert.deepEqual(report.body.counts, { create: 0, update: 1, unchanged: 0, error: 0 });
    assert.deepEqual(report.body.rows[0]?.changes, ['subjectId']);
    const third = (await week(C.c8b.id)).items.filter((l) => l.weekday === 6 && l.number === 3);
    assert.deepEqual(
      third.map((l) => [l.subjectId, l.week]),
      [
        ['sub_42_history', 'odd'],
        ['sub_42_geography', 'even'],
      ],
    );
    // 2026/2027 starts on Tuesday 1 September: 5 December is in its 14th week (even), 12 December
    // in its 15th (odd).
    const made: Record<string, string[]> = {};
    for (const date of ['2026-12-05', '2026-12-12']) {
      const res = await server.call(
        'POST',
        `/api/v1/classes/${C.c8b.id}/timetable-template/generate`,
        {
          token: tokens.admin42,
          body: { from: date, to: date },
        },
      );
      assert.equal(res.status, 200, res.text);
      const lessons = await server.database.db
        .selectFrom('lessons')
        .select(['number', 'subject_id'])
        .where('class_id', '=', C.c8b.id)
        .where('date', '=', date)
        .orderBy('number')
        .execute();
      made[date] = lessons.map((l) => `${l.number} ${l.subject_id}`);
    }
    assert.deepEqual(made, {
      '2026-12-05': ['1 sub_42_informatics', '3 sub_42_geography'],
      '2026-12-12': ['1 sub_42_physics', '2 sub_42_algebra', '3 sub_42_history'],
    });
  });

  it('refuses an every-week lesson and an odd-week one of a class at the same time, and a week it cannot read', async () => {
    const csv =
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя\r\n' +
      '5А;Сб;4;История;Кириллова Наталья Петровна;12;\r\n' +
      '5А;Сб;4;География;Кириллова Наталья Петровна;12;нечётная\r\n' +
      '5А;Сб;5;География;Кириллова Наталья Петровна;12;третья\r\n';
    const report = await send('apply', 'clash.csv', new TextEncoder().encode(csv), 'en');
    assert.equal(report.body.applied, false);
    assert.deepEqual(
      report.body.errors.map((e) => [e.row, e.column, e.code]),
      [
        [4, 'Неделя', 'invalid_option'],
        [3, 'Урок', 'duplicate'],
      ],
    );
    assert.match(
      report.body.errors[1]?.message ?? '',
      /already has a lesson at this time in line 2/,
    );
    assert.equal((await week(C.c5a.id)).items.filter((l) => l.weekday === 6).length, 0);
  });
});
