// End to end: the chat's offline outbox on the example site (`npm start`, Chromium). A message
// written while the connection is down is queued on the device, whatever the widget would have
// fetched lazily, and reaches the server exactly once when the connection returns — after the
// tab was closed and opened again, or with the tab left open and then reloaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSite, type StartedSite } from './school-site-server';
import { launchChromium, MARIA, MATH_THREAD, signInParent, signInTeacher } from './site-browser';

describe(
  'the chat keeps a message written offline (npm start, Chromium)',
  { timeout: 150_000 },
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

    /** A fresh context (cold cache, nothing fetched yet) with the parent signed in. */
    async function signedInContext(): Promise<BrowserContext> {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'ru-RU',
      });
      await signInParent(await context.newPage(), site.url);
      return context;
    }

    async function openThread(page: Page): Promise<void> {
      await page.goto(`${site.url}/chat.html?child=${MARIA}`);
      const chat = page.locator('diary-chat');
      await chat.locator(`[data-thread="${MATH_THREAD}"] button`).click({ timeout: 30_000 });
      await chat.locator('[role="log"][aria-busy="false"]').waitFor({ timeout: 20_000 });
    }

    /** Writes and sends a message offline; resolves once the chat shows it waiting to be sent. */
    async function sendOffline(page: Page, text: string): Promise<void> {
      const chat = page.locator('diary-chat');
      await chat.locator('#message').fill(text);
      await chat.locator('[part~="send"]').click();
      await chat
        .locator('[part~="message-pending"]', { hasText: text })
        .getByText('Ожидает отправки')
        .waitFor({ timeout: 20_000 });
      assert.equal(await chat.locator('[part~="send-error"], .diary-field-error').count(), 0);
    }

    /** How many messages with this text the teacher sees in the thread, once it is there. */
    async function copiesOnServer(text: string): Promise<number> {
      const teacher = await signInTeacher(site.url);
      try {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const { items } = await teacher.threads.messages({ threadId: MATH_THREAD });
          const copies = items.filter((message) => message.text === text).length;
          if (copies > 0 || Date.now() > deadline) return copies;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      } finally {
        await teacher.auth.logout();
      }
    }

    it('sends a message written offline once, after the tab was closed and reopened online', async () => {
      const context = await signedInContext();
      const page = await context.newPage();
      await openThread(page);
      await context.setOffline(true);
      const text = `Мария сегодня у врача, справку принесём (${Date.now()})`;
      await sendOffline(page, text);
      await page.close();

      await context.setOffline(false);
      const again = await context.newPage();
      await openThread(again);
      const chat = again.locator('diary-chat');
      await chat
        .locator('[part~="message-own"]:not([part~="message-pending"])', { hasText: text })
        .waitFor({
          timeout: 20_000,
        });
      assert.equal(await copiesOnServer(text), 1);
      await context.close();
    });

    it('sends a message written after the connection dropped once the connection returns', async () => {
      const context = await signedInContext();
      const page = await context.newPage();
      await openThread(page);
      await context.setOffline(true);
      const text = `Можно перенести консультацию на четверг? (${Date.now()})`;
      await sendOffline(page, text);

      await context.setOffline(false);
      const chat = page.locator('diary-chat');
      await chat.locator('[part="status"]').getByText('Отправлено').waitFor({ timeout: 20_000 });
      await page.reload();
      await openThread(page);
      assert.equal(await copiesOnServer(text), 1);
      await context.close();
    });
  },
);
