// The OpenAPI 3.1 document of core's route table. It runs only here (served at
// /api/v1/openapi.json) and at build time (docs/openapi.json), so it lives in the server rather
// than in core, whose bytes every browser that shows a widget downloads.
import { z } from 'zod/mini';
import { errorResponseSchema, listRoutes, pathParams, type RouteSpec } from '@school-diary/core';
import { routeSummaries } from './route-summaries';

export { routeSummaries, type RouteSummaries } from './route-summaries';

/** A JSON value of an OpenAPI document. */
export type JsonObject = { [key: string]: unknown };

/** Options for {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /** Version of the API document; the package version by default. */
  readonly version?: string;
  /** Servers to list, e.g. `[{ url: 'http://localhost:8080' }]`. */
  readonly servers?: readonly { url: string; description?: string }[];
  /** Include `--dev` only routes. */
  readonly includeDev?: boolean;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
};

function jsonSchema(schema: RouteSpec['body'], io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema as z.ZodMiniType, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonObject;
  return rest;
}

function parameters(route: RouteSpec): JsonObject[] {
  const result: JsonObject[] = [];
  const params = route.params ? jsonSchema(route.params, 'input') : undefined;
  const paramProps = (params?.properties ?? {}) as Record<string, JsonObject>;
  for (const name of pathParams(route.path)) {
    result.push({
      name,
      in: 'path',
      required: true,
      schema: paramProps[name] ?? { type: 'string' },
    });
  }
  if (route.query) {
    const query = jsonSchema(route.query, 'input');
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(
      (query.properties ?? {}) as Record<string, JsonObject>,
    )) {
      result.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  return result;
}

function successResponse(route: RouteSpec): JsonObject {
  const status = route.status ?? 200;
  const description = STATUS_TEXT[status] ?? 'Success';
  switch (route.responseType ?? 'json') {
    case 'none':
      return { [status]: { description } };
    case 'csv':
      return { [status]: { description, content: { 'text/csv': { schema: { type: 'string' } } } } };
    case 'file':
      return {
        [status]: {
          description,
          content: {
            'application/octet-stream': {
              schema: { type: 'string', contentMediaType: 'application/octet-stream' },
            },
          },
        },
      };
    case 'event-stream':
      return {
        [status]: { description, content: { 'text/event-stream': { schema: { type: 'string' } } } },
      };
    case 'json':
      return {
        [status]: {
          description,
          content: {
            'application/json': {
              schema: route.response ? jsonSchema(route.response, 'output') : {},
            },
          },
        },
      };
  }
}

function operation(group: string, name: string, route: RouteSpec): JsonObject {
  const error = { $ref: '#/components/responses/Error' };
  const op: JsonObject = {
    operationId: `${group}.${name}`,
    summary:
      route.summary ?? (routeSummaries as Record<string, Record<string, string>>)[group]?.[name],
    tags: [group],
    'x-access': route.access,
    parameters: parameters(route),
    responses: {
      ...successResponse(route),
      400: error,
      ...(route.access === 'public' ? {} : { 401: error, 403: error }),
      404: error,
      429: error,
    },
  };
  if (route.access !== 'public') op.security = [{ bearer: [] }];
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
    };
  }
  if (route.upload) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
            required: ['file'],
          },
        },
      },
    };
  }
  return op;
}

/**
 * Writes the OpenAPI 3.1 document of the whole API from core's route table (`@school-diary/core`).
 *
 * @example
 * const doc = buildOpenApiDocument({ servers: [{ url: 'http://localhost:8080' }] });
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const { group, name, route } of listRoutes()) {
    if (route.devOnly && !options.includeDev) continue;
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(group, name, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'School Diary Kit API',
      version: options.version ?? '0.1.0',
      description:
        'The electronic school diary API. Errors always have the shape `{ error: { code, message, fields } }`, ' +
        'with messages in the language of `Accept-Language` (ru by default, en).',
    },
    servers: options.servers ?? [{ url: 'http://localhost:8080' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
      responses: {
        Error: {
          description: 'An error with a code, a localised message and field errors',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
