import { assessmentKindName, type Lang, type PlannedAssessment } from '@school-diary/core';
import { css, html } from 'lit';

/**
 * A planned test as a line in another widget's day (the schedule's lesson, the homework's due
 * day): its kind in bold, then the subject when asked and the topic.
 *
 * @example
 * renderPlannedTest('ru', test, { subject: true }); // «Контрольная работа — Математика: Дроби»
 */
export function renderPlannedTest(
  lang: Lang,
  test: PlannedAssessment,
  options: { readonly subject?: boolean } = {},
) {
  const what = options.subject ? `${test.subjectName}: ${test.topic}` : test.topic;
  return html`<p class="diary-planned-test" part="planned-test" data-test=${test.id}>
    <strong>${assessmentKindName(lang, test.kind)}</strong> — ${what}
  </p>`;
}

/** The style of {@link renderPlannedTest}'s line, for the widgets that show it. */
export const plannedTestStyles = css`
  .diary-planned-test {
    margin: calc(var(--_space) / 2) 0 0;
    padding-inline-start: calc(var(--_space) / 2);
    border-inline-start: 3px solid var(--_primary);
  }
`;
