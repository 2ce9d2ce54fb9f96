/// <reference types="node" />
// Server rendering with the React wrappers: react-dom/server renders the app in Node, Chromium
// loads that HTML and hydrates it with the same app. Hydration must find exactly what the server
// sent (no #418/#425, nothing the widgets wrote into the page first), and the widgets then work.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { HydrationApp } from './test-support/hydration-app';

let server: Server;
let browser: Browser;
let url: string;

before(async () => {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('./test-support/hydration-client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'browser', 'import', 'default'],
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'error',
  });
  const client = outputFiles[0]?.text ?? '';
  server = createServer((req, res) => {
    if (req.url === '/client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
      return;
    }
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    const body = renderToString(createElement(HydrationApp, { baseUrl: url }));
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="ru"><head><title>Дневник</title></head><body>` +
          `<div id="root" data-base-url="${url}">${body}</div>` +
          `<script type="module" src="/client.js"></script></body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium']
    .filter((p): p is string => Boolean(p))
    .find((p) => existsSync(p));
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('a server-rendered React page hydrates without a mismatch, and the widgets then work', async () => {
  const page = await browser.newPage();
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text());
  });
  page.on('pageerror', (e) => logged.push(e.message));
  const response = await page.goto(url);
  const html = (await response?.text()) ?? '';
  // The server sent the tags with their attributes and nothing inside them; the login comes
  // only in the browser (it writes its form into the page's DOM).
  assert.match(html, /<diary-provider base-url="http:\/\/127\.0\.0\.1:\d+"[^>]*><main>/);
  assert.match(html, /<diary-grade-table><\/diary-grade-table>/);
  assert.doesNotMatch(html, /diary-login/);
  await page.waitForFunction(() => (window as unknown as { hydrated?: boolean }).hydrated);
  const errors = await page.evaluate(
    () => (window as unknown as { hydrationErrors: string[] }).hydrationErrors,
  );
  assert.deepEqual(errors, []);
  const mismatch = logged.filter((text) => /#41[89]|#42[35]|hydrat/i.test(text));
  assert.deepEqual(mismatch, []);
  // The widgets work: the login's form takes a phone number, the others say to sign in.
  const phone = page.getByLabel('Номер мобильного телефона');
  await phone.fill('+7 999 000-00-01');
  assert.equal(await phone.inputValue(), '+7 999 000-00-01');
  await page.locator('diary-grade-table [part="notice"]').waitFor();
  assert.match(
    (await page.locator('diary-grade-table [part="notice"]').textContent()) ?? '',
    /Войдите/,
  );
  assert.equal(await page.locator('h1').textContent(), 'Электронный дневник');
  await page.close();
});
