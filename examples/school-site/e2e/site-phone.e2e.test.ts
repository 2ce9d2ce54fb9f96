// End to end: the example site on a phone (`npm start`, Chromium at 360 px). The navigation folds
// behind «Меню» (a button that says whether it is open, and closes on Escape) instead of wrapping
// into rows above the page; without script it is one row that scrolls sideways; at 1024 px every
// section is in view. A parent with no children yet is told so once, with the way forward.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { pageWidth } from './page-probes';
import { startSite, type StartedSite } from './school-site-server';
import { PASSWORD, launchChromium, signIn, signInParent } from './site-browser';

/** Соколова Ольга: a demo parent who registered but has no children in the diary yet. */
const PARENT_WITHOUT_CHILDREN = '+79990000003';

describe('the example site on a phone (npm start, Chromium, 360 px)', () => {
  let site: StartedSite;
  let browser: Browser;

  before(async () => {
    site = await startSite();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function pageAt(width: number, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 740 },
      javaScriptEnabled,
    });
    return context.newPage();
  }

  it('folds a parent’s sections behind «Меню»: open, Escape, back on the button', async () => {
    const page = await pageAt(360);
    await signInParent(page, site.url);
    const toggle = page.getByRole('button', { name: 'Меню' });
    const grades = page.locator('.site-nav a[href="grades.html"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await grades.isVisible(), false, 'the sections are folded');
    // The header is the logo, the account line and the button: not rows of links.
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header && header.height < 200, `the header is ${header?.height}px tall`);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await grades.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.locator(':focus').getAttribute('href'),
      'index.html',
      'Tab goes from the button into the sections',
    );
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await grades.isVisible(), false);
    assert.equal(
      await page.locator(':focus').getAttribute('class'),
      'site-nav__toggle',
      'Escape returns to the button',
    );

    await toggle.click();
    await grades.click();
    await page.waitForURL(/\/grades\.html$/);
    const width = await page.evaluate(pageWidth);
    assert.ok(
      width.scroll <= width.client,
      `grades.html is ${width.scroll}px on ${width.client}px`,
    );
    await page.context().close();
  });

  it('keeps every section one row that scrolls sideways without script', async () => {
    const page = await pageAt(360, false);
    await page.goto(`${site.url}/index.html`);
    assert.equal(await page.locator('.site-nav__toggle').isVisible(), false);
    const list = page.locator('.site-nav ul');
    const box = await list.boundingBox();
    assert.ok(box && box.height < 60, `the sections take ${box?.height}px`);
    const [scroll, client] = await list.evaluate((ul) => [ul.scrollWidth, ul.clientWidth]);
    assert.ok(scroll > client, 'the row scrolls');
    const width = await page.evaluate(pageWidth);
    assert.ok(width.scroll <= width.client, `the page is ${width.scroll}px on ${width.client}px`);
    await page.context().close();
  });

  it('shows every section without a button at 1024 px', async () => {
    const page = await pageAt(1024);
    await signInParent(page, site.url);
    assert.equal(await page.locator('.site-nav__toggle').isVisible(), false);
    assert.ok(await page.locator('.site-nav a[href="grades.html"]').isVisible());
    await page.context().close();
  });

  it('tells a parent without children so once, with a link to the form', async () => {
    const page = await pageAt(360);
    await signIn(page, site.url, {
      phone: PARENT_WITHOUT_CHILDREN,
      password: PASSWORD,
      landing: /\/children\.html$/,
    });
    const none = page.locator('[data-no-children]');
    await none.waitFor({ timeout: 30_000 });
    await page.locator('diary-child-form form').waitFor();
    assert.equal(await page.getByText('Детей в дневнике пока нет').count(), 1);
    await none.getByRole('link', { name: 'Запишите ребёнка' }).click();
    await page.waitForURL(/#register-child$/);

    // A diary page with the child picker: the widget says it, the picker does not repeat it.
    await page.goto(`${site.url}/schedule.html`);
    const said = page.getByText('Детей в дневнике пока нет');
    await said.first().waitFor({ timeout: 30_000 });
    assert.equal(await said.count(), 1);
    await page.context().close();
  });
});
