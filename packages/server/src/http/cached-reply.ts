import type { FastifyReply } from 'fastify';
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

/** Adds to `Vary` without dropping what CORS put there (`Origin`). */
function vary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  reply.header('vary', current ? `${String(current)}, ${header}` : header);
}

/** Writes a cached read's answer. */
export function sendCached(reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  vary(reply, 'accept-encoding');
  reply.header('etag', answer.etag).header('cache-control', CACHE_CONTROL);
  if (answer.status === 304) return reply.code(304).send();
  if (answer.coding !== 'identity') reply.header('content-encoding', answer.coding);
  return reply.code(200).type(JSON_TYPE).send(answer.body);
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
    return async (ctx, { request, reply }, compute) => {
      const scoped = await rule.scopes(s, ctx);
      const versions = 'versions' in scoped ? scoped.versions : await readVersions(s.db, scoped);
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
      return sendCached(reply, await reads.answer(input, compute));
    };
  };
}
