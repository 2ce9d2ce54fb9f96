import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ErrorResponse,
  Handoff,
  HandoffClaim,
  HandoffCreated,
  HandoffRedeem,
  SignInSession,
  User,
} from '@school-diary/core';
import { AUDIT_ACTION_GROUPS } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const U = DEMO.users;

describe('the QR hand-off to another device', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const start = async (token: string) => {
    const created = await server.call<HandoffCreated>('POST', '/api/v1/auth/handoffs', { token });
    assert.equal(created.status, 201, created.text);
    return created.body;
  };
  const claim = (token: string, lang = 'ru') =>
    server.call<HandoffClaim & ErrorResponse>('POST', '/api/v1/auth/handoff/claim', {
      body: { token },
      headers: { 'user-agent': IPHONE },
      lang,
    });
  const redeem = (claimed: HandoffClaim) =>
    server.call<HandoffRedeem & ErrorResponse>('POST', '/api/v1/auth/handoff/redeem', {
      body: { id: claimed.id, claimSecret: claimed.claimSecret },
      headers: { 'user-agent': IPHONE },
    });
  const decide = (token: string, id: string, approve: boolean) =>
    server.call<Handoff & ErrorResponse>('POST', `/api/v1/auth/handoffs/${id}/decision`, {
      token,
      body: { approve },
    });

  it('signs the phone in once after the parent allows it, with a session of its own', async () => {
    const laptop = await server.login(U.parentIvanova.phone);
    const created = await start(laptop.accessToken);
    const ttl = Date.parse(created.expiresAt) - server.clock.now().getTime();
    assert.ok(ttl > 0 && ttl <= 120_000, `lives ${ttl} ms`);
    const stored = await server.database.db
      .selectFrom('handoffs')
      .select('token_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, created.token, 'only a hash of the token is kept');

    const claimed = await claim(created.token);
    assert.equal(claimed.status, 200, claimed.text);
    const seen = await server.call<Handoff>('GET', `/api/v1/auth/handoffs/${created.id}`, {
      token: laptop.accessToken,
    });
    assert.deepEqual([seen.body.status, seen.body.device], ['claimed', 'Safari, iPhone']);
    assert.deepEqual((await redeem(claimed.body)).body, { status: 'waiting' });

    const allowed = await decide(laptop.accessToken, created.id, true);
    assert.equal(allowed.body.status, 'confirmed', allowed.text);
    const signedIn = await redeem(claimed.body);
    assert.equal(signedIn.body.status, 'signed_in', signedIn.text);
    const phone = signedIn.body.session;
    assert.ok(phone);
    assert.notEqual(phone.refreshToken, laptop.refreshToken);
    const me = await server.call<User>('GET', '/api/v1/auth/me', { token: phone.accessToken });
    assert.equal(me.body.id, U.parentIvanova.id);
    const sessions = await server.call<{ items: SignInSession[] }>('GET', '/api/v1/auth/sessions', {
      token: laptop.accessToken,
    });
    assert.ok(sessions.body.items.some((s) => s.device === 'Safari, iPhone' && !s.current));

    const again = await redeem(claimed.body);
    assert.deepEqual([again.status, again.body.error.code], [409, 'handoff_used']);
    const reused = await claim(created.token, 'en');
    assert.deepEqual([reused.status, reused.body.error.code], [409, 'handoff_used']);
    assert.match(reused.body.error.message, /already been used/);
    const audit = await server.database.db
      .selectFrom('audit')
      .select(['action', 'outcome'])
      .where('action', 'in', AUDIT_ACTION_GROUPS.signIn)
      .execute();
    for (const action of ['start', 'claim', 'confirm', 'redeem'])
      assert.ok(
        audit.some((a) => a.action === `auth.handoff_${action}` && a.outcome === 'success'),
        action,
      );
    assert.ok(audit.some((a) => a.action === 'auth.handoff_claim' && a.outcome === 'failure'));
  });

  it('refuses an expired token and a refused or unknown one, with a clear message', async () => {
    const laptop = await server.login(U.parentNew.phone);
    const late = await start(laptop.accessToken);
    server.clock.advance(120_001);
    const expired = await claim(late.token);
    assert.equal(expired.status, 410, expired.text);
    assert.equal(expired.body.error.code, 'handoff_expired');
    assert.match(expired.body.error.message, /устарел/);

    const refused = await start(laptop.accessToken);
    const claimed = await claim(refused.token);
    assert.equal((await decide(laptop.accessToken, refused.id, false)).body.status, 'declined');
    const answer = await redeem(claimed.body);
    assert.deepEqual([answer.status, answer.body.error.code], [409, 'handoff_declined']);

    const unknown = await claim('hof_not-a-token');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.fields?.[0]?.path, 'token');
    const forged = await redeem({ ...claimed.body, claimSecret: 'hcs_forged' });
    assert.equal(forged.status, 400);
  });

  it('lets only the showing session decide, hides it from others, and limits how often', async () => {
    const laptop = await server.login(U.parentPetrov.phone);
    const otherDevice = await server.login(U.parentPetrov.phone);
    const stranger = await server.login(U.teacherMath.phone);
    const created = await start(laptop.accessToken);
    const early = await decide(laptop.accessToken, created.id, true);
    assert.deepEqual([early.status, early.body.error.code], [409, 'conflict']);
    await claim(created.token);
    const notHere = await decide(otherDevice.accessToken, created.id, true);
    assert.equal(notHere.status, 403);
    for (const [method, path] of [
      ['GET', `/api/v1/auth/handoffs/${created.id}`],
      ['POST', `/api/v1/auth/handoffs/${created.id}/decision`],
    ] as const) {
      const answer = await server.call(method, path, {
        token: stranger.accessToken,
        ...(method === 'POST' ? { body: { approve: true } } : {}),
      });
      assert.equal(answer.status, 404, `${method} ${path}`);
    }
    const anonymous = await server.call('POST', '/api/v1/auth/handoffs');
    assert.equal(anonymous.status, 401);
    for (let i = 0; i < 4; i += 1) await start(laptop.accessToken);
    const sixth = await server.call<ErrorResponse>('POST', '/api/v1/auth/handoffs', {
      token: laptop.accessToken,
    });
    assert.deepEqual([sixth.status, sixth.body.error.code], [429, 'rate_limited']);
  });
});
