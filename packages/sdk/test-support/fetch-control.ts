// Test-only: a `fetch` in front of the real server that a test can cut off, slow down or make
// misbehave — the network and proxies the SDK must survive (the server itself stays real).

/** What the wrapped fetch does with one request instead of passing it on. */
export type Fault =
  | { readonly kind: 'offline' }
  /** The request reaches the server, but its answer is lost on the way back. */
  | { readonly kind: 'lost' }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'rewrite'; readonly change: (json: unknown) => unknown };

/** One request as it went out. */
export interface SeenRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  status?: number;
}

/** A controllable `fetch` and what went through it. */
export interface FetchControl {
  readonly fetch: typeof fetch;
  readonly seen: SeenRequest[];
  /** Every request fails as if the network were down until `online()`. */
  offline(): void;
  online(): void;
  /** The next `count` requests matching `match` get `fault`. */
  inject(
    fault: Fault,
    options?: { count?: number; match?: (request: SeenRequest) => boolean },
  ): void;
  /** Requests whose path ends with `suffix`. */
  count(suffix: string, method?: string): number;
  /** Breaks every response body still being read (an event stream), as a dropped connection. */
  dropStreams(): void;
}

const offlineError = () => new TypeError('fetch failed');

/** Wraps the global fetch. */
export function controlFetch(): FetchControl {
  const seen: SeenRequest[] = [];
  let down = false;
  const faults: { fault: Fault; left: number; match: (r: SeenRequest) => boolean }[] = [];
  const streams = new Map<ReadableStreamDefaultController<Uint8Array>, () => void>();

  /** The same body, but breakable by `dropStreams()`. */
  const breakable = (response: Response): Response => {
    const source = response.body?.getReader();
    if (!source) return response;
    let controller: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        streams.set(c, () => void source.cancel().catch(() => undefined));
      },
      async pull(c) {
        try {
          const { done, value } = await source.read();
          if (done) {
            streams.delete(controller);
            c.close();
          } else c.enqueue(value);
        } catch (error) {
          streams.delete(controller);
          c.error(error);
        }
      },
      cancel(reason) {
        streams.delete(controller);
        return source.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };

  const wrapped = async (
    input: Parameters<typeof fetch>[0],
    init?: RequestInit,
  ): Promise<Response> => {
    const request = new Request(input, init);
    const entry: SeenRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
    };
    seen.push(entry);
    if (down) throw offlineError();
    const index = faults.findIndex((f) => f.left > 0 && f.match(entry));
    const planned = index >= 0 ? faults[index] : undefined;
    if (planned) planned.left -= 1;
    const fault = planned?.fault;
    if (fault?.kind === 'offline') throw offlineError();
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      return new Response(fault.body ?? null, { status: fault.status, headers: fault.headers });
    }
    if (fault?.kind === 'delay') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, fault.ms);
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(request.signal.reason);
        });
      });
    }
    const response = await fetch(request);
    entry.status = response.status;
    if (fault?.kind === 'lost') {
      await response.body?.cancel();
      throw offlineError();
    }
    if (fault?.kind !== 'rewrite') return breakable(response);
    const json = fault.change(await response.json());
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(json), { status: response.status, headers });
  };

  return {
    fetch: wrapped as typeof fetch,
    seen,
    offline: () => (down = true),
    online: () => (down = false),
    inject(fault, { count = 1, match = () => true } = {}) {
      faults.push({ fault, left: count, match });
    },
    dropStreams() {
      for (const [controller, cancelSource] of streams) {
        controller.error(offlineError());
        cancelSource();
      }
      streams.clear();
    },
    count: (suffix, method) =>
      seen.filter((r) => r.url.pathname.endsWith(suffix) && (!method || r.method === method))
        .length,
  };
}
