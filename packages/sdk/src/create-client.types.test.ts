import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { routeManifest, routes, type Homework, type Mark, type User } from '@school-diary/core';
import { createClient } from './create-client';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import type { RouteInput, RouteResult } from './route-method';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `assertType<Expected>()(value)` compiles only when the value's type is exactly `Expected`. */
const assertType =
  <Expected>() =>
  <Actual>(_value: Actual, ..._exact: Equal<Actual, Expected> extends true ? [] : [never]) =>
    undefined;

/** Never called: the compiler checks these calls (`npx tsc -p tsconfig.json`). */
async function typedCalls(client: DiaryClient) {
  const { items } = await client.grades.list({
    childId: 'chd_maria',
    from: '2026-09-01',
    subjectId: 'sub_math',
  });
  assertType<Mark[]>()(items);
  await client.children.list();
  await client.children.list({ signal: AbortSignal.timeout(1000) });
  await client.schedule.week({ classId: 'cls_5a', week: '2026-W48' });
  await client.threads.send({ threadId: 'thr_1', id: 'msg_1', text: 'Здравствуйте' });
  await client.notifications.list({ unread: true, page: 2 });
  await client.notifications.list();
  assertType<string>()(await client.grades.csv({ childId: 'chd_maria', delimiter: ';' }));
  assertType<User | undefined>()(await client.auth.refresh());
  assertType<undefined>()(await client.grades.remove({ markId: 'mrk_1' }));
  await client.attachments.upload({ file: new Blob(['x']), fileName: 'a.txt' });
  client.grades.list.watch({ childId: 'chd_maria' }, ({ data, fresh }) => [data.items, fresh]);
  client.children.list.watch(({ data }) => data.items);
  client.events.on('mark.created', (event) => assertType<Mark>()(event.data));

  // @ts-expect-error childId is required
  await client.grades.list({ from: '2026-09-01' });
  // @ts-expect-error childId is a string
  await client.grades.list({ childId: 42 });
  // @ts-expect-error no such filter
  await client.grades.list({ childId: 'chd_maria', term: 1 });
  const mark = { childId: 'c', subjectId: 's', kind: 'test', date: '2026-11-24' } as const;
  // @ts-expect-error a mark is 1–5, pass or fail
  await client.grades.create({ ...mark, value: 6 });
  // @ts-expect-error the week is required
  await client.schedule.week({ classId: 'cls_5a' });
  // @ts-expect-error the stream is client.events, not a method
  void client.events.stream;
  // @ts-expect-error writes cannot be watched
  void client.grades.create.watch;

  // Groups whose schemas load on first use are typed from those schemas all the same.
  assertType<Homework[]>()((await client.homework.list({ childId: 'chd_maria' })).items);
  assertType<RouteResult<typeof routes.grades.list>>()(await client.grades.list({ childId: 'c' }));
  const input: RouteInput<typeof routes.schedule.setWeek> = {
    classId: 'cls_5a',
    week: '2026-W48',
    lessons: [],
  };
  void input;
  // @ts-expect-error a wrong type in a lazily loaded group is still a compile error
  await client.homework.list({ childId: 'chd_maria', from: 20260901 });
  const manifestTable = { grades: { list: routeManifest.grades.list } };
  // @ts-expect-error the manifest's info is not a complete route: createClient needs schemas
  createClient({ baseUrl: 'x', routes: manifestTable });
  const picked = createClient({
    validateResponses: true,
    baseUrl: 'x',
    routes: { grades: { list: routes.grades.list } },
  });
  assertType<Mark[]>()((await picked.grades.list({ childId: 'c' })).items);
  // @ts-expect-error a picked client has only the operations it was given
  void picked.grades.summary;
  for await (const item of client.news.list.all({ schoolId: 'sch_1', kind: 'event' }))
    assertType<'news' | 'event'>()(item.kind);
  // @ts-expect-error a paged list still needs its path parameters
  void client.news.list.all({});
  // @ts-expect-error only lists whose query takes page and pageSize are paged
  void client.grades.list.all;
}

describe('client types', () => {
  it('derive one typed method per operation (checked by the compiler)', () => {
    assert.equal(typeof typedCalls, 'function');
    const client = createDiaryClient({
      validateResponses: true,
      baseUrl: 'http://127.0.0.1:9',
      storage: false,
      syncTabs: false,
    });
    assert.equal(typeof client.grades.list, 'function');
    assert.equal(typeof client.grades.list.watch, 'function');
    assert.equal('watch' in client.grades.create, false);
    assert.equal('stream' in client.events, false);
    client.close();
  });
});
