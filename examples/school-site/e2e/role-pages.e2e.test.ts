// End to end: the example school site as each role sees it (`npm start`, Chromium at 360 px).
// Each demo account signs in on the login page, starts on its own first page, and finds in the
// navigation the sections meant for its role (the `data-for` that scripts/school-site-frame.mjs
// writes from site-sections.js); none of those pages asks the server for something the role is
// refused, offers «Повторить», or scrolls sideways. A teacher who opens a parent's page is told
// it is not for a teacher, with nothing to retry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startSite, type StartedSite } from './school-site-server';
import { allRendered, pageWidth } from './page-probes';
import { MATH_TEACHER, PARENT, PASSWORD, launchChromium, signIn } from './site-browser';

const ACCOUNTS = [
  { role: 'parent', phone: PARENT, landing: 'children.html' },
  { role: 'student', phone: '+79990000031', landing: 'grades.html' },
  { role: 'teacher', phone: MATH_TEACHER, landing: 'journal.html' },
  { role: 'school_admin', phone: '+79990000010', landing: 'admin.html' },
] as const;

const root = new URL('../../../', import.meta.url).pathname;

/** Every tag the one-script embed defines (its loader names each), for «all rendered». */
function kitTags(): string {
  const loader = readFileSync(`${root}packages/elements/dist/diary-elements.js`, 'utf8');
  return [...new Set([...loader.matchAll(/"(diary-[a-z-]+)":/g)].map((m) => m[1]))].join(',');
}

/** The navigation's sections: where each goes, who it is for, and whether it is shown. */
async function sections(page: Page) {
  const items = page.locator('.site-nav li[data-for]');
  const found: { href: string; for: string[]; shown: boolean }[] = [];
  for (let i = 0; i < (await items.count()); i += 1) {
    const item = items.nth(i);
    found.push({
      href: (await item.locator('a').getAttribute('href')) ?? '',
      for: ((await item.getAttribute('data-for')) ?? '').split(' '),
      shown: await item.isVisible(),
    });
  }
  return found;
}

/** Opens a page and waits until every widget has rendered and none is loading. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(allRendered, kitTags());
  await page.locator('.diary-spinner').first().waitFor({ state: 'hidden', timeout: 30_000 });
}

describe('the example site as each role sees it (npm start, Chromium, 360 px)', () => {
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

  for (const account of ACCOUNTS) {
    it(`shows a ${account.role} the sections meant for it, each working at 360 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const landing = new RegExp(`/${account.landing.replace('.', '\\.')}$`);
      await signIn(page, site.url, { phone: account.phone, password: PASSWORD, landing });
      await page.locator('[data-account-name]').filter({ hasText: /\S/ }).waitFor();
      // On a phone the sections fold behind «Меню».
      await page.getByRole('button', { name: 'Меню' }).click();

      const nav = await sections(page);
      const meant = nav.filter((s) => s.for.includes('everyone') || s.for.includes(account.role));
      assert.deepEqual(
        nav.filter((s) => s.shown).map((s) => s.href),
        meant.map((s) => s.href),
        'the navigation shows exactly the sections meant for the role',
      );

      const problems: string[] = [];
      for (const { href } of meant) {
        const refused: string[] = [];
        const onResponse = (response: { status(): number; url(): string }) => {
          if (response.status() === 403 && response.url().includes('/api/'))
            refused.push(new URL(response.url()).pathname);
        };
        page.on('response', onResponse);
        await open(page, `${site.url}/${href}`);
        page.off('response', onResponse);
        if (refused.length) problems.push(`${href}: refused ${refused.join(', ')}`);
        if (await page.locator('[part~="retry"]').count())
          problems.push(`${href}: offers «Повторить»`);
        const width = await page.evaluate(pageWidth);
        if (width.scroll > width.client)
          problems.push(`${href}: ${width.scroll}px wide on a ${width.client}px screen`);
      }
      assert.deepEqual(problems, [], `${account.role}'s pages`);
      await context.close();
    });
  }

  it('tells a teacher who opens a parent’s page that it is not for a teacher, with no retry', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, site.url, {
      phone: MATH_TEACHER,
      password: PASSWORD,
      landing: /\/journal\.html$/,
    });
    for (const href of ['news.html', 'homework.html']) {
      await open(page, `${site.url}/${href}`);
      await page
        .getByText('Этот раздел дневника не предназначен для учётной записи учителя.')
        .first()
        .waitFor();
      assert.equal(await page.locator('[part~="retry"]').count(), 0, `${href}: a retry`);
      // The page's own section stays in the navigation, so the teacher sees where they are.
      await page.getByRole('button', { name: 'Меню' }).click();
      assert.ok(await page.locator(`.site-nav a[href="${href}"]`).isVisible(), href);
    }
    await context.close();
  });
});
