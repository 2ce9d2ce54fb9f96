import { EventEmitter } from 'node:events';
import type { LiveEvent, LiveEventType } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { EventFanOut } from '../db/event-fan-out';
import type { Database } from '../db/schema';

/** A live event to deliver to some users: its type, the child it concerns and the entity. */
export interface PublishInput<T extends LiveEventType = LiveEventType> {
  readonly recipients: readonly string[];
  readonly type: T;
  readonly childId?: string | null;
  readonly data: Extract<LiveEvent, { type: T }>['data'];
}

/**
 * Live events: every event is written to the durable `events` table (one row per recipient, so
 * `Last-Event-ID` resume works and nobody reads another family's events), and open streams of the
 * recipients are woken to read it. Publish inside the write's transaction: the stream's read waits
 * for the commit, so a woken stream never misses the row and never sees an uncommitted one.
 */
export class LiveEvents {
  readonly #bus = new EventEmitter();
  readonly #fanOut: EventFanOut | undefined;
  readonly #unsubscribe: (() => void) | undefined;

  /** With a `fanOut`, events written by any instance wake this instance's streams. */
  constructor(
    private readonly clock: Clock,
    fanOut?: EventFanOut,
  ) {
    this.#bus.setMaxListeners(0);
    this.#fanOut = fanOut;
    this.#unsubscribe = fanOut?.subscribe((userIds) => {
      const users = userIds === 'all' ? this.#bus.eventNames() : userIds;
      for (const userId of users) this.#bus.emit(userId);
    });
  }

  /** Stops listening to other instances (the app closes). */
  close(): void {
    this.#unsubscribe?.();
  }

  /** Records the event for each recipient and wakes their streams. */
  async publish<T extends LiveEventType>(
    db: Kysely<Database>,
    input: PublishInput<T>,
  ): Promise<void> {
    const recipients = [...new Set(input.recipients)];
    if (recipients.length === 0) return;
    const at = this.clock.now().toISOString();
    const data = JSON.stringify(input.data);
    const insert = async (trx: Kysely<Database>): Promise<void> => {
      await trx
        .insertInto('events')
        .values(
          recipients.map((userId) => ({
            user_id: userId,
            type: input.type,
            child_id: input.childId ?? null,
            data,
            at,
          })),
        )
        .execute();
    };
    if (this.#fanOut) return this.#fanOut.write(db, recipients, insert);
    await insert(db);
    setImmediate(() => {
      for (const userId of recipients) this.#bus.emit(userId);
    });
  }

  /** Calls `wake` whenever new events for the user may exist; returns the unsubscribe function. */
  subscribe(userId: string, wake: () => void): () => void {
    this.#bus.on(userId, wake);
    return () => this.#bus.off(userId, wake);
  }

  /** Events of a user after an id, oldest first, as the wire shape. */
  async since(
    db: Kysely<Database>,
    userId: string,
    afterId: number,
    limit = 500,
  ): Promise<LiveEvent[]> {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(
      (r) =>
        ({
          id: String(r.id),
          type: r.type,
          ...(r.child_id ? { childId: r.child_id } : {}),
          at: r.at,
          data: JSON.parse(r.data) as unknown,
        }) as LiveEvent,
    );
  }
}
