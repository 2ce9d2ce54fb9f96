import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickLang, type RouteSpec } from '@school-diary/core';
import type { Services } from '../services/context';
import { hashToken } from '../services/secrets';
import {
  acceptsGzip,
  CACHE_CONTROL,
  cacheKeyOf,
  canonical,
  grantKeyOf,
  gzipTag,
  matches,
} from './cached-reply';
import type { CacheRule } from './cached-routes';
import type { ReadCache } from './read-cache';

/** What the full path learnt of a URL it served: its route and its validated input, canonical. */
interface KnownUrl {
  readonly id: string;
  readonly access: RouteSpec['access'];
  readonly perRole: boolean;
  readonly params: string;
  readonly query: string;
}

/** Options of {@link LeanReads}. */
export interface LeanReadsOptions {
  /** The app's read cache (the one `createReadCache` fills). */
  readonly cache: ReadCache;
  /** Cached routes' rules, by `group.name`. */
  readonly rules: Readonly<Record<string, CacheRule>>;
  /** Headers every response carries (the security headers), set first as fastify's hook does. */
  readonly headers: Readonly<Record<string, string>>;
  /** Routes served lean (`group.name`); the others always go through fastify. */
  readonly routes: readonly string[];
  /** Most URLs remembered. */
  readonly maxUrls?: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The lean path of the hottest cached reads (the marks list, the week timetable): a repeated read
 * whose every part is already known — the URL (served and validated before by the full path), the
 * session and the grant (kept by the read gate, which probes the database once) and the body
 * (kept by the read cache at the versions the grant holds) — is answered straight from the
 * node:http request, with the stored bytes and the very headers the full path would send, without
 * fastify's routing and hooks, schema validation or Kysely. Anything else, including every error,
 * every request with an `Origin` (CORS), a body or an unknown URL, goes through fastify unchanged.
 *
 * @example
 * const lean = new LeanReads(services, { cache, rules: CACHED_ROUTES, headers, routes: ['grades.list'] });
 * http.createServer((req, res) => lean.serve(req, res) || fastifyHandler(req, res));
 */
export class LeanReads {
  readonly #s: Services;
  readonly #options: LeanReadsOptions;
  readonly #urls = new Map<string, KnownUrl>();
  readonly #routes: ReadonlySet<string>;
  #enabled = true;
  #served = 0;

  constructor(s: Services, options: LeanReadsOptions) {
    this.#s = s;
    this.#options = options;
    this.#routes = new Set(options.routes);
  }

  /** Requests answered on the lean path so far. */
  get served(): number {
    return this.#served;
  }

  /** Stops serving (the app is closing: fastify answers what still comes). */
  disable(): void {
    this.#enabled = false;
  }

  /**
   * Remembers that the full path validated `url` as the input of route `id`. Only called once
   * params and query passed core's schemas; the same URL always validates to the same input.
   */
  learn(url: string, id: string, access: RouteSpec['access'], params: unknown, query: unknown) {
    if (!this.#routes.has(id) || this.#urls.has(url)) return;
    const max = this.#options.maxUrls ?? 1000;
    if (this.#urls.size >= max) {
      const oldest = this.#urls.keys().next().value;
      if (oldest !== undefined) this.#urls.delete(oldest);
    }
    const perRole = this.#options.rules[id]?.perRole === true;
    this.#urls.set(url, {
      id,
      access,
      perRole,
      params: canonical(params),
      query: canonical(query),
    });
  }

  /** Answers the request if all of it is known and kept; false leaves it to fastify. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.#enabled || req.method !== 'GET' || req.url === undefined) return false;
    const known = this.#urls.get(req.url);
    if (!known) return false;
    const h = req.headers;
    if (h.origin !== undefined || h['transfer-encoding'] !== undefined) return false;
    if (h['content-length'] !== undefined && h['content-length'] !== '0') return false;
    const token = BEARER.exec(h.authorization ?? '')?.[1];
    if (!token) return false;
    const { gate, clock } = this.#s;
    gate.refresh();
    const kept = gate.session(hashToken(token));
    if (!kept || kept.expiresAt <= clock.now().getTime()) return false;
    const { user } = kept;
    if (
      known.access === 'public' ||
      (known.access !== 'authenticated' && !known.access.includes(user.role))
    )
      return false;
    const versions = gate.grant(grantKeyOf(known.id, user, known.params));
    if (versions === undefined) return false;
    const lang = pickLang(h['accept-language']);
    const key = cacheKeyOf(this.#s, known.id, known.perRole, user, lang, known.params, known.query);
    const entry = this.#options.cache.get(key);
    if (entry?.versions !== versions) return false;
    const gzipped = acceptsGzip(h['accept-encoding']) ? entry.gzip : undefined;
    const tag = gzipped ? gzipTag(entry.etag) : entry.etag;
    const headers: Record<string, string | number> = {
      ...this.#options.headers,
      vary: 'Origin, accept-encoding',
    };
    if (matches(h['if-none-match'], tag)) {
      headers.etag = tag;
      headers['cache-control'] = CACHE_CONTROL;
      res.writeHead(304, headers);
      res.end();
      this.#served += 1;
      return true;
    }
    if (gzipped) headers['content-encoding'] = 'gzip';
    headers.etag = tag;
    headers['cache-control'] = CACHE_CONTROL;
    headers['content-type'] = 'application/json; charset=utf-8';
    const body = gzipped ?? entry.body;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    this.#served += 1;
    return true;
  }
}
