/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf, typeInto } from '../test-support/dom';
import type { DiaryChildForm } from './diary-child-form';

// Иванова's phone: the demo parent whose identity is confirmed, so she may register a child.
const PHONE = '+79990000001';

/** Signs in through the provider's SDK client, as <diary-login> would. */
async function signIn(provider: DiaryProvider, url: string) {
  const client = provider.activeClient;
  if (!client) throw new Error('no client');
  const challenge = await client.auth.login({ phone: PHONE, password: 'school-diary-demo' });
  const code = await latestCode(url, PHONE);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

describe('<diary-child-form> against the real server', function () {
  // A real server and several round trips: more than mocha's default 2 s.
  this.timeout(30_000);

  it('registers the demo roster child, confirms by SMS and shows the application', async () => {
    const url = await diaryServerUrl();
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} session="memory">
        <diary-child-form search-delay="0"></diary-child-form>
      </diary-provider>`,
    );
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    await settle(form);
    expect(textOf(form.shadowRoot)).to.contain('Войдите в электронный дневник');
    await signIn(provider, url);
    await waitUntil(() => form.shadowRoot?.querySelector('#lastName'), 'form not shown');
    const $ = (selector: string) => form.shadowRoot?.querySelector<HTMLInputElement>(selector);

    typeInto($('#lastName'), 'Смирнова');
    typeInto($('#firstName'), 'Анна');
    typeInto($('#birthDate-day'), '14');
    typeInto($('#birthDate-month'), 'марта');
    typeInto($('#birthDate-year'), '2015');
    $('#sex-female')?.click();
    typeInto($('#school'), '42');
    await waitUntil(
      () => form.shadowRoot?.querySelector('[role="option"]'),
      'no school found in the registry',
      { timeout: 10_000 },
    );
    form.shadowRoot?.querySelector<HTMLElement>('[role="option"]')?.click();
    typeInto($('#rosterId'), 'R42-5A-99');
    await settle(form);
    $('button[type="submit"]')?.click();
    await waitUntil(() => form.step === 'confirm', 'no confirmation step', { timeout: 10_000 });
    await settle(form);
    expect(textOf(form.shadowRoot?.querySelector('dl'))).to.contain('14 марта 2015 г.');

    const code = await latestCode(url, PHONE);
    typeInto($('#code'), code);
    const registered = oneEvent(form, 'diary-child-registered');
    $('button[type="submit"]')?.click();
    const { detail } = await registered;
    expect(detail.child.status).to.equal('confirmed');
    expect(detail.application.number).to.match(/^ЭД-\d{4}-\d{6}$/);
    await settle(form);
    expect(textOf(form.shadowRoot?.querySelector('[data-application-number]'))).to.equal(
      detail.application.number,
    );
    expect(textOf(form.shadowRoot?.querySelector('[data-application-status]'))).to.equal('подано');
  });
});
