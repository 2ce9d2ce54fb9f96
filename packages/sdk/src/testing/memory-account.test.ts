import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';
import { MEMORY_CODE, MEMORY_PASSWORD } from './memory-diary';

describe('memory client: one’s own account', () => {
  it('edits the profile, moves to a new phone by code, and checks the current password', async () => {
    const client = createMemoryClient();
    const me = await client.auth.updateMe({ firstName: 'Елизавета', email: '' });
    assert.equal(me.firstName, 'Елизавета');
    assert.equal(me.email, undefined);
    assert.equal((await client.auth.me()).firstName, 'Елизавета');

    const challenge = await client.auth.changePhone({ phone: '+79995550011' });
    const wrong = await client.auth
      .confirmPhone({ challengeId: challenge.challengeId, code: '000000' })
      .catch((e: unknown) => e);
    assert.ok(wrong instanceof DiaryApiError);
    assert.equal(wrong.fields[0]?.path, 'code');
    const moved = await client.auth.confirmPhone({
      challengeId: challenge.challengeId,
      code: MEMORY_CODE,
    });
    assert.equal(moved.phone, '+79995550011');

    const bad = await client.auth
      .changePassword({ currentPassword: 'nope', newPassword: 'Школа-2026-дневник' })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof DiaryApiError);
    assert.equal(bad.fields[0]?.path, 'currentPassword');
    await client.auth.changePassword({
      currentPassword: MEMORY_PASSWORD,
      newPassword: 'Школа-2026-дневник',
    });
    assert.equal((await client.auth.me()).id, me.id);
    client.close();
  });

  it('lists the sessions and signs one out, then every other', async () => {
    const client = createMemoryClient();
    const me = await client.auth.me();
    const phone = client.memory.issue(me.id);
    const tablet = client.memory.issue(me.id);
    const { items } = await client.auth.sessions();
    assert.equal(items.length, 3);
    assert.equal(items.filter((s) => s.current).length, 1);
    const phoneSession = items.find((s) => !s.current);
    assert.ok(phoneSession);
    await client.auth.revokeSession({ sessionId: phoneSession.id });
    assert.equal((await client.auth.sessions()).items.length, 2);
    await client.auth.revokeOtherSessions();
    const left = await client.auth.sessions();
    assert.deepEqual(
      left.items.map((s) => s.current),
      [true],
    );
    for (const gone of [phone, tablet])
      assert.throws(() => client.memory.authenticate(gone.accessToken));
    const strangers = await client.auth
      .revokeSession({ sessionId: 'fam_nobody' })
      .catch((e: unknown) => e);
    assert.equal((strangers as DiaryApiError).status, 404);
    client.close();
  });
});

describe('memory client: sign-in identities, as a server without identity providers', () => {
  it('offers no provider, lists no linked identity, and answers 404 to an unlink', async () => {
    const client = createMemoryClient();
    assert.deepEqual((await client.auth.providers()).items, []);
    assert.deepEqual((await client.auth.identities()).items, []);
    const unlink = await client.auth.unlinkIdentity({ provider: 'esia' }).catch((e: unknown) => e);
    assert.ok(unlink instanceof DiaryApiError);
    assert.equal(unlink.status, 404);
    client.close();
  });
});
