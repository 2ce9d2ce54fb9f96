import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downloadCsv } from './csv';

describe('downloadCsv', () => {
  it('returns the text where there is no document to download to (Node)', () => {
    assert.equal(downloadCsv('a;b\r\n1;2\r\n', 'marks.csv'), 'a;b\r\n1;2\r\n');
  });
});
