// Joining a class takes the school's word: a roster id and a school code link a child, but the
// class opens to the family only once the school has approved the application and it is active.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Application, Challenge, Child, ErrorResponse, SchoolLink } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const ANNA = DEMO.unlinkedRoster;
const C5A = DEMO.classes.c5a.id;

describe('joining a class: a link grants nothing until the school approves', () => {
  let server: TestServer;
  let parent: string;
  let admin42: string;

  before(async () => {
    server = await startTestServer();
    // A parent registered moments ago, identity unconfirmed, no children.
    parent = (await server.login(U.parentNew.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
  });
  after(() => server.close());

  async function confirmedChild(body: Record<string, string>): Promise<Child> {
    const created = await server.call<{ child: Child; challenge: Challenge }>(
      'POST',
      '/api/v1/children',
      { token: parent, body: { sex: 'female', ...body } },
    );
    assert.equal(created.status, 201, created.text);
    const code = await server.lastCode(U.parentNew.phone);
    const confirmed = await server.call<Child>(
      'POST',
      `/api/v1/children/${created.body.child.id}/confirm`,
      { token: parent, body: { challengeId: created.body.challenge.challengeId, code } },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    return confirmed.body;
  }

  const link = (childId: string, rosterId: string) =>
    server.call<SchoolLink & ErrorResponse>('POST', `/api/v1/children/${childId}/school-links`, {
      token: parent,
      body: { schoolCode: ANNA.schoolCode, rosterId },
    });

  /** What the family can reach of the class: timetable, teachers, news, a chat with its teacher. */
  async function reach(childId: string) {
    const [timetable, teachers, news, chat] = await Promise.all([
      server.call('GET', `/api/v1/classes/${C5A}/timetable`, {
        token: parent,
        query: { week: '2026-W48' },
      }),
      server.call<{ items: unknown[] }>('GET', `/api/v1/children/${childId}/teachers`, {
        token: parent,
      }),
      server.call('GET', `/api/v1/schools/${DEMO.schools.school42.id}/news`, { token: parent }),
      server.call('POST', '/api/v1/threads', {
        token: parent,
        body: { childId, teacherId: U.teacherMath.id },
      }),
    ]);
    return {
      timetable: timetable.status,
      teachers: teachers.body.items?.length ?? -1,
      news: news.status,
      chat: chat.status,
    };
  }

  it('refuses a roster id whose pupil has another birth date, as a mismatch', async () => {
    const impostor = await confirmedChild({
      lastName: ANNA.lastName,
      firstName: ANNA.firstName,
      birthDate: '2015-03-15',
    });
    const res = await link(impostor.id, ANNA.rosterId);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'roster_mismatch');
  });

  it('links by roster id, yet opens nothing of the class until the application is active', async () => {
    const anna = await confirmedChild({
      lastName: ANNA.lastName,
      firstName: ANNA.firstName,
      birthDate: ANNA.birthDate,
    });
    const linked = await link(anna.id, ANNA.rosterId);
    assert.equal(linked.status, 201, linked.text);
    const card = await server.call<Child>('GET', `/api/v1/children/${anna.id}`, { token: parent });
    assert.equal(card.body.classId, undefined);
    assert.equal(card.body.schoolId, undefined);
    assert.deepEqual(await reach(anna.id), { timetable: 404, teachers: 0, news: 404, chat: 400 });
    // The school sees the applying child; the class's teacher does not yet.
    const math = (await server.login(U.teacherMath.phone)).accessToken;
    const byAdmin = await server.call('GET', `/api/v1/children/${anna.id}`, { token: admin42 });
    assert.equal(byAdmin.status, 200, byAdmin.text);
    const byTeacher = await server.call('GET', `/api/v1/children/${anna.id}`, { token: math });
    assert.equal(byTeacher.status, 404);

    const applied = await server.call<Application>('POST', '/api/v1/applications', {
      token: parent,
      body: { childId: anna.id, schoolYear: DEMO.schoolYear },
    });
    assert.equal(applied.status, 201, applied.text);
    assert.equal(applied.body.schoolId, DEMO.schools.school42.id);
    const step = (status: string) =>
      server.call('POST', `/api/v1/applications/${applied.body.id}/status`, {
        token: admin42,
        body: { status },
      });
    assert.equal((await step('checking')).status, 200);
    assert.equal((await step('ready')).status, 200);
    assert.deepEqual(await reach(anna.id), { timetable: 404, teachers: 0, news: 404, chat: 400 });
    const active = await server.call<Application>(
      'POST',
      `/api/v1/applications/${applied.body.id}/activate`,
      { token: parent },
    );
    assert.equal(active.status, 200, active.text);

    const placed = await server.call<Child>('GET', `/api/v1/children/${anna.id}`, {
      token: parent,
    });
    assert.equal(placed.body.classId, C5A);
    const now = await reach(anna.id);
    assert.equal(now.timetable, 200);
    assert.ok(now.teachers > 0);
    assert.equal(now.news, 200);
    assert.equal(now.chat, 201);
  });

  it('stops a parent after a few failed links in a day, whatever the roster id', async () => {
    const child = await confirmedChild({
      lastName: 'Перебор',
      firstName: 'Вера',
      birthDate: '2015-01-01',
    });
    const limit = server.diary.services.config.linkFailureLimit;
    // One failure already counted above (the wrong birth date).
    for (let i = 1; i < limit; i += 1) {
      const guess = await link(child.id, `R42-5A-${String(i).padStart(2, '0')}`);
      assert.equal(guess.status, 400, guess.text);
    }
    const stopped = await link(child.id, 'R42-5A-20');
    assert.equal(stopped.status, 429, stopped.text);
    assert.equal(stopped.body.error.code, 'rate_limited');
    server.clock.advance(24 * 3600 * 1000 + 1000);
    parent = (await server.login(U.parentNew.phone)).accessToken;
    assert.equal((await link(child.id, 'R42-5A-21')).status, 400);
  });
});
