import type { ServerResponse } from 'node:http';
import type { LiveEvent } from '@school-diary/core';
import type { FastifyBaseLogger } from 'fastify';
import type { AuthUser, Services } from '../services/context';

/** Events read per query while catching up; a longer backlog is read in several batches. */
const BATCH = 500;
/** setTimeout's largest delay; a later expiry is caught by the heartbeat's check instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Open streams of each app, closed when the app closes (an open stream would keep it alive). */
const openStreams = new WeakMap<Services, Set<LiveStream>>();

/** How many streams of an app are open (the metrics' gauge). */
export function openLiveStreams(s: Services): number {
  return openStreams.get(s)?.size ?? 0;
}

/**
 * Ends every open stream of an app; call it before the server closes (fastify's `preClose`). Each
 * client is told to reconnect within a second (`retry: 1000`), which reaches another instance
 * behind the load balancer and resumes from its `Last-Event-ID`.
 */
export function closeLiveStreams(s: Services): void {
  for (const stream of openStreams.get(s) ?? [])
    stream.close('retry: 1000\n: the server is restarting\n\n');
}

/** Where a stream starts and how it reaches its client. */
export interface LiveStreamOptions {
  readonly user: AuthUser;
  /** The id of the last event the client has: only later ones are sent. */
  readonly cursor: number;
  readonly response: ServerResponse;
  readonly log: FastifyBaseLogger;
}

/**
 * One client's server-sent event stream: sends the user's events after a cursor, wakes on new
 * ones, pings every `heartbeatSeconds`, and ends with `event: session-expired` once the session
 * behind it has expired or was revoked (checked before every batch and on every heartbeat).
 * Reads are serialised, so an event is sent once and in order.
 */
export class LiveStream {
  readonly #s: Services;
  readonly #options: LiveStreamOptions;
  #cursor: number;
  #reading = false;
  #again = false;
  #closed = false;
  readonly #cleanups: (() => void)[] = [];

  constructor(s: Services, options: LiveStreamOptions) {
    this.#s = s;
    this.#options = options;
    this.#cursor = options.cursor;
  }

  /** Starts sending: the reconnection delay, the backlog after the cursor, then live events. */
  start(expiresAt: Date): void {
    const { response, user } = this.#options;
    const streams = openStreams.get(this.#s) ?? new Set<LiveStream>();
    openStreams.set(this.#s, streams);
    streams.add(this);
    this.#cleanups.push(() => streams.delete(this));
    this.#cleanups.push(this.#s.live.subscribe(user.id, () => this.wake()));
    const heartbeat = setInterval(
      () => {
        this.#write(': ping\n\n');
        this.wake();
      },
      Math.max(this.#s.config.heartbeatSeconds * 1000, 10),
    );
    const untilExpiry = expiresAt.getTime() - this.#s.clock.now().getTime();
    const expiry = setTimeout(() => this.wake(), Math.min(Math.max(untilExpiry, 0), MAX_TIMER_MS));
    heartbeat.unref();
    expiry.unref();
    this.#cleanups.push(
      () => clearInterval(heartbeat),
      () => clearTimeout(expiry),
    );
    response.on('close', () => this.close());
    this.#write('retry: 3000\n\n');
    this.wake();
  }

  /** Reads and sends whatever is new; a wake during a read makes that read go round once more. */
  wake(): void {
    if (this.#closed) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    this.#pump()
      .catch((error: unknown) => {
        // The client reconnects with Last-Event-ID and resumes where this stream stopped.
        this.#options.log.error({ err: error }, 'live stream failed');
        this.close();
      })
      .finally(() => {
        this.#reading = false;
      });
  }

  /** Stops the stream (after a last frame, if given) and releases its timers and subscription; safe to call twice. */
  close(lastFrame?: string): void {
    if (this.#closed) return;
    if (lastFrame) this.#write(lastFrame);
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    if (!this.#options.response.writableEnded) this.#options.response.end();
  }

  async #pump(): Promise<void> {
    do {
      this.#again = false;
      if (!(await this.#sessionValid())) {
        this.#expire();
        return;
      }
      let batch: LiveEvent[];
      do {
        batch = await this.#s.live.since(this.#s.db, this.#options.user.id, this.#cursor, BATCH);
        for (const event of batch) {
          if (this.#closed) return;
          this.#cursor = Number(event.id);
          await this.#send(event);
        }
      } while (batch.length === BATCH && !this.#closed);
    } while (this.#again && !this.#closed);
  }

  async #sessionValid(): Promise<boolean> {
    const session = await this.#s.db
      .selectFrom('sessions')
      .select(['access_expires_at', 'revoked_at'])
      .where('id', '=', this.#options.user.sessionId)
      .executeTakeFirst();
    if (!session || session.revoked_at) return false;
    return new Date(session.access_expires_at).getTime() > this.#s.clock.now().getTime();
  }

  #expire(): void {
    this.#write('event: session-expired\ndata: {}\n\n');
    this.close();
  }

  async #send(event: LiveEvent): Promise<void> {
    const frame = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    if (this.#write(frame)) return;
    const response = this.#options.response;
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  }

  /** Writes a frame; false when the socket's buffer is full (wait for `drain`). */
  #write(frame: string): boolean {
    if (this.#closed) return true;
    return this.#options.response.write(frame);
  }
}
