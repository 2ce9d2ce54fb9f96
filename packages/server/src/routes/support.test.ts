import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Notification, Ticket } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;

type Page<T> = { items: T[]; total: number };

describe('support tickets', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'parentNew',
      'admin42',
      'admin17',
      'teacherMath',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const open = (who: string, body: unknown) =>
    server.call<Ticket & ErrorResponse>('POST', '/api/v1/support/tickets', {
      token: tokens[who],
      body,
    });
  const reply = (who: string, id: string, text: string) =>
    server.call<Ticket & ErrorResponse>('POST', `/api/v1/support/tickets/${id}/replies`, {
      token: tokens[who],
      body: { text },
    });
  const list = async (who: string) =>
    (await server.call<Page<Ticket>>('GET', '/api/v1/support/tickets', { token: tokens[who] })).body
      .items;
  const feed = async (who: string) =>
    (await server.call<Page<Notification>>('GET', '/api/v1/notifications', { token: tokens[who] }))
      .body.items;

  it("opens a numbered ticket that reaches the school of the parent's child", async () => {
    const res = await open('parentIvanova', {
      subject: '  Не вижу оценки  ',
      text: 'Не отображаются оценки Петра за неделю',
    });
    assert.equal(res.status, 201, res.text);
    assert.match(res.body.number, /^ОБР-\d{6}$/);
    assert.equal(res.body.subject, 'Не вижу оценки');
    assert.equal(res.body.status, 'open');
    assert.deepEqual(
      res.body.messages.map((m) => [m.authorId, m.authorRole]),
      [[U.parentIvanova.id, 'parent']],
    );
    assert.ok((await list('admin42')).some((t) => t.id === res.body.id));
    assert.ok(!(await list('admin17')).some((t) => t.id === res.body.id));
  });

  it('moves the ticket between answered and open as the sides reply, notifying the other side', async () => {
    const ticket = (await open('parentIvanova', { subject: 'Вход', text: 'Не приходит SMS' })).body;
    const answered = await reply('admin42', ticket.id, 'Проверьте номер телефона в профиле');
    assert.equal(answered.status, 200, answered.text);
    assert.equal(answered.body.status, 'answered');
    const toParent = (await feed('parentIvanova')).find((n) => n.targetId === ticket.id);
    assert.equal(toParent?.kind, 'support');
    assert.match(toParent?.title ?? '', new RegExp(ticket.number));

    const reopened = await reply('parentIvanova', ticket.id, 'Номер верный');
    assert.equal(reopened.body.status, 'open');
    assert.deepEqual(
      reopened.body.messages.map((m) => m.text),
      ['Не приходит SMS', 'Проверьте номер телефона в профиле', 'Номер верный'],
    );
    assert.ok(
      (await feed('admin42')).some((n) => n.targetId === ticket.id && n.body === 'Номер верный'),
    );
  });

  it('lets the school admin change the status, and no one else', async () => {
    const ticket = (await open('parentIvanova', { subject: 'Спасибо', text: 'Всё заработало' }))
      .body;
    const path = `/api/v1/support/tickets/${ticket.id}/status`;
    const closed = await server.call<Ticket>('POST', path, {
      token: tokens.admin42,
      body: { status: 'closed' },
    });
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.status, 'closed');
    assert.equal(
      (await server.call('POST', path, { token: tokens.admin17, body: { status: 'open' } })).status,
      404,
    );
    assert.equal(
      (await server.call('POST', path, { token: tokens.parentIvanova, body: { status: 'open' } }))
        .status,
      403,
    );
  });

  it("answers 404 for someone else's ticket, to a parent and to another school's admin", async () => {
    const ticket = (await open('parentIvanova', { subject: 'Личное', text: 'Вопрос о Марии' }))
      .body;
    const path = `/api/v1/support/tickets/${ticket.id}`;
    for (const who of ['parentPetrov', 'admin17', 'teacherMath']) {
      const res = await server.call('GET', path, { token: tokens[who] });
      assert.equal(res.status, 404, who);
      assert.doesNotMatch(res.text, /Марии/);
      assert.equal((await reply(who, ticket.id, 'Чужой ответ')).status, 404);
    }
    assert.ok(!(await list('parentPetrov')).some((t) => t.id === ticket.id));
  });

  it("sends a teacher's ticket to their school, and a parent's without children to no school", async () => {
    const teacher = (
      await open('teacherMath', { subject: 'Журнал', text: 'Не сохраняется оценка' })
    ).body;
    assert.ok((await list('admin42')).some((t) => t.id === teacher.id));
    const lone = (await open('parentNew', { subject: 'Как добавить ребёнка', text: 'Подскажите' }))
      .body;
    assert.ok(!(await list('admin42')).some((t) => t.id === lone.id));
    assert.deepEqual(
      (await list('parentNew')).map((t) => t.id),
      [lone.id],
    );
  });

  it('names the empty fields of a ticket', async () => {
    const res = await open('parentIvanova', { subject: '   ', text: '' });
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [
        ['subject', 'required'],
        ['text', 'required'],
      ],
    );
  });
});
