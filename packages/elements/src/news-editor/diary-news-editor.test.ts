/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { apiError } from '../test-support/fake-client';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryNewsEditor } from './diary-news-editor';

const $ = (el: DiaryNewsEditor, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const titles = (el: DiaryNewsEditor) =>
  [...(el.shadowRoot?.querySelectorAll('[part="item"] .diary-item-title') ?? [])].map(textOf);
const until = (check: () => unknown, message?: string) =>
  waitUntil(check, message, { timeout: 10_000 });
/** Types into a text field or the text area as a keystroke would: value set, then `input`. */
const type = (el: DiaryNewsEditor, id: string, value: string) => {
  const input = $(el, `#${id}`) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

const admin = (language: 'ru' | 'en' = 'ru') =>
  createMemoryClient({ signedInAs: 'school_admin', language });

async function mount(client: DiaryClient, lang = 'ru', theme = 'light') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang} theme=${theme}>
      <diary-news-editor></diary-news-editor>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-news-editor') as DiaryNewsEditor;
  await settle(el);
  return el;
}

/** Counts the calls of `news.publish`, still made to the memory server. */
function countPublishes(client: ReturnType<typeof admin>) {
  const calls = { count: 0 };
  const publish = client.news.publish;
  Object.assign(client.news, {
    publish: (...args: Parameters<typeof publish>) => {
      calls.count += 1;
      return publish(...args);
    },
  });
  return calls;
}

describe('<diary-news-editor>', function () {
  this.timeout(60_000);

  it('asks to sign in, refuses a parent, and is accessible while loading and after a failure', async () => {
    const states = [
      { client: createMemoryClient({ signedInAs: null }), ready: '[part="notice"]' },
      { client: createMemoryClient({ signedInAs: 'parent' }), ready: '[part="error"]' },
      {
        client: createMemoryClient({ signedInAs: 'school_admin', latencyMs: 2_147_483_647 }),
        ready: '[part="list"], section [part="notice"]',
      },
      {
        client: createMemoryClient({
          signedInAs: 'school_admin',
          failures: { 'news.list': { status: 500, code: 'internal' } },
        }),
        ready: '[part~="retry"]',
      },
    ];
    for (const { client, ready } of states) {
      const el = await mount(client);
      await until(() => $(el, ready), `never showed ${ready}`);
      await expect(el).to.be.accessible();
      client.close();
    }
    const parent = await mount(createMemoryClient({ signedInAs: 'parent' }));
    await until(() => $(parent, '[part="error"]'));
    expect(textOf($(parent, '[part="error"]'))).to.contain(
      'не предназначен для учётной записи родителя',
    );
    expect($(parent, 'form') === null).to.equal(true);
  });

  it('lists what the school published, newest first, with an empty preview', async () => {
    const client = admin();
    const el = await mount(client);
    await until(() => $(el, '[part="list"]'), 'the list did not load');
    expect(titles(el)).to.deep.equal([
      'Новогодний концерт',
      'Родительское собрание 5-х классов',
      'Неделя математики',
      'Зимние каникулы',
    ]);
    expect(textOf($(el, '[part="preview"]'))).to.contain('Введите заголовок и текст');
    await expect(el).to.be.accessible();
    client.close();
  });

  it('shows each field’s error from core’s rules before asking the server, keeping what was typed', async () => {
    const client = admin();
    const calls = countPublishes(client);
    const el = await mount(client);
    await until(() => $(el, '#news-title'));
    $(el, '[part~="publish"]')?.click();
    await settle(el);
    expect(textOf($(el, '#news-title-error'))).to.equal('Ошибка: Заполните это поле');
    expect(textOf($(el, '#body-error'))).to.equal('Ошибка: Заполните это поле');
    expect(deepActiveElement()?.className).to.contain('diary-summary');

    ($(el, '#kind-event') as HTMLInputElement).click();
    await settle(el);
    type(el, 'news-title', 'Зимний концерт');
    type(el, 'body', 'Ждём всех.');
    type(el, 'start-time', '18:00');
    type(el, 'end-time', '17:00');
    type(el, 'image-url', 'ftp://example.org/a.png');
    $(el, '[part~="publish"]')?.click();
    await settle(el);
    expect(textOf($(el, '#event-date-error'))).to.contain('Укажите день события');
    expect(textOf($(el, '#end-time-error'))).to.contain('позже времени начала');
    expect(textOf($(el, '#image-url-error'))).to.contain('https://');
    expect(textOf($(el, '#image-alt-error'))).to.contain('Опишите, что на картинке');
    expect($(el, '#news-title-error') === null).to.equal(true);
    expect(($(el, '#news-title') as HTMLInputElement).value).to.equal('Зимний концерт');
    expect(($(el, '#start-time') as HTMLInputElement).value).to.equal('18:00');
    expect(calls.count).to.equal(0);
    await expect(el).to.be.accessible();

    const link = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.diary-summary a') ?? [])].find(
      (a) => a.getAttribute('href') === '#end-time',
    );
    link?.click();
    expect(deepActiveElement()?.id).to.equal('end-time');
    client.close();
  });

  it('publishes an event from the keyboard after previewing it, and parents read it', async () => {
    const client = admin();
    const parent = createMemoryClient({ memory: client.memory });
    const el = await mount(client);
    await until(() => $(el, '[part="list"]'));
    ($(el, '#kind-news') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(($(el, '#kind-event') as HTMLInputElement).checked).to.equal(true);
    ($(el, '#news-title') as HTMLInputElement).focus();
    await sendKeys({ type: 'Зимний концерт' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Хор и оркестр школы.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '24.12.2026' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '17:00' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '18:30' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Актовый зал' });
    await settle(el);

    const preview = $(el, '[part="preview"]');
    expect(textOf(preview?.querySelector('#preview-article-title'))).to.equal('Зимний концерт');
    expect(textOf(preview?.querySelector('[part="event-facts"]'))).to.contain('24 декабря 2026');
    expect(textOf(preview?.querySelector('[part="event-facts"]'))).to.contain('17:00–18:30');
    expect(textOf(preview?.querySelector('[part="event-facts"]'))).to.contain('Актовый зал');
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'diary-news-editor-change');
    await sendKeys({ press: 'Enter' });
    const { action, item } = (await changed).detail;
    expect([action, item.title, item.eventDate]).to.deep.equal([
      'publish',
      'Зимний концерт',
      '2026-12-24',
    ]);
    await until(() => titles(el)[0] === 'Зимний концерт', 'the list did not show it');
    expect(textOf($(el, '[part="live"]'))).to.equal('Опубликовано: «Зимний концерт»');
    expect(deepActiveElement()?.id).to.equal('list-title');
    expect(($(el, '#news-title') as HTMLInputElement).value).to.equal('');
    const feed = await parent.news.list({ schoolId: 'sch_42' });
    expect(feed.items[0]).to.include({ title: 'Зимний концерт', startTime: '17:00' });
    client.close();
    parent.close();
  });

  it("puts the server's field errors beside their fields, in English, keeping the draft", async () => {
    const client = admin('en');
    Object.assign(client.news, {
      publish: () =>
        Promise.reject(
          apiError(400, 'validation_failed', {
            fields: [{ path: 'image.url', code: 'format', message: 'That picture is unreachable' }],
          }),
        ),
    });
    const el = await mount(client, 'en');
    await until(() => $(el, '#news-title'));
    type(el, 'news-title', 'Ski day');
    type(el, 'body', 'Bring skis.');
    type(el, 'image-url', 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E');
    type(el, 'image-alt', 'Children on skis');
    $(el, '[part~="publish"]')?.click();
    await until(() => $(el, '#image-url-error'));
    expect(textOf($(el, '#image-url-error'))).to.equal('Error: That picture is unreachable');
    expect(textOf($(el, '.diary-summary'))).to.contain('There is a problem');
    expect(($(el, '#news-title') as HTMLInputElement).value).to.equal('Ski day');
    expect(($(el, '#body') as HTMLTextAreaElement).value).to.equal('Bring skis.');
    await expect(el).to.be.accessible();
    client.close();
  });

  it('removes an item only after confirming, and Escape keeps it, at 360 px on the dark theme', async () => {
    await setViewport({ width: 360, height: 800 });
    const client = admin();
    const el = await mount(client, 'ru', 'dark');
    await until(() => $(el, '[part="list"]'));
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    const remove = () =>
      $(el, '[data-news="nws_mem_math"] [part~="remove"]') as HTMLButtonElement | null;
    expect(remove()?.getAttribute('aria-label')).to.equal('Удалить «Неделя математики»');
    remove()?.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('confirm-remove');
    expect(textOf($(el, '[part="confirm"]'))).to.contain('Удалить «Неделя математики»?');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($(el, '[part="confirm"]') === null).to.equal(true);
    expect(deepActiveElement() === remove()).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await settle(el);
    const changed = oneEvent(el, 'diary-news-editor-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.include({ action: 'remove' });
    await until(() => !titles(el).includes('Неделя математики'), 'the item stayed');
    expect(textOf($(el, '[part="live"]'))).to.equal('Удалено: «Неделя математики»');
    expect(deepActiveElement()?.id).to.equal('list-title');
    const left = await client.news.list({ schoolId: 'sch_42' });
    expect(left.items.map((i) => i.id)).to.not.include('nws_mem_math');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 1024, height: 800 });
    client.close();
  });
});
