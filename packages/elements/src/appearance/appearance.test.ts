/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl } from '../test-support/diary-server';
import { settle } from '../test-support/dom';
import { applyAppearance, resolveAppearance } from './appearance';

describe('appearance: theme and variables without CSS', () => {
  it('turns variables into the public tokens', () => {
    const result = resolveAppearance({
      theme: 'dark',
      variables: {
        colorPrimary: '#006644',
        borderRadius: '4px',
        fontFamily: "'PT Sans', sans-serif",
      },
    });
    expect(result.issues).to.deep.equal([]);
    expect(result.theme).to.equal('dark');
    expect(result.tokens).to.deep.equal({
      '--diary-color-primary': '#006644',
      '--diary-radius': '4px',
      '--diary-font-family': "'PT Sans', sans-serif",
    });
  });

  it('names each bad part by its path, in Russian and English, and keeps the good parts', () => {
    const input = {
      theme: 'purple',
      colours: {},
      variables: {
        colorPrimary: 'not-a-colour',
        colorText: '#111111',
        borderRadius: 'round',
        colorPrimry: '#000',
        fontFamily: 42,
      },
    };
    const ru = resolveAppearance(input, 'ru');
    expect(ru.issues.map((i) => [i.path, i.code])).to.deep.equal([
      ['theme', 'bad_theme'],
      ['colours', 'unknown_key'],
      ['variables.colorPrimary', 'bad_color'],
      ['variables.borderRadius', 'bad_length'],
      ['variables.colorPrimry', 'unknown_variable'],
      ['variables.fontFamily', 'bad_font'],
    ]);
    expect(ru.tokens).to.deep.equal({ '--diary-color-text': '#111111' });
    expect(ru.issues[2]?.message).to.equal(
      'variables.colorPrimary: «not-a-colour» — не цвет CSS; укажите, например, #0d4cd3',
    );
    const en = resolveAppearance(input, 'en');
    expect(en.issues[0]?.message).to.equal('theme: the theme must be light, dark or auto');
  });

  it('refuses values that try to break out of the declaration', () => {
    for (const value of [
      'red; background: url(https://evil.example/x)',
      'red}body{display:none',
      'url(x)',
    ]) {
      const { tokens, issues } = resolveAppearance({ variables: { colorPrimary: value } });
      expect(tokens, value).to.deep.equal({});
      expect(issues[0]?.code, value).to.equal('bad_color');
    }
  });

  it('answers bad JSON and non-objects with an issue, never a throw', () => {
    expect(resolveAppearance('{theme: dark').issues[0]?.code).to.equal('bad_json');
    expect(resolveAppearance('[1, 2]').issues[0]?.code).to.equal('not_object');
    expect(resolveAppearance(7).issues[0]?.code).to.equal('not_object');
    expect(resolveAppearance({ variables: 'blue' }).issues[0]?.path).to.equal('variables');
    expect(resolveAppearance(undefined).issues).to.deep.equal([]);
  });

  it('removes the tokens a previous appearance set when a new one drops them', () => {
    const el = document.createElement('div');
    applyAppearance(el, { variables: { colorPrimary: '#006644', spacingUnit: '6px' } });
    expect(el.style.getPropertyValue('--diary-spacing')).to.equal('6px');
    applyAppearance(el, { variables: { colorPrimary: '#123456' } });
    expect(el.style.getPropertyValue('--diary-spacing')).to.equal('');
    expect(el.style.getPropertyValue('--diary-color-primary')).to.equal('#123456');
  });

  it('styles every widget inside a provider given the appearance attribute', async () => {
    const url = await diaryServerUrl();
    const appearance = JSON.stringify({ theme: 'dark', variables: { colorPrimary: '#8fd19e' } });
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} appearance=${appearance}>
        <diary-login></diary-login>
      </diary-provider>`,
    );
    await settle(provider);
    const login = provider.querySelector('diary-login') as HTMLElement;
    await waitUntil(() => login.querySelector('button[type="submit"]'), 'login not rendered');
    expect(provider.getAttribute('theme')).to.equal('dark');
    const button = login.querySelector('button[type="submit"]') as HTMLElement;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(143, 209, 158)');
    await expect(provider).to.be.accessible();
  });

  it('warns about a bad appearance attribute and renders on', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const provider = await fixture<DiaryProvider>(
        html`<diary-provider
          lang="en"
          appearance='{"variables":{"colorPrimary":"nope"}}'
        ></diary-provider>`,
      );
      await settle(provider);
      expect(String(warnings[0])).to.contain('variables.colorPrimary: "nope" is not a CSS colour');
      provider.setAttribute('appearance', '{oops');
      await settle(provider);
      expect(String(warnings[1])).to.contain('not JSON');
      expect(provider.style.getPropertyValue('--diary-color-primary')).to.equal('');
    } finally {
      console.warn = warn;
    }
  });
});
