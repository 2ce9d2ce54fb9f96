// End to end: a parent and Мария's maths teacher talk on the example site's «Сообщения»
// (`npm start`, Chromium). The parent writes on chat.html; the teacher, whose navigation offers
// «Сообщения», finds the parent's conversation there with its unread count, reads it and answers
// with a file attached; the parent sees the answer arrive, with the file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { pageWidth } from './page-probes';
import { startSite, type StartedSite } from './school-site-server';
import {
  MARIA,
  MATH_TEACHER,
  MATH_THREAD,
  PASSWORD,
  launchChromium,
  signIn,
  signInParent,
} from './site-browser';

describe('a parent and a teacher on the site’s «Сообщения» (npm start, Chromium)', () => {
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

  async function pageAt(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    return context.newPage();
  }

  it('the teacher answers the parent’s message on chat.html, and the parent sees the answer', async () => {
    const parentPage = await pageAt(1024);
    await signInParent(parentPage, site.url);
    await parentPage.goto(`${site.url}/chat.html?child=${MARIA}`);
    const parentChat = parentPage.locator('diary-chat');
    await parentChat.locator(`[data-thread="${MATH_THREAD}"] button`).click({ timeout: 30_000 });
    await parentChat.locator('[role="log"][aria-busy="false"]').waitFor({ timeout: 20_000 });
    const question = `Когда можно переписать контрольную? (${Date.now()})`;
    await parentChat.locator('#message').fill(question);
    await parentChat.locator('[part~="send"]').click();
    await parentChat
      .locator('[part="status"]')
      .getByText('Отправлено')
      .waitFor({ timeout: 20_000 });

    const teacherPage = await pageAt(360);
    await signIn(teacherPage, site.url, {
      phone: MATH_TEACHER,
      password: PASSWORD,
      landing: /\/journal\.html$/,
    });
    // «Сообщения» is one of the teacher's sections (behind the menu button on a phone).
    const messages = teacherPage.locator('.site-nav li[data-for~="teacher"] a[href="chat.html"]');
    assert.equal(await messages.count(), 1, 'the teacher’s navigation has «Сообщения»');
    await teacherPage.goto(`${site.url}/chat.html`);
    const teacherChat = teacherPage.locator('diary-chat');
    const thread = teacherChat.locator(`[data-thread="${MATH_THREAD}"]`);
    await thread.waitFor({ timeout: 30_000 });
    assert.match(await thread.innerText(), /Иванова Елена/);
    assert.match(await thread.locator('[part="unread"]').innerText(), /^\d+ непрочитанн/);
    assert.equal(await teacherChat.locator('[part~="retry"]').count(), 0);
    await thread.locator('button').click();
    const log = teacherChat.locator('[role="log"][aria-busy="false"]');
    await log.waitFor({ timeout: 20_000 });
    await log.getByText(question).waitFor();

    const answer = `Во вторник после уроков, кабинет 21 (${Date.now()})`;
    await teacherChat.locator('#message').fill(answer);
    await teacherChat.locator('#files').setInputFiles({
      name: 'zadachi.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('№ 312–315'),
    });
    await teacherChat.locator('[data-file-state="ready"]').waitFor({ timeout: 20_000 });
    await teacherChat.locator('[part~="send"]').click();
    await teacherChat
      .locator('[part="status"]')
      .getByText('Отправлено')
      .waitFor({ timeout: 20_000 });
    const width = await teacherPage.evaluate(pageWidth);
    assert.ok(width.scroll <= width.client, `chat.html is ${width.scroll}px on ${width.client}px`);

    // The parent's open conversation shows the answer as it arrives, with its file.
    const arrived = parentChat.locator('[part~="message"]').filter({ hasText: answer });
    await arrived.waitFor({ timeout: 20_000 });
    assert.match(await arrived.innerText(), /zadachi\.txt/);
    await parentPage.context().close();
    await teacherPage.context().close();
  });
});
