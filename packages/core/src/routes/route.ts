import type { z } from 'zod/mini';
import type { idSchema } from '../schemas/common.js';
import type { Role } from '../schemas/user.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a successful response carries. */
export type ResponseType = 'json' | 'csv' | 'file' | 'event-stream' | 'none';

/** A schema of zod (mini or classic). */
export type Schema = z.ZodMiniType;

/**
 * One API operation: the single source of truth that the server registers its handler from,
 * the SDK derives its method from, and the OpenAPI document is written from.
 */
export interface RouteSpec {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path under `/api/v1`, with `{param}` placeholders. */
  readonly path: `/api/v1/${string}`;
  /**
   * One line for the OpenAPI document. Optional: the operations of core's own table keep theirs
   * in the server's `routeSummaries` (`@school-diary/server/openapi`), out of the bytes browsers
   * download.
   */
  readonly summary?: string;
  /** `public`, `authenticated` (any signed-in role) or the roles that may call it. */
  readonly access: 'public' | 'authenticated' | readonly Role[];
  /** Path parameters (all strings on the wire). */
  readonly params?: Schema;
  /** Query string parameters (coerced from strings). */
  readonly query?: Schema;
  /** JSON request body. */
  readonly body?: Schema;
  /** `multipart/form-data` upload with one `file` part. */
  readonly upload?: true;
  /** Kind of success response; `json` by default. */
  readonly responseType?: ResponseType;
  /** JSON response body schema (required when the response is JSON). */
  readonly response?: Schema;
  /** Success status; 200 by default (201 for creations, 204 for empty). */
  readonly status?: 200 | 201 | 204;
  /** Whether repeating the request is safe (retries); GET, PUT and DELETE are by default. */
  readonly idempotent?: boolean;
  /** Only served when the server runs with `--dev`. */
  readonly devOnly?: true;
  /** Rate-limit bucket for guessing-sensitive routes. */
  readonly rateLimit?: 'auth';
}

/**
 * Declares a route, keeping its literal types so that clients derive exact signatures.
 *
 * @example
 * const get = defineRoute({ method: 'GET', path: '/api/v1/children/{childId}',
 *   access: ['parent'], params: childParams, response: childSchema });
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

/** The names of a path's `{param}` placeholders, as a type: `'childId' | 'thresholdId'`. */
export type PathParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | PathParamNames<Rest>
  : never;

/** The `params` a path's placeholders give: one {@link idSchema} per `{param}`, none without. */
export type PathParamsOf<P extends string> = [PathParamNames<P>] extends [never]
  ? unknown
  : {
      readonly params: z.ZodMiniObject<
        { [K in PathParamNames<P>]: typeof idSchema },
        z.core.$strip
      >;
    };

/** What {@link route} declares: method and path from its first argument, params from the path. */
export type CompactRoute<
  Line extends string,
  A extends RouteSpec['access'],
  X extends RouteRest,
> = Line extends `${infer M extends HttpMethod} ${infer P}`
  ? { readonly method: M; readonly path: `/api/v1${P}`; readonly access: A } & PathParamsOf<P> & X
  : never;

/** The parts of a route that {@link route} takes as its third argument. */
export type RouteRest = Omit<RouteSpec, 'method' | 'path' | 'access' | 'params'>;

/**
 * The schema-free part of an operation: what a client needs to build its method and send it
 * (core's `routeManifest` holds one per operation, without zod). `query` names the operation's
 * query parameters, so a client can place its input without the schemas; `body: true` says that it
 * takes a JSON body. Their schemas, and the response's, live in the module of the operation's
 * group (see `withSchemas`).
 *
 * @example
 * const info: RouteInfo = routeManifest.grades.list;
 * info.query; // ['from', 'to', 'subjectId', 'kind', 'periodId']: the schema loads with `grades`
 */
export interface RouteInfo extends Omit<RouteSpec, 'params' | 'query' | 'body' | 'response'> {
  /** The names of the operation's query parameters (their schema is in the group's module). */
  readonly query?: readonly string[];
  /** The operation takes a JSON body (its schema is in the group's module). */
  readonly body?: true;
}

/**
 * What {@link routeInfo} declares: method and path from its first argument, the rest as given.
 *
 * @example
 * type List = CompactInfo<'GET /children', 'authenticated', Record<never, never>>;
 */
export type CompactInfo<
  Line extends string,
  A extends RouteSpec['access'],
  X extends InfoRest,
> = Line extends `${infer M extends HttpMethod} ${infer P}`
  ? { readonly method: M; readonly path: `/api/v1${P}`; readonly access: A } & X
  : never;

/**
 * The parts of a {@link RouteInfo} that {@link routeInfo} takes as its third argument.
 *
 * @example
 * const rest: InfoRest = { query: ['week'], idempotent: true };
 */
export type InfoRest = Omit<RouteInfo, 'method' | 'path' | 'access'>;

/**
 * Declares an operation of the schema-free manifest: `'METHOD /path'` under `/api/v1`, who may
 * call it, and the rest of its {@link RouteInfo}.
 *
 * @example
 * const list = routeInfo('GET /children/{childId}/grades', 'authenticated', { query: ['from'] });
 * list.path; // '/api/v1/children/{childId}/grades'
 */
/* @__NO_SIDE_EFFECTS__ */
export function routeInfo<
  const Line extends `${HttpMethod} /${string}`,
  const A extends RouteSpec['access'],
  const X extends InfoRest = Record<never, never>,
>(line: Line, access: A, rest?: X): CompactInfo<Line, A, X> {
  const [method, path] = line.split(' ') as [HttpMethod, string];
  return { method, path: `/api/v1${path}`, access, ...rest } as CompactInfo<Line, A, X>;
}

/** Whether a response kind carries a JSON body that needs a schema. */
type JsonResponse<R> = R extends {
  readonly responseType: 'csv' | 'file' | 'none' | 'event-stream';
}
  ? { readonly response?: never }
  : { readonly response: Schema };

/** One part's schema when the operation's info marks it, and none when it does not. */
type Part<R, K extends 'query' | 'body'> = R extends { readonly [P in K]: true | readonly string[] }
  ? { readonly [P in K]: Schema }
  : { readonly [P in K]?: never };

/**
 * The schemas an operation's {@link RouteInfo} calls for: `query` and `body` exactly when it
 * marks them, `response` exactly when it answers with JSON.
 *
 * @example
 * const parts: SchemasFor<typeof routeManifest.grades.list> = {
 *   query: markQuerySchema,
 *   response: listOf(markSchema),
 * };
 */
export type SchemasFor<R extends RouteInfo> = Part<R, 'query'> & Part<R, 'body'> & JsonResponse<R>;

/**
 * A {@link RouteInfo} with its schemas: the full {@link RouteSpec} that `withSchemas` makes.
 *
 * @example
 * type List = WithSchemas<typeof routeManifest.children.list, { response: typeof childListSchema }>;
 */
export type WithSchemas<R extends RouteInfo, S> = Omit<R, 'query' | 'body'> &
  PathParamsOf<R['path']> &
  S;

/** Input type of a route part, or `undefined` when the route has none. */
export type InputOf<S> = S extends Schema ? z.input<S> : undefined;
/** Output type of a route part. */
export type OutputOf<S> = S extends Schema ? z.output<S> : undefined;

/** The JSON a route answers with (`undefined` for 204, `string` for CSV, `Blob`-like for files). */
export type RouteResponse<R extends RouteSpec> = R['responseType'] extends 'csv'
  ? string
  : R['responseType'] extends 'none'
    ? undefined
    : OutputOf<R['response']>;

/** Whether a route may be retried safely. */
export function isIdempotent(route: Pick<RouteSpec, 'method' | 'idempotent'>): boolean {
  return route.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(route.method);
}

/**
 * Fills a route's `{param}` placeholders, percent-encoding each value.
 *
 * @example
 * buildPath('/api/v1/children/{childId}', { childId: 'c1' }); // '/api/v1/children/c1'
 */
export function buildPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new MissingPathParamError(name);
    return encodeURIComponent(value);
  });
}

/** Thrown by {@link buildPath} when a placeholder has no value. */
export class MissingPathParamError extends Error {
  /** Stable error code. */
  readonly code = 'missing_path_param';
  constructor(readonly param: string) {
    super(`Missing path parameter "${param}"`);
    this.name = 'MissingPathParamError';
  }
}

/** The names of a path's `{param}` placeholders. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}
