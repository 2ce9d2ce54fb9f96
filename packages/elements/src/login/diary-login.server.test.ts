/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { settle, textOf, typeInto } from '../test-support/dom';
import type { DiaryLogin } from './diary-login';

const PHONE = '+79990000001';

async function mount() {
  const url = await diaryServerUrl();
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider base-url=${url} session="memory"
      ><diary-login></diary-login
    ></diary-provider>`,
  );
  const login = provider.querySelector('diary-login') as DiaryLogin;
  await provider.activeClient?.ready;
  await settle(login);
  return { url, login, provider };
}

const input = (login: DiaryLogin, autocomplete: string) =>
  login.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);
const submit = (login: DiaryLogin) =>
  login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

describe('<diary-login> against the real server', function () {
  // A real server and several round trips: more than mocha's default 2 s.
  this.timeout(30_000);

  it('signs the demo parent in with the password and the SMS code', async () => {
    const { url, login, provider } = await mount();
    typeInto(input(login, 'tel'), '+7 999 000-00-01');
    typeInto(input(login, 'current-password'), 'school-diary-demo');
    submit(login);
    await waitUntil(() => login.step === 'code', 'the code step did not come', { timeout: 10_000 });
    expect(textOf(login)).to.contain('+7 999 ***-**-01');
    const code = await latestCode(url, PHONE);
    typeInto(input(login, 'one-time-code'), `${code.slice(0, 3)} ${code.slice(3)}`);
    const signedIn = oneEvent(login, 'diary-login');
    submit(login);
    const { detail } = await signedIn;
    expect(detail.user.lastName).to.equal('Иванова');
    expect(provider.activeClient?.session.user?.id).to.equal(detail.user.id);
    await settle(login);
    expect(textOf(login)).to.contain('Вы вошли как Елена Иванова.');
  });

  it('answers a wrong password without saying which field was wrong', async () => {
    const { login } = await mount();
    typeInto(input(login, 'tel'), '+7 999 000-00-02');
    typeInto(input(login, 'current-password'), 'not-the-password');
    submit(login);
    await waitUntil(() => login.querySelector('[role="alert"]'), 'no answer', { timeout: 10_000 });
    expect(textOf(login.querySelector('[role="alert"]'))).to.equal(
      'Неверный номер телефона или пароль',
    );
    expect(input(login, 'current-password')?.value).to.equal('');
    expect(login.querySelectorAll('[aria-invalid="true"]')).to.have.length(0);
  });
});
