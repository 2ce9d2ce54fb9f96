// End to end: a parent creates an account on the example school site's login page (login.html) in
// real Chromium: the registration form, the SMS code that confirms the phone, then the sign-in
// code, both read from the dev outbox, and the site takes the new parent, named in its header, to
// «Мои дети».
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { latestCode, startSite, type StartedSite } from './school-site-server';
import { launchChromium } from './site-browser';

const NEW_PARENT = '+79995550123';

describe('registration on the example school site', { timeout: 300_000 }, () => {
  let site: StartedSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    site = await startSite();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('registers a parent, confirms the phone by SMS and lands signed in', async () => {
    await page.goto(`${site.url}/login.html`);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByRole('heading', { name: 'Регистрация родителя' }).waitFor();
    await page.getByLabel('Фамилия', { exact: true }).fill('Новикова');
    await page.getByLabel('Имя', { exact: true }).fill('Светлана');
    await page.getByLabel('Номер мобильного телефона').fill('8 999 555-01-23');
    await page.getByLabel('СНИЛС', { exact: true }).fill('112-233-445 95');
    await page.getByLabel('Серия и номер паспорта').fill('45 12 345678');
    await page.getByLabel('Придумайте пароль').fill('сирень цветёт у школы');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await page.getByRole('heading', { name: 'Подтвердите номер телефона' }).waitFor();
    await page.getByLabel('Код из СМС').fill(await latestCode(site.url, NEW_PARENT));
    await page.getByRole('button', { name: 'Продолжить' }).click();

    // Confirmed: the widget signs in with the same phone and password, which sends a new code.
    await page.getByText('учётная запись создана').waitFor();
    await page.getByLabel('Код из СМС').fill(await latestCode(site.url, NEW_PARENT));
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.waitForURL(/\/children\.html$/);

    await page.locator('[data-account-name]').getByText('Новикова Светлана').waitFor();
  });
});
