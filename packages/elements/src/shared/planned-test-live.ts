import { assessmentKindName, type Lang, type PlannedAssessment } from '@school-diary/core';
import { formatDate } from './dates';
import { translator } from './localize';

const text = translator({
  planned: ['Запланировано: {kind} — {subject}, {date}', 'Planned: {kind} — {subject}, {date}'],
  moved: ['Перенесено: {kind} — {subject}, на {date}', 'Moved: {kind} — {subject}, to {date}'],
  cancelled: ['Отменено: {kind} — {subject}', 'Cancelled: {kind} — {subject}'],
});

/** The dates a widget shows, `YYYY-MM-DD`, both ends included. */
export interface ShownRange {
  readonly from: string;
  readonly to: string;
}

/**
 * What a widget showing `shown` (the planned tests of `range`) announces when a teacher plans or
 * moves `test`, or undefined when the change touches neither the range nor the list (the widget
 * then has nothing to reload).
 *
 * @example
 * plannedTestNews('ru', test, { from: '2026-11-23', to: '2026-11-29' }, shown);
 * // 'Запланировано: Контрольная работа — Математика, 26 ноября'
 */
export function plannedTestNews(
  lang: Lang,
  test: PlannedAssessment,
  range: ShownRange,
  shown: readonly PlannedAssessment[],
): string | undefined {
  const inRange = test.date >= range.from && test.date <= range.to;
  if (!inRange && !shown.some((a) => a.id === test.id)) return undefined;
  return text(lang, inRange ? 'planned' : 'moved', {
    kind: assessmentKindName(lang, test.kind),
    subject: test.subjectName,
    date: formatDate(lang, test.date, { day: 'numeric', month: 'long' }),
  });
}

/**
 * What a widget announces when the test `id` is cancelled, or undefined when it does not show it.
 */
export function cancelledTestNews(
  lang: Lang,
  id: string,
  shown: readonly PlannedAssessment[],
): string | undefined {
  const test = shown.find((a) => a.id === id);
  if (!test) return undefined;
  return text(lang, 'cancelled', {
    kind: assessmentKindName(lang, test.kind),
    subject: test.subjectName,
  });
}
