import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AuditEntry,
  ErrorResponse,
  Journal,
  Notification,
  PlannedAssessment,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { runDueAssessmentReminders } from '../services/assessment-reminders';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const C5A = DEMO.classes.c5a.id;
const MATH = 'sub_42_math';

type Items<T> = { items: T[] };
type Page<T> = { items: T[]; total: number };

describe('planned assessments', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  /** A 5А mathematics lesson after today (24 November 2026). */
  let lesson = { id: '', date: '' };

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'studentMaria',
      'teacherMath',
      'teacherRussian',
      'admin42',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
    lesson = await server.database.db
      .selectFrom('lessons')
      .select(['id', 'date'])
      .where('class_id', '=', C5A)
      .where('subject_id', '=', MATH)
      .where('date', '>', '2026-11-24')
      .orderBy('date')
      .orderBy('number')
      .executeTakeFirstOrThrow();
  });
  after(() => server.close());

  const plan = (who: string, body: Record<string, unknown> = {}) =>
    server.call<PlannedAssessment & ErrorResponse>('POST', `/api/v1/classes/${C5A}/assessments`, {
      token: tokens[who],
      body: { subjectId: MATH, date: lesson.date, kind: 'test', topic: '  Дроби  ', ...body },
    });
  const upcoming = (who: string, query: Record<string, string> = {}) =>
    server.call<Items<PlannedAssessment>>('GET', `/api/v1/children/${MARIA}/assessments`, {
      token: tokens[who],
      query,
    });
  const patch = (who: string, id: string, body: Record<string, unknown>) =>
    server.call<PlannedAssessment & ErrorResponse>('PATCH', `/api/v1/assessments/${id}`, {
      token: tokens[who],
      body,
    });
  const fields = (res: { body: ErrorResponse }) =>
    (res.body.error.fields ?? []).map((f) => [f.path, f.code]);
  const journalLesson = async (id: string) => {
    const res = await server.call<Journal>('GET', `/api/v1/classes/${C5A}/journal`, {
      token: tokens.teacherMath,
      query: { subjectId: MATH, from: '2026-11-24', to: '2026-12-31' },
    });
    return res.body.lessons.find((l) => l.id === id);
  };

  it('plans a test at a lesson: the family sees it, the lesson weighs it, it is audited and live', async () => {
    const res = await plan('teacherMath', { lessonId: lesson.id, weight: 3 });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.topic, 'Дроби');
    assert.equal(res.body.subjectName, 'Математика');
    assert.equal(res.body.lessonId, lesson.id);
    assert.equal(typeof res.body.lessonNumber, 'number');
    assert.match(res.body.teacherName, /\S+ \S+/);
    for (const who of ['parentIvanova', 'studentMaria']) {
      const list = await upcoming(who);
      assert.equal(list.status, 200, list.text);
      assert.ok(
        list.body.items.some((a) => a.id === res.body.id && a.weight === 3),
        who,
      );
    }
    assert.equal((await upcoming('parentPetrov')).status, 404);
    const seeded = (await upcoming('parentIvanova')).body.items;
    assert.ok(
      seeded.some((a) => a.topic === 'Безударные гласные в корне'),
      'the demo plans tests',
    );
    const column = await journalLesson(lesson.id);
    assert.deepEqual([column?.weight, column?.kind], [3, 'test']);
    const audit = await server.call<Page<AuditEntry>>('GET', '/api/v1/schools/sch_42/audit', {
      token: tokens.admin42,
      query: { action: 'assessment.create' },
    });
    assert.equal(audit.body.items[0]?.target, res.body.id);
    const events = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'assessment.planned')
      .execute();
    assert.ok(
      events.some(
        (e) =>
          e.user_id === U.parentIvanova.id &&
          (JSON.parse(e.data) as PlannedAssessment).id === res.body.id,
      ),
      'the family is told live',
    );
  });

  it('refuses a past date, a lesson of another day or class, a bad kind and a stranger', async () => {
    assert.deepEqual(fields(await plan('teacherMath', { date: '2026-11-23' })), [
      ['date', 'past_date'],
    ]);
    assert.deepEqual(fields(await plan('teacherMath', { lessonId: 'les_42_5a_20261124_1' })), [
      ['lessonId', 'invalid_option'],
    ]);
    const bad = await plan('teacherMath', { kind: 'quiz_party', topic: '', weight: 7 });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      fields(bad)
        .map((f) => f[0])
        .sort(),
      ['kind', 'topic', 'weight'],
    );
    assert.equal((await plan('teacherRussian')).status, 404, 'not their subject');
    assert.equal((await plan('parentIvanova')).status, 403);
  });

  it('moves a test to another day, leaving its lesson, and cancels it', async () => {
    const made = await plan('teacherMath', { lessonId: lesson.id, kind: 'check', weight: 2 });
    assert.equal(made.status, 201, made.text);
    const moved = await patch('teacherMath', made.body.id, { date: '2026-12-10', topic: 'Углы' });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.lessonId, undefined, 'a new day leaves the old lesson');
    assert.equal(moved.body.topic, 'Углы');
    assert.deepEqual(fields(await patch('teacherMath', made.body.id, { date: '2026-11-01' })), [
      ['date', 'past_date'],
    ]);
    assert.equal((await patch('teacherRussian', made.body.id, { topic: 'x' })).status, 404);
    const from = { from: '2026-12-10', to: '2026-12-10' };
    const ids = async () => (await upcoming('parentIvanova', from)).body.items.map((a) => a.id);
    assert.ok((await ids()).includes(made.body.id));
    const forClass = await server.call<Items<PlannedAssessment>>(
      'GET',
      `/api/v1/classes/${C5A}/assessments`,
      { token: tokens.admin42, query: { subjectId: MATH, ...from } },
    );
    assert.ok(forClass.body.items.every((a) => a.subjectId === MATH && a.date === '2026-12-10'));
    assert.ok(forClass.body.items.some((a) => a.id === made.body.id));
    const gone = await server.call('DELETE', `/api/v1/assessments/${made.body.id}`, {
      token: tokens.teacherMath,
    });
    assert.equal(gone.status, 204, gone.text);
    assert.ok(!(await ids()).includes(made.body.id));
    const cancelled = await server.database.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'assessment.cancelled')
      .where('user_id', '=', U.parentIvanova.id)
      .execute();
    assert.ok(
      cancelled.some((e) => e.data.includes(made.body.id)),
      'the family sees it go',
    );
  });

  it('reminds the family the day before, once', async () => {
    const made = await plan('teacherMath', { date: '2026-12-15', kind: 'vpr', topic: 'ВПР-2026' });
    assert.equal(made.status, 201, made.text);
    const reminders = async () =>
      (
        await server.call<Page<Notification>>('GET', '/api/v1/notifications', {
          token: tokens.studentMaria,
          query: { pageSize: '100' },
        })
      ).body.items.filter((n) => n.kind === 'assessment' && n.body.includes('ВПР-2026'));
    const s = server.diary.services;
    server.clock.set('2026-12-13T10:00:00.000Z');
    assert.equal(await runDueAssessmentReminders(s), null, 'the first check only records the day');
    server.clock.set('2026-12-14T01:00:00.000Z');
    assert.equal(await runDueAssessmentReminders(s), '2026-12-15');
    assert.equal(await runDueAssessmentReminders(s), null, 'the day is handled once');
    tokens.studentMaria = (await server.login(U.studentMaria.phone)).accessToken;
    const got = await reminders();
    assert.equal(got.length, 1);
    assert.match(got[0]?.body ?? '', /ВПР — Математика: ВПР-2026/);
  });

  it('reminds each person as many days ahead as they chose', async () => {
    for (const who of ['parentIvanova', 'teacherMath'] as const)
      tokens[who] = (await server.login(U[who].phone)).accessToken;
    const patch = await server.call<ErrorResponse>('PATCH', '/api/v1/notification-settings', {
      token: tokens.parentIvanova,
      body: { assessmentReminderDays: 3 },
    });
    assert.equal(patch.status, 200, patch.text);
    const made = await plan('teacherMath', { date: '2026-12-22', kind: 'test', topic: 'Объёмы' });
    assert.equal(made.status, 201, made.text);
    const reminded = async (who: 'parentIvanova' | 'studentMaria', phone: string) => {
      tokens[who] = (await server.login(phone)).accessToken;
      const feed = await server.call<Page<Notification>>('GET', '/api/v1/notifications', {
        token: tokens[who],
        query: { pageSize: '100' },
      });
      return feed.body.items.filter((n) => n.kind === 'assessment' && n.body.includes('Объёмы'));
    };
    const s = server.diary.services;
    server.clock.set('2026-12-19T01:00:00.000Z');
    assert.equal(await runDueAssessmentReminders(s), '2026-12-20');
    const early = await reminded('parentIvanova', U.parentIvanova.phone);
    assert.deepEqual(
      early.map((n) => n.title),
      ['Через 3 дня: Математика'],
    );
    assert.equal((await reminded('studentMaria', U.studentMaria.phone)).length, 0, 'not yet');
    server.clock.set('2026-12-21T01:00:00.000Z');
    assert.equal(await runDueAssessmentReminders(s), '2026-12-22');
    assert.deepEqual(
      (await reminded('studentMaria', U.studentMaria.phone)).map((n) => n.title),
      ['Завтра: Математика'],
    );
    assert.equal((await reminded('parentIvanova', U.parentIvanova.phone)).length, 1, 'once');
  });
});
