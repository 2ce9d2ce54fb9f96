import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, readCode, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import { createDiaryClient, type DiaryClientOptions } from './create-diary-client';
import { DiaryApiError } from './errors';
import type { SessionChange } from './session';
import type { SessionStorage, StoredSession } from './session-storage';

let server: DiaryServer;
before(async () => {
  server = await startDiaryServer();
});
after(() => server.stop());

/** A session store in memory, shared by the clients given it (like localStorage by tabs). */
function sharedStore(): SessionStorage & { value: StoredSession | undefined } {
  return {
    value: undefined,
    load() {
      return this.value;
    },
    save(session) {
      this.value = session;
    },
  };
}

const client = (options: Partial<DiaryClientOptions> = {}) =>
  createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    storage: false,
    syncTabs: false,
    ...options,
  });

describe('session', () => {
  it('logs in with a one-time code: login sends the code, verify starts the session', async () => {
    const changes: SessionChange[] = [];
    const diary = client({ onSessionChange: (change) => changes.push(change) });
    const challenge = await diary.auth.login({ phone: DEMO.parent, password: 'school-diary-demo' });
    assert.match(challenge.sentTo, /\*\*/);
    assert.equal(diary.session.signedIn, false);
    const session = await diary.auth.verify({
      challengeId: challenge.challengeId,
      code: await readCode(server.url, DEMO.parent),
    });
    assert.equal(session.user.phone, DEMO.parent);
    assert.equal(diary.session.user?.id, session.user.id);
    assert.deepEqual(changes, [{ type: 'signed-in', user: session.user }]);
    const me = await diary.auth.me();
    assert.equal(me.id, session.user.id);
    diary.close();
  });

  it('rejects a wrong code with the server error and stays signed out', async () => {
    const diary = client({ language: 'en' });
    const { challengeId } = await diary.auth.login({
      phone: DEMO.parent,
      password: 'school-diary-demo',
    });
    const correct = await readCode(server.url, DEMO.parent);
    const wrong = correct === '000000' ? '111111' : '000000';
    const error = await diary.auth.verify({ challengeId, code: wrong }).catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.code, 'code_invalid');
    assert.equal(diary.session.signedIn, false);
    diary.close();
  });

  it('refreshes once when ten requests fail together with 401, then retries them all', async () => {
    const store = sharedStore();
    const first = client({ persistSession: store });
    await signIn(first, server.url, DEMO.parent);
    first.close();
    // The next page load starts with an access token the server no longer accepts.
    store.value = { ...(store.value as StoredSession), accessToken: 'at_revoked_or_unknown' };
    const network = controlFetch();
    const changes: SessionChange['type'][] = [];
    const second = client({
      persistSession: store,
      fetch: network.fetch,
      onSessionChange: (change) => changes.push(change.type),
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? second.children.list() : second.auth.me().then(() => second.children.list()),
      ),
    );
    assert.equal(answers.length, 10);
    assert.equal(network.count('/auth/refresh'), 1, 'one refresh for all of them');
    assert.deepEqual(changes, ['signed-in', 'refreshed']);
    assert.notEqual(store.value?.accessToken, 'at_revoked_or_unknown', 'the new tokens are kept');
    second.close();
  });

  it('renews the access token shortly before it expires, by the injected clock', async () => {
    let now = Date.now();
    const network = controlFetch();
    const diary = client({ fetch: network.fetch, now: () => now, refreshMarginSeconds: 60 });
    await signIn(diary, server.url, DEMO.parent);
    await diary.children.list();
    assert.equal(network.count('/auth/refresh'), 0);
    now += 14.5 * 60 * 1000; // the access token lives 15 minutes
    await diary.children.list();
    assert.equal(network.count('/auth/refresh'), 1, 'renewed before the request');
    await diary.children.list();
    assert.equal(network.count('/auth/refresh'), 1, 'and not again');
    diary.close();
  });

  it('signs out both holders of a session when a spent refresh token is presented again', async () => {
    const store = sharedStore();
    const changes: SessionChange[] = [];
    const thief = client({ persistSession: store });
    await signIn(thief, server.url, DEMO.parent);
    const stolen = { ...(store.value as StoredSession) };
    const owner = client({
      persistSession: sharedStore(),
      onSessionChange: (change) => changes.push(change),
    });
    await owner.session.ready;
    // The owner holds a copy of the same tokens and rotates them legitimately.
    await owner.session.adopt({
      accessToken: stolen.accessToken,
      refreshToken: stolen.refreshToken,
      expiresIn: 900,
      user: stolen.user,
    });
    assert.equal(await owner.auth.refresh().then((u) => u?.id), stolen.user.id);
    // The copy's refresh token is now spent: presenting it revokes the whole family.
    const reused = await thief.auth.refresh();
    assert.equal(reused, undefined);
    assert.equal(thief.session.signedIn, false);
    const error = await owner.children.list().catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.status, 401);
    assert.equal(owner.session.signedIn, false);
    assert.deepEqual(changes.at(-1), { type: 'signed-out', reason: 'revoked' });
    thief.close();
    owner.close();
  });

  it('logs out: revokes the session on the server and forgets the tokens', async () => {
    const store = sharedStore();
    const changes: SessionChange[] = [];
    const diary = client({ persistSession: store, onSessionChange: (c) => changes.push(c) });
    await signIn(diary, server.url, DEMO.parent);
    const { accessToken } = store.value as StoredSession;
    await diary.auth.logout();
    assert.equal(diary.session.signedIn, false);
    assert.equal(store.value, undefined);
    assert.deepEqual(changes.at(-1), { type: 'signed-out', reason: 'logout' });
    const response = await fetch(`${server.url}/api/v1/children`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    assert.equal(response.status, 401, 'the old access token is revoked');
    diary.close();
  });

  it('restores a kept session on start-up and tells onSessionChange', async () => {
    const store = sharedStore();
    const first = client({ persistSession: store });
    await signIn(first, server.url, DEMO.parent);
    first.close();
    const changes: SessionChange[] = [];
    const second = client({ persistSession: store, onSessionChange: (c) => changes.push(c) });
    await second.ready;
    assert.equal(changes[0]?.type, 'signed-in');
    assert.equal((await second.children.list()).items.length, 2);
    second.close();
  });

  it('treats a damaged kept session as signed out', async () => {
    const diary = client({ persistSession: { load: () => ({ accessToken: 1 }), save() {} } });
    await diary.ready;
    assert.equal(diary.session.signedIn, false);
    diary.close();
  });

  it('lets another holder of a kept session adopt a rotation instead of refreshing again', async () => {
    const store = sharedStore();
    const a = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      storage: false,
      persistSession: store,
    });
    await signIn(a, server.url, DEMO.parent);
    const b = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      storage: false,
      persistSession: store,
    });
    await b.ready;
    await a.auth.refresh();
    // The rotation reaches b over the BroadcastChannel (Node has one, like browsers).
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(b.session.currentTokens()?.refreshToken, a.session.currentTokens()?.refreshToken);
    await b.children.list();
    await a.children.list();
    assert.ok(a.session.signedIn && b.session.signedIn);
    await a.auth.logout();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(b.session.signedIn, false, 'a sign-out reaches the other holder');
    a.close();
    b.close();
  });
});
