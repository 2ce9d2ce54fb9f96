import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../testing/harness';

const SITE = 'https://school42.example';

describe('CORS: only the configured school sites, without credentials', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { corsOrigins: [SITE] } });
  });
  after(() => server.close());

  const request = (method: string, path: string, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method, headers });

  it('lets an allowed origin read an answer and its exposed headers', async () => {
    const res = await request('GET', '/api/v1/schools', { origin: SITE });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), SITE);
    assert.equal(
      res.headers.get('access-control-expose-headers'),
      'etag, retry-after, content-disposition',
    );
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.equal(res.headers.get('vary'), 'Origin');
  });

  it('gives another origin, or none, no CORS header but still varies on Origin', async () => {
    const others: Record<string, string>[] = [{ origin: 'https://evil.example' }, {}];
    for (const headers of others) {
      const res = await request('GET', '/api/v1/schools', headers);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(res.headers.get('access-control-expose-headers'), null);
      assert.equal(res.headers.get('vary'), 'Origin');
    }
  });

  it("answers an allowed origin's preflight 204 with the methods, headers and max age", async () => {
    const res = await request('OPTIONS', '/api/v1/children/chd_x/grades', {
      origin: SITE,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization, if-none-match',
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), SITE);
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, PUT, PATCH, DELETE');
    assert.equal(
      res.headers.get('access-control-allow-headers'),
      'authorization, content-type, accept-language, last-event-id, if-none-match',
    );
    assert.equal(res.headers.get('access-control-max-age'), '600');
    assert.equal(res.headers.get('content-length'), '0');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'security headers too');
    assert.equal(await res.text(), '');
  });

  it('refuses a preflight without Access-Control-Request-Method with 400', async () => {
    const res = await request('OPTIONS', '/api/v1/schools', { origin: SITE });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), 'Invalid Preflight Request');
  });

  it('answers the preflight of another origin 404, without CORS headers', async () => {
    const res = await request('OPTIONS', '/api/v1/schools', {
      origin: 'https://evil.example',
      'access-control-request-method': 'GET',
    });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-methods'), null);
    assert.equal(res.headers.get('vary'), 'Origin');
  });
});
