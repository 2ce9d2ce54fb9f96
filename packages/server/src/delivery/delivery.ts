import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { OutboxGateway } from '../services/gateway';
import { CodeSeal } from './code-seal';
import { DeliveryQueue } from './outbox';
import type { Transport } from './transport';
import { DeliveryWorker, type DeliveryOutcome, type DeliveryWorkerOptions } from './worker';

/** How messages leave: the transports (an SMS provider, SMTP) and the worker's tunables. */
export interface DeliverySettings extends Omit<DeliveryWorkerOptions, 'transports' | 'onOutcome'> {
  readonly transports: readonly Transport[];
}

/** The outbox, the gateway that fills it and the worker that empties it (when any transport is set). */
export interface Delivery {
  readonly queue: DeliveryQueue;
  readonly gateway: OutboxGateway;
  /** Absent when no transport is configured: messages then stay queued. */
  readonly worker: DeliveryWorker | undefined;
  /** Stops the worker after sending what is due now. */
  flush(): Promise<void>;
}

/**
 * Wires the outbox queue, the gateway (sealing codes outside dev mode) and, with transports, the
 * worker; the worker is started by the caller once the server listens.
 */
export function createDelivery(input: {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly secret: string;
  readonly dev: boolean;
  readonly settings: DeliverySettings | undefined;
  readonly onOutcome?: (outcome: DeliveryOutcome) => void;
}): Delivery {
  const seal = new CodeSeal(input.secret);
  const queue = new DeliveryQueue(input.db, input.clock);
  const transports = input.settings?.transports ?? [];
  const worker =
    transports.length > 0
      ? new DeliveryWorker(queue, input.clock, seal, {
          ...input.settings,
          transports,
          ...(input.onOutcome ? { onOutcome: input.onOutcome } : {}),
        })
      : undefined;
  const gateway = new OutboxGateway(input.db, input.clock, {
    ...(input.dev ? {} : { seal }),
    ...(worker ? { queued: () => worker.kick() } : {}),
  });
  return {
    queue,
    gateway,
    worker,
    async flush() {
      await worker?.flush();
      for (const transport of transports) (transport as { close?: () => void }).close?.();
    },
  };
}
