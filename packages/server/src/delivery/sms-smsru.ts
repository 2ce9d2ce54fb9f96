import { z } from 'zod';
import {
  DeliveryError,
  postForm,
  providerPhone,
  type DeliverableMessage,
  type ProviderStatus,
  type Transport,
} from './transport';

/** Settings of the SMS.ru HTTP API. */
export interface SmsRuOptions {
  /** The account's `api_id`. */
  readonly apiId: string;
  /** An approved sender name (`from`); the account's default when absent. */
  readonly sender?: string;
  /** `https://sms.ru` (tests point it at a local peer). */
  readonly baseUrl?: string;
}

/**
 * `status_code`s of `sms/send` (for the request or for one number), from SMS.ru's published API:
 * which are the message's fault (never retried) and which the account's or the moment's.
 */
const SEND_ERRORS: Record<number, { reason: string; permanent: boolean }> = {
  200: { reason: 'auth_failed', permanent: false },
  201: { reason: 'no_balance', permanent: false },
  202: { reason: 'invalid_number', permanent: true },
  203: { reason: 'bad_request', permanent: true },
  204: { reason: 'sender_refused', permanent: false },
  205: { reason: 'text_refused', permanent: true },
  206: { reason: 'daily_limit', permanent: false },
  207: { reason: 'undeliverable', permanent: true },
  208: { reason: 'bad_request', permanent: true },
  209: { reason: 'stop_list', permanent: true },
  212: { reason: 'bad_request', permanent: true },
  220: { reason: 'provider_unavailable', permanent: false },
  230: { reason: 'daily_limit', permanent: false },
  231: { reason: 'too_frequent', permanent: false },
  232: { reason: 'daily_limit', permanent: false },
  233: { reason: 'too_frequent', permanent: false },
  300: { reason: 'auth_failed', permanent: false },
  301: { reason: 'auth_failed', permanent: false },
  302: { reason: 'auth_failed', permanent: false },
  500: { reason: 'provider_unavailable', permanent: false },
};

/** Final `sms/status` codes that mean the SMS will never arrive. */
const FAILED_STATUSES: Record<number, string> = {
  104: 'expired',
  105: 'deleted_by_operator',
  106: 'phone_failure',
  107: 'undeliverable',
  108: 'rejected',
  150: 'no_route',
};

const resultSchema = z.object({
  status: z.string(),
  status_code: z.number(),
  status_text: z.string().optional(),
  sms_id: z.string().optional(),
});
const answerSchema = z.object({
  status: z.string(),
  status_code: z.number(),
  status_text: z.string().optional(),
  sms: z.record(z.string(), resultSchema).optional(),
});

function errorOf(code: number, text: string | undefined): DeliveryError {
  const known = SEND_ERRORS[code] ?? { reason: 'provider_error', permanent: false };
  return new DeliveryError(known.reason, known.permanent, `SMS.ru ${code}: ${text ?? ''}`.trim());
}

/**
 * SMS through SMS.ru's HTTP API: `POST /sms/send` with `api_id`, `to`, `msg`, `json=1` and
 * optionally `from`; each number has its own `status_code` and `sms_id` in the answer; delivery
 * reports from `POST /sms/status`.
 */
export class SmsRuTransport implements Transport {
  readonly channel = 'sms';
  readonly name = 'smsru';
  readonly #options: SmsRuOptions;
  readonly #base: string;

  constructor(options: SmsRuOptions) {
    this.#options = options;
    this.#base = (options.baseUrl ?? 'https://sms.ru').replace(/\/$/, '');
  }

  async send(message: DeliverableMessage, signal: AbortSignal): Promise<{ providerId: string }> {
    const to = providerPhone(message.to);
    const fields: Record<string, string> = {
      api_id: this.#options.apiId,
      to,
      msg: message.text,
      json: '1',
    };
    if (this.#options.sender) fields.from = this.#options.sender;
    const parsed = answerSchema.safeParse(await postForm(`${this.#base}/sms/send`, fields, signal));
    if (!parsed.success) throw new DeliveryError('bad_answer', false, 'unexpected SMS.ru answer');
    const answer = parsed.data;
    if (answer.status !== 'OK') throw errorOf(answer.status_code, answer.status_text);
    const result = answer.sms?.[to];
    if (!result) throw new DeliveryError('bad_answer', false, 'SMS.ru answered without the number');
    if (result.status !== 'OK' || !result.sms_id)
      throw errorOf(result.status_code, result.status_text);
    return { providerId: result.sms_id };
  }

  async status(providerId: string, _to: string, signal: AbortSignal): Promise<ProviderStatus> {
    const fields = { api_id: this.#options.apiId, sms_id: providerId, json: '1' };
    const parsed = answerSchema.safeParse(
      await postForm(`${this.#base}/sms/status`, fields, signal).catch(() => null),
    );
    const result = parsed.success ? parsed.data.sms?.[providerId] : undefined;
    if (!result) return 'pending';
    if (result.status_code === 103 || result.status_code === 110) return 'delivered';
    const failed = FAILED_STATUSES[result.status_code];
    return failed ? { failed } : 'pending';
  }
}
