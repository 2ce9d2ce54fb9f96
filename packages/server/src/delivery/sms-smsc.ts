import { z } from 'zod';
import {
  DeliveryError,
  postForm,
  providerPhone,
  type DeliverableMessage,
  type ProviderStatus,
  type Transport,
} from './transport';

/** Settings of the SMSC (smsc.ru) HTTP API. */
export interface SmscOptions {
  readonly login: string;
  /** The account password or, with an empty login, an API key (`apikey`). */
  readonly password: string;
  /** An approved sender name; the account's default when absent. */
  readonly sender?: string;
  /** `https://smsc.ru` (tests point it at a local peer). */
  readonly baseUrl?: string;
}

/**
 * Send errors of `sys/send.php` (`error_code`), from SMSC's published HTTP API: which are the
 * message's fault (never retried) and which the account's or the moment's (retried).
 */
const SEND_ERRORS: Record<number, { reason: string; permanent: boolean }> = {
  1: { reason: 'bad_request', permanent: true },
  2: { reason: 'auth_failed', permanent: false },
  3: { reason: 'no_balance', permanent: false },
  4: { reason: 'ip_blocked', permanent: false },
  5: { reason: 'bad_request', permanent: true },
  6: { reason: 'text_refused', permanent: true },
  7: { reason: 'invalid_number', permanent: true },
  8: { reason: 'undeliverable', permanent: true },
  9: { reason: 'too_frequent', permanent: false },
};

/** Final statuses of `sys/status.php` that mean the SMS will never arrive. */
const FAILED_STATUSES: Record<number, string> = {
  3: 'expired',
  20: 'undeliverable',
  22: 'invalid_number',
  23: 'text_refused',
  24: 'no_balance',
  25: 'number_unavailable',
};

const answerSchema = z.union([
  z.object({ error: z.string(), error_code: z.number() }),
  z.object({ id: z.union([z.number(), z.string()]), cnt: z.number().optional() }),
]);

const statusSchema = z.union([
  z.object({ error: z.string(), error_code: z.number() }),
  z.object({ status: z.number() }),
]);

/**
 * SMS through SMSC's HTTP API: `POST /sys/send.php` with `login`, `psw` (or `apikey`), `phones`,
 * `mes`, `charset=utf-8`, `fmt=3` (JSON answers) and optionally `sender`; delivery reports from
 * `/sys/status.php`.
 */
export class SmscTransport implements Transport {
  readonly channel = 'sms';
  readonly name = 'smsc';
  readonly #options: SmscOptions;
  readonly #base: string;

  constructor(options: SmscOptions) {
    this.#options = options;
    this.#base = (options.baseUrl ?? 'https://smsc.ru').replace(/\/$/, '');
  }

  #auth(): Record<string, string> {
    return this.#options.login
      ? { login: this.#options.login, psw: this.#options.password }
      : { apikey: this.#options.password };
  }

  async send(message: DeliverableMessage, signal: AbortSignal): Promise<{ providerId: string }> {
    const fields: Record<string, string> = {
      ...this.#auth(),
      phones: providerPhone(message.to),
      mes: message.text,
      charset: 'utf-8',
      fmt: '3',
      // Our id for the message: a retry after a lost answer is then the same message to SMSC.
      id: String(message.id),
    };
    if (this.#options.sender) fields.sender = this.#options.sender;
    const answer = answerSchema.safeParse(
      await postForm(`${this.#base}/sys/send.php`, fields, signal),
    );
    if (!answer.success) throw new DeliveryError('bad_answer', false, 'unexpected SMSC answer');
    if ('error_code' in answer.data) {
      const known = SEND_ERRORS[answer.data.error_code] ?? {
        reason: 'provider_error',
        permanent: false,
      };
      throw new DeliveryError(
        known.reason,
        known.permanent,
        `SMSC error ${answer.data.error_code}: ${answer.data.error}`,
      );
    }
    return { providerId: String(answer.data.id) };
  }

  async status(providerId: string, to: string, signal: AbortSignal): Promise<ProviderStatus> {
    const query = new URLSearchParams({
      ...this.#auth(),
      phone: providerPhone(to),
      id: providerId,
      fmt: '3',
    });
    const response = await fetch(`${this.#base}/sys/status.php?${query}`, { signal });
    if (!response.ok) return 'pending';
    const answer = statusSchema.safeParse(await response.json().catch(() => null));
    if (!answer.success || 'error_code' in answer.data) return 'pending';
    const { status } = answer.data;
    if (status === 1 || status === 2 || status === 4) return 'delivered';
    const failed = FAILED_STATUSES[status];
    return failed ? { failed } : 'pending';
  }
}
