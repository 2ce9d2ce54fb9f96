import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Called with the users that have new events, or `'all'` when any may have (after a reconnect). */
export type FanOutListener = (userIds: readonly string[] | 'all') => void;

/**
 * Wakes live-event streams across every server instance on one database (PostgreSQL's
 * LISTEN/NOTIFY). Without one, live events wake only the streams of their own process, which is
 * all a SQLite file has.
 */
export interface EventFanOut {
  /** Runs `insert` (the event rows) and announces the recipients, in the caller's transaction. */
  write(
    db: Kysely<Database>,
    recipients: readonly string[],
    insert: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<void>;
  /** Listens to announcements of every instance (this one included); returns the unsubscribe. */
  subscribe(listener: FanOutListener): () => void;
}
