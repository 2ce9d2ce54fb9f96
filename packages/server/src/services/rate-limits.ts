import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';

/** Result of one hit: the hits in the current window and the milliseconds until it ends. */
export interface RateLimitHit {
  readonly current: number;
  readonly ttl: number;
}

/**
 * Counts one hit of `key` in a fixed window of `windowMs`, atomically in the database, so every
 * server instance on the database shares the count (one upsert; the window restarts once it ends).
 *
 * @example
 * const { current, ttl } = await hitRateLimit(db, clock, 'POST /api/v1/auth/login|203.0.113.7', 60_000);
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  clock: Clock,
  key: string,
  windowMs: number,
): Promise<RateLimitHit> {
  const now = clock.now().getTime();
  const resetAt = now + windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
        reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
      }),
    )
    .returning(['count', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, Number(row.reset_at) - now) };
}

/** Deletes counters whose window ended before now (housekeeping; a stale row is harmless). */
export async function pruneRateLimits(db: Kysely<Database>, clock: Clock): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('reset_at', '<=', clock.now().getTime())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
