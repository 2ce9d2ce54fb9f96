import type { Lang, Trend } from '@school-diary/core';
import { formatNumber } from '../shared/plural';
import { timelineText as t } from './timeline-chart-text';
import type { ChartSeries } from './timeline-model';

/** A subject's trend as the reader sees it: both averages rounded to one decimal. */
export interface ShownTrend {
  readonly series: ChartSeries;
  readonly from: string;
  readonly to: string;
  /**
   * Core's direction, except that two averages which round alike are no change: «снизился с 4,3
   * до 4,3» would contradict itself.
   */
  readonly direction: Trend['direction'];
  /** `to - from` before rounding (the default focus picks the largest fall). */
  readonly delta: number;
  /** The average now, before rounding. */
  readonly now: number;
}

/** A trend in the reader's rounding (one decimal), or `undefined` when there is none. */
export function shownTrend(
  lang: Lang,
  series: ChartSeries,
  trend: Trend | null,
): ShownTrend | undefined {
  if (!trend) return undefined;
  const from = formatNumber(lang, trend.from, 1);
  const to = formatNumber(lang, trend.to, 1);
  const direction = from === to ? 'flat' : trend.direction;
  return { series, from, to, direction, delta: trend.to - trend.from, now: trend.to };
}

const SENTENCE = { up: 'trendUp', down: 'trendDown', flat: 'trendFlat' } as const;

/** One subject's trend in words: «Алгебра: средний балл вырос с 3,9 до 4,2.» */
export function trendSentence(lang: Lang, trend: ShownTrend): string {
  return t(lang, SENTENCE[trend.direction], {
    subject: trend.series.subjectName,
    from: trend.from,
    to: trend.to,
  });
}

/**
 * The other subjects in one sentence, counted by direction: «Остальные предметы: ниже — 2,
 * выше — 3, без изменений — 6. Подробно — в таблице.» (`all` when no subject has its own
 * sentence); empty when there are none.
 */
export function trendCounts(lang: Lang, trends: readonly ShownTrend[], all: boolean): string {
  if (trends.length === 0) return '';
  const count = { down: 0, up: 0, flat: 0 };
  for (const trend of trends) count[trend.direction] += 1;
  const parts: string[] = [];
  if (count.down) parts.push(t(lang, 'countDown', { n: count.down }));
  if (count.up) parts.push(t(lang, 'countUp', { n: count.up }));
  if (count.flat) parts.push(t(lang, 'countFlat', { n: count.flat }));
  return t(lang, all ? 'allSummary' : 'othersSummary', { summary: parts.join(', ') });
}

/**
 * The subject shown by default: the one whose average fell the most, else the one with the
 * lowest average now — where a parent's attention is wanted first.
 */
export function subjectNeedingAttention(trends: readonly ShownTrend[]): string | undefined {
  let fell: ShownTrend | undefined;
  let lowest: ShownTrend | undefined;
  for (const trend of trends) {
    if (trend.direction === 'down' && (!fell || trend.delta < fell.delta)) fell = trend;
    if (!lowest || trend.now < lowest.now) lowest = trend;
  }
  return (fell ?? lowest)?.series.subjectId;
}
