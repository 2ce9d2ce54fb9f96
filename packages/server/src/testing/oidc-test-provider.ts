import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person known to the test provider: their subject and the claims it vouches for. */
export interface TestIdentity {
  readonly sub: string;
  readonly family_name: string;
  readonly given_name: string;
  /** As the provider writes it (`112-233-445 95`). */
  readonly snils?: string;
}

/** The client the diary is registered as. */
export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  /** Also allow this callback path on any loopback port (the demo's diary may listen anywhere). */
  readonly allowLoopbackCallback?: string;
}

/** A real OpenID provider (oidc-provider) listening on a local port. */
export interface TestProvider {
  readonly issuer: string;
  /** Configures the provider with its client and people; it answers 503 until then. */
  start(client: TestClient, people: readonly TestIdentity[]): void;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The provider's sign-in page: one button per person, and a way to cancel. */
function chooserPage(uid: string, people: readonly TestIdentity[]): string {
  const buttons = people
    .map(
      (p) =>
        `<button name="sub" value="${escapeHtml(p.sub)}">${escapeHtml(`${p.family_name} ${p.given_name}`)}</button>`,
    )
    .join('\n');
  return `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Демо-провайдер входа</title>
<h1>Демо-провайдер входа</h1><p>Выберите, кем войти (демонстрация, без пароля).</p>
<form method="post" action="/interaction/${uid}">${buttons}
<button name="cancel" value="1">Отмена</button></form></html>`;
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

/**
 * Starts an in-process OpenID provider on a free local port. Its interaction is a page of buttons
 * (one per person, and «Отмена», which answers `access_denied`); consent is granted to the one
 * client without asking. Listen first, give the diary the issuer, then `start` with the diary's
 * callback address.
 */
export async function listenTestProvider(port = 0): Promise<TestProvider> {
  let provider: Provider | null = null;
  let people: readonly TestIdentity[] = [];
  const interaction = async (request: IncomingMessage, response: ServerResponse, op: Provider) => {
    const details = await op.interactionDetails(request, response);
    if (details.prompt.name === 'consent') {
      const grant = new op.Grant({
        accountId: String(details.session?.accountId),
        clientId: String(details.params['client_id']),
      });
      grant.addOIDCScope(String(details.params['scope']));
      const grantId = await grant.save();
      return op.interactionFinished(
        request,
        response,
        { consent: { grantId } },
        {
          mergeWithLastSubmission: true,
        },
      );
    }
    if (request.method !== 'POST') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(chooserPage(details.uid, people));
    }
    const form = await formOf(request);
    const person = people.find((p) => p.sub === form.get('sub'));
    const result =
      form.get('cancel') || !person
        ? { error: 'access_denied', error_description: 'the person cancelled' }
        : { login: { accountId: person.sub } };
    return op.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
  };
  const server = createServer((request, response) => {
    if (!provider) {
      response.writeHead(503).end();
      return;
    }
    const op = provider;
    if (request.url?.startsWith('/interaction/')) {
      interaction(request, response, op).catch((error: unknown) => {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    void op.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test',
    use: 'sig',
    alg: 'RS256',
  };
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    start(client, known) {
      people = known;
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: [...client.redirectUris],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], profile: ['family_name', 'given_name', 'snils'] },
        pkce: { required: () => true, methods: ['S256'] },
        cookies: { keys: ['diary-test-provider-cookie-key'] },
        jwks: { keys: [signingKey] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
        interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
        features: { devInteractions: { enabled: false } },
        findAccount: (_ctx, sub) => {
          const person = people.find((p) => p.sub === sub);
          return person ? { accountId: sub, claims: () => ({ ...person }) } : undefined;
        },
      });
      const loopback = client.allowLoopbackCallback;
      if (loopback) {
        const allowed = provider.Client.prototype.redirectUriAllowed;
        provider.Client.prototype.redirectUriAllowed = function (uri: string) {
          const url = URL.canParse(uri) ? new URL(uri) : null;
          const local = url && ['127.0.0.1', 'localhost'].includes(url.hostname);
          return (local && url.pathname === loopback && !url.search) || allowed.call(this, uri);
        };
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
