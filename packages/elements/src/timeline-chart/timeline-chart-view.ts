import type { SchoolYearInfo } from '@school-diary/core';
import { dayMs } from '../shared/day-format';
import type { ViewRange } from './timeline-chart-table';
import { subjectNeedingAttention, type ShownTrend } from './timeline-chart-trends';
import { extentOf, type ChartSeries } from './timeline-model';

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What decides the days on the axis. */
export interface ViewChoice {
  readonly year: SchoolYearInfo | undefined;
  /** A period id of the year, or `year`. */
  readonly period: string;
  /** The date fields (`YYYY-MM-DD`), applied unless they end before they start. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** Whether the date fields say a range that ends before it starts (then it is not applied). */
export const rangeInvalid = (choice: ViewChoice): boolean =>
  Boolean(choice.from && choice.to && choice.from > choice.to);

/**
 * The days on the axis: the chosen period's (the whole year's by default) fitted to its marks —
 * from its first mark, or the period's first day, to its last mark — then narrowed by the date
 * fields; at least two days.
 */
export function viewRange(series: readonly ChartSeries[], choice: ViewChoice): ViewRange {
  const period = choice.year?.periods.find((p) => p.id === choice.period);
  const bounds = period
    ? { from: dayMs(period.startDate), to: dayMs(period.endDate) }
    : { from: -Infinity, to: Infinity };
  const marks = extentOf(series, bounds.from, bounds.to);
  const fitted = marks
    ? { from: period ? bounds.from : marks.from, to: marks.to }
    : Number.isFinite(bounds.from)
      ? bounds
      : { from: 0, to: DAY };
  if (rangeInvalid(choice)) return padded(fitted);
  const from = choice.from && ISO.test(choice.from) ? dayMs(choice.from) : fitted.from;
  const to = choice.to && ISO.test(choice.to) ? dayMs(choice.to) : fitted.to;
  return padded({ from, to });
}

/** A range of at least two days, so that one day's marks are not drawn on the axis's edge. */
function padded(range: ViewRange): ViewRange {
  return range.to > range.from ? range : { from: range.from - DAY, to: range.from + DAY };
}

/**
 * The subjects drawn in full when the reader has not chosen: those the page names in `subjects`
 * (comma-separated ids) that have marks, else the one needing attention.
 */
export function defaultSubjects(
  subjects: string | undefined,
  series: readonly ChartSeries[],
  trends: readonly ShownTrend[],
): ReadonlySet<string> {
  const ids = new Set(series.map((s) => s.subjectId));
  const given = (subjects ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => ids.has(id));
  if (given.length > 0) return new Set(given);
  const first = subjectNeedingAttention(trends) ?? series[0]?.subjectId;
  return new Set(first ? [first] : []);
}
