import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Child, ChildHistoryEntry, ErrorResponse } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const INN = '500100732259';

describe("a child card's history", () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    for (const key of ['parentIvanova', 'parentPetrov', 'studentMaria', 'teacherMath'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const history = (who: string, childId = MARIA) =>
    server.call<{ items: ChildHistoryEntry[] } & ErrorResponse>(
      'GET',
      `/api/v1/children/${childId}/history`,
      { token: tokens[who] },
    );

  it('names who changed which fields and when, never the values, to the family only', async () => {
    const saved = await server.call<Child>('PATCH', `/api/v1/children/${MARIA}`, {
      token: tokens['parentIvanova'],
      body: { inn: INN, middleName: 'Андреевна' },
    });
    assert.equal(saved.status, 200, saved.text);

    const mine = await history('parentIvanova');
    assert.equal(mine.status, 200, mine.text);
    const latest = mine.body.items[0];
    assert.equal(latest?.action, 'updated');
    assert.deepEqual(latest?.fields, ['inn'], 'an unchanged field is not listed');
    assert.match(latest?.actorName ?? '', /^Иванова /);
    assert.equal(latest?.actorRole, 'parent');
    assert.ok(!mine.text.includes(INN), 'a document number never appears');

    assert.equal((await history('studentMaria')).status, 200, 'the child sees it too');
    assert.equal((await history('parentPetrov')).status, 404, 'another family');
    assert.equal((await history('teacherMath')).status, 403, 'staff');
  });
});
