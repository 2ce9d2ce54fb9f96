/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { diaryServerUrl } from '../test-support/diary-server';
import { observeLazyTags, type DiaryLoadErrorDetail, type LazyLoader } from './lazy-loader';

// This file imports no define entry: every kit tag here is defined by the loader alone.
describe('observeLazyTags (the one-script embed)', () => {
  const loaders: LazyLoader[] = [];
  afterEach(() => {
    for (const loader of loaders.splice(0)) loader.disconnect();
  });

  it('loads only the code of the tags on the page: a login page gets no child form', async () => {
    const url = await diaryServerUrl();
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const loader = observeLazyTags(page);
    loaders.push(loader);
    expect(loader.requested).to.deep.equal([]);
    // session="memory": a session kept by an earlier test file on this origin is not read.
    page.innerHTML = `<diary-provider base-url="${url}" session="memory"><diary-login></diary-login></diary-provider>`;
    await customElements.whenDefined('diary-login');
    await customElements.whenDefined('diary-provider');
    expect(loader.requested).to.deep.equal(['diary-provider', 'diary-login']);
    expect(customElements.get('diary-child-form')).to.equal(undefined);
    const login = page.querySelector('diary-login') as LitElement;
    await waitUntil(() => login.querySelector('input'), 'the lazily loaded login did not render');
    await expect(page).to.be.accessible();
  });

  it('finds tags already on the page and tags nested deep in added markup', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div><diary-child-form></diary-child-form></div>`,
    );
    const loader = observeLazyTags(page);
    loaders.push(loader);
    expect(loader.requested).to.deep.equal(['diary-child-form']);
    await customElements.whenDefined('diary-child-form');

    const calls: string[] = [];
    const custom = observeLazyTags(page, {
      tags: { 'lazy-test-deep': async () => void calls.push('lazy-test-deep') },
    });
    loaders.push(custom);
    page.insertAdjacentHTML(
      'beforeend',
      '<section><p><lazy-test-deep></lazy-test-deep></p></section>',
    );
    await waitUntil(() => calls.length === 1, 'nested tag not loaded');
    page.append(document.createElement('lazy-test-deep'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).to.deep.equal(['lazy-test-deep']);
  });

  it('leaves alone a tag that is already defined (a bundler build of the kit)', async () => {
    customElements.define('lazy-test-defined', class extends HTMLElement {});
    let calls = 0;
    const page = await fixture<HTMLDivElement>(
      html`<div><lazy-test-defined></lazy-test-defined></div>`,
    );
    loaders.push(
      observeLazyTags(page, { tags: { 'lazy-test-defined': async () => void calls++ } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).to.equal(0);
  });

  it('reports a failed load with diary-load-error and tries again when the tag appears again', async () => {
    const failure = new Error('network down');
    let attempts = 0;
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      const loader = observeLazyTags(page, {
        tags: {
          'lazy-test-flaky': () => (++attempts === 1 ? Promise.reject(failure) : Promise.resolve()),
        },
      });
      loaders.push(loader);
      const reported = oneEvent(page, 'diary-load-error');
      page.append(document.createElement('lazy-test-flaky'));
      const { detail } = (await reported) as CustomEvent<DiaryLoadErrorDetail>;
      expect(detail.tag).to.equal('lazy-test-flaky');
      expect(detail.error).to.equal(failure);
      expect(String(errors[0])).to.contain('lazy-test-flaky');
      page.append(document.createElement('lazy-test-flaky'));
      await waitUntil(() => attempts === 2, 'no second attempt');
      await loader.load('lazy-test-flaky');
      expect(attempts).to.equal(2);
    } finally {
      console.error = consoleError;
    }
  });

  it('asks for all of a tag’s chunks at once when the tag appears, each chunk once', async () => {
    const chunk = (name: string) => `data:text/javascript,export const ${name} = 1;`;
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const loader = observeLazyTags(page, {
      tags: { 'lazy-test-pre': async () => undefined, 'lazy-test-pre2': async () => undefined },
      chunks: {
        'lazy-test-pre': [chunk('own'), chunk('shared')],
        'lazy-test-pre2': [chunk('other'), chunk('shared')],
      },
    });
    loaders.push(loader);
    const preloads = () =>
      [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')]
        .map((link) => link.href)
        .filter((href) => href.startsWith('data:'));
    page.append(document.createElement('lazy-test-pre'));
    await waitUntil(() => preloads().length === 2, 'the chunks were not preloaded');
    page.append(document.createElement('lazy-test-pre2'));
    await waitUntil(() => preloads().length === 3, 'the second tag’s own chunk was not preloaded');
    expect(preloads()).to.deep.equal([chunk('own'), chunk('shared'), chunk('other')]);
  });

  it('refuses to load a tag that is not part of the kit', async () => {
    const loader = observeLazyTags(await fixture(html`<div></div>`));
    loaders.push(loader);
    let message = '';
    await loader.load('diary-nonexistent').catch((error: Error) => (message = error.message));
    expect(message).to.contain('<diary-nonexistent> is not an element of the kit');
  });

  it('stops watching after disconnect', async () => {
    let calls = 0;
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    observeLazyTags(page, { tags: { 'lazy-test-late': async () => void calls++ } }).disconnect();
    page.append(document.createElement('lazy-test-late'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).to.equal(0);
  });
});
