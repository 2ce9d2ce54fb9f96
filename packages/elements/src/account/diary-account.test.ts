/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf } from '../test-support/dom';
import type { DiaryAccount } from './diary-account';

// The physics teacher: no other browser test signs in as them, so their sessions are this file's.
const PHONE = '+79990000013';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string) {
  const challenge = await client.auth.login({ phone: PHONE, password: 'school-diary-demo' });
  const code = await latestCode(url, PHONE);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

const $ = (el: DiaryAccount, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiaryAccount, selector: string, value: string) => {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

describe('<diary-account>', function () {
  this.timeout(60_000);

  it('asks to sign in', async () => {
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-account></diary-account>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-account') as DiaryAccount;
    await settle(el);
    expect(textOf(el.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(el).to.be.accessible();
  });

  it('tells a parent whose identity is not confirmed how to confirm it, in English too', async () => {
    // Мария's father, registered with his identity not confirmed yet.
    const client = createMemoryClient({ signedInAs: 'usr_parent_ivanov' });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client} lang="en">
        <diary-account></diary-account>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-account') as DiaryAccount;
    await waitUntil(() => $(el, '[part="identity"]'), 'the account did not load');
    expect(textOf($(el, '[part="identity"]'))).to.equal('Identity: not confirmed');
    expect(textOf(el.shadowRoot)).to.contain('show your passport to the school');
    await expect(el).to.be.accessible();
    client.close();
  });

  it('saves the profile, shows a field error, and signs another device out', async () => {
    await setViewport({ width: 360, height: 800 });
    const url = await diaryServerUrl();
    const other = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
    await signIn(other, url);
    const page = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-account></diary-account>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-account') as DiaryAccount;
    await signIn(page.activeClient as DiaryClient, url);
    await waitUntil(() => $(el, '[part~="sessions"]'), 'the account did not load', {
      timeout: 20_000,
    });
    await expect(el).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    // A teacher's identity, confirmed by SMS, with no desk to go to: no hint about a passport.
    expect($(el, '[part="identity"]')?.dataset['identity']).to.equal('confirmed_sms');
    expect(textOf($(el, '[part="identity"]'))).to.equal('Личность: подтверждена по SMS');
    expect(textOf(el.shadowRoot)).not.to.contain('паспорт');

    type(el, '#email', 'not an address');
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => $(el, '#email-error'), 'no error at the e-mail');
    expect(el.shadowRoot?.activeElement?.id).to.equal('email');
    await expect(el).to.be.accessible();
    type(el, '#email', `physics+${String(Date.now())}@school42.ru`);
    $(el, '[part~="save"]')?.click();
    await waitUntil(() => textOf(el.shadowRoot).includes('Профиль сохранён.'));

    const otherRow = () =>
      [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="session"]') ?? [])].filter(
        (row) => !textOf(row).includes('это устройство'),
      );
    expect(otherRow().length).to.be.greaterThan(0);
    $(el, '[part~="sign-out-others"]')?.click();
    await waitUntil(() => textOf(el.shadowRoot).includes('Остальные устройства вышли'));
    await waitUntil(() => otherRow().length === 0);
    const error = await other.auth.me().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as { status?: number } | undefined)?.status).to.equal(401);
    other.close();
    await setViewport({ width: 800, height: 600 });
  });
});
