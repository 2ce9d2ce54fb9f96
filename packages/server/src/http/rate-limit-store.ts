import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { hitRateLimit, type RateLimitHit } from '../services/rate-limits';

/**
 * A `@fastify/rate-limit` store over the `rate_limits` table: per-route counters shared by every
 * instance, instead of the plugin's per-process memory. Errors reach the plugin, which answers 500
 * rather than letting a request through uncounted.
 */
export function databaseRateLimitStore(
  db: Kysely<Database>,
  clock: Clock,
): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = 'global',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: RateLimitHit) => void,
      timeWindow: number,
    ): void {
      hitRateLimit(db, clock, `${this.prefix}|${key}`, timeWindow).then(
        (hit) => callback(null, hit),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route as `routeInfo` (not in its types); method and URL name it.
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new DatabaseRateLimitStore(
        undefined,
        `${String(route?.method)} ${String(route?.url)}`,
      );
    }
  }
  return DatabaseRateLimitStore;
}
