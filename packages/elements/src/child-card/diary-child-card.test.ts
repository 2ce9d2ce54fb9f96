/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, demoFixtures } from '@school-diary/sdk/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf } from '../test-support/dom';
import type { DiaryChildCard } from './diary-child-card';

// A parent no other browser test signs in as: the codes in the outbox for this phone are ours.
const PARENT = '+79990000003';

const $ = (el: DiaryChildCard, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiaryChildCard, selector: string, value: string) => {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const WAIT = { timeout: 20_000 };
const has = (el: DiaryChildCard, text: string) => textOf(el.shadowRoot).includes(text);

async function card(lang: 'ru' | 'en', theme: 'light' | 'dark') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${createMemoryClient()} lang=${lang} theme=${theme}>
      <diary-child-card child-id="chd_maria"></diary-child-card>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-child-card') as DiaryChildCard;
  await waitUntil(() => $(el, '[part~="details"]'), 'the card did not load', {
    timeout: 20_000,
  });
  return el;
}

describe('<diary-child-card>', function () {
  this.timeout(60_000);

  it('shows a sex the school’s roster did not give as not given', async () => {
    const fixtures = demoFixtures();
    const maria = fixtures.children.find((c) => c.id === 'chd_maria');
    if (maria) delete maria.sex;
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ fixtures })}>
        <diary-child-card child-id="chd_maria"></diary-child-card>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-child-card') as DiaryChildCard;
    await waitUntil(() => $(el, '[part~="details"]'), 'the card did not load', WAIT);
    const details = textOf($(el, '[part~="details"]'));
    expect(details).to.match(/Пол\s*не указано/);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in', async () => {
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-child-card child-id="chd_maria"></diary-child-card>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-child-card') as DiaryChildCard;
    await settle(el);
    expect(textOf(el.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(el).to.be.accessible();
  });

  it('edits the card with field errors, in English and dark, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await card('en', 'dark');
    expect(has(el, 'Иванова Мария Андреевна')).to.equal(true);
    await expect(el).to.be.accessible();
    $(el, '[part~="edit"]')?.click();
    await waitUntil(() => $(el, '#snils'), 'not shown', WAIT);
    expect(el.shadowRoot?.activeElement?.id).to.equal('lastName');
    type(el, '#snils', '123-456-789 00');
    type(el, '#inn', '12');
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary', WAIT);
    expect($(el, '#snils')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#inn-error')).to.not.equal(null);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    type(el, '#snils', '');
    type(el, '#inn', '500100732259');
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => has(el, "The child's details have been saved."), 'not shown', WAIT);
    expect(has(el, '500100732259')).to.equal(true);
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.contain('edit');
    await setViewport({ width: 800, height: 600 });
  });

  it('saves with one mouse click on «Save» right after a field is corrected', async () => {
    // Tall enough not to scroll: scroll anchoring would otherwise hide a shift above «Save».
    await setViewport({ width: 800, height: 2000 });
    const el = await card('ru', 'light');
    $(el, '[part~="edit"]')?.click();
    await waitUntil(() => $(el, '#snils'), 'not shown', WAIT);
    type(el, '#inn', '12');
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => $(el, '#inn-error'), 'no error at the INN', WAIT);
    const inn = $(el, '#inn') as HTMLInputElement;
    inn.focus();
    inn.select();
    await sendKeys({ type: '500100732259' });
    await settle(el);
    // Aimed where «Save» is while the corrected box still has focus, as a reader's pointer is.
    expect(el.shadowRoot?.activeElement?.id).to.equal('inn');
    const save = ($(el, '[part~="save"]') as HTMLElement).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(save.x + save.width / 2), Math.round(save.y + save.height / 2)],
    });
    await waitUntil(() => has(el, 'Данные ребёнка сохранены.'), 'the click missed «Save»', WAIT);
    await sendMouse({ type: 'move', position: [0, 0] });

    // «История изменений» names the field and who changed it, never the number.
    const entries = () => [...(el.shadowRoot?.querySelectorAll('[part="history-entry"]') ?? [])];
    await waitUntil(() => entries().length === 2, 'the history has no new entry', WAIT);
    expect(textOf(entries()[0])).to.contain('Изменено: ИНН');
    expect(textOf(entries()[0])).to.contain('Иванова Елена Сергеевна');
    expect(textOf(entries()[1])).to.contain('Изменено: СНИЛС и свидетельство о рождении');
    expect(textOf($(el, '[part="history"]'))).not.to.contain('500100732259');
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });

  it('changes school only with the SMS code: a roster error, then an unlink', async () => {
    const el = await card('ru', 'light');
    $(el, '[part~="change"]')?.click();
    await waitUntil(() => $(el, '#schoolCode'), 'not shown', WAIT);
    expect(el.shadowRoot?.activeElement?.id).to.equal('schoolCode');
    type(el, '#schoolCode', '770042');
    type(el, '#rosterId', 'R42-5A-99');
    $(el, '[part~="send-code"]')?.click();
    await waitUntil(() => $(el, '#rosterId-error'), 'no error at the roster id', WAIT);
    await expect(el).to.be.accessible();
    $(el, '[part~="cancel-school"]')?.click();
    await waitUntil(() => !$(el, '[part~="school-step"]'), 'still shown', WAIT);

    $(el, '[part~="unlink"]')?.click();
    await waitUntil(() => has(el, 'Отвязать ребёнка от школы'), 'not shown', WAIT);
    expect(has(el, 'заявления на дневник в эту школу будут отозваны')).to.equal(true);
    $(el, '[part~="send-code"]')?.click();
    await waitUntil(() => $(el, '#code'), 'no code step', WAIT);
    await expect(el).to.be.accessible();
    type(el, '#code', '000000');
    $(el, '[part~="confirm"]')?.click();
    await waitUntil(() => $(el, '#code-error'), 'no error at the code', WAIT);
    type(el, '#code', '123456');
    $(el, '[part~="confirm"]')?.click();
    await waitUntil(() => has(el, 'Ребёнок отвязан от школы.'), 'not shown', WAIT);
    expect(has(el, 'Ребёнок не привязан к школе.')).to.equal(true);
  });

  it('saves an edit on the real server', async () => {
    const url = await diaryServerUrl();
    const setup = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    const challenge = await setup.auth.login({ phone: PARENT, password: 'school-diary-demo' });
    await setup.auth.verify({
      challengeId: challenge.challengeId,
      code: await latestCode(url, PARENT),
    });
    const firstName = `Карточка${String(Date.now())
      .slice(-6)
      .replace(/\d/g, (d) => 'абвгдежзий'[Number(d)] ?? 'а')}`;
    const created = await setup.children.create({
      lastName: 'Проверкина',
      firstName,
      birthDate: '2016-04-01',
      sex: 'female',
    });
    await setup.children.confirm({
      childId: created.child.id,
      challengeId: created.challenge.challengeId,
      code: await latestCode(url, PARENT),
    });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-child-card child-id=${created.child.id}></diary-child-card>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-child-card') as DiaryChildCard;
    const client = page.activeClient as DiaryClient;
    const again = await client.auth.login({ phone: PARENT, password: 'school-diary-demo' });
    await client.auth.verify({
      challengeId: again.challengeId,
      code: await latestCode(url, PARENT),
    });
    await waitUntil(() => $(el, '[part~="edit"]'), 'the card did not load', { timeout: 20_000 });
    $(el, '[part~="edit"]')?.click();
    await waitUntil(() => $(el, '#middleName'), 'not shown', WAIT);
    type(el, '#middleName', 'Сергеевна');
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => has(el, `Проверкина ${firstName} Сергеевна`), 'not saved', {
      timeout: 20_000,
    });
    expect((await setup.children.get({ childId: created.child.id })).middleName).to.equal(
      'Сергеевна',
    );
    setup.close();
  });
});
