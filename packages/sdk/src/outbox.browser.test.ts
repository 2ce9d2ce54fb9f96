import '../test-support/mocha-globals';
import { expect } from '@open-wc/testing';
import { diaryServerUrl, openTab, page, reloadTab, until, type Tab } from '../test-support/browser';
import { DEMO, signIn } from '../test-support/demo';
import { offlineKey } from '../test-support/tab-state';

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
    const history = await tab.window.diary.threads.messages({
      threadId: DEMO.mariaMathThread,
      limit: 100,
    });
    const sent = history.items.filter((m) => m.text.startsWith(tag));
    expect(sent.map((m) => m.text)).to.deep.equal([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
    expect(sent.map((m) => m.id)).to.deep.equal(written.map((i) => i.id));
  });
});
