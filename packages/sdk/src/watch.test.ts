import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Mark } from '@school-diary/core';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import {
  createDiaryClient,
  type DiaryClient,
  type DiaryClientOptions,
} from './create-diary-client';
import { DiaryContractError, DiaryNetworkError } from './errors';
import { memoryStorage, type DiaryStorage } from './storage';
import type { Snapshot } from './watch';

let server: DiaryServer;
const clients: DiaryClient[] = [];
before(async () => {
  server = await startDiaryServer();
});
after(async () => {
  for (const diary of clients) diary.close();
  await server.stop();
});

async function parentClient(
  options: Partial<DiaryClientOptions> = {},
  phone: string = DEMO.parent,
) {
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    syncTabs: false,
    storage: false,
    ...options,
  });
  clients.push(diary);
  await signIn(diary, server.url, phone);
  return diary;
}

type Marks = Snapshot<{ items: Mark[] }>;

/** Collects snapshots until `count` have arrived. */
function collect(
  watch: (listener: (s: Marks) => void, onError: (e: unknown) => void) => () => void,
  count: number,
): Promise<{ snapshots: Marks[]; errors: unknown[] }> {
  const snapshots: Marks[] = [];
  const errors: unknown[] = [];
  return new Promise((resolve) => {
    const stop = watch(
      (s) => {
        snapshots.push(s);
        if (snapshots.length === count) {
          stop();
          resolve({ snapshots, errors });
        }
      },
      (e) => errors.push(e),
    );
  });
}

describe('cache-then-network reads', () => {
  it('shows the cached marks at once, then confirms them with a 304', async () => {
    const network = controlFetch();
    const diary = await parentClient({
      fetch: network.fetch,
      storage: memoryStorage(),
      now: () => 1000,
    });
    const input = { childId: DEMO.maria, from: '2026-09-01' };
    const first = await collect((l, e) => diary.grades.list.watch(input, l, { onError: e }), 1);
    assert.equal(first.snapshots[0]?.fresh, true, 'nothing cached yet: the answer of the server');
    const second = await collect((l, e) => diary.grades.list.watch(input, l, { onError: e }), 2);
    assert.deepEqual(
      second.snapshots.map((s) => s.fresh),
      [false, true],
    );
    assert.deepEqual(second.snapshots[0]?.data, first.snapshots[0]?.data);
    const last = network.seen.at(-1);
    assert.ok(last?.headers.get('if-none-match'), 'asked with the cached entity tag');
    assert.equal(last?.status, 304);
  });

  it('lets a plain call use the cached entity tag as well', async () => {
    const network = controlFetch();
    const diary = await parentClient({ fetch: network.fetch, storage: memoryStorage() });
    const first = await diary.grades.summary({ childId: DEMO.maria });
    const second = await diary.grades.summary({ childId: DEMO.maria });
    assert.deepEqual(second, first);
    assert.equal(network.seen.at(-1)?.status, 304);
  });

  it('keeps showing the cached marks offline and reports the network error', async () => {
    const network = controlFetch();
    const diary = await parentClient({
      fetch: network.fetch,
      storage: memoryStorage(),
      retry: { limit: 0 },
    });
    const input = { childId: DEMO.maria };
    await diary.grades.list(input);
    network.offline();
    const snapshots: Marks[] = [];
    const error = await new Promise<unknown>((resolve) => {
      diary.grades.list.watch(input, (s) => snapshots.push(s), { onError: resolve });
    });
    assert.ok(error instanceof DiaryNetworkError);
    assert.equal(snapshots.length, 1);
    assert.equal(snapshots[0]?.fresh, false);
  });

  it('works without storage (Node): the watcher gets the answer of the server', async () => {
    const diary = await parentClient({ storage: false });
    const { snapshots } = await collect(
      (l, e) => diary.grades.list.watch({ childId: DEMO.maria }, l, { onError: e }),
      1,
    );
    assert.equal(snapshots[0]?.fresh, true);
  });

  it('treats a kept answer that breaks the schema as a contract error, then fetches', async () => {
    const storage = memoryStorage();
    const diary = await parentClient({ storage });
    await diary.grades.list({ childId: DEMO.maria });
    const store = storage(`${server.url}/${diary.session.user?.id}`);
    for (const key of await store.keys())
      await store.set(key, { body: { items: [{ id: 1 }] }, savedAt: 0 });
    const { snapshots, errors } = await collect(
      (l, e) => diary.grades.list.watch({ childId: DEMO.maria }, l, { onError: e }),
      1,
    );
    assert.ok(errors[0] instanceof DiaryContractError);
    assert.equal(snapshots[0]?.fresh, true);
  });

  it("keeps each user's cache apart and wipes it on logout", async () => {
    const namespaces: string[] = [];
    const memory = memoryStorage();
    const storage: DiaryStorage = (namespace) => {
      namespaces.push(namespace);
      return memory(namespace);
    };
    const mother = await parentClient({ storage });
    await mother.grades.list({ childId: DEMO.maria });
    const father = await parentClient({ storage }, DEMO.otherParent);
    await father.grades.list({ childId: DEMO.alexander });
    const motherStore = memory(`${server.url}/${mother.session.user?.id}`);
    const fatherStore = memory(`${server.url}/${father.session.user?.id}`);
    assert.equal((await motherStore.keys()).length, 1);
    assert.equal((await fatherStore.keys()).length, 1);
    assert.notEqual(mother.session.user?.id, father.session.user?.id);
    await mother.auth.logout();
    assert.deepEqual(await motherStore.keys(), []);
    assert.equal((await fatherStore.keys()).length, 1, "another user's cache stays");
  });
});
