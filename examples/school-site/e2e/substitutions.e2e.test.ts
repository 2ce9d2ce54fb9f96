// A substitution from the school office to a family's timetable, end to end in Chromium on the
// demo world: the admin of Школа № 42 (+79990000010), on a 360 px phone, gives a lesson of 5А
// later this week another teacher in <diary-substitutions> on admin.html, from the keyboard; the
// parent (+79990000001) then sees it on schedule.html, in the week's table and at 360 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatIsoWeek, isoWeekOf, todayIn, type Lesson } from '@school-diary/core';
import type { Browser } from 'playwright-core';
import { pageWidth } from './page-probes';
import { startSite, type StartedSite } from './school-site-server';
import {
  MARIA,
  PASSWORD,
  launchChromium,
  signIn,
  signInParent,
  signedInClient,
} from './site-browser';

const ADMIN = '+79990000010';
const REASON = 'Учитель на курсах повышения квалификации';

describe(
  'a school admin substitutes a lesson; the parent sees it (Chromium)',
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

    it('substitutes a lesson of 5А later this week, shown to the parent', async () => {
      // The lesson: the first of 5А after today (in Moscow) without a substitution, this week or,
      // on a weekend, next week.
      const api = await signedInClient(site.url, ADMIN, PASSWORD);
      const fifth = (await api.classes.list()).items.find((c) => c.name === '5А');
      assert.ok(fifth, 'the demo school has no 5А');
      const today = todayIn(new Date(), 'Europe/Moscow');
      const thisWeek = formatIsoWeek(isoWeekOf(today));
      const ahead = async (week: string): Promise<Lesson | undefined> =>
        (await api.schedule.week({ classId: fifth.id, week })).days
          .flatMap((d) => d.lessons)
          .find((l) => l.date > today && !l.substitution);
      const nextWeek = formatIsoWeek(isoWeekOf(addDays(today, 7)));
      const lesson = (await ahead(thisWeek)) ?? (await ahead(nextWeek));
      assert.ok(lesson, 'no lesson of 5А ahead');
      const later = formatIsoWeek(isoWeekOf(lesson.date)) !== thisWeek;
      await api.auth.logout();

      const office = await browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await office.newPage();
      await signIn(page, site.url, { phone: ADMIN, password: PASSWORD, landing: /\/admin\.html$/ });
      const widget = page.locator('diary-substitutions');
      await widget.locator('#class').selectOption({ label: '5А' });
      if (later) await widget.locator('[part~="next"]').press('Enter');
      const row = widget.locator(`[data-lesson="${lesson.id}"]`);
      await row.locator('[part~="pick"]').press('Enter', { timeout: 30_000 });
      const teacher = widget.locator('#sub-teacher');
      await teacher.waitFor();
      const substitute = await teacher.locator('option').nth(1).getAttribute('value');
      assert.ok(substitute, 'no teacher to choose');
      await teacher.selectOption(substitute);
      await widget.locator('#sub-reason').fill(REASON);
      const preview = widget.locator('.diary-preview');
      await preview.getByText(`причина: ${REASON}`).waitFor();
      await widget.locator('[part~="save"]').press('Enter');
      await widget.locator('[part~="live"]', { hasText: 'Замена сохранена' }).waitFor();
      await row.locator('[part~="parent-view"]', { hasText: REASON }).waitFor();
      const office360 = await page.evaluate(pageWidth);
      assert.ok(
        office360.scroll <= office360.client,
        `admin.html scrolls sideways: ${office360.scroll}`,
      );
      await office.close();

      const family = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const parentPage = await family.newPage();
      await signInParent(parentPage, site.url);
      await parentPage.goto(`${site.url}/schedule.html?child=${MARIA}`);
      const schedule = parentPage.locator('diary-schedule');
      if (later) await schedule.locator('[part~="next"]').click({ timeout: 30_000 });
      const cell = schedule.locator(`table [data-lesson~="${lesson.id}"]`);
      await cell
        .locator('[part~="substitution"]', { hasText: REASON })
        .waitFor({ timeout: 30_000 });
      assert.match(await cell.innerText(), /Замена/);

      // On a phone the week is shown a day at a time: the lesson's day shows the same news.
      await parentPage.setViewportSize({ width: 360, height: 800 });
      const day = Number(lesson.date.slice(8));
      await schedule
        .locator('[part~="day"]', { hasText: new RegExp(`(^|\\D)${day}(\\D|$)`) })
        .click({ timeout: 30_000 });
      const item = schedule.locator(`li[data-lesson="${lesson.id}"]`);
      await item
        .locator('[part~="substitution"]', { hasText: REASON })
        .waitFor({ timeout: 30_000 });
      const phone = await parentPage.evaluate(pageWidth);
      assert.ok(phone.scroll <= phone.client, `schedule.html scrolls sideways: ${phone.scroll}`);
      await family.close();
    });
  },
);
