import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AuditEntry,
  Challenge,
  ErrorResponse,
  Mark,
  RosterEntry,
  School,
  SchoolClass,
  SchoolYearRecord,
  StaffInvitation,
  Subject,
  TeachingAssignment,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const S42 = `/api/v1/schools/${DEMO.schools.school42.id}`;
type Answer<T> = T & ErrorResponse;

describe('setup: a school run by its own admins', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    for (const key of ['admin42', 'admin17', 'teacherMath', 'parentIvanova'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const as =
    (who: string) =>
    <T>(method: string, path: string, body?: unknown, lang?: string) =>
      server.call<Answer<T>>(method, path, {
        token: tokens[who],
        ...(body === undefined ? {} : { body }),
        ...(lang ? { lang } : {}),
      });
  const admin = as('admin42');
  const newClass = { name: '5Д', grade: 5, schoolYear: '2026/2027' };

  it("answers 403 to a teacher and to another school's admin, and changes nothing", async () => {
    for (const who of ['teacherMath', 'admin17']) {
      const res = await as(who)<SchoolClass>('POST', `${S42}/classes`, newClass);
      assert.equal(res.status, 403, `${who}: ${res.text}`);
      const roster = await as(who)<{ items: RosterEntry[] }>('GET', `${S42}/roster`);
      assert.equal(roster.status, 403, `${who}: ${roster.text}`);
    }
    const moved = await as('admin17')<RosterEntry>('POST', '/api/v1/roster/ros_maria/leave', {});
    assert.equal(moved.status, 403);
  });

  it('adds a class and a subject, refusing a name already taken with a field error', async () => {
    const made = await admin<SchoolClass>('POST', `${S42}/classes`, newClass);
    assert.equal(made.status, 201, made.text);
    assert.equal(made.body.name, '5Д');
    const again = await admin<SchoolClass>('POST', `${S42}/classes`, newClass, 'en');
    assert.equal(again.status, 400, again.text);
    assert.equal(again.body.error.fields?.[0]?.path, 'name');
    assert.equal(again.body.error.fields?.[0]?.code, 'already_registered');
    const subject = await admin<Subject>('POST', `${S42}/subjects`, {
      name: 'Финансовая грамотность',
      shortName: 'Фин. гр.',
    });
    assert.equal(subject.status, 201, subject.text);
    const list = await admin<{ items: Subject[] }>('GET', `${S42}/subjects`);
    assert.ok(list.body.items.some((s) => s.id === subject.body.id));
  });

  it('adds a school year of trimesters and explains, in the admin’s language, what is wrong', async () => {
    const year = {
      name: '2027/2028',
      startDate: '2027-09-01',
      endDate: '2028-05-31',
      periodKind: 'trimester',
      periods: [
        { name: 'I триместр', startDate: '2027-09-01', endDate: '2027-11-30' },
        { name: 'II триместр', startDate: '2027-12-01', endDate: '2028-02-28' },
        { name: 'III триместр', startDate: '2028-03-01', endDate: '2028-05-31' },
      ],
    };
    const overlapping = {
      ...year,
      periods: [year.periods[0], { ...year.periods[1], startDate: '2027-11-01' }, year.periods[2]],
    };
    const bad = await admin<SchoolYearRecord>('POST', `${S42}/school-years`, overlapping, 'ru');
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.body.error.fields?.[0]?.path, 'periods');
    assert.match(bad.body.error.fields?.[0]?.message ?? '', /[а-я]/);
    const made = await admin<SchoolYearRecord>('POST', `${S42}/school-years`, year);
    assert.equal(made.status, 201, made.text);
    assert.deepEqual(
      made.body.periods.map((p) => [p.number, p.kind]),
      [
        [1, 'trimester'],
        [2, 'trimester'],
        [3, 'trimester'],
      ],
    );
    const twice = await admin<SchoolYearRecord>('POST', `${S42}/school-years`, year);
    assert.equal(twice.status, 400);
  });

  it('changes the profile, refusing an unknown time zone', async () => {
    const wrong = await admin<School>('PATCH', `${S42}/profile`, { timeZone: 'Mars/Base' }, 'en');
    assert.equal(wrong.status, 400, wrong.text);
    assert.equal(wrong.body.error.fields?.[0]?.path, 'timeZone');
    const res = await admin<School>('PATCH', `${S42}/profile`, {
      address: 'Москва, ул. Академика Королёва, д. 15',
      timeZone: 'Europe/Moscow',
    });
    assert.equal(res.status, 200, res.text);
    const read = await server.call<School>('GET', `/api/v1/schools/${DEMO.schools.school42.id}`);
    assert.equal(read.body.address, 'Москва, ул. Академика Королёва, д. 15');
  });

  it('gives each new pupil a random roster id and refuses a duplicate external id', async () => {
    const pupil = {
      classId: DEMO.classes.c5a.id,
      lastName: 'Соколова',
      firstName: 'Варвара',
      birthDate: '2015-03-14',
      externalId: 'EXT-1001',
    };
    const first = await admin<RosterEntry>('POST', `${S42}/roster`, pupil);
    const second = await admin<RosterEntry>('POST', `${S42}/roster`, {
      ...pupil,
      firstName: 'Вера',
      externalId: 'EXT-1002',
    });
    assert.equal(first.status, 201, first.text);
    assert.match(first.body.rosterId, /^R042-[A-Z2-9]{8}$/);
    assert.notEqual(first.body.rosterId.slice(-4), second.body.rosterId.slice(-4));
    const dup = await admin<RosterEntry>('POST', `${S42}/roster`, pupil);
    assert.equal(dup.body.error.fields?.[0]?.path, 'externalId');
    const foreign = await admin<RosterEntry>('POST', `${S42}/roster`, {
      ...pupil,
      externalId: 'EXT-1003',
      classId: DEMO.classes.c7v.id,
    });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.fields?.[0]?.code, 'unknown_reference');
  });

  it('sets a class’s teaching assignments, refusing a subject of another school', async () => {
    const path = `/api/v1/classes/${DEMO.classes.c8b.id}/teaching`;
    const wrong = await admin<{ items: TeachingAssignment[] }>('PUT', path, {
      items: [{ teacherId: U.teacherMath.id, subjectId: 'sub_17_history' }],
    });
    assert.equal(wrong.status, 400, wrong.text);
    assert.equal(wrong.body.error.fields?.[0]?.path, 'items.0.subjectId');
  });

  it('moves a pupil and lets them leave, keeping every mark readable by the family', async () => {
    const marksPath = `/api/v1/children/${DEMO.children.maria.id}/grades?from=2026-09-01&to=2026-12-31`;
    const before = await as('parentIvanova')<{ items: Mark[] }>('GET', marksPath);
    const cls = await admin<SchoolClass>('POST', `${S42}/classes`, {
      name: '5Е',
      grade: 5,
      schoolYear: '2026/2027',
    });
    const moved = await admin<RosterEntry>('POST', '/api/v1/roster/ros_maria/move', {
      classId: cls.body.id,
    });
    assert.equal(moved.status, 200, moved.text);
    const child = await as('parentIvanova')<{ classId: string }>(
      'GET',
      `/api/v1/children/${DEMO.children.maria.id}`,
    );
    assert.equal(child.body.classId, cls.body.id);
    const left = await admin<RosterEntry>('POST', '/api/v1/roster/ros_maria/leave', {});
    assert.equal(left.status, 200, left.text);
    assert.ok(left.body.leftAt);
    const after = await as('parentIvanova')<{ items: Mark[] }>('GET', marksPath);
    assert.equal(after.status, 200, after.text);
    assert.deepEqual(
      after.body.items.map((m) => m.id),
      before.body.items.map((m) => m.id),
    );
    const write = await as('teacherMath')<Mark>('POST', '/api/v1/marks', {
      childId: DEMO.children.maria.id,
      subjectId: 'sub_42_math',
      value: 5,
      kind: 'oral',
      date: '2026-11-24',
    });
    assert.ok([403, 404].includes(write.status), write.text);
    const audit = await admin<{ items: AuditEntry[] }>('GET', `${S42}/audit`);
    const actions = audit.body.items.map((e) => e.action);
    for (const action of ['setup.roster_move', 'setup.roster_leave', 'setup.class'] as const)
      assert.ok(actions.includes(action), action);
  });

  it('invites a teacher by SMS, who sets a password with the recovery code and signs in', async () => {
    const phone = '+79990007001';
    const invited = await admin<StaffInvitation>('POST', `${S42}/staff`, {
      phone,
      lastName: 'Белова',
      firstName: 'Ирина',
      middleName: 'Олеговна',
      role: 'teacher',
    });
    assert.equal(invited.status, 201, invited.text);
    const twice = await admin<StaffInvitation>('POST', `${S42}/staff`, {
      phone,
      lastName: 'Белова',
      firstName: 'Ирина',
      role: 'teacher',
    });
    assert.equal(twice.body.error.fields?.[0]?.path, 'phone');
    const start = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone },
    });
    const code = await server.lastCode(phone);
    const done = await server.call('POST', '/api/v1/auth/recovery/complete', {
      body: { challengeId: start.body.challengeId, code, newPassword: 'мел доска перемена звонок' },
    });
    assert.equal(done.status, 204, done.text);
    const session = await server.login(phone, 'мел доска перемена звонок');
    const me = await server.call<{ role: string }>('GET', '/api/v1/auth/me', {
      token: session.accessToken,
    });
    assert.equal(me.body.role, 'teacher');
  });
});
