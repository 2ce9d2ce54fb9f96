import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import {
  type ErrorResponse,
  type ImportJob,
  type ImportReport,
  type RosterEntry,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { IMPORT_FIXTURES, postImport, xlsxFromCsv, zipFolder } from '../testing/import-files';

const U = DEMO.users;
const SCHOOL = DEMO.schools.school42.id;
type Answer = ImportReport & ErrorResponse;
/** A small upload limit, so that going over it is quick to test. */
const LIMIT = 256 * 1024;

describe('imports: a roster from a file, previewed, then applied in one go', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let roster: Uint8Array;
  let withErrors: Uint8Array;

  before(async () => {
    server = await startTestServer({ config: { importMaxBytes: LIMIT } });
    for (const key of ['admin42', 'admin17', 'teacherMath'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    roster = await readFile(`${IMPORT_FIXTURES}roster.csv`);
    withErrors = await readFile(`${IMPORT_FIXTURES}roster-errors.csv`);
  });
  after(() => server.close());

  const send = (step: 'preview' | 'apply', name: string, data: Uint8Array, lang = 'ru') =>
    postImport<Answer>(server, tokens.admin42, SCHOOL, step, { name, data }, lang);
  const rosterCount = async () =>
    (
      await server.call<{ items: RosterEntry[] }>('GET', `/api/v1/schools/${SCHOOL}/roster`, {
        token: tokens.admin42,
      })
    ).body.items.length;

  it("refuses a teacher and another school's admin", async () => {
    for (const who of ['teacherMath', 'admin17']) {
      const res = await postImport<Answer>(server, tokens[who], SCHOOL, 'preview', {
        name: 'roster.csv',
        data: roster,
      });
      assert.equal(res.status, 403, `${who}: ${res.text}`);
    }
  });

  it('shows errors by line and column in the admin’s language, and an apply with errors writes nothing', async () => {
    const before = await rosterCount();
    const ru = await send('preview', 'roster-errors.csv', withErrors);
    assert.equal(ru.status, 200, ru.text);
    assert.deepEqual(
      ru.body.errors.map((e) => [e.row, e.column, e.code]),
      [
        [3, 'Дата рождения', 'impossible_date'],
        [4, 'Класс', 'unknown_reference'],
        [5, 'Идентификатор', 'duplicate'],
      ],
    );
    assert.match(ru.body.errors[1]?.message ?? '', /нет класса «5Я»/);
    assert.match(ru.body.errors[2]?.message ?? '', /строке 2/);
    assert.deepEqual(ru.body.counts, { create: 1, update: 0, unchanged: 0, error: 3 });
    const en = await send('apply', 'roster-errors.csv', withErrors, 'en');
    assert.equal(en.status, 200, en.text);
    assert.equal(en.body.applied, false);
    assert.match(en.body.errors[1]?.message ?? '', /no class “5Я”/);
    assert.equal(await rosterCount(), before);
  });

  it('previews, applies, and a second apply of the same file changes nothing', async () => {
    const before = await rosterCount();
    const preview = await send('preview', 'roster.csv', roster);
    assert.equal(preview.body.format, 'roster_csv');
    assert.deepEqual(preview.body.counts, { create: 6, update: 0, unchanged: 0, error: 0 });
    assert.equal(preview.body.rows[3]?.label, 'Гусейнов Эмиль Рашид оглы');
    assert.equal(await rosterCount(), before, 'a preview writes nothing');
    const applied = await send('apply', 'roster.csv', roster);
    assert.equal(applied.body.applied, true, applied.text);
    assert.equal(await rosterCount(), before + 6);
    const again = await send('apply', 'roster.csv', roster);
    assert.deepEqual(again.body.counts, { create: 0, update: 0, unchanged: 6, error: 0 });
    assert.equal(await rosterCount(), before + 6);
  });

  it('reads the same template from XLSX and reports a moved pupil as a change', async () => {
    const text = (await readFile(`${IMPORT_FIXTURES}roster.csv`, 'utf8')).replace(
      'УЧ-0006;Ёлкин Матвей Павлович;30.04.2013;8Б;2',
      'УЧ-0006;Ёлкин Матвей Павлович;30.04.2013;5А;5',
    );
    const report = await send('apply', 'roster.xlsx', await xlsxFromCsv(text));
    assert.equal(report.body.format, 'roster_xlsx', report.text);
    assert.deepEqual(
      report.body.counts,
      { create: 0, update: 1, unchanged: 5, error: 0 },
      report.text,
    );
    const moved = report.body.rows.find((r) => r.action === 'update');
    assert.deepEqual([moved?.key, moved?.changes], ['УЧ-0006', ['classId', 'listNumber']]);
  });

  it('imports a OneRoster bundle: homeroom classes, courses as subjects, enrolled students', async () => {
    const bundle = await zipFolder(`${IMPORT_FIXTURES}oneroster`);
    const first = await send('apply', 'oneroster.zip', bundle);
    assert.equal(first.body.format, 'oneroster', first.text);
    assert.equal(first.body.applied, true, first.text);
    assert.deepEqual(
      first.body.rows
        .filter((r) => ['class', 'subject', 'pupil'].includes(r.kind))
        .map((r) => [r.kind, r.action, r.label]),
      [
        ['class', 'create', '6Г'],
        ['class', 'create', '9Д'],
        ['subject', 'create', 'Астрономия'],
        ['subject', 'create', 'Черчение'],
        ['subject', 'unchanged', 'Математика'],
        ['pupil', 'create', 'Лебедева Милана Артуровна'],
        ['pupil', 'create', 'Морозов Даниил Евгеньевич'],
        ['pupil', 'create', 'Никитина Ева'],
      ],
    );
    // The school typed 2026/2027 by hand with the same dates: the bundle's year is that year.
    assert.deepEqual(
      first.body.rows
        .filter((r) => r.kind === 'school_year' || r.kind === 'period')
        .map((r) => [r.kind, r.action, r.label, r.changes]),
      [
        ['school_year', 'update', '2026/2027', ['externalId']],
        ...['I', 'II', 'III', 'IV'].map((n) => [
          'period',
          'update',
          `${n} четверть`,
          ['externalId'],
        ]),
      ],
    );
    const again = await send('preview', 'oneroster.zip', bundle);
    assert.deepEqual(again.body.counts, { create: 0, update: 0, unchanged: 18, error: 0 });
  });

  it('exports the roster as the template, which imports back unchanged', async () => {
    const res = await fetch(`${server.url}/api/v1/schools/${SCHOOL}/exports/roster.csv`, {
      headers: { authorization: `Bearer ${tokens.admin42}` },
    });
    assert.equal(res.status, 200);
    const csv = new Uint8Array(await res.arrayBuffer());
    assert.match(
      new TextDecoder().decode(csv),
      /УЧ-0001;Абрамова Ксения Андреевна;14\.03\.2016;5А/,
    );
    const back = await send('preview', 'export.csv', csv);
    assert.equal(back.body.counts.error, 0, back.text);
    assert.equal(back.body.counts.create + back.body.counts.update, 0, back.text);
    // Without the identifiers, pupils are found by name and birth date: still no change.
    const withoutIds = new TextDecoder()
      .decode(csv)
      .split('\r\n')
      .map((line) => line.split(';').slice(1).join(';'))
      .join('\r\n');
    const byName = await send('preview', 'no-ids.csv', new TextEncoder().encode(withoutIds));
    assert.deepEqual(
      [byName.body.counts.create, byName.body.counts.update, byName.body.counts.error],
      [0, 0, 0],
      byName.text,
    );
  });

  it('answers a file that is not a roster with a field error, never a 500', async () => {
    const res = await send(
      'preview',
      'junk.bin',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]),
      'en',
    );
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.fields?.[0]?.path, 'file');
  });

  it('follows an import by the job id its caller chose', async () => {
    const job = randomUUID();
    const res = await postImport<Answer>(
      server,
      tokens.admin42,
      SCHOOL,
      'preview',
      { name: 'roster.csv', data: roster },
      'ru',
      job,
    );
    assert.equal(res.status, 200, res.text);
    const path = `/api/v1/schools/${SCHOOL}/imports/jobs/${job}`;
    const status = await server.call<ImportJob>('GET', path, { token: tokens.admin42 });
    assert.deepEqual(
      (({ step, state, rowsRead, fileName }) => ({ step, state, rowsRead, fileName }))(status.body),
      { step: 'preview', state: 'done', rowsRead: 6, fileName: 'roster.csv' },
    );
    const late = await server.call<ImportJob>('POST', `${path}/cancel`, { token: tokens.admin42 });
    assert.equal(late.body.state, 'done', 'a finished import cannot be cancelled');
    const other = await server.call('GET', path, { token: tokens.admin17 });
    assert.equal(other.status, 403);
    const unknown = await server.call('GET', `${path}x`, { token: tokens.admin42 });
    assert.equal(unknown.status, 404);
  });

  it('refuses a file over the upload limit with the limit in the message', async () => {
    const res = await send('preview', 'huge.csv', new Uint8Array(LIMIT + 1).fill(0x41), 'en');
    assert.equal(res.status, 413, res.text);
    assert.equal(res.body.error.fields?.[0]?.code, 'file_too_large');
    assert.match(res.body.error.fields?.[0]?.message ?? '', /0\.25 MB/);
  });
});
