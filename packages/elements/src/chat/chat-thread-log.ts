import type { Message } from '@school-diary/core';
import type { ReactiveController, ReactiveElement } from 'lit';

/** Messages kept in the DOM at most while the reader is at the newest ones. */
export const WINDOW = 120;
/** How many more are shown (or fetched) each time the reader reaches the top. */
const PAGE = 50;
/** Messages per block of the DOM (see {@link ThreadLog.blocks}). */
const BLOCK = 20;
/** Pixels from the top of the history at which older messages are brought in. */
const NEAR_TOP = 48;

/** A block of the messages in the DOM: where it starts in the history, and its messages. */
export interface MessageBlock {
  readonly start: number;
  /** The history positions of its first message and of the one after its last. */
  readonly lo: number;
  readonly hi: number;
  readonly messages: readonly Message[];
}

/**
 * The open conversation's messages and the window of them in the DOM: appended in O(1) (the array
 * is mutated in place), older pages brought in while scrolling up without the view jumping (the
 * reader's place is anchored), and kept at the bottom while the reader is there.
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
  /** Where `messages[0]` stands in the history: older pages come before 0, blocks keep place. */
  #base = 0;
  #stickToBottom = true;
  #anchor: { height: number; top: number } | undefined;
  /** Whether what the log holds may have changed since the last update (scroll work to do). */
  #changed = false;
  #olderLoading = false;
  /** The blocks last drawn, by start, and the starts of those a message was replaced in since. */
  #drawn = new Map<number, MessageBlock>();
  readonly #replaced = new Set<number>();

  constructor(
    host: ReactiveElement,
    fetchOlder: (before: string) => Promise<{ items: Message[]; hasMore: boolean }>,
  ) {
    this.#host = host;
    this.#fetchOlder = fetchOlder;
    host.addController(this);
  }

  get #log(): HTMLElement | null | undefined {
    return this.#host.renderRoot?.querySelector?.<HTMLElement>('[role="log"]');
  }

  /** Whether a message with this id is in the log. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /**
   * The messages in the DOM in blocks of {@link BLOCK}, each keyed by where it starts in the
   * history (older pages coming in do not move it): while the window slides, only its first and
   * last blocks change, so an append renders one block rather than walking the whole window.
   */
  blocks(): readonly MessageBlock[] {
    const blocks: MessageBlock[] = [];
    const drawn = new Map<number, MessageBlock>();
    const base = this.#base;
    const from = base + this.from;
    const end = base + this.messages.length;
    for (let start = from - (((from % BLOCK) + BLOCK) % BLOCK); start < end; start += BLOCK) {
      const lo = Math.max(start, from);
      const hi = Math.min(start + BLOCK, end);
      // A block whose messages are the same objects as last time is the same object: the
      // template compares one reference per block rather than every message of the window.
      const last = this.#drawn.get(start);
      const block =
        last && last.lo === lo && last.hi === hi && !this.#replaced.has(start)
          ? last
          : { start, lo, hi, messages: this.messages.slice(lo - base, hi - base) };
      blocks.push(block);
      drawn.set(start, block);
    }
    this.#drawn = drawn;
    this.#replaced.clear();
    return blocks;
  }

  /** Empties the log (another conversation). */
  reset(): void {
    this.messages = [];
    this.#ids = new Set();
    this.#drawn = new Map();
    this.#replaced.clear();
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
    const at = this.#base + index;
    this.#replaced.add(at - (((at % BLOCK) + BLOCK) % BLOCK));
  }

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
    // Scroll anchoring reads the layout (scrollHeight), which forces it to be computed now: do it
    // once, and only after an update that changed what the log holds.
    if (!this.#changed) return;
    this.#changed = false;
    const log = this.#log;
    if (!log) return;
    if (this.#anchor) {
      // Keep the message the reader was looking at where it was: no jump when older ones arrive.
      log.scrollTop = this.#anchor.top + (log.scrollHeight - this.#anchor.height);
      this.#anchor = undefined;
    } else if (this.#stickToBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }
}
