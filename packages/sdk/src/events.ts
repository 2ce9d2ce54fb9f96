import { routeManifest, type LiveEvent, type LiveEventType } from '@school-diary/core';
import { applyLiveEvent } from './cache-effects';
import { internalsOf, type ClientInternals } from './create-client';
import { DiaryApiError, DiaryContractError, DiaryNetworkError } from './errors';
import { onFirstUse } from './first-use';
import { browser } from './platform';
import { SseParser, type SseMessage } from './sse-parser';
import { issuesOf, operationOf } from './transport';
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

const STREAM = routeManifest.events.stream;
const STREAM_OPERATION = operationOf(STREAM);
const loadEventSchema = onFirstUse(() => import('./live-event-check'), 'live event schema');

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
  readonly #options: LiveEventsOptions;
  readonly #handlers = new Map<string, Set<(event: LiveEvent) => void>>();
  readonly #statusListeners = new Set<(status: LiveStatus) => void>();
  readonly #errorListeners = new Set<(error: unknown) => void>();
  #status: LiveStatus = 'idle';
  #lastEventId = '';
  #serverRetry: number | undefined;
  #running: Promise<void> | undefined;
  #connection: AbortController | undefined;
  #wake: (() => void) | undefined;
  #delivery: Promise<void> = Promise.resolve();
  #closed = false;
  #opened: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(client: ClientInternals, options: LiveEventsOptions = {}) {
    this.#client = client;
    this.#options = options;
    const stopSession = client.session.onChange((change) => {
      if (change.type === 'signed-out') {
        this.#lastEventId = '';
        this.#connection?.abort();
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
    return this.#lastEventId;
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
      if (!this.#wanted()) this.#connection?.abort();
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
    this.#connection?.abort();
    this.#wake?.();
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
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      this.#setStatus('idle');
      // A listener may have subscribed while the loop was finishing.
      this.#ensure();
    });
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (this.#wanted()) {
      const connection = new AbortController();
      this.#connection = connection;
      let immediately = false;
      try {
        immediately = await this.#connect(connection.signal, () => (failures = 0));
      } catch (error) {
        if (!connection.signal.aborted) this.#report(error);
      }
      if (!this.#wanted()) return;
      if (connection.signal.aborted || immediately) continue;
      this.#setStatus('waiting');
      await this.#sleep(this.#delay(failures++));
    }
  }

  /** One connection, until it ends; true when it should be replaced at once (session renewed). */
  async #connect(signal: AbortSignal, onOpen: () => void): Promise<boolean> {
    await this.#client.session.ready;
    const token = await this.#client.session.accessToken();
    if (!token) return false;
    this.#setStatus('connecting');
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
      'accept-language': this.#client.language(),
    };
    if (this.#lastEventId) headers['last-event-id'] = this.#lastEventId;
    let response: Response;
    try {
      response = await this.#client.transport.fetch(this.#client.transport.url(STREAM.path), {
        headers,
        signal,
      });
    } catch (error) {
      throw signal.aborted ? error : new DiaryNetworkError('offline', { cause: error });
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return (await this.#client.session.refresh(token)) !== undefined;
    }
    if (!response.ok || !response.body)
      throw new DiaryApiError({
        status: response.status,
        code: 'internal',
        message: `HTTP ${response.status}`,
      });
    onOpen();
    this.#setStatus('open');
    return this.#read(response.body, token);
  }

  /** Reads a stream to its end; true when the server ended it because the session expired. */
  async #read(body: ReadableStream<Uint8Array>, token: string): Promise<boolean> {
    let expired = false;
    const parser = new SseParser((message) => {
      if (message.event === 'session-expired') expired = true;
      else this.#dispatch(message);
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
        this.#serverRetry = parser.retry ?? this.#serverRetry;
      }
    } finally {
      reader.releaseLock();
    }
    if (!expired) throw new DiaryNetworkError('offline');
    return (await this.#client.session.refresh(token)) !== undefined;
  }

  #dispatch(message: SseMessage): void {
    if (message.lastEventId) this.#lastEventId = message.lastEventId;
    // Chained, so listeners hear events in the order they came even though checking (its schema
    // loads on the first event) and caching are async.
    this.#delivery = this.#delivery
      .then(async () => {
        const event = await parseEvent(message.data, this.#client.validateResponses);
        await applyLiveEvent(this.#client.cache, event).catch((error: unknown) =>
          this.#report(error),
        );
        for (const type of [event.type, '*'])
          for (const handler of this.#handlers.get(type) ?? []) this.#call(handler, event);
      })
      .catch((error: unknown) => this.#report(error));
  }

  /** A listener's exception is reported, and never stops the others or later events. */
  #call(handler: (event: LiveEvent) => void, event: LiveEvent): void {
    try {
      handler(event);
    } catch (error) {
      this.#report(error);
    }
  }

  #delay(failures: number): number {
    const base = this.#options.retryDelayMs ?? this.#serverRetry ?? 1000;
    const max = this.#options.maxRetryDelayMs ?? 30_000;
    const random = this.#options.random ?? Math.random;
    return Math.min(base * 2 ** failures, max) * (0.5 + random() / 2);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    }).finally(() => {
      this.#wake = undefined;
    });
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

/** Whether an event has the envelope every live event has (its `data` is not looked into). */
const isEnvelope = (json: unknown): json is LiveEvent => {
  const event = json as Partial<Record<keyof LiveEvent, unknown>> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.at === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null
  );
};

/**
 * An event's data, or a contract error: checked against core's `liveEventSchema` (loaded on the
 * first event) when the client checks answers, else only its envelope.
 */
async function parseEvent(data: string, validate: boolean): Promise<LiveEvent> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  if (!validate) {
    if (isEnvelope(json)) return json;
    throw new DiaryContractError(STREAM_OPERATION, 200, [{ path: '', code: 'invalid_type' }]);
  }
  const parsed = (await loadEventSchema()).liveEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new DiaryContractError(STREAM_OPERATION, 200, issuesOf(parsed.error));
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
