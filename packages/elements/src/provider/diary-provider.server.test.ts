/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define';
import type { DiaryLogin } from '../login/diary-login';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf, typeInto } from '../test-support/dom';
import type { DiaryProvider } from './diary-provider';

const PHONE = '+79990000001';
const KEY = 'school-diary.session';

/** A page with a provider and a login, as the embed guide shows it; `session` as given. */
async function page(url: string, session?: string) {
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider base-url=${url} session=${session ?? 'local'}
      ><diary-login>Загружаем форму входа…</diary-login></diary-provider
    >`,
  );
  await provider.activeClient?.ready;
  const login = provider.querySelector('diary-login') as DiaryLogin;
  await settle(login);
  return { provider, login };
}

async function signIn(url: string, login: DiaryLogin) {
  const input = (autocomplete: string) =>
    login.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);
  const submit = () => login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  typeInto(input('tel'), '+7 999 000-00-01');
  typeInto(input('current-password'), 'diary-demo');
  submit();
  await waitUntil(() => login.step === 'code', 'the code step did not come', { timeout: 10_000 });
  typeInto(input('one-time-code'), await latestCode(url, PHONE));
  const signedIn = oneEvent(login, 'diary-login');
  submit();
  await signedIn;
}

describe('<diary-provider> keeping the session against the real server', function () {
  this.timeout(30_000);
  beforeEach(() => localStorage.removeItem(KEY));
  afterEach(() => localStorage.removeItem(KEY));

  it('keeps the parent signed in across a reload by default', async () => {
    const url = await diaryServerUrl();
    const first = await page(url);
    await signIn(url, first.login);
    expect(localStorage.getItem(KEY)).to.contain('"refreshToken"');
    first.provider.remove();
    // A reload: a new provider on the same origin, nothing carried over but localStorage.
    const again = await page(url);
    expect(again.provider.activeClient?.session.user?.lastName).to.equal('Иванова');
    await settle(again.login);
    expect(textOf(again.login)).to.contain('Вы вошли как Елена Иванова.');
  });

  it('with session="memory" keeps nothing, so a reload signs out', async () => {
    const url = await diaryServerUrl();
    const first = await page(url, 'memory');
    await signIn(url, first.login);
    expect(localStorage.getItem(KEY)).to.equal(null);
    first.provider.remove();
    const again = await page(url, 'memory');
    expect(again.provider.activeClient?.session.user).to.equal(undefined);
    expect(again.login.querySelector('input[autocomplete="current-password"]')).not.to.equal(null);
  });
});
