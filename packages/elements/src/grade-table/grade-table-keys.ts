import type { ReactiveController, ReactiveElement } from 'lit';

const MARK = 'button[data-id]';

/**
 * The marks of the table as one Tab stop (the WAI-ARIA grid pattern's roving tabindex): Tab
 * reaches one mark, the arrow keys move left and right within a subject and up and down between
 * subjects, Home and End go to the row's first and last mark (with Ctrl, the table's). The mark
 * last focused stays the Tab stop. Works on the DOM alone, so a re-render draws no mark again.
 */
export class MarkGridKeys implements ReactiveController {
  readonly #host: ReactiveElement;
  #stop: HTMLElement | undefined;
  #listening = false;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot;
    if (!this.#listening) {
      root.addEventListener('keydown', (e) => this.#onKeydown(e as KeyboardEvent));
      root.addEventListener('focusin', (e) => {
        const mark = markOf(e);
        if (mark) this.#makeStop(mark);
      });
      this.#listening = true;
    }
    if (this.#stop?.isConnected) return;
    const first = root.querySelector<HTMLElement>(MARK);
    if (first) this.#makeStop(first);
  }

  #makeStop(mark: HTMLElement): void {
    if (this.#stop === mark) return;
    if (this.#stop) this.#stop.tabIndex = -1;
    mark.tabIndex = 0;
    this.#stop = mark;
  }

  #onKeydown(event: KeyboardEvent): void {
    const mark = markOf(event);
    if (!mark) return;
    const next = this.#target(mark, event);
    if (!next) return;
    event.preventDefault();
    this.#makeStop(next);
    next.focus();
  }

  #target(mark: HTMLElement, event: KeyboardEvent): HTMLElement | undefined {
    const row = mark.closest('tr');
    const inRow = [...(row?.querySelectorAll<HTMLElement>(MARK) ?? [])];
    const at = inRow.indexOf(mark);
    switch (event.key) {
      case 'ArrowRight':
        return inRow[at + 1];
      case 'ArrowLeft':
        return inRow[at - 1];
      case 'ArrowDown':
      case 'ArrowUp':
        return this.#vertical(row, at, event.key === 'ArrowDown' ? 1 : -1);
      case 'Home':
        return event.ctrlKey ? this.#all()[0] : inRow[0];
      case 'End':
        return event.ctrlKey ? this.#all().at(-1) : inRow.at(-1);
      default:
        return undefined;
    }
  }

  /** The mark at the same place (or the last one) in the nearest row above or below with marks. */
  #vertical(row: Element | null, at: number, step: 1 | -1): HTMLElement | undefined {
    const rows = [...this.#host.renderRoot.querySelectorAll('tr[data-subject]')];
    for (let i = rows.indexOf(row as Element) + step; i >= 0 && i < rows.length; i += step) {
      const marks = rows[i]?.querySelectorAll<HTMLElement>(MARK);
      if (marks?.length) return marks[Math.min(at, marks.length - 1)];
    }
    return undefined;
  }

  #all(): HTMLElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>(MARK)];
  }
}

function markOf(event: Event): HTMLElement | undefined {
  const target = event.target as HTMLElement | null;
  return target?.closest?.<HTMLElement>(MARK) ?? undefined;
}
