/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define';
import type { DiaryChildForm } from '../child-form/diary-child-form';
import type { DiaryLogin } from '../login/diary-login';
import { settle, textOf } from '../test-support/dom';
import { fakeClient } from '../test-support/fake-client';
import { DiaryProvider } from './diary-provider';

describe('<diary-provider>', () => {
  it('hands its client to every widget inside it, through nested markup and shadow roots', async () => {
    const client = fakeClient();
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}>
        <section>
          <div><diary-login></diary-login></div>
        </section>
        <diary-child-form></diary-child-form>
      </diary-provider>`,
    );
    const login = provider.querySelector('diary-login') as DiaryLogin;
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    await settle(login);
    await settle(form);
    expect(textOf(login)).to.contain('Вы вошли как Елена Иванова.');
    expect(form.shadowRoot?.querySelector('#lastName')).not.to.equal(null);
    await expect(provider).to.be.accessible();
  });

  it('creates an SDK client from base-url', async () => {
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider base-url="http://127.0.0.1:9"></diary-provider>`,
    );
    const client = provider.activeClient;
    expect(client?.auth.login).to.be.a('function');
    expect(client?.session.user).to.equal(undefined);
  });

  it('checks answers against the contract only with validate-responses', async () => {
    // The server answers a school search with a list that breaks the contract.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async () =>
      new Response(JSON.stringify({ items: 'нет', total: 0, page: 1, pageSize: 20 }), {
        headers: { 'content-type': 'application/json' },
      });
    try {
      const trusting = await fixture<DiaryProvider>(
        html`<diary-provider base-url="https://diary.test"></diary-provider>`,
      );
      const checking = await fixture<DiaryProvider>(
        html`<diary-provider base-url="https://diary.test" validate-responses></diary-provider>`,
      );
      expect(checking.validateResponses).to.equal(true);
      const passed = await trusting.activeClient?.schools.search({ q: 'Лицей' });
      expect(passed?.items).to.equal('нет');
      const error = await checking.activeClient?.schools.search({ q: 'Лицей' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error | undefined)?.name).to.equal('DiaryContractError');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('says so when it has neither a client nor a base-url (the login keeps its fallback)', async () => {
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider
        ><diary-child-form></diary-child-form><diary-login>Загружаем…</diary-login></diary-provider
      >`,
    );
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    const login = provider.querySelector('diary-login') as DiaryLogin;
    await settle(form);
    await settle(login);
    expect(textOf(form.shadowRoot?.querySelector('[role="alert"]'))).to.contain(
      'укажите адрес сервера в атрибуте base-url',
    );
    expect(login.innerHTML).to.equal('Загружаем…');
  });

  it("sets the widgets' language; a widget's own lang wins", async () => {
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${fakeClient({ signedIn: false })} lang="en">
        <diary-login id="a"></diary-login>
        <diary-login id="b" lang="ru"></diary-login>
      </diary-provider>`,
    );
    const [a, b] = [...provider.querySelectorAll('diary-login')] as DiaryLogin[];
    await settle(a as DiaryLogin);
    await settle(b as DiaryLogin);
    expect(textOf(a?.querySelector('h2'))).to.equal('Sign in to the e-diary');
    expect(a?.querySelector('.diary-base')?.getAttribute('lang')).to.equal('en');
    expect(textOf(b?.querySelector('h2'))).to.equal('Вход в электронный дневник');
    provider.lang = 'ru';
    await settle(a as DiaryLogin);
    expect(textOf(a?.querySelector('h2'))).to.equal('Вход в электронный дневник');
  });

  it('tells its widgets when someone signs in or out', async () => {
    const client = fakeClient({ signedIn: false });
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}
        ><diary-child-form></diary-child-form
      ></diary-provider>`,
    );
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    await settle(form);
    expect(form.shadowRoot?.querySelector('#lastName')).to.equal(null);
    client.signIn();
    await settle(form);
    expect(form.shadowRoot?.querySelector('#lastName')).not.to.equal(null);
    client.signOut();
    await settle(form);
    expect(form.shadowRoot?.querySelector('#lastName')).to.equal(null);
  });

  it('reaches widgets that were upgraded before it (scripts loaded in another order)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<late-diary-provider><diary-login>Загружаем…</diary-login></late-diary-provider>`,
    );
    const login = wrapper.querySelector('diary-login') as DiaryLogin;
    await settle(login);
    expect(textOf(login)).to.equal('Загружаем…');
    const late = wrapper as unknown as DiaryProvider;
    customElements.define('late-diary-provider', class extends DiaryProvider {});
    late.client = fakeClient({ signedIn: false });
    await settle(login);
    expect(login.querySelector('input[autocomplete="tel"]')).not.to.equal(null);
  });

  it('themes every widget inside it: dark tokens, or the site’s own', async () => {
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${fakeClient()} theme="dark">
        <diary-child-form></diary-child-form>
        <diary-login></diary-login>
      </diary-provider>`,
    );
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    const login = provider.querySelector('diary-login') as DiaryLogin;
    await settle(form);
    const primary = (el: Element) => getComputedStyle(el).getPropertyValue('--_primary').trim();
    expect(primary(form)).to.equal('#8fb1ff');
    expect(primary(login)).to.equal('#8fb1ff');
    form.reportValidity();
    await settle(form);
    await expect(provider).to.be.accessible();
    provider.style.setProperty('--diary-color-primary', '#006644');
    expect(primary(form)).to.equal('#006644');
    expect(primary(login)).to.equal('#006644');
    provider.theme = 'light';
    provider.style.removeProperty('--diary-color-primary');
    await settle(form);
    expect(primary(form)).to.equal('#0d4cd3');
  });

  it('exposes inner parts for ::part styling', async () => {
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${fakeClient()}
        ><diary-child-form></diary-child-form
      ></diary-provider>`,
    );
    const form = provider.querySelector('diary-child-form') as DiaryChildForm;
    await settle(form);
    const parts = new Set(
      [...(form.shadowRoot?.querySelectorAll('[part]') ?? [])].flatMap((el) =>
        (el.getAttribute('part') ?? '').split(/\s+/),
      ),
    );
    for (const part of [
      'base',
      'field',
      'label',
      'hint',
      'input',
      'legend',
      'radio',
      'button',
      'submit',
    ]) {
      expect(parts.has(part), part).to.equal(true);
    }
  });

  it("leaves the page's own content inside it exactly as outside, in every theme", async () => {
    const PROPS = [
      'color',
      'font-family',
      'font-size',
      'line-height',
      'color-scheme',
      'background-color',
    ];
    const content = (side: string) =>
      html`<section data-side=${side}>
        <h2>Новости школы</h2>
        <p>Текст страницы со <a href="#news">ссылкой</a>.</p>
        <button type="button">Кнопка сайта</button>
        <select aria-label="Класс">
          <option>5А</option>
        </select>
      </section>`;
    const themes: { theme?: string; appearance?: unknown }[] = [
      {},
      { theme: 'dark' },
      { theme: 'auto' },
      {
        appearance: { theme: 'dark', variables: { colorPrimary: '#6fd39f', fontFamily: 'serif' } },
      },
    ];
    for (const { theme, appearance } of themes) {
      const page = await fixture<HTMLElement>(
        html`<div class="host-page">
          ${content('outside')}
          <diary-provider
            .client=${fakeClient()}
            theme=${theme ?? 'light'}
            .appearance=${appearance}
          >
            ${content('inside')}<diary-login></diary-login>
          </diary-provider>
        </div>`,
      );
      const provider = page.querySelector('diary-provider') as DiaryProvider;
      await settle(provider);
      for (const tag of ['h2', 'p', 'a', 'button', 'select']) {
        const out = getComputedStyle(page.querySelector(`[data-side="outside"] ${tag}`) as Element);
        const inside = getComputedStyle(
          page.querySelector(`[data-side="inside"] ${tag}`) as Element,
        );
        for (const prop of PROPS)
          expect(
            inside.getPropertyValue(prop),
            `${tag} ${prop} (${theme ?? 'appearance'})`,
          ).to.equal(out.getPropertyValue(prop));
      }
    }
  });

  it('takes a client set as a property before the element was defined (Vue, late registration)', async () => {
    const client = fakeClient({ signedIn: false });
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    const early = document.createElement('pre-upgrade-provider') as DiaryProvider;
    early.client = client;
    early.innerHTML = '<diary-login>Загружаем…</diary-login>';
    holder.append(early);
    customElements.define('pre-upgrade-provider', class extends DiaryProvider {});
    await settle(early);
    expect(early.activeClient).to.equal(client);
    const login = early.querySelector('diary-login') as DiaryLogin;
    await settle(login);
    expect(login.querySelector('input[autocomplete="tel"]')).not.to.equal(null);
  });

  it('never takes "[object Object]" as configuration, and says how to fix it', async () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    const [error, warn] = [console.error, console.warn];
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const provider = await fixture<DiaryProvider>(
        html`<diary-provider
          client="[object Object]"
          appearance="[object Object]"
        ></diary-provider>`,
      );
      await settle(provider);
      provider.requestUpdate();
      await settle(provider);
      expect(provider.activeClient).to.equal(undefined);
      expect(errors.filter((e) => e.includes('[object Object]'))).to.have.length(2);
      expect(errors.join('\n')).to.contain(':client.prop');
      expect(warnings.join('\n')).not.to.contain('appearance');
    } finally {
      [console.error, console.warn] = [error, warn];
    }
  });
});
