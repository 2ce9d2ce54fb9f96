/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import {
  addDays,
  formatIsoWeek,
  isoWeekOf,
  shiftWeek,
  todayIn,
  weekMonday,
} from '@school-diary/core';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf, typeInto } from '../test-support/dom';
import type { DiarySchedule } from './diary-schedule';

// Иванова (parent of Мария, 5А at Школа № 42) and the school's admin, from the demo world.
const PARENT = '+79990000001';
const ADMIN = '+79990000010';
const MARIA = 'chd_maria';
const CLASS_5A = 'cls_42_5a';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

interface Mounted {
  readonly schedule: DiarySchedule;
  readonly provider: DiaryProvider;
  readonly url: string;
  readonly $: (selector: string) => HTMLElement | null | undefined;
  readonly $$: (selector: string) => HTMLElement[];
}

async function mount(
  attrs: { childId?: string; week?: string; layout?: string; lang?: string } = {},
  signedIn = true,
): Promise<Mounted> {
  const url = await diaryServerUrl();
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider base-url=${url} lang=${attrs.lang ?? 'ru'}>
      <diary-schedule
        child-id=${attrs.childId ?? MARIA}
        week=${attrs.week ?? ''}
        layout=${attrs.layout ?? 'week'}
      ></diary-schedule>
    </diary-provider>`,
  );
  const schedule = provider.querySelector('diary-schedule') as DiarySchedule;
  if (signedIn) {
    await signIn(provider.activeClient as DiaryClient, url, PARENT);
    await waitUntil(
      () => !schedule.shadowRoot?.querySelector('[part~="notice"][role="status"]'),
      'the timetable did not load',
      { timeout: 10_000 },
    );
  }
  await settle(schedule);
  return {
    schedule,
    provider,
    url,
    $: (selector) => schedule.shadowRoot?.querySelector<HTMLElement>(selector),
    $$: (selector) => [...(schedule.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])],
  };
}

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

const thisWeek = () => formatIsoWeek(isoWeekOf(todayIn(new Date(), 'Europe/Moscow')));

describe('<diary-schedule>', function () {
  this.timeout(30_000);

  it('outside a provider says so', async () => {
    const schedule = await fixture<DiarySchedule>(
      html`<diary-schedule child-id=${MARIA}></diary-schedule>`,
    );
    await settle(schedule);
    expect(textOf(schedule.shadowRoot?.querySelector('[role="alert"]'))).to.contain(
      'поместите его внутрь <diary-provider',
    );
    await expect(schedule).to.be.accessible();
  });

  it('asks to sign in when nobody is signed in', async () => {
    const { schedule } = await mount({}, false);
    // The provider first looks for a kept session («Загрузка…»).
    await waitUntil(
      () => textOf(schedule.shadowRoot).includes('Войдите в электронный дневник'),
      'no sign-in notice',
    );
    expect(schedule.shadowRoot?.querySelector('table')).to.equal(null);
    await expect(schedule).to.be.accessible();
  });

  it("shows this week's timetable as a table: days as column headers, slots as row headers", async () => {
    const { schedule, $, $$ } = await mount();
    expect(schedule.shownWeek).to.equal(thisWeek());
    const table = $('table[part="table"]');
    expect(textOf(table?.querySelector('caption'))).to.match(
      /^Расписание: Иванова Мария( Андреевна)?, неделя /,
    );
    const dayHeaders = $$('thead th[scope="col"]').map(textOf);
    expect(dayHeaders[0]).to.equal('Урок');
    expect(dayHeaders.length).to.be.greaterThan(5);
    expect(dayHeaders[1]).to.match(/^пн/);
    const rowHeaders = $$('tbody th[scope="row"]').map(textOf);
    expect(rowHeaders.length).to.be.within(5, 8);
    expect(rowHeaders[0]).to.match(/^1 урок \d\d:\d\d–\d\d:\d\d$/);
    const lesson = $('td[part~="lesson"]');
    expect(textOf(lesson)).to.match(/каб\. \S+/);
    await expect(schedule).to.be.accessible();
  });

  it('marks substituted lessons with words, not colour alone, with teacher, reason and room', async () => {
    const { schedule, $$ } = await mount();
    const substituted = $$('td[part~="lesson-substituted"]');
    expect(substituted.length, 'the demo week has substitutions').to.be.greaterThan(0);
    const cell = textOf(substituted[0]);
    expect(cell).to.contain('Замена');
    expect(cell).to.match(/вместо: \S+/);
    expect(cell).to.match(/причина: \S+/);
    // Its own style, not the red dashed border of a low mark: a solid frame in the warning colour.
    const style = getComputedStyle(must(substituted[0], 'a substituted cell'));
    expect(style.outlineStyle).to.not.equal('dashed');
    expect(style.boxShadow).to.contain('rgb(138, 79, 0)');
    await expect(schedule).to.be.accessible();
  });

  it('shows homework under the lesson it is due for, even when it was set the week before', async () => {
    const { provider } = await mount();
    const client = provider.activeClient as DiaryClient;
    const monday = (week: string) => must(weekMonday(week), `the Monday of ${week}`);
    const from = monday(must(shiftWeek(thisWeek(), -2), 'two weeks ago'));
    const { items } = await client.homework.list({ childId: MARIA, from, to: addDays(from, 27) });
    const weekOf = (date: string) => formatIsoWeek(isoWeekOf(date));
    // Preferably homework set in one week and due in the next (Friday's for Monday).
    const homework = must(
      items.find((h) => weekOf(h.assignedDate) !== weekOf(h.dueDate)) ?? items[0],
      'homework in the demo',
    );
    const week = await client.schedule.week({ classId: CLASS_5A, week: weekOf(homework.dueDate) });
    const dueLesson = must(
      week.days
        .flatMap((d) => d.lessons)
        .filter((l) => l.date === homework.dueDate && l.subjectId === homework.subjectId)
        .sort((a, b) => a.number - b.number)[0],
      'a lesson of the subject on the due date',
    );
    const { schedule, $ } = await mount({ week: week.week });
    await waitUntil(() => $(`[data-homework="${homework.id}"]`), 'the homework is not shown');
    const shown = must($(`[data-homework="${homework.id}"]`), 'the homework');
    expect(shown.closest('[data-lesson]')?.getAttribute('data-lesson')).to.contain(dueLesson.id);
    expect(textOf(shown)).to.contain(homework.text.slice(0, 20));
    // «ДЗ:» on screen, the whole words for screen readers, no due date under its own lesson.
    expect(textOf(shown.querySelector('abbr'))).to.equal('ДЗ');
    expect(textOf(shown)).to.contain('Домашнее задание');
    expect(textOf(shown)).to.not.match(/\(к \d/);
    await expect(schedule).to.be.accessible();
  });

  it('shows a planned test on its lesson', async () => {
    const url = await diaryServerUrl();
    const teacher = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(teacher, url, '+79990000011');
    const next = must(shiftWeek(thisWeek(), 1), 'next week');
    const week = await teacher.schedule.week({ classId: CLASS_5A, week: next });
    const lesson = must(
      week.days.flatMap((d) => d.lessons).find((l) => l.subjectId === 'sub_42_math'),
      'a maths lesson next week',
    );
    const topic = `Проценты ${Date.now()}`;
    const test = await teacher.assessments.create({
      classId: CLASS_5A,
      subjectId: 'sub_42_math',
      date: lesson.date,
      lessonId: lesson.id,
      kind: 'test',
      topic,
    });
    teacher.close();
    const { schedule, $ } = await mount({ week: next });
    await waitUntil(() => $(`[data-test="${test.id}"]`), 'the planned test is not shown');
    const shown = must($(`[data-test="${test.id}"]`), 'the test');
    expect(shown.closest('[data-lesson]')?.getAttribute('data-lesson')).to.contain(lesson.id);
    expect(textOf(shown)).to.equal(`Контрольная работа — ${topic}`);
    await expect(schedule).to.be.accessible();
  });

  it('shows a test a teacher plans while it is open on its lesson, and drops it when cancelled', async () => {
    const next = must(shiftWeek(thisWeek(), 1), 'next week');
    const { schedule, provider, url, $ } = await mount({ week: next });
    const teacher = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(teacher, url, '+79990000011');
    const week = await teacher.schedule.week({ classId: CLASS_5A, week: next });
    const lesson = must(
      week.days.flatMap((d) => d.lessons).find((l) => l.subjectId === 'sub_42_math'),
      'a maths lesson next week',
    );
    const live = provider.activeClient as DiaryClient;
    await waitUntil(() => live.events.status === 'open', 'the live stream did not open');
    const test = await teacher.assessments.create({
      classId: CLASS_5A,
      subjectId: 'sub_42_math',
      date: lesson.date,
      lessonId: lesson.id,
      kind: 'dictation',
      topic: `Живой диктант ${Date.now()}`,
    });
    try {
      await waitUntil(() => $(`[data-test="${test.id}"]`), 'the planned test did not appear', {
        timeout: 10_000,
      });
      const shown = must($(`[data-test="${test.id}"]`), 'the test');
      expect(shown.closest('[data-lesson]')?.getAttribute('data-lesson')).to.contain(lesson.id);
      await waitUntil(() => textOf($('[part="live"]')).startsWith('Запланировано:'));
      await expect(schedule).to.be.accessible();
    } finally {
      await teacher.assessments.cancel({ assessmentId: test.id });
    }
    await waitUntil(() => !$(`[data-test="${test.id}"]`), 'the cancelled test stayed', {
      timeout: 10_000,
    });
    await waitUntil(() => textOf($('[part="live"]')).startsWith('Отменено:'));
    teacher.close();
  });

  it('moves between weeks with previous, next, this week and a date, and says so', async () => {
    const { schedule, $ } = await mount();
    const start = schedule.shownWeek;
    // «← Предыдущая неделя»: the arrow keeps its space from the words in the flex button.
    const previous = $('[part~="previous"]') as HTMLElement;
    const arrow = previous.querySelector('[aria-hidden="true"]') as HTMLElement;
    const words = document.createRange();
    words.selectNodeContents(previous);
    words.setStartAfter(arrow);
    const gap = words.getBoundingClientRect().left - arrow.getBoundingClientRect().right;
    expect(gap).to.be.above(2);
    let changed = oneEvent(schedule, 'diary-week-change');
    $('[part~="next"]')?.click();
    expect((await changed).detail.week).to.equal(shiftWeek(start, 1));
    await waitUntil(() => textOf($('caption')) !== '' && schedule.week === shiftWeek(start, 1));
    changed = oneEvent(schedule, 'diary-week-change');
    $('[part~="previous"]')?.click();
    expect((await changed).detail.week).to.equal(start);
    await settle(schedule);
    $('[part~="previous"]')?.click();
    await settle(schedule);
    expect(schedule.week).to.equal(shiftWeek(start, -1));
    $('[part~="today"]')?.click();
    await settle(schedule);
    expect(schedule.week).to.equal(start);
    expect($('[part~="today"]')?.getAttribute('aria-current')).to.equal('date');

    // The date is typed as a Russian reader writes it, not in the browser's mm/dd/yyyy.
    expect($('#goto')?.getAttribute('type')).to.equal('text');
    expect(textOf($('#goto-hint'))).to.equal('Например, 24.11.2026');
    typeInto($('#goto'), '02.09.2026');
    $('[part~="show"]')?.click();
    await settle(schedule);
    expect(schedule.week).to.equal('2026-W36');
    await waitUntil(
      () => textOf($('caption')).includes('31 августа'),
      'the picked week did not load',
    );
    expect(($('#goto') as HTMLInputElement).value).to.equal('31.08.2026');
  });

  it('explains an incomplete date in the picker and keeps the week', async () => {
    const { schedule, $ } = await mount({ lang: 'en' });
    const before = schedule.shownWeek;
    typeInto($('#goto'), '');
    $('[part~="show"]')?.click();
    await settle(schedule);
    expect(textOf($('#goto-error'))).to.equal(
      'Error: Enter a full date, day first: for example, 24 Nov 2026',
    );
    expect(($('#goto') as HTMLInputElement).value).to.equal('');
    typeInto($('#goto'), '31/02/2026');
    $('[part~="show"]')?.click();
    await settle(schedule);
    expect($('#goto')?.getAttribute('aria-describedby')).to.equal('goto-hint goto-error');
    expect($('#goto')?.getAttribute('aria-invalid')).to.equal('true');
    expect(schedule.shownWeek).to.equal(before);
    await expect(schedule).to.be.accessible();
  });

  it('shows an empty week as such', async () => {
    const { schedule } = await mount({ week: '2030-W10' });
    await waitUntil(() => textOf(schedule.shadowRoot).includes('На эту неделю уроков нет'));
    await expect(schedule).to.be.accessible();
  });

  it("shows an error and no retry for a child that is not the parent's: asking again cannot help", async () => {
    const { schedule, $ } = await mount({ childId: 'chd_alexander' });
    await waitUntil(() => $('[role="alert"]'), 'no error shown', { timeout: 10_000 });
    expect(textOf($('[role="alert"]'))).to.equal('Не найдено');
    expect($('[part~="retry"]')).to.equal(null);
    await expect(schedule).to.be.accessible();
  });

  it('shows one day at a time in the day view, with keyboard-pressable day buttons', async () => {
    const { schedule, $, $$ } = await mount({ layout: 'day' });
    expect($('table[part="table"]')).to.equal(null);
    const days = $$('[part~="day"]');
    expect(days.length).to.be.greaterThan(4);
    const tuesday = must(days[1], 'Tuesday');
    tuesday.focus();
    await sendKeys({ press: 'Enter' });
    await settle(schedule);
    expect(tuesday.getAttribute('aria-pressed')).to.equal('true');
    const items = $$('[part="day-list"] > li');
    expect(items.length).to.be.greaterThan(0);
    expect(textOf(items[0])).to.match(/^\d урок/);
    expect(textOf($('#day-heading'))).to.match(/^вторник/);
    await expect(schedule).to.be.accessible();
    $('[part~="layout-week"]')?.click();
    await settle(schedule);
    expect($('table[part="table"]')).to.not.equal(null);
  });

  it("puts its title at the page's heading level, or leaves it out under the page's own", async () => {
    const { schedule, $ } = await mount({ layout: 'day' });
    await waitUntil(() => $('#day-heading'), 'no day heading');
    expect(textOf($('h2#title'))).to.equal('Расписание');
    expect($('h3#day-heading')).to.not.equal(null);
    schedule.setAttribute('heading-level', '3');
    await settle(schedule);
    expect(textOf($('h3#title'))).to.equal('Расписание');
    expect($('h4#day-heading'), 'the day is a section of the title').to.not.equal(null);
    schedule.setAttribute('heading-level', 'none');
    await settle(schedule);
    expect($('h2#title, h3#title')).to.equal(null);
    // Under the page's own heading, the day's heading is the widget's first level.
    expect($('h2#day-heading')).to.not.equal(null);
    // The section keeps its name from the hidden title.
    expect($('section[part="base"]')?.getAttribute('aria-labelledby')).to.equal('title');
    expect(textOf($('#title'))).to.equal('Расписание');
    await expect(schedule).to.be.accessible();
  });

  it('shows one day at a time on a 360 px phone even when the week was asked for', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const { schedule, $, $$ } = await mount({ layout: 'week' });
      await waitUntil(() => $('[part="day-list"]'), 'no day list at 360 px');
      expect($('table[part="table"]')).to.equal(null);
      expect($('[part~="layout-week"]'), 'no week toggle that cannot fit').to.equal(null);
      expect($$('[part~="day"]').length).to.be.within(5, 6);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      expect(schedule.getBoundingClientRect().right).to.be.at.most(360);
      await expect(schedule).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('leaves out a Saturday without lessons and keeps the days of equal width', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { provider, $$ } = await mount();
    const client = provider.activeClient as DiaryClient;
    const week = await client.schedule.week({ classId: CLASS_5A, week: thisWeek() });
    const shown = week.days.filter((d) => {
      const weekday = new Date(`${d.date}T12:00:00Z`).getUTCDay();
      return d.lessons.length > 0 || (weekday !== 0 && weekday !== 6);
    });
    const headers = $$('thead th[part="day-header"]');
    expect(headers.length).to.equal(shown.length);
    const widths = headers.map((h) => Math.round(h.getBoundingClientRect().width));
    expect(Math.max(...widths) - Math.min(...widths)).to.be.at.most(1);
  });

  it('lists substitution history between two dates, with core messages for a bad range', async () => {
    const { schedule, $, $$ } = await mount();
    const details = $('details[part="history"]') as HTMLDetailsElement;
    details.open = true;
    // The demo seeds a substitution of 5А in the week before today's, within the last 30 days.
    await waitUntil(() => $('[part="history-table"]'), 'no history', { timeout: 20_000 });
    expect($$('[part="history-table"] tbody tr').length).to.be.greaterThan(0);

    typeInto($('#history-from'), '20.11.2026');
    typeInto($('#history-to'), '1 ноября 2026');
    $('[part~="history-show"]')?.click();
    await settle(schedule);
    expect(textOf($('#history-to-error'))).to.equal(
      'Ошибка: Дата окончания должна быть не раньше даты начала',
    );
    await expect(schedule).to.be.accessible();

    typeInto($('#history-from'), '2026-10-01');
    typeInto($('#history-to'), '2026-10-31');
    $('[part~="history-show"]')?.click();
    await waitUntil(() => $('[part="history-table"]') && !$('#history-to-error'));
    const dates = $$('[part="history-table"] tbody tr').map((row) => row.dataset['substitution']);
    expect(dates.length).to.be.greaterThan(0);
    for (const row of $$('[part="history-table"] tbody th')) expect(textOf(row)).to.contain('окт');

    typeInto($('#history-from'), '2031-01-01');
    typeInto($('#history-to'), '2031-01-31');
    $('[part~="history-show"]')?.click();
    await waitUntil(
      () => textOf(schedule.shadowRoot).includes('Замен за эти даты нет'),
      'no answer for the empty range',
      { timeout: 10_000 },
    );
  });

  it('applies a live substitution to the grid and announces it politely', async () => {
    const { schedule, url, $ } = await mount();
    // The server refuses a substitution once its lesson has ended: use next week's lessons.
    const changed = oneEvent(schedule, 'diary-week-change');
    $('[part~="next"]')?.click();
    await changed;
    const admin = createDiaryClient({ baseUrl: url });
    await signIn(admin, url, ADMIN);
    const week = await admin.schedule.week({ classId: CLASS_5A, week: schedule.shownWeek });
    const lesson = must(
      week.days.flatMap((d) => d.lessons).find((l) => !l.substitution),
      'a lesson without substitution next week',
    );
    await waitUntil(() => $(`[data-lesson~="${lesson.id}"]`), 'next week not shown');
    // Give the widget's live stream a moment to connect before the change happens.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const applied = oneEvent(schedule, 'diary-substitution');
    await admin.schedule.substitute({
      lessonId: lesson.id,
      substituteTeacherId:
        lesson.teacherId === 'usr_teacher_russian' ? 'usr_teacher_math' : 'usr_teacher_russian',
      reason: 'Курсы повышения квалификации',
      room: '301',
    });
    expect((await applied).detail.substitution.lessonId).to.equal(lesson.id);
    await settle(schedule);
    const cell = $(`[data-lesson~="${lesson.id}"]`);
    expect(cell?.getAttribute('part')).to.contain('lesson-substituted');
    expect(textOf(cell)).to.contain('причина: Курсы повышения квалификации');
    expect(textOf(cell)).to.contain('кабинет изменён: 301');
    expect(textOf($('[part="live"]'))).to.match(/^Новая замена: /);
    await admin.schedule.cancelSubstitution({ lessonId: lesson.id });
    admin.close();
  });
});
