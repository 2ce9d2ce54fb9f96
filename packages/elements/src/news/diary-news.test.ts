/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createMemoryClient, demoFixtures } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryNews } from './diary-news';

const $ = (el: DiaryNews, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const titles = (el: DiaryNews) =>
  [...(el.shadowRoot?.querySelectorAll('[part="open"]') ?? [])].map(textOf);

async function mount(lang = 'ru', theme = 'light', fixtures = demoFixtures()) {
  const client = createMemoryClient({ fixtures });
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang} theme=${theme}>
      <diary-news child-id="chd_maria"></diary-news>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-news') as DiaryNews;
  await waitUntil(() => $(el, '[part="list"]'), 'the news did not load');
  return { el, client };
}

describe('<diary-news>', function () {
  this.timeout(60_000);

  it('asks to sign in, and is accessible while loading and after a failure', async () => {
    const clients = [
      { client: createMemoryClient({ signedInAs: null }), ready: '[part="notice"]' },
      { client: createMemoryClient({ latencyMs: 2_147_483_647 }), ready: '[part="notice"]' },
      {
        client: createMemoryClient({
          failures: { 'news.list': { status: 500, code: 'internal' } },
        }),
        ready: '[part="error"]',
      },
    ];
    for (const { client, ready } of clients) {
      const page = await fixture<DiaryProvider>(
        html`<diary-provider .client=${client}
          ><diary-news child-id="chd_maria"></diary-news
        ></diary-provider>`,
      );
      const el = page.querySelector('diary-news') as DiaryNews;
      await waitUntil(() => $(el, ready), `never showed ${ready}`);
      await expect(el).to.be.accessible();
      client.close();
    }
  });

  it('lists the school’s news newest first, filters by kind and pages', async () => {
    const fixtures = demoFixtures();
    for (let i = 1; i <= 12; i += 1)
      fixtures.news.push({
        id: `nws_old_${i}`,
        schoolId: 'sch_42',
        kind: 'news',
        title: `Старая новость ${i}`,
        body: 'Текст',
        publishedAt: `2026-10-${String(i + 10).padStart(2, '0')}T09:00:00.000Z`,
      });
    const { el, client } = await mount('ru', 'light', fixtures);
    expect(titles(el).slice(0, 2)).to.deep.equal([
      'Новогодний концерт',
      'Родительское собрание 5-х классов',
    ]);
    expect(titles(el).length).to.equal(10);
    expect(textOf($(el, '.diary-hint'))).to.equal('Показано 10 из 16');
    await expect(el).to.be.accessible();
    $(el, '[part~="more"]')?.click();
    await waitUntil(() => titles(el).length === 16, 'the next page did not load');
    expect($(el, '[part~="more"]')).to.equal(null);

    const select = $(el, '#kind') as HTMLSelectElement;
    select.value = 'event';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titles(el).length === 2, 'the filter did not apply');
    expect(
      [...(el.shadowRoot?.querySelectorAll('[part="item"]') ?? [])].every(
        (li) => (li as HTMLElement).dataset.kind === 'event',
      ),
    ).to.equal(true);
    client.close();
  });

  it('opens an event by keyboard with its time, place and picture, and saves it for a calendar', async () => {
    const { el, client } = await mount();
    const open = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part="open"]') ?? [])].find(
      (b) => textOf(b) === 'Новогодний концерт',
    );
    open?.focus();
    const opened = oneEvent(el, 'diary-news-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.item?.id).to.equal('nws_mem_concert');
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('back');
    expect(textOf($(el, '#article-title'))).to.equal('Новогодний концерт');
    expect(textOf($(el, '[part="event-facts"]'))).to.contain('22 декабря 2026');
    expect(textOf($(el, '[part="event-facts"]'))).to.contain('17:00');
    expect(textOf($(el, '[part="event-facts"]'))).to.contain('Актовый зал');
    expect($(el, '[part="article"] img')?.getAttribute('alt')).to.equal(
      'Сцена актового зала с ёлкой',
    );
    await expect(el).to.be.accessible();

    let saved: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return original.call(URL, blob);
    };
    try {
      $(el, '[part~="calendar"]')?.click();
    } finally {
      URL.createObjectURL = original;
    }
    const text = await saved?.text();
    expect(text).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(text).to.contain('DTSTART:20261222T140000Z\r\n');
    expect(text).to.contain('UID:nws_mem_concert@');
    await settle(el);
    expect(textOf($(el, '[part="live"]'))).to.equal('Файл события для календаря сохранён');

    $(el, '#back')?.click();
    await settle(el);
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Новогодний концерт');
    client.close();
  });

  it('reads in English on the dark theme at 360 px without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 800 });
    const { el, client } = await mount('en', 'dark');
    expect(textOf($(el, '[part="item"]'))).to.contain('Event');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    $(el, '[part="open"]')?.click();
    await settle(el);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
    client.close();
  });
});
