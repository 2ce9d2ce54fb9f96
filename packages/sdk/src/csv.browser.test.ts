import '../test-support/mocha-globals';
import { expect } from '@open-wc/testing';
import { downloadCsv } from './csv';

interface UrlStatics {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

describe('downloadCsv (Chromium)', () => {
  it('offers the text as a file with a byte-order mark, and returns it', async () => {
    const statics = URL as unknown as UrlStatics;
    const original = statics.createObjectURL;
    const blobs: Blob[] = [];
    statics.createObjectURL = (blob) => {
      blobs.push(blob);
      return original.call(URL, blob);
    };
    try {
      expect(downloadCsv('Дата;Оценка\r\n01.09.2026;5\r\n', 'оценки.csv')).to.equal(
        'Дата;Оценка\r\n01.09.2026;5\r\n',
      );
    } finally {
      statics.createObjectURL = original;
    }
    expect(blobs.length).to.equal(1);
    expect(blobs[0]?.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });
});
