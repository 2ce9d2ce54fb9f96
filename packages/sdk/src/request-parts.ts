import { buildPath, pathParams, type RouteInfo, type RouteSpec } from '@school-diary/core';

/** A call's single input object split into what goes where on the wire. */
export interface RequestParts {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** An operation with or without its schemas. */
export type RouteParts = Pick<RouteSpec | RouteInfo, 'path' | 'upload'> & {
  readonly query?: RouteSpec['query'] | RouteInfo['query'];
  readonly body?: RouteSpec['body'] | RouteInfo['body'];
};

/** The query's names: as the manifest lists them, or the keys of the query schema. */
export const keysOf = (query: RouteParts['query']): readonly string[] =>
  Array.isArray(query)
    ? query
    : Object.keys((query as { shape?: object } | undefined)?.shape ?? {});

/** A query value on the wire: booleans as `true`/`false`, arrays as repeated parameters. */
function append(query: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const item of value) append(query, name, item);
  else query.append(name, String(value));
}

/**
 * Splits the merged input of an operation: path parameters by the path's placeholders, query
 * fields by the query's names (the manifest's list, or the query schema's keys), everything else into the JSON body (or `multipart/form-data`
 * with one `file` part for uploads).
 *
 * @example
 * requestParts(routes.grades.list, { childId: 'chd_1', from: '2026-09-01' });
 * // { path: '/api/v1/children/chd_1/grades', query: from=2026-09-01, body: undefined }
 */
export function requestParts(route: RouteParts, input: Readonly<Record<string, unknown>>) {
  const placeholders = pathParams(route.path);
  const queryKeys = keysOf(route.query);
  const params: Record<string, string> = {};
  const query = new URLSearchParams();
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (placeholders.includes(name)) params[name] = String(value);
    else if (queryKeys.includes(name)) append(query, name, value);
    else rest[name] = value;
  }
  return { path: buildPath(route.path, params), query, body: bodyOf(route, rest) };
}

function bodyOf(route: RouteParts, rest: Record<string, unknown>): unknown {
  if (route.upload) {
    const form = new FormData();
    const file = rest.file as Blob;
    const name = (rest.fileName as string | undefined) ?? (file as Partial<File>).name ?? 'file';
    form.append('file', file, name);
    return form;
  }
  return route.body ? rest : undefined;
}
