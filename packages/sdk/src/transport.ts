import { isIdempotent, type RouteSpec } from '@school-diary/core';
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { DiaryApiError, DiaryContractError, DiaryNetworkError, type ContractIssue } from './errors';
import { InFlight } from './in-flight';
import { errorAnswerOf } from './shapes';

/**
 * How failed safe requests are tried again.
 *
 * @example
 * createDiaryClient({ baseUrl, retry: { limit: 4, backoffLimit: 10_000, maxRetryAfterSeconds: 60 } });
 */
export interface RetryOptions {
  /**
   * Attempts after the first one.
   * @default 2
   */
  readonly limit?: number;
  /**
   * Longest wait between attempts, in milliseconds (the backoff doubles from 300 ms).
   * @default 5000
   */
  readonly backoffLimit?: number;
  /**
   * A `Retry-After` longer than this many seconds is not waited for: the error is thrown.
   * @default 30
   */
  readonly maxRetryAfterSeconds?: number;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** Origin (and optional path prefix) of the diary server, e.g. `https://diary.school42.ru`. */
  readonly baseUrl: string;
  /** The `fetch` to use; the global one by default. */
  readonly fetch?: typeof fetch;
  /** Milliseconds an attempt may take before it fails with a `timeout`. */
  readonly timeout?: number;
  readonly retry?: RetryOptions;
  /** Headers added to every request (e.g. `accept-language`), read at send time. */
  readonly headers?: () => Record<string, string>;
}

/**
 * What the transport reads of an operation: core's `RouteSpec` or `RouteInfo` both have it. Its
 * `access`, when given, goes with a refusal ({@link DiaryApiError.access}).
 */
export type WireRoute = Pick<RouteSpec, 'method' | 'path' | 'responseType' | 'idempotent'> &
  Partial<Pick<RouteSpec, 'access'>>;

/** One request of an operation, with its path already filled in. */
export interface WireRequest {
  readonly route: WireRoute;
  /** The path with its parameters, e.g. `/api/v1/children/chd_1/grades`. */
  readonly path: string;
  readonly query?: URLSearchParams;
  /** JSON body, or form data for uploads. */
  readonly body?: unknown;
  /** Bearer token. */
  readonly token?: string;
  /** A cached entity tag: the server answers 304 when it still holds. */
  readonly etag?: string;
  readonly signal?: AbortSignal;
  /** Bytes of an upload sent so far; such a request goes through `XMLHttpRequest`. */
  readonly onUploadProgress?: (progress: { loaded: number; total: number }) => void;
}

/** An answer: the status, the parsed body (JSON, text or Blob) and its entity tag. */
export interface WireResponse {
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string;
}

/** Sends requests of core's operations; see {@link createTransport}. */
export interface Transport {
  send(request: WireRequest): Promise<WireResponse>;
  /** The absolute URL of a path. */
  url(path: string): string;
  /** The `fetch` requests go through (the event stream uses it directly). */
  readonly fetch: typeof fetch;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** `METHOD /path` of a route, for messages. */
export const operationOf = (route: Pick<RouteSpec, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;

/**
 * The HTTP layer of the client, over ky: a timeout per attempt; retries with exponential backoff
 * for idempotent operations only (core's `isIdempotent`: GET, PUT, DELETE and POSTs marked so,
 * like sending a message with its client id) on network errors, 408, 429 and 5xx, honouring
 * `Retry-After`; identical GETs in flight at once share one request. Failures become
 * {@link DiaryApiError}, {@link DiaryNetworkError} or {@link DiaryContractError}; an abort
 * rejects with the signal's reason.
 *
 * @example
 * const transport = createTransport({ baseUrl: 'https://diary.example' });
 * const { body } = await transport.send({ route: routes.children.list, path: '/api/v1/children', token });
 */
export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry = options.retry ?? {};
  const maxRetryAfter = (retry.maxRetryAfterSeconds ?? 30) * 1000;
  const retryPolicy = {
    limit: retry.limit ?? 2,
    backoffLimit: retry.backoffLimit ?? 5000,
    statusCodes: RETRY_STATUSES,
    afterStatusCodes: [429, 503],
    shouldRetry: ({ error }: { error: Error }) => {
      if (!(error instanceof HTTPError)) return undefined;
      const after = Number(error.response.headers.get('retry-after'));
      return Number.isFinite(after) && after * 1000 > maxRetryAfter ? false : undefined;
    },
  };
  const api: KyInstance = ky.create({
    fetch: fetchImpl,
    timeout: options.timeout ?? 15_000,
    throwHttpErrors: (status) => status !== 304,
  });
  const inFlight = new InFlight<WireResponse>();

  const attempt = async (request: WireRequest, signal: AbortSignal): Promise<WireResponse> => {
    const { route } = request;
    const headers = new Headers(options.headers?.());
    if (request.token) headers.set('authorization', `Bearer ${request.token}`);
    if (request.etag) headers.set('if-none-match', request.etag);
    const body = request.body;
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    try {
      if (isForm && request.onUploadProgress && xhrClass()) {
        const url = `${base}${request.path}${request.query?.size ? `?${request.query}` : ''}`;
        const response = await sendWithProgress(url, route.method, headers, body, {
          signal,
          onProgress: request.onUploadProgress,
        });
        if (!response.ok) throw await apiError(route, response);
        return { status: response.status, body: await readBody(route, response) };
      }
      const response = await api(`${base}${request.path}`, {
        method: route.method,
        headers,
        signal,
        ...(request.query?.size ? { searchParams: request.query } : {}),
        ...(body === undefined ? {} : isForm ? { body } : { json: body }),
        retry: isIdempotent(route) ? { ...retryPolicy, methods: [route.method.toLowerCase()] } : 0,
      });
      const etag = response.headers.get('etag') ?? undefined;
      if (response.status === 304) return { status: 304, body: undefined, etag };
      return { status: response.status, body: await readBody(route, response), etag };
    } catch (error) {
      throw await toDiaryError(route, error, signal);
    }
  };

  return {
    fetch: fetchImpl,
    url: (path) => `${base}${path}`,
    send(request) {
      if (request.route.method !== 'GET') return attempt(request, request.signal ?? neverAborted());
      const key = `${request.token ?? ''}\n${request.etag ?? ''}\n${request.path}?${request.query ?? ''}\n${JSON.stringify(options.headers?.() ?? {})}`;
      return inFlight.run(key, request.signal, (signal) => attempt(request, signal));
    },
  };
}

const neverAborted = (): AbortSignal => new AbortController().signal;

async function readBody(route: WireRoute, response: Response): Promise<unknown> {
  switch (route.responseType ?? 'json') {
    case 'none':
      await response.body?.cancel();
      return undefined;
    case 'csv':
      return response.text();
    case 'file':
      return response.blob();
    default: {
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new DiaryContractError(operationOf(route), response.status, [
          { path: '', code: 'invalid_json' },
        ]);
      }
    }
  }
}

/** The little of `XMLHttpRequest` used here (the SDK compiles without the DOM library). */
interface Xhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  responseType: string;
  readonly upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  onloadend: (() => void) | null;
  readonly status: number;
  readonly response: unknown;
  getAllResponseHeaders(): string;
  abort(): void;
  send(body: unknown): void;
}

const xhrClass = () => (globalThis as { XMLHttpRequest?: new () => Xhr }).XMLHttpRequest;

/**
 * Sends a form with `XMLHttpRequest`, reporting the bytes sent (which `fetch` cannot), and
 * answers a `Response` like `fetch`'s; an abort or a network failure rejects.
 */
function sendWithProgress(
  url: string,
  method: string,
  headers: Headers,
  body: FormData,
  options: { signal: AbortSignal; onProgress: (p: { loaded: number; total: number }) => void },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const XhrClass = xhrClass() as new () => Xhr;
    const xhr = new XhrClass();
    xhr.open(method, url);
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (e) => options.onProgress({ loaded: e.loaded, total: e.total });
    xhr.onload = () => {
      const answer = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) answer.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const empty = xhr.status === 204 || xhr.status === 205;
      const content = empty ? null : (xhr.response as Blob);
      resolve(new Response(content, { status: xhr.status, headers: answer }));
    };
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    const abort = () => xhr.abort();
    xhr.onabort = () => reject(options.signal.reason);
    if (options.signal.aborted) return reject(options.signal.reason);
    options.signal.addEventListener('abort', abort, { once: true });
    xhr.onloadend = () => options.signal.removeEventListener('abort', abort);
    xhr.send(body);
  });
}

async function toDiaryError(route: WireRoute, error: unknown, signal: AbortSignal) {
  if (signal.aborted) return signal.reason as unknown;
  if (error instanceof DiaryContractError) return error;
  if (error instanceof DiaryApiError) return error;
  if (error instanceof TimeoutError) return new DiaryNetworkError('timeout', { cause: error });
  if (error instanceof HTTPError) return apiError(route, error.response);
  return new DiaryNetworkError('offline', { cause: error });
}

/** The error response as a {@link DiaryApiError}; a body that breaks the shape is a contract error. */
async function apiError(route: WireRoute, response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = errorAnswerOf(json);
  if (parsed.ok) {
    const { code, message, fields, retryAfterSeconds } = parsed.error;
    const header = Number(response.headers.get('retry-after') ?? NaN);
    return new DiaryApiError({
      status: response.status,
      code,
      message,
      fields,
      retryAfterSeconds: retryAfterSeconds ?? (Number.isFinite(header) ? header : undefined),
      ...(route.access ? { access: route.access } : {}),
    });
  }
  // A proxy's or load balancer's page in front of an unwell server: report it as the server's.
  if (response.status >= 500)
    return new DiaryApiError({
      status: response.status,
      code: 'internal',
      message: `HTTP ${response.status}`,
    });
  return new DiaryContractError(operationOf(route), response.status, parsed.issues);
}

/** The paths and codes of a zod error, for {@link DiaryContractError}. */
export function issuesOf(
  error: { issues: readonly { path: readonly PropertyKey[]; code: string }[] } | undefined,
): ContractIssue[] {
  return (error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), code: i.code }));
}
