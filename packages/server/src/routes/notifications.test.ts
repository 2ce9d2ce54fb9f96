import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Notification } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe('notifications: the feed', () => {
  let server: TestServer;
  let ivanova: string;
  let petrov: string;

  before(async () => {
    server = await startTestServer();
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    const admin = (await server.login(U.admin42.phone)).accessToken;
    // Two status changes give Ivanova two notifications.
    const body = { childId: DEMO.children.petr.id, schoolYear: '2027/2028' };
    const created = await server.call<{ id: string }>('POST', '/api/v1/applications', {
      token: ivanova,
      body,
    });
    await server.call('POST', `/api/v1/applications/${created.body.id}/status`, {
      token: admin,
      body: { status: 'checking' },
    });
  });
  after(() => server.close());

  const feed = (token: string, query: Record<string, string> = {}) =>
    server.call<Page<Notification>>('GET', '/api/v1/notifications', { token, query });

  it('lists only the signed-in user’s notifications, newest first, in pages', async () => {
    const all = await feed(ivanova);
    assert.equal(all.status, 200, all.text);
    assert.equal(all.body.total, 2);
    assert.match(all.body.items[0]?.body ?? '', /на проверке/);
    const second = await feed(ivanova, { pageSize: '1', page: '2' });
    assert.deepEqual(second.body.items, [all.body.items[1]]);
    assert.equal((await feed(petrov)).body.total, 0);
  });

  it('marks one read, answers 404 for another user’s, and narrows the feed to unread', async () => {
    const [first] = (await feed(ivanova)).body.items;
    assert.ok(first);
    const stranger = await server.call('POST', `/api/v1/notifications/${first.id}/read`, {
      token: petrov,
    });
    assert.equal(stranger.status, 404);
    const read = await server.call<Notification>('POST', `/api/v1/notifications/${first.id}/read`, {
      token: ivanova,
    });
    assert.equal(read.status, 200, read.text);
    assert.ok(read.body.readAt);
    const again = await server.call<Notification>(
      'POST',
      `/api/v1/notifications/${first.id}/read`,
      { token: ivanova },
    );
    assert.equal(again.body.readAt, read.body.readAt);
    const unread = await feed(ivanova, { unread: 'true' });
    assert.equal(unread.body.total, 1);
    assert.ok(unread.body.items.every((n) => n.id !== first.id));
  });

  it('marks every notification read', async () => {
    const res = await server.call<{ ok: true }>('POST', '/api/v1/notifications/read-all', {
      token: ivanova,
    });
    assert.deepEqual(res.body, { ok: true });
    assert.equal((await feed(ivanova, { unread: '1' })).body.total, 0);
    assert.equal((await feed(ivanova)).body.total, 2);
  });
});
