import {
  listRoutes,
  pickLang,
  validate,
  type Lang,
  type OutputOf,
  type RouteResponse,
  type RouteSpec,
  type Routes,
} from '@school-diary/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkedOnce, type ChangeGeneration } from '../db/change-generation';
import type { Kept } from '../db/kept-until-change';
import type { AuthUser } from '../services/context';
import { DomainError, type RawFieldError } from '../services/domain-error';
import { unknownFields } from './unknown-fields';
import { ValidatedUrls, type ValidatedInput } from './validated-urls';

/**
 * What a handler receives: validated input, the caller, their language and address. Nothing of
 * the HTTP framework: a handler returns its answer, and services take plain values.
 */
export interface RequestContext<R extends RouteSpec> {
  readonly params: OutputOf<R['params']>;
  readonly query: OutputOf<R['query']>;
  readonly body: OutputOf<R['body']>;
  /** The caller; present on every non-public route. */
  readonly user: R['access'] extends 'public' ? AuthUser | null : AuthUser;
  readonly lang: Lang;
  readonly ip: string;
  /** The caller's `User-Agent` (empty when absent): what tells one device from another. */
  readonly userAgent: string;
  /**
   * The request's change check (`checkedOnce`): the database is asked once whether it changed,
   * and every row the request keeps or reuses (its session, its authorisation) is checked by it.
   */
  readonly changes: ChangeGeneration;
}

/**
 * The HTTP exchange behind a request, for the few handlers that read a body as a stream
 * (uploads) or write their own reply (file downloads, event streams).
 */
export interface Exchange {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** Marker a handler returns after writing the reply itself (files, event streams). */
export const REPLY_SENT = Symbol('reply-sent');

/** A route handler: returns the response body (checked against core's schema in tests). */
export type Handler<R extends RouteSpec> = (
  ctx: RequestContext<R>,
  exchange: Exchange,
) => Promise<RouteResponse<R> | typeof REPLY_SENT> | RouteResponse<R> | typeof REPLY_SENT;

/** Handlers by group and operation, typed from core's route table. */
export type Handlers = {
  [G in keyof Routes]?: {
    [N in keyof Routes[G]]?: Routes[G][N] extends RouteSpec ? Handler<Routes[G][N]> : never;
  };
};

/**
 * Resolves the bearer token of a request to a user, or null. Throws 401 for a bad token. `changes`
 * is the request's change check (see {@link RequestContext.changes}). A session kept in memory is
 * answered at once, not in a promise (see `Kept`).
 */
export type Authenticate = (
  request: FastifyRequest,
  changes: ChangeGeneration,
) => Kept<AuthUser | null>;

/**
 * Serves one cached read: authorises, then answers from the read cache or runs `compute` (the
 * handler, serialised) and keeps its JSON. See `cached-reply.ts`. A read whose authorisation and
 * body are kept in memory is answered at once, not in a promise (see `Kept`).
 */
export type CachedRead = (
  ctx: RequestContext<RouteSpec>,
  exchange: Exchange,
  compute: () => Promise<string>,
) => Kept<FastifyReply>;

/** The cached read of a route (`group.name`), or undefined when the route is not cached. */
export type ReadCacheLookup = (id: string) => CachedRead | undefined;

/** Options of {@link registerRoutes}. */
export interface RegisterOptions {
  readonly handlers: Handlers;
  readonly authenticate: Authenticate;
  /** Whether the database may have changed; checked once per request (`checkedOnce`). */
  readonly changes: ChangeGeneration;
  readonly dev: boolean;
  readonly checkResponses: boolean;
  /** Route config for rate-limited buckets. */
  readonly rateLimit?: { max: number; timeWindow: number };
  /** Reads served through the read cache (ETag, 304, kept JSON). */
  readonly readCache?: ReadCacheLookup;
  /** Registers only the routes this accepts (all when absent): uploads go in a scope of their own. */
  readonly only?: (route: RouteSpec) => boolean;
}

function parse(schema: RouteSpec['body'], input: unknown, lang: Lang, prefix: string): unknown {
  if (!schema) return undefined;
  const result = validate(schema, input, lang);
  if (result.ok) return result.value;
  if (prefix === 'params') throw new DomainError('not_found');
  throw new DomainError('validation_failed', { fields: result.errors });
}

const langs = new Map<string, Lang>();

/** The language of an `Accept-Language`; the few distinct headers browsers send are parsed once. */
function langOf(header: string | undefined): Lang {
  if (header === undefined) return pickLang(header);
  let lang = langs.get(header);
  if (lang === undefined) {
    lang = pickLang(header);
    if (langs.size < 1000) langs.set(header, lang);
  }
  return lang;
}

/** Keeps a URL's validated input when its route keeps them. */
function validInput(
  urls: ValidatedUrls | undefined,
  url: string,
  input: ValidatedInput,
): ValidatedInput {
  return urls ? urls.set(url, input) : input;
}

/**
 * A request body checked strictly: fields the schema does not declare are refused (core's schemas
 * would drop them silently), and a PATCH must change at least one field.
 */
function parseBody(route: RouteSpec, input: unknown, lang: Lang): unknown {
  if (!route.body) return undefined;
  const unknown: RawFieldError[] = unknownFields(route.body, input).map((path) => ({
    path,
    code: 'unknown_field',
  }));
  const result = validate(route.body, input, lang);
  const fields = result.ok ? [] : result.errors;
  if (fields.length + unknown.length > 0) {
    throw new DomainError('validation_failed', { fields: [...fields, ...unknown] });
  }
  const value = result.ok ? result.value : undefined;
  if (route.method === 'PATCH' && !changesSomething(value)) {
    throw new DomainError('validation_failed', {
      fields: [{ path: '', code: 'nothing_to_change' }],
    });
  }
  return value;
}

/** Whether a parsed PATCH body names at least one field to change. */
function changesSomething(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return true;
  return Object.values(value).some((v) => v !== undefined && changesSomething(v));
}

/** The fastify URL pattern of a route path: `{childId}` becomes `:childId`. */
export function toFastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Registers one fastify route per entry of core's route table that has a handler: authenticates,
 * authorises by role, validates params, query and body with core's schemas, and writes the
 * response (checked against its schema when `checkResponses` is on).
 */
export function registerRoutes(app: FastifyInstance, options: RegisterOptions): string[] {
  const registered: string[] = [];
  for (const { group, name, route } of listRoutes()) {
    const handler = (
      options.handlers as Record<string, Record<string, Handler<RouteSpec>> | undefined>
    )[group]?.[name];
    if (!handler) continue;
    if (route.devOnly && !options.dev) continue;
    if (options.only && !options.only(route)) continue;
    const id = `${group}.${name}`;
    const cached = options.readCache?.(id);
    // A cached read has no body: its input is all in the URL, validated once per URL.
    const urls = cached && !route.body ? new ValidatedUrls() : undefined;
    registered.push(id);
    const url = toFastifyPath(route.path);
    // HEAD of an event stream would open a stream that never ends: refuse it at once.
    const stream = route.responseType === 'event-stream';
    if (stream)
      app.head(url, (_request, reply) => reply.code(405).header('allow', route.method).send());
    app.route({
      method: route.method,
      url,
      ...(stream ? { exposeHeadRoute: false } : {}),
      ...(route.rateLimit && options.rateLimit ? { config: { rateLimit: options.rateLimit } } : {}),
      handler: async (request, reply) => {
        const lang = langOf(request.headers['accept-language']);
        const changes = checkedOnce(options.changes);
        // A kept session is at hand: no promise to wait for.
        const authenticated = options.authenticate(request, changes);
        const user = authenticated instanceof Promise ? await authenticated : authenticated;
        if (route.access !== 'public') {
          if (!user) throw new DomainError('unauthorized');
          if (route.access !== 'authenticated' && !route.access.includes(user.role))
            throw new DomainError('forbidden');
        }
        const input =
          urls?.get(request.url) ??
          validInput(urls, request.url, {
            params: parse(route.params, request.params, lang, 'params'),
            query: parse(route.query, request.query ?? {}, lang, 'query'),
          });
        // Named one by one: spreading `input` into the literal costs V8 a slow copy per request.
        const ctx = {
          params: input.params,
          query: input.query,
          body: parseBody(route, request.body ?? {}, lang),
          user,
          lang,
          ip: request.ip,
          userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
          changes,
        } as RequestContext<RouteSpec>;
        const exchange: Exchange = { request, reply };
        if (cached) {
          return cached(ctx, exchange, async () =>
            serialise(route, await handler(ctx, exchange), reply, options.checkResponses, id),
          );
        }
        const result = await handler(ctx, exchange);
        if (result === REPLY_SENT) return reply;
        return send(route, result, reply, options.checkResponses, id);
      },
    });
  }
  return registered;
}

function send(
  route: RouteSpec,
  result: unknown,
  reply: FastifyReply,
  check: boolean,
  id: string,
): FastifyReply {
  const status = route.status ?? 200;
  switch (route.responseType ?? 'json') {
    case 'none':
      return reply.code(204).send();
    case 'csv':
      return reply
        .code(status)
        .type('text/csv; charset=utf-8')
        .send(result as string);
    default:
      return reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send(serialise(route, result, reply, check, id));
  }
}

/** A JSON response's text, checked against its schema when `check` is on. */
function serialise(
  route: RouteSpec,
  result: unknown,
  reply: FastifyReply,
  check: boolean,
  id: string,
): string {
  if (result === REPLY_SENT) throw new Error(`${id} wrote its own reply but is a cached JSON read`);
  if (check && route.response) {
    const checked = validate(route.response, result, 'en');
    if (!checked.ok) {
      reply.log.error({ route: id, errors: checked.errors }, 'response breaks the contract');
      throw new Error(`Response of ${id} breaks its schema: ${JSON.stringify(checked.errors)}`);
    }
  }
  return JSON.stringify(result);
}
