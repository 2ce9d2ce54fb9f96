import '../test-support/mocha-globals';
import { expect, waitUntil } from '@open-wc/testing';
import { saveFile } from './save-file';

// The SDK compiles without the DOM library (it runs in Node too): the little of it used here.
interface Anchor {
  readonly download: string;
  readonly href: string;
}
const page = globalThis as unknown as {
  HTMLAnchorElement: { prototype: { click(this: Anchor): void } };
  document: { querySelector(selector: string): unknown };
};
const urls = URL as unknown as { revokeObjectURL(url: string): void };

describe('saveFile (Chromium)', () => {
  it('offers the blob under its name through an object URL, revoked afterwards', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    const offered: { name: string; href: string; bytes: Promise<ArrayBuffer> }[] = [];
    const revoked: string[] = [];
    const click = page.HTMLAnchorElement.prototype.click;
    const revoke = urls.revokeObjectURL;
    page.HTMLAnchorElement.prototype.click = function (this: Anchor) {
      offered.push({
        name: this.download,
        href: this.href,
        bytes: fetch(this.href).then((r) => r.arrayBuffer()),
      });
    };
    urls.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke.call(urls, url);
    };
    try {
      expect(saveFile(new Blob([bytes], { type: 'application/pdf' }), 'справка.pdf')).to.equal(
        true,
      );
      await waitUntil(() => revoked.length === 1, 'the object URL was not revoked');
    } finally {
      page.HTMLAnchorElement.prototype.click = click;
      urls.revokeObjectURL = revoke;
    }
    expect(offered.length).to.equal(1);
    expect(offered[0]?.name).to.equal('справка.pdf');
    expect(revoked).to.deep.equal([offered[0]?.href]);
    expect([...new Uint8Array(await (offered[0] as (typeof offered)[0]).bytes)]).to.deep.equal([
      ...bytes,
    ]);
    expect(page.document.querySelector('a[download]')).to.equal(null);
  });
});
