import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge, ErrorResponse, Session, User } from '@school-diary/core';
import { DEMO, DEMO_PASSWORD } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const PARENT = DEMO.users.parentIvanova.phone;
const MIN = 60_000;

describe('auth: registration, one-time codes, sessions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const newParent = (phone: string) => ({
    phone,
    password: 'tikhiy-vecher-u-reki',
    lastName: 'Новикова',
    firstName: 'Светлана',
    middleName: '',
    snils: '112-233-445 95',
    passport: '45 12 345678',
  });

  it('registers a parent with normalised identifiers and confirms the identity by SMS code', async () => {
    const res = await server.call<{ user: User; challenge: Challenge }>(
      'POST',
      '/api/v1/auth/register',
      {
        body: newParent('8 (999) 555-01-01'),
      },
    );
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.user.phone, '+79995550101');
    assert.equal(res.body.user.identityStatus, 'unconfirmed');
    assert.equal(res.body.challenge.sentTo, '+7 999 ***-**-01');
    const code = await server.lastCode('+79995550101');
    const confirmed = await server.call<User>('POST', '/api/v1/auth/identity/confirm', {
      body: { challengeId: res.body.challenge.challengeId, code },
    });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.body.identityStatus, 'confirmed_sms');
  });

  it('names the failing field of a registration, in Russian by default and in English on request', async () => {
    const bad = { ...newParent('+7 999 555-01-02'), snils: '112-233-445 96' };
    const ru = await server.call<ErrorResponse>('POST', '/api/v1/auth/register', { body: bad });
    assert.equal(ru.status, 400);
    assert.equal(ru.body.error.code, 'validation_failed');
    assert.deepEqual(ru.body.error.fields, [
      {
        path: 'snils',
        code: 'checksum',
        message: 'Контрольное число СНИЛС не совпадает — проверьте цифры',
      },
    ]);
    const en = await server.call<ErrorResponse>('POST', '/api/v1/auth/register', {
      body: bad,
      lang: 'en-GB,en;q=0.9',
    });
    assert.match(en.body.error.fields[0]?.message ?? '', /SNILS/);
    assert.match(en.body.error.message, /Fix the errors/);
  });

  it('answers a registered phone like a new one, makes no account, and tells the owner', async () => {
    const res = await server.call<{ user: User; challenge: Challenge }>(
      'POST',
      '/api/v1/auth/register',
      { body: { ...newParent(PARENT), snils: '456-789-123 44' } },
    );
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.user.identityStatus, 'unconfirmed');
    assert.equal(res.body.challenge.sentTo, '+7 999 ***-**-01');
    const accounts = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', PARENT)
      .execute();
    assert.deepEqual(
      accounts.map((a) => a.id),
      [DEMO.users.parentIvanova.id],
    );
    const sms = await server.call<{ items: { to: string; text: string }[] }>(
      'GET',
      '/api/v1/dev/outbox',
    );
    assert.ok(
      sms.body.items.some((m) => m.to === PARENT && /пытался зарегистрироваться/.test(m.text)),
    );
  });

  it('refuses a common or breached password, whatever its length', async () => {
    for (const password of ['qwerty123456', 'Password2026!', 'aaaaaaaaaaaaaa']) {
      const res = await server.call<ErrorResponse>('POST', '/api/v1/auth/register', {
        body: { ...newParent('+79990004444'), password },
        lang: 'en',
      });
      assert.equal(res.status, 400, `${password}: ${res.text}`);
      assert.deepEqual(
        res.body.error.fields.map((f) => [f.path, f.code]),
        [['password', 'weak_password']],
      );
    }
    const short = await server.call<ErrorResponse>('POST', '/api/v1/auth/register', {
      body: { ...newParent('+79990004444'), password: 'Kx9#mQ2!zP' },
    });
    assert.deepEqual(
      short.body.error.fields.map((f) => [f.path, f.code, f.message]),
      [['password', 'too_short', 'Пароль должен быть не короче 12 символов']],
    );
  });

  it('logs in with phone, password and the SMS code, then reads the user', async () => {
    const session = await server.login(PARENT);
    assert.ok(session.accessToken && session.refreshToken);
    assert.equal(session.user.id, DEMO.users.parentIvanova.id);
    const me = await server.call<User>('GET', '/api/v1/auth/me', { token: session.accessToken });
    assert.equal(me.status, 200);
    assert.equal(me.body.identityStatus, 'confirmed_in_person');
  });

  it('gives no hint whether the phone or the password was wrong', async () => {
    const wrongPassword = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone: DEMO.users.teacherLyceum.phone, password: 'nope-1234' },
    });
    const unknownPhone = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone: '+79998887766', password: 'nope-1234' },
    });
    assert.equal(wrongPassword.status, 401);
    assert.deepEqual(wrongPassword.body, unknownPhone.body);
  });

  it('stores codes hashed, never in clear', async () => {
    await server.call('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    const code = await server.lastCode(PARENT);
    const rows = await server.database.db.selectFrom('challenges').select('code_hash').execute();
    assert.ok(rows.every((r) => !r.code_hash.includes(code)));
  });

  it('rejects a wrong code, then an expired one after five minutes', async () => {
    const start = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    const code = await server.lastCode(PARENT);
    const wrong = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code: code === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'code_invalid');
    assert.deepEqual(wrong.body.error.fields[0]?.code, 'wrong_code');
    assert.match(wrong.body.error.fields[0]?.message ?? '', /^Неверный код/);
    const en = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code: code === '000000' ? '111111' : '000000' },
      lang: 'en',
    });
    assert.match(en.body.error.fields[0]?.message ?? '', /^Wrong code/);
    server.clock.advance(5 * MIN + 1000);
    const late = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code },
    });
    assert.equal(late.body.error.code, 'code_expired');
  });

  it('accepts a code typed with spaces or hyphens', async () => {
    const start = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    const code = await server.lastCode(PARENT);
    const res = await server.call<Session>('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code: `${code.slice(0, 3)}-${code.slice(3)} ` },
    });
    assert.equal(res.status, 200, res.text);
  });

  it('kills a challenge after five wrong codes, even for the right code afterwards', async () => {
    const start = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    const code = await server.lastCode(PARENT);
    const wrongCode = code === '123456' ? '654321' : '123456';
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
        body: { challengeId: start.body.challengeId, code: wrongCode },
      });
      codes.push(r.body.error.code);
    }
    assert.deepEqual(codes, [
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_attempts_exhausted',
    ]);
    const right = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code },
    });
    assert.equal(right.body.error.code, 'code_attempts_exhausted');
  });

  it('enforces the resend cooldown and sends a fresh code after it', async () => {
    const start = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    const first = await server.lastCode(PARENT);
    const early = await server.call<ErrorResponse>('POST', '/api/v1/auth/resend', {
      body: { challengeId: start.body.challengeId },
    });
    assert.equal(early.status, 429);
    assert.equal(early.body.error.code, 'resend_too_soon');
    assert.ok(Number(early.headers.get('retry-after')) > 0);
    server.clock.advance(MIN);
    const again = await server.call<Challenge>('POST', '/api/v1/auth/resend', {
      body: { challengeId: start.body.challengeId },
    });
    assert.equal(again.status, 200, again.text);
    const second = await server.lastCode(PARENT);
    if (first !== second) {
      const old = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
        body: { challengeId: start.body.challengeId, code: first },
      });
      assert.equal(old.body.error.code, 'code_invalid');
    }
    const ok = await server.call('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code: second },
    });
    assert.equal(ok.status, 200);
  });

  it('locks an account for 15 minutes after five wrong passwords, and says until when', async () => {
    const phone = DEMO.users.teacherRussian.phone;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await server.call('POST', '/api/v1/auth/login', {
        body: { phone, password: `wrong-${i}x` },
      });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    const locked = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    assert.equal(locked.body.error.code, 'account_locked');
    assert.match(locked.body.error.message, /\d\d:\d\d МСК/);
    server.clock.advance(15 * MIN + 1000);
    const after = await server.call('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    assert.equal(after.status, 200);
  });

  it('rotates refresh tokens and revokes the whole family when a rotated token is reused', async () => {
    const session = await server.login(DEMO.users.parentPetrov.phone);
    const next = await server.call<Session>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    assert.equal(next.status, 200);
    assert.notEqual(next.body.refreshToken, session.refreshToken);
    const reuse = await server.call<ErrorResponse>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    assert.equal(reuse.status, 401);
    const me = await server.call('GET', '/api/v1/auth/me', { token: next.body.accessToken });
    assert.equal(me.status, 401, 'the thief and the owner are both signed out');
    const third = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: next.body.refreshToken },
    });
    assert.equal(third.status, 401);
    const audit = await server.database.db
      .selectFrom('audit')
      .select('action')
      .where('action', '=', 'auth.refresh_reuse')
      .execute();
    assert.ok(audit.length >= 1);
  });

  it('expires access tokens and logs out by revoking the session', async () => {
    const session = await server.login(DEMO.users.parentPetrov.phone);
    server.clock.advance(16 * MIN);
    const expired = await server.call<ErrorResponse>('GET', '/api/v1/auth/me', {
      token: session.accessToken,
    });
    assert.equal(expired.body.error.code, 'token_expired');
    const refreshed = await server.call<Session>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    const out = await server.call('POST', '/api/v1/auth/logout', {
      token: refreshed.body.accessToken,
      body: {},
    });
    assert.equal(out.status, 204);
    const me = await server.call('GET', '/api/v1/auth/me', { token: refreshed.body.accessToken });
    assert.equal(me.status, 401);
  });

  it('recovers a password by code, signs out every session, and answers alike for unknown phones', async () => {
    const phone = DEMO.users.parentNew.phone;
    const old = await server.login(phone);
    const unknown = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone: '+79990009999' },
    });
    assert.equal(unknown.status, 200);
    const start = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone },
    });
    assert.deepEqual(Object.keys(unknown.body).sort(), Object.keys(start.body).sort());
    const code = await server.lastCode(phone);
    const weak = await server.call<ErrorResponse>('POST', '/api/v1/auth/recovery/complete', {
      body: { challengeId: start.body.challengeId, code, newPassword: 'short' },
    });
    assert.equal(weak.body.error.fields[0]?.path, 'newPassword');
    const done = await server.call('POST', '/api/v1/auth/recovery/complete', {
      body: { challengeId: start.body.challengeId, code, newPassword: 'novyi-parol-7' },
    });
    assert.equal(done.status, 204, done.text);
    assert.equal(
      (await server.call('GET', '/api/v1/auth/me', { token: old.accessToken })).status,
      401,
    );
    const oldPassword = await server.call('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    assert.equal(oldPassword.status, 401);
    await server.login(phone, 'novyi-parol-7');
  });

  it('refuses a malformed bearer token and a missing one with 401', async () => {
    assert.equal((await server.call('GET', '/api/v1/auth/me')).status, 401);
    assert.equal((await server.call('GET', '/api/v1/auth/me', { token: 'at_forged' })).status, 401);
    const weird = await server.call('GET', '/api/v1/auth/me', {
      headers: { authorization: 'Basic abc' },
    });
    assert.equal(weird.status, 401);
  });
});

describe('auth: guessing from one address', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { ipFailureThreshold: 8, authRateLimit: 10_000 } });
  });
  after(() => server.close());

  it('blocks an IP that fails logins across many accounts and raises an audit alert', async () => {
    const phones = Object.values(DEMO.users).map((u) => u.phone);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const r = await server.call('POST', '/api/v1/auth/login', {
        body: { phone: phones[i % phones.length], password: 'guess-1234' },
      });
      statuses.push(r.status);
    }
    const blocked = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'ip_blocked');
    const alert = await server.database.db
      .selectFrom('audit')
      .selectAll()
      .where('action', '=', 'security.ip_blocked')
      .execute();
    assert.equal(alert.length >= 1, true);
    assert.match(alert[0]?.detail ?? '', /ALERT/);
    server.clock.advance(61 * MIN);
    const later = await server.call('POST', '/api/v1/auth/login', {
      body: { phone: PARENT, password: DEMO_PASSWORD },
    });
    assert.equal(later.status, 200);
  });
});

describe('auth: rate limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { authRateLimit: 3 } });
  });
  after(() => server.close());

  it('limits login requests per IP with a 429 in the error shape', async () => {
    const statuses: number[] = [];
    let last: ErrorResponse | undefined;
    for (let i = 0; i < 4; i += 1) {
      const r = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
        body: { phone: '+79990001111', password: 'x-1234567' },
      });
      statuses.push(r.status);
      last = r.body;
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    assert.equal(last?.error.code, 'rate_limited');
  });
});
