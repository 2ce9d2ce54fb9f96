import '../test-support/mocha-globals';
import { expect } from '@open-wc/testing';
import { diaryServerUrl, openTab, page, reloadTab, until, type Tab } from '../test-support/browser';
import { DEMO, signIn } from '../test-support/demo';
import { controlFetch } from '../test-support/fetch-control';
import { offlineKey } from '../test-support/tab-state';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import { localStorageSession } from './session-storage';
import { indexedDbStorage } from './storage';

/** The requests that sent a message, among `METHOD /path` lines. */
const messagePosts = (requests: readonly string[]) =>
  requests.filter((r) => r.startsWith('POST ') && r.endsWith('/messages'));

/** The texts of the thread's messages that start with `tag`, oldest first. */
async function sentTexts(diary: DiaryClient, tag: string): Promise<string[]> {
  const history = await diary.threads.messages({ threadId: DEMO.mariaMathThread, limit: 100 });
  return history.items.filter((m) => m.text.startsWith(tag)).map((m) => m.text);
}

describe('the offline outbox across a page reload (Chromium)', () => {
  let server: string;
  let tab: Tab;
  const key = `outbox-test-${Date.now()}`;

  before(async () => {
    server = await diaryServerUrl();
    tab = await openTab(server, key);
    await signIn(tab.window.diary, server, DEMO.parent);
  });
  after(() => {
    tab.frame.remove();
    page.localStorage.clear();
  });

  it('keeps messages written offline in IndexedDB and sends them, in order and once, when online', async () => {
    page.localStorage.setItem(offlineKey(key), '1');
    const tag = `reload-${Date.now()}`;
    const written = [];
    for (const n of [1, 2, 3]) {
      written.push(
        await tab.window.diary.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} ${n}` }),
      );
    }
    await tab.window.diary.outbox.flush();
    expect(tab.window.diary.outbox.items.map((i) => i.state)).to.deep.equal([
      'pending',
      'pending',
      'pending',
    ]);

    tab = await reloadTab(tab); // the page is gone and back, still offline
    const outbox = tab.window.diary.outbox;
    await until(() => outbox.items.length === 3, 'the kept outbox to load');
    expect(outbox.items.map((i) => i.id)).to.deep.equal(written.map((i) => i.id));

    page.localStorage.removeItem(offlineKey(key));
    tab.window.dispatchEvent(new Event('online'));
    await until(() => outbox.items.length === 0, 'the outbox to empty');
    expect(messagePosts(tab.window.tab.requests)).to.have.length(3);
    const history = await tab.window.diary.threads.messages({
      threadId: DEMO.mariaMathThread,
      limit: 100,
    });
    const sent = history.items.filter((m) => m.text.startsWith(tag));
    expect(sent.map((m) => m.text)).to.deep.equal([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
    expect(sent.map((m) => m.id)).to.deep.equal(written.map((i) => i.id));
  });
});

describe('one kept queue, several outboxes (Chromium)', () => {
  let server: string;
  const clients: DiaryClient[] = [];
  const tabs: Tab[] = [];

  before(async () => {
    server = await diaryServerUrl();
  });
  after(() => {
    for (const diary of clients.splice(0)) diary.close();
    for (const tab of tabs.splice(0)) tab.frame.remove();
    page.localStorage.clear();
  });

  it('two clients of one page send each message once, and both hear it sent', async () => {
    const key = `outbox-page-${Date.now()}`;
    const network = controlFetch();
    // As two <diary-provider>s make them: one user's session and IndexedDB, a client each.
    const make = () => {
      const diary = createDiaryClient({
        baseUrl: server,
        persistSession: localStorageSession(`${key}:session`),
        storage: indexedDbStorage(key),
        retry: { limit: 0 },
        fetch: network.fetch,
      });
      clients.push(diary);
      return diary;
    };
    const first = make();
    await signIn(first, server, DEMO.parent);
    const second = make();
    await second.ready;
    const tag = `page-${Date.now()}`;
    const heard = { first: [] as string[], second: [] as string[] };
    first.outbox.onSent((m) => m.text.startsWith(tag) && heard.first.push(m.text));
    second.outbox.onSent((m) => m.text.startsWith(tag) && heard.second.push(m.text));

    network.offline();
    await first.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} 1` });
    await second.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} 2` });
    await until(
      () => first.outbox.items.length === 2 && second.outbox.items.length === 2,
      'both clients to see both queued messages',
    );

    network.online();
    (globalThis as unknown as { dispatchEvent(event: Event): boolean }).dispatchEvent(
      new Event('online'),
    );
    await until(
      () => first.outbox.items.length === 0 && second.outbox.items.length === 0,
      'the queue to empty',
    );
    await until(() => heard.first.length === 2 && heard.second.length === 2, 'both to hear');
    const reached = network.seen.filter(
      (r) => r.method === 'POST' && r.url.pathname.endsWith('/messages') && r.status !== undefined,
    );
    expect(reached).to.have.length(2);
    expect(heard.first).to.deep.equal([`${tag} 1`, `${tag} 2`]);
    expect(heard.second).to.deep.equal([`${tag} 1`, `${tag} 2`]);
    expect(await sentTexts(first, tag)).to.deep.equal([`${tag} 1`, `${tag} 2`]);
  });

  it('two tabs of the site send each message once when the connection returns', async () => {
    const key = `outbox-tabs-${Date.now()}`;
    const one = await openTab(server, key);
    tabs.push(one);
    await signIn(one.window.diary, server, DEMO.parent);
    const two = await openTab(server, key); // the same user's session and IndexedDB
    tabs.push(two);
    page.localStorage.setItem(offlineKey(key), '1');
    const tag = `tabs-${Date.now()}`;
    await one.window.diary.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} 1` });
    await two.window.diary.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} 2` });
    await one.window.diary.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} 3` });
    const both = [one.window.diary.outbox, two.window.diary.outbox];
    await until(() => both.every((o) => o.items.length === 3), 'both tabs to see the queue');

    page.localStorage.removeItem(offlineKey(key));
    one.window.dispatchEvent(new Event('online'));
    two.window.dispatchEvent(new Event('online'));
    await until(() => both.every((o) => o.items.length === 0), 'the queue to empty');
    const posts = [one, two].flatMap((t) => messagePosts(t.window.tab.requests));
    // The offline tries never reached the network: what is counted reached the server.
    expect(posts).to.have.length(3);
    expect(await sentTexts(one.window.diary, tag)).to.deep.equal([
      `${tag} 1`,
      `${tag} 2`,
      `${tag} 3`,
    ]);
  });
});
