import '../test-support/mocha-globals';
import { expect } from '@open-wc/testing';
import type { Mark } from '@school-diary/core';
import { createStore, keys } from 'idb-keyval';
import { diaryServerUrl, page, until } from '../test-support/browser';
import { DEMO, signIn } from '../test-support/demo';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import { localStorageSession } from './session-storage';
import type { Snapshot } from './watch';

describe('the IndexedDB cache (Chromium)', () => {
  let server: string;
  const clients: DiaryClient[] = [];
  const prefix = `cache-test-${Date.now()}`;
  const open = (fetchImpl?: typeof fetch) => {
    const diary = createDiaryClient({
      validateResponses: true,
      baseUrl: server,
      persistSession: localStorageSession(`${prefix}:session`),
      retry: { limit: 0 },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    clients.push(diary);
    return diary;
  };

  before(async () => {
    server = await diaryServerUrl();
    await signIn(open(), server, DEMO.parent);
  });
  after(() => {
    for (const diary of clients) diary.close();
    page.localStorage.clear();
  });

  it('shows the last marks from IndexedDB at once after a reload, then the fresh ones', async () => {
    const input = { childId: DEMO.maria, subjectId: DEMO.math };
    const first = clients[0] as DiaryClient;
    await first.grades.list(input);
    // A new client is what a reload makes: nothing in memory, the session and cache kept.
    const reloaded = open();
    const snapshots: Snapshot<{ items: Mark[] }>[] = [];
    const stop = reloaded.grades.list.watch(input, (s) => snapshots.push(s));
    await until(() => snapshots.length === 2, 'the cached and the fresh answer');
    stop();
    expect(snapshots.map((s) => s.fresh)).to.deep.equal([false, true]);
    expect(snapshots[0]?.data.items.length).to.be.greaterThan(0);
    expect(snapshots[1]?.data).to.deep.equal(snapshots[0]?.data);
  });

  it('keeps showing cached marks when the connection is gone', async () => {
    const offline = open(async () => {
      throw new TypeError('Failed to fetch');
    });
    const snapshots: Snapshot<{ items: Mark[] }>[] = [];
    const errors: unknown[] = [];
    offline.grades.list.watch(
      { childId: DEMO.maria, subjectId: DEMO.math },
      (s) => snapshots.push(s),
      {
        onError: (e) => errors.push(e),
      },
    );
    await until(() => errors.length === 1, 'the network error');
    expect(snapshots.length).to.equal(1);
    expect(snapshots[0]?.fresh).to.equal(false);
    expect((errors[0] as Error).name).to.equal('DiaryNetworkError');
  });

  it('wipes the user’s IndexedDB store on logout', async () => {
    const diary = clients[0] as DiaryClient;
    const userId = diary.session.user?.id;
    const store = createStore(`school-diary/${server}/${userId}`, 'kv');
    expect((await keys(store)).length).to.be.greaterThan(0);
    await diary.auth.logout();
    expect(await keys(store)).to.deep.equal([]);
  });
});
