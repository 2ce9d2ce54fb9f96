import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickLang, type RouteSpec } from '@school-diary/core';
import type { AuthUser, Services } from '../services/context';
import type { KeptSession } from '../services/read-gate';
import { hashToken } from '../services/secrets';
import {
  acceptsGzip,
  CACHE_CONTROL,
  cacheKeyAt,
  canonical,
  grantKeyOf,
  gzipTag,
  matches,
} from './cached-reply';
import type { CacheRule } from './cached-routes';
import type { CachedBody, ReadCache } from './read-cache';

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
 * http.createServer((req, res) => lean.serve(req, res, fastifyHandler) || fastifyHandler(req, res));
 */
export class LeanReads {
  readonly #s: Services;
  readonly #options: LeanReadsOptions;
  readonly #urls = new Map<string, KnownUrl>();
  readonly #routes: ReadonlySet<string>;
  /** Per kept body: the identity reply [0] and the gzip one [1], made when first sent. */
  readonly #replies = new WeakMap<CachedBody, Reply[]>();
  readonly #encodings = new Map<string, boolean>();
  readonly #langs = new Map<string, string>();
  #batch: Taken[] = [];
  #batches = 0;
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

  /** Batches (turns of the event loop with requests taken, one database probe each) so far. */
  get batches(): number {
    return this.#batches;
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

  /**
   * Takes the request if it may be answered on the lean path (a known URL, a bearer token, no
   * body, no `Origin`): false leaves it to fastify at once. A taken request is answered in the
   * same turn of the event loop, after the I/O that read it, together with every other request
   * taken in that turn: one probe of the database (`gate.refresh()`) for the whole batch, made
   * after every request of it was read — so a commit that happened before any of them was sent
   * is seen, exactly as with a probe per request. A request whose session, grant or body is not
   * kept (or no longer, after the probe) goes to `fallback` (fastify's handler) then.
   */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    fallback: (req: IncomingMessage, res: ServerResponse) => void,
  ): boolean {
    if (!this.#enabled || req.method !== 'GET' || req.url === undefined) return false;
    const known = this.#urls.get(req.url);
    if (!known) return false;
    const h = req.headers;
    if (h.origin !== undefined || h['transfer-encoding'] !== undefined) return false;
    if (h['content-length'] !== undefined && h['content-length'] !== '0') return false;
    const token = BEARER.exec(h.authorization ?? '')?.[1];
    // Nothing kept at the last probe (PostgreSQL's listener down): fastify, straight away.
    if (!token || !this.#s.gate.enabled) return false;
    if (this.#batch.length === 0) setImmediate(this.#flush);
    this.#batch.push({ req, res, known, token, fallback });
    return true;
  }

  /**
   * Answers the requests taken in this turn, after one probe of the database (on PostgreSQL
   * after a sync with the change notifications, shared with the other requests waiting for one).
   */
  readonly #flush = (): void => {
    const batch = this.#batch;
    this.#batch = [];
    this.#batches += 1;
    const synced = this.#s.gate.sync();
    if (synced) {
      void synced.then(
        () => this.#answerAll(batch),
        () => this.#answerAll(batch),
      );
    } else this.#answerAll(batch);
  };

  #answerAll(batch: readonly Taken[]): void {
    this.#s.gate.refresh();
    const now = this.#s.clock.now().getTime();
    for (const taken of batch) {
      let answered: boolean;
      try {
        answered = this.#enabled && this.#answer(taken, now);
      } catch {
        answered = false;
      }
      if (!answered && !taken.res.headersSent) taken.fallback(taken.req, taken.res);
    }
  }

  /** Answers a taken request from what is kept; false if anything is missing. */
  #answer({ req, res, known, token }: Taken, now: number): boolean {
    const h = req.headers;
    const kept = this.#session(token, now);
    if (!kept) return false;
    const { user } = kept;
    if (
      known.access === 'public' ||
      (known.access !== 'authenticated' && !known.access.includes(user.role))
    )
      return false;
    const versions = this.#s.gate.grant(grantKeyOf(known.id, user, known.params));
    if (versions === undefined) return false;
    const lang = this.#lang(h['accept-language']);
    const key = cacheKeyAt(now, known.id, known.perRole, user, lang, known.params, known.query);
    const entry = this.#options.cache.get(key);
    if (entry?.versions !== versions) return false;
    const reply = this.#reply(entry, this.#gzip(h['accept-encoding']) && entry.gzip !== undefined);
    if (matches(h['if-none-match'], reply.tag)) {
      res.writeHead(304, reply.notModified);
      res.end();
    } else {
      res.writeHead(200, reply.ok);
      res.end(reply.body);
    }
    this.#served += 1;
    return true;
  }

  /**
   * The kept, unexpired session of a bearer token: by the raw token when the gate has it, else by
   * its hash (then remembered by the raw token, see `ReadGate.byToken`).
   */
  #session(token: string, now: number): KeptSession<AuthUser> | undefined {
    const { gate } = this.#s;
    const known = gate.byToken(token, now);
    if (known) return known.expiresAt > now ? known : undefined;
    const ticket = gate.ticket();
    const kept = gate.session(hashToken(token));
    if (!kept || kept.expiresAt <= now) return undefined;
    gate.keepToken(token, kept, ticket, now);
    return kept;
  }

  /** `Accept-Encoding` takes gzip? Remembered per header value (a few dozen values at most). */
  #gzip(header: string | undefined): boolean {
    if (header === undefined) return false;
    let taken = this.#encodings.get(header);
    if (taken === undefined) {
      taken = acceptsGzip(header);
      remember(this.#encodings, header, taken);
    }
    return taken;
  }

  /** The language of `Accept-Language`, remembered per header value like {@link #gzip}. */
  #lang(header: string | undefined): string {
    if (header === undefined) return pickLang(header);
    let lang = this.#langs.get(header);
    if (lang === undefined) {
      lang = pickLang(header);
      remember(this.#langs, header, lang);
    }
    return lang;
  }

  /**
   * What is sent for a kept body in one encoding, made once per entry: the tag and the header
   * sets of a 200 and a 304, in the order the full path sets them (fastify writes them in the
   * order they were set).
   */
  #reply(entry: CachedBody, gzipped: boolean): Reply {
    let replies = this.#replies.get(entry);
    if (!replies) {
      replies = [];
      this.#replies.set(entry, replies);
    }
    const slot = gzipped ? 1 : 0;
    const made = replies[slot];
    if (made) return made;
    const body = gzipped && entry.gzip ? entry.gzip : entry.body;
    const tag = gzipped ? gzipTag(entry.etag) : entry.etag;
    const common = { ...this.#options.headers, vary: 'Origin, accept-encoding' };
    const reply: Reply = {
      tag,
      body,
      notModified: { ...common, etag: tag, 'cache-control': CACHE_CONTROL },
      ok: {
        ...common,
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        etag: tag,
        'cache-control': CACHE_CONTROL,
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      },
    };
    replies[slot] = reply;
    return reply;
  }
}

/** A request taken by the lean path, to be answered at the end of the turn. */
interface Taken {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly known: KnownUrl;
  readonly token: string;
  readonly fallback: (req: IncomingMessage, res: ServerResponse) => void;
}

/** What the lean path sends for one kept body in one encoding. */
interface Reply {
  readonly tag: string;
  readonly body: Buffer;
  readonly ok: Readonly<Record<string, string | number>>;
  readonly notModified: Readonly<Record<string, string | number>>;
}

/** Most header values remembered by each of the lean path's small parsing caches. */
const MAX_REMEMBERED = 64;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}
