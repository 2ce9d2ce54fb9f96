// What the end-to-end files share: the system's Chromium, the demo accounts, and signing in the
// way a parent does (the login form, the SMS code from the dev outbox).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** Signs the demo parent in on the site's login page; resolves on «Мои дети». */
export async function signInParent(page: Page, url: string): Promise<void> {
  if (!page.url().endsWith('/login.html')) await page.goto(`${url}/login.html`);
  await page.getByLabel('Номер мобильного телефона').fill(PARENT);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  const codeField = page.getByLabel('Код из СМС');
  await codeField.waitFor();
  await codeField.fill(await latestCode(url, PARENT));
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.waitForURL(/\/children\.html$/);
}

/** A signed-in SDK client of Мария's maths teacher (no storage: it leaves nothing behind). */
export async function signInTeacher(url: string): Promise<DiaryClient> {
  const teacher = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
  const { challengeId } = await teacher.auth.login({ phone: MATH_TEACHER, password: PASSWORD });
  await teacher.auth.verify({ challengeId, code: await latestCode(url, MATH_TEACHER) });
  return teacher;
}
