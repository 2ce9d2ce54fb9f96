import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReadCache, type CachedBody } from './read-cache';

const body = (text: string): CachedBody => ({
  versions: '1',
  etag: '"e"',
  body: Buffer.from(text),
});

describe('ReadCache: a bounded LRU of serialised responses', () => {
  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new ReadCache({ maxEntries: 2, maxBytes: 1 << 20 });
    cache.set('a', body('A'));
    cache.set('b', body('B'));
    cache.get('a');
    cache.set('c', body('C'));
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a')?.body.toString(), 'A');
    assert.equal(cache.get('c')?.body.toString(), 'C');
    assert.equal(cache.size, 2);
  });

  it('keeps the bytes under maxBytes and never keeps a body too large for it', () => {
    const cache = new ReadCache({ maxEntries: 100, maxBytes: 1000 });
    for (let i = 0; i < 10; i += 1) cache.set(`k${i}`, body('x'.repeat(200)));
    assert.ok(cache.bytes <= 1000, `${cache.bytes} bytes kept`);
    assert.ok(cache.get('k9'), 'the newest stays');
    assert.equal(cache.get('k0'), undefined, 'the oldest went');
    cache.set('huge', body('x'.repeat(600)));
    assert.equal(cache.get('huge'), undefined);
  });

  it('holds one body per key: a newer one replaces it', () => {
    const cache = new ReadCache({ maxEntries: 10, maxBytes: 1 << 20 });
    cache.set('k', body('old'));
    const before = cache.bytes;
    cache.set('k', { ...body('new'), versions: '2' });
    assert.equal(cache.size, 1);
    assert.equal(cache.bytes, before);
    assert.equal(cache.get('k')?.versions, '2');
  });
});
