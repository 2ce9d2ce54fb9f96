// Sign-in and sessions to OWASP ASVS level 2 (V2 authentication, V3 sessions), one test each.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge, ErrorResponse, Session, SignInSession } from '@school-diary/core';
import { DEMO, DEMO_PASSWORD } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MIN = 60_000;

type Outbox = { items: { to: string; text: string }[] };

describe('sign-in and sessions (OWASP ASVS level 2)', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      config: { passwordHashCost: 17, ipFailureThreshold: 6 },
    });
  });
  after(() => server.close());

  const sms = async (phone: string) =>
    (await server.call<Outbox>('GET', '/api/v1/dev/outbox')).body.items.filter(
      (m) => m.to === phone,
    );
  const storedHash = async (id: string) =>
    (
      await server.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('redoes a cheaper password hash at scrypt N = 2^17 on the next sign-in', async () => {
    assert.match(await storedHash(U.teacherPhysics.id), /^scrypt\$16384\$/);
    await server.login(U.teacherPhysics.phone);
    assert.match(await storedHash(U.teacherPhysics.id), /^scrypt\$131072\$8\$1\$/);
    // The new hash still opens the account.
    await server.login(U.teacherPhysics.phone);
  });

  it('tells the owner of a sign-in from a new device, once per device', async () => {
    const phone = U.teacherLyceum.phone;
    const ua = { 'user-agent': 'Firefox/140 (test)' };
    const start = async (headers: Record<string, string>) => {
      const c = await server.call<Challenge>('POST', '/api/v1/auth/login', {
        body: { phone, password: DEMO_PASSWORD },
        headers,
      });
      const code = await server.lastCode(phone);
      return server.call<Session>('POST', '/api/v1/auth/verify', {
        body: { challengeId: c.body.challengeId, code },
        headers,
      });
    };
    const count = async () =>
      (await sms(phone)).filter((m) => m.text.includes('нового устройства')).length;
    assert.equal((await start(ua)).status, 200);
    assert.equal(await count(), 1);
    assert.equal((await start(ua)).status, 200);
    assert.equal(await count(), 1, 'the same browser again is no news');
    assert.equal((await start({ 'user-agent': 'Chromium/156 (test)' })).status, 200);
    assert.equal(await count(), 2);
  });

  it('changes the password with the current one, ends the other sessions, and tells the owner', async () => {
    const phone = U.teacherRussian.phone;
    const here = await server.login(phone);
    const elsewhere = await server.login(phone);
    const change = (body: unknown) =>
      server.call<ErrorResponse>('POST', '/api/v1/auth/password', {
        token: here.accessToken,
        body,
        lang: 'en',
      });
    const wrong = await change({ currentPassword: 'not-it', newPassword: 'тихий вечер у реки' });
    assert.equal(wrong.status, 400, wrong.text);
    assert.deepEqual(
      wrong.body.error.fields.map((f) => [f.path, f.code]),
      [['currentPassword', 'format']],
    );
    const common = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'qwerty123456' });
    assert.deepEqual(
      common.body.error.fields.map((f) => [f.path, f.code]),
      [['newPassword', 'weak_password']],
    );
    const ok = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'тихий вечер у реки' });
    assert.equal(ok.status, 204, ok.text);
    const mine = await server.call('GET', '/api/v1/auth/me', { token: here.accessToken });
    assert.equal(mine.status, 200, 'the session that changed it goes on');
    const other = await server.call('GET', '/api/v1/auth/me', { token: elsewhere.accessToken });
    assert.equal(other.status, 401);
    assert.ok((await sms(phone)).some((m) => m.text.includes('пароль изменён')));
    await server.login(phone, 'тихий вечер у реки');
  });

  it("lists one's sessions and signs one of them out, never another user's", async () => {
    const phone = U.parentPetrov.phone;
    const first = await server.login(phone);
    const second = await server.login(phone);
    const list = await server.call<{ items: SignInSession[] }>('GET', '/api/v1/auth/sessions', {
      token: second.accessToken,
    });
    assert.equal(list.status, 200, list.text);
    assert.equal(list.body.items.length, 2);
    const current = list.body.items.filter((i) => i.current);
    assert.equal(current.length, 1);
    const firstId = list.body.items.find((i) => !i.current)?.id ?? '';
    const stranger = (await server.login(U.parentIvanova.phone)).accessToken;
    const foreign = await server.call('DELETE', `/api/v1/auth/sessions/${firstId}`, {
      token: stranger,
    });
    assert.equal(foreign.status, 404);
    const out = await server.call('DELETE', `/api/v1/auth/sessions/${firstId}`, {
      token: second.accessToken,
    });
    assert.equal(out.status, 204, out.text);
    const gone = await server.call('GET', '/api/v1/auth/me', { token: first.accessToken });
    assert.equal(gone.status, 401);
    const refreshed = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    assert.equal(refreshed.status, 401);
  });

  it('ends a session idle for 30 minutes, and any session after 12 hours', async () => {
    const phone = U.admin17.phone;
    const idle = await server.login(phone);
    server.clock.advance(31 * MIN);
    const late = await server.call<ErrorResponse>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: idle.refreshToken },
    });
    assert.equal(late.status, 401);
    assert.equal(late.body.error.code, 'token_expired');

    let session = await server.login(phone);
    for (let h = 0; h <= 12 * 4; h += 1) {
      server.clock.advance(15 * MIN);
      const next = await server.call<Session>('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      if (next.status !== 200) {
        assert.equal(h, 12 * 4, `ended early, after ${(h + 1) * 15} min`);
        assert.equal(next.status, 401);
        return;
      }
      session = next.body;
    }
    assert.fail('an active session outlived 12 hours');
  });

  it('never lets a resend restore spent tries or revive an expired challenge', async () => {
    const phone = U.teacherMath.phone;
    const start = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    const id = start.body.challengeId;
    for (let i = 0; i < 4; i += 1) {
      await server.call('POST', '/api/v1/auth/verify', {
        body: { challengeId: id, code: '000000' },
      });
    }
    server.clock.advance(61_000);
    const resent = await server.call('POST', '/api/v1/auth/resend', { body: { challengeId: id } });
    assert.equal(resent.status, 200, resent.text);
    await server.call('POST', '/api/v1/auth/verify', { body: { challengeId: id, code: '000001' } });
    const code = await server.lastCode(phone);
    const spent = await server.call<ErrorResponse>('POST', '/api/v1/auth/verify', {
      body: { challengeId: id, code },
    });
    assert.equal(spent.body.error.code, 'code_attempts_exhausted');

    const again = await server.call<Challenge>('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    server.clock.advance(6 * MIN);
    const expired = await server.call<ErrorResponse>('POST', '/api/v1/auth/resend', {
      body: { challengeId: again.body.challengeId },
    });
    assert.equal(expired.body.error.code, 'code_expired');
  });

  it('keeps a lock through an SMS recovery, and counts wrong recovery codes toward the IP block', async () => {
    const phone = U.parentNew.phone;
    for (let i = 0; i < 5; i += 1) {
      await server.call('POST', '/api/v1/auth/login', {
        body: { phone, password: `wrong-${i}-password` },
        headers: { 'x-test': String(i) },
      });
    }
    const start = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone },
    });
    const code = await server.lastCode(phone);
    const done = await server.call('POST', '/api/v1/auth/recovery/complete', {
      body: { challengeId: start.body.challengeId, code, newPassword: 'новый длинный пароль' },
    });
    assert.equal(done.status, 204, done.text);
    const still = await server.call('POST', '/api/v1/auth/login', {
      body: { phone, password: 'новый длинный пароль' },
    });
    assert.equal(still.status, 401, 'the lock keeps its delay');
    assert.ok((await sms(phone)).some((m) => /заблокирован до/.test(m.text)));
    // Five wrong logins above, then one wrong recovery code: the sixth failure blocks the IP.
    const next = await server.call<Challenge>('POST', '/api/v1/auth/recovery', {
      body: { phone: U.studentMaria.phone },
    });
    await server.call('POST', '/api/v1/auth/recovery/complete', {
      body: {
        challengeId: next.body.challengeId,
        code: '000000',
        newPassword: 'новый длинный пароль',
      },
    });
    const blocked = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone: U.studentMaria.phone, password: DEMO_PASSWORD },
    });
    assert.equal(blocked.body.error.code, 'ip_blocked');
  });

  it('marks every answer with tokens or personal data no-store, and sets a Permissions-Policy', async () => {
    server.clock.advance(2 * 60 * MIN); // past the IP block above
    const session = await server.login(U.admin42.phone);
    const answers = [
      await server.call('GET', '/api/v1/auth/me', { token: session.accessToken }),
      await server.call('GET', `/api/v1/children/${DEMO.children.maria.id}`, {
        token: session.accessToken,
      }),
      await server.call('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      }),
    ];
    for (const res of answers) {
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\)/);
    }
  });
});
