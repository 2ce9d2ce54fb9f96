// End to end: what a parent and a school developer meet, in real Chromium (playwright-core with
// the system's browser). Two sites: the example school site as `npm start` serves it, and a plain
// page on another origin that embeds the kit with one script tag and the snippet of
// docs/getting-started-embed.md, served with a strict Content-Security-Policy (no inline scripts
// or styles). The walk asserts the fixes of issue 17's items 1–5: no stale fallback text, a
// reload keeps the session, the child picker drives the grade table, a CORS mistake is told apart
// from being offline, and the page's own content inside the provider keeps its look. axe-core
// finds nothing in any state or theme; screenshots at 1280 and 360 px go to artifacts/e2e/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { latestCode } from './school-site-server';

const root = new URL('../../../', import.meta.url).pathname;
const artifacts = process.env.E2E_ARTIFACTS ?? join(root, 'artifacts/e2e');
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));
const AXE = join(root, 'node_modules/axe-core/axe.min.js');

const PARENT = '+79990000001';
const PASSWORD = 'school-diary-demo';
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };
/** The dark `appearance` example of docs/getting-started-embed.md. */
const DOCS_APPEARANCE =
  '{"theme":"dark","variables":{"colorPrimary":"#6fd39f","colorPrimaryHover":"#a3e6c1","borderRadius":"4px"}}';

/** `npm start` on a free port and a fresh database, allowing one more origin. */
async function startSite(corsOrigin: string) {
  const dir = mkdtempSync(join(tmpdir(), 'diary-walk-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'scripts/start.mjs'), '--port', '0', '--cors-origin', corsOrigin],
    { cwd: root, env: { ...process.env, DIARY_DB: join(dir, 'diary.sqlite') }, detached: true },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no server:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The school's own stylesheet of the plain page: its font and colours, nothing of the kit. */
const PAGE_CSS = `body { font-family: Georgia, serif; color: #2b2b2b; background: #fdfcf7; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1, h2 { color: #5a2d0c; font-family: Georgia, serif; }
a { color: #0b5394; }`;

/**
 * The plain page: the documented snippet (one script tag, the provider with `base-url`, the
 * login), plus the child picker and a grade table; the school's own heading and text inside the
 * provider. `theme` and `appearance` come from the query.
 */
function embedPage(site: string, query: URLSearchParams): string {
  const theme = query.get('theme');
  const appearance = query.get('appearance') === 'docs' ? DOCS_APPEARANCE : undefined;
  const attributes = [
    theme ? ` theme="${theme}"` : '',
    appearance ? ` appearance='${appearance}'` : '',
  ].join('');
  return `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Гимназия № 7 — электронный дневник</title>
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="${site}/embed/diary-elements.js"></script>
  </head>
  <body>
    <main>
      <h1>Гимназия № 7</h1>
      <h2 id="outside-heading">Электронный дневник</h2>
      <p id="outside-text">Вход для родителей учеников гимназии.</p>
      <diary-provider base-url="${site}" lang="ru" time-zone="Europe/Moscow"${attributes}>
        <h2 id="inside-heading">Оценки</h2>
        <p id="inside-text">Вход для родителей учеников гимназии.</p>
        <diary-login>Загружаем форму входа…</diary-login>
        <diary-child-picker></diary-child-picker>
        <diary-grade-table>Загружаем таблицу оценок…</diary-grade-table>
      </diary-provider>
    </main>
  </body>
</html>`;
}

/** The plain page's server: strict CSP, the kit and the API only from the diary's origin. */
async function startEmbedServer(site: () => string) {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://page');
    if (url.pathname === '/page.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(PAGE_CSS);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname !== '/embed.html') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': [
          "default-src 'none'",
          `script-src ${site()}`,
          `connect-src ${site()}`,
          "style-src 'self'",
          "img-src 'self' data:",
          "base-uri 'none'",
          "form-action 'none'",
        ].join('; '),
      })
      .end(embedPage(site(), url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port };
}

/** axe-core's violations on the page as it is now (impact and rule, with the nodes). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's devtools protocol, so the page's strict CSP does not block it.
  if (!(await page.evaluate('"axe" in window'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(`axe.run().then(({ violations }) =>
    violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
}

/** Photographs the state at both widths and checks axe at each. */
async function record(page: Page, name: string): Promise<void> {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(0);
    await page.screenshot({ path: join(artifacts, `walk-${name}-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `axe on ${name} at ${viewport.width} px`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

const loginText = (page: Page) => page.locator('diary-login').innerText();

async function signIn(page: Page, site: string): Promise<void> {
  await page.getByLabel('Номер мобильного телефона').fill(PARENT);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByLabel('Код из СМС').waitFor();
  assert.doesNotMatch(await loginText(page), /Загружаем/, 'fallback beside the code step');
  await page.getByLabel('Код из СМС').fill(await latestCode(site, PARENT));
  await page.getByRole('button', { name: 'Продолжить' }).click();
}

describe('a parent and a school developer walk the embed (items 1–5)', { timeout: 600_000 }, () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let embed: Awaited<ReturnType<typeof startEmbedServer>>;
  let browser: Browser;
  let siteUrl = '';

  before(async () => {
    assert.ok(chromePath, 'Chromium is needed: install it or set CHROME_PATH');
    mkdirSync(artifacts, { recursive: true });
    embed = await startEmbedServer(() => siteUrl);
    site = await startSite(`http://127.0.0.1:${embed.port}`);
    siteUrl = site.url;
    browser = await chromium.launch({
      executablePath: chromePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });

  after(async () => {
    await browser?.close();
    embed?.server.close();
    await site?.stop();
  });

  it('the example site: no stale fallback, the session survives a reload, the picker drives the table', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${site.url}/login.html`);
    await page.getByLabel('Номер мобильного телефона').waitFor();
    assert.doesNotMatch(await loginText(page), /Загружаем/, 'fallback above the form');
    await record(page, 'site-login');
    await signIn(page, site.url);
    await page.waitForURL(/children\.html/);

    await page.goto(`${site.url}/login.html`);
    await page.getByText('Вы вошли как').waitFor();
    assert.doesNotMatch(await loginText(page), /Загружаем/, 'fallback beside «Вы вошли как»');
    await record(page, 'site-signed-in');

    // Item 2: a reload keeps the parent signed in.
    await page.goto(`${site.url}/grades.html`);
    const picker = page.locator('diary-child-picker select');
    await picker.waitFor();
    await page.reload();
    await picker.waitFor();
    // The first child of the server's list is selected; every widget without child-id shows it.
    const [first, second] = await picker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    assert.ok(first && second, 'the demo parent has two children');
    assert.equal(await picker.inputValue(), first);
    const childOf = (tag: string) =>
      page.locator(tag).evaluate((el) => (el as { childId?: string }).childId);
    assert.equal(await childOf('diary-grade-table'), first);
    await page.locator('diary-grade-table table').first().waitFor();
    await record(page, 'site-grades-first-child');

    // Item 3: the picker drives the grade table (and the chart).
    await picker.selectOption(second);
    await page.waitForFunction(
      `document.querySelector('diary-grade-table').childId === ${JSON.stringify(second)}`,
    );
    assert.equal(await childOf('diary-timeline-chart'), second);
    await page.locator('diary-grade-table table').first().waitFor();
    await record(page, 'site-grades-second-child');
    // The next page of the tab shows the same child.
    await page.goto(`${site.url}/schedule.html`);
    await page.locator('diary-child-picker select').waitFor();
    assert.equal(await page.locator('diary-child-picker select').inputValue(), second);
    await context.close();
  });

  for (const theme of ['light', 'dark', 'docs-appearance'] as const) {
    it(`the plain embed page on another origin under a strict CSP (${theme})`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/.test(m.text()))
          problems.push(m.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const query = theme === 'light' ? '' : theme === 'dark' ? '?theme=dark' : '?appearance=docs';
      const url = `http://127.0.0.1:${embed.port}/embed.html${query}`;
      await page.goto(url);
      await page.getByLabel('Номер мобильного телефона').waitFor();
      assert.doesNotMatch(await loginText(page), /Загружаем/);

      // Item 5: the page's own content inside the provider looks exactly as outside.
      const look = (selector: string) =>
        page.evaluate(`(() => {
          const s = getComputedStyle(document.querySelector('${selector}'));
          return [s.color, s.fontFamily, s.fontSize, s.lineHeight, s.colorScheme].join(' | ');
        })()`);
      assert.equal(await look('#inside-heading'), await look('#outside-heading'));
      assert.equal(await look('#inside-text'), await look('#outside-text'));
      await record(page, `embed-${theme}-signed-out`);

      await signIn(page, site.url);
      await page.getByText('Вы вошли как').waitFor();
      await page.locator('diary-grade-table table').first().waitFor();
      assert.doesNotMatch(await loginText(page), /Загружаем/);
      await record(page, `embed-${theme}-signed-in`);

      // Item 2: a reload on the school's own origin keeps the parent signed in.
      await page.reload();
      await page.getByText('Вы вошли как').waitFor();
      await page.locator('diary-child-picker select').waitFor();
      const picked = await page.locator('diary-child-picker select').inputValue();
      assert.equal(
        await page
          .locator('diary-grade-table')
          .evaluate((el) => (el as { childId?: string }).childId),
        picked,
      );
      assert.deepEqual(problems, [], 'console errors or CSP reports');
      await context.close();
    });
  }

  it('a CORS mistake: «Дневник временно недоступен» and one console line for the developer', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The same page under its other name: an origin the server was not told about.
    const origin = `http://localhost:${embed.port}`;
    await page.goto(`${origin}/embed.html`);
    await page.getByLabel('Номер мобильного телефона').fill(PARENT);
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    const alert = page.locator('diary-login [role="alert"]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /Дневник временно недоступен/);
    assert.doesNotMatch(text, /подключение к интернету/);
    const lines = errors.filter((e) => e.includes('--cors-origin'));
    assert.equal(lines.length, 1, errors.join('\n'));
    assert.ok(lines[0]?.includes(`--cors-origin ${origin}`), lines[0]);
    await record(page, 'embed-cors-mistake');
    await context.close();
  });
});
