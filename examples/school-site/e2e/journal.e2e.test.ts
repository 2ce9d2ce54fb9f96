// End to end: the teacher's journal on the example site (`npm start`, Chromium, two browser
// contexts). The demo maths teacher signs in, opens the teacher's page and enters a mark and an
// absence for Мария by keyboard alone; the demo parent, signed in in another context, sees the mark
// in her open grade table and the absence on her open attendance page, both without a reload.
// Marks typed while the browser is offline wait in the outbox (IndexedDB), are still shown as
// pending after a reload, and reach the server once each when the connection returns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { latestCode, startSite, type StartedSite } from './school-site-server';
import {
  launchChromium,
  MARIA,
  MATH_TEACHER,
  PASSWORD,
  signInParent,
  signInTeacher,
} from './site-browser';

const root = new URL('../../../', import.meta.url).pathname;
const AXE = join(root, 'node_modules/axe-core/axe.min.js');
const VIEWPORT = { width: 1280, height: 800 };

/** axe-core's violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('"axe" in window'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(`axe.run().then(({ violations }) =>
    violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
}

/** A lesson head's `dd.mm` as a date of the school year that starts in September. */
function headDate(text: string, today: Date): string {
  const [day = '', month = ''] = text.trim().slice(0, 5).split('.');
  const autumn = today.getUTCMonth() >= 8;
  const startYear = autumn ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const year = Number(month) >= 9 ? startYear : startYear + 1;
  return `${year}-${month}-${day}`;
}

/** Signs the demo maths teacher in on the site's login page, which opens the journal page. */
async function openJournal(page: Page, url: string): Promise<Locator> {
  await page.goto(`${url}/login.html`);
  await page.getByLabel('Номер мобильного телефона').fill(MATH_TEACHER);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  const codeField = page.getByLabel('Код из СМС');
  await codeField.waitFor();
  await codeField.fill(await latestCode(url, MATH_TEACHER));
  await page.getByRole('button', { name: 'Продолжить' }).click();
  // A teacher starts on the journal.
  await page.waitForURL(/\/journal\.html$/);
  const journal = page.locator('diary-journal');
  await journal.locator('table[role="grid"]').waitFor({ timeout: 30_000 });
  return journal;
}

/** The grid's lessons up to today (column and date) and Мария's row. */
async function pastLessonsAndMaria(journal: Locator) {
  // Only the lessons in view are rendered: scroll the grid through to read every head.
  const layout: { heads: string[]; pupils: string[] } = await journal.page()
    .evaluate(`(async () => {
    const root = document.querySelector('diary-journal').shadowRoot;
    const region = root.querySelector('[part="region"]');
    const heads = [];
    for (let left = 0; ; left += region.clientWidth / 2) {
      region.scrollLeft = left;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      for (const th of root.querySelectorAll('th.lesson'))
        heads[Number(th.dataset.c)] = th.textContent;
      if (left >= region.scrollWidth - region.clientWidth) break;
    }
    region.scrollLeft = 0;
    const pupils = [...root.querySelectorAll('tbody th.name')].map((th) => th.textContent.trim());
    return { heads: Array.from(heads, (text) => text ?? ''), pupils };
  })()`);
  const today = new Date();
  const todayIso = today.toISOString().slice(0, 10);
  const past = layout.heads
    .map((text, col) => ({ col, date: headDate(text, today) }))
    .filter((h) => h.date <= todayIso);
  const row = layout.pupils.indexOf('Иванова Мария');
  assert.ok(row >= 0, `Мария is not in ${layout.pupils.join(', ')}`);
  return { past, row, heads: layout.heads };
}

/** Whether the journal's focus is on a grid cell (the grid is one Tab stop). */
const focusInGrid = (journal: Locator) =>
  journal.evaluate((el) => Boolean(el.shadowRoot?.activeElement?.closest('table')));

describe(
  'the teacher’s journal, seen live by a parent (npm start, Chromium)',
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

    it('a mark and an absence typed by keyboard alone reach the parent’s open pages', async () => {
      const parent = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      const grades = await parent.newPage();
      await signInParent(grades, site.url);
      await grades.goto(`${site.url}/grades.html?child=${MARIA}`);
      const mathsMarks = grades
        .locator('diary-grade-table tr', { hasText: 'Математика' })
        .first()
        .locator('button[data-id]');
      await mathsMarks.first().waitFor({ timeout: 30_000 });
      const before = new Set(await mathsMarks.evaluateAll((b) => b.map((x) => x.dataset.id)));
      const attendance = await parent.newPage();
      await attendance.goto(`${site.url}/attendance.html?child=${MARIA}`);
      await attendance.locator('diary-attendance [part~="totals"]').waitFor({ timeout: 30_000 });

      const teacher = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      const page = await teacher.newPage();
      const journal = await openJournal(page, site.url);
      const { past, row, heads } = await pastLessonsAndMaria(journal);
      const markCol = past.at(-1)?.col;
      assert.ok(markCol !== undefined && markCol > 0, `no past lesson in ${heads.join(' ')}`);

      // Keyboard only: Tab to the grid (one Tab stop), arrows to Мария's cell, type, Enter.
      for (let i = 0; i < 80 && !(await focusInGrid(journal)); i += 1)
        await page.keyboard.press('Tab');
      assert.ok(await focusInGrid(journal), 'Tab never reached the grid');
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < row; i += 1) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < markCol; i += 1) await page.keyboard.press('ArrowRight');
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      // Enter moved down a row: back up, to the lesson before, and «н» for an absence there.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      // Enter opens the cell's text box with what it holds; « н» adds the absence to it.
      await page.keyboard.press('Enter');
      await page.keyboard.type(' н');
      await page.keyboard.press('Enter');
      const saved = (col: number, text: string) =>
        journal.locator(`tr[data-r="${row}"] td.saved[data-c="${col}"]`, { hasText: text });
      await saved(markCol, '5').waitFor({ timeout: 20_000 });
      await saved(markCol - 1, 'Н').waitFor({ timeout: 20_000 });
      assert.deepEqual(await axeViolations(page), [], 'axe on the journal');

      // The parent's open pages show both, without a reload.
      const known = [...before].map((id) => `:not([data-id="${id}"])`).join('');
      await mathsMarks
        .and(grades.locator(`button[data-id]${known}`))
        .filter({ hasText: /^5$/ })
        .waitFor({ timeout: 30_000 });
      await attendance
        .locator('diary-attendance [role="status"]', { hasText: 'Отмечено: Математика' })
        .waitFor({ state: 'attached', timeout: 30_000 });
      await teacher.close();
      await parent.close();
    });

    it('marks typed offline are kept through a reload and reach the server once', async () => {
      const teacher = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      // The journal's saves let through to the server, by batch; `down` refuses them as offline
      // (the offline switch alone does not stop a request this handler has already taken).
      let down = false;
      const reached: string[] = [];
      await teacher.route('**/api/v1/classes/*/journal', async (route) => {
        if (route.request().method() !== 'PUT') return route.continue();
        if (down) return route.abort('internetdisconnected');
        reached.push((route.request().postDataJSON() as { batchId: string }).batchId);
        return route.continue();
      });
      const page = await teacher.newPage();
      const journal = await openJournal(page, site.url);
      const { past, row } = await pastLessonsAndMaria(journal);
      // Two lessons before the ones the other step writes to.
      const [first, second] = [past.at(-4)?.col, past.at(-3)?.col];
      assert.ok(first !== undefined && second !== undefined, 'four past lessons');

      // Offline (the browser's own switch): a 4 and a 3 typed by keyboard wait in the outbox.
      down = true;
      await teacher.setOffline(true);
      for (let i = 0; i < 80 && !(await focusInGrid(journal)); i += 1)
        await page.keyboard.press('Tab');
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < row; i += 1) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < first; i += 1) await page.keyboard.press('ArrowRight');
      await page.keyboard.type('4');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      for (let i = first; i < second; i += 1) await page.keyboard.press('ArrowRight');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      const cellAt = (col: number, state: string, text: string) =>
        journal.locator(`tr[data-r="${row}"] td.${state}[data-c="${col}"]`, { hasText: text });
      await cellAt(first, 'pending', '4').waitFor({ timeout: 10_000 });
      await cellAt(second, 'pending', '3').waitFor({ timeout: 10_000 });
      const unsaved = journal.locator('.unsaved', { hasText: 'Не сохранено: 2' });
      await unsaved.waitFor({ timeout: 10_000 });

      // The site keeps no offline copy of its pages, so the reload needs the network back; the
      // diary's saves still fail, as when the school's server is out of reach.
      await teacher.setOffline(false);
      await page.reload();
      await journal.locator('table[role="grid"]').waitFor({ timeout: 30_000 });
      await cellAt(first, 'pending', '4').waitFor({ timeout: 10_000 });
      await cellAt(second, 'pending', '3').waitFor({ timeout: 10_000 });
      await unsaved.waitFor({ timeout: 10_000 });
      assert.deepEqual(reached, [], 'nothing reached the server yet');

      // The connection returns: both go, once each, and the grid shows them saved.
      down = false;
      await teacher.setOffline(true);
      await page.waitForFunction('!navigator.onLine');
      await teacher.setOffline(false);
      await page.waitForFunction('navigator.onLine');
      await cellAt(first, 'saved', '4').waitFor({ timeout: 20_000 });
      await cellAt(second, 'saved', '3').waitFor({ timeout: 20_000 });
      assert.equal(await journal.locator('.unsaved').count(), 0);
      assert.equal(reached.length, 2, `batches sent: ${reached.join(', ')}`);
      assert.equal(new Set(reached).size, 2, 'no batch sent twice');

      const api = await signInTeacher(site.url);
      try {
        const read = await api.journal.get({ classId: 'cls_42_5a', subjectId: 'sub_42_math' });
        const marksAt = (col: number) =>
          read.cells
            .find((c) => c.childId === MARIA && c.lessonId === read.lessons[col]?.id)
            ?.marks.map((m) => m.value);
        assert.deepEqual([marksAt(first), marksAt(second)], [[4], [3]]);
      } finally {
        await api.auth.logout();
      }
      await teacher.close();
    });
  },
);
