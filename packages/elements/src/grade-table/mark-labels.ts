import type { Lang, Mark } from '@school-diary/core';
import { formatDay } from '../shared/day-format';
import { formatNumber } from '../shared/plural';
import { markValueText, workKindName } from '../shared/work-kind-text';
import { isBelow } from './grade-rows';
import { gradeTableText as t } from './grade-table-text';

/**
 * The words of the table's marks in one language. A year has ~1,500 marks but only ~200 dates,
 * three weights and a few thresholds, so each piece is formatted once and each mark's label is
 * kept (by the mark object) until its threshold changes: a new mark costs one label, not a row's.
 */
export class MarkLabels {
  readonly #lang: Lang;
  readonly #days = new Map<string, string>();
  readonly #weights = new Map<number, string>();
  readonly #badges = new Map<number, string>();
  readonly #below = new Map<number, string>();
  readonly #labels = new WeakMap<Mark, { readonly threshold: number | undefined; label: string }>();

  constructor(lang: Lang) {
    this.#lang = lang;
  }

  /** «5, 3 марта, контрольная работа, вес 3, ниже порога 4, комментарий: …». */
  label(mark: Mark, threshold: number | undefined): string {
    const kept = this.#labels.get(mark);
    if (kept && kept.threshold === threshold) return kept.label;
    const lang = this.#lang;
    let label = `${markValueText(lang, mark.value)}, ${this.#day(mark.date)}, ${workKindName(lang, mark.kind)}, ${this.#weight(mark.weight)}`;
    if (isBelow(mark, threshold)) label += `, ${this.below(threshold ?? 0)}`;
    if (mark.comment) label += `, ${t(lang, 'comment', { comment: mark.comment })}`;
    this.#labels.set(mark, { threshold, label });
    return label;
  }

  /** The weight as the mark shows it, `×3`; `undefined` for the usual weight 1. */
  badge(weight: number): string | undefined {
    if (weight === 1) return undefined;
    let text = this.#badges.get(weight);
    if (text === undefined) {
      text = `×${formatNumber(this.#lang, weight)}`;
      this.#badges.set(weight, text);
    }
    return text;
  }

  /** «ниже порога 4». */
  below(threshold: number): string {
    let text = this.#below.get(threshold);
    if (text === undefined) {
      text = t(this.#lang, 'belowThreshold', { threshold: formatNumber(this.#lang, threshold) });
      this.#below.set(threshold, text);
    }
    return text;
  }

  #day(date: string): string {
    let text = this.#days.get(date);
    if (text === undefined) {
      text = formatDay(this.#lang, date);
      this.#days.set(date, text);
    }
    return text;
  }

  #weight(weight: number): string {
    let text = this.#weights.get(weight);
    if (text === undefined) {
      text = t(this.#lang, 'weight', { weight: formatNumber(this.#lang, weight) });
      this.#weights.set(weight, text);
    }
    return text;
  }
}

const byLang = new Map<Lang, MarkLabels>();

/** The shared {@link MarkLabels} of a language. */
export function markLabels(lang: Lang): MarkLabels {
  let labels = byLang.get(lang);
  if (!labels) {
    labels = new MarkLabels(lang);
    byLang.set(lang, labels);
  }
  return labels;
}
