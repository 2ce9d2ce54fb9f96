import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { QueueDepth } from '../delivery/outbox';
import type { DeliveryOutcome } from '../delivery/worker';
import { RequestCounts } from './request-counts';

/** Where the metrics read what they report at scrape time. */
export interface MetricSources {
  readonly queue: { depth(): Promise<QueueDepth[]> };
  /** PostgreSQL's connection pool (absent on SQLite). */
  readonly pool?: pg.Pool;
  /** Open live-event streams of this instance. */
  readonly liveStreams: () => number;
  /** Read-cache lookups answered from memory and not. */
  readonly cache: () => { hits: number; misses: number; entries: number; bytes: number };
}

/**
 * The server's Prometheus metrics: prom-client's, in a registry of its own so that several apps in
 * one process (tests) do not share counters, and the answered requests, counted in plain numbers
 * on every request and written out only when Prometheus scrapes (`RequestCounts`).
 */
export class DiaryMetrics {
  readonly registry = new Registry();
  /** Answered requests and their durations, counted in plain numbers (see `RequestCounts`). */
  readonly #requests = new RequestCounts();
  readonly #deliveries: Counter<'channel' | 'provider' | 'outcome' | 'reason'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.#deliveries = new Counter({
      name: 'diary_deliveries_total',
      help: 'Delivery attempts and reports by channel, provider and outcome (sent, delivered, retry, failed)',
      labelNames: ['channel', 'provider', 'outcome', 'reason'],
      registers,
    });
    new Gauge({
      name: 'diary_live_streams_open',
      help: 'Live-event streams open on this instance',
      registers,
      collect() {
        this.set(sources.liveStreams());
      },
    });
    new Gauge({
      name: 'diary_delivery_queue',
      help: 'Messages in the outbox by channel and status (queued: waiting; failed: dead letters)',
      labelNames: ['channel', 'status'],
      registers,
      async collect() {
        this.reset();
        for (const channel of ['sms', 'email'])
          for (const status of ['queued', 'failed']) this.set({ channel, status }, 0);
        for (const row of await sources.queue.depth())
          this.set({ channel: row.channel, status: row.status }, row.count);
      },
    });
    new Gauge({
      name: 'diary_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients); absent on SQLite',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'diary_read_cache_lookups',
      help: 'Lookups of the read cache since start, by result (hit, miss)',
      labelNames: ['result'],
      registers,
      collect() {
        const stats = sources.cache();
        this.set({ result: 'hit' }, stats.hits);
        this.set({ result: 'miss' }, stats.misses);
      },
    });
    new Gauge({
      name: 'diary_read_cache_bytes',
      help: 'Bytes kept by the read cache',
      registers,
      collect() {
        this.set(sources.cache().bytes);
      },
    });
  }

  /** Counts one answered request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.#requests.observe(method, route, status, seconds);
  }

  /** Counts one delivery outcome (the worker's `onOutcome`). */
  countDelivery(outcome: DeliveryOutcome): void {
    this.#deliveries.inc({
      channel: outcome.channel,
      provider: outcome.provider,
      outcome: outcome.outcome,
      reason: outcome.reason ?? '',
    });
  }

  /** The text exposition format Prometheus scrapes. */
  async text(): Promise<{ contentType: string; body: string }> {
    // The registry's text ends with a newline; the request metrics follow as one more block.
    const body = `${await this.registry.metrics()}\n${this.#requests.text()}\n`;
    return { contentType: this.registry.contentType, body };
  }
}

/**
 * Counts every answered request by its route pattern (never the raw URL: ids would make a series
 * each), and serves `/metrics` on the app when a token is configured (`Authorization: Bearer …`).
 */
export function installMetrics(
  app: FastifyInstance,
  metrics: DiaryMetrics,
  options: { readonly token?: string | undefined },
): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const token = options.token;
  if (!token) return;
  app.get('/metrics', async (request, reply) => {
    if (!sameSecret(request.headers.authorization ?? '', `Bearer ${token}`))
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    const { contentType, body } = await metrics.text();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}

/** Compares two secrets in constant time (digests of equal length). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
