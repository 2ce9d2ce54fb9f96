/** A message ready to leave: the code, if any, already in its text. */
export interface DeliverableMessage {
  readonly id: number;
  readonly channel: 'sms' | 'email';
  readonly to: string;
  readonly text: string;
  readonly subject: string | null;
  /** `ru` or `en`: the language of the e-mail's frame. */
  readonly lang: string;
}

/** What a provider says about a message it accepted. */
export type ProviderStatus = 'pending' | 'delivered' | { readonly failed: string };

/** One way out: an SMS provider's HTTP API or an SMTP server. */
export interface Transport {
  readonly channel: 'sms' | 'email';
  /** `smsc`, `smsru`, `smtp`: kept with each message and used as the metric label. */
  readonly name: string;
  /** Hands the message over; resolves to the provider's id for it (for status queries), if any. */
  send(message: DeliverableMessage, signal: AbortSignal): Promise<{ providerId: string | null }>;
  /** Asks the provider whether a message it accepted has reached the phone. */
  status?(providerId: string, to: string, signal: AbortSignal): Promise<ProviderStatus>;
}

/**
 * A send that did not work. `permanent` ones (an invalid number, a refused text) are not retried;
 * the others (no balance, the provider down, a timeout) are, with a growing delay.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    /** A short stable reason, used as a metric label: `invalid_number`, `no_balance`, `timeout` … */
    readonly reason: string,
    readonly permanent: boolean,
    detail: string,
  ) {
    super(detail);
  }
}

/** Any error thrown while sending, as a {@link DeliveryError} (unknown ones are temporary). */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new DeliveryError('timeout', false, 'the provider did not answer in time');
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('network', false, message);
}

/**
 * POSTs a form to a provider and parses its JSON answer; HTTP 5xx, timeouts and unreadable answers
 * become temporary {@link DeliveryError}s.
 */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  signal: AbortSignal,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
    signal,
  }).catch((error: unknown) => {
    throw asDeliveryError(error);
  });
  const text = await response.text().catch((error: unknown) => {
    throw asDeliveryError(error);
  });
  if (response.status >= 500)
    throw new DeliveryError('provider_unavailable', false, `HTTP ${response.status}`);
  if (response.status >= 400)
    throw new DeliveryError(
      'provider_refused',
      false,
      `HTTP ${response.status}: ${text.slice(0, 200)}`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DeliveryError('bad_answer', false, `not JSON: ${text.slice(0, 200)}`);
  }
}

/** `+79991234567` → `79991234567`: both SMS APIs take the number without the plus. */
export function providerPhone(phone: string): string {
  return phone.replace(/^\+/, '');
}
