import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';

/** A row of the outbox. */
export type OutboxRow = Selectable<Database['outbox']>;

/** Where a message stands. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** A message to put in the queue. */
export interface QueuedMessage {
  readonly to: string;
  readonly channel: 'sms' | 'email';
  readonly text: string;
  readonly subject?: string | null;
  readonly lang?: string | null;
  /** The sealed one-time code the text's `{code}` stands for. */
  readonly sealed?: string | null;
  readonly expiresAt?: string | null;
  /** What it is for: a one-time code's purpose, or `notification`. */
  readonly purpose?: string;
  /** The plain one-time code (dev mode only) and its challenge. */
  readonly code?: string | null;
  readonly challengeId?: string | null;
  /** Due at this instant (ISO) rather than at once: the recipient's quiet hours end then. */
  readonly notBefore?: string | null;
}

/** How many messages wait and how many failed, per channel. */
export interface QueueDepth {
  readonly channel: string;
  readonly status: string;
  readonly count: number;
}

/**
 * The outbox as a delivery queue shared by every instance on the database: messages are claimed
 * with a lease (one instance sends each), and every outcome is written back to the row.
 */
export class DeliveryQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  #now(offsetMs = 0): string {
    return new Date(this.clock.now().getTime() + offsetMs).toISOString();
  }

  /** Queues a message, due at once or at its `notBefore`; resolves to its id. */
  async enqueue(message: QueuedMessage): Promise<number> {
    const now = this.#now();
    const row = await this.db
      .insertInto('outbox')
      .values({
        recipient: message.to,
        channel: message.channel,
        text: message.text,
        sent_at: now,
        status: 'queued',
        next_attempt_at: message.notBefore ?? now,
        status_at: now,
        subject: message.subject ?? null,
        lang: message.lang ?? null,
        sealed: message.sealed ?? null,
        expires_at: message.expiresAt ?? null,
        purpose: message.purpose ?? 'notification',
        code: message.code ?? null,
        challenge_id: message.challengeId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /**
   * Claims up to `limit` due messages of the given channels for `leaseMs`: another instance skips
   * them until the lease ends (a crash mid-send leaves the message to be retried, not lost).
   */
  async claimDue(
    channels: readonly string[],
    limit: number,
    leaseMs: number,
  ): Promise<OutboxRow[]> {
    if (channels.length === 0) return [];
    const now = this.#now();
    const candidates = await this.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'queued')
      .where('channel', 'in', [...channels])
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: OutboxRow[] = [];
    const until = this.#now(leaseMs);
    for (const row of candidates) {
      const result = await this.db
        .updateTable('outbox')
        .set({ lease_until: until, attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .where('status', '=', 'queued')
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1)
        claimed.push({ ...row, lease_until: until, attempts: row.attempts + 1 });
    }
    return claimed;
  }

  /** The provider accepted it; the code, if any, is wiped. */
  async markSent(id: number, provider: string, providerId: string | null): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        status: 'sent',
        provider,
        provider_id: providerId,
        sealed: null,
        lease_until: null,
        next_attempt_at: null,
        last_error: null,
        status_at: this.#now(),
      })
      .where('id', '=', id)
      .execute();
  }

  async markDelivered(id: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'delivered', status_at: this.#now() })
      .where('id', '=', id)
      .execute();
  }

  /** A temporary failure: tried again after `delayMs`. */
  async retryLater(id: number, provider: string, error: string, delayMs: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        provider,
        last_error: error,
        lease_until: null,
        next_attempt_at: this.#now(delayMs),
        status_at: this.#now(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** A dead letter: not tried again unless an operator asks; the code, if any, is wiped. */
  async fail(id: number, provider: string | null, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        status: 'failed',
        provider,
        last_error: error,
        sealed: null,
        lease_until: null,
        next_attempt_at: null,
        status_at: this.#now(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Sent messages whose provider may report delivery, not asked about for `everyMs`. */
  async awaitingReport(
    providers: readonly string[],
    everyMs: number,
    giveUpMs: number,
    limit: number,
  ): Promise<OutboxRow[]> {
    if (providers.length === 0) return [];
    return this.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'sent')
      .where('provider', 'in', [...providers])
      .where('provider_id', 'is not', null)
      .where('status_at', '<=', this.#now(-everyMs))
      .where('sent_at', '>', this.#now(-giveUpMs))
      .orderBy('status_at')
      .limit(limit)
      .execute();
  }

  /** Notes that the provider was asked (the next report is due `everyMs` later). */
  async touch(id: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status_at: this.#now() })
      .where('id', '=', id)
      .execute();
  }

  /** The failed messages, newest first. */
  async failed(limit = 100): Promise<OutboxRow[]> {
    return this.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Queues failed messages again (one by id, or every one). A one-time code's message is not
   * requeued: its code was wiped when it failed, and the user asks for a new code instead.
   * Resolves to the ids requeued and the ids refused.
   */
  async retry(which: number | 'all'): Promise<{ requeued: number[]; refused: number[] }> {
    let query = this.db
      .selectFrom('outbox')
      .select(['id', 'text', 'sealed'])
      .where('status', '=', 'failed');
    if (which !== 'all') query = query.where('id', '=', which);
    const rows = await query.execute();
    const requeued: number[] = [];
    const refused: number[] = [];
    for (const row of rows) {
      if (row.text.includes('{code}')) {
        refused.push(Number(row.id));
        continue;
      }
      await this.db
        .updateTable('outbox')
        .set({
          status: 'queued',
          attempts: 0,
          next_attempt_at: this.#now(),
          lease_until: null,
          status_at: this.#now(),
        })
        .where('id', '=', row.id)
        .execute();
      requeued.push(Number(row.id));
    }
    return { requeued, refused };
  }

  /** Messages per channel and status that are queued or failed (the metrics' queue depth). */
  async depth(): Promise<QueueDepth[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', 'in', ['queued', 'failed'])
      .groupBy(['channel', 'status'])
      .execute();
    return rows.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.count) }));
  }
}
