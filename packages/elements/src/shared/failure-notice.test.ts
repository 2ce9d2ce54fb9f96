/// <reference types="mocha" />
// How every widget shows a failed load (describeFailure + failureNotice, and the children list
// the provider loads for widgets that follow the selected child): a refusal for the account's role
// says so and offers nothing, a failure that may pass offers «Повторить».
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, type MemoryClientOptions } from '@school-diary/sdk/testing';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { textOf } from '../test-support/dom';

// Мария's maths teacher and Мария, from the demo world the test runner's server loads.
const TEACHER = '+79990000011';
const STUDENT = '+79990000031';

async function signedIn(phone: string, requested: string[] = []): Promise<DiaryClient> {
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

/** The shadow root's element matching `selector`, once there. */
async function shown(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `${el.localName}: no ${selector}`);
  return el.shadowRoot?.querySelector(selector) as HTMLElement;
}

const retryOf = (notice: HTMLElement) => notice.querySelector('[part~="retry"]');

async function mount(client: unknown, body: ReturnType<typeof html>, lang = 'ru') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang}>${body}</diary-provider>`,
  );
  return page;
}

const memory = (options: MemoryClientOptions) => createMemoryClient(options);

describe('a failed load in every widget', function () {
  this.timeout(60_000);

  let teacher: DiaryClient;
  before(async () => {
    teacher = await signedIn(TEACHER);
  });
  after(() => teacher.close());

  it('tells a teacher on a parent’s pages that they are not for a teacher, with no retry', async () => {
    const page = await mount(
      teacher,
      html`<diary-child-picker></diary-child-picker>
        <diary-news></diary-news>
        <diary-homework></diary-homework>
        <diary-grade-table></diary-grade-table>
        <diary-child-card></diary-child-card>`,
    );
    for (const tag of ['diary-news', 'diary-homework', 'diary-child-card']) {
      const el = page.querySelector(tag) as HTMLElement;
      const notice = await shown(el, '[part="unavailable"][role="alert"]');
      expect(textOf(notice), tag).to.equal(
        'Этот раздел дневника не предназначен для учётной записи учителя.',
      );
      expect(retryOf(notice), tag).to.equal(null);
      await expect(el).to.be.accessible();
    }
    // The picker has no list to offer and leaves the explanation to the widgets.
    const picker = page.querySelector('diary-child-picker') as HTMLElement;
    await waitUntil(
      () =>
        picker.shadowRoot?.childElementCount === 0 || !picker.shadowRoot?.querySelector('[part]'),
    );
    expect(picker.shadowRoot?.querySelector('[part]')).to.equal(null);
  });

  it('says the same in English', async () => {
    const client = memory({ signedInAs: 'teacher', language: 'en' });
    const page = await mount(client, html`<diary-news></diary-news>`, 'en');
    const news = page.querySelector('diary-news') as HTMLElement;
    const notice = await shown(news, '[part="unavailable"][role="alert"]');
    expect(textOf(notice)).to.equal('This part of the diary is not meant for a teacher’s account.');
    expect(retryOf(notice)).to.equal(null);
    client.close();
  });

  it('keeps core’s words for a record refused to a role that may ask, still with no retry', async () => {
    const client = memory({
      signedInAs: 'parent',
      failures: { 'grades.list': { status: 403, code: 'forbidden' } },
    });
    const page = await mount(
      client,
      html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
    );
    const table = page.querySelector('diary-grade-table') as HTMLElement;
    const notice = await shown(table, '[part="notice"][role="alert"]');
    expect(textOf(notice)).to.equal('У вас нет доступа к этому действию');
    expect(retryOf(notice)).to.equal(null);
    client.close();
  });

  it('tells a teacher who opens a class they do not teach that they do not, with no retry', async () => {
    // The Russian teacher of 5А asks for its maths journal: a teacher may ask for a journal, just
    // not this one, and the server says which rule refused (`not_teaching`).
    const russian = await signedIn('+79990000012');
    const page = await mount(
      russian,
      html`<diary-journal class-id="cls_42_5a" subject-id="sub_42_math"></diary-journal>`,
    );
    const journal = page.querySelector('diary-journal') as HTMLElement;
    const notice = await shown(journal, '[role="alert"]');
    expect(textOf(notice)).to.contain('Вы не ведёте этот предмет в этом классе');
    expect(textOf(notice)).not.to.contain('нет доступа');
    expect(retryOf(notice)).to.equal(null);
    russian.close();
  });

  it('still offers «Повторить» after a network failure, and the retry loads', async () => {
    const failures: Record<string, 'network'> = { 'news.list': 'network' };
    const client = memory({ signedInAs: 'parent', failures });
    const page = await mount(client, html`<diary-news child-id="chd_maria"></diary-news>`);
    const news = page.querySelector('diary-news') as HTMLElement;
    const notice = await shown(news, '[part="error"]');
    expect(textOf(notice)).to.contain('Нет связи с сервером дневника');
    const retry = retryOf(notice) as HTMLButtonElement | null;
    expect(retry).to.not.equal(null);
    expect(textOf(retry)).to.equal('Повторить');
    await expect(news).to.be.accessible();
    delete failures['news.list'];
    retry?.click();
    await shown(news, '[part="list"]');
    client.close();
  });

  it('asks nothing a student is refused: the grade table leaves the parent’s thresholds out', async () => {
    const requested: string[] = [];
    const student = await signedIn(STUDENT, requested);
    const page = await mount(
      student,
      html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
    );
    const table = page.querySelector('diary-grade-table') as HTMLElement;
    await shown(table, '[part~="row"]');
    expect(requested.some((url) => url.includes('/grades'))).to.equal(true);
    expect(requested.filter((url) => url.includes('/thresholds'))).to.deep.equal([]);
    student.close();
  });

  it('offers «Повторить» on the grade table after a server fault', async () => {
    const client = memory({
      signedInAs: 'parent',
      failures: { 'grades.list': { status: 500, code: 'internal' } },
    });
    const page = await mount(
      client,
      html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
    );
    const table = page.querySelector('diary-grade-table') as HTMLElement;
    const notice = await shown(table, '[part="notice"][role="alert"]');
    expect(retryOf(notice)).to.not.equal(null);
    client.close();
  });
});
