import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Notification, Ticket } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { uploadFile } from '../testing/upload';

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

  it("sends a teacher's ticket to their school; a parent without a school names one", async () => {
    const teacher = (
      await open('teacherMath', { subject: 'Журнал', text: 'Не сохраняется оценка' })
    ).body;
    assert.ok((await list('admin42')).some((t) => t.id === teacher.id));
    const nowhere = await open('parentNew', {
      subject: 'Как добавить ребёнка',
      text: 'Подскажите',
    });
    assert.equal(nowhere.status, 400, nowhere.text);
    assert.deepEqual(
      nowhere.body.error.fields.map((f) => [f.path, f.code, f.message]),
      [['schoolId', 'required', 'Выберите школу, которой адресовано обращение']],
    );
    const unconnected = await open('parentNew', {
      subject: 'Как добавить ребёнка',
      text: 'Подскажите',
      schoolId: 'sch_no_such',
    });
    assert.deepEqual(
      unconnected.body.error.fields.map((f) => [f.path, f.code]),
      [['schoolId', 'invalid_option']],
    );
    const lone = (
      await open('parentNew', {
        subject: 'Как добавить ребёнка',
        text: 'Подскажите',
        schoolId: DEMO.schools.lyceum17.id,
      })
    ).body;
    assert.equal(lone.schoolId, DEMO.schools.lyceum17.id);
    assert.ok((await list('admin17')).some((t) => t.id === lone.id));
    assert.ok(!(await list('admin42')).some((t) => t.id === lone.id));
    assert.equal((await reply('admin17', lone.id, 'Откройте «Мои дети»')).body.status, 'answered');
  });

  it('sends a ticket about an application to its school, and refuses a number not yours', async () => {
    const about = await open('parentPetrov', {
      subject: 'Заявление',
      text: 'Когда проверят?',
      applicationNumber: 'ЭД-2026-000003',
    });
    assert.equal(about.status, 201, about.text);
    assert.equal(about.body.applicationNumber, 'ЭД-2026-000003');
    assert.equal(about.body.schoolId, DEMO.schools.lyceum17.id);
    const foreign = await open('parentPetrov', {
      subject: 'Заявление',
      text: 'Чужое',
      applicationNumber: 'ЭД-2026-000001',
    });
    assert.deepEqual(
      foreign.body.error.fields.map((f) => [f.path, f.code]),
      [['applicationNumber', 'invalid_option']],
    );
    const malformed = await open('parentPetrov', {
      subject: 'Заявление',
      text: 'Опечатка',
      applicationNumber: '123',
    });
    assert.match(malformed.body.error.fields[0]?.message ?? '', /ЭД-2026-000001/);
  });

  it('carries files both ways, downloadable by the two sides only', async () => {
    const upload = async (who: string, name: string) =>
      (
        await uploadFile(server, tokens[who], {
          data: new TextEncoder().encode(`файл ${name}`),
          type: 'text/plain',
          name,
        })
      ).body.id;
    const mine = await upload('parentIvanova', 'screen.txt');
    const ticket = (
      await open('parentIvanova', { subject: 'Файл', text: 'Вот снимок', attachmentIds: [mine] })
    ).body;
    assert.deepEqual(
      ticket.messages[0]?.attachments.map((a) => a.name),
      ['screen.txt'],
    );
    const download = (who: string) =>
      server.call('GET', `/api/v1/attachments/${mine}`, { token: tokens[who] });
    assert.equal((await download('admin42')).status, 200);
    assert.equal((await download('admin17')).status, 404);
    const theirs = await upload('admin42', 'answer.txt');
    const answered = await server.call<Ticket>(
      'POST',
      `/api/v1/support/tickets/${ticket.id}/replies`,
      { token: tokens.admin42, body: { text: 'Ответ', attachmentIds: [theirs] } },
    );
    assert.deepEqual(
      answered.body.messages[1]?.attachments.map((a) => a.name),
      ['answer.txt'],
    );
    const reused = await open('parentIvanova', {
      subject: 'Файл ещё раз',
      text: 'Тот же',
      attachmentIds: [mine],
    });
    assert.deepEqual(
      reused.body.error.fields.map((f) => [f.path, f.code]),
      [['attachmentIds', 'invalid_option']],
    );
  });

  it('leaves no ticket without someone who can answer it', async () => {
    const tickets = await server.database.db.selectFrom('tickets').selectAll().execute();
    assert.ok(tickets.length >= 8, String(tickets.length));
    const admins = await server.database.db
      .selectFrom('users')
      .select(['id', 'phone', 'school_id'])
      .where('role', '=', 'school_admin')
      .execute();
    const adminTokens = new Map<string, string>();
    for (const ticket of tickets) {
      const admin = admins.find((a) => a.school_id !== null && a.school_id === ticket.school_id);
      assert.ok(admin, `${ticket.number} has no one to answer it`);
      const token = adminTokens.get(admin.id) ?? (await server.login(admin.phone)).accessToken;
      adminTokens.set(admin.id, token);
      const seen = await server.call('GET', `/api/v1/support/tickets/${ticket.id}`, { token });
      assert.equal(seen.status, 200, `${ticket.number} is hidden from ${admin.id}`);
    }
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
