import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dayMs, isoDay } from '../shared/day-format';
import type { Active } from './timeline-chart-keys';
import { nearest, type DrawnSeries, type Scales } from './timeline-chart-plot';

const DAY = 86_400_000;
/** How far (px) from a mark a pointer still points at it; a finger is wider. */
const REACH = { pointer: 24, touch: 40 } as const;

/** What the pointer reads from and tells the chart. */
export interface PlotPointerOptions {
  /** The series as drawn now and where the plot maps days. */
  readonly drawn: () => readonly DrawnSeries[];
  readonly scales: () => Scales | undefined;
  /** Shows a mark's tooltip. */
  readonly show: (active: Active) => void;
  /** Hides the tooltip (the pointer left and the keyboard is not on the chart). */
  readonly leave: () => void;
  /** Zooms to a range of days (`YYYY-MM-DD`). */
  readonly zoom: (from: string, to: string) => void;
}

/**
 * The pointer on the plot: hovering shows the nearest mark, a tap or a click shows it too, and a
 * drag across the plot (a mouse, or a finger sliding along it) zooms to the days it spans,
 * with the brush drawn meanwhile.
 */
export class PlotPointer implements ReactiveController {
  /** The drag under way, in plot pixels. */
  brush: { readonly x0: number; readonly x1: number } | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: PlotPointerOptions;

  constructor(host: ReactiveControllerHost, options: PlotPointerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.brush = undefined;
  }

  #setBrush(brush: PlotPointer['brush']): void {
    this.brush = brush;
    this.#host.requestUpdate();
  }

  #at(event: PointerEvent): { px: number; py: number } {
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    return { px: event.clientX - box.left, py: event.clientY - box.top };
  }

  /** The drawn mark nearest to a pixel, when it is within `reach`. */
  #near(px: number, py: number, reach: number): Active | undefined {
    let best: { active: Active; distance: number } | undefined;
    for (const d of this.#options.drawn()) {
      const i = nearest(d.placed, px);
      const p = d.placed[i];
      if (!p) continue;
      const distance = Math.hypot(p.px - px, p.py - py);
      if (!best || distance < best.distance)
        best = { active: { subjectId: d.series.subjectId, index: i }, distance };
    }
    return best && best.distance <= reach ? best.active : undefined;
  }

  readonly onDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const { px } = this.#at(event);
    this.#setBrush({ x0: px, x1: px });
    // Keeps the drag when the pointer leaves the plot; a synthetic event has no pointer to capture.
    if (event.isTrusted) (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  };

  readonly onMove = (event: PointerEvent): void => {
    const { px, py } = this.#at(event);
    if (this.brush) {
      this.#setBrush({ ...this.brush, x1: px });
      return;
    }
    const near = this.#near(px, py, REACH.pointer);
    if (near) this.#options.show(near);
  };

  readonly onUp = (event: PointerEvent): void => {
    const brush = this.brush;
    if (!brush) return;
    this.#setBrush(undefined);
    const { px, py } = this.#at(event);
    if (Math.abs(px - brush.x0) < 6) {
      // A tap or a click: the nearest mark's tooltip.
      const near = this.#near(px, py, event.pointerType === 'touch' ? REACH.touch : REACH.pointer);
      if (near) this.#options.show(near);
      return;
    }
    const scales = this.#options.scales();
    if (!scales) return;
    const a = isoDay(scales.day(Math.min(brush.x0, px)));
    const b = isoDay(scales.day(Math.max(brush.x0, px)));
    this.#options.zoom(a, b === a ? isoDay(dayMs(a) + DAY) : b);
  };

  readonly onLeave = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') this.#options.leave();
  };
}
