import {
  apiErrorMessage,
  errorMessage,
  isErrorCode,
  listRoutes,
  pickLang,
  validate,
  type ApiErrorCode,
  type Lang,
  type RouteSpec,
  type User,
} from '@school-diary/core';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { MEMORY_HANDLERS } from './memory-handlers';
import type { MemoryFile } from './memory-oneroster';

interface CompiledRoute {
  readonly id: string;
  readonly route: RouteSpec;
  readonly pattern: RegExp;
  readonly names: string[];
}

/** Routes as patterns, literal paths first (`/children/search` before `/children/{childId}`). */
const compiled: CompiledRoute[] = listRoutes()
  .map(({ group, name, route }) => ({
    id: `${group}.${name}`,
    route,
    names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
    pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }))
  .sort((a, b) => a.names.length - b.names.length);

/**
 * An upload's file as a memory handler sees it: its name, size and type, and for an import its
 * text (other files' bytes are not kept).
 */
async function uploaded(request: Request, id: string): Promise<Record<string, unknown>> {
  const file = (await request.formData().catch(() => undefined))?.get('file');
  if (!(file instanceof Blob))
    throw new MemoryApiError(400, 'validation_failed', [{ path: 'file', code: 'required' }]);
  return {
    name: (file as Partial<File>).name ?? 'file',
    size: file.size,
    contentType: file.type || 'application/octet-stream',
    ...(id.startsWith('imports.') ? { text: await file.text() } : {}),
  };
}

/** Whether a handler answered a file (a download) rather than JSON. */
function isMemoryFile(value: unknown): value is MemoryFile {
  return typeof value === 'object' && value !== null && 'bytes' in value && 'type' in value;
}

function json(status: number, body: unknown, type = 'application/json; charset=utf-8'): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': type } });
}

function errorResponse(error: MemoryApiError, lang: Lang, message?: string): Response {
  const code = error.code as ApiErrorCode;
  return json(error.status, {
    error: {
      code,
      message: message ?? apiErrorMessage(code, { lang }),
      fields: error.fields.map((f) => ({
        path: f.path,
        code: f.code,
        message:
          f.message ??
          (isErrorCode(f.code)
            ? errorMessage(f.code, {
                lang,
                field: f.path.split('.').pop(),
                ...(f.params ? { params: f.params } : {}),
              })
            : f.code),
      })),
    },
  });
}

function check(schema: RouteSpec['body'], input: unknown, lang: Lang): Record<string, unknown> {
  if (!schema) return {};
  const result = validate(schema, input, lang);
  if (result.ok) return result.value as Record<string, unknown>;
  throw new MemoryApiError(400, 'validation_failed', result.errors);
}

function authenticate(diary: MemoryDiary, request: Request, route: RouteSpec) {
  const header = request.headers.get('authorization');
  const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (header && !token) throw new MemoryApiError(401, 'unauthorized');
  const caller = token ? diary.authenticate(token) : undefined;
  if (route.access === 'public') return caller;
  if (!caller) throw new MemoryApiError(401, 'unauthorized');
  if (route.access !== 'authenticated' && !route.access.includes(caller.user.role))
    throw new MemoryApiError(403, 'forbidden');
  return caller;
}

/** The live-event stream of a user, from after `Last-Event-ID` (or from `from`). */
function eventStream(diary: MemoryDiary, request: Request, user: User, from: number): Response {
  const header = request.headers.get('last-event-id');
  const after = header && /^\d+$/.test(header) ? Number(header) : from;
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('retry: 1000\n\n'));
      stop = diary.subscribe(user.id, after, (event) =>
        controller.enqueue(
          encoder.encode(
            `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
          ),
        ),
      );
      request.signal.addEventListener('abort', () => {
        stop();
        controller.error(request.signal.reason);
      });
    },
    cancel: () => stop(),
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * How an operation of a memory client fails on purpose: a server error with a status and code,
 * or `'network'` for a request that never reaches a server (`fetch` rejects, as offline).
 *
 * @example
 * const failures: Record<string, MemoryFailure> = {
 *   'schools.search': { status: 500, code: 'internal' },
 *   'grades.list': 'network',
 * };
 */
export type MemoryFailure = { readonly status: number; readonly code: ApiErrorCode } | 'network';

/** Options of {@link memoryFetch}. */
export interface MemoryFetchOptions {
  /** Milliseconds every answer takes. */
  readonly latencyMs?: number;
  /** Operations (`group.name` of core's route table) that fail, for error states in stories. */
  readonly failures?: Readonly<Record<string, MemoryFailure>>;
}

/**
 * A `fetch` that answers core's operations from a {@link MemoryDiary}, as the reference server
 * would: input validated with core's schemas (field errors localised by `Accept-Language`),
 * roles checked, another family's data answered with 404, live events streamed. Events published
 * after this `fetch` is made and before its first stream opens are kept for that stream, so a
 * test that subscribes and at once makes something happen still hears of it.
 *
 * @example
 * const memory = new MemoryDiary(demoFixtures(), () => new Date());
 * const client = createDiaryClient({ baseUrl: MEMORY_BASE_URL, fetch: memoryFetch(memory) });
 */
export function memoryFetch(diary: MemoryDiary, options: MemoryFetchOptions = {}): typeof fetch {
  // Where the first stream starts; later fresh streams start from now, as the server's do.
  let firstStreamFrom: number | undefined = diary.lastSeq;
  return async (input, init) => {
    const request = new Request(input, init);
    if (options.latencyMs) await delay(options.latencyMs, request.signal);
    const lang = pickLang(request.headers.get('accept-language'));
    const url = new URL(request.url);
    const found = compiled
      .map((c) => ({
        c,
        match: c.route.method === request.method ? c.pattern.exec(url.pathname) : null,
      }))
      .find((m) => m.match);
    try {
      if (!found?.match) throw new MemoryApiError(404, 'not_found');
      const { id, route, names } = found.c;
      const caller = authenticate(diary, request, route);
      const rawParams = Object.fromEntries(
        names.map((n, i) => [n, decodeURIComponent(found.match?.[i + 1] ?? '')]),
      );
      if (route.params && !validate(route.params, rawParams, lang).ok)
        throw new MemoryApiError(404, 'not_found');
      if (route.responseType === 'event-stream' && caller) {
        const from = firstStreamFrom ?? diary.lastSeq;
        firstStreamFrom = undefined;
        return eventStream(diary, request, caller.user, from);
      }
      const failure = options.failures?.[id];
      if (failure === 'network') throw new TypeError(`Failed to fetch (${id} is set to fail)`);
      if (failure) throw new MemoryApiError(failure.status, failure.code);
      const handler = MEMORY_HANDLERS[id];
      if (!handler)
        return errorResponse(
          new MemoryApiError(501, 'internal'),
          lang,
          `The memory client does not implement ${id}; test it against the reference server.`,
        );
      const query = check(route.query, Object.fromEntries(url.searchParams), lang);
      const body = route.upload
        ? await uploaded(request, id)
        : check(
            route.body,
            route.body ? await request.json().catch(() => undefined) : undefined,
            lang,
          );
      const result = handler(diary, {
        params: rawParams,
        query,
        body,
        user: caller?.user,
        family: caller?.family,
        lang,
      });
      if (route.responseType === 'none') return new Response(null, { status: 204 });
      if (route.responseType === 'csv') return json(200, result, 'text/csv; charset=utf-8');
      if (route.responseType === 'file' && isMemoryFile(result))
        return new Response(new Blob([result.bytes as Uint8Array<ArrayBuffer>]), {
          headers: {
            'content-type': result.type,
            'content-disposition': `attachment; filename="${result.name}"`,
          },
        });
      return json(route.status ?? 200, result);
    } catch (error) {
      if (error instanceof MemoryApiError) return errorResponse(error, lang);
      throw error;
    }
  };
}
