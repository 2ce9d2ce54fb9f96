import { browser } from './platform';
import { tabMessageOf } from './shapes';
import type { StoredSession } from './session-storage';

/** What one tab tells the others: its session changed (rotated, signed in, or signed out). */
export interface TabMessage {
  /** The new session; `null` after a sign-out. */
  readonly session: StoredSession | null;
  /** The refresh token the change replaces, so a tab knows whether it is its own session. */
  readonly previous: string | null;
}

/** The link between tabs of one site that use the same diary server. */
export interface TabSync {
  post(message: TabMessage): void;
  /** Listens to the other tabs; returns the function that stops listening. */
  listen(listener: (message: TabMessage) => void): () => void;
  /** Runs `work` while no other tab runs work under the same lock (Web Locks), where possible. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * A {@link TabSync} over `BroadcastChannel` and the Web Locks API, or `undefined` where there is
 * no `BroadcastChannel`. Without Web Locks (Node) `exclusive` just runs the work. Messages that
 * are not a {@link TabMessage} are ignored.
 */
export function createTabSync(name: string): TabSync | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  // Node keeps the process alive while a channel is open; a tab needs no such thing.
  (channel as { unref?: () => void }).unref?.();
  const locks = browser.navigator?.locks;
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: Event) => {
        const message = tabMessageOf((event as Event & { data?: unknown }).data);
        if (message) listener(message);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    exclusive: (work) => (locks ? locks.request(`${name}:refresh`, work) : work()),
    close: () => channel.close(),
  };
}
