// What the end-to-end files share: the system's Chromium, the demo accounts, and signing in the
// way a parent does (the login form, the SMS code from the dev outbox).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { addDays } from '@school-diary/core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { latestCode } from './school-site-server';

/** Иванова Елена: the demo parent with a confirmed identity (two children, Мария and Пётр). */
export const PARENT = '+79990000001';
/** Орлов Сергей: teaches maths in Мария's class (5А). */
export const MATH_TEACHER = '+79990000011';
export const PASSWORD = 'school-diary-demo';
export const MARIA = 'chd_maria';
/** The demo thread between Иванова and Мария's maths teacher. */
export const MATH_THREAD = 'thr_demo_maria_math';

/** Headless Chromium from CHROME_PATH or the system (nothing is downloaded). */
export async function launchChromium(): Promise<Browser> {
  const path = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .filter((p): p is string => Boolean(p))
    .find((p) => existsSync(p));
  assert.ok(path, 'Chromium is needed: install it or set CHROME_PATH');
  return chromium.launch({
    executablePath: path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/**
 * Signs a user in on the site's login page (phone, password, then the SMS code from the dev
 * outbox) and resolves once the site has taken them to `landing`.
 */
export async function signIn(
  page: Page,
  url: string,
  user: { phone: string; password: string; landing: RegExp },
): Promise<void> {
  if (!page.url().endsWith('/login.html')) await page.goto(`${url}/login.html`);
  await page.getByLabel('Номер мобильного телефона').fill(user.phone);
  await page.getByLabel('Пароль', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  const codeField = page.getByLabel('Код из СМС');
  await codeField.waitFor();
  await codeField.fill(await latestCode(url, user.phone));
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.waitForURL(user.landing);
}

/** Signs the demo parent in on the site's login page; resolves on «Мои дети». */
export async function signInParent(page: Page, url: string): Promise<void> {
  await signIn(page, url, { phone: PARENT, password: PASSWORD, landing: /\/children\.html$/ });
}

/** A signed-in SDK client (no storage: it leaves nothing behind). */
export async function signedInClient(
  url: string,
  phone: string,
  password: string,
): Promise<DiaryClient> {
  const client = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
  const { challengeId } = await client.auth.login({ phone, password });
  await client.auth.verify({ challengeId, code: await latestCode(url, phone) });
  return client;
}

/** A signed-in SDK client of Мария's maths teacher. */
export function signInTeacher(url: string): Promise<DiaryClient> {
  return signedInClient(url, MATH_TEACHER, PASSWORD);
}

/**
 * Adds a school year of two half-years in `<diary-school-setup>`'s year section (`setup` is the
 * widget), the first half 121 days long, and waits until the year's heading shows.
 */
export async function addSchoolYear(
  setup: Locator,
  year: { name: string; start: string; end: string },
): Promise<void> {
  const fill = (id: string, value: string) => setup.locator(`#${id}`).fill(value);
  await fill('year-name', year.name);
  await fill('year-start', year.start);
  await fill('year-end', year.end);
  await setup.locator('#year-kind').selectOption('half_year');
  await fill('period-0-start', year.start);
  await fill('period-0-end', addDays(year.start, 120));
  await fill('period-1-start', addDays(year.start, 121));
  await fill('period-1-end', year.end);
  await setup.getByRole('button', { name: 'Добавить учебный год' }).click();
  await setup.getByRole('heading', { name: `Учебный год ${year.name}` }).waitFor();
}
