import {
  assertMarkWeight,
  compareMarkDates,
  MarkSums,
  trend,
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

const collator = new Intl.Collator('ru');

/**
 * One subject's series while the marks are read: its marks in date order, its points and its
 * moving average, built mark by mark as long as the marks come in date order (as the server sends
 * them).
 */
class SeriesBuilder {
  readonly marks: Mark[] = [];
  readonly points: ChartPoint[] = [];
  readonly moving: { x: number; y: number }[] = [];
  readonly win = new MarkSums();
  /** The current date's marks by value (index 1–5): how many, and the first. */
  readonly cellCount = [0, 0, 0, 0, 0, 0];
  readonly cellFirst: Mark[] = [];
  date = '';
  dateStart = 0;
  x = 0;
  /** Whether the marks came in date order so far (else they are sorted and read again). */
  sorted = true;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly window: number,
    readonly days: Map<string, number>,
  ) {}

  /**
   * Adds a mark dated on or after the current date; `false` (and nothing added) for an earlier
   * one, which means the subject's marks are not in date order. One string comparison for a mark
   * of the current date.
   */
  add(mark: Mark): boolean {
    const marks = this.marks;
    const i = marks.length;
    const date = mark.date;
    if (date !== this.date) {
      if (date < this.date) return false;
      if (i > 0) this.flush();
      this.date = date;
      this.dateStart = i;
      let ms = this.days.get(date);
      if (ms === undefined) this.days.set(date, (ms = dayMs(date)));
      this.x = ms;
    }
    marks.push(mark);
    const v = mark.value as NumericMarkValue;
    const weight = mark.weight;
    const count = this.cellCount;
    if (count[v] === 0) this.cellFirst[v] = mark;
    count[v] = (count[v] as number) + 1;
    this.win.add(v, weight);
    if (i >= this.window) {
      const leaving = marks[i - this.window] as Mark;
      this.win.remove(leaving.value as NumericMarkValue, leaving.weight);
    }
    return true;
  }

  /** Closes the current date: its points in value order, the moving average as of its end. */
  flush(): void {
    const count = this.cellCount;
    const end = this.marks.length;
    for (let v = 1; v <= 5; v += 1) {
      const c = count[v] as number;
      if (c === 0) continue;
      count[v] = 0;
      const first = this.cellFirst[v] as Mark;
      this.points.push(
        new DatePoint(this.x, v as NumericMarkValue, c, first, this.marks, this.dateStart, end),
      );
    }
    this.moving.push({ x: this.x, y: this.win.average() as number });
  }

  series(index: number): ChartSeries {
    const { id, name, points, moving, marks: counted } = this;
    return {
      subjectId: id,
      subjectName: name,
      index,
      points,
      moving,
      counted,
      trend: trend(counted),
    };
  }
}

/**
 * The chart's series: numeric marks that count in averages (core's `countsInAverage`, which
 * rejects a bad weight), grouped by subject (sorted by name in Russian order) and by date and
 * value, with each subject's moving average over the last `window` marks (the numbers core's
 * `movingAverage` gives) and its trend (core's `trend` itself). One pass over the marks when they come in date
 * order (a subject whose marks do not is sorted, stably, and read again): each date is parsed
 * once, and nothing is made per mark.
 */
export function buildSeries(marks: readonly Mark[], window: number): ChartSeries[] {
  const bySubject = new Map<string, SeriesBuilder>();
  const days = new Map<string, number>();
  for (let i = 0; i < marks.length; i += 1) {
    const mark = marks[i] as Mark;
    const weight = mark.weight;
    if (!(weight >= 0 && weight !== Infinity)) assertMarkWeight(weight);
    const v = mark.value;
    if (weight === 0 || (v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5)) continue;
    let builder = bySubject.get(mark.subjectId);
    if (!builder) {
      builder = new SeriesBuilder(mark.subjectId, mark.subjectName, window, days);
      bySubject.set(mark.subjectId, builder);
    }
    if (!builder.sorted || !builder.add(mark)) {
      builder.sorted = false;
      builder.marks.push(mark);
    }
  }
  const subjects = [...bySubject.values()].sort((a, b) => collator.compare(a.name, b.name));
  return subjects.map((builder, index) => {
    if (builder.sorted) {
      builder.flush();
      return builder.series(index);
    }
    // In date order (stable: one date's marks keep their order), as core's maths reads them.
    const again = new SeriesBuilder(builder.id, builder.name, window, days);
    for (const mark of builder.marks.sort(compareMarkDates)) again.add(mark);
    again.flush();
    return again.series(index);
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
  return trend(series.counted.filter((m) => m.date >= a && m.date <= b));
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

const DAY = 86_400_000;

/** A tick step: a number of days, or of months (months start on the 1st). */
const STEPS = [
  { days: 1 },
  { days: 2 },
  { days: 7 },
  { days: 14 },
  { months: 1 },
  { months: 2 },
  { months: 3 },
  { months: 6 },
] as const;

/** Ticks of a time axis and whether they fall on month starts (labelled by month alone). */
export interface TimeTicks {
  readonly ticks: number[];
  readonly months: boolean;
}

/**
 * Ticks of a time axis between two days, no more than `max` of them: the finest of days, every
 * other day, Mondays, every other Monday, or the first of every 1, 2, 3 or 6 months that fits
 * (a phone's narrow plot gets fewer, wider-apart labels than a desktop's).
 */
export function timeTicks(from: number, to: number, max: number): TimeTicks {
  const limit = Math.max(2, max);
  for (const step of STEPS) {
    const ticks =
      'days' in step ? dayTicks(from, to, step.days) : monthTicks(from, to, step.months);
    if (ticks.length <= limit) return { ticks, months: 'months' in step };
  }
  return { ticks: monthTicks(from, to, 12), months: true };
}

function dayTicks(from: number, to: number, days: number): number[] {
  const ticks: number[] = [];
  let t = Math.ceil(from / DAY) * DAY;
  if (days >= 7) while (new Date(t).getUTCDay() !== 1) t += DAY;
  for (; t <= to; t += days * DAY) ticks.push(t);
  return ticks;
}

function monthTicks(from: number, to: number, months: number): number[] {
  const ticks: number[] = [];
  const d = new Date(from);
  const year = d.getUTCFullYear();
  let month = d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0);
  for (let t = Date.UTC(year, month, 1); t <= to; t = Date.UTC(year, month, 1)) {
    ticks.push(t);
    month += months;
  }
  return ticks;
}

/** The first and last day with a point among the series (within `[from, to]` when given). */
export function extentOf(
  series: readonly ChartSeries[],
  from = -Infinity,
  to = Infinity,
): { from: number; to: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (p.x < from) continue;
      if (p.x > to) break;
      if (p.x < first) first = p.x;
      break;
    }
    for (let i = s.points.length - 1; i >= 0; i -= 1) {
      const x = (s.points[i] as ChartPoint).x;
      if (x > to) continue;
      if (x >= from && x > last) last = x;
      break;
    }
  }
  return first <= last ? { from: first, to: last } : undefined;
}
