import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  routeGroups,
  routeManifest,
  routes,
  type Message,
  type RouteGroupName,
  type Routes,
} from '@school-diary/core';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import { createClient, createLazyClient, type GroupLoader } from './create-client';
import { createDiaryClient } from './create-diary-client';
import { DiaryContractError, DiaryNetworkError } from './errors';
import { createOutbox } from './outbox';

let server: DiaryServer;
const network = controlFetch();
const closers: (() => void)[] = [];

before(async () => {
  server = await startDiaryServer();
});
after(async () => {
  for (const close of closers) close();
  await server.stop();
});

/** Core's real group loader, counting its loads, failing the next `failures` of a group. */
function countingLoader() {
  const loads = new Map<string, number>();
  const failing = new Map<string, number>();
  const load: GroupLoader = async (group) => {
    loads.set(group, (loads.get(group) ?? 0) + 1);
    const left = failing.get(group) ?? 0;
    if (left > 0) {
      failing.set(group, left - 1);
      throw new TypeError(`Failed to fetch dynamically imported module: ${group}.js`);
    }
    return (await routeGroups[group as RouteGroupName]()).operations as never;
  };
  return {
    load,
    loads: (group: string) => loads.get(group) ?? 0,
    fail: (group: string, times = 1) => failing.set(group, times),
  };
}

async function signedInClient() {
  const loader = countingLoader();
  const client = createLazyClient<Routes>(
    {
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
      validateResponses: true,
    },
    routeManifest,
    loader.load,
  );
  closers.push(() => client.close());
  await signIn(client, server.url, DEMO.parent);
  return { client, loader };
}

/** Collects the unhandled rejections of the process while `run` runs (and a turn after). */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

describe('schemas loaded per group on first use', () => {
  it("loads a group's schemas on its first call, once however many calls start together", async () => {
    const { client, loader } = await signedInClient();
    assert.equal(loader.loads('auth'), 1, 'login and verify share one load of auth');
    assert.equal(loader.loads('grades'), 0, 'nothing of grades before its first call');
    const froms = Array.from({ length: 10 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`);
    const answers = await Promise.all(
      froms.map((from) => client.grades.list({ childId: DEMO.maria, from })),
    );
    assert.equal(loader.loads('grades'), 1);
    for (const [i, { items }] of answers.entries()) {
      assert.ok(items.length > 0, froms[i]);
      assert.ok(items.every((mark) => mark.date >= (froms[i] ?? '')));
    }
    await client.grades.summary({ childId: DEMO.maria });
    assert.equal(loader.loads('grades'), 1, 'a later call of the group loads nothing');
    assert.equal(loader.loads('children'), 0);
    // Operations without schemas (a DELETE answered by 204) load nothing at all.
    assert.equal(loader.loads('thresholds'), 0);
  });

  it('rejects the calls of a group whose load fails with load_failed, and loads again next time', async () => {
    const { client, loader } = await signedInClient();
    loader.fail('children');
    const unhandled = await unhandledDuring(async () => {
      const calls = [client.children.list(), client.children.get({ childId: DEMO.maria })];
      for (const call of calls)
        await assert.rejects(call, (error: unknown) => {
          assert.ok(error instanceof DiaryNetworkError);
          assert.equal(error.code, 'load_failed');
          assert.match(error.message, /children/);
          assert.ok(error.cause instanceof TypeError);
          return true;
        });
    });
    assert.deepEqual(unhandled, []);
    assert.equal(loader.loads('children'), 1, 'both calls waited for the same failed load');
    const { items } = await client.children.list();
    assert.deepEqual(items.map((c) => c.id).sort(), [DEMO.maria, DEMO.petr]);
    assert.equal(loader.loads('children'), 2);
  });

  it('leaves no unhandled rejection when a call is aborted while its group fails to load', async () => {
    const { client, loader } = await signedInClient();
    loader.fail('homework');
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    const unhandled = await unhandledDuring(async () => {
      await assert.rejects(
        client.homework.list({ childId: DEMO.maria }, { signal: controller.signal }),
        (error: unknown) =>
          error === controller.signal.reason ||
          (error instanceof DiaryNetworkError && error.code === 'load_failed'),
      );
    });
    assert.deepEqual(unhandled, []);
  });

  it('reports a failed load to a watcher and recovers on its next fetch', async () => {
    const { client, loader } = await signedInClient();
    loader.fail('attendance');
    const errors: unknown[] = [];
    const snapshots: unknown[] = [];
    const unhandled = await unhandledDuring(async () => {
      const stop = client.attendance.list.watch(
        { childId: DEMO.maria },
        ({ data }) => snapshots.push(data),
        { onError: (error) => errors.push(error) },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      stop();
    });
    assert.deepEqual(unhandled, []);
    assert.equal(snapshots.length, 0);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof DiaryNetworkError && errors[0].code === 'load_failed');
    const fresh = await new Promise<unknown>((resolve, reject) => {
      const stop = client.attendance.list.watch(
        { childId: DEMO.maria },
        ({ data }) => {
          stop();
          resolve(data);
        },
        { onError: reject },
      );
    });
    assert.ok(fresh && typeof fresh === 'object');
    assert.equal(loader.loads('attendance'), 2);
  });

  it('still answers a broken contract with DiaryContractError after a lazy load', async () => {
    const client = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
    });
    closers.push(() => client.close());
    await signIn(client, server.url, DEMO.parent);
    network.inject(
      { kind: 'rewrite', change: () => ({ items: [{ id: 'mrk_1', value: 'пять' }] }) },
      { match: (request) => request.url.pathname.endsWith('/portfolio') },
    );
    await assert.rejects(client.portfolio.list({ childId: DEMO.maria }), (error: unknown) => {
      assert.ok(error instanceof DiaryContractError);
      assert.equal(error.operation, 'GET /api/v1/children/{childId}/portfolio');
      assert.ok(error.issues.some((issue) => issue.path.startsWith('items.0')));
      return true;
    });
    // The same group, now loaded, checks the next answer as well.
    const { items } = await client.portfolio.list({ childId: DEMO.maria });
    assert.ok(Array.isArray(items));
  });

  it('sends through the outbox of a createClient client, loading threads on the first send', async () => {
    const client = createClient({
      validateResponses: true,
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
      routes: { auth: { login: routes.auth.login, verify: routes.auth.verify } },
    });
    closers.push(() => client.close());
    await signIn(client, server.url, DEMO.parent);
    const outbox = createOutbox(client);
    const sent = new Promise<Message>((resolve) => outbox.onSent((message) => resolve(message)));
    const item = await outbox.send({ threadId: DEMO.mariaMathThread, text: 'Спасибо за урок' });
    const message = await sent;
    assert.equal(message.id, item.id);
    assert.equal(message.text, 'Спасибо за урок');
    assert.deepEqual(outbox.items, []);
  });
});
