import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { AuthUser, Services } from '../services/context';
import { readVersions } from '../services/versions';
import type { CacheRule } from './cached-routes';
import { ReadCache, type CachedBody } from './read-cache';
import type { CachedRead, ReadCacheLookup } from './register-routes';

/** `Cache-Control` of every cached read: stored privately, revalidated each time. */
export const CACHE_CONTROL = 'private, no-cache';
/** Bodies below this many bytes go uncompressed: gzip would save too little to be worth it. */
const GZIP_FROM = 1024;
const gzipAsync = promisify(gzip);

/** Whether `Accept-Encoding` takes gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** The tag of the gzipped representation: a different representation needs its own strong tag. */
export function gzipTag(etag: string): string {
  return `${etag.slice(0, -1)}.gz"`;
}

/** Adds to `Vary` without dropping what CORS put there (`Origin`). */
function vary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  reply.header('vary', current ? `${String(current)}, ${header}` : header);
}

/** Sorted `[name, value]` pairs of validated params or query: the same input, the same key. */
export function canonical(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  const entries = Object.entries(input).filter(([, v]) => v !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The cache key of a read: route, caller, language, the hour (an answer may depend on "today", so
 * no entry outlives the hour it was made in) and the canonical params and query. The caller (or,
 * for answers that are the same for everyone let in, their role) is part of it, so an entry made
 * for one user is never served to another.
 */
export function cacheKeyOf(
  s: Services,
  id: string,
  perRole: boolean,
  user: AuthUser | null,
  lang: string,
  params: string,
  query: string,
): string {
  return cacheKeyAt(s.clock.now().getTime(), id, perRole, user, lang, params, query);
}

/** The last hour {@link hourOf} named: its start and end (ms) and its `YYYY-MM-DDTHH`. */
let lastHour = { from: 0, to: 0, text: '' };

/** `YYYY-MM-DDTHH` (UTC) of an instant; the same hour's text is made once. */
function hourOf(at: number): string {
  if (at >= lastHour.from && at < lastHour.to) return lastHour.text;
  const from = at - (((at % 3_600_000) + 3_600_000) % 3_600_000);
  lastHour = { from, to: from + 3_600_000, text: new Date(from).toISOString().slice(0, 13) };
  return lastHour.text;
}

/** {@link cacheKeyOf} at an instant (ms since the epoch) already read from the clock. */
export function cacheKeyAt(
  at: number,
  id: string,
  perRole: boolean,
  user: AuthUser | null,
  lang: string,
  params: string,
  query: string,
): string {
  const who = (perRole ? `role:${user?.role}` : user?.id) ?? 'anonymous';
  return `${id}\n${who}\n${lang}\n${hourOf(at)}\n${params}\n${query}`;
}

/** The read gate's key of a read's grant: route, user and params (what `scopes` depends on). */
export function grantKeyOf(id: string, user: AuthUser | null, params: string): string {
  return `${id}\n${user?.id ?? ''}\n${params}`;
}

/** Whether `If-None-Match` names the tag (weak comparison, as RFC 9110 asks for this header). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function notModified(reply: FastifyReply, etag: string): FastifyReply {
  return reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send();
}

/**
 * The read cache of an app: for each route in `rules`, a {@link CachedRead} that authorises the
 * caller (the rule), reads the versions of the scopes the answer depends on, and answers
 * `If-None-Match` with 304, a repeated read from memory, and anything else by running the handler
 * and keeping its JSON. Versions are read before the handler reads the data, so a kept body is
 * never older than the versions it is filed under, and a write (which bumps them) is never hidden.
 * The strong ETag is made of a prefix (shared by the instances of a database; random when not
 * given), a hash of the key and the versions: no need to hash the body.
 */
export function createReadCache(
  s: Services,
  rules: Readonly<Record<string, CacheRule>>,
  options: {
    /** The ETag's first part, shared by the instances of one database (see app.ts). */
    etagPrefix?: string;
    cache?: ReadCache;
  } = {},
): ReadCacheLookup {
  const cache =
    options.cache ??
    new ReadCache({ maxEntries: s.config.readCacheEntries, maxBytes: s.config.readCacheBytes });
  const boot = options.etagPrefix ?? randomBytes(6).toString('base64url');
  const inFlight = new Map<string, Promise<CachedBody>>();
  const etagOf = (key: string, versions: string) =>
    `"${boot}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}-${versions}"`;

  return (id): CachedRead | undefined => {
    const rule = rules[id];
    if (!rule) return undefined;
    return async (ctx, exchange, compute) => {
      // Authorisation and versions: kept by the read gate per route, user and input until the
      // database may have changed; a denial is never kept, so it is asked again every time.
      const params = canonical(ctx.params);
      const grantKey = grantKeyOf(id, ctx.user, params);
      let versions = s.gate.grant(grantKey);
      if (versions === undefined) {
        const ticket = s.gate.ticket();
        const scoped = await rule.scopes(s, ctx);
        versions = ('versions' in scoped ? scoped.versions : await readVersions(s.db, scoped)).join(
          '.',
        );
        s.gate.keepGrant(grantKey, versions, ticket);
      }
      const key = cacheKeyOf(
        s,
        id,
        rule.perRole === true,
        ctx.user,
        ctx.lang,
        params,
        canonical(ctx.query),
      );
      const { headers } = exchange.request;
      const ifNoneMatch = headers['if-none-match'];
      const zipped = acceptsGzip(headers['accept-encoding']);
      vary(exchange.reply, 'accept-encoding');
      let entry: CachedBody | undefined = cache.get(key);
      if (entry?.versions !== versions) {
        const etag = etagOf(key, versions);
        const tag = zipped ? gzipTag(etag) : etag;
        if (matches(ifNoneMatch, tag)) return notModified(exchange.reply, tag);
        // Single flight: requests that miss together for the same key and versions (every reader
        // right after a write) share one computation instead of each loading and gzipping it.
        const flightKey = `${key}\n${versions}`;
        let flight = inFlight.get(flightKey);
        if (!flight) {
          flight = (async (): Promise<CachedBody> => {
            const body = Buffer.from(await compute());
            const gz = body.length >= GZIP_FROM ? await gzipAsync(body) : undefined;
            const made: CachedBody = { versions, etag, body, ...(gz ? { gzip: gz } : {}) };
            cache.set(key, made);
            return made;
          })().finally(() => inFlight.delete(flightKey));
          inFlight.set(flightKey, flight);
        }
        entry = await flight;
      }
      const gzipped = zipped ? entry.gzip : undefined;
      const tag = gzipped ? gzipTag(entry.etag) : entry.etag;
      if (matches(ifNoneMatch, tag)) return notModified(exchange.reply, tag);
      if (gzipped) exchange.reply.header('content-encoding', 'gzip');
      return exchange.reply
        .code(200)
        .header('etag', tag)
        .header('cache-control', CACHE_CONTROL)
        .type('application/json; charset=utf-8')
        .send(gzipped ?? entry.body);
    };
  };
}
