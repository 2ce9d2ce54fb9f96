import type { Notification } from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NotificationsClient } from './notifications-client';

/** The first page of the feed (unless only the count was asked for) and how many are unread. */
interface FirstPage {
  /** Whether the page was loaded: false when only the unread count was. */
  readonly listed: boolean;
  readonly items: readonly Notification[];
  readonly total: number;
  readonly unread: number;
}

/** What the feed needs from its element, read before each update. */
export interface FeedSource {
  readonly client: NotificationsClient | undefined;
  readonly userId: string | undefined;
  readonly pageSize: number;
  /** Only the unread count is shown (a bell not opened yet): the first page waits until it is. */
  readonly countOnly: boolean;
  /** Called when a notification arrives live (to announce it). */
  readonly onLive: (notification: Notification) => void;
}

/**
 * The signed-in user's notification feed: the first page and the unread count (one `Task`, run
 * again for another user or client, or when the page is first wanted), further pages on demand,
 * reading one or all, and notifications that arrive over live events put on top.
 */
export class NotificationFeed implements ReactiveController {
  /** The notifications shown, newest first. */
  items: readonly Notification[] = [];
  /** How many the feed holds in all, and how many of them are unread. */
  total = 0;
  unread = 0;
  /** The last action's failure (reading, the next page), shown until the next action. */
  failure: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #source: () => FeedSource;
  #page = 1;
  #stopLive: (() => void) | undefined;
  #liveClient: NotificationsClient | undefined;

  /** The first page; its state is what the feed renders. */
  readonly first: Task<
    readonly [NotificationsClient | undefined, string | undefined, number, boolean],
    FirstPage
  >;
  /** The next page, when the user asks for more. */
  readonly more: Task<readonly [], readonly Notification[]>;

  constructor(host: ReactiveControllerHost, source: () => FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
    this.first = new Task(host, {
      args: () => {
        const { client, userId, pageSize, countOnly } = this.#source();
        return [client, userId, pageSize, countOnly] as const;
      },
      task: async ([client, userId, pageSize, countOnly], { signal }) => {
        if (!client || !userId) return initialState;
        const [page, unread] = await Promise.all([
          countOnly ? undefined : client.notifications.list({ page: 1, pageSize }, { signal }),
          client.notifications.list({ unread: true, page: 1, pageSize: 1 }, { signal }),
        ]);
        return page
          ? { listed: true, items: page.items, total: page.total, unread: unread.total }
          : { listed: false, items: [], total: 0, unread: unread.total };
      },
      onComplete: (first) => {
        this.unread = first.unread;
        this.failure = undefined;
        if (!first.listed) return;
        this.items = first.items;
        this.total = first.total;
        this.#page = 1;
      },
    });
    this.more = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async (_args, { signal }) => {
        const { client, pageSize } = this.#source();
        if (!client) return [];
        const next = await client.notifications.list(
          { page: this.#page + 1, pageSize },
          { signal },
        );
        return next.items;
      },
      onComplete: (items) => {
        const known = new Set(this.items.map((n) => n.id));
        this.items = [...this.items, ...items.filter((n) => !known.has(n.id))];
        this.#page += 1;
      },
    });
  }

  /** Whether the server holds more than is shown. */
  get hasMore(): boolean {
    return this.items.length < this.total;
  }

  hostUpdate(): void {
    const { client } = this.#source();
    if (client === this.#liveClient) return;
    this.#stopLive?.();
    this.#liveClient = client;
    this.#stopLive = client?.events.on('notification.created', (event) => this.#arrive(event.data));
  }

  hostDisconnected(): void {
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  #arrive(notification: Notification): void {
    if (this.items.some((n) => n.id === notification.id)) return;
    this.items = [notification, ...this.items];
    this.total += 1;
    if (!notification.readAt) this.unread += 1;
    this.#source().onLive(notification);
    this.#host.requestUpdate();
  }

  /** Marks one notification read (the server's answer replaces it). */
  async markRead(id: string): Promise<void> {
    const { client } = this.#source();
    if (!client) return;
    this.failure = undefined;
    try {
      const read = await client.notifications.markRead({ notificationId: id });
      const was = this.items.find((n) => n.id === id);
      this.items = this.items.map((n) => (n.id === id ? read : n));
      if (was && !was.readAt) this.unread = Math.max(0, this.unread - 1);
    } catch (error) {
      this.failure = error;
    }
    this.#host.requestUpdate();
  }

  /** Marks every notification read. */
  async markAllRead(at: () => Date): Promise<void> {
    const { client } = this.#source();
    if (!client) return;
    this.failure = undefined;
    try {
      await client.notifications.markAllRead();
      const readAt = at().toISOString();
      this.items = this.items.map((n) => (n.readAt ? n : { ...n, readAt }));
      this.unread = 0;
    } catch (error) {
      this.failure = error;
    }
    this.#host.requestUpdate();
  }
}
