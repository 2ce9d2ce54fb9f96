import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { securityHeaders } from './security-headers';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
};

/** The headers helmet's own middleware writes on a real node:http response. */
async function helmetOnTheWire(options: HelmetOptions): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server: Server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await fetch(`http://127.0.0.1:${port}/`);
    await res.text();
    const plain = new Set([
      'date',
      'connection',
      'keep-alive',
      'content-length',
      'transfer-encoding',
    ]);
    return Object.fromEntries([...res.headers].filter(([name]) => !plain.has(name)));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('securityHeaders: helmet worked out once', () => {
  it('is exactly the set helmet writes per response', async () => {
    assert.deepEqual({ ...securityHeaders(OPTIONS) }, await helmetOnTheWire(OPTIONS));
    assert.deepEqual({ ...securityHeaders({}) }, await helmetOnTheWire({}));
  });

  it('follows the options: a header turned off is not sent', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      strictTransportSecurity: false,
    });
    assert.equal(headers['strict-transport-security'], undefined);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['cross-origin-resource-policy'], 'cross-origin');
  });

  it('rejects a bad option as helmet does', () => {
    assert.throws(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { defaultSrc: ["'none'; script-src *"] } },
      }),
    );
  });
});

describe('security headers on every response of the app', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = (await server.login(DEMO.users.parentIvanova.phone)).accessToken;
  });
  after(() => server.close());

  it('sends the whole set on success, cached reads, 304, errors and unknown routes', async () => {
    const expected = securityHeaders(OPTIONS);
    const grades = `/api/v1/children/${DEMO.children.maria.id}/grades`;
    const first = await server.call('GET', grades, { token });
    const etag = first.headers.get('etag') ?? '';
    const responses = [
      await server.call('GET', '/healthz'),
      first,
      await server.call('GET', grades, { token, headers: { 'if-none-match': etag } }),
      await server.call('GET', grades),
      await server.call('GET', `/api/v1/children/chd_nobody/grades`, { token }),
      await server.call('GET', '/api/v1/no-such-route'),
    ];
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200, 304, 401, 404, 404],
    );
    for (const res of responses)
      for (const [name, value] of Object.entries(expected))
        assert.equal(res.headers.get(name), value, `${res.status}: ${name}`);
  });
});
