// The grid's scrolling region as the column virtualisation sees it: where it is scrolled to and
// how wide it is (a passive scroll listener and a ResizeObserver), the lesson columns to render
// for that, the scroll position given back to a region rendered anew, and a column scrolled into
// view for the keyboard.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  columnSlots,
  keptOutside,
  renderedColumns,
  sameRange,
  scrollToColumn,
  type ColumnRange,
  type ColumnSlot,
} from './journal-columns';

/** Tracks the grid's region and decides which lesson columns the grid renders. */
export class JournalViewport implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #range: ColumnRange | undefined;
  #total = 0;
  #scrollLeft = 0;
  // Before the region is laid out: the window's width is an upper bound in nearly every page.
  #width = globalThis.innerWidth || 1280;
  #region: HTMLElement | undefined;
  #observer: ResizeObserver | undefined;
  #slots: { key: string; slots: readonly ColumnSlot[] } = { key: '', slots: [] };

  /** The region's `scroll` listener (passive: scrolling never waits for it). */
  readonly onScroll = {
    handleEvent: (event: Event) => {
      this.#scrollLeft = (event.currentTarget as HTMLElement).scrollLeft;
      this.#refresh();
    },
    passive: true,
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#region = undefined;
  }

  /**
   * The lesson cells of a row for a grid of `total` lessons, with the `keep` columns (the active
   * one, the one being typed in) rendered wherever they are; the same array while unchanged.
   */
  slots(total: number, keep: readonly number[]): readonly ColumnSlot[] {
    this.#total = total;
    this.#range = renderedColumns(this.#range, this.#viewport(), total);
    // Typing in the active column, or moving within the range, leaves the slots (and so every
    // row not otherwise changed) as they were.
    const outside = keptOutside(total, this.#range, keep);
    const key = `${total} ${this.#range.start} ${this.#range.end} ${outside.join(',')}`;
    if (key !== this.#slots.key)
      this.#slots = { key, slots: columnSlots(total, this.#range, outside) };
    return this.#slots.slots;
  }

  /** After a render: follows the region (a new one gets the scroll position back). */
  attach(region: HTMLElement | null): void {
    if (!region || region === this.#region) return;
    this.#region = region;
    if (this.#scrollLeft > 0) region.scrollLeft = this.#scrollLeft;
    this.#observer?.disconnect();
    this.#observer = new ResizeObserver(() => {
      this.#width = region.clientWidth;
      this.#refresh();
    });
    this.#observer.observe(region);
  }

  /**
   * Scrolls the region so that a lesson column is in view beside the sticky names and final
   * column; the scroll event that follows renders the columns around it.
   */
  reveal(col: number): void {
    const region = this.#region;
    if (!region || col < 0 || col >= this.#total) return;
    const names = region.querySelector<HTMLElement>('th.corner');
    const final = region.querySelector<HTMLElement>('th.final-head');
    const finalSticky = final && getComputedStyle(final).position === 'sticky';
    const sticky = {
      before: names?.offsetWidth ?? 0,
      after: finalSticky ? final.offsetWidth : 0,
    };
    const viewport = { scrollLeft: region.scrollLeft, width: region.clientWidth };
    const left = scrollToColumn(col, viewport, sticky);
    if (left !== viewport.scrollLeft) region.scrollLeft = left;
  }

  #viewport() {
    return { scrollLeft: this.#scrollLeft, width: this.#width };
  }

  #refresh(): void {
    const next = renderedColumns(this.#range, this.#viewport(), this.#total);
    if (!sameRange(next, this.#range)) this.#host.requestUpdate();
  }
}
