import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge, ErrorResponse, Session, SignInSession, User } from '@school-diary/core';
import { DEMO, DEMO_PASSWORD } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { deviceName } from '../services/device-name';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

describe('the account: profile, phone, sessions', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** Signs in from a browser with the given `User-Agent`. */
  async function signIn(phone: string, userAgent: string): Promise<Session> {
    const headers = { 'user-agent': userAgent };
    const started = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
      headers,
    });
    const code = await server.lastCode(phone);
    const verified = await server.call<Session>('POST', '/api/v1/auth/verify', {
      body: { challengeId: started.body.challengeId, code },
      headers,
    });
    assert.equal(verified.status, 200, verified.text);
    return verified.body;
  }

  it('names the device from its User-Agent', () => {
    assert.equal(deviceName(IPHONE), 'Safari, iPhone');
    assert.equal(deviceName(WINDOWS), 'Chrome, Windows');
    assert.equal(deviceName('curl/8.0'), undefined);
  });

  it('changes names and e-mail, and rejects a bad e-mail on its field in ru and en', async () => {
    const { accessToken: token } = await signIn(DEMO.users.parentPetrov.phone, WINDOWS);
    const changed = await server.call<User>('PATCH', '/api/v1/auth/me', {
      token,
      body: { firstName: 'Пётр', email: 'Petrov@Mail.ru' },
    });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.email, 'Petrov@mail.ru');
    const me = await server.call<User>('GET', '/api/v1/auth/me', { token });
    assert.equal(me.body.firstName, 'Пётр');
    for (const lang of ['ru', 'en']) {
      const bad = await server.call<ErrorResponse>('PATCH', '/api/v1/auth/me', {
        token,
        lang,
        body: { email: 'not an address' },
      });
      assert.equal(bad.status, 400);
      const field = bad.body.error.fields?.find((f) => f.path === 'email');
      assert.ok(field, bad.text);
      assert.match(field.message, lang === 'ru' ? /[а-я]/i : /^[^а-я]+$/i);
    }
    const cleared = await server.call<User>('PATCH', '/api/v1/auth/me', {
      token,
      body: { email: '' },
    });
    assert.equal(cleared.body.email, undefined);
  });

  it('moves the account to a new phone only with the code sent to that phone', async () => {
    const { accessToken: token } = await signIn(DEMO.users.parentNew.phone, WINDOWS);
    const newPhone = '+79995550017';
    const started = await server.call<Challenge>('POST', '/api/v1/auth/me/phone', {
      token,
      body: { phone: newPhone },
    });
    assert.equal(started.status, 200, started.text);
    assert.equal(started.body.sentTo, '+7 999 ***-**-17');
    const wrong = await server.call<ErrorResponse>('POST', '/api/v1/auth/me/phone/confirm', {
      token,
      body: { challengeId: started.body.challengeId, code: '000000' },
    });
    assert.equal(wrong.status, 400, wrong.text);
    // Another signed-in user cannot use the code.
    const other = await signIn(DEMO.users.parentIvanova.phone, WINDOWS);
    const code = await server.lastCode(newPhone);
    const stolen = await server.call<ErrorResponse>('POST', '/api/v1/auth/me/phone/confirm', {
      token: other.accessToken,
      body: { challengeId: started.body.challengeId, code },
    });
    assert.notEqual(stolen.status, 200);
    const again = await server.call<Challenge>('POST', '/api/v1/auth/me/phone', {
      token,
      body: { phone: newPhone },
    });
    const confirmed = await server.call<User>('POST', '/api/v1/auth/me/phone/confirm', {
      token,
      body: { challengeId: again.body.challengeId, code: await server.lastCode(newPhone) },
    });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.body.phone, newPhone);
  });

  it('answers a number of another account like a free one, and sends it no code', async () => {
    const { accessToken: token } = await signIn(DEMO.users.parentIvanova.phone, WINDOWS);
    const taken = DEMO.users.parentPetrov.phone;
    const before = await server.lastCode(taken).catch(() => '');
    const res = await server.call<Challenge>('POST', '/api/v1/auth/me/phone', {
      token,
      body: { phone: taken },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(await server.lastCode(taken).catch(() => ''), before);
  });

  it('lists sessions with device and place, signs one out, then every other', async () => {
    const phone = DEMO.users.admin17.phone;
    const laptop = await signIn(phone, WINDOWS);
    const iphone = await signIn(phone, IPHONE);
    const third = await signIn(phone, WINDOWS);
    const list = await server.call<{ items: SignInSession[] }>('GET', '/api/v1/auth/sessions', {
      token: laptop.accessToken,
    });
    const devices = list.body.items.map((i) => i.device).sort();
    assert.deepEqual(devices, ['Chrome, Windows', 'Chrome, Windows', 'Safari, iPhone']);
    assert.ok(list.body.items.every((i) => i.place === '127.0.0.1'));
    const current = list.body.items.filter((i) => i.current);
    assert.equal(current.length, 1);
    const phoneSession = list.body.items.find((i) => i.device === 'Safari, iPhone');
    assert.ok(phoneSession);
    const revoked = await server.call('DELETE', `/api/v1/auth/sessions/${phoneSession.id}`, {
      token: laptop.accessToken,
    });
    assert.equal(revoked.status, 204);
    const me = (token: string) => server.call('GET', '/api/v1/auth/me', { token });
    assert.equal((await me(iphone.accessToken)).status, 401);
    const others = await server.call('POST', '/api/v1/auth/sessions/revoke-others', {
      token: laptop.accessToken,
    });
    assert.equal(others.status, 204);
    assert.equal((await me(third.accessToken)).status, 401);
    assert.equal((await me(laptop.accessToken)).status, 200);
    const left = await server.call<{ items: SignInSession[] }>('GET', '/api/v1/auth/sessions', {
      token: laptop.accessToken,
    });
    assert.equal(left.body.items.length, 1);
  });
});
