import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, NewsItem, Notification } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const S42 = DEMO.schools.school42.id;
const S17 = DEMO.schools.lyceum17.id;

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe('school news', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'parentNew',
      'studentMaria',
      'teacherMath',
      'admin42',
      'admin17',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const list = (who: string, schoolId: string, query: Record<string, string> = {}) =>
    server.call<Page<NewsItem> & ErrorResponse>('GET', `/api/v1/schools/${schoolId}/news`, {
      token: tokens[who],
      query,
    });
  const publish = (who: string, schoolId: string, body: Record<string, unknown>) =>
    server.call<NewsItem & ErrorResponse>('POST', `/api/v1/schools/${schoolId}/news`, {
      token: tokens[who],
      body,
    });
  const newsFeed = async (who: string) =>
    (
      await server.call<Page<Notification>>('GET', '/api/v1/notifications', {
        token: tokens[who],
        query: { pageSize: '100' },
      })
    ).body.items.filter((n) => n.kind === 'news');

  it("lets families read their children's schools and staff their own school", async () => {
    const allowed: [string, string][] = [
      ['parentIvanova', S42],
      ['studentMaria', S42],
      ['teacherMath', S42],
      ['admin42', S42],
      ['parentPetrov', S17],
      ['admin17', S17],
    ];
    for (const [who, school] of allowed) assert.equal((await list(who, school)).status, 200, who);
    const denied: [string, string][] = [
      ['parentIvanova', S17],
      ['parentPetrov', S42],
      ['parentNew', S42],
      ['teacherMath', S17],
      ['admin17', S42],
    ];
    for (const [who, school] of denied) assert.equal((await list(who, school)).status, 404, who);
  });

  it('lists newest first, filtered by kind and paged', async () => {
    const all = await list('parentIvanova', S42);
    assert.equal(all.body.total, all.body.items.length);
    assert.ok(all.body.total >= 4);
    const times = all.body.items.map((n) => n.publishedAt);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.ok(all.body.items.every((n) => n.schoolId === S42));
    const events = await list('parentIvanova', S42, { kind: 'event' });
    assert.ok(events.body.items.length > 0);
    assert.ok(events.body.items.every((n) => n.kind === 'event' && n.eventDate));
    const second = await list('parentIvanova', S42, { page: '2', pageSize: '1' });
    assert.equal(second.body.items[0]?.id, all.body.items[1]?.id);
    assert.equal(second.body.total, all.body.total);
  });

  it("publishes to the school's families and tells its parents", async () => {
    const ivanova = (await newsFeed('parentIvanova')).length;
    const petrov = (await newsFeed('parentPetrov')).length;
    const res = await publish('admin42', S42, {
      kind: 'event',
      title: 'Лыжня России',
      body: 'Приглашаем семьи на лыжный забег в Битцевском парке.',
      eventDate: '2027-02-14',
      location: 'Битцевский парк',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.eventDate, '2027-02-14');
    assert.equal((await list('studentMaria', S42)).body.items[0]?.id, res.body.id);
    const feed = await newsFeed('parentIvanova');
    assert.equal(feed.length, ivanova + 1, 'one notification although she has two children there');
    assert.match(feed[0]?.title ?? '', /Лыжня России/);
    assert.equal((await newsFeed('parentPetrov')).length, petrov);
  });

  it('asks for the date of an event and refuses other schools and other roles', async () => {
    const noDate = await publish('admin42', S42, {
      kind: 'event',
      title: 'Концерт',
      body: 'Скоро',
    });
    assert.equal(noDate.status, 400);
    assert.equal(noDate.body.error.fields[0]?.path, 'eventDate');
    assert.equal(noDate.body.error.fields[0]?.message, 'Укажите день события');
    const backwards = await publish('admin42', S42, {
      kind: 'event',
      title: 'Концерт',
      body: 'Скоро',
      startTime: '18:00',
      endTime: '17:00',
    });
    assert.deepEqual(
      backwards.body.error.fields.map((f: { path: string; code: string }) => [f.path, f.code]),
      [
        ['eventDate', 'required'],
        ['endTime', 'date_order'],
      ],
    );
    const body = { kind: 'news', title: 'Чужая новость', body: 'Текст' };
    assert.equal((await publish('admin17', S42, body)).status, 404);
    assert.equal((await publish('teacherMath', S42, body)).status, 403);
    assert.equal((await publish('parentIvanova', S42, body)).status, 403);
  });

  it('keeps an event’s times and an image with its alt text, and opens one item', async () => {
    const event = await publish('admin42', S42, {
      kind: 'event',
      title: 'Ярмарка',
      body: 'Благотворительная ярмарка',
      eventDate: '2026-12-12',
      startTime: '11:00',
      endTime: '14:00',
      location: 'Спортзал',
      image: { url: '/fair.png', alt: 'Столы с поделками учеников' },
    });
    assert.equal(event.status, 201, event.text);
    const one = await server.call<NewsItem>('GET', `/api/v1/news/${event.body.id}`, {
      token: tokens.parentIvanova,
    });
    assert.deepEqual(
      [one.body.startTime, one.body.endTime, one.body.image],
      ['11:00', '14:00', { url: '/fair.png', alt: 'Столы с поделками учеников' }],
    );
    const stranger = await server.call('GET', `/api/v1/news/${event.body.id}`, {
      token: tokens.parentNew,
    });
    assert.equal(stranger.status, 404);
    const bad = await publish('admin42', S42, {
      kind: 'event',
      title: 'Ярмарка',
      body: 'Текст',
      eventDate: '2026-12-12',
      startTime: '14:00',
      endTime: '11:00',
      image: { url: 'javascript:alert(1)', alt: ' ' },
    });
    assert.deepEqual(bad.body.error.fields.map((f) => [f.path, f.code]).sort(), [
      ['image.alt', 'required'],
      ['image.url', 'format'],
    ]);
    const backwards = await publish('admin42', S42, {
      kind: 'event',
      title: 'Ярмарка',
      body: 'Текст',
      eventDate: '2026-12-12',
      startTime: '14:00',
      endTime: '11:00',
    });
    assert.deepEqual(
      backwards.body.error.fields.map((f) => [f.path, f.code]),
      [['endTime', 'date_order']],
    );
  });

  it('removes news for the school’s admins only', async () => {
    const res = await publish('admin42', S42, { kind: 'news', title: 'Ошибка', body: 'Удалить' });
    const remove = (who: string) =>
      server.call('DELETE', `/api/v1/news/${res.body.id}`, { token: tokens[who] });
    assert.equal((await remove('admin17')).status, 404);
    assert.equal((await remove('teacherMath')).status, 403);
    assert.equal((await remove('admin42')).status, 204);
    assert.equal((await remove('admin42')).status, 404);
    assert.ok(!(await list('admin42', S42)).body.items.some((n) => n.id === res.body.id));
  });
});
