import type { JournalBatchResult, Message } from '@school-diary/core';
import { browser } from './platform';
import { outboxNoteOf, type KeptOutboxItem } from './shapes';

/**
 * What one outbox tells the other outboxes of its kept queue (another client of the page, another
 * tab): the queue changed, or it sent an item (with the server's answer, for their listeners).
 */
export type OutboxNote =
  | { readonly kind: 'changed' }
  | { readonly kind: 'sent'; readonly item: KeptOutboxItem; readonly message: Message }
  | { readonly kind: 'saved'; readonly item: KeptOutboxItem; readonly result: JournalBatchResult };

/** The link between the outboxes of one kept queue, in this page and in the user's other tabs. */
export interface OutboxLink {
  /**
   * Runs `work` while no other outbox of the queue runs work under it: a Web Lock where there are
   * Web Locks (the page's clients and the site's tabs), else a lock of this page (or process).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Tells the other outboxes of the queue; nothing where there is no `BroadcastChannel`. */
  post(note: OutboxNote): void;
  /** Listens to the other outboxes of the queue; returns the function that stops listening. */
  listen(listener: (note: OutboxNote) => void): () => void;
  close(): void;
}

/** The queues whose lock some outbox of this page holds or waits for, without Web Locks. */
const pageLocks = new Map<string, Promise<void>>();

/** Runs `work` after the work queued before it under `name` in this page has settled. */
function pageExclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
  const before = pageLocks.get(name) ?? Promise.resolve();
  const run = before.then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  pageLocks.set(name, settled);
  void settled.then(() => {
    if (pageLocks.get(name) === settled) pageLocks.delete(name);
  });
  return run;
}

/**
 * The {@link OutboxLink} of the queue called `name` (the store's namespace): Web Locks and a
 * `BroadcastChannel` where the platform has them. Notes that are not an {@link OutboxNote} are
 * ignored.
 */
export function createOutboxLink(name: string): OutboxLink {
  const lockName = `school-diary:outbox:${name}`;
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(lockName);
  // Node keeps the process alive while a channel is open; a tab needs no such thing.
  (channel as { unref?: () => void } | undefined)?.unref?.();
  const locks = browser.navigator?.locks;
  return {
    exclusive: (work) => (locks ? locks.request(lockName, work) : pageExclusive(lockName, work)),
    post: (note) => channel?.postMessage(note),
    listen(listener) {
      const onMessage = (event: Event) => {
        const note = outboxNoteOf((event as Event & { data?: unknown }).data);
        if (note) listener(note);
      };
      channel?.addEventListener('message', onMessage);
      return () => channel?.removeEventListener('message', onMessage);
    },
    close: () => channel?.close(),
  };
}
