import {
  DEFAULT_LANG,
  loadAuthRoutes,
  loadThreadsRoutes,
  type Lang,
  type RouteInfo,
  type RouteSpec,
  type HandoffRedeem,
  type Session,
} from '@school-diary/core';
import { ReadCache, readKey } from './cache';
import { DiaryApiError, DiaryContractError } from './errors';
import { onFirstUse } from './first-use';
import { keysOf, requestParts } from './request-parts';
import type { CallOptions, ClientMethods, RouteTable } from './route-method';
import { DiarySession, type SessionChange } from './session';
import type { SessionStorage } from './session-storage';
import { defaultStorage, type DiaryStorage } from './storage';
import { createTabSync } from './tab-sync';
import {
  createTransport,
  issuesOf,
  operationOf,
  type RetryOptions,
  type Transport,
  type WireResponse,
} from './transport';
import { watchRead, type Snapshot, type Unsubscribe, type WatchOptions } from './watch';

/**
 * Options of {@link createClient} and `createDiaryClient`.
 *
 * @example
 * createClient({ baseUrl: 'https://diary.school42.ru', language: 'en', timeout: 10_000, routes });
 */
export interface ClientOptions {
  /**
   * Where the diary server is: an origin, optionally with a path prefix, without `/api/v1`.
   *
   * @example 'https://diary.school42.ru'
   */
  readonly baseUrl: string;
  /** The `fetch` to use (a test double, or one with an agent in Node); the global one by default. */
  readonly fetch?: typeof fetch;
  /**
   * The language of the server's messages (`Accept-Language`), errors included.
   * @default 'ru'
   */
  readonly language?: Lang;
  /** Called on sign-in (also a restored or adopted session), refresh and sign-out. */
  readonly onSessionChange?: (change: SessionChange) => void;
  /**
   * Keeps the tokens across reloads; in memory only by default. See `localStorageSession()`.
   */
  readonly persistSession?: SessionStorage;
  /**
   * Where cached reads and the outbox live: IndexedDB in browsers by default, nothing in Node;
   * `false` turns the cache off.
   */
  readonly storage?: DiaryStorage | false;
  /**
   * Milliseconds one attempt of a request may take.
   * @default 15000
   */
  readonly timeout?: number;
  /** Retries of safe requests. */
  readonly retry?: RetryOptions;
  /**
   * The clock, in milliseconds since the epoch (tests move it to expire tokens).
   * @default Date.now
   */
  readonly now?: () => number;
  /**
   * How many seconds before it expires the access token is renewed.
   * @default 60
   */
  readonly refreshMarginSeconds?: number;
  /**
   * Agree with the other tabs of the site on the session (`BroadcastChannel`, Web Locks).
   * @default true
   */
  readonly syncTabs?: boolean;
  /**
   * Check every answer (and live event) against core's schemas, and reject one that breaks
   * them with a {@link DiaryContractError} naming the operation and the fields. Off by default:
   * the page then never loads zod or the route schemas, and trusts the server it talks to. Turn
   * it on in tests, stories and development, where a server that drifted from the contract
   * should fail loudly; with it on, zod and the schemas load as one chunk on the first call.
   * The SDK's own storage, the other tabs' messages and error answers are checked either way.
   * @default false
   *
   * @example
   * createDiaryClient({ baseUrl, validateResponses: import.meta.env.DEV });
   */
  readonly validateResponses?: boolean;
}

/**
 * What every client has besides its operations.
 *
 * @example
 * await client.ready;
 * if (!client.session.signedIn) showLogin();
 * client.setLanguage('en');
 */
export interface ClientBase {
  /** The signed-in user and session events. */
  readonly session: DiarySession;
  /** Settles once a kept session has been restored. */
  readonly ready: Promise<void>;
  /** The language of the server's messages. */
  readonly language: Lang;
  /**
   * Changes the language of the server's messages from the next request on.
   *
   * @example
   * client.setLanguage('en');
   */
  setLanguage(language: Lang): void;
  /** Stops everything running in the background (live events, other-tab sync, outbox). */
  close(): void;
}

/**
 * A client of a route table: its operations by group, and the session.
 *
 * @example
 * const client: Client<{ grades: { list: typeof routes.grades.list } }> = createClient({
 *   baseUrl,
 *   routes: { grades: { list: routes.grades.list } },
 * });
 */
export type Client<T extends RouteTable> = ClientMethods<T> & ClientBase;

/**
 * An operation as a client's table gives it: a complete {@link RouteSpec}, or the manifest's
 * {@link RouteInfo} whose schemas load with its group on first use.
 */
export type Operation = RouteSpec | RouteInfo;

/** Loads the complete routes of one group of operations (`routeGroups` of core). */
export type GroupLoader = (group: string) => Promise<Readonly<Record<string, RouteSpec>>>;

/** What the optional parts of the client (live events, outbox) build on. Not public API. */
export interface ClientInternals {
  readonly transport: Transport;
  /** Whether answers are checked against core's schemas (`validateResponses`). */
  readonly validateResponses: boolean;
  readonly session: DiarySession;
  readonly cache: ReadCache;
  readonly now: () => number;
  readonly language: () => Lang;
  /** Runs a request of an authenticated operation, renewing the token once after a 401. */
  authorized(send: (token: string | undefined) => Promise<WireResponse>): Promise<WireResponse>;
  /** Calls an operation as its method does. */
  call(operation: string, route: Operation, input: object, options?: CallOptions): Promise<unknown>;
  /** Runs `stop` when the client is closed. */
  onClose(stop: () => void): void;
}

const internals = new WeakMap<object, ClientInternals>();

/** The internals of a client made by {@link createClient}. */
export function internalsOf(client: object): ClientInternals {
  const found = internals.get(client);
  if (!found) throw new TypeError('Not a client made by createClient or createDiaryClient');
  return found;
}

const isJson = (route: Operation) => (route.responseType ?? 'json') === 'json';

const isRead = (route: Operation) => route.method === 'GET' && isJson(route) && !route.devOnly;

/** Whether a read is a paged list: its query takes `page` and `pageSize`. */
const isPaged = (route: Operation) => {
  const names = keysOf(route.query);
  return names.includes('page') && names.includes('pageSize');
};

/** A page of a paged list, as every paged read answers. */
interface Page {
  readonly items: readonly unknown[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * Every item of a paged list, page after page from `input.page` (or 1): the next page is asked
 * for when the loop reaches it, and the walk ends on an empty page or the last one by `total`.
 */
async function* everyItem(
  read: (input: object, options?: CallOptions) => Promise<unknown>,
  input: Readonly<Record<string, unknown>>,
  options?: CallOptions,
): AsyncGenerator<unknown, void, undefined> {
  let page = typeof input.page === 'number' ? input.page : 1;
  for (;;) {
    const answer = (await read({ ...input, page }, options)) as Page;
    yield* answer.items;
    if (answer.items.length === 0 || answer.page * answer.pageSize >= answer.total) return;
    page = answer.page + 1;
  }
}

const hasInput = (route: Operation) =>
  Boolean(route.path.includes('{') || route.query || route.body || route.upload);

/** Whether an operation still lacks schemas: manifest markers, or a JSON answer without one. */
const needsSchemas = (route: Operation) =>
  Array.isArray(route.query) ||
  route.body === true ||
  (isJson(route) && !(route as RouteSpec).response);

/**
 * An answer as a call resolves to it: checked against the operation's schema (and parsed) when
 * the route has one, as it came otherwise.
 */
function parseAnswer(route: Operation, status: number, body: unknown): unknown {
  switch (route.responseType ?? 'json') {
    case 'none':
      return undefined;
    case 'csv':
      if (typeof body === 'string') return body;
      throw new DiaryContractError(operationOf(route), status, [
        { path: '', code: 'invalid_type' },
      ]);
    case 'file':
      return body;
    default: {
      const schema = (route as Partial<RouteSpec>).response;
      if (!schema) return body;
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      throw new DiaryContractError(operationOf(route), status, issuesOf(parsed.error));
    }
  }
}

/**
 * A typed client of any table of core's operations. `createDiaryClient` gives it the whole
 * table; a page that needs only a few operations passes just those, and its bundle carries
 * only their schemas (the session's own refresh and logout load theirs on first use).
 *
 * @example
 * import { routes } from '@school-diary/core';
 * const client = createClient({
 *   baseUrl: 'https://diary.school42.ru',
 *   routes: { auth: { login: routes.auth.login, verify: routes.auth.verify }, grades: { list: routes.grades.list } },
 * });
 * const challenge = await client.auth.login({ phone: '+79990000001', password });
 * await client.auth.verify({ challengeId: challenge.challengeId, code });
 * const { items } = await client.grades.list({ childId: 'chd_maria', from: '2026-09-01' });
 */
export function createClient<const T extends RouteTable>(
  options: ClientOptions & { readonly routes: T },
): Client<T> {
  // Only the session's own operations (and the outbox's send) load their schemas, and only when
  // answers are checked.
  return createLazyClient<T>(options, options.routes, async (group) => {
    if (group === 'threads') return (await loadThreadsRoutes()).operations;
    const { refresh, logout } = (await loadAuthRoutes()).operations;
    return { refresh, logout };
  });
}

/**
 * The client over a table whose operations may come without their schemas (core's
 * `routeManifest`). With `validateResponses` on, each group's schemas are loaded by `loadGroup`
 * on the group's first call, once however many calls start together, and awaited before the
 * answer is checked; a failed load rejects the call with a `DiaryNetworkError` (`load_failed`),
 * and the next call loads again. With it off, nothing is loaded: the manifest's info is enough
 * to build a request.
 *
 * @internal `createDiaryClient` and `createClient` are the public ways in.
 */
export function createLazyClient<T extends RouteTable>(
  options: ClientOptions,
  table: { readonly [group: string]: { readonly [name: string]: Operation } },
  loadGroup: GroupLoader,
): Client<T> {
  let language: Lang = options.language ?? DEFAULT_LANG;
  const validateResponses = options.validateResponses ?? false;
  const now = options.now ?? Date.now;
  const transport = createTransport({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    headers: () => ({ 'accept-language': language }),
  });
  const sync =
    options.syncTabs === false ? undefined : createTabSync(`school-diary:${options.baseUrl}`);
  const closers: (() => void)[] = [];
  if (sync) closers.push(() => sync.close());

  const groups = new Map<string, () => Promise<Readonly<Record<string, RouteSpec>>>>();
  /** The complete route of `group.name`, the group's schemas loaded on first use. */
  const loaded = (operation: string): Promise<RouteSpec> => {
    const [group = '', name = ''] = operation.split('.');
    let load = groups.get(group);
    if (!load) groups.set(group, (load = onFirstUse(() => loadGroup(group), `${group} schemas`)));
    return load().then((operations) => operations[name] as RouteSpec);
  };
  /**
   * The route a call works with: as the table gives it, or, when answers are checked, completed
   * with its group's schemas.
   */
  const specOf = (operation: string, route: Operation): Promise<Operation> => {
    if (!validateResponses || !needsSchemas(route)) return Promise.resolve(route);
    const spec = loaded(operation);
    spec.catch(() => undefined); // awaited later by the caller; never an unhandled rejection
    return spec;
  };
  /** One of the session's own operations (`refresh`, `logout`), whatever the client's table. */
  const sessionRoute = async (name: 'refresh' | 'logout'): Promise<Operation> => {
    if (validateResponses) return loaded(`auth.${name}`);
    return table.auth?.[name] ?? (await import('./session-routes')).sessionRoutes[name];
  };

  const session = new DiarySession({
    now,
    refreshMarginMs: (options.refreshMarginSeconds ?? 60) * 1000,
    ...(options.persistSession ? { store: options.persistSession } : {}),
    ...(sync ? { sync } : {}),
    refresh: async (refreshToken) => {
      const route = await sessionRoute('refresh');
      const { status, body } = await transport.send({
        route,
        path: route.path,
        body: { refreshToken },
      });
      return parseAnswer(route, status, body) as Session;
    },
  });
  closers.push(() => session.close());
  if (options.onSessionChange) session.onChange(options.onSessionChange);

  const namespace = (userId: string) => `${options.baseUrl}/${userId}`;
  const storage = options.storage === false ? undefined : (options.storage ?? defaultStorage());
  const cache = new ReadCache(storage, () => session.user && namespace(session.user.id));

  const authorized: ClientInternals['authorized'] = async (send) => {
    const token = await session.accessToken();
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof DiaryApiError) || error.status !== 401 || token === undefined)
        throw error;
      const renewed = await session.refresh(token);
      if (!renewed) throw error;
      return send(renewed);
    }
  };

  const send = (
    route: Operation,
    input: object,
    etag?: string,
    signal?: AbortSignal,
    onUploadProgress?: CallOptions['onUploadProgress'],
  ) => {
    const parts = requestParts(route, input as Record<string, unknown>);
    const request = {
      route,
      ...parts,
      ...(etag ? { etag } : {}),
      ...(signal ? { signal } : {}),
      ...(onUploadProgress && route.upload ? { onUploadProgress } : {}),
    };
    if (route.access === 'public') return transport.send(request);
    return authorized((token) => transport.send({ ...request, ...(token ? { token } : {}) }));
  };

  const call: ClientInternals['call'] = async (operation, info, input, callOptions = {}) => {
    // The group's schemas load while the session and the cache are read.
    const spec = specOf(operation, info);
    await session.ready;
    const key = isRead(info) ? readKey(operation, language, input) : undefined;
    const cached = key ? await cache.get(key) : undefined;
    const route = await spec;
    const response = await send(
      route,
      input,
      cached?.etag,
      callOptions.signal,
      callOptions.onUploadProgress,
    );
    const body = response.status === 304 && cached ? cached.body : response.body;
    const data = parseAnswer(route, response.status, body);
    if (key) await cache.put(key, { body, etag: response.etag, savedAt: now() });
    return data;
  };

  const watch = (
    operation: string,
    info: Operation,
    input: object,
    listener: (snapshot: Snapshot<unknown>) => void,
    watchOptions?: WatchOptions,
  ): Unsubscribe => {
    const key = readKey(operation, language, input);
    let route: Operation | undefined;
    const spec = async () => (route ??= await specOf(operation, info));
    return watchRead(
      {
        cache,
        key,
        now,
        ready: Promise.all([session.ready, spec()]).then(() => undefined),
        parse: (body) => parseAnswer(route as Operation, 200, body),
        load: async (etag, signal) => send(await spec(), input, etag, signal),
      },
      listener,
      watchOptions,
    );
  };

  const logout = async () => {
    await session.ready;
    const current = session.user;
    const refreshToken = session.currentTokens()?.refreshToken;
    if (!current) return;
    try {
      await send(await sessionRoute('logout'), { refreshToken });
    } catch (error) {
      // A session the server already ended is as good as revoked.
      if (!(error instanceof DiaryApiError && error.status === 401)) throw error;
    } finally {
      await session.end('logout');
      await cache.wipe(namespace(current.id)).catch(() => undefined);
    }
  };

  const methodFor = (operation: string, route: Operation): unknown => {
    // The session's own operations, by their names in core's table.
    switch (operation) {
      case 'auth.refresh':
        return async () => (await session.refresh()) && session.user;
      case 'auth.logout':
        return logout;
      case 'auth.verify':
      case 'auth.oidcComplete':
      case 'auth.oidcLink':
        return async (input: object, callOptions?: CallOptions) => {
          const created = (await call(operation, route, input, callOptions)) as Session;
          await session.adopt(created);
          return created;
        };
      case 'auth.redeemHandoff':
        // A hand-off the owner allowed signs this client in, as a verified code does.
        return async (input: object, callOptions?: CallOptions) => {
          const answer = (await call(operation, route, input, callOptions)) as HandoffRedeem;
          if (answer.session) await session.adopt(answer.session);
          return answer;
        };
    }
    const method = hasInput(route)
      ? (input: object = {}, callOptions?: CallOptions) =>
          call(operation, route, input, callOptions)
      : (callOptions?: CallOptions) => call(operation, route, {}, callOptions);
    if (!isRead(route)) return method;
    const watchMethod = hasInput(route)
      ? (input: object, listener: (s: Snapshot<unknown>) => void, o?: WatchOptions) =>
          watch(operation, route, input, listener, o)
      : (listener: (s: Snapshot<unknown>) => void, o?: WatchOptions) =>
          watch(operation, route, {}, listener, o);
    const all = (input: object = {}, callOptions?: CallOptions) =>
      everyItem(
        (i, o) => call(operation, route, i, o),
        input as Record<string, unknown>,
        callOptions,
      );
    return Object.assign(method, { watch: watchMethod }, isPaged(route) ? { all } : {});
  };

  const client: Record<string, unknown> = {
    session,
    ready: session.ready,
    get language() {
      return language;
    },
    setLanguage(next: Lang) {
      language = next;
    },
    close() {
      for (const stop of closers.splice(0)) stop();
    },
  };
  for (const [group, operations] of Object.entries(table)) {
    const methods: Record<string, unknown> = {};
    for (const [name, route] of Object.entries(operations)) {
      if (route.responseType !== 'event-stream')
        methods[name] = methodFor(`${group}.${name}`, route);
    }
    client[group] = methods;
  }
  internals.set(client, {
    transport,
    validateResponses,
    session,
    cache,
    now,
    language: () => language,
    authorized,
    call,
    onClose: (stop) => closers.push(stop),
  });
  return client as Client<T>;
}
