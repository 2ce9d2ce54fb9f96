// A school's news, end to end in Chromium on the demo world: the admin of Школа № 42 signs in on
// the example site, writes an event in <diary-news-editor> on admin.html (refused first without
// a title, beside the field), checks its preview and publishes it; Мария's mother then reads it
// on news.html on a 360 px phone, with its day, hours and place, and the admin removes it (on a
// phone too).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '@school-diary/core';
import type { Browser, Page } from 'playwright-core';
import { pageWidth } from './page-probes';
import { startSite, type StartedSite } from './school-site-server';
import { launchChromium, PASSWORD, signIn, signInParent } from './site-browser';

const ADMIN = '+79990000010';
const TITLE = 'Лыжня школы № 42';
const PLACE = 'Парк у школы, вход с улицы Королёва';

// Two weeks from whatever day the test runs, typed as the date box reads it (day first).
const eventDate = addDays(new Date().toISOString().slice(0, 10), 14);
const typedDate = eventDate.split('-').reverse().join('.');

/** The page's width beyond its viewport: 0 when nothing scrolls sideways. */
async function overflow(page: Page): Promise<number> {
  const { scroll, client } = await page.evaluate(pageWidth);
  return scroll - client;
}

describe(
  'a school admin publishes an event that parents read (Chromium)',
  { timeout: 480_000 },
  () => {
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

    it('the admin publishes an event on admin.html and the parent sees it on news.html at 360 px', async () => {
      const adminContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const admin = await adminContext.newPage();
      await signIn(admin, site.url, {
        phone: ADMIN,
        password: PASSWORD,
        landing: /\/admin\.html$/,
      });
      const editor = admin.locator('diary-news-editor');
      await editor.locator('[part="list"]').waitFor({ timeout: 60_000 });

      // Nothing typed yet: refused beside the fields, before anything reaches the server.
      await editor.getByRole('button', { name: 'Опубликовать' }).press('Enter');
      await editor.locator('#news-title-error', { hasText: 'Заполните это поле' }).waitFor();

      await editor.getByLabel('Событие с датой').check();
      await editor.locator('#news-title').fill(TITLE);
      await editor.locator('#body').fill('Соревнования для 1–11 классов.\n\nЛыжи выдаём на месте.');
      await editor.locator('#event-date').fill(typedDate);
      await editor.locator('#event-date').press('Tab');
      await editor.locator('#start-time').fill('11:00');
      await editor.locator('#end-time').fill('13:30');
      await editor.locator('#location').fill(PLACE);

      const preview = editor.locator('[part="preview"]');
      await preview.locator('#preview-article-title', { hasText: TITLE }).waitFor();
      assert.match(await preview.locator('[part="event-facts"]').innerText(), /11:00–13:30/);

      await editor.getByRole('button', { name: 'Опубликовать' }).press('Enter');
      await editor
        .getByRole('status')
        .filter({ hasText: `Опубликовано: «${TITLE}»` })
        .waitFor({ timeout: 30_000 });
      assert.equal(await editor.locator('#news-title-error').count(), 0);
      await editor.locator('[part="item"]').first().filter({ hasText: TITLE }).waitFor();

      const parentContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
      const parent = await parentContext.newPage();
      await signInParent(parent, site.url);
      await parent.goto(`${site.url}/news.html`);
      const news = parent.locator('diary-news');
      const first = news.locator('[part="item"]').first();
      await first.filter({ hasText: TITLE }).waitFor({ timeout: 60_000 });
      assert.equal(await overflow(parent), 0);
      await first.getByRole('button', { name: `Читать: ${TITLE}` }).press('Enter');
      const facts = await news.locator('[part="event-facts"]').innerText();
      assert.match(facts, /11:00–13:30/);
      assert.match(facts, new RegExp(PLACE));
      assert.equal(
        await news.locator('.diary-text', { hasText: 'Лыжи выдаём на месте.' }).count(),
        1,
      );
      assert.equal(await overflow(parent), 0);

      // On a phone too, the admin removes it after the confirmation; the parent's feed loses it.
      await admin.setViewportSize({ width: 360, height: 780 });
      await editor.locator('[part="item"]').first().scrollIntoViewIfNeeded();
      assert.equal(await overflow(admin), 0);
      await editor.getByRole('button', { name: `Удалить «${TITLE}»` }).press('Enter');
      await editor.getByRole('button', { name: 'Да, удалить' }).press('Enter');
      await editor
        .getByRole('status')
        .filter({ hasText: `Удалено: «${TITLE}»` })
        .waitFor();
      await parent.reload();
      await news.locator('[part="item"]').first().waitFor({ timeout: 60_000 });
      assert.equal(await news.locator('[part="item"]', { hasText: TITLE }).count(), 0);

      await adminContext.close();
      await parentContext.close();
    });
  },
);
