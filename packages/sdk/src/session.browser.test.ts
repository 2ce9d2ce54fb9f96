import '../test-support/mocha-globals';
import { expect } from '@open-wc/testing';
import { diaryServerUrl, openTab, page, until, type Tab } from '../test-support/browser';
import { DEMO, signIn } from '../test-support/demo';

describe('one session across browser tabs (Chromium)', () => {
  let server: string;
  let first: Tab;
  let second: Tab;
  const key = `tabs-test-${Date.now()}`;

  before(async () => {
    server = await diaryServerUrl();
    first = await openTab(server, key);
    await signIn(first.window.diary, server, DEMO.parent);
    second = await openTab(server, key);
  });
  after(() => {
    first.frame.remove();
    second.frame.remove();
    page.localStorage.clear();
  });

  it('opens a second tab signed in with the kept session', () => {
    expect(second.window.diary.session.user?.id).to.equal(first.window.diary.session.user?.id);
  });

  it('refreshes once when both tabs find the token expiring, and neither is logged out', async () => {
    for (const tab of [first, second]) tab.window.tab.skew = 14.5 * 60 * 1000;
    const [a, b] = await Promise.all([
      first.window.diary.children.list(),
      second.window.diary.children.list(),
    ]);
    // Other test files share this server and may add children: both tabs must see the same list.
    expect(a.items.length).to.be.greaterThan(0);
    expect(b.items.map((c) => c.id)).to.deep.equal(a.items.map((c) => c.id));
    expect(first.window.tab.refreshes + second.window.tab.refreshes).to.equal(1);
    const tokens = [first, second].map((t) => t.window.diary.session.currentTokens()?.refreshToken);
    expect(tokens[0]).to.equal(tokens[1]);
    // Both keep working with the rotated tokens: the server saw no reuse of a spent one.
    await Promise.all([first.window.diary.auth.me(), second.window.diary.auth.me()]);
    expect(first.window.tab.changes).to.not.include('signed-out:revoked');
    expect(second.window.tab.changes).to.not.include('signed-out:revoked');
  });

  it('signs the other tab out when one tab logs out', async () => {
    await first.window.diary.auth.logout();
    await until(() => !second.window.diary.session.signedIn, 'the second tab to sign out');
    expect(second.window.tab.changes.at(-1)).to.equal('signed-out:other-tab');
  });
});
