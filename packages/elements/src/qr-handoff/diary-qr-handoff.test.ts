/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf } from '../test-support/dom';
import type { DiaryQrHandoff } from './diary-qr-handoff';

// The lyceum's teacher: no other browser test starts hand-offs as them.
const PHONE = '+79990000021';

const $ = (el: DiaryQrHandoff, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
/** A client of its own, like a separate device: nothing kept, nothing shared with other tabs. */
const device = (url: string) =>
  createDiaryClient({ baseUrl: url, storage: false, syncTabs: false });
const widget = (page: DiaryProvider) => page.querySelector('diary-qr-handoff') as DiaryQrHandoff;

describe('<diary-qr-handoff>', function () {
  this.timeout(120_000);

  it('asks to sign in first, and reads well in English and the dark theme', async () => {
    const signedOut = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-qr-handoff></diary-qr-handoff>
      </diary-provider>`,
    );
    await settle(widget(signedOut));
    expect(textOf(widget(signedOut).shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(widget(signedOut)).to.be.accessible();

    const dark = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient()} lang="en" theme="dark">
        <diary-qr-handoff></diary-qr-handoff>
      </diary-provider>`,
    );
    const el = widget(dark);
    await waitUntil(() => $(el, '[part~="show"]'));
    $(el, '[part~="show"]')?.click();
    await waitUntil(() => $(el, '[part~="qr"] svg'), 'no QR code');
    expect(textOf(el.shadowRoot)).to.contain('Waiting for the phone');
    await expect(el).to.be.accessible();
  });

  it('signs a second client in once, after this one allows it, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    const url = await diaryServerUrl();
    const laptop = await fixture<DiaryProvider>(
      html`<diary-provider .client=${device(url)}>
        <diary-qr-handoff href="${url}/account.html"></diary-qr-handoff>
      </diary-provider>`,
    );
    const client = laptop.activeClient as DiaryClient;
    const challenge = await client.auth.login({ phone: PHONE, password: 'school-diary-demo' });
    await client.auth.verify({
      challengeId: challenge.challengeId,
      code: await latestCode(url, PHONE),
    });
    const shows = widget(laptop);
    await waitUntil(() => $(shows, '[part~="show"]'), 'no show button', { timeout: 20_000 });
    $(shows, '[part~="show"]')?.click();
    await waitUntil(() => $(shows, '[part~="link"]'), 'no QR code', { timeout: 20_000 });
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(shows).to.be.accessible();
    const link = new URL(($(shows, '[part~="link"]') as HTMLAnchorElement).href);
    expect(link.pathname).to.equal('/account.html');
    const token = new URLSearchParams(link.hash.slice(1)).get('diary-handoff') ?? '';

    const phone = await fixture<DiaryProvider>(
      html`<diary-provider .client=${device(url)}>
        <diary-qr-handoff token=${token}></diary-qr-handoff>
      </diary-provider>`,
    );
    const receives = widget(phone);
    await waitUntil(() => textOf(receives.shadowRoot).includes('Подтвердите вход'), 'no wait', {
      timeout: 20_000,
    });
    await waitUntil(() => $(shows, '[part~="approve"]'), 'no question', { timeout: 20_000 });
    expect(textOf(shows.shadowRoot)).to.contain('хочет войти');
    await expect(shows).to.be.accessible();
    const signedIn = oneEvent(receives, 'diary-handoff');
    $(shows, '[part~="approve"]')?.click();
    const { detail } = await signedIn;
    expect(detail.user.phone).to.equal(PHONE);
    expect((phone.activeClient as DiaryClient).session.user?.phone).to.equal(PHONE);
    await waitUntil(() => textOf(shows.shadowRoot).includes('телефон вошёл'), 'not done', {
      timeout: 20_000,
    });

    const thief = await fixture<DiaryProvider>(
      html`<diary-provider .client=${device(url)}>
        <diary-qr-handoff token=${token}></diary-qr-handoff>
      </diary-provider>`,
    );
    await waitUntil(() => $(widget(thief), '[part~="error"]'), 'reuse was not refused', {
      timeout: 20_000,
    });
    expect(textOf(widget(thief).shadowRoot)).to.contain('уже использован');
    await expect(widget(thief)).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
