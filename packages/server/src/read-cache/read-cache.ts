/** A serialised response kept for the versions of the data it was read at. */
export interface CachedBody {
  /** The versions of the scopes the read depends on, joined (`3.17`). */
  readonly versions: string;
  /** Strong entity tag of the identity body: prefix, key and versions (see `cached-read.ts`). */
  readonly etag: string;
  /** The JSON as sent, already encoded. */
  readonly body: Buffer;
  /** The same JSON gzipped, for clients that accept it (absent for small bodies). */
  readonly gzip?: Buffer;
  /** The same JSON compressed with brotli (absent for small bodies). */
  readonly br?: Buffer;
}

/** Bounds of a {@link ReadCache}. */
export interface ReadCacheLimits {
  /** Most entries kept. */
  readonly maxEntries: number;
  /** Most bytes of bodies (and keys) kept. */
  readonly maxBytes: number;
}

/**
 * An in-memory least-recently-used cache of serialised JSON responses, bounded by entries and
 * bytes. A key holds one body: a read at newer versions replaces it, so dead versions do not
 * pile up until evicted. A body larger than a quarter of the byte budget is not kept at all.
 *
 * @example
 * const cache = new ReadCache({ maxEntries: 1000, maxBytes: 16 << 20 });
 * cache.set(key, { versions: '3', etag: '"…"', body });
 * cache.get(key)?.versions === '3';
 */
export class ReadCache {
  readonly #entries = new Map<string, CachedBody>();
  readonly #limits: ReadCacheLimits;
  #bytes = 0;

  constructor(limits: ReadCacheLimits) {
    this.#limits = limits;
  }

  /** Entries kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry of a key, marked as recently used. */
  get(key: string): CachedBody | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps an entry (replacing the key's previous one) and evicts the least recently used. */
  set(key: string, entry: CachedBody): void {
    this.delete(key);
    const size = sizeOf(key, entry);
    if (this.#limits.maxEntries <= 0 || size > this.#limits.maxBytes / 4) return;
    this.#entries.set(key, entry);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes)
        break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(oldest, old);
    }
  }

  /** Forgets a key. */
  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(key, entry);
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

function sizeOf(key: string, entry: CachedBody): number {
  const bodies = entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
  return bodies + 2 * (key.length + entry.etag.length + entry.versions.length);
}
