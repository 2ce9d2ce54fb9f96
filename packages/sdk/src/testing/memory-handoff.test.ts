import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

describe('memory client: the QR hand-off', () => {
  it('signs a second device in once, after the first allows it', async () => {
    const laptop = createMemoryClient();
    const phone = createMemoryClient({ memory: laptop.memory, signedInAs: null });
    const created = await laptop.auth.createHandoff();
    const claim = await phone.auth.claimHandoff({ token: created.token });
    assert.equal((await laptop.auth.handoff({ handoffId: created.id })).status, 'claimed');
    const waiting = await phone.auth.redeemHandoff({
      id: claim.id,
      claimSecret: claim.claimSecret,
    });
    assert.equal(waiting.status, 'waiting');
    assert.equal(phone.session.signedIn, false);
    await laptop.auth.decideHandoff({ handoffId: created.id, approve: true });
    const done = await phone.auth.redeemHandoff({ id: claim.id, claimSecret: claim.claimSecret });
    assert.equal(done.status, 'signed_in');
    assert.equal(phone.session.user?.id, laptop.session.user?.id, 'the SDK adopted the session');
    assert.equal((await phone.auth.sessions()).items.length, 2);
    const again = await phone.auth.claimHandoff({ token: created.token }).catch((e: unknown) => e);
    assert.ok(again instanceof DiaryApiError);
    assert.equal(again.code, 'handoff_used');
    assert.match(again.message, /уже использован/);
    laptop.close();
    phone.close();
  });

  it('refuses an expired token', async () => {
    let now = new Date('2026-11-24T09:00:00.000Z');
    const client = createMemoryClient({ now: () => now });
    const created = await client.auth.createHandoff();
    now = new Date(now.getTime() + 121_000);
    const late = await client.auth.claimHandoff({ token: created.token }).catch((e: unknown) => e);
    assert.equal((late as DiaryApiError).status, 410);
    client.close();
  });
});
