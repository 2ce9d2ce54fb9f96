/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, demoFixtures } from '@school-diary/sdk/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiarySupport } from './diary-support';

// Иванова (parent at Школа № 42) and the school's admin, from the demo world.
const PARENT = '+79990000001';
const ADMIN = '+79990000010';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

const $ = (el: DiarySupport, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiarySupport, selector: string, value: string) => {
  const input = $(el, selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

describe('<diary-support>', function () {
  this.timeout(60_000);

  it('asks to sign in', async () => {
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-support></diary-support>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-support') as DiarySupport;
    await settle(el);
    expect(textOf(el.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(el).to.be.accessible();
  });

  it('opens a request with a file, which the school answers live; the parent replies', async () => {
    const url = await diaryServerUrl();
    const page = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-support></diary-support>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-support') as DiarySupport;
    const client = page.activeClient as DiaryClient;
    await signIn(client, url, PARENT);
    await waitUntil(() => $(el, '[part~="new"]'), 'the list did not load', { timeout: 20_000 });
    await waitUntil(() => client.events.status === 'open', 'the live stream did not open');
    await expect(el).to.be.accessible();

    $(el, '[part~="new"]')?.click();
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('subject');
    ($(el, '[part~="send"]') as HTMLButtonElement).click();
    await settle(el);
    expect(textOf($(el, '#subject-error'))).to.equal('Ошибка: Заполните это поле');
    expect($(el, '#text')?.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()?.id).to.equal('subject');
    await expect(el).to.be.accessible();

    const subject = `Не вижу оценки (${Date.now()})`;
    type(el, '#subject', subject);
    type(el, '#text', 'За неделю нет ни одной оценки');
    type(el, '#applicationNumber', 'ЭД-2026-000001');
    const files = new DataTransfer();
    files.items.add(new File(['снимок экрана'], 'screen.txt', { type: 'text/plain' }));
    ($(el, '#compose-files') as HTMLInputElement).files = files.files;
    const created = oneEvent(el, 'diary-ticket-change');
    ($(el, '[part~="send"]') as HTMLButtonElement).click();
    const ticket = (await created).detail.ticket;
    // The live `ticket.updated` may announce the new request before the create call answers.
    await waitUntil(() => textOf($(el, '#thread-title')), 'the new request did not open');
    await settle(el);
    expect(ticket.number).to.match(/^ОБР-\d{6}$/);
    expect(textOf($(el, '#thread-title'))).to.equal(`${ticket.number}: ${subject}`);
    expect(textOf($(el, '[part="ticket-status"]'))).to.equal('Открыто · Заявление ЭД-2026-000001');
    expect(textOf($(el, '[part~="attachment"]'))).to.equal('screen.txt');
    await expect(el).to.be.accessible();

    const admin = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(admin, url, ADMIN);
    const answered = oneEvent(el, 'diary-ticket-change');
    await admin.support.reply({ ticketId: ticket.id, text: 'Оценки появятся после проверки' });
    expect((await answered).detail.ticket.status).to.equal('answered');
    await settle(el);
    const messages = [...(el.shadowRoot?.querySelectorAll('[part="message"]') ?? [])].map(textOf);
    expect(messages[1]).to.match(/^Школа, .* Оценки появятся после проверки$/);
    expect(textOf($(el, '[part="live"]'))).to.equal(`Обращение ${ticket.number}: Есть ответ`);
    admin.close();

    type(el, '#reply', 'Спасибо!');
    const replied = oneEvent(el, 'diary-ticket-change');
    ($(el, '[part~="reply-send"]') as HTMLButtonElement).click();
    expect((await replied).detail.ticket.messages.at(-1)?.text).to.equal('Спасибо!');
    await settle(el);
    expect(el.shadowRoot?.querySelectorAll('[part="message"]').length).to.equal(3);

    $(el, '[part~="back"]')?.click();
    await settle(el);
    expect(textOf($(el, `[data-ticket="${ticket.id}"]`))).to.contain(ticket.number);
  });

  it('asks a parent without a school which school should answer, in English, dark, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    const fixtures = demoFixtures();
    const children = fixtures.children.map((c) => {
      const { schoolId: _school, classId: _class, ...rest } = c;
      return rest;
    });
    const client = createMemoryClient({ fixtures: { ...fixtures, children } });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client} lang="en" theme="dark">
        <diary-support></diary-support>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-support') as DiarySupport;
    await waitUntil(() => $(el, '[part~="new"]'), 'the list did not load');
    $(el, '[part~="new"]')?.click();
    await waitUntil(() => $(el, '#schoolId'), 'no school field');
    type(el, '#subject', 'How do I add a child?');
    type(el, '#text', 'Please help');
    ($(el, '[part~="send"]') as HTMLButtonElement).click();
    await settle(el);
    expect(textOf($(el, '#schoolId-error'))).to.equal(
      'Error: Choose the school the request is for',
    );
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
