import { ASSESSMENT_REMINDER_DAYS, type Lang } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import { plural } from '../shared/plural';
import { notificationsText as t } from './notifications-text';

const DAYS = Array.from(
  { length: ASSESSMENT_REMINDER_DAYS.max - ASSESSMENT_REMINDER_DAYS.min + 1 },
  (_, i) => ASSESSMENT_REMINDER_DAYS.min + i,
);

/** «Накануне», «За 3 дня», «A week before»: how one choice of days reads. */
function daysLabel(lang: Lang, days: number): string {
  if (days === 1) return t(lang, 'reminderDayBefore');
  if (days === 7) return t(lang, 'reminderWeekBefore');
  return lang === 'ru'
    ? plural(lang, days, {
        one: 'За {n} день',
        few: 'За {n} дня',
        many: 'За {n} дней',
        other: 'За {n} дня',
      })
    : plural(lang, days, { one: '{n} day before', other: '{n} days before' });
}

/**
 * The fieldset choosing how many days before a planned test (контрольная, ВПР …) its reminder
 * comes: a list of 1 to 7 days, so no value it offers can be wrong.
 */
export function renderReminderDays(
  lang: Lang,
  days: number,
  change: (days: number) => void,
): TemplateResult {
  return html`<fieldset class="diary-kind" part="reminder-days">
    <legend class="diary-legend">${t(lang, 'reminderDays')}</legend>
    <div class="diary-field">
      <label class="diary-label" for="reminder-days">${t(lang, 'reminderDaysLabel')}</label>
      <p class="diary-hint" id="reminder-days-hint">${t(lang, 'reminderDaysHint')}</p>
      <select
        class="diary-input diary-input--short"
        id="reminder-days"
        name="assessmentReminderDays"
        part="reminder-days-select"
        aria-describedby="reminder-days-hint"
        @change=${(e: Event) => change(Number((e.target as HTMLSelectElement).value))}
      >
        ${DAYS.map(
          (n) =>
            html`<option value=${String(n)} ?selected=${n === days}>${daysLabel(lang, n)}</option>`,
        )}
      </select>
    </div>
  </fieldset>`;
}
