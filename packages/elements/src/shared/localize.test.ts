/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { resolveLang, sharedText, translator } from './localize';

describe('translator', () => {
  const t = translator({
    hi: ['Привет, {name}', 'Hello, {name}'],
    bye: ['Пока', 'Bye'],
  });

  it('reads the Russian text first and the English second', () => {
    expect(t('ru', 'bye')).to.equal('Пока');
    expect(t('en', 'bye')).to.equal('Bye');
  });

  it('fills placeholders in either language', () => {
    expect(t('ru', 'hi', { name: 'Анна' })).to.equal('Привет, Анна');
    expect(t('en', 'hi', { name: 'Anna' })).to.equal('Hello, Anna');
  });

  it('leaves a placeholder without a value as written, never "undefined"', () => {
    expect(t('en', 'hi')).to.not.contain('undefined');
    expect(t('en', 'hi', {})).to.not.contain('undefined');
  });

  it('gives every shared text in both languages, different from each other', () => {
    for (const key of ['loading', 'retry', 'signedOut', 'noProvider', 'noClient'] as const) {
      const ru = sharedText('ru', key);
      const en = sharedText('en', key);
      expect(ru, key).to.match(/[а-яё]/i);
      expect(en, key).to.match(/^[^а-яё]+$/i);
    }
  });
});

describe('resolveLang', () => {
  it('takes the first supported language among region-tagged candidates', () => {
    expect(resolveLang(undefined, 'en-US')).to.equal('en');
    expect(resolveLang('RU', 'en')).to.equal('ru');
  });

  it('falls back to Russian for unknown, empty or missing languages', () => {
    expect(resolveLang('de', '', null, undefined, '  ')).to.equal('ru');
    expect(resolveLang()).to.equal('ru');
  });
});
