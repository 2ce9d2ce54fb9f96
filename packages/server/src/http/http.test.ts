import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { ErrorResponse } from '@school-diary/core';
import { startTestServer, type TestServer } from '../testing/harness';

describe('HTTP surface', () => {
  let server: TestServer;
  let prod: TestServer;
  before(async () => {
    server = await startTestServer({
      config: { corsOrigins: ['https://school42.example'], bodyLimit: 64 * 1024 },
    });
    prod = await startTestServer({ config: { dev: false } });
  });
  after(async () => {
    await server.close();
    await prod.close();
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await server.call<ErrorResponse>('GET', '/api/v1/nowhere');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
    assert.deepEqual(res.body.error.fields, []);
  });

  it('answers malformed JSON with 400, not 500, and without a stack trace', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"phone": "+7999',
    });
    const body = (await res.json()) as ErrorResponse;
    assert.equal(res.status, 400);
    assert.equal(body.error.code, 'validation_failed');
    assert.doesNotMatch(JSON.stringify(body), /at .*\.ts|stack/i);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', {
      body: { phone: '+79990000001', password: 'x'.repeat(100 * 1024) },
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });

  it('answers a form upload to a route that takes no file with 415 in the error shape', async () => {
    // Only the upload routes parse multipart bodies; the rest refuse them before any handler.
    const form = new FormData();
    form.set('phone', '+79990000001');
    form.set('password', 'school-diary-demo');
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', body: form });
    const body = (await res.json()) as ErrorResponse;
    assert.equal(res.status, 415);
    assert.equal(body.error.code, 'unsupported_media_type');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  it('names every missing field of an empty body', async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', { body: {} });
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [
        ['phone', 'required'],
        ['password', 'required'],
      ],
    );
  });

  it('rejects a body that is not an object', async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/auth/login', { body: ['a'] });
    assert.equal(res.status, 400);
  });

  it('answers a malformed request line and a bad percent-encoding in the error shape', async () => {
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          Buffer.from('GET /api/v1/schools?q=лицей HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'),
        );
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400/);
    assert.match(raw, /"code":"validation_failed"/);
    const badEncoding = await server.call<ErrorResponse>('GET', '/api/v1/children/%E0%A4%A');
    assert.ok([400, 404].includes(badEncoding.status));
    assert.ok(badEncoding.body.error.code);
  });

  it('sends security headers', async () => {
    const res = await server.call('GET', '/healthz');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.ok(res.headers.get('strict-transport-security'));
  });

  it('allows CORS only for configured origins, without credentials', async () => {
    const allowed = await fetch(`${server.url}/api/v1/schools`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://school42.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://school42.example');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
    const denied = await fetch(`${server.url}/api/v1/schools`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });

  it('serves the OpenAPI document', async () => {
    const res = await server.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/v1/openapi.json',
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    assert.ok(res.body.paths['/api/v1/auth/login']);
  });

  it('serves the dev outbox only in dev mode', async () => {
    assert.equal((await server.call('GET', '/api/v1/dev/outbox')).status, 200);
    assert.equal((await prod.call('GET', '/api/v1/dev/outbox')).status, 404);
  });
});
