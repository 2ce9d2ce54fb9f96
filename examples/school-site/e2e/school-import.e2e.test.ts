// A school that brings its lists, end to end in Chromium: on an EMPTY database (`create-school`,
// no demo world) the admin imports a OneRoster bundle (the school year and its half-years from its
// academic sessions, classes 6Г and 9Д, pupils, subjects, staff invited by SMS, teaching
// assignments) without typing the year first, then the rest of the pupils from an XLSX roster — first
// as typed, with the mistakes the preview shows by line and column, then corrected —, the bells
// and the classes' timetable from XLSX, and makes this week's lessons. The maths teacher the
// bundle invited sets a password through «Забыли пароль?» and enters a mark for a pupil no parent
// has linked yet (the journal holds the whole class from the import); a parent then links her
// daughter with the school's code and the number the admin reads off the roster, the school
// approves, and the parent sees the mark given before she linked on the grades page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, formatIsoWeek, isoWeekOf } from '@school-diary/core';
import { createDiaryClient } from '@school-diary/sdk';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  createSchool,
  latestCode,
  schoolDates,
  startSite,
  type StartedSite,
} from './school-site-server';
import { launchChromium, signedInClient, signIn } from './site-browser';

const fixtures = new URL('../../../packages/server/src/services/import/fixtures/', import.meta.url)
  .pathname;
const ADMIN = '+79990000097';
const PASSWORD = 'ключ от школы номер семь';
/** Кузнецов Андрей Павлович: in the bundle as `8 (999) 000-44-02`, teaching maths in 6Г. */
const TEACHER = '+79990004402';
const TEACHER_PASSWORD = 'мой новый пароль учителя';
/** Егорова Ольга, the mother of Арина (6Г, from the XLSX roster). */
const PARENT = '+79990004501';
const PARENT_PASSWORD = 'пароль мамы Арины';
const VIEWPORT = { width: 1024, height: 900 };

/** This week's lessons are made; the mark goes on the latest maths lesson up to today. */
const { today, yearStart, yearEnd, yearName, monday } = schoolDates();
/** 6Г has maths Monday to Friday (timetable-6g-9d.xlsx). */
const markDate = addDays(monday, Math.min(new Date(`${today}T00:00:00Z`).getUTCDay() || 7, 5) - 1);

/**
 * The bundle's academic sessions moved around today (the fixture's ids, which its classes name):
 * the school year and its two half-years, which the import makes.
 */
function sessionsAroundToday(): string {
  const ending = yearName.slice(5);
  const middle = addDays(yearStart, 120);
  return [
    'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
    `as-2027,,,${yearName} учебный год,schoolYear,${yearStart},${yearEnd},,${ending}`,
    `as-2027-h1,,,I полугодие,semester,${yearStart},${middle},as-2027,${ending}`,
    `as-2027-h2,,,II полугодие,semester,${addDays(middle, 1)},${yearEnd},as-2027,${ending}`,
  ].join('\n');
}

/** The OneRoster fixture's CSV files zipped into `oneroster.zip`, as a school's export is. */
async function zipBundle(dir: string): Promise<string> {
  const zip = new JSZip();
  for (const name of readdirSync(`${fixtures}oneroster`))
    zip.file(
      name,
      name === 'academicSessions.csv'
        ? sessionsAroundToday()
        : readFileSync(`${fixtures}oneroster/${name}`),
    );
  const path = join(dir, 'oneroster.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
  return path;
}

/** The parts of the admin's <diary-school-setup> a walk uses. */
function setupOf(page: Page) {
  const setup = page.locator('diary-school-setup');
  const section = (name: string) => setup.locator(`[aria-labelledby="${name}-heading"]`);
  const importSection = section('import');
  // Choosing a file clears the last report; «Проверить файл» shows the new one.
  const report = importSection.getByText('Строк прочитано:');
  return {
    setup,
    importSection,
    applyButton: importSection.getByRole('button', { name: 'Загрузить в дневник' }),
    group: (kind: string) => importSection.locator(`[part~="group"][data-kind="${kind}"]`),
    summary: async (kind: string) =>
      (
        await importSection
          .locator(`[part~="group"][data-kind="${kind}"]`)
          .locator('p')
          .textContent()
      )?.trim(),
    done: (name: string, text: string) =>
      section(name).getByRole('status').filter({ hasText: text }).waitFor({ timeout: 60_000 }),
    check: async (path: string) => {
      await setup.locator('#import-file').setInputFiles(path);
      await report.waitFor({ state: 'detached' });
      await press(importSection.getByRole('button', { name: 'Проверить файл' }));
      await report.waitFor({ timeout: 60_000 });
    },
  };
}

/**
 * Presses a button by keyboard once it takes presses: a section's buttons are `aria-disabled`
 * while it saves and reloads, which on a loaded machine outlasts its «done» message.
 */
async function press(locator: Locator): Promise<void> {
  const ready = locator.and(locator.page().locator(':not([aria-disabled="true"])'));
  await ready.waitFor({ timeout: 60_000 });
  await locator.press('Enter');
}

describe(
  'a school imports its lists on an empty database (create-school, Chromium)',
  { timeout: 480_000 },
  () => {
    let site: StartedSite;
    let browser: Browser;
    let dir: string;
    let adminContext: BrowserContext;
    let adminPage: Page;
    /** The number the admin hands to Арина's family. */
    let arinaNumber = '';

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diary-import-e2e-'));
      site = await startSite({
        empty: createSchool({ adminPhone: ADMIN, adminPassword: PASSWORD }),
      });
      browser = await launchChromium();
      adminContext = await browser.newContext({ viewport: VIEWPORT });
      adminPage = await adminContext.newPage();
    });

    after(async () => {
      await browser?.close();
      await site?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the admin imports the OneRoster bundle with its school year and staff', async () => {
      await signIn(adminPage, site.url, {
        phone: ADMIN,
        password: PASSWORD,
        landing: /\/admin\.html$/,
      });
      const { importSection, applyButton, group, summary, done, check } = setupOf(adminPage);
      await check(await zipBundle(dir));
      assert.equal(await importSection.locator('[part~="error"]').count(), 0);
      assert.equal(
        await summary('school_year'),
        'Учебные годы: добавить — 1, изменить — 0, без изменений — 0',
      );
      assert.deepEqual(
        (await group('period').locator('li span:first-child').allTextContents()).map((t) =>
          t.trim(),
        ),
        ['I полугодие', 'II полугодие'],
      );
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
    });

    it('the admin checks the XLSX roster, sees its mistakes by line and column, and imports it corrected', async () => {
      const { importSection, applyButton, summary, done, check } = setupOf(adminPage);
      // As first typed: a date of birth that does not exist, a class the school does not have,
      // one pupil's identifier typed again on the next line. Nothing can be imported.
      await check(`${fixtures}roster-6g-9d-errors.xlsx`);
      const errors = importSection.locator('[part~="item"][part~="error"]');
      await errors.first().waitFor();
      const errorTexts = (await errors.allTextContents()).map((t) => t.trim());
      const expected = [
        /^roster-6g-9d-errors\.xlsx, строка 3, «Дата рождения»: Такой даты нет в календаре/,
        /^roster-6g-9d-errors\.xlsx, строка 5, «Класс»: В школе нет класса «6Ж»/,
        /^roster-6g-9d-errors\.xlsx, строка 8, «Идентификатор»: Это значение уже есть в строке 7/,
      ];
      for (const pattern of expected)
        assert.ok(
          errorTexts.some((t) => pattern.test(t)),
          `${pattern}:\n${errorTexts.join('\n')}`,
        );
      assert.equal(errorTexts.length, expected.length, errorTexts.join('\n'));
      assert.equal(await applyButton.count(), 0);

      // Corrected in Excel: all nine pupils to add, then imported.
      await check(`${fixtures}roster-6g-9d.xlsx`);
      assert.equal(await importSection.locator('[part~="error"]').count(), 0);
      assert.equal(
        await summary('pupil'),
        'Ученики: добавить — 9, изменить — 0, без изменений — 0',
      );
      await press(applyButton);
      await done('import', 'Файл загружен в дневник.');

      const admin = await signedInClient(site.url, ADMIN, PASSWORD);
      const classes = (await admin.classes.list()).items;
      const schoolId = classes[0]?.schoolId ?? '';
      const roster = (await admin.setup.roster({ schoolId })).items;
      const classOf = new Map(classes.map((c) => [c.id, c.name]));
      const count = (name: string) => roster.filter((r) => classOf.get(r.classId) === name).length;
      assert.deepEqual([count('6Г'), count('9Д')], [7, 5]);
      await admin.auth.logout();
    });

    it('the admin imports the XLSX timetable and makes this week’s lessons', async () => {
      const { setup, applyButton, summary, done, check } = setupOf(adminPage);
      await setup.getByRole('button', { name: 'Добавить урок' }).click();
      await setup.locator('#bell-0-start').fill('08:30');
      await setup.locator('#bell-0-end').fill('09:15');
      await setup.getByRole('button', { name: 'Добавить урок' }).click();
      await setup.locator('#bell-1-start').fill('09:25');
      await setup.locator('#bell-1-end').fill('10:10');
      await press(setup.getByRole('button', { name: 'Сохранить звонки' }));
      await done('bells', 'Расписание звонков сохранено.');

      await check(`${fixtures}timetable-6g-9d.xlsx`);
      assert.equal(
        await summary('lesson'),
        'Уроки расписания: добавить — 7, изменить — 0, без изменений — 0',
      );
      await press(applyButton);
      await done('import', 'Файл загружен в дневник.');
      await setup.locator('#tt-class').selectOption({ label: '6Г' });
      await setup.locator('#gen-from').fill(monday);
      await setup.locator('#gen-to').fill(addDays(monday, 5));
      await press(setup.getByRole('button', { name: 'Сформировать расписание 6Г' }));
      await done('generate', 'создано уроков — 5');

      const admin = await signedInClient(site.url, ADMIN, PASSWORD);
      const sixG = (await admin.classes.list()).items.find((c) => c.name === '6Г');
      assert.ok(sixG);
      const week = await admin.schedule.week({
        classId: sixG.id,
        week: formatIsoWeek(isoWeekOf(monday)),
      });
      assert.deepEqual(
        week.days
          .flatMap((d) => d.lessons)
          .map((l) => [l.date, l.number, l.subjectName, l.teacherName, l.room]),
        [0, 1, 2, 3, 4].map((d) => [
          addDays(monday, d),
          d % 2 === 0 ? 1 : 2,
          'Математика',
          'Кузнецов А. П.',
          '12',
        ]),
      );
      await admin.auth.logout();
    });

    it('the invited teacher sets a password from the SMS and signs in', async () => {
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
        landing: /\/journal\.html$/,
      });
      await login
        .locator('[data-account-name]', { hasText: 'Кузнецов' })
        .waitFor({ timeout: 60_000 });
      await teacherContext.close();
    });

    it('the teacher enters a mark for Арина in the journal before any parent has linked her', async () => {
      const teacher = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      const page = await teacher.newPage();
      // A teacher starts on the journal page.
      await signIn(page, site.url, {
        phone: TEACHER,
        password: TEACHER_PASSWORD,
        landing: /\/journal\.html$/,
      });
      const journal = page.locator('diary-journal');
      await journal.getByRole('heading', { name: 'Журнал: Математика, 6Г' }).waitFor({
        timeout: 60_000,
      });
      await journal.locator('table[role="grid"]').waitFor({ timeout: 60_000 });
      const names = (await journal.locator('tbody th.name').allTextContents()).map((t) => t.trim());
      const row = names.indexOf('Егорова Арина');
      assert.ok(row >= 0, `Арина is not in ${names.join(', ')}`);
      const head = `${markDate.slice(8, 10)}.${markDate.slice(5, 7)}`;
      const column = journal.locator('th.lesson', { hasText: head });
      const col = Number(await column.getAttribute('data-c'));
      await journal.locator(`tr[data-r="${row}"] td[data-c="${col}"]`).click();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await journal
        .locator(`tr[data-r="${row}"] td.saved[data-c="${col}"]`, { hasText: '5' })
        .waitFor({ timeout: 60_000 });
      await teacher.close();
    });

    it('a parent links Арина with the school’s code and the number from the roster; the school approves', async () => {
      // The admin reads Арина's number off the roster, to hand to her family.
      const pupil = adminPage
        .locator('diary-school-setup [aria-label="Ученики класса 6Г"] li')
        .filter({ hasText: 'Егорова Арина' });
      arinaNumber = ((await pupil.locator('code').textContent()) ?? '').trim();
      assert.match(arinaNumber, /^R007-[A-Z0-9]{8}$/);
      // The lists are in: the admin opens the diary to parents.
      const { setup, done } = setupOf(adminPage);
      await press(setup.getByRole('button', { name: 'Открыть дневник для родителей' }));
      await done('profile', 'Дневник открыт для родителей.');

      // The parent's account, registered and confirmed by the SMS code.
      const api = await registeredParent(site.url);
      await api.auth.logout();

      const parent = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      const page = await parent.newPage();
      await signIn(page, site.url, {
        phone: PARENT,
        password: PARENT_PASSWORD,
        landing: /\/children\.html$/,
      });
      const form = page.locator('diary-child-form');
      await form.locator('#lastName').fill('Егорова');
      await form.locator('#firstName').fill('Арина');
      await form.locator('#middleName').fill('Дмитриевна');
      await form.locator('#birthDate-day').fill('17');
      await form.locator('#birthDate-month').fill('марта');
      await form.locator('#birthDate-year').fill('2015');
      await form.locator('#sex-female').check();
      await form.locator('#snils').fill('157-284-936 03');
      await form.locator('#school').fill('Школа № 7');
      await form
        .getByRole('option', { name: /Школа № 7/ })
        .first()
        .click();
      await form.locator('#rosterId').fill(arinaNumber);
      await form.getByRole('button', { name: 'Продолжить' }).click();
      const code = form.locator('#code');
      await code.waitFor({ timeout: 60_000 });
      await code.fill(await latestCode(site.url, PARENT));
      await form.getByRole('button', { name: 'Подтвердить' }).click();
      const applicationNumber = form.locator('[data-application-number]');
      await applicationNumber.waitFor({ timeout: 60_000 });
      const number = ((await applicationNumber.textContent()) ?? '').trim();
      const card = page.locator('[data-children-list] [data-child]', { hasText: 'Егорова Арина' });
      await card.waitFor({ timeout: 60_000 });

      // The school finds the application in its queue, for Арина, checks and approves it.
      await adminPage.reload();
      const queue = adminPage.locator(
        'diary-school-setup [aria-labelledby="applications-heading"]',
      );
      await queue
        .locator(`[data-application="${number}"]`, { hasText: 'Егорова Арина, 6Г' })
        .waitFor({ timeout: 60_000 });
      await press(queue.getByRole('button', { name: `Взять на проверку заявление ${number}` }));
      await setupOf(adminPage).done('applications', `Заявление ${number} на проверке.`);
      await press(queue.getByRole('button', { name: `Одобрить заявление ${number}` }));
      await setupOf(adminPage).done('applications', `Заявление ${number} одобрено`);

      // The parent connects the diary from the application's page.
      await card.getByRole('link', { name: 'Заявление' }).click();
      const widget = page.locator('diary-application');
      await press(widget.getByRole('button', { name: 'Подключить дневник' }));
      await widget.getByText('Дневник подключён.').waitFor({ timeout: 60_000 });
      await parent.close();
    });

    it('the parent sees Арина’s mark on the grades page', async () => {
      const parent = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
      const page = await parent.newPage();
      await signIn(page, site.url, {
        phone: PARENT,
        password: PARENT_PASSWORD,
        landing: /\/children\.html$/,
      });
      const card = page.locator('[data-children-list] [data-child]', { hasText: 'Егорова Арина' });
      await card.getByText('Учится в школе').waitFor({ timeout: 60_000 });
      await card.getByRole('link', { name: 'Оценки' }).click();
      await page
        .locator('diary-grade-table tr', { hasText: 'Математика' })
        .locator('button[data-id]', { hasText: /^5$/ })
        .waitFor({ timeout: 60_000 });
      await parent.close();
    });
  },
);

/** Егорова Ольга registers with her phone and confirms it with the SMS code. */
async function registeredParent(url: string) {
  const client = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
  const { challenge } = await client.auth.register({
    phone: PARENT,
    password: PARENT_PASSWORD,
    lastName: 'Егорова',
    firstName: 'Ольга',
    middleName: 'Викторовна',
    snils: '146-273-859 84',
    passport: '4510 123456',
  });
  await client.auth.confirmIdentity({
    challengeId: challenge.challengeId,
    code: await latestCode(url, PARENT),
  });
  return client;
}
