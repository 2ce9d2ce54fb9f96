/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { apiError } from '../test-support/fake-client';
import { settle, textOf } from '../test-support/dom';
import type { DiaryIdentityDesk } from './diary-identity-desk';

const $ = (el: DiaryIdentityDesk, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiaryIdentityDesk, id: string, value: string) => {
  const input = $(el, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const until = (check: () => unknown, message?: string) =>
  waitUntil(check, message, { timeout: 10_000 });

async function mount(client: DiaryClient, lang = 'ru') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang}>
      <diary-identity-desk></diary-identity-desk>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-identity-desk') as DiaryIdentityDesk;
  await settle(el);
  return el;
}

const admin = (language: 'ru' | 'en' = 'ru') =>
  createMemoryClient({ signedInAs: 'school_admin', language });

async function find(el: DiaryIdentityDesk, phone: string, snils: string) {
  await until(() => $(el, '#phone'), 'the form did not render');
  type(el, 'phone', phone);
  type(el, 'snils', snils);
  $(el, '[part~="find"]')?.click();
}

describe('<diary-identity-desk>', function () {
  this.timeout(60_000);

  it('tells a parent that only the school admin confirms identities', async () => {
    const el = await mount(createMemoryClient({ signedInAs: 'parent' }));
    expect(textOf(el.shadowRoot)).to.contain('только администратор школы');
    await expect(el).to.be.accessible();
  });

  it('shows field-specific errors from core validators before asking the server', async () => {
    const client = admin();
    let asked = 0;
    const findUser = client.admin.findUser;
    Object.assign(client.admin, {
      findUser: (...args: Parameters<typeof findUser>) => {
        asked += 1;
        return findUser(...args);
      },
    });
    const el = await mount(client);
    await find(el, '12', '112-233-445 96');
    await until(() => $(el, '#phone-error'));
    expect($(el, '#phone-error')?.textContent).to.match(/телефон/i);
    expect($(el, '#snils-error')?.textContent).to.contain('СНИЛС');
    expect($(el, '#phone')?.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot?.activeElement?.className).to.contain('diary-summary');
    expect(asked).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says clearly when nobody has this phone and SNILS', async () => {
    const el = await mount(admin());
    await find(el, '+7 999 000-00-04', '123-456-789 64');
    await until(() => textOf(el.shadowRoot).includes('не найден'));
    expect($(el, '[part~="confirm"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('finds a parent, confirms the identity from the keyboard, and shows the result', async () => {
    const client = admin();
    const el = await mount(client);
    await until(() => $(el, '#phone'));
    ($(el, '#phone') as HTMLInputElement).focus();
    await sendKeys({ type: '+7 999 000-00-04' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '11223344595' });
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el.shadowRoot).includes('Иванов Андрей Павлович'));
    expect(textOf(el.shadowRoot)).to.contain('не подтверждена');
    await expect(el).to.be.accessible();
    ($(el, '#document-mfc_certificate') as HTMLInputElement).focus();
    await sendKeys({ press: 'Space' });
    ($(el, '[part~="confirm"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el.shadowRoot).includes('подтверждена лично'));
    expect(textOf(el.shadowRoot)).to.contain('ничего делать не нужно');
    expect($(el, '[part~="live"]')?.textContent).to.contain('Иванов Андрей Павлович');
    const again = await client.admin.findUser({ phone: '+79990000004', snils: '11223344595' });
    expect(again.items[0]?.identityStatus).to.equal('confirmed_in_person');
    await expect(el).to.be.accessible();
  });

  it('shows an identity already confirmed in person without a confirm button', async () => {
    const client = admin();
    await client.admin.confirmIdentityInPerson({
      userId: 'usr_parent_ivanov',
      phone: '+79990000004',
      snils: '112-233-445 95',
      document: 'passport',
    });
    const el = await mount(client);
    await find(el, '+79990000004', '112-233-445 95');
    await until(() => textOf(el.shadowRoot).includes('ничего делать не нужно'));
    expect($(el, '[part~="confirm"]')).to.equal(null);
  });

  it("puts the server's field errors beside their fields, in English", async () => {
    const client = admin('en');
    Object.assign(client.admin, {
      confirmIdentityInPerson: () =>
        Promise.reject(
          apiError(400, 'validation_failed', {
            fields: [{ path: 'note', code: 'too_long', message: 'The note is too long' }],
          }),
        ),
    });
    const el = await mount(client, 'en');
    await find(el, '+79990000004', '112-233-445 95');
    await until(() => $(el, '[part~="confirm"]'));
    $(el, '[part~="confirm"]')?.click();
    await until(() => $(el, '#note-error'));
    expect($(el, '#note-error')?.textContent).to.contain('The note is too long');
    expect(textOf(el.shadowRoot)).to.contain('There is a problem');
    expect(textOf(el.shadowRoot)).to.contain('Identity check');
    await expect(el).to.be.accessible();
  });

  it('approves a pending guardian claim, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    const client = admin();
    const el = await mount(client);
    await until(() => $(el, '[part~="approve"]'), 'the claims did not load');
    expect(textOf(el.shadowRoot)).to.contain('Иванов Андрей Павлович');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    ($(el, '[part~="approve"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el.shadowRoot).includes('Новых заявок нет'));
    expect($(el, '[part~="live"]')?.textContent).to.contain('теперь родитель');
    expect((await client.admin.guardianClaims()).items).to.deep.equal([]);
    await setViewport({ width: 1024, height: 800 });
  });
});
