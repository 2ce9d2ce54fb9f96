import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditAction, ErrorResponse, Session, User } from '@school-diary/core';
import { callbackPath } from '../services/oidc-flow';
import { startTestServer, type TestServer } from '../testing/harness';
import { listenTestProvider, type TestProvider } from '../testing/oidc-test-provider';

const SITE = 'https://school.example';
const PASSWORD = 'tikhiy-vecher-u-reki';
const ANNA = {
  sub: 'esia-anna',
  family_name: 'Новикова',
  given_name: 'Анна',
  snils: '112-233-445 95',
};
const BORIS = {
  sub: 'esia-boris',
  family_name: 'Орлов',
  given_name: 'Борис',
  snils: '123-456-789 64',
};
const VERA = { sub: 'esia-vera', family_name: 'Ильина', given_name: 'Вера' };

/** Walks the provider's pages as a browser would: sign in as `sub`, or press «Отмена». */
async function atProvider(authorizationUrl: string, sub: string | 'cancel'): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [name = '', value = ''] = (c.split(';')[0] ?? '').split(/=(.*)/);
      cookies.set(name, value);
    }
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      if (url.includes(callbackPath('gosuslugi'))) return url;
      continue;
    }
    const page = await res.text();
    assert.equal(res.status, 200, page);
    assert.match(page, /Демо-провайдер входа/);
    body = sub === 'cancel' ? 'cancel=1' : `sub=${encodeURIComponent(sub)}`;
  }
  throw new Error('the provider never redirected back');
}

describe('sign-in through an OpenID Connect provider', () => {
  let server: TestServer;
  let idp: TestProvider;
  before(async () => {
    idp = await listenTestProvider();
    server = await startTestServer({
      config: {
        corsOrigins: [SITE],
        oidcProviders: [
          {
            name: 'gosuslugi',
            title: 'Госуслуги',
            issuer: idp.issuer,
            clientId: 'diary',
            clientSecret: 'diary-client-secret',
            logoUrl: '/gosuslugi.svg',
          },
          // Nothing listens there: a provider that is down.
          {
            name: 'bank',
            title: 'Банк',
            issuer: 'http://127.0.0.1:9',
            clientId: 'x',
            clientSecret: 'y',
          },
        ],
      },
    });
    idp.start(
      {
        clientId: 'diary',
        clientSecret: 'diary-client-secret',
        redirectUris: [server.url + callbackPath('gosuslugi')],
      },
      [ANNA, BORIS, VERA],
    );
  });
  after(async () => {
    await server.close();
    await idp.close();
  });

  const register = async (phone: string, snils: string): Promise<User> => {
    const res = await server.call<{ user: User }>('POST', '/api/v1/auth/register', {
      body: {
        phone,
        password: PASSWORD,
        lastName: 'Новикова',
        firstName: 'Анна',
        snils,
        passport: '45 12 345678',
      },
    });
    assert.equal(res.status, 201, res.text);
    return res.body.user;
  };
  const start = async (returnTo = `${SITE}/diary/grades?child=1`) => {
    const res = await server.call<{ authorizationUrl: string }>('POST', '/api/v1/auth/oidc/start', {
      body: { provider: 'gosuslugi', returnTo },
    });
    assert.equal(res.status, 200, res.text);
    return res.body.authorizationUrl;
  };
  /** The diary's answer at its callback: where the browser is sent next. */
  const callback = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      text: await res.text(),
    };
  };
  const ticketOf = (location: string): string => {
    const match = /#diary-oidc=([\w-]+)$/.exec(location);
    assert.ok(match?.[1], `no ticket in ${location}`);
    return match[1];
  };
  const signIn = async (sub: string) =>
    ticketOf((await callback(await atProvider(await start(), sub))).location);
  const passwordChallenge = async (phone: string) => {
    const res = await server.call<{ challengeId: string }>('POST', '/api/v1/auth/login', {
      body: { phone, password: PASSWORD },
    });
    assert.equal(res.status, 200, res.text);
    return { challengeId: res.body.challengeId, code: await server.lastCode(phone) };
  };
  const audit = async (action: AuditAction) =>
    server.database.db
      .selectFrom('audit')
      .select(['outcome', 'detail', 'actor_id'])
      .where('action', '=', action)
      .execute();

  it('lists the configured providers for sign-in forms', async () => {
    const res = await server.call<{ items: unknown[] }>('GET', '/api/v1/auth/providers');
    assert.deepEqual(res.body.items, [
      { name: 'gosuslugi', title: 'Госуслуги', logoUrl: '/gosuslugi.svg' },
      { name: 'bank', title: 'Банк' },
    ]);
  });

  it('links by password and code, confirms the identity by SNILS, then signs in by the provider alone', async () => {
    const anna = await register('+79995550201', ANNA.snils);
    const callbackUrl = await atProvider(await start(), ANNA.sub);
    const back = await callback(callbackUrl);
    assert.equal(back.status, 303);
    assert.ok(back.location.startsWith(`${SITE}/diary/grades?child=1#diary-oidc=`), back.location);
    const ticket = ticketOf(back.location);

    const unlinked = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/complete', {
      body: { ticket },
    });
    assert.equal(unlinked.status, 409);
    assert.equal(unlinked.body.error.code, 'provider_not_linked');

    const linked = await server.call<Session>('POST', '/api/v1/auth/oidc/link', {
      body: { ticket, ...(await passwordChallenge('+79995550201')) },
    });
    assert.equal(linked.status, 200, linked.text);
    assert.equal(linked.body.user.id, anna.id);
    assert.equal(linked.body.user.identityStatus, 'confirmed_provider');
    const reused = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/complete', {
      body: { ticket },
    });
    assert.equal(reused.body.error.code, 'provider_ticket_invalid');

    const out = await server.call('POST', '/api/v1/auth/logout', {
      token: linked.body.accessToken,
      body: { refreshToken: linked.body.refreshToken },
    });
    assert.equal(out.status, 204);

    // The replayed answer (same state, same code) is refused and issues no ticket.
    const again = await atProvider(await start(), ANNA.sub);
    const session = await server.call<Session>('POST', '/api/v1/auth/oidc/complete', {
      body: { ticket: ticketOf((await callback(again)).location) },
    });
    assert.equal(session.status, 200, session.text);
    assert.equal(session.body.user.id, anna.id);
    const replayed = await callback(again);
    assert.equal(replayed.status, 303);
    assert.match(replayed.location, /#diary-oidc-error=refused$/);

    const identities = await server.call<{ items: { provider: string }[] }>(
      'GET',
      '/api/v1/auth/identities',
      { token: session.body.accessToken },
    );
    assert.deepEqual(
      identities.body.items.map((i) => i.provider),
      ['gosuslugi'],
    );
    assert.deepEqual(
      (await audit('auth.oidc_link')).map((a) => [a.outcome, a.actor_id]),
      [['success', anna.id]],
    );
    const signIns = await audit('auth.oidc_signin');
    assert.deepEqual(signIns.map((a) => a.outcome).sort(), ['failure', 'success']);
    assert.ok(
      (await audit('auth.oidc_callback')).some((a) => /state already used/.test(a.detail ?? '')),
    );

    // Unlinked, the same person is a stranger again.
    const unlink = await server.call('DELETE', '/api/v1/auth/identities/gosuslugi', {
      token: session.body.accessToken,
    });
    assert.equal(unlink.status, 204);
    const stranger = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/complete', {
      body: { ticket: await signIn(ANNA.sub) },
    });
    assert.equal(stranger.body.error.code, 'provider_not_linked');
    assert.equal((await audit('auth.oidc_unlink')).length, 1);
  });

  it('refuses a link whose provider SNILS is not the account’s, and a subject already linked', async () => {
    await register('+79995550202', '111-111-111 45');
    const mismatch = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/link', {
      body: { ticket: await signIn(BORIS.sub), ...(await passwordChallenge('+79995550202')) },
    });
    assert.equal(mismatch.status, 409);
    assert.equal(mismatch.body.error.code, 'identity_mismatch');

    // Vera's provider gives no SNILS: linked for sign-in, the identity stays unconfirmed.
    const vera = await server.call<Session>('POST', '/api/v1/auth/oidc/link', {
      body: { ticket: await signIn(VERA.sub), ...(await passwordChallenge('+79995550202')) },
    });
    assert.equal(vera.status, 200, vera.text);
    assert.equal(vera.body.user.identityStatus, 'unconfirmed');
    const twice = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/link', {
      body: { ticket: await signIn(VERA.sub), ...(await passwordChallenge('+79995550202')) },
    });
    assert.equal(twice.body.error.code, 'already_linked');
    assert.ok((await audit('auth.oidc_link')).some((a) => a.outcome === 'denied'));
  });

  it('refuses a forged state, a wrong nonce and a cancelled sign-in', async () => {
    const forged = await callback(
      `${server.url}${callbackPath('gosuslugi')}?code=abc&state=${'x'.repeat(43)}`,
    );
    assert.equal(forged.status, 400);
    assert.match(forged.text, /недействительна/);

    // The nonce the diary asked for is replaced on the way to the provider.
    const url = new URL(await start());
    url.searchParams.set('nonce', 'a-nonce-the-diary-never-made');
    const wrongNonce = await callback(await atProvider(url.href, ANNA.sub));
    assert.match(wrongNonce.location, /#diary-oidc-error=refused$/);
    assert.ok((await audit('auth.oidc_callback')).some((a) => /nonce/.test(a.detail ?? '')));

    const cancelled = await callback(await atProvider(await start(), 'cancel'));
    assert.match(cancelled.location, /#diary-oidc-error=cancelled$/);
  });

  it('refuses a page of another site to return to, and answers 503 for a provider that is down', async () => {
    const foreign = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/start', {
      body: { provider: 'gosuslugi', returnTo: 'https://evil.example/' },
    });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.fields?.[0]?.path, 'returnTo');
    const down = await server.call<ErrorResponse>('POST', '/api/v1/auth/oidc/start', {
      body: { provider: 'bank', returnTo: `${SITE}/` },
    });
    assert.equal(down.status, 503);
    assert.equal(down.body.error.code, 'provider_unavailable');
  });
});
