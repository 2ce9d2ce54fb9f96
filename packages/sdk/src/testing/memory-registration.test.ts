import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorMessage, type RegisterInput } from '@school-diary/core';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';
import { MEMORY_CODE } from './memory-diary';

const PARENT: RegisterInput = {
  phone: '+79995551234',
  password: 'тихий вечер у реки',
  lastName: 'Соколова',
  firstName: 'Анна',
  middleName: 'Игоревна',
  snils: '112-233-445 95',
  passport: '4510 123456',
};

/** The error a call fails with. */
const failure = async (call: Promise<unknown>): Promise<DiaryApiError> => {
  const error = await call.catch((e: unknown) => e);
  assert.ok(error instanceof DiaryApiError, String(error));
  return error;
};

describe('memory client: a parent registers and confirms their phone', () => {
  it('makes an unconfirmed account, confirms it with the code, and the parent signs in', async () => {
    const client = createMemoryClient({ signedInAs: null });
    const other = { ...PARENT, snils: '987-654-321 83' };
    const { user, challenge } = await client.auth.register(other);
    assert.ok(client.memory.data.users.some((u) => u.id === user.id));
    assert.equal(user.identityStatus, 'unconfirmed');
    assert.equal(challenge.sentTo, '+7 999 ***-**-34');
    const wrong = await failure(
      client.auth.confirmIdentity({ challengeId: challenge.challengeId, code: '000000' }),
    );
    assert.deepEqual(
      wrong.fields.map((f) => [f.path, f.code]),
      [['code', 'wrong_code']],
    );
    const confirmed = await client.auth.confirmIdentity({
      challengeId: challenge.challengeId,
      code: MEMORY_CODE,
    });
    assert.equal(confirmed.identityStatus, 'confirmed_sms');
    assert.equal(confirmed.id, user.id);
    const spent = await failure(
      client.auth.confirmIdentity({ challengeId: challenge.challengeId, code: MEMORY_CODE }),
    );
    assert.equal(spent.status, 400);
    const login = await client.auth.login({ phone: other.phone, password: other.password });
    const session = await client.auth.verify({
      challengeId: login.challengeId,
      code: MEMORY_CODE,
    });
    assert.equal(session.user.id, user.id);
    client.close();
  });

  it('refuses each bad field with core’s code and message in the caller’s language', async () => {
    const client = createMemoryClient({ signedInAs: null, language: 'en' });
    const bad = await failure(
      client.auth.register({
        ...PARENT,
        phone: '+74951234567',
        snils: '112-233-445 96',
        password: 'short',
        lastName: 'Smith',
      }),
    );
    assert.equal(bad.status, 400);
    const codes = Object.fromEntries(bad.fields.map((f) => [f.path, f.code]));
    assert.deepEqual(codes, {
      phone: 'not_mobile',
      password: 'too_short',
      lastName: 'latin_letters',
      snils: 'checksum',
    });
    const snils = bad.fields.find((f) => f.path === 'snils');
    assert.equal(snils?.message, errorMessage('checksum', { lang: 'en', field: 'snils' }));
    const weak = await failure(client.auth.register({ ...PARENT, password: 'аааааааааааааа' }));
    assert.deepEqual(
      weak.fields.map((f) => [f.path, f.code]),
      [['password', 'weak_password']],
    );
    client.close();
  });

  it('answers a taken phone or SNILS like a new account, but makes none and takes no code', async () => {
    const client = createMemoryClient({ signedInAs: null });
    const ivanova = client.memory.data.users.find((u) => u.id === 'usr_parent_ivanova');
    assert.ok(ivanova);
    const users = client.memory.data.users.length;
    for (const input of [
      { ...PARENT, phone: ivanova.phone },
      { ...PARENT, snils: '123-456-789 64' },
    ]) {
      const { user, challenge } = await client.auth.register(input);
      assert.equal(user.identityStatus, 'unconfirmed');
      assert.equal(
        challenge.sentTo,
        `${input.phone.slice(0, 2)} ${input.phone.slice(2, 5)} ***-**-${input.phone.slice(-2)}`,
      );
      const refused = await failure(
        client.auth.confirmIdentity({ challengeId: challenge.challengeId, code: MEMORY_CODE }),
      );
      assert.equal(refused.status, 400);
    }
    assert.equal(client.memory.data.users.length, users);
    client.close();
  });
});
