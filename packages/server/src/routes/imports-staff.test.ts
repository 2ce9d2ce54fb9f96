import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Challenge, ErrorResponse, ImportReport, SchoolClass } from '@school-diary/core';
import JSZip from 'jszip';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { IMPORT_FIXTURES, postImport, zipFolder } from '../testing/import-files';

const U = DEMO.users;
const SCHOOL = DEMO.schools.school42.id;
type Answer = ImportReport & ErrorResponse;
const USERS = `${IMPORT_FIXTURES}oneroster/users.csv`;

describe('imports: teachers and teaching assignments from a OneRoster bundle', () => {
  let server: TestServer;
  let token: string;
  let users: string;

  before(async () => {
    server = await startTestServer();
    token = (await server.login(U.admin42.phone)).accessToken;
    users = await readFile(USERS, 'utf8');
  });
  after(() => server.close());

  const send = (step: 'preview' | 'apply', data: Uint8Array, lang = 'ru') =>
    postImport<Answer>(server, token, SCHOOL, step, { name: 'oneroster.zip', data }, lang);
  /** The fixture bundle with Орлова's line of `users.csv` edited. */
  const withOrlova = (edit: (line: string) => string) =>
    zipFolder(`${IMPORT_FIXTURES}oneroster`, {
      'users.csv': users
        .split('\n')
        .map((l) => (l.startsWith('usr-t1,') ? edit(l) : l))
        .join('\n'),
    });

  it('refuses a teacher without a mobile phone on their line, in the admin’s language', async () => {
    const bundle = await withOrlova((l) => l.replace('+79990004401', ''));
    const ru = await send('apply', bundle);
    assert.equal(ru.body.applied, false, ru.text);
    assert.deepEqual(
      ru.body.errors.map((e) => [e.file, e.row, e.column, e.code]),
      [['users.csv', 5, 'phone', 'required']],
    );
    assert.match(ru.body.errors[0]?.message ?? '', /нет мобильного телефона.*SMS-приглашение/);
    const en = await send(
      'preview',
      await withOrlova((l) => l.replace('+79990004401', '8 495 123-45-67')),
      'en',
    );
    assert.deepEqual(
      en.body.errors.map((e) => [e.row, e.column, e.code]),
      [[5, 'phone', 'not_mobile']],
    );
    assert.match(en.body.errors[0]?.message ?? '', /mobile number.*invitation/);
    assert.ok(
      !ru.body.rows.some((r) => r.label.startsWith('Орлова')),
      'no row for a refused teacher',
    );
  });

  it("refuses a phone that is a parent's account", async () => {
    const bundle = await withOrlova((l) => l.replace('+79990004401', U.parentIvanova.phone));
    const res = await send('preview', bundle, 'en');
    assert.deepEqual(
      res.body.errors.map((e) => [e.row, e.column, e.code]),
      [[5, 'phone', 'already_registered']],
    );
    assert.match(res.body.errors[0]?.message ?? '', /not on your school’s staff/);
    const row = res.body.rows.find((r) => r.kind === 'staff' && r.key === 'usr-t1');
    assert.equal(row?.action, 'error');
  });

  it('invites new teachers by SMS and gives them their classes; a re-run changes nothing', async () => {
    const bundle = await zipFolder(`${IMPORT_FIXTURES}oneroster`);
    const preview = await send('preview', bundle);
    const part = (r: ImportReport) =>
      r.rows
        .filter((x) => x.kind === 'staff' || x.kind === 'teaching')
        .map((x) => [x.kind, x.action, x.label]);
    const expected = [
      ['staff', 'create', 'Орлова Наталья Викторовна'],
      ['staff', 'create', 'Кузнецов Андрей Павлович'],
      ['staff', 'create', 'Захарова Ирина Сергеевна'],
      ['teaching', 'create', 'Орлова Наталья Викторовна: 9Д · Черчение'],
      ['teaching', 'create', 'Кузнецов Андрей Павлович: 6Г · Математика'],
    ];
    assert.deepEqual(part(preview.body), expected, preview.text);
    const outbox = () =>
      server.database.db
        .selectFrom('outbox')
        .select(['recipient', 'text'])
        .where('recipient', 'like', '+7999000440%')
        .where('text', 'like', '%приглашает%')
        .execute();
    assert.deepEqual(await outbox(), [], 'a preview invites no one');

    const applied = await send('apply', bundle);
    assert.equal(applied.body.applied, true, applied.text);
    const sent = await outbox();
    assert.deepEqual(sent.map((m) => m.recipient).sort(), [
      '+79990004401',
      '+79990004402',
      '+79990004403',
    ]);
    assert.match(
      sent.find((m) => m.recipient === '+79990004403')?.text ?? '',
      /приглашает вас администратором/,
    );

    // Кузнецов sets his password with the recovery code, as an admin's invitation asks, and sees 6Г.
    const phone = '+79990004402';
    const start = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone },
    });
    const code = await server.lastCode(phone);
    const password = 'циркуль транспортир угольник';
    const done = await server.call('POST', '/api/v1/auth/recovery/complete', {
      body: { challengeId: start.body.challengeId, code, newPassword: password },
    });
    assert.equal(done.status, 204, done.text);
    const session = await server.login(phone, password);
    const classes = await server.call<{ items: SchoolClass[] }>('GET', '/api/v1/classes', {
      token: session.accessToken,
    });
    assert.deepEqual(
      classes.body.items.map((c) => c.name),
      ['6Г'],
    );

    const again = await send('apply', bundle);
    assert.deepEqual(
      part(again.body),
      expected.map(([kind, , label]) => [kind, 'unchanged', label]),
    );
    assert.equal((await outbox()).length, 3, 'a re-run invites no one again');
  });

  it('exports staff and assignments in the bundle over HTTP, which imports back unchanged', async () => {
    const res = await fetch(`${server.url}/api/v1/schools/${SCHOOL}/exports/oneroster.zip`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.match(res.headers.get('content-disposition') ?? '', /filename="oneroster\.zip"/);
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const roles = (await zip.file('roles.csv')?.async('string')) ?? '';
    assert.match(roles, /usr-t2,primary,teacher/);
    assert.match(roles, /usr-a1,primary,administrator/);
    const back = await send('preview', await zip.generateAsync({ type: 'uint8array' }));
    assert.equal(back.body.counts.error, 0, back.text);
    // Pupils without an external id have it recorded (see the roster's own test); staff and
    // assignments, the school's own and the imported, come back as they are.
    const staff = back.body.rows.filter((r) => r.kind === 'staff' || r.kind === 'teaching');
    assert.deepEqual(new Set(staff.map((r) => r.action)), new Set(['unchanged']));
    for (const label of ['Орлова Наталья Викторовна: 9Д · Черчение', 'Кириллова Наталья Петровна'])
      assert.ok(
        staff.some((r) => r.label === label),
        label,
      );
  });
});

describe('imports: homeroom teachers from a OneRoster bundle', () => {
  let server: TestServer;
  let token: string;
  let enrolments: string;

  before(async () => {
    server = await startTestServer();
    token = (await server.login(U.admin42.phone)).accessToken;
    enrolments = await readFile(`${IMPORT_FIXTURES}oneroster/enrollments.csv`, 'utf8');
  });
  after(() => server.close());

  /** The fixture bundle with these teacher enrolments in homeroom classes added. */
  const withHomerooms = (...lines: string[]) =>
    zipFolder(`${IMPORT_FIXTURES}oneroster`, {
      'enrollments.csv': `${enrolments.trimEnd()}\n${lines.join('\n')}\n`,
    });
  const send = async (step: 'preview' | 'apply', data: Uint8Array, lang = 'ru') =>
    (await postImport<Answer>(server, token, SCHOOL, step, { name: 'oneroster.zip', data }, lang))
      .body;
  const homerooms = (r: ImportReport) =>
    r.rows.filter((x) => x.kind === 'homeroom').map((x) => [x.action, x.label, x.changes]);
  const homeroomOf = async (name: string) =>
    (
      await server.database.db
        .selectFrom('classes')
        .leftJoin('users', 'users.id', 'classes.homeroom_teacher_id')
        .select('users.last_name')
        .where('classes.school_id', '=', SCHOOL)
        .where('classes.name', '=', name)
        .executeTakeFirstOrThrow()
    ).last_name;

  it('asks which of several teachers of a homeroom without a subject is its homeroom teacher', async () => {
    const bundle = await withHomerooms(
      'enr-9,,,cls-6g,org-42,usr-t1,teacher,,2026-09-01,',
      'enr-10,,,cls-6g,org-42,usr-t2,teacher,false,2026-09-01,',
    );
    const report = await send('apply', bundle, 'en');
    assert.equal(report.applied, false);
    assert.deepEqual(
      report.errors.map((e) => [e.file, e.row, e.column, e.code]),
      [['enrollments.csv', 10, 'primary', 'duplicate']],
    );
    assert.match(report.errors[0]?.message ?? '', /6Г has several teachers without a subject/);
    const ru = await send('preview', bundle);
    assert.match(ru.errors[0]?.message ?? '', /классного руководителя .* primary/);
  });

  it('makes a teacher enrolled in a homeroom without a subject its homeroom teacher, once', async () => {
    const bundle = await withHomerooms(
      'enr-9,,,cls-9d,org-42,usr-t1,teacher,,2026-09-01,',
      'enr-10,,,cls-6g,org-42,usr-t1,teacher,false,2026-09-01,',
      'enr-11,,,cls-6g,org-42,usr-t2,teacher,true,2026-09-01,',
    );
    const preview = await send('preview', bundle);
    assert.deepEqual(preview.errors, []);
    assert.deepEqual(homerooms(preview), [
      ['create', 'Орлова Наталья Викторовна: 9Д', undefined],
      ['create', 'Кузнецов Андрей Павлович: 6Г', undefined],
    ]);
    assert.equal((await send('apply', bundle)).applied, true);
    assert.equal(await homeroomOf('9Д'), 'Орлова');
    assert.equal(await homeroomOf('6Г'), 'Кузнецов');
    const again = await send('apply', bundle);
    assert.deepEqual(
      homerooms(again).map(([action]) => action),
      ['unchanged', 'unchanged'],
    );
  });

  it('changes a class’s homeroom teacher, and exports it back as the primary teacher', async () => {
    const bundle = await withHomerooms('enr-9,,,cls-9d,org-42,usr-t2,teacher,true,2026-09-01,');
    const report = await send('apply', bundle);
    assert.deepEqual(homerooms(report), [
      ['update', 'Кузнецов Андрей Павлович: 9Д', ['homeroomTeacherId']],
    ]);
    assert.equal(await homeroomOf('9Д'), 'Кузнецов');
    const res = await fetch(`${server.url}/api/v1/schools/${SCHOOL}/exports/oneroster.zip`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const exported = (await zip.file('enrollments.csv')?.async('string')) ?? '';
    assert.match(exported, /,usr-t2,teacher,true,/);
    const back = await send('preview', await zip.generateAsync({ type: 'uint8array' }));
    assert.equal(back.counts.error, 0);
    assert.deepEqual(new Set(homerooms(back).map(([action]) => action)), new Set(['unchanged']));
  });
});
