import type { OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import { thenKept } from '../db/kept-until-change';
import { cacheKeyAt, canonical } from '../read-cache/cache-key';
import { CachedReads, type CachedAnswer } from '../read-cache/cached-read';
import { preferredCoding } from '../read-cache/content-coding';
import { ReadCache } from '../read-cache/read-cache';
import { readVersions } from '../read-cache/versions';
import type { CacheRule } from '../routes/cached-reads';
import type { Services } from '../services/context';
import type { CachedRead, ReadCacheLookup } from './register-routes';

/**
 * `Cache-Control` of every cached read: personal data, so no cache (the browser's included)
 * stores it (ASVS 8.2.1). The ETag still saves the body: the SDK keeps its own copy and
 * revalidates it with `If-None-Match`, answered 304.
 */
export const CACHE_CONTROL = 'no-store';
const JSON_TYPE = 'application/json; charset=utf-8';

/** `Vary` with `name` added to what the `onRequest` hooks put there (CORS's `Origin`). */
function varyWith(current: OutgoingHttpHeader | undefined, name: string): string {
  if (current === undefined) return name;
  return `${Array.isArray(current) ? current.join(', ') : String(current)}, ${name}`;
}

/**
 * Writes a cached read's answer: the headers the `onRequest` hooks set (request id, security
 * headers, CORS), `Vary`, the ETag, `no-store`, and the body as kept in the asked coding, or a 304
 * without one. Written straight to the socket: the answer is known bytes, so fastify's payload
 * handling (content-type parsing, serialisation checks, `onSend`, which no API route has) has
 * nothing to do; its `onResponse` hooks (metrics, the request log) still run when it is sent.
 * The headers go to `writeHead` as one flat `[name, value, …]` list, in the order they were set.
 */
export function sendCached(reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  const set = reply.getHeaders() as OutgoingHttpHeaders;
  const headers: OutgoingHttpHeader[] = [];
  for (const name in set) {
    const value = set[name];
    if (value === undefined) continue;
    if (name === 'vary') headers.push(name, varyWith(value, 'accept-encoding'));
    else headers.push(name, name === 'cache-control' ? CACHE_CONTROL : value);
  }
  if (set.vary === undefined) headers.push('vary', 'accept-encoding');
  headers.push('etag', answer.etag);
  if (set['cache-control'] === undefined) headers.push('cache-control', CACHE_CONTROL);
  reply.hijack();
  if (answer.status === 304) {
    reply.raw.writeHead(304, headers).end();
    return reply;
  }
  if (answer.coding !== 'identity') headers.push('content-encoding', answer.coding);
  headers.push('content-type', JSON_TYPE, 'content-length', answer.body.length);
  reply.raw.writeHead(200, headers).end(answer.body);
  return reply;
}

/**
 * The read cache of an app: for each route in `rules`, a {@link CachedRead} that authorises the
 * caller and reads the versions of the scopes the answer depends on (the rule, one statement for
 * a child's diary), then answers from the versioned read cache (see `CachedReads`). Versions are
 * read before the handler reads the data, so a kept body is never older than the versions it is
 * filed under, and a write (which bumps them in its transaction) is never hidden.
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
  const reads = new CachedReads({
    cache,
    ...(options.etagPrefix ? { etagPrefix: options.etagPrefix } : {}),
  });
  return (id): CachedRead | undefined => {
    const rule = rules[id];
    if (!rule) return undefined;
    return (ctx, { request, reply }, compute) =>
      thenKept(rule.scopes(s, ctx), (scoped) => {
        const answer = (versions: readonly number[]) => {
          const key = cacheKeyAt(
            s.clock.now().getTime(),
            id,
            { perRole: rule.perRole === true, user: ctx.user },
            ctx.lang,
            canonical(ctx.params),
            canonical(ctx.query),
          );
          const input = {
            key,
            versions: versions.join('.'),
            coding: preferredCoding(request.headers['accept-encoding']),
            ifNoneMatch: request.headers['if-none-match'],
          };
          return thenKept(reads.answer(input, compute), (a) => sendCached(reply, a));
        };
        return 'versions' in scoped
          ? answer(scoped.versions)
          : readVersions(s.db, scoped).then(answer);
      });
  };
}
