import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Message, Notification, Thread } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const CH = DEMO.children;

type Unread = { total: number; threads: { threadId: string; unreadCount: number }[] };
type Page = { items: Message[]; hasMore: boolean };

describe('chat threads', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let seq = 0;
  const newId = (prefix = 'm') => `${prefix}_${(seq += 1)}_${Date.now().toString(36)}`;

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

  const open = (who: string, body: Record<string, unknown>) =>
    server.call<Thread & ErrorResponse>('POST', '/api/v1/threads', { token: tokens[who], body });
  const send = (who: string, threadId: string, body: Record<string, unknown>) =>
    server.call<Message & ErrorResponse>('POST', `/api/v1/threads/${threadId}/messages`, {
      token: tokens[who],
      body,
    });
  const page = (who: string, threadId: string, query: Record<string, string> = {}) =>
    server.call<Page & ErrorResponse>('GET', `/api/v1/threads/${threadId}/messages`, {
      token: tokens[who],
      query,
    });
  const unread = async (who: string) =>
    (await server.call<Unread>('GET', '/api/v1/threads/unread', { token: tokens[who] })).body;
  const list = async (who: string, query: Record<string, string> = {}) =>
    (
      await server.call<{ items: Thread[] }>('GET', '/api/v1/threads', {
        token: tokens[who],
        query,
      })
    ).body.items;
  // A thread of its own for each test: the API returns the existing one for the same key, so the
  // key varies by subject (inserted directly; the API's teaching checks have their own tests).
  const spareSubjects = [
    'sub_42_geometry',
    'sub_42_history',
    'sub_42_biology',
    'sub_42_geography',
    'sub_42_english',
    'sub_42_pe',
    'sub_42_literature',
    'sub_42_informatics',
    'sub_42_physics',
  ];
  const freshThread = async () => {
    const subject = spareSubjects.shift();
    assert.ok(subject, 'a spare subject for a fresh thread');
    const id = newId('thr');
    await server.database.db
      .insertInto('threads')
      .values({
        id,
        child_id: CH.petr.id,
        teacher_id: U.teacherMath.id,
        participant_id: U.parentIvanova.id,
        subject_id: subject,
        title: `Тест ${id}`,
        created_at: server.clock.now().toISOString(),
        last_message_at: null,
      })
      .execute();
    return { id };
  };

  it('opens a thread with a teacher of the child, titled by subject and child', async () => {
    const res = await open('parentIvanova', {
      childId: CH.petr.id,
      teacherId: U.teacherMath.id,
      subjectId: 'sub_42_algebra',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.title, 'Алгебра — Иванов Пётр');
    assert.equal(res.body.teacherName, 'Орлов Сергей Николаевич');
    assert.equal(res.body.participantName, 'Иванова Елена Сергеевна');
    assert.equal(res.body.subjectName, 'Алгебра');
    assert.equal(res.body.unreadCount, 0);
    const again = await open('parentIvanova', {
      childId: CH.petr.id,
      teacherId: U.teacherMath.id,
      subjectId: 'sub_42_algebra',
    });
    assert.equal(
      again.body.id,
      res.body.id,
      'the same child, teacher and subject reuse the thread',
    );
    const teacherSees = await list('teacherMath');
    assert.ok(teacherSees.some((t) => t.id === res.body.id));
    const mine = await list('parentIvanova', { childId: CH.petr.id });
    assert.ok(mine.every((t) => t.childId === CH.petr.id));
    assert.ok(mine.some((t) => t.id === res.body.id));
  });

  it('names the teacher in the title of a thread without a subject', async () => {
    const res = await open('studentMaria', {
      childId: CH.maria.id,
      teacherId: U.teacherRussian.id,
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.title, 'Белова Ирина Александровна — Иванова Мария');
    assert.equal(res.body.participantId, U.studentMaria.id);
    assert.ok(!(await list('parentIvanova')).some((t) => t.id === res.body.id));
  });

  it('refuses teachers and subjects that are not the child’s, and children not the caller’s', async () => {
    const notTeacher = await open('parentIvanova', {
      childId: CH.petr.id,
      teacherId: U.teacherLyceum.id,
    });
    assert.equal(notTeacher.status, 400);
    assert.equal(notTeacher.body.error.fields[0]?.path, 'teacherId');
    const notSubject = await open('parentIvanova', {
      childId: CH.petr.id,
      teacherId: U.teacherMath.id,
      subjectId: 'sub_42_physics',
    });
    assert.equal(notSubject.status, 400);
    assert.equal(notSubject.body.error.fields[0]?.path, 'subjectId');
    const stranger = await open('parentPetrov', {
      childId: CH.maria.id,
      teacherId: U.teacherMath.id,
    });
    assert.equal(stranger.status, 404);
    assert.doesNotMatch(stranger.text, /Иванова/);
  });

  it('creates one message for one client id, however often it is sent', async () => {
    const thread = await freshThread();
    const id = newId();
    const first = await send('parentIvanova', thread.id, {
      id,
      text: 'Здравствуйте! Пётр болеет.',
    });
    assert.equal(first.status, 201, first.text);
    const second = await send('parentIvanova', thread.id, {
      id,
      text: 'Здравствуйте! Пётр болеет.',
    });
    assert.ok([200, 201].includes(second.status), second.text);
    assert.deepEqual(second.body, first.body);
    const messages = (await page('parentIvanova', thread.id)).body.items;
    assert.deepEqual(
      messages.map((m) => m.id),
      [id],
    );
  });

  it('creates one message when duplicates arrive at the same time', async () => {
    const thread = await freshThread();
    const before = (await unread('teacherMath')).total;
    const id = newId();
    const sends = await Promise.all(
      Array.from({ length: 6 }, () =>
        send('parentIvanova', thread.id, { id, text: 'Одновременно' }),
      ),
    );
    assert.deepEqual(
      sends.map((r) => r.status),
      sends.map(() => 201),
    );
    assert.equal(new Set(sends.map((r) => JSON.stringify(r.body))).size, 1);
    assert.equal((await page('teacherMath', thread.id)).body.items.length, 1);
    assert.equal((await unread('teacherMath')).total, before + 1);
    const feed = await server.call<{ items: Notification[] }>('GET', '/api/v1/notifications', {
      token: tokens.teacherMath,
      query: { pageSize: '100' },
    });
    assert.equal(feed.body.items.filter((n) => n.targetId === thread.id).length, 1);
  });

  it('never hands one author’s message to another author re-using its id', async () => {
    const thread = await freshThread();
    const id = newId();
    await send('parentIvanova', thread.id, { id, text: 'Вопрос про контрольную' });
    const clash = await send('teacherMath', thread.id, { id, text: 'Ответ' });
    assert.equal(clash.status, 409, 'the same id in one thread is refused, not merged');
    const other = await open('parentPetrov', {
      childId: CH.alexander.id,
      teacherId: U.teacherLyceum.id,
      title: 'Другая семья',
    });
    const elsewhere = await send('parentPetrov', other.body.id, { id, text: 'Своё сообщение' });
    assert.equal(elsewhere.status, 201, elsewhere.text);
    assert.equal(elsewhere.body.text, 'Своё сообщение');
    assert.equal(elsewhere.body.authorId, U.parentPetrov.id);
    const reused = await send('parentIvanova', other.body.id, { id, text: 'x' });
    assert.equal(reused.status, 404, 'not a member of the other thread');
  });

  it('keeps read receipts and unread counts per reader', async () => {
    const thread = await freshThread();
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await send('parentIvanova', thread.id, { id, text: `Сообщение ${id}` });
    const mine = await send('teacherMath', thread.id, { id: newId(), text: 'Добрый день' });
    assert.equal(mine.status, 201);
    const counted = (await unread('teacherMath')).threads.find((t) => t.threadId === thread.id);
    assert.equal(counted?.unreadCount, 3, 'the teacher’s own message is not unread');
    assert.equal((await list('teacherMath')).find((t) => t.id === thread.id)?.unreadCount, 3);

    const eventsBefore = await server.database.db
      .selectFrom('events')
      .select('id')
      .where('user_id', '=', U.parentIvanova.id)
      .where('type', '=', 'message.read')
      .execute();
    const read = await server.call<Unread>('POST', `/api/v1/threads/${thread.id}/read`, {
      token: tokens.teacherMath,
      body: { upToMessageId: ids[1] },
    });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.threads.find((t) => t.threadId === thread.id)?.unreadCount, 1);
    const messages = (await page('parentIvanova', thread.id)).body.items;
    assert.deepEqual(
      messages.map((m) => m.readBy.map((r) => r.userId)),
      [[U.teacherMath.id], [U.teacherMath.id], [], []],
    );
    const eventsAfter = await server.database.db
      .selectFrom('events')
      .select('id')
      .where('user_id', '=', U.parentIvanova.id)
      .where('type', '=', 'message.read')
      .execute();
    assert.equal(eventsAfter.length, eventsBefore.length + 1, 'the parent sees the receipt live');
    const parentThread = (await list('parentIvanova')).find((t) => t.id === thread.id);
    assert.equal(parentThread?.unreadCount, 1);
    assert.equal(parentThread?.lastMessagePreview, 'Добрый день');
  });

  it('publishes a new message live to both members', async () => {
    const thread = await freshThread();
    const id = newId();
    await send('parentIvanova', thread.id, { id, text: 'Живое событие' });
    const rows = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'message.created')
      .where('data', 'like', `%${id}%`)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.user_id).sort(),
      [U.parentIvanova.id, U.teacherMath.id].sort(),
    );
  });

  it('pages backwards without gaps or duplicates, oldest first within a page', async () => {
    const thread = await freshThread();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const id = newId();
      ids.push(id);
      await send(i % 2 ? 'teacherMath' : 'parentIvanova', thread.id, { id, text: `№ ${i + 1}` });
    }
    const seen: string[][] = [];
    let query: Record<string, string> = { limit: '3' };
    for (;;) {
      const res = await page('parentIvanova', thread.id, query);
      assert.equal(res.status, 200, res.text);
      seen.unshift(res.body.items.map((m) => m.id));
      if (!res.body.hasMore) break;
      query = { limit: '3', before: res.body.items[0]?.id ?? '' };
    }
    assert.deepEqual(seen, [ids.slice(0, 1), ids.slice(1, 4), ids.slice(4)]);
    const bad = await page('parentIvanova', thread.id, { before: 'no_such_message' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0]?.path, 'before');
  });

  it('hides a thread from everyone but its two members', async () => {
    const thread = await freshThread();
    const id = newId();
    await send('parentIvanova', thread.id, { id, text: 'Личное' });
    for (const who of ['parentPetrov', 'studentMaria', 'teacherRussian', 'teacherLyceum']) {
      const read = await page(who, thread.id);
      assert.equal(read.status, 404, `${who} reads`);
      assert.doesNotMatch(read.text, /Личное/);
      assert.equal((await send(who, thread.id, { id: newId(), text: 'Чужое' })).status, 404);
      const receipt = await server.call('POST', `/api/v1/threads/${thread.id}/read`, {
        token: tokens[who],
        body: { upToMessageId: id },
      });
      assert.equal(receipt.status, 404, `${who} marks read`);
      assert.ok(!(await list(who)).some((t) => t.id === thread.id));
    }
    assert.equal((await page('admin42', thread.id)).status, 403);
  });

  it('rejects an empty message with a field error', async () => {
    const thread = await freshThread();
    const res = await send('parentIvanova', thread.id, { id: newId(), text: '   ' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0]?.path, 'text');
  });
});
