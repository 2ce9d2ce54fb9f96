/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import { settle, textOf, deepActiveElement, typeInto } from '../test-support/dom';
import {
  FAKE_NOW,
  PARENT,
  apiError,
  fakeClient,
  networkError,
  type FakeClient,
} from '../test-support/fake-client';
import { createMemoryClient, MEMORY_CODE } from '@school-diary/sdk/testing';
import type { DiaryLogin } from './diary-login';

let now: Date;

async function mount(client: FakeClient = fakeClient({ signedIn: false }), lang?: string) {
  now = FAKE_NOW;
  const provider = await fixture(
    html`<diary-provider .client=${client} lang=${lang ?? 'ru'}>
      <diary-login .now=${() => now}>Загружаем форму входа…</diary-login>
    </diary-provider>`,
  );
  const login = provider.querySelector('diary-login') as DiaryLogin;
  await settle(login);
  return { login, client };
}

const field = (login: DiaryLogin, autocomplete: string) =>
  login.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);

async function submit(login: DiaryLogin) {
  login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await settle(login);
}

async function signInToCodeStep(login: DiaryLogin) {
  typeInto(field(login, 'tel'), '+7 999 000-00-01');
  typeInto(field(login, 'current-password'), 'school-diary-demo');
  await submit(login);
}

describe('<diary-login>', () => {
  it('renders its inputs in the light DOM so password managers and autofill see them', async () => {
    const { login } = await mount();
    expect(login.shadowRoot).to.equal(null);
    const phone = field(login, 'tel');
    const password = field(login, 'current-password');
    expect(phone?.type).to.equal('tel');
    expect(password?.type).to.equal('password');
    expect(password?.getAttribute('spellcheck')).to.equal('false');
    expect(login.querySelector(`label[for="${phone?.id}"]`)?.textContent).to.contain(
      'Номер мобильного телефона',
    );
    expect(login.querySelector(`label[for="${password?.id}"]`)?.textContent).to.contain('Пароль');
    expect(login.querySelector('form')?.noValidate).to.equal(true);
    await expect(login).to.be.accessible();
  });

  it('gives two logins on one page different ids', async () => {
    const { login } = await mount();
    const second = document.createElement('diary-login');
    login.parentElement?.append(second);
    await settle(second);
    expect(field(second, 'tel')?.id).not.to.equal(field(login, 'tel')?.id);
  });

  it('shows core messages in a focused error summary and beside each field', async () => {
    const { login, client } = await mount();
    const errors = oneEvent(login, 'diary-errors');
    await submit(login);
    const summary = login.querySelector('.diary-summary');
    // The summary is a section of the form's title (h2): one level below it.
    expect(textOf(summary?.querySelector('h3.diary-summary-title'))).to.equal('Есть ошибки');
    const links = [...(summary?.querySelectorAll('a') ?? [])].map(textOf);
    expect(links).to.deep.equal(['Введите номер мобильного телефона', 'Введите пароль']);
    expect(document.activeElement).to.equal(summary);
    const phone = field(login, 'tel');
    expect(phone?.getAttribute('aria-invalid')).to.equal('true');
    const described = phone?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(textOf(login.querySelector(`[id="${described[1]}"]`))).to.equal(
      'Ошибка: Введите номер мобильного телефона',
    );
    expect((await errors).detail.titlePrefix).to.equal('Ошибка: ');
    expect(client.calls).to.have.length(0);
    await expect(login).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const { login } = await mount(fakeClient({ signedIn: false }), 'en');
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary-title'))).to.equal('There is a problem');
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal('Enter a mobile phone number');
    expect(textOf(login.querySelector('button[type="submit"]'))).to.equal('Sign in');
  });

  it('explains a phone in the wrong format and clears the error once it is fixed', async () => {
    const { login } = await mount();
    typeInto(field(login, 'tel'), '8 495 123-45-67');
    typeInto(field(login, 'current-password'), 'x');
    const cleared = oneEvent(login, 'diary-errors');
    await submit(login);
    await cleared;
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'Введите номер мобильного телефона России — он начинается с +7 9 или 8 9',
    );
    const fixed = oneEvent(login, 'diary-errors');
    typeInto(field(login, 'tel'), '8 916 123-45-67');
    expect((await fixed).detail).to.deep.equal({ errors: [], titlePrefix: '' });
    await settle(login);
    expect(login.querySelector('.diary-summary')).to.equal(null);
  });

  it('after a wrong phone or password says neither which was wrong, and clears the password', async () => {
    const { login, client } = await mount();
    typeInto(field(login, 'tel'), '+7 999 000-00-01');
    typeInto(field(login, 'current-password'), 'wrong-password');
    await submit(login);
    expect(client.callsOf('auth.login')).to.deep.equal([
      { phone: '+79990000001', password: 'wrong-password' },
    ]);
    const alert = login.querySelector('[role="alert"]');
    expect(textOf(alert)).to.equal('Неверный номер телефона или пароль');
    expect(document.activeElement).to.equal(alert);
    expect(field(login, 'current-password')?.value).to.equal('');
    expect(field(login, 'tel')?.value).to.equal('+7 999 000-00-01');
    expect(login.querySelectorAll('[aria-invalid="true"]')).to.have.length(0);
  });

  it('tells a locked-out user when to try again, in the school time zone', async () => {
    const client = fakeClient({ signedIn: false });
    client.auth.login = async () => {
      throw apiError(429, 'account_locked', { retryAfterSeconds: 900 });
    };
    const { login } = await mount(client);
    await signInToCodeStep(login);
    expect(textOf(login.querySelector('[role="alert"]'))).to.equal(
      'Вход временно заблокирован после нескольких неверных попыток — попробуйте после 12:15',
    );
  });

  it('keeps what was typed after a network error and retries', async () => {
    const client = fakeClient({ signedIn: false });
    const login0 = client.auth.login;
    let fail = true;
    client.auth.login = async (input) => {
      if (fail) throw networkError();
      return login0(input);
    };
    const { login } = await mount(client);
    await signInToCodeStep(login);
    expect(textOf(login.querySelector('[role="alert"] p'))).to.contain('Нет связи с сервером');
    expect(field(login, 'tel')?.value).to.equal('+7 999 000-00-01');
    fail = false;
    const retry = [...login.querySelectorAll('button')].find((b) => textOf(b) === 'Повторить');
    retry?.click();
    await settle(login);
    expect(login.step).to.equal('code');
  });

  it('asks for the SMS code with a one-time-code field, its expiry and the resend cooldown', async () => {
    const { login } = await mount();
    await signInToCodeStep(login);
    expect(login.step).to.equal('code');
    const code = field(login, 'one-time-code');
    expect(code?.getAttribute('inputmode')).to.equal('numeric');
    expect(deepActiveElement()).to.equal(code);
    expect(textOf(login)).to.contain('Мы отправили код на номер +7 999 ***-**-01.');
    expect(textOf(login)).to.contain('Код действует до 12:10.');
    const resend = [...login.querySelectorAll('button.diary-link')][0];
    expect(textOf(resend)).to.equal('Не пришло СМС? Новый код можно запросить через 1 минуту.');
    now = new Date(FAKE_NOW.getTime() + 39_000);
    login.requestUpdate();
    await settle(login);
    expect(textOf(resend)).to.equal('Не пришло СМС? Новый код можно запросить через 21 секунду.');
    expect(resend?.getAttribute('aria-disabled')).to.equal('true');
    await expect(login).to.be.accessible();
  });

  it('sends the code again once the cooldown is over', async () => {
    const { login, client } = await mount();
    await signInToCodeStep(login);
    const resend = () => login.querySelector<HTMLButtonElement>('button.diary-link');
    resend()?.click();
    await settle(login);
    expect(client.callsOf('auth.resend')).to.have.length(0);
    now = new Date(FAKE_NOW.getTime() + 61_000);
    login.requestUpdate();
    await settle(login);
    expect(textOf(resend())).to.equal('Не пришло СМС? Отправить код ещё раз');
    resend()?.click();
    await settle(login);
    expect(client.callsOf('auth.resend')).to.deep.equal([{ challengeId: 'chl_1' }]);
    expect(textOf(login.querySelector('[role="status"]'))).to.equal(
      'Мы отправили новый код на номер +7 999 ***-**-01.',
    );
  });

  it('accepts a code typed with spaces or hyphens and signs in', async () => {
    const { login, client } = await mount();
    await signInToCodeStep(login);
    typeInto(field(login, 'one-time-code'), '123 456');
    const signedIn = oneEvent(login, 'diary-login');
    await submit(login);
    expect((await signedIn).detail.user).to.deep.equal(PARENT);
    expect(client.callsOf('auth.verify')).to.deep.equal([{ challengeId: 'chl_1', code: '123456' }]);
    expect(textOf(login)).to.contain('Вы вошли как Елена Иванова.');
  });

  it('checks the code format and shows a wrong code on the code field', async () => {
    const { login } = await mount();
    await signInToCodeStep(login);
    typeInto(field(login, 'one-time-code'), '12345');
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal('Введите код из СМС — 6 цифр');
    typeInto(field(login, 'one-time-code'), '654321');
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'Неверный код — проверьте SMS и введите код ещё раз',
    );
    expect(field(login, 'one-time-code')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('says when the code has expired', async () => {
    const { login } = await mount();
    await signInToCodeStep(login);
    now = new Date(FAKE_NOW.getTime() + 11 * 60_000);
    login.requestUpdate();
    await settle(login);
    expect(textOf(login.querySelector('[role="alert"]'))).to.equal(
      'Срок действия кода истёк — запросите новый код',
    );
  });

  it('shows and hides the password with a toggle button', async () => {
    const { login } = await mount();
    const toggle = login.querySelector<HTMLButtonElement>('.diary-password-toggle');
    expect(toggle?.getAttribute('aria-label')).to.equal('Показать пароль');
    toggle?.click();
    await settle(login);
    expect(field(login, 'current-password')?.type).to.equal('text');
    expect(toggle?.getAttribute('aria-label')).to.equal('Скрыть пароль');
    toggle?.click();
    await settle(login);
    expect(field(login, 'current-password')?.type).to.equal('password');
  });

  it('resets a forgotten password with a code and a new password', async () => {
    const { login, client } = await mount();
    [...login.querySelectorAll('button')].find((b) => textOf(b) === 'Забыли пароль?')?.click();
    await settle(login);
    expect(login.step).to.equal('recovery-phone');
    typeInto(field(login, 'tel'), '8 999 000 00 01');
    await submit(login);
    expect(client.callsOf('auth.recoveryStart')).to.deep.equal([{ phone: '+79990000001' }]);
    expect(login.step).to.equal('recovery-code');
    typeInto(field(login, 'one-time-code'), '123456');
    expect(textOf(login.querySelector('[part~="hint"]:not([id*="code"])'))).to.contain('12');
    typeInto(field(login, 'new-password'), 'short');
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'Пароль должен быть не короче 12 символов',
    );
    typeInto(field(login, 'new-password'), 'новый-пароль-2026');
    await submit(login);
    expect(client.callsOf('auth.recoveryComplete')).to.deep.equal([
      { challengeId: 'chl_1', code: '123456', newPassword: 'новый-пароль-2026' },
    ]);
    expect(login.step).to.equal('credentials');
    expect(textOf(login.querySelector('[role="status"]'))).to.equal(
      'Пароль изменён. Войдите с новым паролем.',
    );
    await expect(login).to.be.accessible();
  });

  it('can be used with the keyboard alone', async () => {
    const { login } = await mount();
    field(login, 'tel')?.focus();
    await sendKeys({ type: '+79990000001' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(field(login, 'current-password'));
    await sendKeys({ type: 'school-diary-demo' });
    await sendKeys({ press: 'Enter' });
    await settle(login);
    expect(login.step).to.equal('code');
    expect(document.activeElement).to.equal(field(login, 'one-time-code'));
    const signedIn = oneEvent(login, 'diary-login');
    await sendKeys({ type: '123456' });
    await sendKeys({ press: 'Enter' });
    expect((await signedIn).detail.user.id).to.equal(PARENT.id);
  });

  it('moves focus to a field from its error summary link', async () => {
    const { login } = await mount();
    await submit(login);
    const links = login.querySelectorAll<HTMLAnchorElement>('.diary-summary a');
    links[1]?.click();
    expect(document.activeElement).to.equal(field(login, 'current-password'));
  });

  it('says who is signed in when a session already exists', async () => {
    const { login } = await mount(fakeClient());
    expect(textOf(login)).to.contain('Вы вошли как Елена Иванова.');
    expect(field(login, 'tel')).to.equal(null);
  });

  it('replaces its fallback text on every screen, signed in included', async () => {
    const { login } = await mount();
    expect(textOf(login)).not.to.contain('Загружаем');
    expect(textOf(login)).to.contain('Вход в электронный дневник');
    await signInToCodeStep(login);
    expect(textOf(login)).to.contain('Введите код из СМС');
    expect(textOf(login)).not.to.contain('Загружаем');
    typeInto(field(login, 'one-time-code'), '123456');
    await submit(login);
    expect(textOf(login)).to.contain('Вы вошли как');
    expect(textOf(login)).not.to.contain('Загружаем');
  });

  it('changes nothing in the page until it has a client, then renders', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const login = await fixture<DiaryLogin>(
        html`<diary-login>Загружаем форму входа…</diary-login>`,
      );
      await settle(login);
      expect(login.innerHTML).to.equal('Загружаем форму входа…');
      expect(warnings.join('\n')).to.contain('no <diary-provider>');
      const provider = document.createElement('diary-provider');
      login.replaceWith(provider);
      provider.append(login);
      provider.client = fakeClient({ signedIn: false });
      await settle(provider);
      await settle(login);
      expect(textOf(login)).not.to.contain('Загружаем');
      expect(field(login, 'tel')).not.to.equal(null);
    } finally {
      console.warn = warn;
    }
  });

  it('signs out from the signed-in state and shows the form again', async () => {
    const { login, client } = await mount(fakeClient());
    const signOut = [...login.querySelectorAll('button')].find((b) => textOf(b) === 'Выйти');
    expect(signOut?.getAttribute('part')).to.equal('button sign-out');
    await expect(login).to.be.accessible();
    const out = oneEvent(login, 'diary-logout');
    signOut?.click();
    await out;
    await settle(login);
    expect(client.callsOf('auth.logout')).to.have.length(1);
    expect(field(login, 'tel')).not.to.equal(null);
    expect(textOf(login)).not.to.contain('Вы вошли как');
  });

  it('names its pieces with parts, and rings the focused error alert like every other control', async () => {
    const client = fakeClient({ signedIn: false });
    client.auth.login = async () => {
      throw networkError();
    };
    const { login } = await mount(client);
    for (const part of ['base', 'form', 'heading', 'field', 'label', 'input', 'button', 'link'])
      expect(login.querySelector(`[part~="${part}"]`), part).not.to.equal(null);
    expect(login.querySelector('[part~="submit"]')?.getAttribute('type')).to.equal('submit');
    await signInToCodeStep(login);
    const failure = login.querySelector('[part~="failure"]') as HTMLElement;
    expect(document.activeElement).to.equal(failure);
    const ring = getComputedStyle(failure);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineColor).to.equal('rgb(13, 76, 211)');
  });
});

describe('<diary-login> registration', () => {
  const button = (login: DiaryLogin, text: string) =>
    [...login.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text);
  const input = (login: DiaryLogin, name: string) =>
    login.querySelector<HTMLInputElement>(`input[name="${name}"]`);

  /** Presses the button (the step is loaded on first use) and waits for the form. */
  async function openForm(login: DiaryLogin, text = 'Зарегистрироваться') {
    button(login, text)?.click();
    await formShown(login);
  }

  async function formShown(login: DiaryLogin) {
    await waitUntil(() => input(login, 'snils'), 'the registration form did not open');
    await settle(login);
  }

  function fillForm(login: DiaryLogin, changes: Record<string, string> = {}) {
    const values: Record<string, string> = {
      lastName: 'Новикова',
      firstName: 'Светлана',
      middleName: '',
      phone: '8 (999) 555-01-01',
      email: '',
      snils: '112-233-445 95',
      passport: '45 12 345678',
      password: 'три слова подряд',
      ...changes,
    };
    for (const [name, value] of Object.entries(values)) typeInto(input(login, name), value);
  }

  it('opens a labelled form with autocomplete from the sign-in step and focuses its first field', async () => {
    const { login } = await mount();
    await openForm(login);
    expect(login.step).to.equal('register');
    expect(textOf(login.querySelector('h2'))).to.equal('Регистрация родителя');
    expect(document.activeElement).to.equal(input(login, 'lastName'));
    const autocomplete = (name: string) => input(login, name)?.getAttribute('autocomplete');
    expect(autocomplete('lastName')).to.equal('family-name');
    expect(autocomplete('firstName')).to.equal('given-name');
    expect(autocomplete('phone')).to.equal('tel');
    expect(autocomplete('email')).to.equal('email');
    expect(autocomplete('password')).to.equal('new-password');
    for (const name of ['lastName', 'snils', 'passport', 'password']) {
      const id = input(login, name)?.id;
      expect(login.querySelector(`label[for="${id}"]`), name).not.to.equal(null);
    }
    await expect(login).to.be.accessible();
  });

  it('registers, confirms the phone with the SMS code and signs the parent in', async () => {
    const { login, client } = await mount();
    await openForm(login);
    fillForm(login, { middleName: 'Петровна', email: ' sveta@example.ru ' });
    await submit(login);
    expect(client.callsOf('auth.register')).to.deep.equal([
      {
        phone: '+79995550101',
        password: 'три слова подряд',
        lastName: 'Новикова',
        firstName: 'Светлана',
        middleName: 'Петровна',
        email: 'sveta@example.ru',
        snils: '112-233-445 95',
        passport: '45 12 345678',
      },
    ]);
    expect(login.step).to.equal('register-code');
    expect(textOf(login.querySelector('h2'))).to.equal('Подтвердите номер телефона');
    expect(deepActiveElement()).to.equal(field(login, 'one-time-code'));
    expect(textOf(login)).to.contain('Новый код можно запросить через 1 минуту');
    now = new Date(FAKE_NOW.getTime() + 61_000);
    login.requestUpdate();
    await settle(login);
    button(login, 'Не пришло СМС? Отправить код ещё раз')?.click();
    await settle(login);
    expect(client.callsOf('auth.resend')).to.deep.equal([{ challengeId: 'chl_1' }]);
    typeInto(field(login, 'one-time-code'), '123456');
    await submit(login);
    expect(client.callsOf('auth.confirmIdentity')).to.deep.equal([
      { challengeId: 'chl_2', code: '123456' },
    ]);
    expect(client.callsOf('auth.login')).to.deep.equal([
      { phone: '+79995550101', password: 'три слова подряд' },
    ]);
    expect(login.step).to.equal('code');
    expect(textOf(login.querySelector('[role="status"]'))).to.contain('учётная запись создана');
    expect(deepActiveElement()).to.equal(field(login, 'one-time-code'));
    typeInto(field(login, 'one-time-code'), '123456');
    const signedIn = oneEvent(login, 'diary-login');
    await submit(login);
    expect((await signedIn).detail.user.id).to.equal('usr_new');
    expect(textOf(login)).to.contain('Вы вошли как Светлана Новикова.');
  });

  it('registers over the in-memory client, without a server, and signs the new parent in', async () => {
    const client = createMemoryClient({ signedInAs: null, now: () => new Date() });
    const provider = await fixture(
      html`<diary-provider .client=${client} lang="ru"
        ><diary-login></diary-login
      ></diary-provider>`,
    );
    const login = provider.querySelector('diary-login') as DiaryLogin;
    await settle(login);
    await openForm(login);
    fillForm(login, { snils: '987-654-321 83' });
    login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitUntil(() => login.step === 'register-code', 'no code step after registering');
    await settle(login);
    typeInto(field(login, 'one-time-code'), MEMORY_CODE);
    login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitUntil(() => login.step === 'code', 'no sign-in code step after confirming');
    await settle(login);
    expect(
      client.memory.data.users.find((u) => u.phone === '+79995550101')?.identityStatus,
    ).to.equal('confirmed_sms');
    typeInto(field(login, 'one-time-code'), MEMORY_CODE);
    const signedIn = oneEvent(login, 'diary-login');
    login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect((await signedIn).detail.user.lastName).to.equal('Новикова');
    client.close();
  });

  it('rejects a SNILS whose check number does not match, on its field, before any request', async () => {
    const { login, client } = await mount();
    await openForm(login);
    fillForm(login, { snils: '112-233-445 96', passport: '4512' });
    await submit(login);
    const links = [...login.querySelectorAll('.diary-summary a')].map(textOf);
    expect(links).to.deep.equal([
      'Контрольное число СНИЛС не совпадает — проверьте цифры',
      'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
    ]);
    expect(document.activeElement).to.equal(login.querySelector('.diary-summary'));
    expect(input(login, 'snils')?.getAttribute('aria-invalid')).to.equal('true');
    expect(client.callsOf('auth.register')).to.have.length(0);
    await expect(login).to.be.accessible();
  });

  it('speaks English on the registration form', async () => {
    const { login } = await mount(fakeClient({ signedIn: false }), 'en');
    await openForm(login, 'Create an account');
    fillForm(login, { snils: '112-233-445 96' });
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'The SNILS check number does not match — check the digits',
    );
  });

  it('puts the server’s field errors on their fields: a taken phone, a common password', async () => {
    const client = fakeClient({ signedIn: false });
    const { login } = await mount(client);
    await openForm(login);
    fillForm(login, { phone: '+7 999 000-00-01' });
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'На этот номер уже есть учётная запись — войдите или восстановите пароль',
    );
    expect(input(login, 'phone')?.getAttribute('aria-invalid')).to.equal('true');
    expect(login.step).to.equal('register');
    client.auth.register = async () => {
      throw apiError(400, 'validation_failed', {
        fields: [{ path: 'password', code: 'weak_password', message: 'x' }],
      });
    };
    typeInto(input(login, 'phone'), '+7 999 555-01-01');
    await submit(login);
    expect([...login.querySelectorAll('.diary-summary a')].map(textOf)).to.deep.equal([
      'Этот пароль слишком распространён или уже утёк — придумайте фразу из нескольких слов',
    ]);
    expect(input(login, 'lastName')?.value).to.equal('Новикова');
  });

  it('shows a wrong code on the code field and stays on the confirmation', async () => {
    const { login, client } = await mount();
    await openForm(login);
    fillForm(login);
    await submit(login);
    typeInto(field(login, 'one-time-code'), '654321');
    await submit(login);
    expect(textOf(login.querySelector('.diary-summary a'))).to.equal(
      'Неверный код — проверьте SMS и введите код ещё раз',
    );
    expect(field(login, 'one-time-code')?.getAttribute('aria-invalid')).to.equal('true');
    expect(login.step).to.equal('register-code');
    expect(client.callsOf('auth.login')).to.have.length(0);
  });

  it('fits a 360 px phone in English with its errors shown, without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const { login } = await mount(fakeClient({ signedIn: false }), 'en');
      await openForm(login, 'Create an account');
      await submit(login);
      expect(login.querySelectorAll('.diary-summary a').length).to.equal(6);
      expect(login.scrollWidth).to.be.at.most(login.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      await expect(login).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('is reached and filled with the keyboard alone', async () => {
    const { login } = await mount();
    button(login, 'Зарегистрироваться')?.focus();
    await sendKeys({ press: 'Enter' });
    await formShown(login);
    expect(document.activeElement).to.equal(input(login, 'lastName'));
    await sendKeys({ type: 'Новикова' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(input(login, 'firstName'));
  });

  it('goes back to sign-in from the registration form', async () => {
    const { login } = await mount();
    await openForm(login);
    button(login, 'Уже есть учётная запись? Войти')?.click();
    await settle(login);
    expect(login.step).to.equal('credentials');
    expect(document.activeElement).to.equal(field(login, 'tel'));
  });
});
