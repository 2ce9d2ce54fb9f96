import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Child, School, SchoolClass } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const C = DEMO.classes;

type Page = { items: School[]; total: number; page: number; pageSize: number };

describe('schools: the registry', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const search = (query: Record<string, string>) =>
    server.call<Page>('GET', '/api/v1/schools', { query });

  it('finds schools by name in any letter case, without signing in', async () => {
    const res = await search({ q: 'ЛИЦЕЙ' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.items.map((s) => s.shortName),
      ['Лицей № 1', 'Лицей № 17', 'Лицей № 239'],
    );
    assert.equal(res.body.total, 3);
  });

  it('finds a school by its address, treating ё and е alike', async () => {
    const res = await search({ q: 'академика королева' });
    assert.deepEqual(
      res.body.items.map((s) => s.id),
      [DEMO.schools.school42.id],
    );
  });

  it('filters by region, level and profile together', async () => {
    const res = await search({ region: 'москва', level: 'primary', profile: 'Гуманитарный' });
    assert.deepEqual(
      res.body.items.map((s) => s.id),
      [DEMO.schools.school42.id],
    );
    const primary = await search({ level: 'primary' });
    assert.ok(primary.body.items.every((s) => s.levels.includes('primary')));
    assert.ok(primary.body.items.some((s) => s.id === 'sch_9_msk'));
    assert.ok(!primary.body.items.some((s) => s.id === DEMO.schools.lyceum17.id));
  });

  it('pages the results and reports the total', async () => {
    const first = await search({ page: '1', pageSize: '5' });
    const third = await search({ page: '3', pageSize: '5' });
    assert.equal(first.body.total, 12);
    assert.equal(first.body.items.length, 5);
    assert.equal(third.body.items.length, 2);
    assert.equal(third.body.page, 3);
    const ids = new Set([...first.body.items, ...third.body.items].map((s) => s.id));
    assert.equal(ids.size, 7);
  });

  it('rejects a level outside the list', async () => {
    const res = await server.call<{ error: { fields: { path: string; code: string }[] } }>(
      'GET',
      '/api/v1/schools',
      {
        query: { level: 'university' },
      },
    );
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['level', 'invalid_option']],
    );
  });

  it('reads one registry entry, and 404 for an unknown one', async () => {
    const lyceum = await server.call<School>('GET', `/api/v1/schools/${DEMO.schools.lyceum17.id}`);
    assert.equal(lyceum.status, 200);
    assert.equal(lyceum.body.code, DEMO.schools.lyceum17.code);
    assert.equal(lyceum.body.requiresSnils, true);
    assert.equal((await server.call('GET', '/api/v1/schools/sch_nowhere')).status, 404);
  });
});

describe('classes: for teachers and admins', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  before(async () => {
    server = await startTestServer();
    for (const key of [
      'teacherMath',
      'teacherPhysics',
      'teacherLyceum',
      'admin42',
      'admin17',
      'parentIvanova',
    ] as const) {
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    }
  });
  after(() => server.close());

  const classes = (who: string) =>
    server.call<{ items: SchoolClass[] }>('GET', '/api/v1/classes', { token: tokens[who] });
  const students = (who: string, classId: string) =>
    server.call<{ items: Child[] }>('GET', `/api/v1/classes/${classId}/students`, {
      token: tokens[who],
    });

  it('lists the classes a teacher teaches', async () => {
    const res = await classes('teacherMath');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.items.map((c) => c.name),
      ['5А', '8Б'],
    );
    assert.deepEqual(
      (await classes('teacherPhysics')).body.items.map((c) => c.id),
      [C.c8b.id],
    );
  });

  it('names the subjects a teacher teaches in each of their classes, and no subjects to an admin', async () => {
    const taught = (await classes('teacherMath')).body.items.map((c) => [
      c.name,
      c.subjects?.map((s) => s.name),
    ]);
    assert.deepEqual(taught, [
      ['5А', ['Математика']],
      ['8Б', ['Алгебра', 'Геометрия']],
    ]);
    assert.ok((await classes('admin42')).body.items.every((c) => c.subjects === undefined));
  });

  it("lists every class of an admin's school and none of another", async () => {
    assert.deepEqual(
      (await classes('admin42')).body.items.map((c) => c.id),
      [C.c5a.id, C.c8b.id],
    );
    assert.deepEqual(
      (await classes('admin17')).body.items.map((c) => c.id),
      [C.c7v.id],
    );
  });

  it('refuses classes to a parent', async () => {
    assert.equal((await classes('parentIvanova')).status, 403);
  });

  it("lists a class's students for its teacher and its school's admin", async () => {
    const byTeacher = await students('teacherMath', C.c5a.id);
    assert.equal(byTeacher.status, 200, byTeacher.text);
    // Мария, 22 classmates, and Анна, whom no parent has linked yet: the whole roster.
    assert.equal(byTeacher.body.items.length, 24);
    assert.ok(byTeacher.body.items.some((c) => c.id === DEMO.children.maria.id));
    assert.ok(byTeacher.body.items.every((c) => c.classId === C.c5a.id));
    // The same pupils for the admin, who also sees their documents (the teacher does not).
    const byAdmin = await students('admin42', C.c5a.id);
    assert.deepEqual(
      byAdmin.body.items.map((c) => c.id),
      byTeacher.body.items.map((c) => c.id),
    );
    assert.ok(byTeacher.body.items.every((c) => c.snils === undefined));
  });

  it("answers 404 for a class the teacher does not teach or of another school's admin", async () => {
    assert.equal((await students('teacherPhysics', C.c5a.id)).status, 404);
    assert.equal((await students('teacherLyceum', C.c5a.id)).status, 404);
    assert.equal((await students('admin17', C.c5a.id)).status, 404);
    assert.equal((await students('admin42', 'cls_nowhere')).status, 404);
  });
});
