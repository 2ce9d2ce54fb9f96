import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Notification, PortfolioItem } from '@school-diary/core';
import { randomIds, type IdGenerator } from '../ids';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { uploadFile } from '../testing/upload';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;

describe('portfolio', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'studentMaria',
      'teacherMath',
      'teacherPhysics',
      'teacherLyceum',
      'admin42',
      'admin17',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const list = (who: string, childId = MARIA) =>
    server.call<{ items: PortfolioItem[] } & ErrorResponse>(
      'GET',
      `/api/v1/children/${childId}/portfolio`,
      { token: tokens[who] },
    );
  const add = (who: string, body: Record<string, unknown>, childId = MARIA) =>
    server.call<PortfolioItem & ErrorResponse>('POST', `/api/v1/children/${childId}/portfolio`, {
      token: tokens[who],
      body,
    });
  const comment = (who: string, itemId: string, text: string) =>
    server.call<PortfolioItem & ErrorResponse>('POST', `/api/v1/portfolio/${itemId}/comments`, {
      token: tokens[who],
      body: { text },
    });
  const edit = (who: string, itemId: string, body: Record<string, unknown>) =>
    server.call<PortfolioItem & ErrorResponse>('PATCH', `/api/v1/portfolio/${itemId}`, {
      token: tokens[who],
      body,
    });
  const find = (who: string, query: Record<string, string>) =>
    server.call<{ items: PortfolioItem[] } & ErrorResponse>(
      'GET',
      `/api/v1/children/${MARIA}/portfolio`,
      { token: tokens[who], query },
    );
  const remove = (who: string, itemId: string) =>
    server.call<ErrorResponse>('DELETE', `/api/v1/portfolio/${itemId}`, { token: tokens[who] });
  const notifications = async (who: string) =>
    (
      await server.call<{ items: Notification[] }>('GET', '/api/v1/notifications', {
        token: tokens[who],
        query: { pageSize: '100' },
      })
    ).body.items.filter((n) => n.kind === 'portfolio');

  it("shows a child's portfolio with comments to the family, the class's teachers and the school", async () => {
    const own = await list('parentIvanova');
    assert.equal(own.status, 200, own.text);
    const diploma = own.body.items.find((i) => i.kind === 'diploma');
    assert.ok(diploma, 'the seeded diploma');
    assert.equal(diploma.comments[0]?.authorName, 'Орлов Сергей Николаевич');
    for (const who of ['studentMaria', 'teacherMath', 'admin42']) {
      assert.equal((await list(who)).status, 200, who);
    }
    for (const who of ['parentPetrov', 'teacherLyceum', 'teacherPhysics']) {
      const denied = await list(who);
      assert.equal(denied.status, 404, who);
      assert.doesNotMatch(denied.text, /Диплом/);
    }
  });

  it('adds an item with tags and a file that the child’s teachers may download', async () => {
    const file = await uploadFile(server, tokens.parentIvanova, {
      data: Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'),
      type: 'application/pdf',
      name: 'Грамота.pdf',
    });
    const res = await add('parentIvanova', {
      kind: 'certificate',
      title: '  Грамота за участие в конкурсе чтецов  ',
      date: '2026-11-20',
      subjectId: 'sub_42_literature',
      level: 'municipal',
      attachmentId: file.body.id,
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.title, 'Грамота за участие в конкурсе чтецов');
    assert.equal(res.body.attachment?.name, 'Грамота.pdf');
    assert.equal(res.body.createdBy, U.parentIvanova.id);
    const get = (who: string) =>
      fetch(`${server.url}/api/v1/attachments/${file.body.id}`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
    assert.equal((await get('teacherMath')).status, 200);
    assert.equal((await get('studentMaria')).status, 200);
    assert.equal((await get('parentPetrov')).status, 404);
    assert.equal((await get('teacherLyceum')).status, 404);
  });

  it("rejects tags and files that are not the child's school's or the caller's", async () => {
    const base = { kind: 'work', title: 'Рисунок', date: '2026-11-01' };
    const subject = await add('parentIvanova', { ...base, subjectId: 'sub_17_math' });
    assert.equal(subject.status, 400);
    assert.equal(subject.body.error.fields[0]?.path, 'subjectId');
    const period = await add('parentIvanova', { ...base, periodId: 'per_none' });
    assert.equal(period.status, 400);
    assert.equal(period.body.error.fields[0]?.path, 'periodId');
    const theirs = await uploadFile(server, tokens.parentPetrov, {
      data: Buffer.from('чужой файл', 'utf8'),
      type: 'text/plain',
      name: 'a.txt',
    });
    const file = await add('parentIvanova', { ...base, attachmentId: theirs.body.id });
    assert.equal(file.status, 400);
    assert.equal(file.body.error.fields[0]?.path, 'attachmentId');
    const empty = await add('parentIvanova', { ...base, title: '  ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.fields[0]?.path, 'title');
    assert.equal((await add('parentPetrov', base)).status, 404);
    assert.equal((await add('teacherPhysics', base)).status, 404, 'does not teach 5А');
  });

  it('notifies the parents when a teacher adds an item or comments on one', async () => {
    const before = (await notifications('parentIvanova')).length;
    const item = await add('teacherMath', {
      kind: 'exam_result',
      title: 'Контрольная работа по дробям — 5',
      date: '2026-11-23',
      subjectId: 'sub_42_math',
    });
    assert.equal(item.status, 201, item.text);
    const commented = await comment('teacherMath', item.body.id, 'Без единой ошибки!');
    assert.equal(commented.status, 201, commented.text);
    assert.deepEqual(
      commented.body.comments.map((c) => [c.authorId, c.text]),
      [[U.teacherMath.id, 'Без единой ошибки!']],
    );
    const feed = await notifications('parentIvanova');
    assert.equal(feed.length, before + 2);
    assert.ok(feed.every((n) => n.childId === MARIA));
    assert.match(feed[0]?.body ?? '', /Без единой ошибки/);
    assert.equal((await comment('teacherLyceum', item.body.id, 'Чужой')).status, 404);
    assert.equal((await comment('teacherPhysics', item.body.id, 'Чужой')).status, 404);
    assert.equal((await comment('admin17', item.body.id, 'Чужой')).status, 404, 'another school');
    const byAdmin = await comment('admin42', item.body.id, 'Отмечено на линейке.');
    assert.equal(byAdmin.status, 201, byAdmin.text);
    // Two comments written in the same millisecond have no defined order between them.
    assert.deepEqual(
      byAdmin.body.comments.map((c) => c.authorId).sort(),
      [U.teacherMath.id, U.admin42.id].sort(),
    );
    assert.equal((await comment('parentIvanova', item.body.id, 'Спасибо')).status, 403);
  });

  it('lets the creator or a parent remove an item, and nobody else', async () => {
    const byTeacher = await add('teacherMath', {
      kind: 'work',
      title: 'Проверочная',
      date: '2026-11-10',
    });
    const byParent = await add('parentIvanova', {
      kind: 'work',
      title: 'Поделка',
      date: '2026-11-11',
    });
    assert.equal((await remove('teacherMath', byParent.body.id)).status, 404, 'not the creator');
    assert.equal((await remove('parentPetrov', byParent.body.id)).status, 404);
    assert.equal((await remove('studentMaria', byParent.body.id)).status, 403);
    assert.equal((await remove('parentIvanova', byTeacher.body.id)).status, 204);
    assert.equal((await remove('teacherMath', byTeacher.body.id)).status, 404, 'already gone');
    assert.equal((await remove('parentIvanova', byParent.body.id)).status, 204);
    const left = (await list('parentIvanova')).body.items.map((i) => i.id);
    assert.ok(!left.includes(byTeacher.body.id) && !left.includes(byParent.body.id));
  });

  it('removes the file of a removed item', async () => {
    const file = await uploadFile(server, tokens.studentMaria, {
      data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      type: 'image/jpeg',
      name: 'рисунок.jpg',
    });
    const item = await add('studentMaria', {
      kind: 'work',
      title: 'Рисунок',
      date: '2026-11-15',
      attachmentId: file.body.id,
    });
    assert.equal(item.status, 201, item.text);
    assert.equal((await remove('parentIvanova', item.body.id)).status, 204);
    const row = await server.database.db
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', file.body.id)
      .executeTakeFirst();
    assert.equal(row, undefined);
  });

  it('filters by subject, period and level, and finds words in the title or description', async () => {
    const tag = `метка-${Date.now()}`;
    const period = (
      await server.call<{ periods: { id: string }[] }>('GET', `/api/v1/children/${MARIA}/periods`, {
        token: tokens.parentIvanova,
      })
    ).body.periods[0]?.id;
    assert.ok(period, 'a period of Maria’s school');
    const lit = await add('parentIvanova', {
      kind: 'diploma',
      title: `Диплом чтеца ${tag}`,
      date: '2026-11-02',
      subjectId: 'sub_42_literature',
      periodId: period,
      level: 'regional',
    });
    const math = await add('parentIvanova', {
      kind: 'work',
      title: 'Задачи',
      description: `Олимпиада ${tag.toUpperCase()}`,
      date: '2026-11-03',
      subjectId: 'sub_42_math',
      level: 'school',
    });
    assert.equal(lit.status, 201, lit.text);
    assert.equal(math.status, 201, math.text);
    const ids = async (query: Record<string, string>) =>
      (await find('teacherMath', { q: tag, ...query })).body.items.map((i) => i.id);
    assert.deepEqual(await ids({}), [math.body.id, lit.body.id]);
    assert.deepEqual(await ids({ subjectId: 'sub_42_literature' }), [lit.body.id]);
    assert.deepEqual(await ids({ periodId: period }), [lit.body.id]);
    assert.deepEqual(await ids({ level: 'school' }), [math.body.id]);
    assert.deepEqual(await ids({ kind: 'diploma', level: 'school' }), []);
    assert.deepEqual(await ids({ q: `олимпиада ${tag}` }), [math.body.id]);
    const bad = await find('parentIvanova', { level: 'galactic' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0]?.path, 'level');
    assert.equal((await find('parentPetrov', { q: tag })).status, 404);
  });

  it('rejects a date after today with a field error in the caller’s language', async () => {
    const base = { kind: 'work', title: 'Из будущего' };
    const ru = await add('parentIvanova', { ...base, date: '2030-01-01' });
    assert.equal(ru.status, 400);
    assert.deepEqual(
      [ru.body.error.fields[0]?.path, ru.body.error.fields[0]?.code],
      ['date', 'future_date'],
    );
    assert.match(ru.text, /будущ/);
    const en = await server.call<ErrorResponse>('POST', `/api/v1/children/${MARIA}/portfolio`, {
      token: tokens.parentIvanova,
      body: { ...base, date: '2026-11-25' },
      lang: 'en',
    });
    assert.equal(en.status, 400, 'the day after the school’s today');
    assert.match(en.text, /must not be in the future/);
    assert.equal((await add('parentIvanova', { ...base, date: '2026-11-24' })).status, 201);
  });

  it('edits an item: text, tags and a new file that replaces the old one', async () => {
    const upload = (who: string, name: string) =>
      uploadFile(server, tokens[who], {
        data: Buffer.from(`%PDF-1.7 ${name}\n%%EOF\n`, 'latin1'),
        type: 'application/pdf',
        name,
      });
    const first = await upload('parentIvanova', 'first.pdf');
    const item = await add('parentIvanova', {
      kind: 'certificate',
      title: 'Сертификат',
      date: '2026-11-05',
      level: 'school',
      attachmentId: first.body.id,
    });
    const second = await upload('parentIvanova', 'second.pdf');
    const changed = await edit('parentIvanova', item.body.id, {
      title: ' Сертификат олимпиады ',
      subjectId: 'sub_42_math',
      level: null,
      attachmentId: second.body.id,
    });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.title, 'Сертификат олимпиады');
    assert.equal(changed.body.subjectId, 'sub_42_math');
    assert.equal(changed.body.level, undefined);
    assert.equal(changed.body.kind, 'certificate', 'unchanged');
    assert.equal(changed.body.attachment?.name, 'second.pdf');
    const gone = await server.database.db
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', first.body.id)
      .executeTakeFirst();
    assert.equal(gone, undefined, 'the replaced file is removed');
    const cleared = await edit('parentIvanova', item.body.id, { attachmentId: null });
    assert.equal(cleared.body.attachment, undefined);

    const theirs = await upload('parentPetrov', 'theirs.pdf');
    const stolen = await edit('parentIvanova', item.body.id, { attachmentId: theirs.body.id });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.error.fields[0]?.path, 'attachmentId');
    const future = await edit('parentIvanova', item.body.id, { date: '2030-05-01' });
    assert.equal(future.body.error.fields[0]?.code, 'future_date');
    const subject = await edit('parentIvanova', item.body.id, { subjectId: 'sub_17_math' });
    assert.equal(subject.body.error.fields[0]?.path, 'subjectId');
    const empty = await edit('parentIvanova', item.body.id, { title: '   ' });
    assert.equal(empty.body.error.fields[0]?.path, 'title');
    assert.equal((await edit('teacherMath', item.body.id, { title: 'x' })).status, 404);
    assert.equal((await edit('studentMaria', item.body.id, { title: 'x' })).status, 404);
    assert.equal((await edit('parentPetrov', item.body.id, { title: 'x' })).status, 404);
    assert.equal((await edit('admin42', item.body.id, { title: 'x' })).status, 403);
  });
});

describe('portfolio comments of the same millisecond', () => {
  let server: TestServer;
  // The clock stands still, so every comment has the same `created_at`; each new comment's id
  // sorts before the one before it, as random ids do half the time.
  let countdown = 1000;
  const ids: IdGenerator = (prefix) =>
    prefix === 'pcm' ? `pcm_${(countdown -= 1)}` : randomIds(prefix);

  before(async () => {
    server = await startTestServer({ ids });
  });
  after(() => server.close());

  it('come back in the order they were written', async () => {
    const teacher = (await server.login(U.teacherMath.phone)).accessToken;
    const parent = (await server.login(U.parentIvanova.phone)).accessToken;
    const item = await server.call<PortfolioItem>('POST', `/api/v1/children/${MARIA}/portfolio`, {
      token: parent,
      body: { kind: 'work', title: 'Проект по математике', date: '2026-11-20' },
    });
    assert.equal(item.status, 201, item.text);
    const written = ['Первый', 'Второй', 'Третий', 'Четвёртый'];
    for (const text of written) {
      const answer = await server.call('POST', `/api/v1/portfolio/${item.body.id}/comments`, {
        token: teacher,
        body: { text },
      });
      assert.equal(answer.status, 201, answer.text);
    }
    const listed = await server.call<{ items: PortfolioItem[] }>(
      'GET',
      `/api/v1/children/${MARIA}/portfolio`,
      { token: parent },
    );
    const shown = listed.body.items.find((i) => i.id === item.body.id);
    assert.deepEqual(
      shown?.comments.map((c) => c.text),
      written,
    );
  });
});
