/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { addDays, todayIn, type Homework } from '@school-diary/core';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, textOf } from '../test-support/dom';
import type { DiaryHomework } from './diary-homework';
import { nextSchoolDay } from './homework-range';
import { splitLinks } from './homework-links';

// Иванова (parent of Мария, 5А) and Мария's maths teacher, from the demo world.
const PARENT = '+79990000001';
const TEACHER = '+79990000011';
const MARIA = 'chd_maria';
const TODAY = todayIn(new Date(), 'Europe/Moscow');
const RUN = Math.random().toString(36).slice(2, 8);

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

let url = '';
let parent: DiaryClient;
let teacher: DiaryClient;
/** Homework this file sets (unique text each run: other files share the server). */
let dueNext: Homework;
let overdue: Homework;
/** A test this file plans for the next school day. */
let testId = '';

const setHomework = (text: string, assignedDate: string, dueDate: string) =>
  teacher.homework.create({
    classId: 'cls_42_5a',
    subjectId: 'sub_42_math',
    text,
    assignedDate,
    dueDate,
    attachmentIds: [],
  });

async function mount(
  attrs: { lang?: string; theme?: string; period?: string } = {},
  client: unknown = parent,
): Promise<DiaryHomework> {
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider
      .client=${client}
      lang=${attrs.lang ?? 'ru'}
      theme=${attrs.theme ?? 'light'}
    >
      <diary-homework child-id=${MARIA} period=${attrs.period ?? 'tomorrow'}></diary-homework>
    </diary-provider>`,
  );
  const element = provider.querySelector('diary-homework') as DiaryHomework;
  await waitUntil(
    () =>
      element.shadowRoot?.querySelector('.diary-spinner') === null &&
      ($(element, 'h2') ?? $(element, '.diary-notice')),
    'the homework did not load',
    { timeout: 10_000 },
  );
  return element;
}

const $ = (el: DiaryHomework, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const item = (el: DiaryHomework, list: 'due' | 'overdue', id: string) =>
  $(el, `#${list}-done-${id}`)?.closest('li') ?? null;

describe('<diary-homework>', function () {
  this.timeout(30_000);

  before(async () => {
    url = await diaryServerUrl();
    parent = createDiaryClient({ baseUrl: url });
    teacher = createDiaryClient({ baseUrl: url });
    await signIn(parent, url, PARENT);
    await signIn(teacher, url, TEACHER);
    dueNext = await setHomework(
      `Задачи ${RUN}: см. https://example.org/zadachi?n=1. <b>не жирным</b> javascript:alert(1)`,
      TODAY,
      nextSchoolDay(TODAY),
    );
    overdue = await setHomework(`Забытое ${RUN}`, addDays(TODAY, -3), addDays(TODAY, -1));
    const test = await teacher.assessments.create({
      classId: 'cls_42_5a',
      subjectId: 'sub_42_math',
      date: nextSchoolDay(TODAY),
      kind: 'check',
      topic: `Дроби ${RUN}`,
    });
    testId = test.id;
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    parent.close();
    teacher.close();
  });

  it('shows the next school day’s homework with safe links, and keeps the tick after a reload', async () => {
    const element = await mount();
    const li = item(element, 'due', dueNext.id);
    expect(li, 'the new homework is listed').to.not.equal(null);
    expect(li?.dataset.state).to.equal('open');
    const links = [...(li?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/zadachi?n=1',
    ]);
    expect(links[0]?.rel).to.equal('noopener noreferrer');
    expect(li?.querySelector('b'), 'markup stays text').to.equal(null);
    expect(textOf(li)).to.contain('<b>не жирным</b>');
    await waitUntil(() => $(element, `[data-test="${testId}"]`), 'the planned test is named');
    expect(textOf($(element, `[data-test="${testId}"]`))).to.equal(
      `Проверочная работа — Математика: Дроби ${RUN}`,
    );
    await expect(element).to.be.accessible();

    const tick = $(element, `#due-done-${dueNext.id}`) as HTMLInputElement;
    tick.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => item(element, 'due', dueNext.id)?.dataset.state === 'done');
    // The family's live tick can show before the answer that announces it.
    await waitUntil(
      () => textOf($(element, '[part="live"]')).includes('отмечено сделанным'),
      'the tick was not announced',
    );
    await expect(element).to.be.accessible();

    const again = await mount();
    await waitUntil(() => item(again, 'due', dueNext.id)?.dataset.state === 'done');
  });

  it('lists overdue homework until it is ticked, and lets the parent turn on the alert', async () => {
    const element = await mount({ lang: 'en', theme: 'dark' });
    await waitUntil(() => item(element, 'overdue', overdue.id), 'the overdue item is listed');
    expect(item(element, 'overdue', overdue.id)?.dataset.state).to.equal('overdue');
    expect(textOf($(element, '[part="overdue"]'))).to.contain('Overdue');
    await expect(element).to.be.accessible();

    const alert = $(element, '#alert') as HTMLInputElement;
    await waitUntil(() => !alert.disabled);
    const wasOn = alert.checked;
    alert.click();
    await waitUntil(async () => {
      const { kinds } = await parent.notifications.settings();
      return kinds.homework_overdue.inApp === !wasOn;
    }, 'the alert setting was saved');

    ($(element, `#overdue-done-${overdue.id}`) as HTMLInputElement).click();
    await waitUntil(() => !item(element, 'overdue', overdue.id), 'ticked homework leaves the list');
    await expect(element).to.be.accessible();
  });

  it('follows a teacher’s new homework and the family’s ticks live', async () => {
    const element = await mount();
    const posted = await setHomework(`Живое ${RUN}`, TODAY, nextSchoolDay(TODAY));
    await waitUntil(() => item(element, 'due', posted.id), 'the live homework appeared', {
      timeout: 10_000,
    });
    await waitUntil(() => textOf($(element, '[part="live"]')).includes('Математика'));
    // The same parent ticks it on another device: this one shows the tick without a reload.
    const phone = createDiaryClient({ baseUrl: url });
    await signIn(phone, url, PARENT);
    await phone.homework.setDone({ childId: MARIA, homeworkId: posted.id, done: true });
    const box = () =>
      item(element, 'due', posted.id)?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    await waitUntil(() => box()?.checked === true, 'the tick from the other device', {
      timeout: 10_000,
    });
    phone.close();

    // The teacher adds a file to it, then takes it off: the list follows, the tick stays.
    const pdf = new File(['%PDF-1.7\n%%EOF\n'], `Задачи ${RUN}.pdf`, { type: 'application/pdf' });
    const file = await teacher.attachments.upload({ file: pdf, fileName: pdf.name });
    await teacher.homework.update({ homeworkId: posted.id, attachmentIds: [file.id] });
    const files = () =>
      [...(item(element, 'due', posted.id)?.querySelectorAll('[part~="attachment"]') ?? [])].map(
        textOf,
      );
    await waitUntil(() => files().join() === `Скачать Задачи ${RUN}.pdf`, 'the added file', {
      timeout: 10_000,
    });
    expect(box()?.checked).to.equal(true);
    await teacher.homework.update({ homeworkId: posted.id, attachmentIds: [] });
    await waitUntil(() => files().length === 0, 'the file taken off', { timeout: 10_000 });
    expect(box()?.checked).to.equal(true);
  });

  it('shows a test a teacher plans while it is open, and drops it when cancelled', async () => {
    const element = await mount();
    await waitUntil(() => parent.events.status === 'open', 'the live stream did not open');
    const planned = await teacher.assessments.create({
      classId: 'cls_42_5a',
      subjectId: 'sub_42_math',
      date: nextSchoolDay(TODAY),
      kind: 'independent',
      topic: `Живая проверка ${RUN}`,
    });
    await waitUntil(() => $(element, `[data-test="${planned.id}"]`), 'the planned test appeared', {
      timeout: 10_000,
    });
    expect(textOf($(element, `[data-test="${planned.id}"]`))).to.contain(`Живая проверка ${RUN}`);
    await waitUntil(() => textOf($(element, '[part="live"]')).startsWith('Запланировано:'));
    await teacher.assessments.cancel({ assessmentId: planned.id });
    await waitUntil(() => !$(element, `[data-test="${planned.id}"]`), 'the cancelled test stayed', {
      timeout: 10_000,
    });
    await waitUntil(() => textOf($(element, '[part="live"]')).startsWith('Отменено:'));
  });

  it('moves between weeks and filters by subject from the keyboard, without sideways scroll at 360 px', async () => {
    await setViewport({ width: 360, height: 700 });
    const element = await mount();
    const tomorrow = $(element, 'input[value="tomorrow"]') as HTMLInputElement;
    tomorrow.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => element.period === 'week');
    const label = () => textOf($(element, '#week-label'));
    const before = label();
    ($(element, '[part~="next"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => label() !== before, 'the next week is shown');
    expect(deepActiveElement()?.getAttribute('part')).to.contain('next');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => label() === before, 'back to this week');
    const select = $(element, '#subject') as HTMLSelectElement;
    select.value = 'sub_42_math';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => element.subjectId === 'sub_42_math');
    const subjects = [...(element.shadowRoot?.querySelectorAll('.diary-homework-subject') ?? [])];
    expect(subjects.every((s) => textOf(s) === 'Математика')).to.equal(true);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(element).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });

  it('gives each piece of homework the whole width of its list at 360 px', async () => {
    await setViewport({ width: 360, height: 700 });
    const element = await mount();
    await waitUntil(() => item(element, 'due', dueNext.id), 'the next day’s homework is listed');
    const items = [
      ...(element.shadowRoot?.querySelectorAll<HTMLElement>('li[data-homework]') ?? []),
    ];
    expect(items.length).to.be.above(0);
    for (const li of items) {
      const list = li.parentElement as HTMLElement;
      expect(li.getBoundingClientRect().width).to.equal(list.getBoundingClientRect().width);
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('says so when nothing is due, and when signed out', async () => {
    const memory = createMemoryClient({
      fixtures: { ...createMemoryClient().memory.data, homework: [] },
    });
    const empty = await mount({}, memory);
    await waitUntil(() => textOf(empty.shadowRoot).includes('заданий нет'));
    await expect(empty).to.be.accessible();
    const signedOut = await mount({}, createMemoryClient({ signedInAs: null }));
    expect(textOf(signedOut.shadowRoot)).to.contain('Войдите');
    memory.close();
  });

  it('links only http and https addresses, without the closing punctuation', () => {
    expect(splitLinks('См. https://a.ru/x, и javascript:alert(1) (http://b.ru/y).')).to.deep.equal([
      { text: 'См. ' },
      { href: 'https://a.ru/x' },
      { text: ', и javascript:alert(1) (' },
      { href: 'http://b.ru/y' },
      { text: ').' },
    ]);
  });
});
