import type { Message } from '@school-diary/core';
import type { ReactiveController, ReactiveElement } from 'lit';
import { MessageNodes, type MessageDrawing } from './chat-message-nodes';

/** Messages kept in the DOM at most while the reader is at the newest ones. */
export const WINDOW = 120;
/** How many more are shown (or fetched) each time the reader reaches the top. */
const PAGE = 50;
/** Pixels from the top of the history at which older messages are brought in. */
const NEAR_TOP = 48;

/** Where a {@link ThreadLog} gets older messages and how it draws one. */
export interface ThreadLogOptions {
  /** A page of the messages before the one with this id, oldest first. */
  readonly fetchOlder: (before: string) => Promise<{ items: Message[]; hasMore: boolean }>;
  /** How a message is drawn. */
  readonly drawing: MessageDrawing;
}

/**
 * The open conversation's messages and the window of them in the DOM: appended in O(1) (the array
 * is mutated in place, and only the new message is drawn), older pages brought in while scrolling
 * up without the view jumping (the reader's place is anchored), and kept at the bottom while the
 * reader is there. The messages are drawn into the log's `.diary-messages` container, which the
 * element renders empty.
 */
export class ThreadLog implements ReactiveController {
  /** The messages the server has, oldest first. */
  messages: Message[] = [];
  /** Index of the first message in the DOM. */
  from = 0;
  /** Whether the server has older messages than the first one here. */
  hasMore = false;
  readonly #host: ReactiveElement;
  readonly #fetchOlder: (before: string) => Promise<{ items: Message[]; hasMore: boolean }>;
  #ids = new Set<string>();
  /** Where `messages[0]` stands in the history: older pages come before 0 (drawn ones stay). */
  #base = 0;
  #stickToBottom = true;
  #anchor: { height: number; top: number } | undefined;
  /** Whether what the log holds may have changed since the last update (DOM and scroll work). */
  #changed = false;
  #olderLoading = false;
  readonly #nodes: MessageNodes;

  constructor(host: ReactiveElement, options: ThreadLogOptions) {
    this.#host = host;
    this.#fetchOlder = options.fetchOlder;
    this.#nodes = new MessageNodes(options.drawing, host);
    host.addController(this);
  }

  get #log(): HTMLElement | null | undefined {
    return this.#host.renderRoot?.querySelector?.<HTMLElement>('[role="log"]');
  }

  /** Whether a message with this id is in the log. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Empties the log (another conversation). */
  reset(): void {
    this.messages = [];
    this.#ids = new Set();
    this.#nodes.clear();
    this.from = 0;
    this.#base = 0;
    this.hasMore = false;
    this.#stickToBottom = true;
    this.touch();
  }

  /** Shows a conversation's latest page, scrolled to the bottom. */
  show(items: readonly Message[], hasMore: boolean): void {
    this.reset();
    for (const m of items) this.#push(m);
    this.hasMore = hasMore;
    this.from = Math.max(0, this.messages.length - WINDOW);
  }

  /** Marks the log as changed (the pending messages, the load state): scroll work after update. */
  touch(): void {
    this.#changed = true;
    this.#host.requestUpdate();
  }

  /** Draws every message again at the next update (the language or the time zone changed). */
  redraw(): void {
    this.#nodes.staleAll();
    this.touch();
  }

  /** Keeps the view at the bottom for the next message (the reader just sent one). */
  stickToBottom(): void {
    this.#stickToBottom = true;
  }

  #push(message: Message): boolean {
    this.#changed = true;
    if (this.#ids.has(message.id)) return false;
    this.#ids.add(message.id);
    this.messages.push(message);
    return true;
  }

  /** Adds a message at the end; while the reader is at the bottom the window slides with it. */
  append(message: Message): void {
    if (!this.#push(message)) {
      // Already shown (a live event and the outbox's answer for the same message): keep the newer.
      const index = this.messages.findIndex((m) => m.id === message.id);
      if (index >= 0) this.#put(index, message);
    } else if (this.#stickToBottom && this.messages.length - this.from > WINDOW) {
      this.from = this.messages.length - WINDOW;
    }
    this.#host.requestUpdate();
  }

  /** Replaces a message in place (a read receipt arrived for it). */
  replace(index: number, message: Message): void {
    this.#put(index, message);
    this.touch();
  }

  #put(index: number, message: Message): void {
    this.messages[index] = message;
    this.#nodes.stale(this.#base + index);
  }

  /** The message at a position in the history. */
  #at = (position: number): Message => {
    const message = this.messages[position - this.#base];
    if (!message) throw new RangeError(`No message at position ${position}`);
    return message;
  };

  /** Brings older messages in: first those already loaded, then a page from the server. */
  async older(): Promise<void> {
    const log = this.#log;
    if (this.#olderLoading) return;
    if (this.from > 0) {
      if (log) this.#anchor = { height: log.scrollHeight, top: log.scrollTop };
      this.from = Math.max(0, this.from - PAGE);
      this.touch();
      return;
    }
    const first = this.messages[0];
    if (!first || !this.hasMore) return;
    this.#olderLoading = true;
    try {
      const page = await this.#fetchOlder(first.id);
      if (this.messages[0] !== first) return;
      const older = page.items.filter((m) => !this.#ids.has(m.id));
      for (const m of older) this.#ids.add(m.id);
      const current = this.#log;
      if (current) this.#anchor = { height: current.scrollHeight, top: current.scrollTop };
      this.messages.unshift(...older);
      this.#base -= older.length;
      this.hasMore = page.hasMore;
      this.touch();
    } finally {
      this.#olderLoading = false;
    }
  }

  /** The log scrolled: follows whether the reader is at the bottom; says whether to page in. */
  scrolled(log: HTMLElement): boolean {
    this.#stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    return log.scrollTop < NEAR_TOP && (this.from > 0 || this.hasMore);
  }

  hostUpdated(): void {
    // Draws the messages that changed, then scrolls. Scroll anchoring reads the layout
    // (scrollHeight), which forces it to be computed now: do it once, and only after an update
    // that changed what the log holds.
    if (!this.#changed) return;
    this.#changed = false;
    const log = this.#log;
    if (!log) return;
    const container = log.querySelector<HTMLElement>('.diary-messages');
    const base = this.#base;
    if (container)
      this.#nodes.sync(container, base + this.from, base + this.messages.length, this.#at);
    if (this.#anchor) {
      // Keep the message the reader was looking at where it was: no jump when older ones arrive.
      log.scrollTop = this.#anchor.top + (log.scrollHeight - this.#anchor.height);
      this.#anchor = undefined;
    } else if (this.#stickToBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }
}
