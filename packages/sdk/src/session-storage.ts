import { browser } from './platform';
import { storedSessionOf, type StoredSession } from './shapes';

export type { StoredSession } from './shapes';

/**
 * Where a session survives a page reload, when the integrator opts in. Tokens live in memory
 * only unless a `SessionStorage` is given to `createDiaryClient({ persistSession })`. What
 * `load` returns is checked, so a damaged entry means "signed out", not a crash.
 *
 * @example
 * const persistSession: SessionStorage = {
 *   load: () => JSON.parse(sessionStorage.getItem('diary') ?? 'null'),
 *   save: (s) => (s ? sessionStorage.setItem('diary', JSON.stringify(s)) : sessionStorage.removeItem('diary')),
 * };
 */
export interface SessionStorage {
  /** The kept session, or anything falsy when there is none. */
  load(): unknown;
  /** Keeps the session; `undefined` forgets it (sign-out). */
  save(session: StoredSession | undefined): void | Promise<void>;
}

/**
 * Keeps the session in `localStorage`, shared by every tab of the site (they also agree on token
 * rotation through a `BroadcastChannel`). A token in `localStorage` can be read by any script on
 * the page: opt in only on sites whose scripts you trust.
 *
 * @example
 * const client = createDiaryClient({ baseUrl, persistSession: localStorageSession() });
 */
export function localStorageSession(key = 'school-diary.session'): SessionStorage {
  return {
    load() {
      const text = browser.localStorage?.getItem(key);
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    save(session) {
      if (session) browser.localStorage?.setItem(key, JSON.stringify(session));
      else browser.localStorage?.removeItem(key);
    },
  };
}

/** Reads a store, answering `undefined` for nothing or anything that is not a session. */
export async function loadSession(store: SessionStorage | undefined) {
  const kept: unknown = await store?.load();
  return kept ? storedSessionOf(kept) : undefined;
}
