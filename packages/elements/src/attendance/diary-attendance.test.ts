/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { addDays, isoDayOfWeek, todayIn } from '@school-diary/core';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryAttendance } from './diary-attendance';

// Иванова (parent of Мария, 5А at Школа № 42) and Мария's class teacher, from the demo world.
const PARENT = '+79990000001';
const CLASS_TEACHER = '+79990000012';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

const $ = (el: DiaryAttendance, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
/** Types a date into one of the form's date boxes as a reader would, then leaves the box. */
const typeDate = (el: DiaryAttendance, id: string, text: string) => {
  const input = $(el, `#${id}`) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
};
const total = (el: DiaryAttendance, key: string) => textOf($(el, `[data-total="${key}"]`));

async function mountMemory(client: MemoryClient, lang = 'ru', theme = 'light') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang} theme=${theme}>
      <diary-attendance child-id="chd_maria" period-id="per_42_2026_q2"></diary-attendance>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-attendance') as DiaryAttendance;
  await waitUntil(() => $(el, '[part="totals"]'), 'the totals did not load');
  return el;
}

/** The next school day at least a week ahead, as `YYYY-MM-DD`. */
function nextWeekday(): string {
  let day = addDays(todayIn(new Date(), 'Europe/Moscow'), 7);
  while (isoDayOfWeek(day) > 5) day = addDays(day, 1);
  return day;
}

describe('<diary-attendance>', function () {
  this.timeout(60_000);

  it('asks to sign in', async () => {
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-attendance></diary-attendance>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-attendance') as DiaryAttendance;
    await settle(el);
    expect(textOf(el.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, after a failed load and with reports in both states', async () => {
    const withReports = createMemoryClient();
    const notice = await withReports.absences.report({
      childId: 'chd_maria',
      from: '2026-11-26',
      reason: 'ill',
      comment: 'ОРВИ',
    });
    withReports.memory.acknowledgeNotice(notice.id, 'Лебедева Анна Павловна');
    await withReports.absences.report({ childId: 'chd_maria', from: '2026-11-27', reason: 'ill' });
    const states = [
      { client: createMemoryClient({ latencyMs: 2_147_483_647 }), ready: '[part="notice"]' },
      {
        client: createMemoryClient({
          failures: { 'attendance.list': { status: 500, code: 'internal' } },
        }),
        ready: '[part="error"]',
      },
      { client: withReports, ready: '[data-status="acknowledged"]' },
    ];
    for (const { client, ready } of states) {
      const page = await fixture<DiaryProvider>(
        html`<diary-provider .client=${client}>
          <diary-attendance child-id="chd_maria"></diary-attendance>
        </diary-provider>`,
      );
      const el = page.querySelector('diary-attendance') as DiaryAttendance;
      await waitUntil(() => $(el, ready), `never showed ${ready}`);
      await expect(el).to.be.accessible();
      client.close();
    }
  });

  it('counts misses by reason, subject and day, and follows a teacher’s marks live', async () => {
    const client = createMemoryClient();
    const el = await mountMemory(client);
    expect(total(el, 'missed')).to.equal('1');
    expect(total(el, 'ill')).to.equal('1');
    expect(total(el, 'late')).to.equal('1');
    expect(total(el, 'absent_unexcused')).to.equal('0');
    expect(el.shadowRoot?.querySelectorAll('[part="subject"]').length).to.equal(2);
    await expect(el).to.be.accessible();

    const lesson = client.memory.data.lessons.find((l) => l.date === '2026-11-27');
    if (!lesson) throw new Error('no lesson on 27 November');
    client.memory.recordAttendance({
      childId: 'chd_maria',
      lessonId: lesson.id,
      date: lesson.date,
      lessonNumber: lesson.number,
      subjectId: lesson.subjectId,
      subjectName: lesson.subjectName,
      status: 'absent_unexcused',
    });
    await waitUntil(() => total(el, 'absent_unexcused') === '1', 'the live mark was not counted');
    expect(total(el, 'missed')).to.equal('2');
    expect(textOf($(el, '[data-date="2026-11-27"]'))).to.contain('Без уважительной причины');
    expect(textOf($(el, '[part="live"]'))).to.contain(lesson.subjectName);
    client.close();
  });

  it('reads in English on the dark theme at 360 px without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 800 });
    const client = createMemoryClient();
    const el = await mountMemory(client, 'en', 'dark');
    expect(textOf($(el, '[part="totals"]'))).to.contain('Lessons missed');
    // The school's «II четверть» reads in English too, as in the grade table.
    const period = $(el, '#period') as HTMLSelectElement;
    expect(textOf(period.selectedOptions[0])).to.equal('Term 2');
    $(el, '[part~="report-open"]')?.click();
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
    client.close();
  });

  it('tells a date it cannot read only once one is typed', async () => {
    const client = createMemoryClient();
    const el = await mountMemory(client);
    $(el, '[part~="report-open"]')?.click();
    await settle(el);
    const message = $(el, '#absence-from-format-error') as HTMLElement;
    expect(message.checkVisibility()).to.equal(false);
    expect($(el, '#absence-to-format-error')?.checkVisibility()).to.equal(false);
    typeDate(el, 'absence-from', '31.02');
    expect(message.checkVisibility()).to.equal(true);
    expect(textOf(message)).to.contain('Введите дату полностью');
    expect($(el, '#absence-from')?.getAttribute('aria-invalid')).to.equal('true');
    client.close();
  });

  it('reports an absence ahead by keyboard; the class teacher acknowledges it live', async () => {
    const url = await diaryServerUrl();
    const page = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-attendance child-id="chd_maria"></diary-attendance>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-attendance') as DiaryAttendance;
    const client = page.activeClient as DiaryClient;
    await signIn(client, url, PARENT);
    await waitUntil(() => $(el, '[part="totals"]'), 'the totals did not load', { timeout: 20_000 });
    await waitUntil(() => $(el, '[part~="report-open"]'), 'no report button');
    await waitUntil(() => client.events.status === 'open', 'the live stream did not open');

    $(el, '[part~="report-open"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('absence-from');
    typeDate(el, 'absence-from', '01.09.2020');
    await settle(el);
    $(el, '[part~="send"]')?.click();
    await settle(el);
    expect(textOf($(el, '#reason-error'))).to.equal('Ошибка: Выберите причину отсутствия');
    await expect(el).to.be.accessible();

    ($(el, '#reason') as HTMLInputElement).checked = true;
    $(el, '[part~="send"]')?.click();
    await waitUntil(() => textOf($(el, '#absence-from-error')), 'no past-date error');
    expect(textOf($(el, '#absence-from-error'))).to.contain('Дата уже прошла');
    expect(deepActiveElement()?.id).to.equal('absence-from');

    const day = nextWeekday();
    typeDate(el, 'absence-from', day.split('-').reverse().join('.'));
    const note = `Соревнования ${Date.now()}`;
    ($(el, '#comment') as HTMLTextAreaElement).value = note;
    const reported = oneEvent(el, 'diary-absence-report');
    $(el, '[part~="send"]')?.click();
    const notice = (await reported).detail.notice;
    expect(notice.from).to.equal(day);
    await waitUntil(() => $(el, `[data-notice="${notice.id}"]`), 'the report is not listed');
    expect(textOf($(el, `[data-notice="${notice.id}"]`))).to.contain(note);
    expect(textOf($(el, `[data-notice="${notice.id}"] [part="notice-status"]`))).to.equal(
      'Отправлено, ждёт учителя',
    );
    expect(deepActiveElement()?.id).to.equal(`notice-${notice.id}`);
    await expect(el).to.be.accessible();

    const teacher = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(teacher, url, CLASS_TEACHER);
    await teacher.absences.acknowledge({ noticeId: notice.id });
    teacher.close();
    await waitUntil(
      () => $(el, `[data-notice="${notice.id}"]`)?.dataset.status === 'acknowledged',
      'the acknowledgement did not arrive live',
    );
    expect(textOf($(el, `[data-notice="${notice.id}"] [part="notice-status"]`))).to.match(
      /^Принято: \S+ \S+/,
    );
    await expect(el).to.be.accessible();
  });
});
