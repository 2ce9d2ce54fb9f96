import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../testing/harness';
import { hitRateLimit, pruneRateLimits } from './rate-limits';

describe('rate-limit counters in the database (shared by every instance)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(async () => {
    await server.close();
  });

  it('counts hits of a key within its window, and restarts the window once it ends', async () => {
    const { db } = server.database;
    const first = await hitRateLimit(db, server.clock, 'login|203.0.113.1', 60_000);
    assert.deepEqual(first, { current: 1, ttl: 60_000 });
    server.clock.advance(10_000);
    const second = await hitRateLimit(db, server.clock, 'login|203.0.113.1', 60_000);
    assert.deepEqual(second, { current: 2, ttl: 50_000 });
    const other = await hitRateLimit(db, server.clock, 'login|203.0.113.2', 60_000);
    assert.equal(other.current, 1, 'another key counts on its own');
    server.clock.advance(50_000);
    const fresh = await hitRateLimit(db, server.clock, 'login|203.0.113.1', 60_000);
    assert.deepEqual(fresh, { current: 1, ttl: 60_000 }, 'a new window after the old one ended');
  });

  it('loses no hit when many arrive at once', async () => {
    const { db } = server.database;
    const hits = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(db, server.clock, 'burst', 60_000)),
    );
    assert.deepEqual(
      hits.map((h) => h.current).sort((a, b) => a - b),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('prunes only the counters whose window has ended', async () => {
    const { db } = server.database;
    await hitRateLimit(db, server.clock, 'short', 1_000);
    await hitRateLimit(db, server.clock, 'long', 3_600_000);
    server.clock.advance(2_000);
    assert.ok((await pruneRateLimits(db, server.clock)) >= 1);
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    assert.ok(keys.includes('long'));
    assert.ok(!keys.includes('short'));
  });

  it('answers 429 with Retry-After once a route’s limit is reached, counted in the table', async () => {
    const limited = await startTestServer({ seed: false, config: { authRateLimit: 3 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i += 1) {
        const res = await limited.call('POST', '/api/v1/auth/login', {
          body: { phone: '+79990000099', password: 'not-the-password' },
        });
        statuses.push(res.status);
        retryAfter = res.headers.get('retry-after');
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      assert.ok(Number(retryAfter) > 0);
      const rows = await limited.database.db.selectFrom('rate_limits').selectAll().execute();
      assert.ok(rows.some((r) => r.key.includes('/api/v1/auth/login') && r.count === 4));
    } finally {
      await limited.close();
    }
  });
});
