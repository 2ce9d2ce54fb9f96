// End to end: the example school site as `npm start` serves it, in real Chromium (playwright-core
// with the system's browser; nothing is downloaded). A parent signs in with the SMS code from the
// dev outbox and registers a child; every page is photographed at desktop and phone width into
// artifacts/e2e/, and no page may scroll sideways on a 360 px screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { latestCode, startSite, type StartedSite } from './school-site-server';

const root = new URL('../../../', import.meta.url).pathname;
const artifacts = process.env.E2E_ARTIFACTS ?? join(root, 'artifacts/e2e');
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));

// Иванова Елена: the demo parent with a confirmed identity (two children, Мария and Пётр).
const PARENT = '+79990000001';
const PASSWORD = 'diary-demo';
const PAGES = ['index', 'login', 'children', 'grades', 'schedule', 'chat'] as const;
const KIT_TAGS = [
  'provider',
  'login',
  'child-form',
  'grade-table',
  'timeline-chart',
  'schedule',
  'chat',
];
/** The kit's tags that the one-script build has code for (a `define-<name>-<hash>.js` chunk). */
function builtTags(): string[] {
  const chunks = readdirSync(join(root, 'packages/elements/dist/diary-elements'));
  return KIT_TAGS.filter((name) => chunks.some((file) => file.startsWith(`define-${name}-`))).map(
    (name) => `diary-${name}`,
  );
}
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

describe('the example school site (npm start) in Chromium', { timeout: 110_000 }, () => {
  let site: StartedSite;
  let browser: Browser;
  let parent: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    assert.ok(chromePath, 'Chromium is needed: install it or set CHROME_PATH');
    mkdirSync(artifacts, { recursive: true });
    site = await startSite();
    browser = await chromium.launch({
      executablePath: chromePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    parent = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    page = await parent.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('loads only the login’s code on the login page', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}/login.html`);
    await page.getByLabel('Номер мобильного телефона').waitFor();
    assert.ok(scripts.includes('/embed/diary-elements.js'), scripts.join('\n'));
    assert.ok(scripts.some((s) => /\/embed\/diary-elements\/define-login-/.test(s)));
    assert.ok(scripts.some((s) => /\/embed\/diary-elements\/define-provider-/.test(s)));
    assert.equal(
      scripts.filter((s) => /define-(child-form|grade-table|timeline-chart|schedule|chat)/.test(s))
        .length,
      0,
      `the login page fetched other widgets: ${scripts.join(', ')}`,
    );
  });

  it('signs the parent in with the one-time code from the dev outbox', async () => {
    await page.getByLabel('Номер мобильного телефона').fill(PARENT);
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    const codeField = page.getByLabel('Код из СМС');
    await codeField.waitFor();
    await codeField.fill(await latestCode(site.url, PARENT));
    await page.getByRole('button', { name: 'Продолжить' }).click();
    // The school's page script takes a signed-in parent to «Мои дети».
    await page.waitForURL(/\/children\.html$/);
    const list = page.locator('[data-children-list]');
    await list.getByText('Иванова Мария').waitFor();
    await list.getByText('Иванов Пётр').waitFor();
    await page.locator('[data-account-name]').getByText('Иванова Елена').waitFor();
  });

  it('registers a child: a wrong SNILS gets its field error, the fixed one an application', async () => {
    const form = page.locator('diary-child-form');
    await form.locator('#lastName').fill('Смирнова');
    await form.locator('#firstName').fill('Анна');
    await form.locator('#birthDate-day').fill('14');
    await form.locator('#birthDate-month').fill('марта');
    await form.locator('#birthDate-year').fill('2015');
    await form.locator('#sex-female').check();
    await form.locator('#snils').fill('123-456-789 65');
    await form.locator('#school').fill('42');
    await form.getByRole('option').first().click();
    await form.locator('#rosterId').fill('R42-5A-99');
    await form.getByRole('button', { name: 'Продолжить' }).click();

    const snils = form.locator('#snils');
    await assertAttribute(snils, 'aria-invalid', 'true');
    const error = form.locator('#snils-error');
    assert.match(await error.innerText(), /Контрольное число СНИЛС не совпадает/);
    // GOV.UK: the error summary links to the field.
    await form.getByRole('link', { name: /Контрольное число СНИЛС/ }).waitFor();

    await snils.fill('123-456-789 64');
    await form.getByRole('button', { name: 'Продолжить' }).click();
    const code = form.locator('#code');
    await code.waitFor();
    await code.fill(await latestCode(site.url, PARENT));
    await form.getByRole('button', { name: 'Подтвердить' }).click();
    const number = form.locator('[data-application-number]');
    await number.waitFor();
    assert.match(await number.innerText(), /^ЭД-\d{4}-\d{6}$/);
    // The page's own list follows the new child.
    await page.locator('[data-children-list]').getByText('Смирнова Анна').waitFor();
  });

  it('photographs every page at desktop and phone width, none scrolls sideways at 360 px', async () => {
    const session = await parent.storageState();
    const overflowing: string[] = [];
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({
        viewport,
        locale: 'ru-RU',
        storageState: session,
      });
      const shot = await context.newPage();
      for (const pageName of PAGES) {
        await shot.goto(`${site.url}/${pageName}.html`);
        // Every tag the build has code for is defined and has rendered before the picture.
        await shot.waitForFunction(renderedCheck(builtTags()));
        await shot.evaluate('document.fonts.ready');
        await shot.screenshot({ path: join(artifacts, `${pageName}-${name}.png`), fullPage: true });
        const width = (await shot.evaluate(
          '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
        )) as { scroll: number; client: number };
        if (name === 'phone' && width.scroll > width.client)
          overflowing.push(`${pageName}: ${width.scroll}px wide on a ${width.client}px screen`);
      }
      await context.close();
      for (const pageName of PAGES)
        assert.ok(
          existsSync(join(artifacts, `${pageName}-${name}.png`)),
          `${pageName}-${name}.png`,
        );
    }
    assert.deepEqual(overflowing, [], overflowing.join('\n'));
  });

  it('logged no errors in the browser console', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

/** Browser-side check (a string: this file is compiled without DOM types) that kit tags rendered. */
function renderedCheck(tags: readonly string[]): string {
  return `[...document.querySelectorAll(${JSON.stringify(tags.join(','))})].every(
    (el) => el.matches(':defined') && (el.shadowRoot ?? el).childNodes.length > 0)`;
}

/** Waits until an element's attribute has a value (playwright-core has no `expect`). */
async function assertAttribute(locator: Locator, name: string, value: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.getAttribute(name);
    if (last === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${name} stayed ${JSON.stringify(last)}, expected ${JSON.stringify(value)}`);
}
