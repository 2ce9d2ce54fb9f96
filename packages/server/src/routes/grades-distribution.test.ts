import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Mark, MarkDistribution } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
/** Tuesday 24 November 2026, lesson 1: mathematics in 5А. */
const LESSON = 'les_42_5a_20261124_1';
const pupil = (n: number) => `chd_cls_42_5a_pupil_${String(n).padStart(2, '0')}`;

describe('how the class did on one lesson’s work', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    for (const key of ['parentIvanova', 'parentPetrov', 'teacherMath'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    // The work starts unmarked, whatever the seed gave for it.
    await server.database.db
      .deleteFrom('marks')
      .where('lesson_id', '=', LESSON)
      .where('kind', '=', 'project')
      .execute();
  });
  after(() => server.close());

  const mark = (childId: string, value: number) =>
    server.call<Mark & ErrorResponse>('POST', '/api/v1/marks', {
      token: tokens.teacherMath,
      body: {
        childId,
        subjectId: 'sub_42_math',
        lessonId: LESSON,
        value,
        kind: 'project',
        date: '2026-11-24',
      },
    });
  const distribution = (who: string, markId: string) =>
    server.call<MarkDistribution & ErrorResponse>('GET', `/api/v1/marks/${markId}/distribution`, {
      token: tokens[who],
    });

  it('refuses below 5 pupils marked, then gives anonymous counts to the family only', async () => {
    const own = await mark(MARIA, 5);
    assert.equal(own.status, 201, own.text);
    for (const [n, value] of [
      [2, 4],
      [3, 4],
      [4, 3],
    ] as const)
      assert.equal((await mark(pupil(n), value)).status, 201);
    const few = await distribution('parentIvanova', own.body.id);
    assert.equal(few.status, 409);
    assert.equal(few.body.error.code, 'too_few_marked');
    assert.match(few.body.error.message, /не меньше 5 учеников/);

    assert.equal((await mark(pupil(5), 1)).status, 201);
    const res = await distribution('parentIvanova', own.body.id);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      lessonId: LESSON,
      kind: 'project',
      marked: 5,
      counts: { 5: 1, 4: 2, 3: 1, 2: 1 },
    });
    assert.doesNotMatch(res.text, /chd_|usr_/, 'no pupil is named');
    assert.equal((await distribution('parentPetrov', own.body.id)).status, 404);
  });
});
