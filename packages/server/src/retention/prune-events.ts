import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';

const PRUNE_EVERY_MS = 3600_000;

/**
 * Deletes live events older than `days` (they only serve streams resuming with `Last-Event-ID`;
 * the notifications and marks themselves live in their own tables). Resolves to the rows removed.
 */
export async function pruneEvents(
  db: Kysely<Database>,
  clock: Clock,
  days: number,
): Promise<number> {
  const before = new Date(clock.now().getTime() - days * 86_400_000).toISOString();
  const result = await db.deleteFrom('events').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Prunes events now and every hour (any instance may do it); returns the stop function. */
export function schedulePruning(
  db: Kysely<Database>,
  clock: Clock,
  days: number,
  log: FastifyBaseLogger,
): () => void {
  const run = () => {
    pruneEvents(db, clock, days).then(
      (removed) => {
        if (removed > 0) log.info({ removed, days }, 'pruned old live events');
      },
      (error: unknown) => log.warn({ err: error }, 'pruning live events failed'),
    );
  };
  const timer = setInterval(run, PRUNE_EVERY_MS);
  timer.unref();
  const first = setTimeout(run, 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
