// End to end: the parent's own account on the example school site (account.html), in real
// Chromium with two browser contexts — two devices of one parent. The first edits the profile,
// sees both devices in the list and signs the second out; the second is then signed out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSite, type StartedSite } from './school-site-server';
import { launchChromium, signInParent } from './site-browser';

describe('the account page of the example school site', { timeout: 300_000 }, () => {
  let site: StartedSite;
  let browser: Browser;
  let laptop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let phonePage: Page;

  before(async () => {
    site = await startSite();
    browser = await launchChromium();
    laptop = await browser.newContext({ locale: 'ru-RU' });
    phone = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 360, height: 740 },
    });
    page = await laptop.newPage();
    phonePage = await phone.newPage();
    await signInParent(page, site.url);
    await signInParent(phonePage, site.url);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('saves a change of the profile', async () => {
    await page.goto(`${site.url}/account.html`);
    const account = page.locator('diary-account');
    const email = `ivanova+${String(Date.now())}@example.org`;
    await account.getByLabel('Электронная почта (необязательно)').fill(email, { timeout: 30_000 });
    await account.getByRole('button', { name: 'Сохранить' }).click();
    await account.getByText('Профиль сохранён.').waitFor();
    await page.reload();
    await account.locator('[part~="sessions"]').waitFor({ timeout: 30_000 });
    assert.equal(await account.getByLabel('Электронная почта (необязательно)').inputValue(), email);
  });

  it('lists both devices and signs the other one out', async () => {
    await phonePage.goto(`${site.url}/account.html`);
    await phonePage.locator('diary-account [part~="sessions"]').waitFor({ timeout: 30_000 });
    const account = page.locator('diary-account');
    const others = account.locator('[part~="session"]', { hasNotText: 'это устройство' });
    await account.locator('[part~="session"]', { hasText: 'это устройство' }).waitFor();
    assert.equal(await others.count(), 1);
    await others.getByRole('button', { name: /^Выйти здесь/ }).click();
    await account.getByText(/Сеанс на устройстве .* завершён/).waitFor();
    await others.first().waitFor({ state: 'detached' });

    // The phone's next request is refused: it shows the signed-out state.
    await phonePage.reload();
    await phonePage
      .locator('diary-account')
      .getByText('Войдите в электронный дневник, чтобы изменить учётную запись.')
      .waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('diary-account [part~="session"]').count(), 1);
  });
});
