import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { ErrorResponse } from '@school-diary/core';
import { startTestServer, type TestServer } from '../testing/harness';

/** GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolveResponse, reject) => {
    const req = httpRequest(`${url}/`, { path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolveResponse({ status: res.statusCode ?? 0, body, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const LOADER = 'export const loader = 1;';

describe('static files: the embed build and a website', () => {
  let dir: string;
  let server: TestServer;
  let bare: TestServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diary-static-'));
    const embed = join(dir, 'dist');
    const site = join(dir, 'site');
    mkdirSync(join(embed, 'diary-elements'), { recursive: true });
    mkdirSync(join(site, 'news'), { recursive: true });
    writeFileSync(join(embed, 'diary-elements.js'), LOADER);
    // What the embed build writes beside each file; marked, to tell which one was sent.
    writeFileSync(join(embed, 'diary-elements.js.br'), brotliCompressSync(`${LOADER} // br`));
    writeFileSync(join(embed, 'diary-elements.js.gz'), gzipSync(`${LOADER} // gz`));
    writeFileSync(join(embed, 'diary-elements', 'define-login-abc123.js'), 'export {};');
    writeFileSync(join(embed, 'index.js'), 'export const notPublic = 1;');
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Школа № 42</title>');
    writeFileSync(join(site, 'login.html'), '<!doctype html><title>Вход</title>');
    writeFileSync(join(site, 'news', 'index.html'), '<!doctype html><title>Новости</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the site');
    server = await startTestServer({ config: { embedDir: embed, siteDir: site } });
    bare = await startTestServer();
  });
  after(async () => {
    await server.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the one-script build as a cross-origin module script', async () => {
    const res = await fetch(`${server.url}/embed/diary-elements.js`, {
      headers: { origin: 'https://school42.example' },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.ok((await res.text()).startsWith(LOADER));
  });

  it('serves lazily loaded chunks with a long cache life', async () => {
    const res = await fetch(`${server.url}/embed/diary-elements/define-login-abc123.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /immutable/);
  });

  it('serves nothing else from the dist directory', async () => {
    const res = await server.call<ErrorResponse>('GET', '/embed/index.js');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
    assert.equal((await server.call('GET', '/embed/diary-elements/missing.js')).status, 404);
  });

  it('serves the site: index, pages without .html, folders', async () => {
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await home.text(), /Школа № 42/);
    assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await (await fetch(`${server.url}/login`)).text(), /Вход/);
    assert.match(await (await fetch(`${server.url}/login.html`)).text(), /Вход/);
    assert.match(await (await fetch(`${server.url}/news/`)).text(), /Новости/);
  });

  it('never serves a file outside the site, however the path is written', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/news/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/login.html%00',
      '/%E0%A4%A',
    ]) {
      const res = await rawGet(server.url, path);
      // Fastify answers a malformed escape with 400 before routing; either way, no file.
      assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
      assert.doesNotMatch(res.body, /outside the site/, path);
    }
  });

  it('keeps answering unknown API routes in the error shape', async () => {
    const res = await server.call<ErrorResponse>('GET', '/api/v1/nowhere');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
    const page = await server.call<ErrorResponse>('GET', '/no-such-page');
    assert.equal(page.status, 404);
  });

  it('serves neither without the options', async () => {
    assert.equal((await bare.call('GET', '/embed/diary-elements.js')).status, 404);
    assert.equal((await bare.call('GET', '/')).status, 404);
  });

  it('sends the embed precompressed as the client accepts it, identity otherwise', async () => {
    for (const [accept, coding, body] of [
      ['gzip, deflate, br', 'br', `${LOADER} // br`],
      ['gzip', 'gzip', `${LOADER} // gz`],
      ['identity', undefined, LOADER],
    ] as const) {
      const res = await fetch(`${server.url}/embed/diary-elements.js`, {
        headers: { 'accept-encoding': accept },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-encoding') ?? undefined, coding);
      assert.match(res.headers.get('content-type') ?? '', /javascript/);
      assert.match(res.headers.get('vary') ?? '', /accept-encoding/i);
      assert.equal(await res.text(), body);
    }
  });

  it('lets the loader and the pages revalidate to a 304', async () => {
    // Over node:http: fetch marks a request with If-None-Match as a reload (no-cache).
    for (const path of ['/embed/diary-elements.js', '/login']) {
      const first = await rawGet(server.url, path, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(first.status, 200);
      assert.equal(first.headers['cache-control'], 'no-cache');
      const etag = String(first.headers.etag ?? '');
      const modified = String(first.headers['last-modified'] ?? '');
      assert.ok(etag, `${path} has an ETag`);
      assert.ok(modified, `${path} has a Last-Modified`);
      const again = await rawGet(server.url, path, {
        'accept-encoding': 'gzip, deflate, br',
        'if-none-match': etag,
      });
      assert.equal(again.status, 304, path);
      assert.equal(again.body, '');
      const since = await rawGet(server.url, path, {
        'accept-encoding': 'gzip, deflate, br',
        'if-modified-since': modified,
      });
      assert.equal(since.status, 304, path);
    }
  });
});
