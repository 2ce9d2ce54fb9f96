import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ErrorResponse, ImportReport, SchoolYearRecord } from '@school-diary/core';
import JSZip from 'jszip';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { IMPORT_FIXTURES, postImport, zipFolder } from '../testing/import-files';

const SCHOOL = DEMO.schools.school42.id;
type Answer = ImportReport & ErrorResponse;
const HEADER =
  'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear';
/** 2027/2028 in two half-years: a year the demo school has not entered. */
const NEXT_YEAR = [
  HEADER,
  'as-2028,,,2027/2028 учебный год,schoolYear,2027-09-01,2028-05-31,,2028',
  'as-2028-h1,,,I полугодие,semester,2027-09-01,2027-12-27,as-2028,2028',
  'as-2028-h2,,,II полугодие,semester,2028-01-10,2028-05-31,as-2028,2028',
];

describe('imports: the school year and its periods from a OneRoster bundle’s academic sessions', () => {
  let server: TestServer;
  let token: string;
  let classes: string;

  before(async () => {
    server = await startTestServer();
    token = (await server.login(DEMO.users.admin42.phone)).accessToken;
    classes = (await readFile(`${IMPORT_FIXTURES}oneroster/classes.csv`, 'utf8')).replaceAll(
      'as-2027',
      'as-2028',
    );
  });
  after(() => server.close());

  /** The fixture bundle with `sessions` as academicSessions.csv and its classes in 2027/2028. */
  const bundle = (sessions: readonly string[], classesCsv = classes) =>
    zipFolder(`${IMPORT_FIXTURES}oneroster`, {
      'academicSessions.csv': `${sessions.join('\n')}\n`,
      'classes.csv': classesCsv,
    });
  const send = async (step: 'preview' | 'apply', sessions: readonly string[], lang = 'ru') =>
    postImport<Answer>(
      server,
      token,
      SCHOOL,
      step,
      { name: 'oneroster.zip', data: await bundle(sessions) },
      lang,
    );
  const years = async () =>
    (
      await server.call<{ items: SchoolYearRecord[] }>(
        'GET',
        `/api/v1/schools/${SCHOOL}/school-years`,
        { token },
      )
    ).body.items;
  const calendarRows = (report: ImportReport) =>
    report.rows
      .filter((r) => r.kind === 'school_year' || r.kind === 'period')
      .map((r) => [r.kind, r.action, r.key, r.label, ...(r.changes ? [r.changes] : [])]);

  it('names each session’s mistake by line and column in the admin’s language, and writes nothing', async () => {
    const before = await years();
    const sessions = [
      ...NEXT_YEAR.slice(0, 2),
      'as-2028-h1,,,I полугодие,semester,2027-09-01,2028-01-15,as-2028,2028',
      'as-2028-h2,,,II полугодие,semester,2028-01-10,2028-05-31,as-2028,2028',
      'as-2028-x,,,Летняя практика,term,2028-06-01,2028-06-30,as-2028,2028',
      'as-2028-y,,,Модуль,term,2028-03-01,2028-02-01,as-2028,2028',
      'as-2028-z,,,Модуль 2,term,2028-03-01,2028-03-10,as-2029,2028',
    ];
    const withUnknown = classes.replace(
      'cls-6g-math,,,Математика 6Г,06,,6Г-МАТ,scheduled,каб. 12,org-42,as-2028-h1',
      'cls-6g-math,,,Математика 6Г,06,,6Г-МАТ,scheduled,каб. 12,org-42,as-nope',
    );
    const data = await bundle(sessions, withUnknown);
    const file = { name: 'oneroster.zip', data };
    const ru = await postImport<Answer>(server, token, SCHOOL, 'apply', file, 'ru');
    assert.equal(ru.status, 200, ru.text);
    assert.equal(ru.body.applied, false);
    const where = (r: Answer) =>
      r.errors
        .map((e) => [e.file, e.row, e.column, e.code])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    assert.deepEqual(where(ru.body), [
      ['academicSessions.csv', 4, 'startDate', 'date_order'],
      ['academicSessions.csv', 5, 'startDate', 'outside_school_year'],
      ['academicSessions.csv', 6, 'endDate', 'date_order'],
      ['academicSessions.csv', 7, 'parentSourcedId', 'unknown_reference'],
      ['classes.csv', 5, 'termSourcedIds', 'unknown_reference'],
    ]);
    const message = (r: Answer, row: number, file = 'academicSessions.csv') =>
      r.errors.find((e) => e.file === file && e.row === row)?.message ?? '';
    assert.match(message(ru.body, 4), /пересекаются с «I полугодие» в строке 3/);
    assert.match(
      message(ru.body, 5),
      /внутри учебного года 2027\/2028: с 2027-09-01 по 2028-05-31/,
    );
    assert.match(message(ru.body, 7), /нет сессии «as-2029»/);
    assert.match(message(ru.body, 5, 'classes.csv'), /нет сессии «as-nope»/);
    const en = await postImport<Answer>(server, token, SCHOOL, 'preview', file, 'en');
    assert.match(message(en.body, 4), /overlap “I полугодие” in line 3/);
    assert.match(message(en.body, 6), /end date must not be before the start date/);
    assert.deepEqual(await years(), before);
  });

  it('creates the year and its half-years, shown row by row, and a re-run leaves them alone', async () => {
    const preview = await send('preview', NEXT_YEAR);
    assert.equal(preview.body.counts.error, 0, preview.text);
    assert.deepEqual(calendarRows(preview.body), [
      ['school_year', 'create', 'as-2028', '2027/2028'],
      ['period', 'create', 'as-2028-h1', 'I полугодие'],
      ['period', 'create', 'as-2028-h2', 'II полугодие'],
    ]);
    assert.equal((await years()).length, 2, 'a preview writes nothing');
    const applied = await send('apply', NEXT_YEAR);
    assert.equal(applied.body.applied, true, applied.text);
    const year = (await years()).find((y) => y.name === '2027/2028');
    assert.deepEqual(
      [year?.startDate, year?.endDate, year?.periodKind],
      ['2027-09-01', '2028-05-31', 'half_year'],
    );
    assert.deepEqual(
      year?.periods.map((p) => [p.number, p.name, p.startDate, p.endDate]),
      [
        [1, 'I полугодие', '2027-09-01', '2027-12-27'],
        [2, 'II полугодие', '2028-01-10', '2028-05-31'],
      ],
    );
    assert.deepEqual(
      applied.body.rows.filter((r) => r.kind === 'class').map((r) => [r.action, r.key]),
      [
        ['create', '6Г 2027/2028'],
        ['create', '9Д 2027/2028'],
      ],
    );
    const again = await send('apply', NEXT_YEAR);
    assert.deepEqual(calendarRows(again.body), [
      ['school_year', 'unchanged', 'as-2028', '2027/2028'],
      ['period', 'unchanged', 'as-2028-h1', 'I полугодие'],
      ['period', 'unchanged', 'as-2028-h2', 'II полугодие'],
    ]);
    assert.equal((await years()).length, 3);
  });

  it('changes a period’s dates by its sourcedId, keeping the period', async () => {
    const before = (await years()).find((y) => y.name === '2027/2028');
    const moved = NEXT_YEAR.map((l) =>
      l.startsWith('as-2028-h1,') ? l.replace('2027-12-27', '2027-12-29') : l,
    );
    const applied = await send('apply', moved);
    assert.equal(applied.body.applied, true, applied.text);
    assert.deepEqual(calendarRows(applied.body)[1], [
      'period',
      'update',
      'as-2028-h1',
      'I полугодие',
      ['endDate'],
    ]);
    const after = (await years()).find((y) => y.name === '2027/2028');
    assert.equal(after?.periods[0]?.endDate, '2027-12-29');
    assert.equal(after?.periods[0]?.id, before?.periods[0]?.id);
  });

  it('refuses to divide a year the diary has into another number of periods', async () => {
    const halves = [
      HEADER,
      'as-2027,,,2026/2027,schoolYear,2026-09-01,2027-05-31,,2027',
      'as-2027-h1,,,I полугодие,semester,2026-09-01,2026-12-28,as-2027,2027',
      'as-2027-h2,,,II полугодие,semester,2027-01-12,2027-05-31,as-2027,2027',
    ];
    const fixture = await readFile(`${IMPORT_FIXTURES}oneroster/classes.csv`, 'utf8');
    const data = await zipFolder(`${IMPORT_FIXTURES}oneroster`, {
      'academicSessions.csv': halves.join('\n'),
      'classes.csv': fixture,
    });
    const res = await postImport<Answer>(server, token, SCHOOL, 'preview', {
      name: 'oneroster.zip',
      data,
    });
    assert.deepEqual(
      res.body.errors.map((e) => [e.row, e.column, e.code]),
      [[2, 'sourcedId', 'invalid_option']],
    );
    assert.match(res.body.errors[0]?.message ?? '', /2026\/2027 разделён на 4 .* в файле их 2/);
  });

  it('places classes by a term outside any year, making no year of it', async () => {
    const res = await send('preview', [
      HEADER,
      'as-2028,,,Осень,term,2027-09-01,2027-12-27,,',
      'as-2028-h1,,,Осень,term,2027-09-01,2027-12-27,,',
    ]);
    assert.equal(res.body.counts.error, 0, res.text);
    assert.deepEqual(calendarRows(res.body), []);
    assert.deepEqual(
      res.body.rows.filter((r) => r.kind === 'class').map((r) => r.key),
      ['6Г 2027/2028', '9Д 2027/2028'],
    );
  });

  it('refuses a sourcedId twice and two sessions of one school year, at their lines', async () => {
    const res = await send('preview', [
      ...NEXT_YEAR,
      'as-2028-h2,,,II полугодие,semester,2028-01-10,2028-05-31,as-2028,2028',
      'as-2028-b,,,2027/2028 ещё раз,schoolYear,2027-09-01,2028-05-31,,2028',
    ]);
    assert.deepEqual(
      res.body.errors.map((e) => [e.row, e.column, e.code]),
      [
        [5, 'sourcedId', 'duplicate'],
        [6, 'schoolYear', 'duplicate'],
      ],
    );
    assert.match(res.body.errors[0]?.message ?? '', /«as-2028-h2» уже есть в строке 4/);
    assert.match(res.body.errors[1]?.message ?? '', /строке 2/);
  });

  it('exports the years with their periods as academic sessions, which import back', async () => {
    const res = await fetch(`${server.url}/api/v1/schools/${SCHOOL}/exports/oneroster.zip`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const data = new Uint8Array(await res.arrayBuffer());
    const zip = await JSZip.loadAsync(data);
    const sessions = (await zip.file('academicSessions.csv')?.async('string')) ?? '';
    for (const line of [
      'as-2028,,,2027/2028,schoolYear,2027-09-01,2028-05-31,,2028',
      'as-2028-h2,,,II полугодие,semester,2028-01-10,2028-05-31,as-2028,2028',
      'sy_42_2026,,,2026/2027,schoolYear,2026-09-01,2027-05-31,,2027',
      'per_42_2026_q3,,,III четверть,term,2027-01-12,2027-03-22,sy_42_2026,2027',
    ])
      assert.ok(sessions.includes(line), `${line}\n${sessions}`);
    const classesCsv = (await zip.file('classes.csv')?.async('string')) ?? '';
    assert.match(classesCsv, /,6Г,homeroom,,org-\d+,as-2028\r?$/m);
    const back = await postImport<Answer>(server, token, SCHOOL, 'preview', {
      name: 'oneroster.zip',
      data,
    });
    assert.equal(back.body.counts.error, 0, back.text);
    const calendar = back.body.rows.filter((r) => r.kind === 'school_year' || r.kind === 'period');
    assert.ok(
      calendar.every((r) => r.action !== 'create'),
      JSON.stringify(calendar),
    );
    assert.ok(calendar.some((r) => r.key === 'as-2028' && r.action === 'unchanged'));
  });
});
