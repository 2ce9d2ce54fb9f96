import type { RouteSpec, Schema, User } from '@school-diary/core';
import type { z } from 'zod/mini';
import type { Snapshot, Unsubscribe, WatchOptions } from './watch';

/**
 * Any table of operations grouped by resource, shaped like core's `routes`.
 *
 * @example
 * const table = { grades: { list: routes.grades.list } } satisfies RouteTable;
 * const client = createClient({ baseUrl, routes: table });
 */
export type RouteTable = { readonly [group: string]: { readonly [name: string]: RouteSpec } };

/**
 * Options every call takes besides its input.
 *
 * @example
 * await client.children.list({ signal: AbortSignal.timeout(5000) });
 */
export interface CallOptions {
  /**
   * Cancels the call: it rejects with the signal's reason, and retries stop.
   *
   * @example
   * const controller = new AbortController();
   * client.grades.list({ childId }, { signal: controller.signal });
   * controller.abort();
   */
  readonly signal?: AbortSignal;
  /**
   * Told the bytes sent so far while an upload's body goes out (uploads only). `fetch` cannot
   * report this, so such an upload is sent with `XMLHttpRequest` (the client's `fetch` option is
   * then not used for it); abort it with `signal`.
   *
   * @example
   * client.attachments.upload({ file }, { onUploadProgress: ({ loaded, total }) => show(loaded / total) });
   */
  readonly onUploadProgress?: (progress: UploadProgress) => void;
}

/** How much of an upload's body has been sent. */
export interface UploadProgress {
  /** Bytes sent. */
  readonly loaded: number;
  /** Bytes in the whole body (the file and the form's framing). */
  readonly total: number;
}

type Fields<R, Part extends 'params' | 'body'> = R extends { readonly [P in Part]: infer S }
  ? S extends Schema
    ? z.input<S>
    : unknown
  : unknown;

/** A query value as the caller may give it: flags as booleans, coerced numbers as numbers. */
type QueryValue<I, O> = unknown extends I
  ? O | string
  : I extends 'true' | 'false' | '1' | '0'
    ? I | boolean
    : I;

type QueryFields<R> = R extends { readonly query: infer S }
  ? S extends Schema
    ? { [K in keyof z.input<S>]: QueryValue<z.input<S>[K], z.output<S>[K & keyof z.output<S>]> }
    : unknown
  : unknown;

type UploadFields<R> = R extends { readonly upload: true }
  ? {
      /** The file to upload. */
      file: Blob;
      /** Its name, when `file` is a `Blob` rather than a `File`. */
      fileName?: string;
    }
  : unknown;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The one argument of an operation: its path parameters, query and body fields in one object
 * (`{ childId, from, to, subjectId }`), typed from core's schemas.
 *
 * @example
 * const filter: RouteInput<typeof routes.grades.list> = { childId: 'chd_maria', from: '2026-09-01' };
 */
export type RouteInput<R extends RouteSpec> = Flatten<
  Fields<R, 'params'> & QueryFields<R> & Fields<R, 'body'> & UploadFields<R>
>;

/**
 * The kind of answer of an operation (`json` when the route does not say).
 *
 * @example
 * type Kind = ResponseKind<typeof routes.grades.csv>; // 'csv'
 */
export type ResponseKind<R extends RouteSpec> = R extends { readonly responseType: infer K }
  ? K
  : 'json';

/**
 * What a call resolves to: the parsed JSON, the CSV text, a `Blob` for files, nothing for 204.
 *
 * @example
 * type Marks = RouteResult<typeof routes.grades.list>; // { items: Mark[] }
 */
export type RouteResult<R extends RouteSpec> =
  ResponseKind<R> extends 'csv'
    ? string
    : ResponseKind<R> extends 'file'
      ? Blob
      : ResponseKind<R> extends 'none'
        ? undefined
        : R extends { readonly response: infer S }
          ? S extends Schema
            ? z.output<S>
            : never
          : never;

/**
 * An operation's method: `(input, options?)`, input optional when every field is.
 *
 * @example
 * const list: RouteMethod<typeof routes.children.list> = client.children.list;
 * const { items } = await list();
 */
export type RouteMethod<R extends RouteSpec> = keyof RouteInput<R> extends never
  ? (options?: CallOptions) => Promise<RouteResult<R>>
  : Partial<RouteInput<R>> extends RouteInput<R>
    ? (input?: RouteInput<R>, options?: CallOptions) => Promise<RouteResult<R>>
    : (input: RouteInput<R>, options?: CallOptions) => Promise<RouteResult<R>>;

/**
 * Cache-then-network watching of a read: the cached answer at once, the server's when it comes,
 * and every later change (another fetch, a live event). Returns the function that stops it.
 *
 * @example
 * const stop = client.children.list.watch(({ data }) => renderChildren(data.items));
 * stop();
 */
export type WatchMethod<R extends RouteSpec> = keyof RouteInput<R> extends never
  ? (listener: (snapshot: Snapshot<RouteResult<R>>) => void, options?: WatchOptions) => Unsubscribe
  : (
      input: RouteInput<R>,
      listener: (snapshot: Snapshot<RouteResult<R>>) => void,
      options?: WatchOptions,
    ) => Unsubscribe;

/**
 * A JSON read (GET): callable, and watchable with `.watch(...)`.
 *
 * @example
 * const read: ReadMethod<typeof routes.grades.summary> = client.grades.summary;
 * read.watch({ childId }, ({ data }) => renderSummary(data.subjects));
 */
export type ReadMethod<R extends RouteSpec> = RouteMethod<R> & {
  /**
   * Watches the read, cache first (see {@link WatchMethod}).
   *
   * @example
   * const stop = client.grades.list.watch({ childId: 'chd_maria' }, ({ data, fresh }) => {
   *   render(data.items, { updating: !fresh });
   * });
   */
  readonly watch: WatchMethod<R>;
};

/** Whether an operation's query takes `page` and `pageSize`: a list served page by page. */
export type IsPaged<R extends RouteSpec> = R extends { readonly query: infer S }
  ? S extends Schema
    ? 'page' | 'pageSize' extends keyof z.input<S>
      ? true
      : false
    : false
  : false;

/**
 * One item of a paged list's answer (`{ items, total, page, pageSize }`).
 *
 * @example
 * type News = PageItem<typeof routes.news.list>; // NewsItem
 */
export type PageItem<R extends RouteSpec> =
  RouteResult<R> extends { readonly items: readonly (infer I)[] } ? I : never;

/**
 * A paged list (its query takes `page` and `pageSize`): callable for one page, watchable, and
 * `.all(...)` walks every page from the first (or `page`) as one async iterable of items, asking
 * for the next page only when the loop reaches it. Breaking out of the loop stops it.
 *
 * @example
 * for await (const item of client.news.list.all({ schoolId, pageSize: 50 })) {
 *   if (item.publishedAt < since) break;
 *   show(item);
 * }
 */
export type PagedMethod<R extends RouteSpec> = ReadMethod<R> & {
  /**
   * Every item of the list, page after page.
   *
   * @example
   * const all = [];
   * for await (const notification of client.notifications.list.all({ unread: true }))
   *   all.push(notification);
   */
  readonly all: Partial<RouteInput<R>> extends RouteInput<R>
    ? (input?: RouteInput<R>, options?: CallOptions) => AsyncIterableIterator<PageItem<R>>
    : (input: RouteInput<R>, options?: CallOptions) => AsyncIterableIterator<PageItem<R>>;
};

/**
 * The methods the session manages itself instead of deriving them.
 *
 * @example
 * logoutButton.onclick = () => client.auth.logout().catch(() => toast('Сервер недоступен'));
 */
export interface SessionMethods {
  /**
   * Renews the tokens now (the client also does it by itself before they expire and after a
   * 401); resolves to the user, or `undefined` when the session has ended.
   */
  refresh(): Promise<User | undefined>;
  /**
   * Signs out: revokes the session on the server, forgets the tokens (here, in the kept storage
   * and in the other tabs) and wipes the user's cache and outbox. The local sign-out always
   * happens; the promise rejects only when the server could not be told (e.g. offline).
   */
  logout(): Promise<void>;
}

/**
 * The method of one route of a table.
 *
 * @example
 * type Verify = MethodOf<typeof routes.auth.verify>; // (input, options?) => Promise<Session>
 */
export type MethodOf<R extends RouteSpec> = R['path'] extends '/api/v1/auth/refresh'
  ? SessionMethods['refresh']
  : R['path'] extends '/api/v1/auth/logout'
    ? SessionMethods['logout']
    : R['method'] extends 'GET'
      ? ResponseKind<R> extends 'json'
        ? IsPaged<R> extends true
          ? PagedMethod<R>
          : ReadMethod<R>
        : RouteMethod<R>
      : RouteMethod<R>;

/**
 * The methods of one group of a table; event streams are left to `client.events`.
 *
 * @example
 * type Grades = ClientGroup<typeof routes.grades>; // { list, summary, csv, … }
 */
export type ClientGroup<G extends { readonly [name: string]: RouteSpec }> = {
  readonly [N in keyof G as ResponseKind<G[N]> extends 'event-stream' ? never : N]: MethodOf<G[N]>;
};

/**
 * Every group of a route table as methods: `client.grades.list(...)`.
 *
 * @example
 * type Api = ClientMethods<typeof routes>; // { auth: …, children: …, grades: … }
 */
export type ClientMethods<T extends RouteTable> = {
  readonly [G in keyof T]: ClientGroup<T[G]>;
};
