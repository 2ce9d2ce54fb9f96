// End to end: the example school site as `npm start` serves it, in real Chromium (playwright-core
// with the system's browser; nothing is downloaded). A parent signs in with the SMS code from the
// dev outbox and registers a child; every page is photographed at desktop and phone width into
// artifacts/e2e/, and no page may scroll sideways on a 360 px screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDiaryClient } from '@school-diary/sdk';
import { latestCode, startSite, type StartedSite } from './school-site-server';
import {
  allRendered,
  assertAttribute,
  contrastRatio,
  fontsReady,
  liveOpen,
  pageWidth,
  paintOf,
} from './page-probes';
import {
  MARIA,
  MATH_THREAD,
  PARENT,
  PASSWORD,
  launchChromium,
  signInTeacher,
} from './site-browser';

const root = new URL('../../../', import.meta.url).pathname;
const artifacts = process.env.E2E_ARTIFACTS ?? join(root, 'artifacts/e2e');

const MATH = 'sub_42_math';
/** Лебедева Анна: Мария's class teacher, told of her absences reported ahead. */
const CLASS_TEACHER = '+79990000012';
/** The admin of Школа № 42, who moves its applications on. */
const ADMIN_42 = '+79990000010';
const PAGES = [
  'index',
  'login',
  'children',
  'grades',
  'schedule',
  'chat',
  'notifications',
  'application',
  'support',
  'attendance',
  'portfolio',
  'homework',
  'tests',
  'news',
  'account',
  'child-card',
] as const;
const KIT_TAGS = [
  'provider',
  'login',
  'child-picker',
  'child-form',
  'grade-table',
  'timeline-chart',
  'schedule',
  'chat',
  'notifications',
  'application',
  'support',
  'attendance',
  'portfolio',
  'homework',
  'upcoming-tests',
  'news',
  'account',
  'child-card',
];
/** The kit's tags that the one-script build's loader knows. */
function builtTags(): string[] {
  const loader = readFileSync(join(root, 'packages/elements/dist/diary-elements.js'), 'utf8');
  return KIT_TAGS.map((name) => `diary-${name}`).filter((tag) => loader.includes(`"${tag}":`));
}
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

describe('the example school site (npm start) in Chromium', { timeout: 480_000 }, () => {
  let site: StartedSite;
  let browser: Browser;
  let parent: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    site = await startSite();
    browser = await launchChromium();
    parent = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    page = await parent.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('loads only the login’s code on the login page', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}/login.html`);
    await page.getByLabel('Номер мобильного телефона').waitFor();
    assert.ok(scripts.includes('/embed/diary-elements.js'), scripts.join('\n'));
    // The login's own chunk (its define module may share it), not the registration step, which
    // loads on first use.
    assert.ok(
      scripts.some((s) => /\/embed\/diary-elements\/(define-login|elements-diary-login)-/.test(s)),
      scripts.join('\n'),
    );
    assert.equal(scripts.filter((s) => /login-register/.test(s)).length, 0, scripts.join('\n'));
    assert.equal(
      scripts.filter((s) => /define-(child-form|grade-table|timeline-chart|schedule|chat)/.test(s))
        .length,
      0,
      `the login page fetched other widgets: ${scripts.join(', ')}`,
    );
  });

  it('signs the parent in with the one-time code from the dev outbox', async () => {
    await page.getByLabel('Номер мобильного телефона').fill(PARENT);
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    const codeField = page.getByLabel('Код из СМС');
    await codeField.waitFor();
    await codeField.fill(await latestCode(site.url, PARENT));
    await page.getByRole('button', { name: 'Продолжить' }).click();
    // The school's page script takes a signed-in parent to «Мои дети».
    await page.waitForURL(/\/children\.html$/);
    const list = page.locator('[data-children-list]');
    await list.getByText('Иванова Мария').waitFor();
    await list.getByText('Иванов Пётр').waitFor();
    await page.locator('[data-account-name]').getByText('Иванова Елена').waitFor();
  });

  it('signs in through the demo identity provider: linked once by password and code, then by it alone', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    const other = await context.newPage();
    await other.goto(`${site.url}/login.html`);
    await other.getByRole('button', { name: 'Войти через Демо-ID' }).click();
    await other.getByRole('button', { name: 'Отмена' }).click();
    await other.getByText('Вход через сервис отменён').waitFor();
    await other.getByRole('button', { name: 'Войти через Демо-ID' }).click();
    await other.getByRole('button', { name: 'Иванова Елена' }).click();
    await other.getByText('Этот вход ещё не связан с аккаунтом').waitFor();
    assert.equal(new URL(other.url()).hash, '', 'the ticket stays in the address');
    await other.getByLabel('Номер мобильного телефона').fill(PARENT);
    await other.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Войти', exact: true }).click();
    const codeField = other.getByLabel('Код из СМС');
    await codeField.waitFor();
    await codeField.fill(await latestCode(site.url, PARENT));
    await other.getByRole('button', { name: 'Продолжить' }).click();
    await other.waitForURL(/\/children\.html$/);
    await context.close();

    // A browser that never signed in: the provider alone signs the parent in.
    const fresh = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'ru-RU' });
    const again = await fresh.newPage();
    await again.goto(`${site.url}/login.html`);
    await again.getByRole('button', { name: 'Войти через Демо-ID' }).click();
    await again.getByRole('button', { name: 'Иванова Елена' }).click();
    await again.waitForURL(/\/children\.html$/);
    await again.locator('[data-account-name]').getByText('Иванова Елена').waitFor();
    await fresh.close();
  });

  it('registers a child: a wrong SNILS gets its field error, the fixed one an application', async () => {
    const form = page.locator('diary-child-form');
    await form.locator('#lastName').fill('Смирнова');
    await form.locator('#firstName').fill('Анна');
    await form.locator('#birthDate-day').fill('14');
    await form.locator('#birthDate-month').fill('марта');
    await form.locator('#birthDate-year').fill('2015');
    await form.locator('#sex-female').check();
    await form.locator('#snils').fill('123-456-789 65');
    await form.locator('#school').fill('42');
    await form.getByRole('option').first().click();
    await form.locator('#rosterId').fill('R42-5A-99');
    await form.getByRole('button', { name: 'Продолжить' }).click();

    const snils = form.locator('#snils');
    await assertAttribute(snils, 'aria-invalid', 'true');
    const error = form.locator('#snils-error');
    assert.match(await error.innerText(), /Контрольное число СНИЛС не совпадает/);
    // GOV.UK: the error summary links to the field.
    await form.getByRole('link', { name: /Контрольное число СНИЛС/ }).waitFor();

    await snils.fill('123-456-789 64');
    await form.getByRole('button', { name: 'Продолжить' }).click();
    const code = form.locator('#code');
    await code.waitFor();
    await code.fill(await latestCode(site.url, PARENT));
    await form.getByRole('button', { name: 'Подтвердить' }).click();
    const number = form.locator('[data-application-number]');
    await number.waitFor();
    assert.match(await number.innerText(), /^ЭД-\d{4}-\d{6}$/);
    // The page's own list follows the new child.
    await page.locator('[data-children-list]').getByText('Смирнова Анна').waitFor();
  });

  it('shows the new application’s timeline, which moves when the school takes it up', async () => {
    const admin = createDiaryClient({ baseUrl: site.url, storage: false, syncTabs: false });
    const { challengeId } = await admin.auth.login({ phone: ADMIN_42, password: PASSWORD });
    await admin.auth.verify({ challengeId, code: await latestCode(site.url, ADMIN_42) });
    const { items } = await admin.applications.list({ status: 'submitted' });
    const application = items[0];
    assert.ok(application, 'the school sees no submitted application');
    await page.goto(`${site.url}/application.html?child=${application.childId}`);
    const widget = page.locator('diary-application');
    await widget.getByText(`Заявление ${application.number}`).waitFor({ timeout: 30_000 });
    await widget.locator('[data-status="submitted"][data-state="current"]').waitFor();
    // Let the page's live stream open before the school moves the application.
    await page.waitForFunction(liveOpen);
    await admin.applications.setStatus({ applicationId: application.id, status: 'checking' });
    await widget
      .locator('[data-status="checking"][data-state="current"]')
      .waitFor({ timeout: 20_000 });
    assert.match(await widget.locator('[part="live"]').innerText(), /На проверке в школе/);
    await admin.auth.logout();
  });

  it('opens a support request that the school’s admin answers, shown without a reload', async () => {
    await page.goto(`${site.url}/support.html`);
    const support = page.locator('diary-support');
    await support.locator('[part~="new"]').click({ timeout: 30_000 });
    const subject = `Вопрос о расписании (${Date.now()})`;
    await support.locator('#subject').fill(subject);
    await support.locator('#text').fill('Когда появится расписание на следующую неделю?');
    await support.locator('[part~="send"]').click();
    const title = support.locator('#thread-title');
    await title.waitFor({ timeout: 20_000 });
    const number = /^(ОБР-\d{6}):/.exec(await title.innerText())?.[1];
    assert.ok(number, 'the request has no number');
    await page.waitForFunction(liveOpen);

    const admin = createDiaryClient({ baseUrl: site.url, storage: false, syncTabs: false });
    const { challengeId } = await admin.auth.login({ phone: ADMIN_42, password: PASSWORD });
    await admin.auth.verify({ challengeId, code: await latestCode(site.url, ADMIN_42) });
    const ticket = (await admin.support.list()).items.find((t) => t.number === number);
    assert.ok(ticket, 'the school’s admin does not see the request');
    await admin.support.reply({ ticketId: ticket.id, text: 'Расписание будет в пятницу' });
    await support.getByText('Расписание будет в пятницу').waitFor({ timeout: 20_000 });
    assert.match(await support.locator('[part="ticket-status"]').innerText(), /Есть ответ/);
    await admin.auth.logout();
  });

  it('shows a child’s grade table and timeline chart', async () => {
    await page.goto(`${site.url}/grades.html?child=${MARIA}`);
    const table = page.locator('diary-grade-table');
    await table.locator('tbody tr[data-subject]').first().waitFor({ timeout: 30_000 });
    await table.locator('#period').selectOption('year');
    const subjects = await table
      .locator('tbody tr[data-subject] th .diary-subject')
      .allInnerTexts();
    assert.ok(subjects.includes('Математика'), subjects.join(', '));
    const caption = page.locator('diary-timeline-chart figcaption');
    await caption.waitFor({ timeout: 30_000 });
    assert.match(await caption.innerText(), /\S/);
    assert.ok(
      (await page.locator('diary-timeline-chart svg').count()) > 0,
      'the chart drew no SVG',
    );
  });

  it('shows a teacher’s new mark in the parent’s open grade table without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const teacher = await signInTeacher(site.url);
    const created = await teacher.grades.create({
      childId: MARIA,
      subjectId: MATH,
      value: 5,
      weight: 1,
      kind: 'quiz',
      date: markDay(),
      comment: 'Отличная самостоятельная',
    });
    const mark = page.locator(`diary-grade-table button[data-id="${created.id}"]`);
    await mark.waitFor({ timeout: 20_000 });
    assert.match((await mark.getAttribute('aria-label')) ?? '', /Отличная самостоятельная/);
    assert.deepEqual(navigations, [], 'the page was reloaded');
    await teacher.auth.logout();
  });

  it('tells a teacher’s correction «4 → 5» with its time in the mark’s tooltip and notification', async () => {
    const teacher = await signInTeacher(site.url);
    const given = await teacher.grades.create({
      ...{ childId: MARIA, subjectId: MATH, value: 4, weight: 1, kind: 'oral', date: markDay() },
      comment: `Устный ответ (${Date.now()})`,
    });
    await page.goto(`${site.url}/grades.html?child=${MARIA}`);
    const table = page.locator('diary-grade-table');
    await table.locator('tbody tr[data-subject]').first().waitFor({ timeout: 30_000 });
    await table.locator('#period').selectOption('year');
    const mark = table.locator(`button[data-id="${given.id}"]`);
    await mark.waitFor({ timeout: 20_000 });
    await page.waitForFunction(liveOpen);
    await teacher.grades.update({ markId: given.id, value: 5 });
    const { changes } = await teacher.grades.history({ markId: given.id });
    await teacher.auth.logout();
    const at = changes.find((c) => c.action === 'updated')?.at;
    assert.ok(at, 'the history has no correction');
    const time = moscowTime(at);

    // Live, without a reload: the mark reads 5, and its pinned tooltip tells the correction.
    await table.locator(`button[data-id="${given.id}"]`, { hasText: /^5$/ }).waitFor();
    await mark.click();
    const tip = table.locator('[part="tooltip"]');
    await tip.filter({ hasText: '4 → 5' }).waitFor({ timeout: 20_000 });
    assert.match(
      await tip.innerText(),
      new RegExp(`Исправлена \\d+ [а-я]+ в ${time}: 4 → 5 \\(Орлов С\\. \\S\\.\\)`),
    );

    await page.goto(`${site.url}/notifications.html`);
    const item = page
      .locator('main diary-notifications [data-notification]')
      .filter({ hasText: 'Оценка исправлена: Математика' })
      .filter({ hasText: 'Мария: 4 → 5' })
      .first();
    await item.waitFor({ timeout: 30_000 });
    const sent = await item.locator('time').getAttribute('datetime');
    assert.ok(sent, 'the notification has no time');
    assert.match(await item.locator('time').innerText(), new RegExp(`${moscowTime(sent)}$`));
  });

  it('shows the week’s timetable of a child', async () => {
    await page.goto(`${site.url}/schedule.html?child=${MARIA}`);
    const grid = page.locator('diary-schedule table[part="table"]');
    await grid.waitFor({ timeout: 30_000 });
    assert.match(await grid.locator('caption').innerText(), /\S/);
    assert.match(await grid.innerText(), /Математика/);
  });

  it('sends a message to a teacher, who receives it', async () => {
    await page.goto(`${site.url}/chat.html?child=${MARIA}`);
    const chat = page.locator('diary-chat');
    await chat.locator(`[data-thread="${MATH_THREAD}"] button`).click({ timeout: 30_000 });
    await chat.locator('[role="log"][aria-busy="false"]').waitFor({ timeout: 20_000 });
    const text = `Здравствуйте! Мария завтра пропустит урок (${Date.now()})`;
    await chat.locator('#message').fill(text);
    await chat.locator('[part~="send"]').click();
    await chat.locator('[part="status"]').getByText('Отправлено').waitFor({ timeout: 20_000 });

    const teacher = await signInTeacher(site.url);
    const { items } = await teacher.threads.messages({ threadId: MATH_THREAD });
    assert.ok(
      items.some((message) => message.text === text),
      'the teacher does not see the message',
    );
    await teacher.auth.logout();
  });

  it('marks a notification read; a threshold set there turns the next low mark into an alert', async () => {
    await page.goto(`${site.url}/notifications.html`);
    const feed = page.locator('main diary-notifications');
    const unread = feed.locator('[part~="item-unread"]').first();
    await unread.waitFor({ timeout: 30_000 });
    const id = await unread.getAttribute('data-notification');
    await unread.locator('[part~="read"]').click();
    await feed.locator(`[data-notification="${id}"][part="item"]`).waitFor();
    const bell = page.locator('header diary-notifications [part~="bell"]');
    await bell.waitFor();
    // The bell stands out on the blue header (WCAG's 3:1 for an icon).
    const [icon, behind] = await bell.evaluate(paintOf);
    assert.ok(contrastRatio(icon, behind) >= 3, `the bell is ${icon} on ${behind}`);

    // A threshold just under Мария's maths average: the teacher's next 2 takes it below.
    const family = createDiaryClient({ baseUrl: site.url, storage: false, syncTabs: false });
    const started = await family.auth.login({ phone: PARENT, password: PASSWORD });
    await family.auth.verify({
      challengeId: started.challengeId,
      code: await latestCode(site.url, PARENT),
    });
    const summary = await family.grades.summary({ childId: MARIA });
    const average = summary.subjects.find((s) => s.subjectId === MATH)?.weightedAverage ?? 5;
    const shown = (Math.floor(average * 100) / 100).toFixed(2).replace('.', ',');
    await family.auth.logout();
    await feed.locator('[part~="open-settings"]').click();
    await feed.locator('#threshold-child').selectOption(MARIA);
    await feed
      .locator('#threshold-subject option[value="sub_42_math"]')
      .waitFor({ state: 'attached' });
    await feed.locator('#threshold-subject').selectOption(MATH);
    await feed.locator('#threshold-value').fill(shown);
    await feed.locator('[part~="add-threshold"]').click();
    await feed.locator('[part="threshold-status"]').getByText('Порог сохранён.').waitFor();
    await feed.locator('[part~="open-settings"]').click();

    const teacher = await signInTeacher(site.url);
    await teacher.grades.create({
      childId: MARIA,
      subjectId: MATH,
      value: 2,
      weight: 1,
      kind: 'oral',
      date: markDay(),
    });
    await teacher.auth.logout();
    // Live, without a reload: the alert comes on top of the open feed.
    await feed
      .locator('[part~="item-unread"]')
      .getByText(`Средний балл ниже ${shown}`)
      .first()
      .waitFor({ timeout: 20_000 });
  });

  it('reports an absence ahead, which the class teacher acknowledges, shown without a reload', async () => {
    await page.goto(`${site.url}/attendance.html?child=${MARIA}`);
    const attendance = page.locator('diary-attendance');
    await attendance.locator('[part="totals"]').waitFor({ timeout: 30_000 });
    await attendance.locator('[part~="report-open"]').click();
    const day = new Date(Date.now() + 7 * 86_400_000);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
    const [year, month, date] = day.toISOString().slice(0, 10).split('-');
    await attendance.locator('#absence-from').fill(`${date}.${month}.${year}`);
    await attendance.locator('#absence-from').press('Tab');
    await attendance.locator('#reason').check();
    const note = `Соревнования (${Date.now()})`;
    await attendance.locator('#comment').fill(note);
    await attendance.locator('[part~="send"]').click();
    const notice = attendance.locator('[part="absence-notice"]', { hasText: note });
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /Отправлено, ждёт учителя/);
    const id = await notice.getAttribute('data-notice');
    assert.ok(id, 'the report has no id');
    await page.waitForFunction(liveOpen);

    const teacher = createDiaryClient({ baseUrl: site.url, storage: false, syncTabs: false });
    const { challengeId } = await teacher.auth.login({ phone: CLASS_TEACHER, password: PASSWORD });
    await teacher.auth.verify({ challengeId, code: await latestCode(site.url, CLASS_TEACHER) });
    const incoming = await teacher.absences.incoming({ from: day.toISOString().slice(0, 10) });
    assert.ok(incoming.items.some((n) => n.id === id && n.childName.startsWith('Иванова Мария')));
    await teacher.absences.acknowledge({ noticeId: id });
    await teacher.auth.logout();
    await attendance
      .locator(`[data-notice="${id}"][data-status="acknowledged"]`)
      .waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /Принято: /);
  });

  it('adds a portfolio item with a file and finds it by its tag', async () => {
    await page.goto(`${site.url}/portfolio.html?child=${MARIA}`);
    const portfolio = page.locator('diary-portfolio');
    await portfolio.locator('#add').click({ timeout: 30_000 });
    const title = `Гербарий осенних листьев (${Date.now()})`;
    await portfolio.locator('#kind').selectOption('project');
    await portfolio.locator('#title').fill(title);
    await portfolio
      .locator('#date')
      .fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await portfolio.locator('#subjectId').selectOption({ label: 'Биология' });
    await portfolio.locator('#level').selectOption('regional');
    await portfolio.locator('#attachmentId').setInputFiles({
      name: 'gerbariy.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'),
    });
    await portfolio.locator('[part~="save"]').click();
    await portfolio.locator('#add').waitFor({ timeout: 20_000 });

    await portfolio.locator('#f-subject').selectOption({ label: 'Биология' });
    await portfolio.locator('#f-level').selectOption('regional');
    await portfolio.locator('#f-q').fill(title);
    await portfolio.locator('[part~="search"]').click();
    const item = portfolio.locator('[part="item"]', { hasText: title });
    await item.waitFor({ timeout: 20_000 });
    // The new item is in the list before the search answers too: wait for the others to go.
    await portfolio.locator('[part="item"]').nth(1).waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await portfolio.locator('[part="item"]').count(), 1);
    assert.match(await item.innerText(), /Скачать gerbariy\.pdf/);
    assert.match(await item.innerText(), /Уровень: Региональный/);
  });

  it('ticks homework done, and it stays done after a reload', async () => {
    const teacher = await signInTeacher(site.url);
    // «На завтра» is the next school day in Moscow: Monday after a Friday or a weekend.
    const moscow = new Date(Date.now() + 3 * 3600_000);
    const due = new Date(moscow);
    do due.setUTCDate(due.getUTCDate() + 1);
    while ([0, 6].includes(due.getUTCDay()));
    const homework = await teacher.homework.create({
      classId: 'cls_42_5a',
      subjectId: MATH,
      text: `Задачи на дроби ${Date.now()}`,
      assignedDate: moscow.toISOString().slice(0, 10),
      dueDate: due.toISOString().slice(0, 10),
      attachmentIds: [],
    });
    await teacher.auth.logout();
    await page.goto(`${site.url}/homework.html?child=${MARIA}`);
    const item = page.locator(`diary-homework li[data-homework="${homework.id}"]`);
    await item.waitFor({ timeout: 30_000 });
    assert.equal(await item.getAttribute('data-state'), 'open');
    await page.locator(`diary-homework #due-done-${homework.id}`).check();
    await page
      .locator(`diary-homework li[data-homework="${homework.id}"][data-state="done"]`)
      .waitFor();
    await page.reload();
    await page
      .locator(`diary-homework li[data-homework="${homework.id}"][data-state="done"]`)
      .waitFor({ timeout: 30_000 });
  });

  it('shows a test a teacher planned through the API among the upcoming ones', async () => {
    const teacher = await signInTeacher(site.url);
    // Three days on in Moscow: within the widget's 30 days whatever the hour.
    const date = new Date(Date.now() + (3 * 24 + 3) * 3600_000).toISOString().slice(0, 10);
    const topic = `Дроби и проценты ${Date.now()}`;
    const planned = await teacher.assessments.create({
      classId: 'cls_42_5a',
      subjectId: MATH,
      date,
      kind: 'test',
      topic,
      weight: 3,
    });
    await teacher.auth.logout();
    await page.goto(`${site.url}/tests.html?child=${MARIA}`);
    const item = page.locator(`diary-upcoming-tests li[data-test="${planned.id}"]`);
    await item.waitFor({ timeout: 30_000 });
    const text = await item.innerText();
    assert.match(text, /Контрольная работа/);
    assert.ok(text.includes(topic), text);
    assert.match(text, /Вес оценки: 3/);
  });

  it('edits the child card, and a school change waits for its SMS code', async () => {
    await page.goto(`${site.url}/child-card.html?child=${MARIA}`);
    const card = page.locator('diary-child-card');
    // The page selects the child from the address once the provider has the children: wait for
    // Мария's card, not the first child's.
    await card.locator('[part="details"]', { hasText: 'Мария' }).waitFor({ timeout: 30_000 });
    await card.locator('[part~="edit"]').click();
    const inn = card.locator('#inn');
    await inn.fill('12');
    await card.locator('[part~="save"]').click();
    await card.locator('#inn-error').waitFor();
    const before = await inn.inputValue();
    assert.equal(before, '12', 'a failed save keeps what was typed');
    await inn.fill('500100732259');
    await card.locator('[part~="save"]').click();
    await card.getByText('Данные ребёнка сохранены.').waitFor();
    assert.match(await card.locator('[part="details"]').innerText(), /500100732259/);
    await card.locator('[part~="unlink"]').first().click();
    await card.locator('[part~="send-code"]').click();
    await card.locator('#code').waitFor();
    assert.match(await card.locator('[part="school-step"]').innerText(), /\+7 999 \*\*\*-\*\*-01/);
    await card.locator('[part~="cancel-school"]').click();
    assert.equal((await card.locator('[part="school-link"]').count()) > 0, true);
  });

  it('opens a school event and downloads it as an iCalendar file', async () => {
    await page.goto(`${site.url}/news.html?child=${MARIA}`);
    const news = page.locator('diary-news');
    await news.locator('#kind').selectOption('event', { timeout: 30_000 });
    await news.locator('[part="open"]', { hasText: 'Новогодний концерт' }).click();
    await news.locator('[part="event-facts"]').waitFor();
    assert.match(await news.locator('[part="event-facts"]').innerText(), /Актовый зал/);
    assert.equal(
      await news.locator('[part="article"] img').getAttribute('alt'),
      'Сцена актового зала с ёлкой и гирляндами',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      news.locator('[part~="calendar"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^\d{4}-\d{2}-\d{2}-nws_demo_concert\.ics$/);
    const path = await download.path();
    const ics = readFileSync(path, 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    assert.match(ics, /\r\nUID:nws_demo_concert@[^\r\n]+\r\n/);
    assert.match(ics, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    // 17:00 in Moscow is 14:00 UTC.
    assert.match(ics, /\r\nDTSTART:\d{8}T140000Z\r\n/);
    assert.match(ics, /\r\nSUMMARY:Новогодний концерт\r\n/);
    assert.match(ics, /\r\nLOCATION:Актовый зал\r\n/);
    assert.ok(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
  });

  it('runs the SDK example: it signs in and prints each child’s averages', async () => {
    const { stdout } = await runSdkExample({ DIARY_URL: site.url });
    assert.match(stdout, /Иванова Мария \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\)/);
    assert.match(stdout, /Математика\s+average \d,\d{2}\s+weighted \d,\d{2}\s+marks \d+/);
  });

  it('the SDK example says what went wrong with a bad password, and exits 1', async () => {
    const failed = await runSdkExample({
      DIARY_URL: site.url,
      DIARY_PASSWORD: 'wrong-password-1',
    }).then(
      () => assert.fail('the example succeeded with a wrong password'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /^invalid_credentials: .+/m);
  });

  it('photographs every page at desktop and phone width, none scrolls sideways at 360 px', async () => {
    const session = await parent.storageState();
    const overflowing: string[] = [];
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({
        viewport,
        locale: 'ru-RU',
        storageState: session,
      });
      const shot = await context.newPage();
      for (const pageName of PAGES) {
        await shot.goto(`${site.url}/${pageName}.html`);
        // Every tag the build has code for is defined and has rendered before the picture.
        await shot.waitForFunction(allRendered, builtTags().join(','));
        await shot.evaluate(fontsReady);
        await shot.screenshot({ path: join(artifacts, `${pageName}-${name}.png`), fullPage: true });
        const width = await shot.evaluate(pageWidth);
        if (name === 'phone' && width.scroll > width.client)
          overflowing.push(`${pageName}: ${width.scroll}px wide on a ${width.client}px screen`);
      }
      await context.close();
      for (const pageName of PAGES)
        assert.ok(
          existsSync(join(artifacts, `${pageName}-${name}.png`)),
          `${pageName}-${name}.png`,
        );
    }
    assert.deepEqual(overflowing, [], overflowing.join('\n'));
  });

  it('logged no errors in the browser console', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

/** Today, or a day of the demo school year when today is outside it: a day a mark may be given. */
function markDay(): string {
  const today = new Date().toISOString().slice(0, 10);
  return today >= '2026-09-01' && today <= '2027-05-31' ? today : '2026-11-24';
}

/** `14:05`: an instant's time in Moscow (UTC+3, no summer time), the zone the site's pages use. */
function moscowTime(instant: string): string {
  return new Date(Date.parse(instant) + 3 * 3600_000).toISOString().slice(11, 16);
}

/** Runs examples/sdk-node/child-averages.ts as `npm run example:sdk` does. */
function runSdkExample(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'examples/sdk-node/child-averages.ts')],
    { env: { ...process.env, ...env }, timeout: 60_000 },
  );
}
