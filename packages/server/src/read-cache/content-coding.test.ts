import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codedTag, matches, preferredCoding } from './content-coding';

describe('content coding of cached bodies', () => {
  it('prefers brotli, then gzip, as a browser accepts them', () => {
    assert.equal(preferredCoding('gzip, deflate, br'), 'br');
    assert.equal(preferredCoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(preferredCoding('gzip'), 'gzip');
    assert.equal(preferredCoding('*'), 'br');
    assert.equal(preferredCoding(undefined), 'identity');
    assert.equal(preferredCoding('deflate'), 'identity');
  });

  it('honours a coding refused with q=0, by name or by *', () => {
    assert.equal(preferredCoding('gzip, br;q=0'), 'gzip');
    assert.equal(preferredCoding('br;q=0, gzip;q=0'), 'identity');
    assert.equal(preferredCoding('*;q=0, gzip'), 'gzip');
    assert.equal(preferredCoding('gzip;q=0.5, br;q=0.0'), 'gzip');
  });

  it('gives each coding its own strong tag and compares If-None-Match weakly', () => {
    assert.equal(codedTag('"a-1"', 'identity'), '"a-1"');
    assert.equal(codedTag('"a-1"', 'gzip'), '"a-1.gz"');
    assert.equal(codedTag('"a-1"', 'br'), '"a-1.br"');
    assert.ok(matches('W/"a-1.br", "b"', '"a-1.br"'));
    assert.ok(matches('*', '"x"'));
    assert.ok(!matches('"a-1"', '"a-1.gz"'));
  });
});
