/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryPortfolio } from './diary-portfolio';

// Иванова and her daughter Мария (5А, Школа № 42), from the demo world.
const PARENT = '+79990000001';
const MARIA = 'chd_maria';
// Белова, the class teacher of 5А; one other test file signs in as her, so a code may be theirs.
const CLASS_TEACHER = '+79990000012';

async function signIn(client: DiaryClient, url: string, phone: string) {
  for (let attempt = 1; ; attempt += 1) {
    const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
    try {
      await client.auth.verify({
        challengeId: challenge.challengeId,
        code: await latestCode(url, phone),
      });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const $ = (el: DiaryPortfolio, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiaryPortfolio, selector: string, value: string) => {
  const input = $(el, selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const choose = (el: DiaryPortfolio, selector: string, value: string) => {
  ($(el, selector) as HTMLSelectElement).value = value;
};
const titles = (el: DiaryPortfolio) =>
  [...(el.shadowRoot?.querySelectorAll('[part="item"] .diary-heading') ?? [])].map(textOf);
const attach = (el: DiaryPortfolio, name: string) => {
  const files = new DataTransfer();
  files.items.add(new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' }));
  ($(el, '#attachmentId') as HTMLInputElement).files = files.files;
};

async function mount(client: unknown, attrs = { lang: 'ru', theme: 'light' }) {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${attrs.lang} theme=${attrs.theme}>
      <diary-portfolio child-id=${MARIA}></diary-portfolio>
    </diary-provider>`,
  );
  return page.querySelector('diary-portfolio') as DiaryPortfolio;
}

describe('<diary-portfolio>', function () {
  this.timeout(60_000);

  it('asks to sign in', async () => {
    const el = await mount(createMemoryClient({ signedInAs: null }));
    await settle(el);
    expect(textOf(el.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(el).to.be.accessible();
  });

  it('shows items with tags, files and comments, filters them by tag, and checks the form', async () => {
    const el = await mount(createMemoryClient());
    await waitUntil(() => titles(el).length === 2, 'the items did not load');
    await waitUntil(() => $(el, '#f-subject option[value="sub_42_math"]'), 'no subjects');
    await settle(el);
    const diploma = textOf($(el, '[data-item="pfl_mem_diploma"]'));
    expect(diploma).to.contain('Литература');
    expect(diploma).to.contain('I четверть');
    expect(diploma).to.contain('Уровень: Муниципальный');
    expect(diploma).to.contain('Скачать Диплом.pdf');
    expect(diploma).to.contain('Мария прекрасно прочитала Пушкина');
    await expect(el).to.be.accessible();

    choose(el, '#f-level', 'municipal');
    $(el, '[part~="search"]')?.click();
    await waitUntil(() => titles(el).length === 1, 'the level filter did not apply');
    expect(titles(el)[0]).to.contain('Диплом II степени');
    choose(el, '#f-level', '');
    type(el, '#f-q', 'дроби');
    $(el, '[part~="search"]')?.click();
    await waitUntil(
      () => titles(el)[0] === 'Проект «Дроби вокруг нас»',
      'the search did not apply',
    );
    type(el, '#f-q', 'нет такого');
    $(el, '[part~="search"]')?.click();
    await waitUntil(() => textOf(el.shadowRoot).includes('ничего не нашлось'), 'no empty result');
    await expect(el).to.be.accessible();
    $(el, '[part~="reset"]')?.click();
    await waitUntil(() => titles(el).length === 2, 'the reset did not apply');

    $(el, '#add')?.click();
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('kind');
    type(el, '#date', '2030-01-01');
    $(el, '[part~="save"]')?.click();
    await settle(el);
    expect(textOf($(el, '#title-error'))).to.equal('Ошибка: Заполните это поле');
    expect(textOf($(el, '#date-error'))).to.match(/^Ошибка: .*будущ/);
    expect(deepActiveElement()?.id).to.equal('title');
    await expect(el).to.be.accessible();
    $(el, '[part~="cancel"]')?.click();
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('add');
  });

  it('lets a teacher comment on an item, with an error for an empty comment', async () => {
    const el = await mount(createMemoryClient({ signedInAs: 'usr_teacher_math' }));
    await waitUntil(() => $(el, '#comment-open-pfl_mem_project'), 'no comment button');
    $(el, '#comment-open-pfl_mem_project')?.click();
    await waitUntil(() => deepActiveElement()?.id === 'comment-pfl_mem_project', 'not focused');
    $(el, '[part~="send-comment"]')?.click();
    await waitUntil(() => $(el, '#comment-pfl_mem_project-error'), 'no error');
    expect(textOf($(el, '#comment-pfl_mem_project-error'))).to.match(/Введите/);
    await expect(el).to.be.accessible();
    type(el, '#comment-pfl_mem_project', 'Отличная презентация, Мария!');
    $(el, '[part~="send-comment"]')?.click();
    await waitUntil(
      () => textOf($(el, '[data-item="pfl_mem_project"]')).includes('Отличная презентация'),
      'the comment is not shown',
    );
    const comment = textOf($(el, '[data-item="pfl_mem_project"] [part="comment"]'));
    expect(comment).to.contain('Орлов Сергей Николаевич');
    expect(textOf($(el, '[part="live"]'))).to.contain(
      'Комментарий к «Проект «Дроби вокруг нас»» добавлен',
    );
    expect(deepActiveElement()?.id).to.equal('comment-open-pfl_mem_project');
    await expect(el).to.be.accessible();
  });

  it('is used by keyboard alone, in English and dark, at 360 px without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await mount(createMemoryClient(), { lang: 'en', theme: 'dark' });
    await waitUntil(() => titles(el).length === 2, 'the items did not load');
    $(el, '#edit-pfl_mem_project')?.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('kind');
    expect(textOf($(el, '#form-title'))).to.equal('Edit “Проект «Дроби вокруг нас»”');
    ($(el, '#title') as HTMLInputElement).select();
    await sendKeys({ type: 'Fractions around us' });
    const changed = oneEvent(el, 'diary-portfolio-change');
    ($(el, '#title') as HTMLInputElement).focus();
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.item.title).to.equal('Fractions around us');
    await waitUntil(() => titles(el).includes('Fractions around us'), 'the edit did not show');
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('edit-pfl_mem_project');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });

  it('adds an item with a file on the server and finds it by its subject', async () => {
    const url = await diaryServerUrl();
    const page = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-portfolio child-id=${MARIA}></diary-portfolio>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-portfolio') as DiaryPortfolio;
    const client = page.activeClient as DiaryClient;
    const challenge = await client.auth.login({ phone: PARENT, password: 'school-diary-demo' });
    await client.auth.verify({
      challengeId: challenge.challengeId,
      code: await latestCode(url, PARENT),
    });
    await waitUntil(() => $(el, '#f-subject option[value="sub_42_biology"]'), 'no subjects', {
      timeout: 20_000,
    });
    $(el, '#add')?.click();
    await settle(el);
    const title = `Гербарий ${Date.now()}`;
    choose(el, '#kind', 'project');
    type(el, '#title', title);
    type(el, '#date', '2026-11-20');
    choose(el, '#subjectId', 'sub_42_biology');
    choose(el, '#level', 'school');
    attach(el, 'herbarium.pdf');
    const added = oneEvent(el, 'diary-portfolio-change');
    $(el, '[part~="save"]')?.click();
    const item = (await added).detail.item;
    expect(item.attachment?.name).to.equal('herbarium.pdf');
    expect(item.subjectId).to.equal('sub_42_biology');

    choose(el, '#f-subject', 'sub_42_biology');
    type(el, '#f-q', title);
    $(el, '[part~="search"]')?.click();
    await waitUntil(() => titles(el).length === 1 && titles(el)[0] === title, 'not found by tag');
    expect(textOf($(el, `[data-item="${item.id}"]`))).to.contain('Скачать herbarium.pdf');
    expect($(el, '[part~="comment"]')).to.equal(null, 'a parent does not comment');
    await expect(el).to.be.accessible();

    // The class teacher comments from elsewhere; the parent sees it live, with author and date.
    const teacher = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(teacher, url, CLASS_TEACHER);
    await teacher.portfolio.comment({ itemId: item.id, text: `Молодец! ${title}` });
    await waitUntil(
      () => textOf($(el, `[data-item="${item.id}"] [part="comment"]`)).includes('Молодец!'),
      'the comment did not arrive live',
      { timeout: 20_000 },
    );
    const author = textOf($(el, `[data-item="${item.id}"] .diary-comment-author`));
    expect(author).to.match(/^\p{Lu}\p{Ll}+ \p{Lu}/u);
    expect(
      $(el, `[data-item="${item.id}"] [part="comment"] time`)?.getAttribute('datetime'),
    ).to.match(/^\d{4}-\d{2}-\d{2}T/);
    teacher.close();
  });
});
