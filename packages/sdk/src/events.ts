import type { LiveEvent, LiveEventType } from '@school-diary/core';
import { internalsOf, type ClientInternals } from './create-client';
import type { StreamState } from './event-stream';
import { onFirstUse } from './first-use';
import { browser } from './platform';
import type { Unsubscribe } from './watch';

/**
 * The live event of one type, e.g. `LiveEventOf<'mark.created'>` whose `data` is a mark.
 *
 * @example
 * const onMark = (event: LiveEventOf<'mark.created'>) => console.log(event.data.subjectName);
 * client.events.on('mark.created', onMark);
 */
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

/**
 * Where the stream is: `idle` (nobody listens, or signed out), `connecting`, `open`, or
 * `waiting` before the next reconnection attempt.
 *
 * @example
 * client.events.onStatus((status: LiveStatus) => (badge.hidden = status === 'open'));
 */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'waiting';

/**
 * Options of {@link createLiveEvents}.
 *
 * @example
 * createDiaryClient({ baseUrl, events: { retryDelayMs: 2000, maxRetryDelayMs: 60_000 } });
 */
export interface LiveEventsOptions {
  /**
   * Milliseconds before the first reconnection attempt; the delay doubles after each failure.
   * By default the server's `retry:` (3 s), else 1 s.
   */
  readonly retryDelayMs?: number;
  /**
   * Longest wait between attempts, in milliseconds.
   * @default 30000
   */
  readonly maxRetryDelayMs?: number;
  /**
   * Source of the jitter that spreads reconnections of many clients (0 ≤ x < 1).
   * @default Math.random
   */
  readonly random?: () => number;
}

/** The stream's connection (event-stream.ts): loaded when a stream first opens. */
const loadStream = onFirstUse(() => import('./event-stream'), 'live events');

/**
 * The signed-in user's live events (new marks, messages, substitutions…) from the server-sent
 * event stream, typed by core's `liveEventSchema`. The stream opens when the first listener
 * subscribes (and someone is signed in) and closes when the last one leaves; it reconnects with
 * backoff and resumes with `Last-Event-ID`, so nothing is missed across a dropped connection.
 * Cached reads an event changes are updated before listeners hear of it.
 *
 * @example
 * const stop = client.events.on('mark.created', (event) => {
 *   toast(`${event.data.subjectName}: ${event.data.value}`);
 * });
 */
export class LiveEvents {
  readonly #client: ClientInternals;
  readonly #handlers = new Map<string, Set<(event: LiveEvent) => void>>();
  readonly #statusListeners = new Set<(status: LiveStatus) => void>();
  readonly #errorListeners = new Set<(error: unknown) => void>();
  readonly #stream: StreamState;
  #status: LiveStatus = 'idle';
  #running: Promise<void> | undefined;
  #closed = false;
  #opened: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(client: ClientInternals, options: LiveEventsOptions = {}) {
    this.#client = client;
    this.#stream = {
      client,
      options,
      lastEventId: '',
      serverRetry: undefined,
      connection: undefined,
      wake: undefined,
      delivery: Promise.resolve(),
      wanted: () => this.#wanted(),
      setStatus: (status) => this.#setStatus(status),
      report: (error) => this.#report(error),
      deliver: (event) => this.#deliver(event),
    };
    const stopSession = client.session.onChange((change) => {
      if (change.type === 'signed-out') {
        this.#stream.lastEventId = '';
        this.#stream.connection?.abort();
      } else this.#ensure();
    });
    const online = () => this.reconnect();
    browser.addEventListener?.('online', online);
    client.onClose(() => {
      stopSession();
      browser.removeEventListener?.('online', online);
      this.close();
    });
  }

  /** Where the stream is now. */
  get status(): LiveStatus {
    return this.#status;
  }

  /**
   * Settles when the stream is open: at once if it is, else the next time it opens. The stream
   * opens when the first listener subscribes while someone is signed in, so subscribe first;
   * events the server sends from then on reach the listeners. Useful in tests, before making
   * something happen on the server.
   *
   * @example
   * client.events.on('mark.created', (event) => marks.push(event.data));
   * await client.events.ready;
   * await teacher.grades.create({ childId, subjectId, value: 5, kind: 'test', date });
   */
  get ready(): Promise<void> {
    if (this.#status === 'open') return Promise.resolve();
    if (!this.#opened) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      this.#opened = { promise, resolve };
    }
    return this.#opened.promise;
  }

  /** The id of the last event received: where a reconnection resumes. */
  get lastEventId(): string {
    return this.#stream.lastEventId;
  }

  /**
   * Listens to one type of event, or to all with `'*'`; returns the function that stops.
   *
   * @example
   * client.events.on('message.created', (event) => chat.append(event.data));
   * client.events.on('*', (event) => console.log(event.type));
   */
  on<T extends LiveEventType>(type: T, handler: (event: LiveEventOf<T>) => void): Unsubscribe;
  on(type: '*', handler: (event: LiveEvent) => void): Unsubscribe;
  on(type: string, handler: (event: never) => void): Unsubscribe {
    const set = this.#handlers.get(type) ?? new Set();
    this.#handlers.set(type, set);
    const wrapped = handler as (event: LiveEvent) => void;
    set.add(wrapped);
    this.#ensure();
    return () => {
      set.delete(wrapped);
      if (!this.#wanted()) this.#stream.connection?.abort();
    };
  }

  /**
   * Listens to status changes (for an "offline" badge).
   *
   * @example
   * client.events.onStatus((status) => badge.toggleAttribute('offline', status === 'waiting'));
   */
  onStatus(listener: (status: LiveStatus) => void): Unsubscribe {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /**
   * Listens to failures of the stream (a failed connection before a retry, an event that breaks
   * the contract). The stream keeps retrying by itself.
   *
   * @example
   * client.events.onError((error) => console.warn('live events:', error));
   */
  onError(listener: (error: unknown) => void): Unsubscribe {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /**
   * Drops the current connection (or the wait before the next attempt) and connects again now.
   * The client does this by itself when the browser comes back online.
   *
   * @example
   * retryButton.onclick = () => client.events.reconnect();
   */
  reconnect(): void {
    this.#stream.connection?.abort();
    this.#stream.wake?.();
    // After a failed load of the stream's code: try again now.
    this.#ensure();
  }

  /** Closes the stream for good and forgets every listener. */
  close(): void {
    this.#closed = true;
    this.#handlers.clear();
    this.reconnect();
  }

  #wanted(): boolean {
    if (this.#closed || !this.#client.session.signedIn) return false;
    for (const set of this.#handlers.values()) if (set.size > 0) return true;
    return false;
  }

  #ensure(): void {
    if (this.#running || !this.#wanted()) return;
    let loaded = false;
    this.#running = loadStream()
      .then((stream) => {
        loaded = true;
        return stream.runStream(this.#stream);
      })
      .catch((error: unknown) => this.#report(error))
      .finally(() => {
        this.#running = undefined;
        this.#setStatus('idle');
        // A listener may have subscribed while the loop was finishing. A failed load waits for
        // the next listener or reconnection (the browser back online) instead of looping.
        if (loaded) this.#ensure();
      });
  }

  /** Hands an event to the listeners of its type and of every type. */
  #deliver(event: LiveEvent): void {
    for (const type of [event.type, '*'])
      for (const handler of this.#handlers.get(type) ?? []) this.#call(handler, event);
  }

  /** A listener's exception is reported, and never stops the others or later events. */
  #call(handler: (event: LiveEvent) => void, event: LiveEvent): void {
    try {
      handler(event);
    } catch (error) {
      this.#report(error);
    }
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    if (status === 'open') {
      this.#opened?.resolve();
      this.#opened = undefined;
    }
    for (const listener of this.#statusListeners) listener(status);
  }

  #report(error: unknown): void {
    for (const listener of this.#errorListeners) listener(error);
  }
}

/**
 * Adds live events to a client made by `createClient` (`createDiaryClient` already has them as
 * `client.events`).
 *
 * @example
 * const events = createLiveEvents(client);
 * events.on('mark.created', (event) => console.log(event.data.value));
 */
export function createLiveEvents(client: object, options?: LiveEventsOptions): LiveEvents {
  return new LiveEvents(internalsOf(client), options);
}
