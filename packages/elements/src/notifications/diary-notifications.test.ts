/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf, typeInto } from '../test-support/dom';
import type { DiaryNotifications } from './diary-notifications';

// Иванова (parent of Мария and Пётр) and Мария's maths teacher, from the demo world.
const PARENT = '+79990000001';
const TEACHER = '+79990000011';
const MARIA = 'chd_maria';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

/** One signed-in parent and teacher for the whole file; each test mounts its own widget. */
let url = '';
let parent: DiaryClient;
let teacher: DiaryClient;

async function mount(
  attrs: { variant?: string; view?: string; lang?: string; theme?: string; as?: DiaryClient } = {},
): Promise<DiaryNotifications> {
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider
      .client=${attrs.as ?? parent}
      lang=${attrs.lang ?? 'ru'}
      theme=${attrs.theme ?? 'light'}
    >
      <diary-notifications
        variant=${attrs.variant ?? 'feed'}
        view=${attrs.view ?? 'feed'}
        page-size="5"
      ></diary-notifications>
    </diary-provider>`,
  );
  const element = provider.querySelector('diary-notifications') as DiaryNotifications;
  await waitUntil(
    () => !element.shadowRoot?.querySelector('.diary-spinner'),
    'the notifications did not load',
    { timeout: 10_000 },
  );
  await settle(element);
  return element;
}

const $ = (el: DiaryNotifications, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const $$ = (el: DiaryNotifications, selector: string) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

/** A mark for Мария from the maths teacher: it notifies her parent. */
const enterMark = (value: 2 | 3 | 4 | 5) =>
  teacher.grades.create({
    childId: MARIA,
    subjectId: 'sub_42_math',
    value,
    kind: 'oral',
    date: new Date().toISOString().slice(0, 10),
  });

describe('<diary-notifications>', function () {
  this.timeout(30_000);

  before(async () => {
    url = await diaryServerUrl();
    parent = createDiaryClient({ baseUrl: url });
    teacher = createDiaryClient({ baseUrl: url });
    await signIn(parent, url, PARENT);
    await signIn(teacher, url, TEACHER);
    // At least one unread notification, and more than a page.
    for (const value of [5, 4, 5, 4, 5, 4] as const) await enterMark(value);
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    parent.close();
    teacher.close();
  });

  it('asks to sign in when nobody is signed in, and says so outside a provider', async () => {
    const signedOut = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-notifications></diary-notifications>
      </diary-provider>`,
    );
    const element = signedOut.querySelector('diary-notifications') as DiaryNotifications;
    await settle(element);
    expect(textOf($(element, '[part="notice"]'))).to.contain('Войдите');
    await expect(element).to.be.accessible();
    const alone = await fixture<DiaryNotifications>(
      html`<diary-notifications></diary-notifications>`,
    );
    await settle(alone);
    expect($(alone, '[part="unavailable"]')).to.not.equal(null);
  });

  it('lists the newest first, a page at a time, with the unread ones marked in words', async () => {
    const element = await mount();
    const items = $$(element, '[part~="item"]');
    expect(items).to.have.length(5);
    const times = items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    expect([...times].sort().reverse()).to.deep.equal(times);
    const unread = $$(element, '[part~="item-unread"]');
    expect(unread.length).to.be.greaterThan(0);
    expect(textOf(unread[0])).to.contain('Новое:');
    expect(textOf($(element, '[part="unread-count"]'))).to.match(/Непрочитанных: \d+/);
    await expect(element).to.be.accessible();
    $(element, '[part~="more"]')?.click();
    await waitUntil(() => $$(element, '[part~="item"]').length > 5, 'no second page');
  });

  it('marks one read, then all, and the server keeps it', async () => {
    const element = await mount();
    const before = element.unread;
    const first = $$(element, '[part~="item-unread"]')[0];
    const id = first?.dataset.notification ?? '';
    const read = oneEvent(element, 'diary-notification-read');
    first?.querySelector<HTMLButtonElement>('[part~="read"]')?.click();
    expect((await read).detail.notification.id).to.equal(id);
    await settle(element);
    expect(element.unread).to.equal(before - 1);
    expect($(element, `[data-notification="${id}"]`)?.getAttribute('part')).to.equal('item');
    const page = await parent.notifications.list({ pageSize: 100 });
    expect(page.items.find((n) => n.id === id)?.readAt).to.be.a('string');
    $(element, '[part~="read-all"]')?.click();
    await waitUntil(() => element.unread === 0, 'not all read');
    expect((await parent.notifications.list({ unread: true })).total).to.equal(0);
    expect(textOf($(element, '[part="unread-count"]'))).to.equal('Все уведомления прочитаны.');
    await expect(element).to.be.accessible();
  });

  it('puts a new notification on top as it arrives, and announces it', async () => {
    const element = await mount();
    const changed = oneEvent(element, 'diary-unread-change');
    // Give the live stream a moment to connect before the mark is entered.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mark = await enterMark(3);
    expect((await changed).detail.unread).to.be.greaterThan(0);
    await settle(element);
    const top = $$(element, '[part~="item"]')[0];
    expect(top?.getAttribute('part')).to.equal('item item-unread');
    expect(textOf(top)).to.contain('Новая оценка: Математика');
    expect(textOf($(element, '[part="live"]'))).to.match(/^Новое уведомление: /);
    expect(mark.value).to.equal(3);
  });

  it('is a bell with the unread count that opens the feed and closes with Escape, at 360 px', async () => {
    await setViewport({ width: 360, height: 700 });
    const element = await mount({ variant: 'bell' });
    const bell = $(element, '[part~="bell"]') as HTMLButtonElement;
    expect(bell.getAttribute('aria-expanded')).to.equal('false');
    if (element.unread > 0) {
      expect(textOf($(element, '[part="badge"]'))).to.equal(String(element.unread));
      expect(bell.getAttribute('aria-label')).to.contain(`непрочитанных — ${element.unread}`);
    }
    bell.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(element, '[part~="item"]').length > 0, 'the feed did not open');
    expect(bell.getAttribute('aria-expanded')).to.equal('true');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    // The bell sits at the start of the line (as in a header wrapped on a phone): its feed still
    // opens on the screen, not past its start edge where nothing scrolls to it.
    const popup = ($(element, '[part="popup"]') as HTMLElement).getBoundingClientRect();
    expect(popup.left).to.be.at.least(0);
    expect(popup.right).to.be.at.most(360);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(($(element, '[part="popup"]') as HTMLElement).hidden).to.equal(true);
    expect(deepActiveElement()).to.equal(bell);
  });

  it('asks only for the unread count until the bell is first opened', async () => {
    const asked: string[] = [];
    const client = createDiaryClient({
      baseUrl: url,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/notifications')) asked.push(request.url);
        return fetch(request);
      },
    });
    await signIn(client, url, PARENT);
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}>
        <diary-notifications variant="bell"></diary-notifications>
      </diary-provider>`,
    );
    const element = provider.querySelector('diary-notifications') as DiaryNotifications;
    await waitUntil(() => asked.length > 0 && element.unread > 0, 'no unread count');
    expect(asked.map((u) => new URL(u).searchParams.get('unread'))).to.deep.equal(['true']);
    ($(element, '[part~="bell"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(element, '[part~="item"]').length > 0, 'the feed did not open');
    expect(asked.some((u) => new URL(u).searchParams.get('unread') === null)).to.equal(true);
    client.close();
  });

  it('saves the channels per kind and the digest, in English and dark too', async () => {
    const element = await mount({ view: 'settings', lang: 'en', theme: 'dark' });
    await waitUntil(() => $(element, '[data-kind="mark"]'), 'no settings form');
    const sms = $(element, 'input[name="mark.sms"]') as HTMLInputElement;
    expect(textOf(sms.closest('label'))).to.equal('SMS');
    const was = (await parent.notifications.settings()).kinds.mark;
    sms.click();
    ($(element, 'input[name="digest"][value="daily"]') as HTMLInputElement).click();
    $(element, '[part~="save"]')?.click();
    await waitUntil(() => textOf($(element, '[part="settings-status"]')) === 'Settings saved.');
    const saved = await parent.notifications.settings();
    expect(saved.kinds.mark?.sms).to.equal(!was?.sms);
    expect(saved.digest).to.equal('daily');
    await expect(element).to.be.accessible();
    await parent.notifications.updateSettings({
      kinds: { mark: { sms: !!was?.sms } },
      digest: 'weekly',
    });
  });

  it('keeps quiet hours, explaining a start equal to the end, by keyboard', async () => {
    const element = await mount({ view: 'settings' });
    await waitUntil(() => $(element, '[part="quiet-on"]'), 'no quiet hours');
    expect($(element, '#quiet-start')).to.equal(null);
    ($(element, '[part="quiet-on"]') as HTMLInputElement).click();
    await waitUntil(() => $(element, '#quiet-start'), 'no time fields');
    const end = $(element, '#quiet-end') as HTMLInputElement;
    end.value = '22:00';
    end.dispatchEvent(new Event('change'));
    $(element, '[part~="save"]')?.click();
    await waitUntil(() => $(element, '#quiet-end-error'), 'no error');
    expect(textOf($(element, '#quiet-end-error'))).to.contain('Конец тихих часов');
    await waitUntil(() => deepActiveElement()?.id === 'quiet-end', 'the wrong time keeps no focus');
    await expect(element).to.be.accessible();
    end.value = '06:30';
    end.dispatchEvent(new Event('change'));
    try {
      $(element, '[part~="save"]')?.click();
      await waitUntil(
        () => textOf($(element, '[part="settings-status"]')) === 'Настройки сохранены.',
      );
      const saved = await parent.notifications.settings();
      expect(saved.quietHours?.start).to.equal('22:00');
      expect(saved.quietHours?.end).to.equal('06:30');
      expect($(element, '#quiet-end-error')).to.equal(null);
    } finally {
      await parent.notifications.updateSettings({ quietHours: null });
    }
  });

  it('keeps the days before a planned test its reminder comes, chosen by keyboard', async () => {
    const element = await mount({ view: 'settings', lang: 'en' });
    await waitUntil(() => $(element, '#reminder-days'), 'no reminder days');
    const select = $(element, '#reminder-days') as HTMLSelectElement;
    expect(textOf(element.shadowRoot?.querySelector('label[for="reminder-days"]'))).to.equal(
      'When to remind',
    );
    expect(textOf(select.selectedOptions[0])).to.equal('The day before');
    await parent.notifications.updateSettings({ assessmentReminderDays: 2 });
    try {
      const fresh = await mount({ view: 'settings' });
      await waitUntil(() => $(fresh, '#reminder-days'), 'no reminder days');
      const field = $(fresh, '#reminder-days') as HTMLSelectElement;
      await waitUntil(() => field.value === '2', 'the stored 2 not shown');
      expect(textOf(field.selectedOptions[0])).to.equal('За 2 дня');
      field.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => field.value === '3', 'the arrow chose nothing');
      await sendKeys({ press: 'Tab' });
      $(fresh, '[part~="save"]')?.click();
      await waitUntil(
        () => textOf($(fresh, '[part="settings-status"]')) === 'Настройки сохранены.',
      );
      expect((await parent.notifications.settings()).assessmentReminderDays).to.equal(3);
      await expect(fresh).to.be.accessible();
    } finally {
      await parent.notifications.updateSettings({ assessmentReminderDays: 1 });
    }
  });

  it('shows a teacher no reminder of planned tests: it is a parent’s and a student’s setting', async () => {
    const element = await mount({ view: 'settings', as: teacher });
    await waitUntil(() => $(element, '[part="digest"]'), 'no settings form');
    expect($(element, '[part="reminder-days"]')).to.equal(null);
    expect(textOf($(element, '[part="settings"]'))).not.to.contain('Когда напоминать');
    // The same form for the parent has it.
    const own = await mount({ view: 'settings' });
    await waitUntil(() => $(own, '[part="digest"]'), 'no settings form');
    expect(textOf($(own, '[part="reminder-days"]'))).to.contain('Когда напоминать');
  });

  it('sets a threshold per subject, explaining a bad number, and the next low mark crosses it', async () => {
    await setViewport({ width: 360, height: 700 });
    const element = await mount({ view: 'settings' });
    await waitUntil(() => $(element, '#threshold-child'), 'no child choice');
    const child = $(element, '#threshold-child') as HTMLSelectElement;
    child.value = MARIA;
    child.dispatchEvent(new Event('change'));
    await waitUntil(
      () => $(element, '#threshold-subject option[value="sub_42_math"]'),
      'no subjects of Мария',
    );
    const input = $(element, '#threshold-value') as HTMLInputElement;
    typeInto(input, '7');
    $(element, '[part~="add-threshold"]')?.click();
    await waitUntil(() => $(element, '#threshold-error'));
    expect(textOf($(element, '#threshold-error'))).to.contain('от 2 до 5');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();
    // A threshold just under today's average: the next 2 takes the average below it.
    const summary = await parent.grades.summary({ childId: MARIA });
    const average = summary.subjects.find((s) => s.subjectId === 'sub_42_math')?.weightedAverage;
    const threshold = Math.floor((average ?? 5) * 100) / 100;
    const shown = threshold.toFixed(2).replace('.', ',');
    ($(element, '#threshold-subject') as HTMLSelectElement).value = 'sub_42_math';
    typeInto(input, shown);
    $(element, '[part~="add-threshold"]')?.click();
    await waitUntil(() => $(element, '[part="threshold-list"] [data-threshold]'), 'not saved');
    expect(textOf($(element, '[part="threshold-list"]'))).to.contain('Математика: ниже');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(element).to.be.accessible();
    const { items } = await parent.thresholds.list({ childId: MARIA });
    const set = items.find((t) => t.subjectId === 'sub_42_math');
    expect(set?.threshold).to.equal(threshold);
    await enterMark(2);
    const feed = await parent.notifications.list({ pageSize: 100 });
    const alert = feed.items.find((n) => n.kind === 'threshold');
    expect(alert?.title).to.equal(`Средний балл ниже ${shown}`);
    const remove = $(element, `[data-threshold="${set?.id}"] [part~="remove-threshold"]`);
    remove?.click();
    await waitUntil(() => !$(element, `[data-threshold="${set?.id}"]`), 'not removed');
  });
});
