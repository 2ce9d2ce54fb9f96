/** One server-sent event frame as received: a comment (`: ping`) or an event. */
export interface SseFrame {
  readonly comment?: string;
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: number;
}

/** How to open a stream: a bearer header or a query token, and where to resume. */
export interface OpenOptions {
  readonly token?: string;
  readonly queryToken?: string;
  readonly lastEventId?: string;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string>;
}

function parseFrame(block: string): SseFrame {
  const frame: Record<string, string | number> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const match = /^(id|event|data|retry): ?(.*)$/.exec(line);
    if (!match?.[1]) continue;
    const [, field, value = ''] = match;
    frame[field] = field === 'retry' ? Number(value) : value;
  }
  return frame as SseFrame;
}

/**
 * A test client of the live-event stream, as an `EventSource` would read it: fetch and a streaming
 * reader, frames parsed as they arrive. Tests wait for frames with {@link EventStreamClient.next}.
 */
export class EventStreamClient {
  /** Every frame received so far, in order. */
  readonly frames: SseFrame[] = [];
  /** Resolves when the server ends the stream (or it is closed here). */
  readonly ended: Promise<void>;
  readonly #controller: AbortController;
  #cursor = 0;
  #waiters: (() => void)[] = [];
  #done = false;

  private constructor(
    readonly response: Response,
    controller: AbortController,
  ) {
    this.#controller = controller;
    this.ended = this.#read();
  }

  /** Opens the stream at `${baseUrl}/api/v1/events`. */
  static async open(baseUrl: string, options: OpenOptions = {}): Promise<EventStreamClient> {
    const url = new URL('/api/v1/events', baseUrl);
    if (options.queryToken) url.searchParams.set('access_token', options.queryToken);
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    return new EventStreamClient(response, controller);
  }

  /** Events (not comments) received so far. */
  get events(): SseFrame[] {
    return this.frames.filter((f) => f.event !== undefined);
  }

  /** The next frame (after those already taken) that matches, waiting up to `timeoutMs`. */
  async next(
    match: (frame: SseFrame) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#cursor < this.frames.length) {
        const frame = this.frames[this.#cursor++] as SseFrame;
        if (match(frame)) return frame;
      }
      if (this.#done) throw new Error('the stream ended before a matching frame arrived');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next event of a type. */
  nextEvent(type: string, timeoutMs?: number): Promise<SseFrame> {
    return this.next((f) => f.event === type, timeoutMs);
  }

  /** Drops the connection, as a closed browser tab would. */
  async close(): Promise<void> {
    this.#controller.abort();
    await this.ended;
  }

  async #read(): Promise<void> {
    const body = this.response.body;
    if (!body) return this.#finish();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        this.#wake();
      }
    } catch (error) {
      if (!this.#controller.signal.aborted) throw error;
    } finally {
      this.#finish();
    }
  }

  #finish(): void {
    this.#done = true;
    this.#wake();
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }
}
