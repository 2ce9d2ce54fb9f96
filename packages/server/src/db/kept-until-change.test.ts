import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALWAYS_CHANGED, type ChangeGeneration } from './change-generation';
import { keptUntilChange } from './kept-until-change';

/** A generation moved by hand, and a query that counts its runs. */
function setup(options: { maxEntries?: number; expiresAt?: number } = {}) {
  let generation = 1;
  let now = 1_000;
  const runs: string[] = [];
  const changes: ChangeGeneration = { check: () => generation };
  const kept = keptUntilChange(
    async (key: string) => (runs.push(key), key === 'none' ? [] : [{ key, at: generation }]),
    {
      maxEntries: options.maxEntries ?? 10,
      ...(options.expiresAt === undefined ? {} : { expiresAt: () => options.expiresAt ?? 0 }),
      now: () => now,
    },
  );
  return {
    query: (key: string) => kept(changes, key),
    runs,
    write: () => (generation += 1),
    later: (ms: number) => (now += ms),
  };
}

describe('keptUntilChange', () => {
  it('answers from memory until the generation moves', async () => {
    const t = setup();
    assert.deepEqual(await t.query('a'), [{ key: 'a', at: 1 }]);
    assert.deepEqual(await t.query('a'), [{ key: 'a', at: 1 }]);
    assert.deepEqual(t.runs, ['a']);
    t.write();
    assert.deepEqual(await t.query('a'), [{ key: 'a', at: 2 }]);
    assert.deepEqual(t.runs, ['a', 'a']);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const t = setup({ maxEntries: 2 });
    await t.query('a');
    await t.query('b');
    await t.query('a');
    await t.query('c'); // drops b, used longest ago
    await t.query('a');
    await t.query('c');
    assert.deepEqual(t.runs, ['a', 'b', 'c']);
    await t.query('b');
    assert.deepEqual(t.runs, ['a', 'b', 'c', 'b']);
  });

  it('asks again once the rows expire', async () => {
    const t = setup({ expiresAt: 1_500 });
    await t.query('a');
    t.later(499);
    await t.query('a');
    assert.equal(t.runs.length, 1);
    t.later(1);
    await t.query('a');
    assert.equal(t.runs.length, 2);
  });

  it('keeps no empty answer, and freezes what it keeps', async () => {
    const t = setup();
    await t.query('none');
    await t.query('none');
    assert.deepEqual(t.runs, ['none', 'none']);
    const [row] = await t.query('a');
    assert.ok(row && Object.isFrozen(row));
  });

  it('keeps nothing when the database cannot tell (ALWAYS_CHANGED)', async () => {
    let runs = 0;
    const query = keptUntilChange(async () => [{ n: (runs += 1) }], { maxEntries: 10 });
    await query(ALWAYS_CHANGED, 'a');
    await query(ALWAYS_CHANGED, 'a');
    assert.equal(runs, 2);
  });
});
