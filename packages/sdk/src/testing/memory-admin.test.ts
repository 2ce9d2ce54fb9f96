import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { demoFixtures } from './fixtures';
import { createMemoryClient } from './memory-client';

/** The error a call fails with (the test fails when it succeeds). */
async function failure(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(e instanceof DiaryApiError, `expected a DiaryApiError, got ${String(e)}`);
  return { status: e.status, code: e.code, fields: e.fields.map((f) => [f.path, f.code]) };
}

describe("memory client: the school admin's identity desk", () => {
  it('finds a parent by phone and SNILS together, and nobody when either differs', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const found = await client.admin.findUser({ phone: '+7 999 000-00-04', snils: '11223344595' });
    assert.deepEqual(
      found.items.map((u) => [u.id, u.identityStatus]),
      [['usr_parent_ivanov', 'unconfirmed']],
    );
    const wrong = await client.admin.findUser({ phone: '+79990000004', snils: '123-456-789 64' });
    assert.deepEqual(wrong.items, []);
    // A phone alone finds only the school's own families: Иванов has no child there yet.
    assert.deepEqual((await client.admin.findUser({ phone: '+79990000004' })).items, []);
    const own = await client.admin.findUser({ phone: '+79990000001' });
    assert.deepEqual(
      own.items.map((u) => u.id),
      ['usr_parent_ivanova'],
    );
    client.close();
  });

  it('confirms an identity in person only for the phone and SNILS of the user named', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const mismatch = await failure(
      client.admin.confirmIdentityInPerson({
        userId: 'usr_parent_ivanova',
        phone: '+79990000004',
        snils: '112-233-445 95',
        document: 'passport',
      }),
    );
    assert.deepEqual([mismatch.status, mismatch.code], [404, 'not_found']);
    const bad = await failure(
      client.admin.confirmIdentityInPerson({
        userId: 'usr_parent_ivanov',
        phone: '+79990000004',
        snils: '112-233-445 96',
        document: 'passport',
      }),
    );
    assert.deepEqual(bad.fields, [['snils', 'checksum']]);
    const confirmed = await client.admin.confirmIdentityInPerson({
      userId: 'usr_parent_ivanov',
      phone: '+79990000004',
      snils: '112-233-445 95',
      document: 'mfc_certificate',
    });
    assert.equal(confirmed.identityStatus, 'confirmed_in_person');
    const again = await client.admin.findUser({ phone: '+79990000004', snils: '11223344595' });
    assert.equal(again.items[0]?.identityStatus, 'confirmed_in_person');
    client.close();
  });

  it("approves a second guardian's claim into the child's family, for the school's admin only", async () => {
    const fixtures = demoFixtures();
    const parent = createMemoryClient({ signedInAs: 'parent', fixtures });
    assert.equal((await failure(parent.admin.guardianClaims())).status, 403);
    parent.close();
    const client = createMemoryClient({ signedInAs: 'school_admin', fixtures });
    const { items } = await client.admin.guardianClaims();
    assert.deepEqual(
      items.map((c) => [c.id, c.status]),
      [['gcl_maria_ivanov', 'pending']],
    );
    const approved = await client.admin.approveGuardian({ claimId: 'gcl_maria_ivanov' });
    assert.equal(approved.status, 'approved');
    assert.deepEqual((await client.admin.guardianClaims()).items, []);
    assert.ok(
      fixtures.family.some((f) => f.userId === 'usr_parent_ivanov' && f.childId === 'chd_maria'),
    );
    const missing = await failure(client.admin.approveGuardian({ claimId: 'gcl_none' }));
    assert.equal(missing.status, 404);
    client.close();
  });
});
