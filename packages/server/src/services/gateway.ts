import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { CODE_PLACEHOLDER, type CodeSeal } from '../delivery/code-seal';
import { DeliveryQueue } from '../delivery/outbox';

/** What an SMS or e-mail is for: a one-time code's purpose, or a notification. */
export type OutgoingPurpose =
  'login' | 'identity' | 'child' | 'recovery' | 'phone' | 'school' | 'notification';

/** An SMS or e-mail to deliver. */
export interface OutgoingMessage {
  readonly to: string;
  readonly channel: 'sms' | 'email';
  readonly text: string;
  /** What it is for; `notification` when not given. */
  readonly purpose?: OutgoingPurpose;
  /** The one-time code it carries, and its challenge (codes only). */
  readonly code?: { readonly value: string; readonly challengeId: string };
  /** Valid until (ISO instant): a code not sent by then is not sent at all. */
  readonly expiresAt?: string;
  /** An e-mail's subject; by default the text's first sentence. */
  readonly subject?: string;
  /** The recipient's language (`ru`, `en`) for an e-mail's frame. */
  readonly lang?: string;
  /**
   * Not to be sent before this instant (ISO): the recipient's quiet hours end then. A gateway
   * that sends at once holds the message until then or hands the time to its provider.
   */
  readonly notBefore?: string;
}

/** Where SMS and e-mail go. A real provider implements this; the built-in one keeps an outbox. */
export interface MessageGateway {
  /**
   * True when `send` may be called inside a write's transaction with that transaction as `db`:
   * the message is then queued if and only if the write commits (the outbox). Otherwise
   * messages are sent only after the commit.
   */
  readonly transactional?: boolean;
  send(message: OutgoingMessage, db?: Kysely<Database>): Promise<void>;
}

/** Options of the {@link OutboxGateway}. */
export interface OutboxGatewayOptions {
  /** Seals one-time codes; without it (dev mode) the text keeps the code, for the dev outbox. */
  readonly seal?: CodeSeal;
  /** Called after a message is queued (wakes the delivery worker). */
  readonly queued?: () => void;
}

/**
 * Puts every message in the database's outbox, the queue the delivery worker sends from. Outside
 * dev mode a one-time code is sealed apart from the text and wiped once sent; with `--dev` the
 * outbox keeps the code in the text and is readable at `GET /api/v1/dev/outbox`.
 */
export class OutboxGateway implements MessageGateway {
  readonly transactional = true;
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #options: OutboxGatewayOptions;

  constructor(db: Kysely<Database>, clock: Clock, options: OutboxGatewayOptions = {}) {
    this.#db = db;
    this.#clock = clock;
    this.#options = options;
  }

  /** Queues the message, in `db`'s transaction when given one. */
  async send(message: OutgoingMessage, db: Kysely<Database> = this.#db): Promise<void> {
    const { seal } = this.#options;
    const code = message.code?.value;
    await new DeliveryQueue(db, this.#clock).enqueue({
      to: message.to,
      channel: message.channel,
      text: seal && code ? message.text.replaceAll(code, CODE_PLACEHOLDER) : message.text,
      sealed: seal && code ? seal.seal(code) : null,
      purpose: message.purpose ?? 'notification',
      // The plain code is kept for the dev outbox only; outside dev mode it is sealed.
      code: seal ? null : (code ?? null),
      challengeId: message.code?.challengeId ?? null,
      subject: message.subject ?? null,
      lang: message.lang ?? null,
      expiresAt: message.expiresAt ?? null,
      notBefore: message.notBefore ?? null,
    });
    this.#options.queued?.();
  }
}
