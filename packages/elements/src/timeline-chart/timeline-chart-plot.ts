import type { Lang } from '@school-diary/core';
import { html, nothing, svg } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { formatDay, isoDay } from '../shared/day-format';
import { formatNumber, plural } from '../shared/plural';
import { MARK_FORMS, markValueText, workKindName } from '../shared/work-kind-text';
import { timelineText as t } from './timeline-chart-text';
import type { ViewRange } from './timeline-chart-table';
import {
  linePath,
  markerPath,
  markersPath,
  shapeOf,
  timeTicks,
  type ChartSeries,
  type PlacedPoint,
} from './timeline-model';

/** The SVG's height in pixels. */
export const HEIGHT = 280;
/** Room for the axes' labels: a desktop's, and a phone's (the plot gets the width). */
const MARGIN = { top: 12, right: 16, bottom: 28, left: 32 } as const;
const NARROW_MARGIN = { top: 12, right: 8, bottom: 28, left: 22 } as const;
/** A tick label needs about this many pixels. */
const TICK_ROOM = 64;

/** Where data lands on screen: the view, the plot's box and the two scales. */
export interface Scales {
  readonly view: ViewRange;
  readonly width: number;
  readonly left: number;
  readonly top: number;
  readonly plotW: number;
  readonly plotH: number;
  readonly x: (ms: number) => number;
  readonly y: (value: number) => number;
  /** The day under a pixel column (clamped to the plot). */
  readonly day: (px: number) => number;
}

/** The scales of a view drawn `width` pixels wide. */
export function scalesOf(view: ViewRange, width: number, narrow: boolean): Scales {
  const m = narrow ? NARROW_MARGIN : MARGIN;
  const plotW = Math.max(40, width - m.left - m.right);
  const plotH = HEIGHT - m.top - m.bottom;
  const span = view.to - view.from;
  return {
    view,
    width,
    left: m.left,
    top: m.top,
    plotW,
    plotH,
    x: (ms) => m.left + ((ms - view.from) / span) * plotW,
    y: (v) => m.top + ((5 - v) / 4) * plotH,
    day: (px) =>
      view.from + ((Math.min(Math.max(px, m.left), m.left + plotW) - m.left) / plotW) * span,
  };
}

/** A series as drawn now: its points placed and thinned (none for a context line). */
export interface DrawnSeries {
  readonly series: ChartSeries;
  readonly placed: readonly PlacedPoint[];
  /** Drawn in full (colour and marks), or only as a faint line for context. */
  readonly focused: boolean;
}

/** The y grid (marks 1–5) and the date axis in the reader's language. */
export function renderAxes(lang: Lang, scales: Scales) {
  const { view, x, y, left, plotW } = scales;
  const { ticks, months } = timeTicks(view.from, view.to, Math.floor(plotW / TICK_ROOM));
  const format: Intl.DateTimeFormatOptions = months
    ? { month: 'short' }
    : { day: 'numeric', month: 'short' };
  const bottom = HEIGHT - MARGIN.bottom;
  return svg`<g class="diary-axis" aria-hidden="true">
    ${[1, 2, 3, 4, 5].map(
      (v) => svg`<line x1=${left} x2=${left + plotW} y1=${y(v)} y2=${y(v)}></line>
        <text x=${left - 6} y=${y(v) + 4} text-anchor="end">${v}</text>`,
    )}
    ${ticks.map(
      (
        tick,
      ) => svg`<line class="diary-tick" data-day=${isoDay(tick)} x1=${x(tick)} x2=${x(tick)} y1=${bottom} y2=${bottom + 4}></line>
        <text x=${x(tick)} y=${bottom + 18} text-anchor="middle">${formatDay(lang, isoDay(tick), format)}</text>`,
    )}
  </g>`;
}

/**
 * One subject: a chosen one as its moving-average line and its marks (one path each, in its
 * colour and marker shape); another as a faint line only, for context.
 */
export function renderSeries(drawn: DrawnSeries, scales: Scales) {
  const { series, placed, focused } = drawn;
  const { view, x, y } = scales;
  const line = linePath(series, view.from, view.to, x, y);
  if (!focused)
    return svg`<g class="diary-series diary-context" data-subject=${series.subjectId} aria-hidden="true">
      <path class="diary-line" part="context" d=${line}></path>
    </g>`;
  return svg`<g class="diary-series c${series.index % 8}" data-subject=${series.subjectId} aria-hidden="true">
    <path class="diary-line" part="line" d=${line}></path>
    <path class="diary-markers" part="markers" d=${markersPath(shapeOf(series.index), placed)}></path>
  </g>`;
}

/** A point's accessible name: «5 октября, оценка 4, контрольная (3 оценки), Алгебра». */
export function pointName(lang: Lang, series: ChartSeries, placed: PlacedPoint): string {
  const first = placed.point.first;
  const count = placed.point.count + placed.merged;
  let name = t(lang, 'point', {
    date: formatDay(lang, first.date),
    value: markValueText(lang, placed.point.value),
    kind: workKindName(lang, first.kind),
  });
  if (count > 1) name += ` (${plural(lang, count, MARK_FORMS[lang])})`;
  return t(lang, 'pointSubject', { point: name, subject: series.subjectName });
}

/** The point under the keyboard: the chart's one tab stop, named for screen readers. */
export function renderFocusPoint(lang: Lang, drawn: DrawnSeries, point: PlacedPoint) {
  const id = `${drawn.series.subjectId}:${point.point.x}:${point.point.value}`;
  return keyed(
    id,
    svg`<g class="diary-focus c${drawn.series.index % 8}" part="focus-point" tabindex="0" role="graphics-symbol"
      aria-roledescription=${t(lang, 'pointRole')} aria-label=${pointName(lang, drawn.series, point)}>
      <circle class="diary-ring" cx=${point.px} cy=${point.py} r="9"></circle>
      <path class="diary-focus-marker" d=${markerPath(shapeOf(drawn.series.index), point.px, point.py, 6)}></path>
    </g>`,
  );
}

/** The moving average as of a day: its last point on or before it (binary search). */
function movingAt(series: ChartSeries, x: number): number | undefined {
  const moving = series.moving;
  let lo = 0;
  let hi = moving.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((moving[mid] as { x: number }).x <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : (moving[lo - 1] as { y: number }).y;
}

/** The tooltip of the active point, kept inside the plot. */
export function renderTooltip(
  lang: Lang,
  drawn: DrawnSeries,
  point: PlacedPoint,
  options: { readonly width: number; readonly shown: boolean },
) {
  const first = point.point.first;
  const moving = movingAt(drawn.series, point.point.x);
  const tipW = Math.min(180, options.width - 8);
  const right = point.px + 12 + tipW > options.width;
  const left = right ? Math.max(0, point.px - 12 - tipW) : point.px + 12;
  return html`<div
    class="diary-tip"
    part="tooltip"
    aria-hidden="true"
    ?hidden=${!options.shown}
    style="left:${left}px;top:${Math.max(0, point.py - 24)}px;width:${tipW}px"
  >
    <strong>${drawn.series.subjectName}</strong>
    <span>${formatDay(lang, first.date, { day: 'numeric', month: 'long', year: 'numeric' })}</span>
    <span>${pointName(lang, drawn.series, point).split(', ').slice(1, 3).join(', ')}</span>
    ${
      moving === undefined
        ? nothing
        : html`<span>${t(lang, 'moving', { average: formatNumber(lang, moving, 2) })}</span>`
    }
    ${point.point.count === 1 && first.comment ? html`<em>«${first.comment}»</em>` : nothing}
  </div>`;
}

/** The index of the placed point nearest to a pixel column (binary search; points are in x order). */
export function nearest(placed: readonly PlacedPoint[], px: number): number {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((placed[mid] as PlacedPoint).px < px) lo = mid + 1;
    else hi = mid;
  }
  const before = placed[lo - 1];
  if (before && Math.abs(before.px - px) <= Math.abs((placed[lo] as PlacedPoint).px - px))
    return lo - 1;
  return lo;
}
