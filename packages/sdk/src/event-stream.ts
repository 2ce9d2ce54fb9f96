// The live-event stream's connection: connects with the session's token, reads server-sent
// events, checks each (against core's schema when the client checks answers), brings the cache
// up to date and hands it on; reconnects with backoff and resumes with `Last-Event-ID`. Loaded by
// `LiveEvents` when its stream first opens, so a page that listens to nothing never loads it.
import { routeManifest, type LiveEvent } from '@school-diary/core';
import { applyLiveEvent } from './cache-effects';
import type { ClientInternals } from './create-client';
import { DiaryApiError, DiaryContractError, DiaryNetworkError } from './errors';
import type { LiveEventsOptions, LiveStatus } from './events';
import { onFirstUse } from './first-use';
import { SseParser, type SseMessage } from './sse-parser';
import { issuesOf, operationOf } from './transport';

/** What the stream shares with the `LiveEvents` that runs it. */
export interface StreamState {
  readonly client: ClientInternals;
  readonly options: LiveEventsOptions;
  /** The id of the last event received: where a reconnection resumes. */
  lastEventId: string;
  /** The server's `retry:`, once it sent one. */
  serverRetry: number | undefined;
  /** The open connection, aborted to drop it. */
  connection: AbortController | undefined;
  /** Ends the wait before the next attempt. */
  wake: (() => void) | undefined;
  /** Events in order: each is checked and cached before the next is handed on. */
  delivery: Promise<void>;
  /** Whether someone still listens while signed in. */
  wanted(): boolean;
  setStatus(status: LiveStatus): void;
  report(error: unknown): void;
  /** Hands a checked event to the listeners. */
  deliver(event: LiveEvent): void;
}

const STREAM = routeManifest.events.stream;
const STREAM_OPERATION = operationOf(STREAM);
const loadEventSchema = onFirstUse(() => import('./live-event-check'), 'live event schema');

/** Keeps the stream open while it is wanted: connects, reads, and waits between attempts. */
export async function runStream(state: StreamState): Promise<void> {
  let failures = 0;
  while (state.wanted()) {
    const connection = new AbortController();
    state.connection = connection;
    let immediately = false;
    try {
      immediately = await connect(state, connection.signal, () => (failures = 0));
    } catch (error) {
      if (!connection.signal.aborted) state.report(error);
    }
    if (!state.wanted()) return;
    if (connection.signal.aborted || immediately) continue;
    state.setStatus('waiting');
    await sleep(state, delay(state, failures++));
  }
}

/** One connection, until it ends; true when it should be replaced at once (session renewed). */
async function connect(
  state: StreamState,
  signal: AbortSignal,
  onOpen: () => void,
): Promise<boolean> {
  const { client } = state;
  await client.session.ready;
  const token = await client.session.accessToken();
  if (!token) return false;
  state.setStatus('connecting');
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    authorization: `Bearer ${token}`,
    'accept-language': client.language(),
  };
  if (state.lastEventId) headers['last-event-id'] = state.lastEventId;
  let response: Response;
  try {
    response = await client.transport.fetch(client.transport.url(STREAM.path), {
      headers,
      signal,
    });
  } catch (error) {
    throw signal.aborted ? error : new DiaryNetworkError('offline', { cause: error });
  }
  if (response.status === 401) {
    await response.body?.cancel();
    return (await client.session.refresh(token)) !== undefined;
  }
  if (!response.ok || !response.body)
    throw new DiaryApiError({
      status: response.status,
      code: 'internal',
      message: `HTTP ${response.status}`,
    });
  onOpen();
  state.setStatus('open');
  return read(state, response.body, token);
}

/** Reads a stream to its end; true when the server ended it because the session expired. */
async function read(
  state: StreamState,
  body: ReadableStream<Uint8Array>,
  token: string,
): Promise<boolean> {
  let expired = false;
  const parser = new SseParser((message) => {
    if (message.event === 'session-expired') expired = true;
    else dispatch(state, message);
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      state.serverRetry = parser.retry ?? state.serverRetry;
    }
  } finally {
    reader.releaseLock();
  }
  if (!expired) throw new DiaryNetworkError('offline');
  return (await state.client.session.refresh(token)) !== undefined;
}

function dispatch(state: StreamState, message: SseMessage): void {
  if (message.lastEventId) state.lastEventId = message.lastEventId;
  // Chained, so listeners hear events in the order they came even though checking (its schema
  // loads on the first event) and caching are async.
  state.delivery = state.delivery
    .then(async () => {
      const event = await parseEvent(message.data, state.client.validateResponses);
      await applyLiveEvent(state.client.cache, event).catch((error: unknown) =>
        state.report(error),
      );
      state.deliver(event);
    })
    .catch((error: unknown) => state.report(error));
}

function delay(state: StreamState, failures: number): number {
  const base = state.options.retryDelayMs ?? state.serverRetry ?? 1000;
  const max = state.options.maxRetryDelayMs ?? 30_000;
  const random = state.options.random ?? Math.random;
  return Math.min(base * 2 ** failures, max) * (0.5 + random() / 2);
}

function sleep(state: StreamState, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    state.wake = done;
  }).finally(() => {
    state.wake = undefined;
  });
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
