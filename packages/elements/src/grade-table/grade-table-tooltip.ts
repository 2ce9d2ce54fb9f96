import type { Lang, Mark } from '@school-diary/core';
import type { ReactiveController, ReactiveElement } from 'lit';
import { formatDay } from '../shared/day-format';
import { formatNumber } from '../shared/plural';
import { workKindName } from '../shared/work-kind-text';
import { markDetail, type MarkDetailClient } from './grade-table-mark-detail';
import { gradeTableText as t } from './grade-table-text';

/** What the tooltip reads from the table. */
export interface MarkTooltipOptions {
  readonly lang: () => Lang;
  /** The school's time zone: a correction's time is told in it. */
  readonly timeZone: () => string;
  /** The mark shown by the button with this `data-id`. */
  readonly find: (id: string) => Mark | undefined;
  /** The client a pinned mark reads its corrections and its class's marks with. */
  readonly client?: () => MarkDetailClient | undefined;
}

/**
 * The one shared tooltip (`part="tooltip"`, `.diary-tip`) with the date, kind of work, weight and
 * comment of the mark under the pointer or focus; a click pins it, Escape and leaving hide it. A
 * pinned mark also shows its corrections and how the class did on the work (see `markDetail`).
 * Event delegation on the shadow root: no listener per mark.
 */
export class MarkTooltip implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: MarkTooltipOptions;
  #pinned: string | undefined;
  #listening = false;

  constructor(host: ReactiveElement, options: MarkTooltipOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#listening) return;
    this.#listening = true;
    const root = this.#host.renderRoot;
    root.addEventListener('focusin', (e) => {
      const b = markButton(e);
      if (b) this.#show(b);
    });
    root.addEventListener('focusout', (e) => {
      if (markButton(e)) this.#hide();
    });
    root.addEventListener('mouseover', (e) => {
      const b = markButton(e);
      if (b) this.#show(b);
    });
    root.addEventListener('mouseout', (e) => {
      if (markButton(e) && !this.#pinned) this.#hide();
    });
    root.addEventListener('click', (e) => {
      const b = markButton(e);
      if (!b) return;
      this.#show(b);
      this.#pinned = b.dataset['id'];
      void this.#addDetail(b.dataset['id'] ?? '');
    });
    root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.#hide();
    });
  }

  #show(button: HTMLElement): void {
    const tip = this.#host.renderRoot.querySelector<HTMLElement>('.diary-tip');
    const mark = this.#options.find(button.dataset['id'] ?? '');
    if (!tip || !mark) return;
    const lang = this.#options.lang();
    const lines = [
      `${formatDay(lang, mark.date, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      `${workKindName(lang, mark.kind)}, ${t(lang, 'weight', { weight: formatNumber(lang, mark.weight) })}`,
    ];
    if (mark.comment) lines.push(`«${mark.comment}»`);
    tip.textContent = lines.join('\n');
    const box = tip.parentElement as HTMLElement;
    const outer = box.getBoundingClientRect();
    const at = button.getBoundingClientRect();
    tip.style.left = `${at.left - outer.left + box.scrollLeft}px`;
    tip.style.top = `${at.bottom - outer.top + 4}px`;
    tip.hidden = false;
  }

  /** Appends a pinned mark's details once read, while it is still the one pinned. */
  async #addDetail(id: string): Promise<void> {
    const client = this.#options.client?.();
    const mark = this.#options.find(id);
    if (!client || !mark) return;
    const where = { lang: this.#options.lang(), timeZone: this.#options.timeZone() };
    const extra = await markDetail(client, mark, where);
    const tip = this.#host.renderRoot.querySelector<HTMLElement>('.diary-tip');
    if (!tip || this.#pinned !== id || extra.length === 0) return;
    for (const item of extra) tip.append(typeof item === 'string' ? `\n${item}` : item);
  }

  #hide(): void {
    const tip = this.#host.renderRoot.querySelector<HTMLElement>('.diary-tip');
    if (tip) tip.hidden = true;
    this.#pinned = undefined;
  }
}

function markButton(event: Event): HTMLElement | undefined {
  const target = event.target as HTMLElement;
  return target.closest?.<HTMLElement>('button[data-id]') ?? undefined;
}
