import type { CacheEntry, ReadCache } from './cache';
import type { WireResponse } from './transport';

/**
 * What a watcher of a read gets: the data, whether it is confirmed by the server, and its age.
 *
 * @example
 * client.grades.list.watch({ childId }, (snapshot: Snapshot<{ items: Mark[] }>) => {
 *   table.items = snapshot.data.items;
 *   table.updating = !snapshot.fresh;
 * });
 */
export interface Snapshot<T> {
  readonly data: T;
  /**
   * `false` for data from the cache that the server has not confirmed yet (show it, perhaps with
   * an "updating…" hint); `true` once the server answered, or a live event brought a change.
   */
  readonly fresh: boolean;
  /** When the data was last confirmed by the server, in milliseconds since the epoch. */
  readonly savedAt: number;
}

/**
 * Options of a `watch`.
 *
 * @example
 * const controller = new AbortController();
 * client.grades.list.watch({ childId }, show, { signal: controller.signal, onError: showOffline });
 * controller.abort(); // stops watching
 */
export interface WatchOptions {
  /**
   * Failures of the fetch (offline, errors of the server, a broken contract). The cached data
   * stays shown; a watcher without `onError` ignores them.
   */
  readonly onError?: (error: unknown) => void;
  /** Stops watching when aborted, like calling the returned function. */
  readonly signal?: AbortSignal;
}

/**
 * Stops a watch or a listener.
 *
 * @example
 * const stop: Unsubscribe = client.events.on('message.created', append);
 * stop();
 */
export type Unsubscribe = () => void;

/** What {@link watchRead} needs from the client for one read. */
export interface WatchedRead<T> {
  readonly cache: ReadCache;
  readonly key: string;
  /** Checks a body against the operation's schema (throws a contract error). */
  readonly parse: (body: unknown) => T;
  /** Fetches the read, conditionally when an entity tag is given. */
  readonly load: (etag: string | undefined, signal: AbortSignal) => Promise<WireResponse>;
  readonly now: () => number;
  /**
   * Settles once the session (and so the user's cache) is known and `parse` can run (the read's
   * schemas have loaded); rejects when they could not be loaded.
   */
  readonly ready: Promise<void>;
}

/**
 * Cache-then-network: hands the cached answer to `listener` at once (if there is one), then the
 * server's (a cheap 304 when the cached one still holds), then every later change to the same
 * read (another fetch of it, a live event). Returns the function that stops watching.
 */
export function watchRead<T>(
  read: WatchedRead<T>,
  listener: (snapshot: Snapshot<T>) => void,
  options: WatchOptions = {},
): Unsubscribe {
  const controller = new AbortController();
  let last: CacheEntry | undefined;
  let ready = false;
  let fetching: Promise<void> | undefined;
  let again = false;

  const fail = (error: unknown) => {
    if (!controller.signal.aborted) options.onError?.(error);
  };
  const deliver = (entry: CacheEntry, fresh: boolean) => {
    // Before `ready`, `parse` cannot run yet: the entry is read from the cache once it can.
    if (controller.signal.aborted || !ready) return;
    let data: T;
    try {
      data = read.parse(entry.body);
    } catch (error) {
      return fail(error);
    }
    last = entry;
    listener({ data, fresh, savedAt: entry.savedAt });
  };
  const fetchOnce = async () => {
    const response = await read.load(last?.etag, controller.signal);
    ready = true; // `load` waited for what `parse` needs, also after a failed `ready`
    const body = response.status === 304 && last ? last.body : response.body;
    read.parse(body);
    await read.cache.put(read.key, { body, etag: response.etag, savedAt: read.now() });
  };
  const revalidate = () => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = fetchOnce()
      .catch(fail)
      .finally(() => {
        fetching = undefined;
        if (again && !controller.signal.aborted) {
          again = false;
          revalidate();
        }
      });
  };

  const stopWatching = read.cache.watch(read.key, (entry) => deliver(entry, true), revalidate);
  const stop = () => {
    controller.abort();
    stopWatching();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  void read.ready
    .then(() => {
      ready = true;
      return read.cache.get(read.key);
    })
    .then((cached) => {
      if (cached && !last) deliver(cached, false);
      revalidate();
    }, fail);
  return stop;
}
