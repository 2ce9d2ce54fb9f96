import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';

/** What an SMS or e-mail is for: a one-time code's purpose, or a notification. */
export type OutgoingPurpose = 'login' | 'identity' | 'child' | 'recovery' | 'notification';

/** An SMS or e-mail to deliver. */
export interface OutgoingMessage {
  readonly to: string;
  readonly channel: 'sms' | 'email';
  readonly text: string;
  /** What it is for; `notification` when not given. */
  readonly purpose?: OutgoingPurpose;
  /** The one-time code it carries, and its challenge (codes only). */
  readonly code?: { readonly value: string; readonly challengeId: string };
}

/** Where SMS and e-mail go. A real provider implements this; the built-in one keeps an outbox. */
export interface MessageGateway {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * Keeps every message in the database's outbox instead of sending it. With `--dev` the outbox is
 * readable at `GET /api/v1/dev/outbox`; without it nothing can read it over HTTP.
 */
export class OutboxGateway implements MessageGateway {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({
        recipient: message.to,
        channel: message.channel,
        text: message.text,
        sent_at: this.clock.now().toISOString(),
        purpose: message.purpose ?? 'notification',
        code: message.code?.value ?? null,
        challenge_id: message.code?.challengeId ?? null,
      })
      .execute();
  }
}
