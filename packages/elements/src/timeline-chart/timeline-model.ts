import {
  compareMarkDates,
  countsInAverage,
  movingAverage,
  trend,
  type GradedMark,
  type Mark,
  type NumericMarkValue,
  type Trend,
} from '@school-diary/core';
import { dayMs } from '../shared/day-format';

/** The marks of one subject given on one date with one value: one point of the chart. */
export interface ChartPoint {
  /** Milliseconds of the calendar day (midnight UTC). */
  readonly x: number;
  readonly value: NumericMarkValue;
  /** The marks behind the point (several when a class's marks coincide). */
  readonly marks: readonly Mark[];
}

/** One subject's series: its points and moving average in date order, and its trend. */
export interface ChartSeries {
  readonly subjectId: string;
  readonly subjectName: string;
  /** Position among the subjects: picks the colour and the marker shape. */
  readonly index: number;
  readonly points: readonly ChartPoint[];
  /** The moving average as of the end of each date with a counted mark. */
  readonly moving: readonly { readonly x: number; readonly y: number }[];
  /** The subject's counted marks as core's maths reads them, in date order. */
  readonly graded: readonly GradedMark[];
}

const collator = /* @__PURE__ */ new Intl.Collator('ru');

/**
 * The chart's series: numeric marks that count in averages, grouped by subject (sorted by name in
 * Russian order) and by date and value, with core's moving average of each subject. Linear in the
 * number of marks apart from sorting each subject's points by date.
 */
export function buildSeries(marks: readonly Mark[], window: number): ChartSeries[] {
  const bySubject = new Map<string, { name: string; marks: Mark[] }>();
  for (const mark of marks) {
    if (!countsInAverage(mark)) continue;
    const group = bySubject.get(mark.subjectId);
    if (group) group.marks.push(mark);
    else bySubject.set(mark.subjectId, { name: mark.subjectName, marks: [mark] });
  }
  const days = new Map<string, number>();
  const dayOf = (date: string) => {
    let ms = days.get(date);
    if (ms === undefined) {
      ms = dayMs(date);
      days.set(date, ms);
    }
    return ms;
  };
  const subjects = [...bySubject].sort((a, b) => collator.compare(a[1].name, b[1].name));
  return subjects.map(([subjectId, group], index) => {
    // In date order (stable: one date's marks keep their order), as core's maths reads them.
    const dated = group.marks.sort(compareMarkDates);
    const points: ChartPoint[] = [];
    const graded: GradedMark[] = [];
    // One date's marks by value (index 1–5): a date's points in value order, without a map or a
    // sort of the points.
    const cells: (Mark[] | undefined)[] = [];
    let date = '';
    let x = 0;
    const flush = () => {
      for (let v = 1; v < cells.length; v += 1) {
        const list = cells[v];
        if (list) points.push({ x, value: v as NumericMarkValue, marks: list });
      }
      cells.length = 0;
    };
    for (const mark of dated) {
      if (mark.date !== date) {
        flush();
        date = mark.date;
        x = dayOf(date);
      }
      const v = mark.value as number;
      const list = cells[v];
      if (list) list.push(mark);
      else cells[v] = [mark];
      graded.push(gradedView(mark));
    }
    flush();
    const moving = movingAverage(graded, { window }).map((p) => ({
      x: dayOf(p.date),
      y: p.average,
    }));
    return { subjectId, subjectName: group.name, index, points, moving, graded };
  });
}

/** A mark as core's grade maths reads it. */
function gradedView(mark: Mark): GradedMark {
  return { subject: mark.subjectName, date: mark.date, value: mark.value, weight: mark.weight };
}

/** A subject's trend over the marks dated within a range (core's `trend`). */
export function seriesTrend(series: ChartSeries, from: number, to: number): Trend | null {
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  if (!first || !last) return null;
  if (from <= first.x && last.x <= to) return trend(series.graded);
  const a = new Date(from).toISOString().slice(0, 10);
  const b = new Date(to).toISOString().slice(0, 10);
  return trend(series.graded.filter((m) => m.date >= a && m.date <= b));
}

/** A drawn point: where it is on screen and what it stands for. */
export interface PlacedPoint {
  readonly px: number;
  readonly py: number;
  readonly point: ChartPoint;
  /** Marks of points merged into this one because they could not be told apart on screen. */
  merged: number;
}

/**
 * The points of a series within `[from, to]` placed on screen, thinned: points of one value
 * closer than `gap` pixels apart are drawn once (tens of thousands of marks of a class become at
 * most a few per pixel column and value). `x` and `y` map data to pixels.
 */
export function placePoints(
  series: ChartSeries,
  from: number,
  to: number,
  x: (ms: number) => number,
  y: (value: number) => number,
  gap: number,
): PlacedPoint[] {
  const placed: PlacedPoint[] = [];
  const lastAt = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
  const lastIndex = [-1, -1, -1, -1, -1, -1];
  const ys = [0, y(1), y(2), y(3), y(4), y(5)];
  // Thinning comes first: a point hidden by its neighbour costs one comparison and no object.
  for (const point of series.points) {
    if (point.x < from || point.x > to) continue;
    const px = x(point.x);
    const v = point.value;
    if (px - (lastAt[v] as number) < gap) {
      (placed[lastIndex[v] as number] as PlacedPoint).merged += point.marks.length;
      continue;
    }
    lastAt[v] = px;
    lastIndex[v] = placed.length;
    placed.push({ px, py: ys[v] as number, point, merged: 0 });
  }
  return placed;
}

/** Rounds a coordinate to 0.1 px: shorter path data, no visible difference. */
const r = (n: number) => Math.round(n * 10) / 10;

/** The moving average as one path: a `d` with one move and a line per point in range. */
export function linePath(
  series: ChartSeries,
  from: number,
  to: number,
  x: (ms: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let lastPx = -Infinity;
  for (const p of series.moving) {
    if (p.x < from || p.x > to) continue;
    const px = r(x(p.x));
    // Several dates in one pixel column: one vertex is enough.
    if (px - lastPx < 0.5) continue;
    d += `${d ? 'L' : 'M'}${px} ${r(y(p.y))}`;
    lastPx = px;
  }
  return d;
}

/** The markers of the placed points as one path's data, built in one pass. */
export function markersPath(shape: MarkerShape, placed: readonly PlacedPoint[]): string {
  let d = '';
  for (const p of placed) d += markerPath(shape, p.px, p.py);
  return d;
}

/** The marker shapes, in the order subjects get them. */
export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'plus', 'triangle-down'] as const;
/** A marker shape. */
export type MarkerShape = (typeof SHAPES)[number];

/** One marker of a shape, as path data around (x, y), radius `s`. */
export function markerPath(shape: MarkerShape, x: number, y: number, s = 4): string {
  const px = r(x);
  const py = r(y);
  switch (shape) {
    case 'circle':
      return `M${px - s} ${py}a${s} ${s} 0 1 0 ${2 * s} 0a${s} ${s} 0 1 0 ${-2 * s} 0`;
    case 'square':
      return `M${px - s} ${py - s}h${2 * s}v${2 * s}h${-2 * s}z`;
    case 'triangle':
      return `M${px} ${py - s - 1}l${s + 1} ${2 * s + 1}h${-2 * s - 2}z`;
    case 'triangle-down':
      return `M${px} ${py + s + 1}l${s + 1} ${-2 * s - 1}h${-2 * s - 2}z`;
    case 'diamond':
      return `M${px} ${py - s - 1}l${s + 1} ${s + 1}l${-s - 1} ${s + 1}l${-s - 1} ${-s - 1}z`;
    case 'plus': {
      const a = s - 1.5;
      return `M${px - 1.5} ${py - s}h3v${a}h${a}v3h${-a}v${a}h-3v${-a}h${-a}v-3h${a}z`;
    }
  }
}

/** The shape of a subject by its position. */
export const shapeOf = (index: number): MarkerShape => SHAPES[index % SHAPES.length] as MarkerShape;

/** Ticks of a time axis: month starts over long ranges, Mondays over weeks, days over a fortnight. */
export function timeTicks(from: number, to: number): number[] {
  const day = 86_400_000;
  const span = (to - from) / day;
  const ticks: number[] = [];
  if (span > 75) {
    const d = new Date(from);
    let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0), 1);
    while (t <= to) {
      ticks.push(t);
      const n = new Date(t);
      t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + (span > 200 ? 2 : 1), 1);
    }
    return ticks;
  }
  const step = span > 16 ? 7 : span > 8 ? 2 : 1;
  let t = Math.ceil(from / day) * day;
  if (step === 7) while (new Date(t).getUTCDay() !== 1) t += day;
  for (; t <= to; t += step * day) ticks.push(t);
  return ticks;
}
