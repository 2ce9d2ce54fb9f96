import type { Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { sharedText } from '../shared/localize';
import { formatTypedDate } from '../shared/typed-date';
import { scheduleText } from './schedule-text';

/** What the week navigation shows and does. */
export interface WeekNavView {
  readonly lang: Lang;
  /** The ISO week shown and this week, `YYYY-Www`. */
  readonly week: string;
  readonly thisWeek: string;
  readonly previousWeek: string | undefined;
  readonly nextWeek: string | undefined;
  /** The Monday of the week shown, `YYYY-MM-DD`: the date box's value. */
  readonly monday: string;
  /** Why the typed date was not taken. */
  readonly dateError: string | undefined;
  readonly onGo: (week: string | undefined) => void;
  readonly onDateSubmit: (event: SubmitEvent) => void;
}

/** Previous, this and next week, and a date typed in the widget's language. */
export function renderWeekNav(v: WeekNavView) {
  const { lang } = v;
  return html`<nav class="diary-week-nav" part="nav" aria-label=${scheduleText(lang, 'weekNav')}>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button previous"
      @click=${() => v.onGo(v.previousWeek)}
    >
      <span aria-hidden="true">←</span> ${scheduleText(lang, 'previous')}
    </button>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button today"
      aria-current=${v.week === v.thisWeek ? 'date' : nothing}
      @click=${() => v.onGo(v.thisWeek)}
    >
      ${scheduleText(lang, 'today')}
    </button>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button next"
      @click=${() => v.onGo(v.nextWeek)}
    >
      ${scheduleText(lang, 'next')} <span aria-hidden="true">→</span>
    </button>
    <form class="diary-goto" novalidate @submit=${v.onDateSubmit}>
      <label class="diary-label" for="goto">${scheduleText(lang, 'goTo')}</label>
      <span class="diary-hint" id="goto-hint">${sharedText(lang, 'dateHint')}</span>
      ${
        v.dateError
          ? html`<p class="diary-error" id="goto-error" part="error">
              <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                v.dateError
              }
            </p>`
          : nothing
      }
      <div class="diary-goto-row">
        <input
          class="diary-input diary-input--date"
          part="date-input"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          id="goto"
          name="date"
          .value=${formatTypedDate(lang, v.monday)}
          aria-invalid=${v.dateError ? 'true' : nothing}
          aria-describedby=${v.dateError ? 'goto-hint goto-error' : 'goto-hint'}
        />
        <button class="diary-button" part="button show">${scheduleText(lang, 'show')}</button>
      </div>
    </form>
  </nav>`;
}
