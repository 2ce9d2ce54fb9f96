import {
  assertMarkWeight,
  compareMarkDates,
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
  /** How many marks are behind the point. */
  readonly count: number;
  /** The first of them (in the order given). */
  readonly first: Mark;
  /** The marks behind the point (several when a class's marks coincide), listed when first read. */
  readonly marks: readonly Mark[];
}

/**
 * A point that lists its marks only when asked (a tooltip, the data table): a class's year has
 * tens of thousands of points, and first render reads only their counts.
 */
class DatePoint implements ChartPoint {
  #marks: readonly Mark[] | undefined;

  constructor(
    readonly x: number,
    readonly value: NumericMarkValue,
    readonly count: number,
    readonly first: Mark,
    /** The subject's marks in date order, and where this point's date starts and ends in them. */
    private readonly dated: readonly Mark[],
    private readonly start: number,
    private readonly end: number,
  ) {}

  get marks(): readonly Mark[] {
    if (!this.#marks) {
      const marks: Mark[] = [];
      for (let i = this.start; i < this.end; i += 1) {
        const mark = this.dated[i] as Mark;
        if (mark.value === this.value) marks.push(mark);
      }
      this.#marks = marks;
    }
    return this.#marks;
  }
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
  /** The subject's marks that count in averages, in date order (stable within a date). */
  readonly counted: readonly Mark[];
  /** The trend over all of {@link ChartSeries.counted} (core's `trend`). */
  readonly trend: Trend | null;
}

const collator = /* @__PURE__ */ new Intl.Collator('ru');

/**
 * Weighted sums per mark value 1–5, as core's grade maths keeps them (`movingAverage`, `trend`):
 * one sum per value, reset to exactly 0 when its last mark leaves, summed in value order and
 * clamped to the range of the values present, so the averages are the same numbers, bit for bit.
 * `w[v]` is the weight and `n[v]` the count of value `v`.
 */
interface Sums {
  readonly w: number[];
  readonly n: number[];
}

const newSums = (): Sums => ({ w: [0, 0, 0, 0, 0, 0], n: [0, 0, 0, 0, 0, 0] });

function average({ w, n }: Sums): number {
  let weighted = 0;
  let total = 0;
  let min = 0;
  let max = 0;
  for (let v = 1; v <= 5; v += 1) {
    if (n[v] === 0) continue;
    const weight = w[v] as number;
    weighted += v * weight;
    total += weight;
    if (min === 0) min = v;
    max = v;
  }
  return Math.min(max, Math.max(min, weighted / total));
}

/** A change under this is flat (core's `trend`; the epsilon lets 4.55 − 4.5 count as 0.05). */
const FLAT_BELOW = 0.05 - 1e-9;

function trendOf(from: number, to: number): Trend {
  const delta = to - from;
  return { from, to, direction: Math.abs(delta) < FLAT_BELOW ? 'flat' : delta > 0 ? 'up' : 'down' };
}

/**
 * Core's `trend` of marks that all count, in date order: the weighted average of the first third
 * (rounded up) against that of them all; `null` for none.
 */
export function countedTrend(counted: readonly Mark[]): Trend | null {
  if (counted.length === 0) return null;
  const third = Math.ceil(counted.length / 3);
  const sums = newSums();
  let from = 0;
  for (let i = 0; i < counted.length; i += 1) {
    const mark = counted[i] as Mark;
    const v = mark.value as number;
    sums.w[v] = (sums.w[v] as number) + mark.weight;
    sums.n[v] = (sums.n[v] as number) + 1;
    if (i + 1 === third) from = average(sums);
  }
  return trendOf(from, average(sums));
}

interface Group {
  readonly id: string;
  readonly name: string;
  readonly marks: Mark[];
  last: string;
  sorted: boolean;
}

/**
 * The chart's series: numeric marks that count in averages (core's `countsInAverage`, which
 * rejects a bad weight), grouped by subject (sorted by name in Russian order) and by date and
 * value, with each subject's moving average over the last `window` marks and its trend, both the
 * numbers core's `movingAverage` and `trend` give. One pass over the marks and one along each
 * subject's: marks that already come in date order (as the server sends them) are not sorted,
 * each date is parsed once, and no object is made per mark.
 */
export function buildSeries(marks: readonly Mark[], window: number): ChartSeries[] {
  const bySubject = new Map<string, Group>();
  for (let i = 0; i < marks.length; i += 1) {
    const mark = marks[i] as Mark;
    const weight = mark.weight;
    if (!(weight >= 0 && weight !== Infinity)) assertMarkWeight(weight);
    const v = mark.value;
    if (weight === 0 || (v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5)) continue;
    let group = bySubject.get(mark.subjectId);
    if (!group) {
      group = { id: mark.subjectId, name: mark.subjectName, marks: [], last: '', sorted: true };
      bySubject.set(mark.subjectId, group);
    }
    if (mark.date < group.last) group.sorted = false;
    group.last = mark.date;
    group.marks.push(mark);
  }
  const days = new Map<string, number>();
  const subjects = [...bySubject.values()].sort((a, b) => collator.compare(a.name, b.name));
  return subjects.map((group, index) => {
    // In date order (stable: one date's marks keep their order), as core's maths reads them.
    const counted = group.sorted ? group.marks : group.marks.sort(compareMarkDates);
    const points: ChartPoint[] = [];
    const moving: { x: number; y: number }[] = [];
    const inWindow = newSums();
    const winW = inWindow.w;
    const winN = inWindow.n;
    const all = newSums();
    const allW = all.w;
    const allN = all.n;
    const third = Math.ceil(counted.length / 3);
    let from = 0;
    // One date's marks by value (index 1–5): how many, and the first; a date's points come out
    // in value order.
    const cellCount = [0, 0, 0, 0, 0, 0];
    const cellFirst: Mark[] = [];
    let date = '';
    let dateStart = 0;
    let x = 0;
    const flush = (end: number) => {
      for (let v = 1; v <= 5; v += 1) {
        const count = cellCount[v] as number;
        if (count === 0) continue;
        cellCount[v] = 0;
        const first = cellFirst[v] as Mark;
        points.push(new DatePoint(x, v as NumericMarkValue, count, first, counted, dateStart, end));
      }
      moving.push({ x, y: average(inWindow) });
    };
    for (let i = 0; i < counted.length; i += 1) {
      const mark = counted[i] as Mark;
      if (mark.date !== date) {
        if (i > 0) flush(i);
        date = mark.date;
        dateStart = i;
        let ms = days.get(date);
        if (ms === undefined) days.set(date, (ms = dayMs(date)));
        x = ms;
      }
      const v = mark.value as number;
      const weight = mark.weight;
      if (cellCount[v] === 0) cellFirst[v] = mark;
      cellCount[v] = (cellCount[v] as number) + 1;
      winW[v] = (winW[v] as number) + weight;
      winN[v] = (winN[v] as number) + 1;
      if (i >= window) {
        const leaving = counted[i - window] as Mark;
        const lv = leaving.value as number;
        const left = (winN[lv] as number) - 1;
        winN[lv] = left;
        winW[lv] = left === 0 ? 0 : (winW[lv] as number) - leaving.weight;
      }
      allW[v] = (allW[v] as number) + weight;
      allN[v] = (allN[v] as number) + 1;
      if (i + 1 === third) from = average(all);
    }
    flush(counted.length);
    const trend = trendOf(from, average(all));
    return { subjectId: group.id, subjectName: group.name, index, points, moving, counted, trend };
  });
}

/** A subject's trend over the marks dated within a range (core's `trend`). */
export function seriesTrend(series: ChartSeries, from: number, to: number): Trend | null {
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  if (!first || !last) return null;
  if (from <= first.x && last.x <= to) return series.trend;
  const a = new Date(from).toISOString().slice(0, 10);
  const b = new Date(to).toISOString().slice(0, 10);
  return countedTrend(series.counted.filter((m) => m.date >= a && m.date <= b));
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
      (placed[lastIndex[v] as number] as PlacedPoint).merged += point.count;
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
