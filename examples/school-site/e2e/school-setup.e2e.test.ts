// A school's first afternoon, end to end in Chromium: an EMPTY database gets its school and admin
// from `school-diary-server create-school` (no demo world), the admin signs in on the example
// site and sets the school up in <diary-school-setup> — the school year with its half-years and a
// holiday, a class, a subject, an invited teacher, the bells, the weekly timetable — and makes
// the lessons; the class's timetable then shows them, taught by the invited teacher.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatIsoWeek, isoWeekOf } from '@school-diary/core';
import type { Browser, Locator } from 'playwright-core';
import { createSchool, schoolDates, startSite, type StartedSite } from './school-site-server';
import { addSchoolYear, launchChromium, signedInClient, signIn } from './site-browser';

const ADMIN = '+79990000099';
const PASSWORD = 'ключ от школы номер семь';
const TEACHER = '+79990000098';

// A school year around today (whatever day the test runs), the lessons made for next week.
const { today, yearStart, yearEnd, yearName, nextMonday } = schoolDates();

describe(
  'a school sets itself up on an empty database (create-school, Chromium)',
  {
    timeout: 480_000,
  },
  () => {
    let site: StartedSite;
    let browser: Browser;

    before(async () => {
      site = await startSite({
        empty: createSchool({ adminPhone: ADMIN, adminPassword: PASSWORD }),
      });
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await site?.stop();
    });

    it('the admin makes the year, a class, a subject, a teacher, bells and lessons', async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();
      await signIn(page, site.url, { phone: ADMIN, password: PASSWORD, landing: /\/admin\.html$/ });
      await page.locator('.site-nav a[href="admin.html"]').waitFor();

      const setup = page.locator('diary-school-setup');
      const status = (section: string) => setup.locator(`[aria-labelledby="${section}-heading"]`);
      const done = (section: string, text: string) =>
        status(section).getByRole('status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
      const fill = (id: string, value: string) => setup.locator(`#${id}`).fill(value);
      const press = (locator: Locator) => locator.press('Enter');

      await addSchoolYear(setup, { name: yearName, start: yearStart, end: yearEnd });

      // A holiday after the year's end is refused with the year's dates; inside it, it is kept.
      await fill('holiday-name', 'Весенние каникулы');
      await fill('holiday-start', addDays(yearEnd, 1));
      await fill('holiday-end', addDays(yearEnd, 5));
      await press(setup.getByRole('button', { name: 'Добавить каникулы' }));
      await setup
        .locator('#holiday-start-error', { hasText: `с ${yearStart} по ${yearEnd}` })
        .waitFor();
      await fill('holiday-start', addDays(today, 100));
      await fill('holiday-end', addDays(today, 108));
      await press(setup.getByRole('button', { name: 'Добавить каникулы' }));
      await done('year', 'Каникулы добавлены.');

      await fill('class-name', '5А');
      await fill('class-grade', '5');
      await press(setup.getByRole('button', { name: 'Добавить класс' }));
      await done('classes', 'Класс 5А добавлен.');
      await fill('subject-name', 'Математика');
      await fill('subject-short', 'Мат');
      await press(setup.getByRole('button', { name: 'Добавить предмет' }));
      await done('subjects', 'Предмет «Математика» добавлен.');
      await fill('staff-phone', TEACHER);
      await fill('staff-last', 'Кузнецова');
      await fill('staff-first', 'Анна');
      await press(setup.getByRole('button', { name: 'Пригласить' }));
      await done('staff', 'Приглашение отправлено');

      await setup.getByRole('button', { name: 'Добавить урок' }).click();
      await fill('bell-0-start', '08:30');
      await fill('bell-0-end', '09:15');
      await press(setup.getByRole('button', { name: 'Сохранить звонки' }));
      await done('bells', 'Расписание звонков сохранено.');

      // The grid's Monday, lesson 1, opened from the keyboard; the teacher is the invited one.
      await press(setup.locator('[part~="cell"]', { hasText: 'Понедельник, урок 1:' }));
      await setup.locator('#tt-teacher').selectOption({ label: 'Кузнецова Анна' });
      await fill('tt-room', '12');
      await press(setup.getByRole('button', { name: 'Сохранить урок' }));
      await done('timetable', 'Понедельник, урок 1: сохранено.');
      await setup.locator('[part~="cell"]', { hasText: 'Мат' }).waitFor();

      await fill('gen-from', nextMonday);
      await fill('gen-to', addDays(nextMonday, 5));
      await press(setup.getByRole('button', { name: 'Сформировать расписание 5А' }));
      await done('generate', 'создано уроков — 1');
      await context.close();

      // The class's week, read through the API by the same admin: the lesson, with its teacher.
      const admin = await signedInClient(site.url, ADMIN, PASSWORD);
      const [cls] = (await admin.classes.list()).items;
      assert.ok(cls);
      const week = await admin.schedule.week({
        classId: cls.id,
        week: formatIsoWeek(isoWeekOf(nextMonday)),
      });
      const lessons = week.days.flatMap((d) => d.lessons);
      assert.deepEqual(
        lessons.map((l) => [l.date, l.number, l.subjectName, l.teacherName, l.room, l.startTime]),
        [[nextMonday, 1, 'Математика', 'Кузнецова А.', '12', '08:30']],
      );
    });
  },
);
