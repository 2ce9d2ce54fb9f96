import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, JournalNote } from '@school-diary/core';
import { DEMO, DEMO_PASSWORD } from '../seed/demo';
import { hashPassword } from '../services/secrets';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
/** Мария's father: a second parent of the same child, added for these tests. */
const FATHER = { id: 'usr_parent_ivanov', phone: '+79990000099' };

describe("a parent's private notes", () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    await server.database.db
      .insertInto('users')
      .values({
        id: FATHER.id,
        role: 'parent',
        phone: FATHER.phone,
        password_hash: await hashPassword(DEMO_PASSWORD),
        last_name: 'Иванов',
        first_name: 'Андрей',
        middle_name: 'Петрович',
        email: null,
        snils: null,
        passport: null,
        school_id: null,
        contact_hours: null,
        identity_status: 'confirmed_sms',
        failed_logins: 0,
        locked_until: null,
        created_at: server.clock.now().toISOString(),
      })
      .execute();
    await server.database.db
      .insertInto('parent_children')
      .values({ parent_id: FATHER.id, child_id: MARIA })
      .execute();
    tokens.father = (await server.login(FATHER.phone)).accessToken;
    for (const key of ['parentIvanova', 'parentPetrov', 'studentMaria', 'teacherMath'] as const) {
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    }
  });
  after(() => server.close());

  const list = (who: string) =>
    server.call<{ items: JournalNote[] } & ErrorResponse>(
      'GET',
      `/api/v1/children/${MARIA}/notes`,
      {
        token: tokens[who],
      },
    );
  const write = (who: string, body: Record<string, unknown>) =>
    server.call<JournalNote & ErrorResponse>('POST', `/api/v1/children/${MARIA}/notes`, {
      token: tokens[who],
      body,
    });
  const patch = (who: string, id: string, body: Record<string, unknown>) =>
    server.call<JournalNote & ErrorResponse>('PATCH', `/api/v1/notes/${id}`, {
      token: tokens[who],
      body,
    });
  const remove = (who: string, id: string) =>
    server.call('DELETE', `/api/v1/notes/${id}`, { token: tokens[who] });

  it('keeps a note with its date, what happened and the plan', async () => {
    const res = await write('parentIvanova', {
      date: '2026-11-23',
      kind: 'difficulty',
      text: '  Расстроилась из-за тройки по диктанту  ',
      plan: 'Повторить словарные слова вместе',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.text, 'Расстроилась из-за тройки по диктанту');
    assert.equal(res.body.plan, 'Повторить словарные слова вместе');
    const mine = (await list('parentIvanova')).body.items;
    assert.ok(mine.some((n) => n.id === res.body.id));
    const dates = mine.map((n) => n.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it("hides a parent's notes from the child's other parent", async () => {
    const hers = await write('parentIvanova', {
      date: '2026-11-22',
      kind: 'success',
      text: 'Пятёрка!',
    });
    const his = await write('father', {
      date: '2026-11-22',
      kind: 'success',
      text: 'Сам собрал рюкзак',
    });
    assert.equal(his.status, 201, his.text);
    const fatherSees = (await list('father')).body.items.map((n) => n.id);
    assert.deepEqual(fatherSees, [his.body.id]);
    assert.ok(!(await list('parentIvanova')).body.items.some((n) => n.id === his.body.id));
    assert.equal((await patch('father', hers.body.id, { text: 'Чужое' })).status, 404);
    assert.equal((await remove('father', hers.body.id)).status, 404);
    assert.equal(
      (await list('parentIvanova')).body.items.find((n) => n.id === hers.body.id)?.text,
      'Пятёрка!',
    );
  });

  it('is for parents only, and for their own children only', async () => {
    assert.equal((await list('parentPetrov')).status, 404);
    assert.equal((await list('studentMaria')).status, 403);
    assert.equal((await list('teacherMath')).status, 403);
    assert.equal(
      (await write('parentPetrov', { date: '2026-11-22', kind: 'success', text: 'x' })).status,
      404,
    );
  });

  it('changes and removes only what its author wrote', async () => {
    const note = await write('parentIvanova', {
      date: '2026-11-20',
      kind: 'difficulty',
      text: 'Не успевает на кружок',
      plan: 'Поговорить с тренером',
    });
    server.clock.advance(60_000);
    const changed = await patch('parentIvanova', note.body.id, { kind: 'success', plan: '' });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.kind, 'success');
    assert.equal(changed.body.text, 'Не успевает на кружок');
    assert.equal(changed.body.plan, undefined);
    assert.ok(changed.body.updatedAt > changed.body.createdAt);
    assert.equal((await patch('parentPetrov', note.body.id, { text: 'x' })).status, 404);
    assert.equal((await remove('parentIvanova', note.body.id)).status, 204);
    assert.equal((await remove('parentIvanova', note.body.id)).status, 404);
  });

  it('answers bad input with field errors', async () => {
    const empty = await write('parentIvanova', { date: '2026-11-20', kind: 'success', text: ' ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.fields[0]?.path, 'text');
    const date = await write('parentIvanova', { date: '2026-02-30', kind: 'success', text: 'x' });
    assert.equal(date.status, 400);
    assert.equal(date.body.error.fields[0]?.path, 'date');
    const kind = await write('parentIvanova', { date: '2026-11-20', kind: 'other', text: 'x' });
    assert.equal(kind.body.error.fields[0]?.path, 'kind');
  });
});
