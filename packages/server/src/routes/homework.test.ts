import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AuditEntry,
  ErrorResponse,
  Homework,
  Journal,
  Notification,
  WeekTimetable,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { uploadFile } from '../testing/upload';
import { runDueOverdueHomework } from '../services/homework-overdue';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const C5A = DEMO.classes.c5a.id;
/** Tuesday 24 November 2026, lesson 1: mathematics in 5А. */
const LESSON = 'les_42_5a_20261124_1';

type Items<T> = { items: T[] };
type Page<T> = { items: T[]; total: number };

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');

describe('homework', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'studentMaria',
      'teacherMath',
      'teacherRussian',
      'teacherLyceum',
      'admin42',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const list = (who: string, query: Record<string, string> = {}) =>
    server.call<Items<Homework> & ErrorResponse>('GET', `/api/v1/children/${MARIA}/homework`, {
      token: tokens[who],
      query,
    });
  const create = (who: string, body: Record<string, unknown> = {}) =>
    server.call<Homework & ErrorResponse>('POST', '/api/v1/homework', {
      token: tokens[who],
      body: {
        classId: C5A,
        subjectId: 'sub_42_math',
        lessonId: LESSON,
        text: '  № 512, 515, 519  ',
        assignedDate: '2026-11-24',
        dueDate: '2026-11-25',
        ...body,
      },
    });
  const patch = (who: string, id: string, body: Record<string, unknown>) =>
    server.call<Homework & ErrorResponse>('PATCH', `/api/v1/homework/${id}`, {
      token: tokens[who],
      body,
    });
  const fields = (res: { body: ErrorResponse }) =>
    res.body.error.fields.map((f) => [f.path, f.code]);
  const upload = async (who: string) =>
    (
      await uploadFile(server, tokens[who], {
        data: PDF,
        type: 'application/pdf',
        name: 'Задачи.pdf',
      })
    ).body.id;

  it("lists a child's homework by due date within a range", async () => {
    const res = await list('parentIvanova', { from: '2026-11-23', to: '2026-11-29' });
    assert.equal(res.status, 200, res.text);
    const due = res.body.items.map((h) => h.dueDate);
    assert.ok(due.length > 5, 'the seed sets homework for most lessons');
    assert.deepEqual(due, [...due].sort());
    assert.ok(due.every((d) => d >= '2026-11-23' && d <= '2026-11-29'));
    assert.ok(res.body.items.every((h) => h.classId === C5A && h.text.length > 0));
    const all = await list('studentMaria');
    assert.ok(all.body.items.length > res.body.items.length);
    const reversed = await list('parentIvanova', { from: '2026-11-29', to: '2026-11-23' });
    assert.deepEqual(fields(reversed), [['to', 'date_order']]);
    assert.equal((await list('parentPetrov')).status, 404);
    assert.equal((await list('teacherLyceum')).status, 404);
    assert.equal((await list('teacherRussian')).status, 200);
  });

  it('lets the teacher set homework for a lesson, with a file, telling the families live', async () => {
    const file = await upload('teacherMath');
    const res = await create('teacherMath', { attachmentIds: [file] });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.text, '№ 512, 515, 519');
    assert.equal(res.body.lessonId, LESSON);
    assert.deepEqual(
      res.body.attachments.map((a) => [a.id, a.name, a.contentType]),
      [[file, 'Задачи.pdf', 'application/pdf']],
    );
    const listed = await list('studentMaria', { from: '2026-11-25', to: '2026-11-25' });
    assert.ok(listed.body.items.some((h) => h.id === res.body.id));
    const week = await server.call<WeekTimetable>('GET', `/api/v1/classes/${C5A}/timetable`, {
      token: tokens.parentIvanova,
      query: { week: '2026-W48' },
    });
    const lesson = week.body.days[1]?.lessons.find((l) => l.id === LESSON);
    assert.ok(lesson?.homework.some((h) => h.id === res.body.id));
    const events = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'homework.created')
      .execute();
    assert.deepEqual(events.map((e) => e.user_id).sort(), [U.parentIvanova.id, U.studentMaria.id]);
    assert.equal((JSON.parse(events[0]?.data ?? '{}') as Homework).id, res.body.id);
    const download = await fetch(`${server.url}/api/v1/attachments/${file}`, {
      headers: { authorization: `Bearer ${tokens.parentIvanova}` },
    });
    assert.equal(download.status, 200, 'the class’s families may download it');
  });

  it('rejects bad homework field by field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueDate: '2026-11-23' }, 'dueDate', 'date_order'],
      [{ text: '   ' }, 'text', 'required'],
      [{ dueDate: '2026-13-01' }, 'dueDate', 'impossible_date'],
      [{ lessonId: 'les_42_8b_20261124_1' }, 'lessonId', 'invalid_option'],
      [{ lessonId: 'les_42_5a_20261124_2' }, 'lessonId', 'invalid_option'],
      [{ attachmentIds: ['att_nope'] }, 'attachmentIds', 'invalid_option'],
    ];
    for (const [body, path, code] of cases) {
      const res = await create('teacherMath', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.deepEqual(fields(res), [[path, code]], JSON.stringify(body));
    }
    const foreign = await upload('teacherRussian');
    const res = await create('teacherMath', { attachmentIds: [foreign] });
    assert.deepEqual(fields(res), [['attachmentIds', 'invalid_option']]);
  });

  it('refuses homework from teachers of another subject or class and from others', async () => {
    assert.equal((await create('teacherRussian')).status, 404, 'teaches 5А, not mathematics');
    assert.equal((await create('teacherLyceum')).status, 404);
    assert.equal((await create('teacherMath', { classId: 'cls_nope' })).status, 404);
    for (const who of ['parentIvanova', 'studentMaria', 'admin42']) {
      assert.equal((await create(who)).status, 403, who);
    }
  });

  it('changes homework text, due date and files, auditing the change', async () => {
    const first = await upload('teacherMath');
    const second = await upload('teacherMath');
    const hw = (await create('teacherMath', { attachmentIds: [first] })).body;
    const res = await patch('teacherMath', hw.id, {
      text: '№ 520',
      dueDate: '2026-11-27',
      attachmentIds: [second],
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.text, res.body.dueDate], ['№ 520', '2026-11-27']);
    assert.deepEqual(
      res.body.attachments.map((a) => a.id),
      [second],
    );
    const released = await server.database.db
      .selectFrom('attachments')
      .select('attached_to')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    assert.equal(released.attached_to, null, 'a file taken off is free for clean-up');
    const audit = await server.call<Page<AuditEntry>>('GET', '/api/v1/schools/sch_42/audit', {
      token: tokens.admin42,
      query: { action: 'homework.update' },
    });
    const detail = JSON.parse(audit.body.items[0]?.detail ?? '{}') as {
      old: { text: string };
      new: { text: string };
    };
    assert.deepEqual([detail.old.text, detail.new.text], ['№ 512, 515, 519', '№ 520']);
    const early = await patch('teacherMath', hw.id, { dueDate: '2026-11-20' });
    assert.deepEqual(fields(early), [['dueDate', 'date_order']]);
    assert.equal((await patch('teacherRussian', hw.id, { text: 'x' })).status, 404);
    assert.equal((await patch('parentIvanova', hw.id, { text: 'x' })).status, 403);
    assert.equal((await patch('teacherMath', 'hwk_nope', { text: 'x' })).status, 404);
  });

  it('adds a file to homework already set and takes one off, the families told live', async () => {
    const first = await upload('teacherMath');
    const hw = (await create('teacherMath', { text: 'Файлы: № 530', attachmentIds: [first] })).body;
    const second = await upload('teacherMath');
    const added = await patch('teacherMath', hw.id, { attachmentIds: [first, second] });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual(
      added.body.attachments.map((a) => a.id),
      [first, second],
    );
    const heard = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'homework.updated')
      .where('data', 'like', `%"id":"${hw.id}"%`)
      .execute();
    assert.deepEqual([...new Set(heard.map((e) => e.user_id))].sort(), [
      U.parentIvanova.id,
      U.studentMaria.id,
    ]);
    const sent = heard.map((e) => (JSON.parse(e.data) as Homework).attachments.map((a) => a.id));
    assert.ok(
      sent.some((ids) => ids.join() === [first, second].join()),
      JSON.stringify(sent),
    );
    const download = (who: string, id: string) =>
      fetch(`${server.url}/api/v1/attachments/${id}`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      }).then((r) => r.status);
    assert.equal(await download('parentIvanova', second), 200);

    const taken = await patch('teacherMath', hw.id, { attachmentIds: [second] });
    assert.deepEqual(
      taken.body.attachments.map((a) => a.id),
      [second],
    );
    assert.equal(await download('parentIvanova', first), 404, 'a file taken off is not shared');
    assert.equal(await download('teacherMath', first), 200, 'its uploader still has it');
    const journal = await server.call<Journal>('GET', `/api/v1/classes/${C5A}/journal`, {
      token: tokens.teacherMath,
      query: { subjectId: 'sub_42_math', from: '2026-11-24', to: '2026-11-24' },
    });
    const lesson = journal.body.lessons.find((l) => l.id === LESSON);
    const at = lesson?.homeworkIds?.indexOf(hw.id) ?? -1;
    assert.deepEqual(
      lesson?.homeworkFiles?.[at]?.map((a) => [a.id, a.name]),
      [[second, 'Задачи.pdf']],
    );
    const audit = await server.call<Page<AuditEntry>>('GET', '/api/v1/schools/sch_42/audit', {
      token: tokens.admin42,
      query: { action: 'homework.update' },
    });
    const entry = audit.body.items.find((e) => e.target === hw.id);
    const detail = JSON.parse(entry?.detail ?? '{}') as Record<string, { attachments: string[] }>;
    assert.deepEqual(
      [detail.old?.attachments, detail.new?.attachments],
      [[first, second], [second]],
    );

    const foreign = await upload('teacherRussian');
    const stolen = await patch('teacherMath', hw.id, { attachmentIds: [second, foreign] });
    assert.deepEqual(fields(stolen), [['attachmentIds', 'invalid_option']]);
    const tooMany = Array.from({ length: 11 }, (_, i) => `att_${i}`);
    const crowded = await patch('teacherMath', hw.id, { attachmentIds: tooMany });
    assert.equal(crowded.status, 400, crowded.text);
    assert.deepEqual(
      fields(crowded).map(([path]) => path),
      ['attachmentIds'],
    );
    const mine = await upload('teacherRussian');
    assert.equal((await patch('teacherRussian', hw.id, { attachmentIds: [mine] })).status, 404);
    assert.equal((await patch('parentIvanova', hw.id, { attachmentIds: [] })).status, 403);
    assert.deepEqual(
      (await patch('teacherMath', hw.id, { text: 'Файлы: № 531' })).body.attachments.map(
        (a) => a.id,
      ),
      [second],
      'a change without a file list keeps the files',
    );
  });

  it('deletes homework, releasing its files', async () => {
    const file = await upload('teacherMath');
    const hw = (await create('teacherMath', { attachmentIds: [file] })).body;
    const denied = await server.call('DELETE', `/api/v1/homework/${hw.id}`, {
      token: tokens.teacherLyceum,
    });
    assert.equal(denied.status, 404);
    const res = await server.call('DELETE', `/api/v1/homework/${hw.id}`, {
      token: tokens.teacherMath,
    });
    assert.equal(res.status, 204, res.text);
    assert.ok(!(await list('parentIvanova')).body.items.some((h) => h.id === hw.id));
    const again = await server.call('DELETE', `/api/v1/homework/${hw.id}`, {
      token: tokens.teacherMath,
    });
    assert.equal(again.status, 404);
    const row = await server.database.db
      .selectFrom('attachments')
      .select('attached_to')
      .where('id', '=', file)
      .executeTakeFirstOrThrow();
    assert.equal(row.attached_to, null);
  });

  const tick = (who: string, id: string, done: unknown, childId: string = MARIA) =>
    server.call<Homework & ErrorResponse>(
      'PUT',
      `/api/v1/children/${childId}/homework/${id}/done`,
      { token: tokens[who], body: { done } },
    );

  it('keeps the «сделано» tick per child, set by a parent or the pupil', async () => {
    const hw = (await create('teacherMath', { text: 'Тик: № 601' })).body;
    const ticked = await tick('parentIvanova', hw.id, true);
    assert.equal(ticked.status, 200, ticked.text);
    assert.equal(ticked.body.done, true);
    assert.equal((await tick('parentIvanova', hw.id, true)).status, 200, 'ticking twice is fine');
    const seen = async (who: string) =>
      (await list(who)).body.items.find((h) => h.id === hw.id)?.done;
    assert.equal(await seen('studentMaria'), true);
    // The family's other devices hear of the tick live.
    const heard = await server.database.db
      .selectFrom('events')
      .select('user_id')
      .where('type', '=', 'homework.done')
      .where('data', 'like', `%"id":"${hw.id}"%"done":true%`)
      .execute();
    const users = [...new Set(heard.map((e) => e.user_id))].sort();
    assert.deepEqual(users, [U.parentIvanova.id, U.studentMaria.id]);
    assert.equal((await tick('studentMaria', hw.id, false)).body.done, false);
    assert.equal(await seen('parentIvanova'), false);
    const bad = await tick('parentIvanova', hw.id, 'yes');
    assert.equal(bad.status, 400);
    assert.deepEqual(fields(bad), [['done', 'format']]);
  });

  it('refuses the tick to other families, teachers and homework of another class', async () => {
    const hw = (await create('teacherMath', { text: 'Тик: № 602' })).body;
    assert.equal((await tick('parentPetrov', hw.id, true)).status, 404);
    assert.equal((await tick('teacherMath', hw.id, true)).status, 403);
    assert.equal((await tick('parentIvanova', 'hwk_nope', true)).status, 404);
    const petr = DEMO.children.petr.id;
    assert.equal((await tick('parentIvanova', hw.id, true, petr)).status, 404);
  });

  it('alerts a parent who turned it on, once a day, about what nobody ticked', async () => {
    assert.equal(
      (await create('teacherMath', { text: 'Забыли', dueDate: '2026-11-26' })).status,
      201,
    );
    const done = await create('teacherRussian', {
      subjectId: 'sub_42_russian',
      lessonId: undefined,
      text: 'Сделали',
      dueDate: '2026-11-26',
    });
    assert.equal((await tick('parentIvanova', done.body.id, true)).status, 200);
    const settings = { kinds: { homework_overdue: { inApp: true } } };
    const on = await server.call('PATCH', '/api/v1/notification-settings', {
      token: tokens.parentIvanova,
      body: settings,
    });
    assert.equal(on.status, 200, on.text);
    const alerts = async () =>
      (
        await server.call<Page<Notification>>('GET', '/api/v1/notifications', {
          token: tokens.parentIvanova,
          query: { pageSize: '100' },
        })
      ).body.items.filter((n) => n.kind === 'homework_overdue' && n.childId === MARIA);
    const s = server.diary.services;
    server.clock.set('2026-11-26T20:00:00.000Z');
    assert.equal(await runDueOverdueHomework(s), null, 'the first check only records the day');
    server.clock.set('2026-11-27T01:00:00.000Z');
    assert.equal(await runDueOverdueHomework(s), '2026-11-26');
    assert.equal(await runDueOverdueHomework(s), null, 'the day is handled once');
    tokens.parentIvanova = (await server.login(U.parentIvanova.phone)).accessToken;
    const got = await alerts();
    assert.equal(got.length, 1);
    assert.match(got[0]?.body ?? '', /Математика/);
    assert.doesNotMatch(got[0]?.body ?? '', /Русский/);
  });
});
