import type { Clock } from '../clock';
import { CODE_PLACEHOLDER, type CodeSeal } from './code-seal';
import type { DeliveryQueue, OutboxRow } from './outbox';
import { asDeliveryError, type Transport } from './transport';

/** What happened to one attempt; the metrics count these. */
export interface DeliveryOutcome {
  readonly channel: string;
  readonly provider: string;
  readonly outcome: 'sent' | 'delivered' | 'retry' | 'failed';
  readonly reason?: string;
}

/** Tunables of the {@link DeliveryWorker}. */
export interface DeliveryWorkerOptions {
  /** At most one transport per channel. */
  readonly transports: readonly Transport[];
  /** Messages per second each provider is sent (by provider name); 10 when unset. */
  readonly ratePerSecond?: Readonly<Record<string, number>>;
  /** Attempts before a message with temporary errors becomes a dead letter. */
  readonly maxAttempts?: number;
  /** Delay after the first temporary failure; doubled after each next one, up to `maxDelayMs`. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** How long one provider call may take. */
  readonly timeoutMs?: number;
  /** How often the queue is looked at when nothing wakes the worker. */
  readonly pollMs?: number;
  /** How often a sent message's delivery report is asked for, and for how long. */
  readonly reportEveryMs?: number;
  readonly reportForMs?: number;
  readonly onOutcome?: (outcome: DeliveryOutcome) => void;
  /** Waits between sends of a rate-limited provider (tests may pass their own). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends what the outbox holds through the configured transports: a due message is claimed, its
 * code (if any) unsealed into the text, handed to the provider, and its row updated — sent (the
 * code wiped), retried later with exponential backoff on a temporary error, or failed with the
 * reason on a permanent one or after `maxAttempts`. Every instance may run one; leases keep them
 * from sending a message twice.
 */
export class DeliveryWorker {
  readonly #queue: DeliveryQueue;
  readonly #clock: Clock;
  readonly #seal: CodeSeal;
  readonly #byChannel = new Map<string, Transport>();
  readonly #options: Required<Omit<DeliveryWorkerOptions, 'onOutcome' | 'ratePerSecond'>> &
    DeliveryWorkerOptions;
  readonly #nextSendAt = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #again = false;
  #stopped = false;

  constructor(queue: DeliveryQueue, clock: Clock, seal: CodeSeal, options: DeliveryWorkerOptions) {
    this.#queue = queue;
    this.#clock = clock;
    this.#seal = seal;
    this.#options = {
      maxAttempts: 8,
      baseDelayMs: 30_000,
      maxDelayMs: 60 * 60_000,
      timeoutMs: 15_000,
      pollMs: 2_000,
      reportEveryMs: 60_000,
      reportForMs: 24 * 3600_000,
      sleep: sleepFor,
      ...options,
    };
    for (const transport of options.transports) this.#byChannel.set(transport.channel, transport);
  }

  /** The channels this worker sends. */
  get channels(): string[] {
    return [...this.#byChannel.keys()];
  }

  /** Starts looking at the queue every `pollMs` (and whenever {@link kick} is called). */
  start(): void {
    this.#stopped = false;
    const tick = () => {
      this.kick();
      this.#timer = setTimeout(tick, this.#options.pollMs);
      this.#timer.unref();
    };
    tick();
  }

  /** Runs a pass now (a message was just queued); a pass already running is followed by one more. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.runOnce()
      .catch(() => 0)
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /**
   * One pass: sends every due message (in batches until none is due, or `maxBatches` of them)
   * and asks for the delivery reports that are due. Resolves to the number of messages attempted.
   */
  async runOnce(maxBatches = Infinity): Promise<number> {
    let attempted = 0;
    for (let batches = 0; batches < maxBatches; batches++) {
      const batch = await this.#queue.claimDue(this.channels, 20, this.#options.timeoutMs * 4);
      if (batch.length === 0) break;
      const byChannel = new Map<string, OutboxRow[]>();
      for (const row of batch)
        byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
      // Channels go in parallel; within one, the provider's rate limit spaces the sends.
      await Promise.all(
        [...byChannel.values()].map(async (rows) => {
          for (const row of rows) await this.#attempt(row);
        }),
      );
      attempted += batch.length;
      if (this.#stopped) break;
    }
    await this.#askReports();
    return attempted;
  }

  /**
   * Stops the schedule, waits for the pass in progress, then sends one more batch of what is due.
   * One: other instances may keep queueing, and a shutdown must end; what is left stays queued
   * for them.
   */
  async flush(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
    await this.runOnce(1).catch(() => 0);
  }

  /** Stops the schedule and waits for the pass in progress (what is left stays queued). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  async #attempt(row: OutboxRow): Promise<void> {
    const transport = this.#byChannel.get(row.channel);
    if (!transport) return;
    const now = this.#clock.now().toISOString();
    if (row.expires_at !== null && row.expires_at <= now) {
      await this.#queue.fail(row.id, transport.name, 'expired: the code was no longer valid');
      return this.#report(transport, 'failed', 'expired');
    }
    let text = row.text;
    if (row.sealed !== null) {
      const code = this.#seal.open(row.sealed);
      if (code === null) {
        await this.#queue.fail(row.id, transport.name, 'the sealed code could not be opened');
        return this.#report(transport, 'failed', 'unsealable');
      }
      text = text.replace(CODE_PLACEHOLDER, code);
    }
    await this.#waitForRate(transport.name);
    try {
      const { providerId } = await transport.send(
        {
          id: row.id,
          channel: row.channel as 'sms' | 'email',
          to: row.recipient,
          text,
          subject: row.subject,
          lang: row.lang ?? 'ru',
        },
        AbortSignal.timeout(this.#options.timeoutMs),
      );
      await this.#queue.markSent(row.id, transport.name, providerId);
      this.#report(transport, 'sent');
    } catch (thrown) {
      const error = asDeliveryError(thrown);
      const reason = `${error.reason}: ${error.message}`;
      if (error.permanent || row.attempts >= this.#options.maxAttempts) {
        const why = error.permanent ? reason : `gave up after ${row.attempts} attempts: ${reason}`;
        await this.#queue.fail(row.id, transport.name, why);
        this.#report(transport, 'failed', error.reason);
      } else {
        await this.#queue.retryLater(row.id, transport.name, reason, this.delayAfter(row.attempts));
        this.#report(transport, 'retry', error.reason);
      }
    }
  }

  /** The wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … 1 h. */
  delayAfter(attempts: number): number {
    const { baseDelayMs, maxDelayMs } = this.#options;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  }

  async #waitForRate(provider: string): Promise<void> {
    const rate = this.#options.ratePerSecond?.[provider] ?? 10;
    const now = performance.now();
    const at = Math.max(now, this.#nextSendAt.get(provider) ?? 0);
    this.#nextSendAt.set(provider, at + 1000 / rate);
    if (at > now) await this.#options.sleep(at - now);
  }

  async #askReports(): Promise<void> {
    const reporting = [...this.#byChannel.values()].filter((t) => t.status);
    const rows = await this.#queue.awaitingReport(
      reporting.map((t) => t.name),
      this.#options.reportEveryMs,
      this.#options.reportForMs,
      50,
    );
    for (const row of rows) {
      const transport = reporting.find((t) => t.name === row.provider);
      if (!transport?.status || row.provider_id === null) continue;
      const status = await transport
        .status(row.provider_id, row.recipient, AbortSignal.timeout(this.#options.timeoutMs))
        .catch(() => 'pending' as const);
      if (status === 'delivered') {
        await this.#queue.markDelivered(row.id);
        this.#report(transport, 'delivered');
      } else if (status === 'pending') await this.#queue.touch(row.id);
      else {
        await this.#queue.fail(row.id, transport.name, `not delivered: ${status.failed}`);
        this.#report(transport, 'failed', status.failed);
      }
    }
  }

  #report(transport: Transport, outcome: DeliveryOutcome['outcome'], reason?: string): void {
    this.#options.onOutcome?.({
      channel: transport.channel,
      provider: transport.name,
      outcome,
      ...(reason ? { reason } : {}),
    });
  }
}
