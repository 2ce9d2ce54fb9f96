// End to end: the parent's own account on the example school site (account.html), in real
// Chromium with browser contexts as devices of one parent. The first edits the profile, sees both
// devices in the list and signs the second out; the second is then signed out. Then the first
// shows a QR code, a third device opens the address decoded from it (jsQR), the first allows it,
// and the third is signed in; the same code on a fourth device is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSite, type StartedSite } from './school-site-server';
import { launchChromium, signInParent } from './site-browser';

/** The QR code on the page as pixels for jsQR: its SVG drawn on a canvas, on white. */
async function qrPixels(page: Page): Promise<[Uint8ClampedArray, number, number]> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const { data, size } = await page.evaluate<{ data: number[]; size: number }>(`(async () => {
    const svg = document
      .querySelector('diary-qr-handoff')
      ?.shadowRoot?.querySelector('[part~="qr"] svg');
    if (!svg) throw new Error('no QR code');
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg.outerHTML);
    await image.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 20, 20, size - 40, size - 40);
    return { data: [...context.getImageData(0, 0, size, size).data], size };
  })()`);
  return [Uint8ClampedArray.from(data), size, size];
}

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
  it('signs a new device in by the QR code once, after the first device allows it', async () => {
    await page.goto(`${site.url}/account.html`);
    const handoff = page.locator('diary-qr-handoff');
    await handoff.getByRole('button', { name: 'Показать QR-код' }).click({ timeout: 30_000 });
    await handoff.locator('[part~="qr"] svg').waitFor();
    const address = jsQR(...(await qrPixels(page)))?.data;
    assert.match(address ?? '', /\/account\.html#diary-handoff=/);

    const tablet = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 360, height: 740 },
    });
    const tabletPage = await tablet.newPage();
    await tabletPage.goto(address ?? '');
    await tabletPage
      .locator('diary-qr-handoff')
      .getByText('Подтвердите вход')
      .waitFor({ timeout: 30_000 });
    await handoff.getByText(/хочет войти/).waitFor({ timeout: 30_000 });
    await handoff.getByRole('button', { name: 'Да, впустить' }).click();
    await tabletPage
      .locator('diary-qr-handoff')
      .getByText('Вы вошли в дневник')
      .waitFor({ timeout: 30_000 });
    await tabletPage.locator('diary-account [part~="sessions"]').waitFor({ timeout: 30_000 });
    assert.equal(new URL(tabletPage.url()).hash, '', 'the spent token left the address');
    await handoff.getByText('Готово: телефон вошёл в дневник.').waitFor({ timeout: 30_000 });

    const stranger = await browser.newContext({ locale: 'ru-RU' });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(address ?? '');
    await strangerPage
      .locator('diary-qr-handoff')
      .getByText(/уже использован/)
      .waitFor({ timeout: 30_000 });
    await strangerPage
      .locator('diary-account')
      .getByText('Войдите в электронный дневник')
      .waitFor();
    await tablet.close();
    await stranger.close();
  });
});
