import { errorMessage, periodName, type Lang, type Period } from '@school-diary/core';
import { html, nothing } from 'lit';
import { renderDateField } from '../shared/date-field';
import { timelineText as t } from './timeline-chart-text';
import { markerPath, shapeOf, type ChartSeries } from './timeline-model';

/** What the controls show and whom they tell of a choice. */
export interface ControlsOptions {
  readonly lang: Lang;
  readonly series: readonly ChartSeries[];
  /** Subjects drawn in full; the others are drawn as faint lines for context. */
  readonly focused: ReadonlySet<string>;
  /** On a phone the subject list folds behind one button. */
  readonly narrow: boolean;
  readonly subjectsOpen: boolean;
  readonly periods: readonly Period[];
  /** The chosen period's id, or `year`. */
  readonly period: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly rangeInvalid: boolean;
  readonly onToggle: (event: Event) => void;
  readonly onShowAll: () => void;
  readonly onOpenSubjects: () => void;
  readonly onPeriod: (event: Event) => void;
  /** The reader typed a first or last day (empty: none); `reset` goes back to the whole period. */
  readonly onRange: (change: { from?: string; to?: string; reset?: true }) => void;
}

/** One subject's toggle: pressed when it is drawn in full. */
function renderToggle(options: ControlsOptions, s: ChartSeries) {
  const on = options.focused.has(s.subjectId);
  return html`<button
    type="button"
    class="diary-toggle c${s.index % 8}"
    part="toggle"
    aria-pressed=${on ? 'true' : 'false'}
    data-subject=${s.subjectId}
    @click=${options.onToggle}
  >
    <svg width="14" height="14" aria-hidden="true">
      <path class="diary-swatch" d=${markerPath(shapeOf(s.index), 7, 7, 5)}></path>
    </svg>
    ${s.subjectName}
  </button>`;
}

/**
 * The subject toggles (focus + context: the pressed ones in colour with their marks, the rest as
 * faint lines, one tap away), «Все предметы», then the period and the date range. On a phone the
 * toggles fold behind «Предметы (N)» with the chosen ones named on it.
 */
export function renderControls(options: ControlsOptions) {
  const { lang, series, focused, narrow } = options;
  const all = focused.size === series.length;
  const showAll =
    series.length > 1
      ? html`<button
          type="button"
          class="diary-button diary-button--secondary diary-show-all"
          part="button show-all"
          aria-pressed=${all ? 'true' : 'false'}
          @click=${options.onShowAll}
        >
          ${t(lang, 'allSubjects')}
        </button>`
      : nothing;
  const folded = narrow && !options.subjectsOpen;
  return html`<div class="diary-controls" part="controls">
    ${
      narrow
        ? html`<button
            type="button"
            class="diary-button diary-button--secondary diary-subjects-button"
            part="button subjects"
            aria-expanded=${folded ? 'false' : 'true'}
            aria-controls="subject-toggles"
            @click=${options.onOpenSubjects}
          >
            ${t(lang, 'moreSubjects', { n: series.length })}
          </button>`
        : nothing
    }
    <div
      id="subject-toggles"
      class="diary-toggles"
      role="group"
      aria-label=${t(lang, 'subjects')}
      ?hidden=${folded}
    >
      ${series.map((s) => renderToggle(options, s))} ${showAll}
    </div>
    ${renderRange(options)}
  </div>`;
}

function renderRange(options: ControlsOptions) {
  const { lang } = options;
  const error = options.rangeInvalid ? errorMessage('date_order', { lang }) : undefined;
  const zoomed = Boolean(options.from || options.to);
  return html`<div class="diary-range">
    ${
      options.periods.length > 0
        ? html`<div class="diary-filter" part="field">
            <label class="diary-label" part="label" for="period">${t(lang, 'period')}</label>
            <select id="period" class="diary-input" part="input" @change=${options.onPeriod}>
              <option value="year" ?selected=${options.period === 'year'}>
                ${t(lang, 'wholeYear')}
              </option>
              ${options.periods.map(
                (p) =>
                  html`<option value=${p.id} ?selected=${options.period === p.id}>
                    ${periodName(lang, p.name)}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    ${renderDateField(lang, {
      id: 'from',
      label: t(lang, 'from'),
      value: options.from ?? '',
      onChange: (e: Event) => options.onRange({ from: (e.target as HTMLInputElement).value }),
    })}
    ${renderDateField(lang, {
      id: 'to',
      label: t(lang, 'to'),
      value: options.to ?? '',
      error,
      onChange: (e: Event) => options.onRange({ to: (e.target as HTMLInputElement).value }),
    })}
    ${
      zoomed
        ? html`<button
            type="button"
            class="diary-button diary-button--secondary"
            part="button reset"
            @click=${() => options.onRange({ reset: true })}
          >
            ${t(lang, 'reset')}
          </button>`
        : nothing
    }
  </div>`;
}
