import { cacheEntryOf } from './shapes';
import type { DiaryStorage, KeyValueStore } from './storage';

/** A cached read: the answer as it came over the wire, its entity tag, and when it was saved. */
export interface CacheEntry {
  readonly body: unknown;
  readonly etag?: string | undefined;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** Which read a cache key stands for: the operation (`grades.list`) and its input. */
export interface ReadKey {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

const PREFIX = 'read\n';

/**
 * The cache key of a read: operation, language and the input with its keys sorted, so the same
 * read with its arguments in another order finds the same entry.
 */
export function readKey(operation: string, lang: string, input: object = {}): string {
  const sorted = Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${PREFIX}${operation}\n${lang}\n${JSON.stringify(Object.fromEntries(sorted))}`;
}

/** The operation and input of a key made by {@link readKey}; `undefined` for other keys. */
export function parseReadKey(key: string): ReadKey | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const [operation = '', , json = '{}'] = key.slice(PREFIX.length).split('\n');
  return { operation, input: JSON.parse(json) as Record<string, unknown> };
}

interface Watcher {
  readonly key: string;
  readonly read: ReadKey;
  readonly onEntry: (entry: CacheEntry) => void;
  readonly revalidate: () => void;
}

/**
 * The signed-in user's cached reads: in their {@link KeyValueStore} when there is storage, and
 * always passed on to the watchers of a key in this page. Without storage (Node) nothing is
 * kept, but watchers still get every fresh answer and live-event update.
 */
export class ReadCache {
  readonly #storage: DiaryStorage | undefined;
  readonly #namespace: () => string | undefined;
  readonly #stores = new Map<string, KeyValueStore>();
  readonly #watchers = new Set<Watcher>();

  constructor(storage: DiaryStorage | undefined, namespace: () => string | undefined) {
    this.#storage = storage;
    this.#namespace = namespace;
  }

  /** The current user's namespace (`<base URL>/<user id>`), if someone is signed in. */
  namespace(): string | undefined {
    return this.#namespace();
  }

  /** The current user's store, if there is storage and someone is signed in. */
  store(namespace = this.#namespace()): KeyValueStore | undefined {
    if (!this.#storage || namespace === undefined) return undefined;
    let store = this.#stores.get(namespace);
    if (!store) {
      store = this.#storage(namespace);
      this.#stores.set(namespace, store);
    }
    return store;
  }

  /** The entry of a key; a damaged or unreadable one counts as absent. */
  async get(key: string): Promise<CacheEntry | undefined> {
    const store = this.store();
    if (!store) return undefined;
    try {
      const kept = await store.get(key);
      if (kept === undefined) return undefined;
      return cacheEntryOf(kept);
    } catch {
      return undefined;
    }
  }

  /** Saves an entry and hands it to the key's watchers. */
  async put(key: string, entry: CacheEntry): Promise<void> {
    for (const watcher of this.#watchers) if (watcher.key === key) watcher.onEntry(entry);
    // A full or blocked store (private mode, quota) must not fail the read that fed it.
    await this.store()
      ?.set(key, entry)
      .catch(() => undefined);
  }

  /**
   * Rewrites the kept answers of the reads that `match`: `change` returns the new body, or
   * `undefined` to leave one alone. The entity tag is dropped: it described the old body.
   */
  async patch(
    match: (read: ReadKey) => boolean,
    change: (body: unknown, read: ReadKey) => unknown,
  ): Promise<void> {
    const store = this.store();
    const keys = store ? await store.keys().catch(() => []) : [];
    for (const key of keys) {
      const read = parseReadKey(key);
      if (!read || !match(read)) continue;
      const entry = await this.get(key);
      const body = entry && change(entry.body, read);
      if (body !== undefined) await this.put(key, { body, savedAt: entry?.savedAt ?? 0 });
    }
  }

  /** Asks the watchers of the reads that `match` to fetch again. */
  revalidate(match: (read: ReadKey) => boolean): void {
    for (const watcher of this.#watchers) if (match(watcher.read)) watcher.revalidate();
  }

  /** Registers a watcher of a key; returns the function that removes it. */
  watch(key: string, onEntry: (entry: CacheEntry) => void, revalidate: () => void): () => void {
    const read = parseReadKey(key) ?? { operation: '', input: {} };
    const watcher: Watcher = { key, read, onEntry, revalidate };
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Forgets everything kept for a namespace (sign-out). */
  async wipe(namespace: string): Promise<void> {
    await this.store(namespace)?.clear();
  }
}
