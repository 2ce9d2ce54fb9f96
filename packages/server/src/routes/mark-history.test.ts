import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Mark, MarkHistory, Notification } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;

describe('the history of a mark', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = ['parentIvanova', 'parentPetrov', 'studentMaria', 'teacherMath'] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const api = <T>(who: string, method: string, path: string, body?: unknown) =>
    server.call<T & ErrorResponse>(method, `/api/v1${path}`, { token: tokens[who], body });
  const history = (who: string, markId: string) =>
    api<MarkHistory>(who, 'GET', `/marks/${markId}/history`);

  it('tells the family what a mark was, became and when, by whom, after it is removed too', async () => {
    const body = { childId: MARIA, subjectId: 'sub_42_math', kind: 'oral', date: '2026-11-24' };
    const given = await api<Mark>('teacherMath', 'POST', '/marks', { ...body, value: 4 });
    assert.equal(given.status, 201, given.text);
    const id = given.body.id;
    server.clock.advance(60_000);
    const fixed = await api<Mark>('teacherMath', 'PATCH', `/marks/${id}`, { value: 5 });
    assert.equal(fixed.status, 200, fixed.text);

    const feed = await api<{ items: Notification[] }>('parentIvanova', 'GET', '/notifications');
    const note = feed.body.items.find((n) => n.targetId === id && n.title.includes('исправлена'));
    assert.match(note?.body ?? '', /: 4 → 5 — /, 'the correction says what it was');

    server.clock.advance(60_000);
    assert.equal((await api('teacherMath', 'DELETE', `/marks/${id}`)).status, 204);
    const res = await history('parentIvanova', id);
    assert.equal(res.status, 200, res.text);
    const at = (minutes: number) => new Date(Date.parse('2026-11-24T09:00:00Z') + minutes * 60_000);
    assert.deepEqual(res.body, {
      markId: id,
      childId: MARIA,
      subjectId: 'sub_42_math',
      changes: [
        { action: 'created', at: at(0).toISOString(), by: res.body.changes[0]?.by, to: 4 },
        { action: 'updated', at: at(1).toISOString(), by: res.body.changes[0]?.by, from: 4, to: 5 },
        { action: 'deleted', at: at(2).toISOString(), by: res.body.changes[0]?.by, from: 5 },
      ],
    });
    assert.match(
      res.body.changes[0]?.by ?? '',
      /^\S+ \S\. \S\.$/,
      'the teacher as «Фамилия И. О.»',
    );
    assert.equal((await history('studentMaria', id)).status, 200);
  });

  it('answers 404 to other families and for marks that never were, 401 to nobody', async () => {
    const given = await api<Mark>('teacherMath', 'POST', '/marks', {
      ...{ childId: MARIA, subjectId: 'sub_42_math', kind: 'oral', date: '2026-11-24' },
      value: 3,
    });
    assert.equal((await history('parentPetrov', given.body.id)).status, 404);
    assert.equal((await history('parentIvanova', 'mrk_never')).status, 404);
    assert.equal((await server.call('GET', `/api/v1/marks/${given.body.id}/history`)).status, 401);
    const seeded = await history('parentIvanova', given.body.id);
    assert.deepEqual(
      seeded.body.changes.map((c) => c.action),
      ['created'],
    );
  });
});
