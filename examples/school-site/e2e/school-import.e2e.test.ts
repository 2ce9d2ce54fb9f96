// A school that brings its lists, end to end in Chromium: on an EMPTY database (`create-school`,
// no demo world) the admin checks a roster with errors in <diary-school-setup>'s import and sees
// them by line and column, imports a OneRoster bundle (classes, pupils, subjects, staff invited by
// SMS, teaching assignments), then the bells and a timetable for the bundle's class, and makes a
// week of lessons. A teacher the bundle invited sets a password through «Забыли пароль?» and signs
// in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, formatIsoWeek, isoWeekOf } from '@school-diary/core';
import JSZip from 'jszip';
import type { Browser, Locator } from 'playwright-core';
import { createSchool, latestCode, startSite, type StartedSite } from './school-site-server';
import { launchChromium, signedInClient, signIn } from './site-browser';

const fixtures = new URL('../../../packages/server/src/services/import/fixtures/', import.meta.url)
  .pathname;
const ADMIN = '+79990000097';
const PASSWORD = 'ключ от школы номер семь';
/** Кузнецов Андрей Павлович: in the bundle as `8 (999) 000-44-02`, teaching maths in 6Г. */
const TEACHER = '+79990004402';
const TEACHER_PASSWORD = 'мой новый пароль учителя';

const today = new Date().toISOString().slice(0, 10);
const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
const nextMonday = addDays(today, 8 - weekday);

/** The OneRoster fixture's CSV files zipped into `oneroster.zip`, as a school's export is. */
async function zipBundle(dir: string): Promise<string> {
  const zip = new JSZip();
  for (const name of readdirSync(`${fixtures}oneroster`))
    zip.file(name, readFileSync(`${fixtures}oneroster/${name}`));
  const path = join(dir, 'oneroster.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
  return path;
}

describe(
  'a school imports its lists on an empty database (create-school, Chromium)',
  { timeout: 480_000 },
  () => {
    let site: StartedSite;
    let browser: Browser;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diary-import-e2e-'));
      site = await startSite({
        empty: createSchool({ adminPhone: ADMIN, adminPassword: PASSWORD }),
      });
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await site?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the admin imports a OneRoster bundle and a timetable; an invited teacher signs in', async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();
      await signIn(page, site.url, { phone: ADMIN, password: PASSWORD, landing: /\/admin\.html$/ });

      const setup = page.locator('diary-school-setup');
      const section = (name: string) => setup.locator(`[aria-labelledby="${name}-heading"]`);
      const done = (name: string, text: string) =>
        section(name).getByRole('status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
      const press = (locator: Locator) => locator.press('Enter');
      const importSection = section('import');
      const group = (kind: string) => importSection.locator(`[part~="group"][data-kind="${kind}"]`);
      const applyButton = importSection.getByRole('button', { name: 'Загрузить в дневник' });
      // Choosing a file clears the last report; «Проверить файл» shows the new one.
      const report = importSection.getByText('Строк прочитано:');
      const check = async (path: string) => {
        await setup.locator('#import-file').setInputFiles(path);
        await report.waitFor({ state: 'detached' });
        await press(importSection.getByRole('button', { name: 'Проверить файл' }));
        await report.waitFor({ timeout: 30_000 });
      };

      // 1. A roster with errors: each by file, line and column, and nothing to import.
      await check(`${fixtures}roster-errors.csv`);
      const errors = importSection.locator('[part~="item"][part~="error"]');
      await errors.first().waitFor();
      const errorTexts = await errors.allTextContents();
      assert.ok(
        errorTexts.some((t) => /roster-errors\.csv, строка 3, «Дата рождения»: .+/.test(t.trim())),
        errorTexts.join('\n'),
      );
      assert.ok(
        errorTexts.some((t) => /roster-errors\.csv, строка 4, «Класс»: .*«5Я»/.test(t.trim())),
        errorTexts.join('\n'),
      );
      assert.equal(await applyButton.count(), 0);

      // 2. The OneRoster bundle: its preview by kind, then the import, with the staff invited.
      await check(await zipBundle(dir));
      assert.equal(await importSection.locator('[part~="error"]').count(), 0);
      const summary = async (kind: string) =>
        (await group(kind).locator('p').textContent())?.trim();
      assert.equal(await summary('class'), 'Классы: добавить — 2, изменить — 0, без изменений — 0');
      assert.equal(
        await summary('pupil'),
        'Ученики: добавить — 3, изменить — 0, без изменений — 0',
      );
      assert.deepEqual(
        (await group('pupil').locator('li span:first-child').allTextContents()).map((t) =>
          t.trim(),
        ),
        ['Лебедева Милана Артуровна', 'Морозов Даниил Евгеньевич', 'Никитина Ева'],
      );
      assert.equal(
        await summary('staff'),
        'Учителя и администраторы (приглашение по SMS): добавить — 3, изменить — 0, без изменений — 0',
      );
      assert.equal(
        await summary('teaching'),
        'Назначения учителей: добавить — 2, изменить — 0, без изменений — 0',
      );
      await press(applyButton);
      await done('import', 'Новым сотрудникам (3) ушли SMS-приглашения.');

      const admin = await signedInClient(site.url, ADMIN, PASSWORD);
      const classes = (await admin.classes.list()).items;
      assert.deepEqual(classes.map((c) => c.name).sort(), ['6Г', '9Д']);
      const schoolId = classes[0]?.schoolId ?? '';
      const roster = (await admin.setup.roster({ schoolId })).items;
      const classOf = new Map(classes.map((c) => [c.id, c.name]));
      assert.deepEqual(
        roster.map((r) => [r.lastName, r.firstName, classOf.get(r.classId)]).sort(),
        [
          ['Лебедева', 'Милана', '6Г'],
          ['Морозов', 'Даниил', '6Г'],
          ['Никитина', 'Ева', '9Д'],
        ],
      );

      // 3. The bells, then a timetable naming the bundle's class, subject and teacher.
      await setup.getByRole('button', { name: 'Добавить урок' }).click();
      await setup.locator('#bell-0-start').fill('08:30');
      await setup.locator('#bell-0-end').fill('09:15');
      await press(setup.getByRole('button', { name: 'Сохранить звонки' }));
      await done('bells', 'Расписание звонков сохранено.');
      const timetable = join(dir, 'timetable.csv');
      writeFileSync(
        timetable,
        '\uFEFFКласс;День недели;Урок;Предмет;Учитель;Кабинет\r\n' +
          '6Г;Пн;1;Математика;Кузнецов Андрей Павлович;12\r\n',
      );
      await check(timetable);
      assert.equal(
        (await group('lesson').locator('p').textContent())?.trim(),
        'Уроки расписания: добавить — 1, изменить — 0, без изменений — 0',
      );
      await press(applyButton);
      await done('import', 'Файл загружен в дневник.');
      await setup.locator('#tt-class').selectOption({ label: '6Г' });
      await setup.locator('#gen-from').fill(nextMonday);
      await setup.locator('#gen-to').fill(addDays(nextMonday, 5));
      await press(setup.getByRole('button', { name: 'Сформировать расписание 6Г' }));
      await done('generate', 'создано уроков — 1');
      await context.close();

      const sixG = classes.find((c) => c.name === '6Г');
      assert.ok(sixG);
      const week = await admin.schedule.week({
        classId: sixG.id,
        week: formatIsoWeek(isoWeekOf(nextMonday)),
      });
      assert.deepEqual(
        week.days
          .flatMap((d) => d.lessons)
          .map((l) => [l.date, l.number, l.subjectName, l.teacherName, l.room, l.startTime]),
        [[nextMonday, 1, 'Математика', 'Кузнецов А. П.', '12', '08:30']],
      );

      // 4. The invited teacher: the SMS, a password through «Забыли пароль?», and signing in.
      const outbox = (await (await fetch(`${site.url}/api/v1/dev/outbox`)).json()) as {
        items: { to: string; text: string }[];
      };
      const invitation = outbox.items.find((m) => m.to === TEACHER)?.text ?? '';
      assert.match(invitation, /Школа № 7 приглашает вас учителем.*«Забыли пароль\?»/);
      const teacherContext = await browser.newContext();
      const login = await teacherContext.newPage();
      await login.goto(`${site.url}/login.html`);
      await login.getByRole('button', { name: 'Забыли пароль?' }).click();
      await login.getByLabel('Номер мобильного телефона').fill('8 (999) 000-44-02');
      await login.getByRole('button', { name: 'Получить код' }).click();
      const codeField = login.getByLabel('Код из СМС');
      await codeField.waitFor();
      await codeField.fill(await latestCode(site.url, TEACHER));
      await login.getByLabel('Новый пароль').fill(TEACHER_PASSWORD);
      await login.getByRole('button', { name: 'Сохранить пароль' }).click();
      await login.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();
      await signIn(login, site.url, {
        phone: TEACHER,
        password: TEACHER_PASSWORD,
        landing: /\/children\.html$/,
      });
      await login
        .locator('[data-account-name]', { hasText: 'Кузнецов' })
        .waitFor({ timeout: 30_000 });
      await teacherContext.close();
    });
  },
);
