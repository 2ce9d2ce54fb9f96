import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorResponse } from '@school-diary/core';
import { startTestServer, type TestServer } from '../testing/harness';
import { findStaticFile } from './static-files';

/** GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveResponse, reject) => {
    const req = httpRequest(`${url}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

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
    writeFileSync(join(embed, 'diary-elements.js'), 'export const loader = 1;');
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
    assert.equal(await res.text(), 'export const loader = 1;');
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

  it('maps URL paths to files only inside the root', async () => {
    const site = join(dir, 'site');
    assert.equal(await findStaticFile(site, '/'), join(site, 'index.html'));
    assert.equal(await findStaticFile(site, '/login'), join(site, 'login.html'));
    assert.equal(await findStaticFile(site, '/../secret.txt'), undefined);
    assert.equal(await findStaticFile(site, '/%2e%2e/secret.txt'), undefined);
    assert.equal(await findStaticFile(site, '/%'), undefined);
  });
});
