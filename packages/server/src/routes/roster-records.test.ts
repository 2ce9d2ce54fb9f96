// A real school's journal holds the whole class from the day its roster is imported: every pupil
// on a roster has a record the school owns, and a family's card becomes that same record once the
// school has approved the family's application.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type {
  Application,
  AuditEntry,
  Challenge,
  Child,
  ErrorResponse,
  ImportReport,
  Journal,
  Mark,
  RosterEntry,
  SchoolLink,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { IMPORT_FIXTURES, postImport } from '../testing/import-files';

const U = DEMO.users;
const SCHOOL = DEMO.schools.school42.id;
const SCHOOL_CODE = DEMO.unlinkedRoster.schoolCode;
const C5A = DEMO.classes.c5a.id;
const MATHS = 'sub_42_math';
/** Tuesday 24 November 2026, lesson 1: maths in 5А. */
const LESSON = 'les_42_5a_20261124_1';
const CERTIFICATE = 'IV-МЮ 654321';
type Items<T> = { items: T[] };
type Page<T> = { items: T[]; total: number };

describe('roster records: the whole class in the journal from the first day', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let roster: RosterEntry[];

  before(async () => {
    server = await startTestServer();
    for (const key of ['admin42', 'teacherMath', 'parentNew', 'parentIvanova'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    const file = await readFile(`${IMPORT_FIXTURES}roster.csv`);
    const applied = await postImport<ImportReport>(server, tokens.admin42, SCHOOL, 'apply', {
      name: 'roster.csv',
      data: file,
    });
    assert.equal(applied.status, 200, applied.text);
    assert.equal(applied.body.applied, true);
    roster = await rosterOf();
  });
  after(() => server.close());

  const call = <T>(who: string, method: string, path: string, body?: unknown) =>
    server.call<T & ErrorResponse>(method, path, {
      token: tokens[who],
      ...(body === undefined ? {} : { body }),
    });
  const rosterOf = async () =>
    (await call<Items<RosterEntry>>('admin42', 'GET', `/api/v1/schools/${SCHOOL}/roster`)).body
      .items;
  const journal = async () => {
    const res = await server.call<Journal & ErrorResponse>(
      'GET',
      `/api/v1/classes/${C5A}/journal`,
      { token: tokens.teacherMath, query: { subjectId: MATHS } },
    );
    assert.equal(res.status, 200, res.text);
    return res.body;
  };
  const studentOf = async (entry: { lastName: string; firstName: string }) => {
    const student = (await journal()).students.find(
      (s) => s.lastName === entry.lastName && s.firstName === entry.firstName,
    );
    assert.ok(student, `${entry.lastName} ${entry.firstName} is in the journal`);
    return student;
  };
  const entryNamed = (lastName: string) => {
    const entry = roster.find((e) => e.lastName === lastName);
    assert.ok(entry, lastName);
    return entry;
  };
  const enterMark = (childId: string, value = 5) =>
    call<Mark>('teacherMath', 'POST', '/api/v1/marks', {
      childId,
      subjectId: MATHS,
      value,
      kind: 'oral',
      date: '2026-11-24',
    });
  const grades = (who: string, childId: string) =>
    call<Items<Mark>>(who, 'GET', `/api/v1/children/${childId}/grades`);

  /** A parent's confirmed card of a roster pupil, linked to the pupil's roster id. */
  async function linkedCard(
    who: 'parentNew' | 'parentIvanova',
    entry: RosterEntry,
    extra: Record<string, string> = {},
  ): Promise<Child> {
    const created = await call<{ child: Child; challenge: Challenge }>(
      who,
      'POST',
      '/api/v1/children',
      {
        lastName: entry.lastName,
        firstName: entry.firstName,
        birthDate: entry.birthDate,
        sex: 'female',
        ...extra,
      },
    );
    assert.equal(created.status, 201, created.text);
    const code = await server.lastCode(U[who].phone);
    const confirmed = await call<Child>(
      who,
      'POST',
      `/api/v1/children/${created.body.child.id}/confirm`,
      { challengeId: created.body.challenge.challengeId, code },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    const link = await call<SchoolLink>(
      who,
      'POST',
      `/api/v1/children/${created.body.child.id}/school-links`,
      { schoolCode: SCHOOL_CODE, rosterId: entry.rosterId },
    );
    assert.equal(link.status, 201, link.text);
    return confirmed.body;
  }

  /** Applies, has the school approve, and activates: the answer of the activation. */
  async function approved(who: string, childId: string): Promise<Application> {
    const applied = await call<Application>(who, 'POST', '/api/v1/applications', {
      childId,
      schoolYear: DEMO.schoolYear,
    });
    assert.equal(applied.status, 201, applied.text);
    for (const status of ['checking', 'ready']) {
      const step = await call('admin42', 'POST', `/api/v1/applications/${applied.body.id}/status`, {
        status,
      });
      assert.equal(step.status, 200, step.text);
    }
    const active = await call<Application>(
      who,
      'POST',
      `/api/v1/applications/${applied.body.id}/activate`,
    );
    assert.equal(active.status, 200, active.text);
    return active.body;
  }

  it('lists every pupil of an imported class in its journal, before any parent links one', async () => {
    const inClass = roster.filter((e) => e.classId === C5A && !e.leftAt);
    const students = (await journal()).students;
    assert.equal(students.length, inClass.length);
    const names = (list: readonly { lastName: string; firstName: string }[]) =>
      list.map((p) => `${p.lastName} ${p.firstName}`).sort();
    assert.deepEqual(names(students), names(inClass));
    assert.ok(
      inClass.some((e) => e.lastName === 'Абрамова'),
      'the imported pupils are there',
    );
  });

  it('puts a pupil added to the roster by hand in the journal at once', async () => {
    const added = await call<RosterEntry>('admin42', 'POST', `/api/v1/schools/${SCHOOL}/roster`, {
      classId: C5A,
      lastName: 'Ручная',
      firstName: 'Вера',
      birthDate: '2015-05-05',
    });
    assert.equal(added.status, 201, added.text);
    await studentOf(added.body);
    roster = await rosterOf();
  });

  it('shows a record the school owns to its staff only, never to a parent', async () => {
    const record = await studentOf(entryNamed('Белов'));
    const byTeacher = await call<Child>('teacherMath', 'GET', `/api/v1/children/${record.id}`);
    assert.equal(byTeacher.status, 200, byTeacher.text);
    assert.equal(byTeacher.body.sex, undefined, 'the roster does not say');
    assert.deepEqual(byTeacher.body.guardians, []);
    assert.equal((await call('admin42', 'GET', `/api/v1/children/${record.id}`)).status, 200);
    for (const who of ['parentNew', 'parentIvanova']) {
      assert.equal((await call(who, 'GET', `/api/v1/children/${record.id}`)).status, 404);
      assert.equal((await grades(who, record.id)).status, 404);
    }
  });

  it("keeps a mark given before the parent links, on the parent's own card, and audits the merge", async () => {
    const entry = entryNamed('Абрамова');
    const record = await studentOf(entry);
    const mark = await enterMark(record.id);
    assert.equal(mark.status, 201, mark.text);
    const absent = await call('teacherMath', 'PUT', `/api/v1/lessons/${LESSON}/attendance`, {
      entries: [{ childId: record.id, status: 'absent_excused' }],
    });
    assert.equal(absent.status, 200, absent.text);

    const card = await linkedCard('parentNew', entry, { birthCertificate: CERTIFICATE });
    // Linked, not yet approved: the record is still the school's alone.
    assert.equal((await grades('parentNew', record.id)).status, 404);
    const active = await approved('parentNew', card.id);
    assert.equal(active.childId, card.id, 'the family keeps its card’s id');

    const seen = await grades('parentNew', card.id);
    assert.equal(seen.status, 200, seen.text);
    assert.deepEqual(
      seen.body.items.map((m) => [m.id, m.value]),
      [[mark.body.id, mark.body.value]],
    );
    const absences = await call<Items<{ status: string }>>(
      'parentNew',
      'GET',
      `/api/v1/children/${card.id}/attendance`,
    );
    assert.deepEqual(
      absences.body.items.map((a) => a.status),
      ['absent_excused'],
    );
    const placed = await call<Child>('parentNew', 'GET', `/api/v1/children/${card.id}`);
    assert.equal(placed.body.classId, C5A);
    assert.equal(placed.body.sex, 'female', 'the card’s own fields stay');
    assert.equal(placed.body.birthCertificate, CERTIFICATE);
    // One pupil, one record: the journal lists the card in the record's place.
    const students = (await journal()).students.filter((s) => s.lastName === 'Абрамова');
    assert.deepEqual(
      students.map((s) => s.id),
      [card.id],
    );
    assert.equal((await call('admin42', 'GET', `/api/v1/children/${record.id}`)).status, 404);
    const audit = await call<Page<AuditEntry>>(
      'admin42',
      'GET',
      `/api/v1/schools/${SCHOOL}/audit?action=children.merge`,
    );
    assert.ok(
      audit.body.items.some((a) => a.target === card.id && a.detail?.startsWith(record.id)),
      audit.text,
    );
    // Nothing points at the removed record.
    for (const table of ['marks', 'attendance', 'school_links', 'parent_children'] as const) {
      const left = await server.database.db
        .selectFrom(table)
        .select('child_id')
        .where('child_id', '=', record.id)
        .execute();
      assert.equal(left.length, 0, table);
    }
  });

  it('brings a second guardian who links the same pupil to the same record', async () => {
    const entry = entryNamed('Абрамова');
    const [first] = (await journal()).students.filter((s) => s.lastName === 'Абрамова');
    assert.ok(first);
    const card = await linkedCard('parentIvanova', entry);
    const active = await approved('parentIvanova', card.id);
    assert.equal(active.childId, first.id, 'the second card joined the first');
    assert.equal((await call('parentIvanova', 'GET', `/api/v1/children/${card.id}`)).status, 404);
    const seen = await grades('parentIvanova', first.id);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.body.items.length, 1);
    const byAdmin = await call<Child>('admin42', 'GET', `/api/v1/children/${first.id}`);
    assert.deepEqual(
      byAdmin.body.guardians?.map((g) => g.phone).sort(),
      [U.parentIvanova.phone, U.parentNew.phone].sort(),
    );
    assert.equal((await journal()).students.filter((s) => s.lastName === 'Абрамова').length, 1);
  });

  it('keeps the marks of a pupil who leaves, readable by the school and closed to writing', async () => {
    const entry = entryNamed('Воронцова');
    const record = await studentOf(entry);
    const mark = await enterMark(record.id, 4);
    assert.equal(mark.status, 201, mark.text);
    const left = await call<RosterEntry>('admin42', 'POST', `/api/v1/roster/${entry.id}/leave`, {});
    assert.equal(left.status, 200, left.text);
    assert.ok(!(await journal()).students.some((s) => s.id === record.id));
    assert.equal((await enterMark(record.id)).status, 404);
    const kept = await grades('admin42', record.id);
    assert.equal(kept.status, 200, kept.text);
    assert.deepEqual(
      kept.body.items.map((m) => m.value),
      [4],
    );
  });

  it('answers bad links and foreign records with 4xx, changing nothing', async () => {
    const entry = entryNamed('Гусейнов');
    const record = await studentOf(entry);
    const malformed = await call<ErrorResponse>(
      'parentNew',
      'POST',
      `/api/v1/children/${record.id}/school-links`,
      { schoolCode: SCHOOL_CODE, rosterId: entry.rosterId },
    );
    assert.equal(malformed.status, 404, 'a parent cannot link the school’s record');
    const noRoster = await call<ErrorResponse>('parentNew', 'POST', '/api/v1/applications', {
      childId: record.id,
      schoolYear: DEMO.schoolYear,
    });
    assert.equal(noRoster.status, 404, noRoster.text);
    const stranger = await call<ErrorResponse>('teacherMath', 'POST', '/api/v1/marks', {
      childId: record.id,
      subjectId: MATHS,
      value: 7,
      kind: 'oral',
      date: '2026-11-24',
    });
    assert.equal(stranger.status, 400, stranger.text);
    assert.equal((await grades('admin42', record.id)).body.items.length, 0);
  });
});
