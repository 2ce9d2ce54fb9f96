// The school admin's desk, end to end in Chromium against `npm start` on the demo world: a parent
// applies for the diary, the admin rejects the application with a reason in the queue of
// <diary-school-setup>, and the parent reads the reason in the notifications and on the
// application's page; the admin finds a parent by phone and SNILS at <diary-identity-desk> and
// confirms her identity in person, and her account then says so; the admin filters
// <diary-audit-log> by each of those actions and sees the entries with who did them. Every step is
// also checked at 360 px: no page scrolls sideways and the step's controls are on the screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { latestCode, startSite, type StartedSite } from './school-site-server';
import { pageWidth } from './page-probes';
import { PARENT, PASSWORD, launchChromium, signIn, signedInClient } from './site-browser';

const ADMIN = '+79990000010';
const ADMIN_WHO = 'Кириллова Н. П. (Администратор школы)';
/** Соколова Ольга: a registered parent whose identity is not confirmed yet. */
const NEW_PARENT = { id: 'usr_parent_new', phone: '+79990000003', snils: '345-678-912 26' };
const REASON = 'В 5А нет ученика с таким номером — уточните номер у классного руководителя';
const DESKTOP = { width: 1024, height: 900 };
const PHONE = { width: 360, height: 740 };

/**
 * At 360 px the page does not scroll sideways and each control is visible, enabled and wholly
 * on the screen once scrolled to; the page is put back at desktop width afterwards.
 */
async function fitsPhone(page: Page, controls: readonly Locator[]): Promise<void> {
  await page.setViewportSize(PHONE);
  try {
    const width = await page.evaluate(pageWidth);
    assert.ok(width.scroll <= width.client, `${width.scroll}px wide on a ${width.client}px screen`);
    for (const control of controls) {
      await control.scrollIntoViewIfNeeded();
      assert.ok(await control.isVisible(), `${control.toString()} is hidden at 360 px`);
      assert.ok(await control.isEnabled(), `${control.toString()} is disabled at 360 px`);
      const box = await control.boundingBox();
      assert.ok(box, `${control.toString()} has no box at 360 px`);
      assert.ok(
        box.x >= 0 && box.x + box.width <= PHONE.width,
        `${control.toString()} runs off the screen: ${box.x}..${box.x + box.width}`,
      );
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

describe(
  'the school admin’s desk: applications, identity, audit (npm start, Chromium)',
  {
    timeout: 480_000,
  },
  () => {
    let site: StartedSite;
    let browser: Browser;
    let admin: BrowserContext;
    let adminPage: Page;
    /** The number of the application the parent sends, and the child it is for. */
    let number = '';

    before(async () => {
      site = await startSite();
      browser = await launchChromium();
      admin = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU' });
      adminPage = await admin.newPage();
      await signIn(adminPage, site.url, {
        phone: ADMIN,
        password: PASSWORD,
        landing: /admin\.html$/,
      });
    });

    after(async () => {
      await browser?.close();
      await site?.stop();
    });

    it('rejects a parent’s application with a reason, which the parent then reads', async () => {
      const parent = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU' });
      const page = await parent.newPage();
      await signIn(page, site.url, {
        phone: PARENT,
        password: PASSWORD,
        landing: /children\.html$/,
      });
      const form = page.locator('diary-child-form');
      await form.locator('#lastName').fill('Смирнова');
      await form.locator('#firstName').fill('Анна');
      await form.locator('#birthDate-day').fill('14');
      await form.locator('#birthDate-month').fill('марта');
      await form.locator('#birthDate-year').fill('2015');
      await form.locator('#sex-female').check();
      await form.locator('#snils').fill('123-456-789 64');
      await form.locator('#school').fill('42');
      await form.getByRole('option').first().click();
      await form.locator('#rosterId').fill('R42-5A-99');
      await form.getByRole('button', { name: 'Продолжить' }).click();
      await form.locator('#code').fill(await latestCode(site.url, PARENT));
      await form.getByRole('button', { name: 'Подтвердить' }).click();
      const sent = form.locator('[data-application-number]');
      await sent.waitFor({ timeout: 60_000 });
      number = (await sent.innerText()).trim();
      assert.match(number, /^ЭД-\d{4}-\d{6}$/);

      // The admin finds it in the queue, opens the rejection and first forgets the reason.
      await adminPage.reload();
      const setup = adminPage.locator('diary-school-setup');
      const queue = setup.locator('[aria-labelledby="applications-heading"]');
      const item = queue.locator(`[data-application="${number}"]`, { hasText: 'Смирнова Анна' });
      await item.waitFor({ timeout: 60_000 });
      const reject = queue.getByRole('button', { name: `Отклонить заявление ${number}` });
      await fitsPhone(adminPage, [reject]);
      await reject.press('Enter');
      const reason = setup.locator('#reject-reason');
      const confirm = item.getByRole('button', { name: 'Отклонить', exact: true });
      await fitsPhone(adminPage, [reason, confirm]);
      await confirm.click();
      await setup.locator('#reject-reason-error').waitFor();
      await reason.fill(REASON);
      await confirm.click();
      await queue
        .getByRole('status')
        .filter({ hasText: `Заявление ${number} отклонено, родитель получил причину.` })
        .waitFor({ timeout: 30_000 });
      await item.waitFor({ state: 'detached' });

      // The parent is told, with the reason: in the notifications and on the application's page.
      await page.goto(`${site.url}/notifications.html`);
      const told = page
        .locator('diary-notifications')
        .last()
        .getByText(`Статус заявления ${number}: отклонено. Причина: ${REASON}`);
      await told.waitFor({ timeout: 30_000 });
      await fitsPhone(page, [told]);
      await page.goto(`${site.url}/children.html`);
      const card = page.locator('[data-children-list] [data-child]', { hasText: 'Смирнова Анна' });
      await card.getByRole('link', { name: 'Заявление' }).click();
      const application = page.locator('diary-application');
      await application.getByText(`Заявление ${number}`).waitFor({ timeout: 30_000 });
      await application.locator('[data-status="rejected"][data-state="current"]').waitFor();
      const why = application.locator('[part~="reason"]');
      assert.equal((await why.innerText()).trim(), `Причина: ${REASON}`);
      await fitsPhone(page, [why]);
      await parent.close();
    });

    it('confirms a parent’s identity in person at the desk, and her account then says so', async () => {
      const desk = adminPage.locator('diary-identity-desk');
      const find = desk.getByRole('button', { name: 'Найти' });
      await fitsPhone(adminPage, [desk.locator('#phone'), desk.locator('#snils'), find]);
      await desk.locator('#phone').fill(NEW_PARENT.phone);
      await desk.locator('#snils').fill(NEW_PARENT.snils);
      await find.click();
      await desk.getByText('Статус личности: не подтверждена').waitFor({ timeout: 30_000 });
      const passport = desk.locator('#document-passport');
      const confirm = desk.getByRole('button', { name: 'Подтвердить личность' });
      await fitsPhone(adminPage, [passport, desk.locator('#note'), confirm]);
      await passport.check();
      await desk.locator('#note').fill('Паспорт предъявлен лично');
      await confirm.click();
      await desk.getByText('Статус личности: подтверждена лично').waitFor({ timeout: 30_000 });

      const parent = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU' });
      const page = await parent.newPage();
      await signIn(page, site.url, {
        phone: NEW_PARENT.phone,
        password: PASSWORD,
        landing: /children\.html$/,
      });
      await page.goto(`${site.url}/account.html`);
      const identity = page.locator('diary-account [part="identity"]');
      await identity.waitFor({ timeout: 30_000 });
      assert.equal((await identity.innerText()).trim(), 'Личность: подтверждена лично в школе');
      assert.equal(await identity.getAttribute('data-identity'), 'confirmed_in_person');
      await fitsPhone(page, [identity]);
      await parent.close();
    });

    it('finds both in the audit log by their action, with who did them', async () => {
      const api = await signedInClient(site.url, ADMIN, PASSWORD);
      const { items } = await api.applications.list({ status: 'rejected' });
      const rejected = items.find((a) => a.number === number);
      assert.ok(rejected, `the school has no rejected application ${number}`);
      await api.auth.logout();

      await adminPage.reload();
      const log = adminPage.locator('diary-audit-log');
      const action = log.locator('#action');
      const show = log.getByRole('button', { name: 'Показать' });
      await log.locator('table').waitFor({ timeout: 30_000 });
      await fitsPhone(adminPage, [action, log.locator('#outcome'), show]);
      /** Filters the log by an action (by its words) and waits until only its entries show. */
      const entries = async (label: string): Promise<string[][]> => {
        await action.selectOption({ label });
        await show.click();
        const deadline = Date.now() + 30_000;
        for (;;) {
          const rows = await log
            .locator('tbody tr')
            .evaluateAll((trs) =>
              trs.map((tr) =>
                [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
              ),
            );
          if (rows.length > 0 && rows.every((cells) => cells[2] === label)) return rows;
          assert.ok(Date.now() < deadline, `not only «${label}»: ${JSON.stringify(rows)}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      const decided = await entries('Решение по заявлению');
      const rejection = decided.find((cells) => cells[3] === rejected.id);
      assert.deepEqual(rejection?.slice(1), [
        ADMIN_WHO,
        'Решение по заявлению',
        rejected.id,
        'Выполнено',
      ]);

      const confirmed = await entries('Личность подтверждена при личной явке');
      assert.deepEqual(confirmed[0]?.slice(1), [
        ADMIN_WHO,
        'Личность подтверждена при личной явке',
        NEW_PARENT.id,
        'Выполнено',
      ]);
      await fitsPhone(adminPage, [log.locator('[part="region"]'), action, show]);
    });
  },
);
