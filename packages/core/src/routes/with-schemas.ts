// The zod side of the route table: completing an operation with its schemas. Kept out of
// route.ts so that a client which loads only the schema-free manifest never reaches zod.
import { z } from 'zod/mini';
import {
  pathParams,
  routeInfo,
  type CompactRoute,
  type HttpMethod,
  type RouteInfo,
  type RouteRest,
  type RouteSpec,
  type SchemasFor,
  type WithSchemas,
} from './route.js';
import { idSchema } from '../schemas/common.js';

/**
 * Declares a route compactly: `'METHOD /path'` under `/api/v1`, who may call it, and the rest of
 * its {@link RouteSpec}. Path parameters are all entity ids, so their schema comes from the path:
 * `{childId}` gives `params: z.object({ childId: idSchema })`.
 *
 * @example
 * const get = route('GET /children/{childId}', ['parent'], { response: childSchema });
 * get.path; // '/api/v1/children/{childId}'
 */
/* @__NO_SIDE_EFFECTS__ */
export function route<
  const Line extends `${HttpMethod} /${string}`,
  const A extends RouteSpec['access'],
  const X extends RouteRest = Record<never, never>,
>(line: Line, access: A, rest?: X): CompactRoute<Line, A, X> {
  return {
    ...routeInfo(line, access),
    ...paramsOf(`/api/v1${line.split(' ')[1]}`),
    ...rest,
  } as CompactRoute<Line, A, X>;
}

/** `{ params }` with one {@link idSchema} per `{param}` of a path, or nothing without any. */
const paramsOf = (path: string) => {
  const names = pathParams(path);
  return names.length > 0
    ? { params: z.object(Object.fromEntries(names.map((name) => [name, idSchema]))) }
    : {};
};

/**
 * Completes an operation of the manifest with its schemas (params from the path): the
 * {@link RouteSpec} the server and the OpenAPI writer use. A missing schema, or one the info does
 * not mark, is a compile error.
 *
 * @example
 * const list = withSchemas(routeManifest.grades.list, {
 *   query: markQuerySchema,
 *   response: listOf(markSchema),
 * });
 */
/* @__NO_SIDE_EFFECTS__ */
export function withSchemas<const R extends RouteInfo, const S extends SchemasFor<R>>(
  info: R,
  schemas: S,
): WithSchemas<R, S> {
  return { ...info, ...paramsOf(info.path), ...schemas } as unknown as WithSchemas<R, S>;
}
