/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from '@school-diary/core';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf, typeInto } from '../test-support/dom';
import type { DiaryAuditLog } from './diary-audit-log';

const $ = (el: DiaryAuditLog, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const rows = (el: DiaryAuditLog) =>
  [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].map(textOf),
  );

/** The inputs the widget gave `audit.list` (the SDK sends them as the request's query). */
function recordCalls(client: MemoryClient): Record<string, unknown>[] {
  const calls: Record<string, unknown>[] = [];
  const list = client.audit.list;
  const spy: typeof list = Object.assign(
    (input: Parameters<typeof list>[0], options?: Parameters<typeof list>[1]) => {
      calls.push({ ...input });
      return list.call(client.audit, input, options);
    },
    { watch: list.watch, all: list.all },
  );
  (client.audit as { list: typeof list }).list = spy;
  return calls;
}

/** Signs in to the test runner's real server, noting every URL the client asks for. */
async function signedIn(phone: string, requested: string[]): Promise<DiaryClient> {
  const url = await diaryServerUrl();
  const fetch: typeof globalThis.fetch = (input, init) => {
    requested.push(input instanceof Request ? input.url : String(input));
    return globalThis.fetch(input, init);
  };
  const client = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false, fetch });
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  await client.auth.verify({
    challengeId: challenge.challengeId,
    code: await latestCode(url, phone),
  });
  return client;
}

async function mount(options: { lang?: string; theme?: string; client?: MemoryClient } = {}) {
  const client = options.client ?? createMemoryClient({ signedInAs: 'school_admin' });
  const calls = recordCalls(client);
  const page = await fixture<DiaryProvider>(
    html`<diary-provider
      .client=${client}
      lang=${options.lang ?? 'ru'}
      theme=${options.theme ?? 'light'}
    >
      <diary-audit-log page-size="3"></diary-audit-log>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-audit-log') as DiaryAuditLog;
  return { el, client, calls };
}

describe('<diary-audit-log>', function () {
  this.timeout(60_000);

  it('shows the admin’s school log newest first in the school’s time zone, a page at a time', async () => {
    const { el, client, calls } = await mount();
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    expect(calls[0]).to.deep.equal({ schoolId: 'sch_42', page: 1, pageSize: 3 });
    expect(textOf($(el, 'caption'))).to.equal('Записи журнала действий, новые сверху');
    expect(
      [...(el.shadowRoot?.querySelectorAll('th') ?? [])].map((th) => th.getAttribute('scope')),
    ).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    expect(rows(el)[0]).to.deep.equal([
      '23.11.2026, 08:55',
      'Кириллова Н. П. (Администратор школы)',
      'Выход',
      '—',
      'Выполнено',
    ]);
    expect(rows(el).length).to.equal(3);
    expect(textOf($(el, '[part="pager"] [role="status"]'))).to.equal('Страница 1 из 3, Записей: 8');
    expect($(el, '[part~="previous"]')?.hasAttribute('disabled')).to.equal(true);
    await expect(el).to.be.accessible();

    $(el, '[part~="next"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf($(el, '[part="pager"] [role="status"]')).startsWith('Страница 2'));
    await settle(el);
    expect(calls.at(-1)).to.deep.equal({ schoolId: 'sch_42', page: 2, pageSize: 3 });
    expect(rows(el).map((r) => r[2])).to.deep.equal(['Исправление отметки', 'Вход', 'Вход']);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('button next');

    $(el, '[part~="next"]')?.click();
    await waitUntil(() => textOf($(el, '[part="pager"] [role="status"]')).startsWith('Страница 3'));
    await settle(el);
    expect(rows(el).map((r) => r[2])).to.deep.equal(['Создание школы', 'Вход']);
    // The last page has no next: focus moves to the previous page's button, not to the body.
    expect(deepActiveElement()?.getAttribute('part')).to.equal('button previous');
    client.close();
  });

  it('sends the period, action and outcome as the query and shows what they leave', async () => {
    const { el, client, calls } = await mount();
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    typeInto($(el, '#from'), '17.11.2026');
    typeInto($(el, '#to'), '18.11.2026');
    const action = $(el, '#action') as HTMLSelectElement;
    action.value = 'auth.login';
    action.dispatchEvent(new Event('change'));
    const outcome = $(el, '#outcome') as HTMLSelectElement;
    outcome.value = 'failure';
    outcome.dispatchEvent(new Event('change'));
    $(el, '[part~="apply"]')?.click();
    await waitUntil(() => calls.length === 2, 'the filters were not applied');
    expect(calls[1]).to.deep.equal({
      schoolId: 'sch_42',
      page: 1,
      pageSize: 3,
      from: '2026-11-17',
      to: '2026-11-18',
      action: 'auth.login',
      outcome: 'failure',
    });
    await waitUntil(() => rows(el).length === 1, 'the filtered log did not show');
    expect(rows(el)[0]).to.deep.equal([
      '17.11.2026, 10:45',
      'Не вошедший пользователь',
      'Вход',
      '+79990000003',
      'Ошибка',
    ]);
    client.close();
  });

  it('offers every action core names, in groups, and finds one the old short list lacked', async () => {
    const { el, client, calls } = await mount();
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    const select = $(el, '#action') as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).to.deep.equal([
      'Вход и учётная запись',
      'Дети, семьи и заявления',
      'Журнал и учёба',
      'Настройка школы и расписание',
      'Загрузка данных',
      'Сообщения и уведомления',
    ]);
    expect(groups.map((g) => g.querySelectorAll('option').length)).to.deep.equal(
      Object.values(AUDIT_ACTION_GROUPS).map((codes) => codes.length),
    );
    const offered = [...select.querySelectorAll('optgroup option')];
    expect(offered.map((o) => (o as HTMLOptionElement).value)).to.deep.equal([...AUDIT_ACTIONS]);
    // Each action has its own words: none is shown by its code, no two read the same.
    const words = offered.map(textOf);
    expect(words.filter((w) => /^[a-z_]+\.[a-z_]+$/.test(w))).to.deep.equal([]);
    expect(new Set(words).size).to.equal(words.length);

    select.value = 'auth.phone_change_start';
    select.dispatchEvent(new Event('change'));
    $(el, '[part~="apply"]')?.click();
    await waitUntil(() => calls.length === 2, 'the filter was not applied');
    expect(calls[1]).to.deep.equal({
      schoolId: 'sch_42',
      page: 1,
      pageSize: 3,
      action: 'auth.phone_change_start',
    });
    await waitUntil(() => rows(el).length === 1, 'the filtered log did not show');
    expect(rows(el)[0]).to.deep.equal([
      '19.11.2026, 12:00',
      'Орлов С. Н. (Учитель)',
      'Запрос на смену телефона',
      '—',
      'Отказано в доступе',
    ]);
    await expect(el).to.be.accessible();
    client.close();
  });

  it('refuses a period that ends before it starts on the “to” field, in core’s words', async () => {
    const { el, client, calls } = await mount();
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    typeInto($(el, '#from'), '20.11.2026');
    typeInto($(el, '#to'), '10.11.2026');
    $(el, '[part~="apply"]')?.click();
    await settle(el);
    expect(calls.length).to.equal(1);
    const error = $(el, '#to-error');
    expect(textOf(error)).to.contain('не раньше');
    expect($(el, '#to')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#to')?.getAttribute('aria-describedby')).to.contain('to-error');
    expect(deepActiveElement()?.id).to.equal('to');
    await expect(el).to.be.accessible();
    client.close();
  });

  it('says when the period has no entries', async () => {
    const { el, client } = await mount();
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    typeInto($(el, '#from'), '01.09.2026');
    typeInto($(el, '#to'), '02.09.2026');
    $(el, '[part~="apply"]')?.click();
    await waitUntil(() => !$(el, 'table') && $(el, '[part="notice"]'), 'no empty state');
    expect(textOf($(el, '[part="notice"]'))).to.equal('За выбранный период записей нет.');
    await expect(el).to.be.accessible();
    client.close();
  });

  it('shows a failed load with a retry, and tells a parent the log is not for them', async () => {
    const failing = createMemoryClient({
      signedInAs: 'school_admin',
      failures: { 'audit.list': { status: 500, code: 'internal' } },
    });
    const { el } = await mount({ client: failing });
    await waitUntil(() => $(el, '[role="alert"]'), 'no error shown');
    expect($(el, '[part~="retry"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    failing.close();

    const parent = createMemoryClient({ signedInAs: 'parent' });
    const { el: refused, calls } = await mount({ client: parent });
    await waitUntil(() => $(refused, '[role="alert"]'), 'no refusal shown');
    expect(textOf($(refused, '[role="alert"]'))).to.contain('родителя');
    expect($(refused, '[part~="retry"]')).to.equal(null);
    expect(calls.length).to.equal(0);
    await expect(refused).to.be.accessible();
    parent.close();
  });

  it('reads in English on the dark theme at 360 px, the table scrolling in its labelled region', async () => {
    await setViewport({ width: 360, height: 800 });
    const { el, client } = await mount({ lang: 'en', theme: 'dark' });
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    expect(textOf($(el, 'caption'))).to.equal('Audit log entries, newest first');
    expect(rows(el)[0]?.[2]).to.equal('Sign-out');
    expect(rows(el)[2]?.[2]).to.equal('Phone change requested');
    expect(
      [...(el.shadowRoot?.querySelectorAll('#action optgroup') ?? [])].map(
        (g) => (g as HTMLOptGroupElement).label,
      )[1],
    ).to.equal('Children, families and applications');
    const region = $(el, '[part="region"]');
    expect(region?.getAttribute('role')).to.equal('region');
    expect(region?.getAttribute('aria-label')).to.equal('The audit log, a scrolling table');
    expect(region?.getAttribute('tabindex')).to.equal('0');
    expect(region?.scrollWidth).to.be.greaterThan(region?.clientWidth ?? Infinity);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
    client.close();
  });

  it('reads the real server’s log as the demo admin, the filters going out as the query', async () => {
    const requested: string[] = [];
    const client = await signedIn('+79990000010', requested);
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client} lang="ru">
        <diary-audit-log></diary-audit-log>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-audit-log') as DiaryAuditLog;
    await waitUntil(() => $(el, 'table'), 'the log did not load');
    expect(rows(el).some((r) => r[2] === 'Вход' && r[4] === 'Выполнено')).to.equal(true);
    const action = $(el, '#action') as HTMLSelectElement;
    action.value = 'auth.login';
    action.dispatchEvent(new Event('change'));
    const outcome = $(el, '#outcome') as HTMLSelectElement;
    outcome.value = 'success';
    outcome.dispatchEvent(new Event('change'));
    typeInto($(el, '#from'), '01.09.2026');
    $(el, '[part~="apply"]')?.click();
    await waitUntil(
      () => requested.some((u) => u.includes('action=auth.login')),
      'the filters were not sent',
    );
    const sent = new URL(requested.filter((u) => u.includes('/audit')).at(-1) ?? '');
    expect(sent.pathname).to.match(/\/schools\/[^/]+\/audit$/);
    expect(Object.fromEntries(sent.searchParams)).to.deep.equal({
      from: '2026-09-01',
      action: 'auth.login',
      outcome: 'success',
      page: '1',
      pageSize: '50',
    });
    await waitUntil(
      () => rows(el).length > 0 && rows(el).every((r) => r[2] === 'Вход' && r[4] === 'Выполнено'),
      'the filtered log did not show',
    );
    await expect(el).to.be.accessible();
    client.close();
  });

  it('tells a teacher of the real server the log is not for them, asking nothing', async () => {
    const requested: string[] = [];
    const client = await signedIn('+79990000011', requested);
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client} lang="ru">
        <diary-audit-log></diary-audit-log>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-audit-log') as DiaryAuditLog;
    await waitUntil(() => $(el, '[role="alert"]'), 'no refusal shown');
    expect(textOf($(el, '[role="alert"]'))).to.equal(
      'Этот раздел дневника не предназначен для учётной записи учителя.',
    );
    expect(requested.some((u) => u.includes('/audit'))).to.equal(false);
    client.close();
  });
});
