/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { KIT_VERSION, defineElement } from './define';

class First extends LitElement {
  static readonly kitVersion = KIT_VERSION;
}

describe('defineElement', () => {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('registers a free tag', () => {
    expect(defineElement('diary-test-free', First)).to.equal(true);
    expect(customElements.get('diary-test-free')).to.equal(First);
  });

  it('warns about a version clash instead of throwing when a second copy defines the tag', () => {
    class Clash extends First {}
    defineElement('diary-test-clash', Clash);
    class OtherCopy extends LitElement {
      static readonly kitVersion = '9.9.9';
    }
    expect(defineElement('diary-test-clash', OtherCopy)).to.equal(false);
    expect(customElements.get('diary-test-clash')).to.equal(Clash);
    expect(String(warnings[0]?.[0])).to.contain(`@school-diary/elements ${KIT_VERSION}`);
    expect(String(warnings[0]?.[0])).to.contain('9.9.9');
  });

  it('stays quiet when the same version is loaded twice', () => {
    defineElement('diary-test-same', class extends First {});
    class SameVersion extends LitElement {
      static readonly kitVersion = KIT_VERSION;
    }
    expect(defineElement('diary-test-same', SameVersion)).to.equal(false);
    expect(warnings).to.have.length(0);
  });

  it('warns instead of throwing when the class is already registered under another tag', () => {
    expect(defineElement('diary-test-renamed', First)).to.equal(false);
    expect(String(warnings[0]?.[0])).to.contain('<diary-test-renamed> could not be defined');
  });

  it('reports the version of package.json', async () => {
    const pkg = (await (await fetch('/packages/elements/package.json')).json()) as {
      version: string;
    };
    expect(KIT_VERSION).to.equal(pkg.version);
  });
});
