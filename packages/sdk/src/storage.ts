import { clear, createStore, del, get, keys, set } from 'idb-keyval';
import { browser } from './platform';

/**
 * An asynchronous key-value store holding one user's cached reads and outbox.
 *
 * @example
 * const store: KeyValueStore = {
 *   get: async (key) => JSON.parse((await fs.readFile(file(key), 'utf8').catch(() => 'null')) as string),
 *   set: (key, value) => fs.writeFile(file(key), JSON.stringify(value)),
 *   del: (key) => fs.rm(file(key), { force: true }),
 *   keys: async () => (await fs.readdir(dir)).map(decodeURIComponent),
 *   clear: () => fs.rm(dir, { recursive: true, force: true }),
 * };
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /** Forgets everything of this store (sign-out). */
  clear(): Promise<void>;
}

/**
 * Opens the store of one namespace (`<server host>/<user id>`): every user of a device has their
 * own, and signing out clears it. Give one to `createDiaryClient({ storage })` to keep the cache
 * and outbox elsewhere than IndexedDB (React Native's AsyncStorage, a file in Electron, …).
 *
 * @example
 * const client = createDiaryClient({ baseUrl, storage: memoryStorage() });
 */
export type DiaryStorage = (namespace: string) => KeyValueStore;

/**
 * The default storage in browsers: one IndexedDB database per namespace, through idb-keyval.
 *
 * @example
 * const client = createDiaryClient({ baseUrl, storage: indexedDbStorage('my-app') });
 */
export function indexedDbStorage(prefix = 'school-diary'): DiaryStorage {
  return (namespace) => {
    const store = createStore(`${prefix}/${namespace}`, 'kv');
    return {
      get: (key) => get(key, store),
      set: (key, value) => set(key, value, store),
      del: (key) => del(key, store),
      keys: async () => (await keys(store)).map(String),
      clear: () => clear(store),
    };
  };
}

/**
 * Storage in memory, lost on reload: for tests, and for Node processes that want the cache and
 * outbox while they run.
 *
 * @example
 * const client = createDiaryClient({ baseUrl, storage: memoryStorage() });
 */
export function memoryStorage(): DiaryStorage {
  const namespaces = new Map<string, Map<string, unknown>>();
  return (namespace) => {
    const map = namespaces.get(namespace) ?? new Map<string, unknown>();
    namespaces.set(namespace, map);
    return {
      get: async (key) => structuredClone(map.get(key)),
      set: async (key, value) => void map.set(key, structuredClone(value)),
      del: async (key) => void map.delete(key),
      keys: async () => [...map.keys()],
      clear: async () => map.clear(),
    };
  };
}

/** IndexedDB where there is one (browsers), nothing elsewhere (Node): the client then works without a cache. */
export function defaultStorage(): DiaryStorage | undefined {
  return browser.indexedDB ? indexedDbStorage() : undefined;
}
