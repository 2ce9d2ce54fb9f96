import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { codedTag, matches, type ContentCoding } from './content-coding';
import type { CachedBody, ReadCache } from './read-cache';

/** Bodies below this many bytes go uncompressed: compression would save too little. */
const COMPRESS_FROM = 1024;
/** Brotli quality of kept bodies: most of brotli's gain at a fraction of quality 11's time. */
const BROTLI_QUALITY = 6;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** What a cached read is asked: which entry, at which data versions, as what, and what is held. */
export interface CachedReadInput {
  /** The entry (see `cacheKeyAt`). */
  readonly key: string;
  /** The versions of the data scopes the answer depends on, joined (`3.17`). */
  readonly versions: string;
  /** The coding the client prefers (see `preferredCoding`). */
  readonly coding: ContentCoding;
  /** The request's `If-None-Match`. */
  readonly ifNoneMatch: string | undefined;
}

/** A cached read's answer: the body in the coding sent, or "not modified". */
export type CachedAnswer =
  | { readonly status: 304; readonly etag: string }
  | {
      readonly status: 200;
      readonly etag: string;
      readonly body: Buffer;
      readonly coding: ContentCoding;
    };

/**
 * The versioned read cache: answers a read at given data versions with 304 when the client holds
 * it, from memory when an entry at those versions is kept, and otherwise runs `compute` once for
 * every concurrent miss (single flight), compresses the JSON with gzip and brotli once, and keeps
 * it. The strong ETag is made of a prefix (shared by the instances of one database), a hash of the
 * key and the versions: no need to hash the body, and another instance gives the same tag.
 *
 * @example
 * const reads = new CachedReads({ cache, etagPrefix: 'Xy12.1.0.0' });
 * const answer = await reads.answer({ key, versions: '3.17', coding: 'br', ifNoneMatch }, load);
 */
export class CachedReads {
  readonly #cache: ReadCache;
  readonly #prefix: string;
  readonly #inFlight = new Map<string, Promise<CachedBody>>();

  constructor(options: { cache: ReadCache; etagPrefix?: string }) {
    this.#cache = options.cache;
    this.#prefix = options.etagPrefix ?? randomBytes(6).toString('base64url');
  }

  #etagOf(key: string, versions: string): string {
    const hash = createHash('sha1').update(key).digest('base64url').slice(0, 16);
    return `"${this.#prefix}-${hash}-${versions}"`;
  }

  /**
   * The answer when it needs no computation (a 304, or a body kept at these versions); undefined
   * when `answer` must compute it.
   */
  kept(input: CachedReadInput): CachedAnswer | undefined {
    const entry = this.#cache.get(input.key);
    if (entry?.versions !== input.versions) return undefined;
    return answerOf(entry, input);
  }

  /**
   * Answers a read, computing and keeping the body when no entry at these versions is kept: a
   * kept answer at once, a computed one in a promise.
   */
  answer(
    input: CachedReadInput,
    compute: () => Promise<string>,
  ): CachedAnswer | Promise<CachedAnswer> {
    return this.kept(input) ?? this.#computed(input, compute);
  }

  async #computed(input: CachedReadInput, compute: () => Promise<string>): Promise<CachedAnswer> {
    const { key, versions } = input;
    const etag = this.#etagOf(key, versions);
    const tag = codedTag(etag, input.coding);
    if (matches(input.ifNoneMatch, tag)) return { status: 304, etag: tag };
    // Requests that miss together for the same key and versions (every reader right after a
    // write) share one computation instead of each loading and compressing it.
    const flightKey = `${key}\n${versions}`;
    let flight = this.#inFlight.get(flightKey);
    if (!flight) {
      flight = this.#fill(key, versions, etag, compute).finally(() =>
        this.#inFlight.delete(flightKey),
      );
      this.#inFlight.set(flightKey, flight);
    }
    return answerOf(await flight, input);
  }

  async #fill(
    key: string,
    versions: string,
    etag: string,
    compute: () => Promise<string>,
  ): Promise<CachedBody> {
    const body = Buffer.from(await compute());
    const small = body.length < COMPRESS_FROM;
    const [gz, br] = small
      ? []
      : await Promise.all([
          gzipAsync(body),
          brotliAsync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        ]);
    const made: CachedBody = {
      versions,
      etag,
      body,
      ...(gz ? { gzip: gz } : {}),
      ...(br ? { br } : {}),
    };
    this.#cache.set(key, made);
    return made;
  }
}

/** The entry in the asked coding (identity when it has none), or 304 when the client holds it. */
function answerOf(entry: CachedBody, input: CachedReadInput): CachedAnswer {
  const body = input.coding === 'identity' ? undefined : entry[input.coding];
  const coding: ContentCoding = body ? input.coding : 'identity';
  const etag = codedTag(entry.etag, coding);
  if (matches(input.ifNoneMatch, etag)) return { status: 304, etag };
  return { status: 200, etag, body: body ?? entry.body, coding };
}
