import { WORK_KINDS, periodName, type Lang, type SchoolYearInfo } from '@school-diary/core';
import { html, nothing } from 'lit';
import { renderDateField } from '../shared/date-field';
import type { Failure } from '../shared/failure';
import { workKindName } from '../shared/work-kind-text';
import type { MarkFilter } from './grade-rows';
import { gradeTableText as t } from './grade-table-text';

/** The whole school year instead of one of its periods. */
export const WHOLE_YEAR = 'year';

/** Where the CSV export stands. */
export type ExportState = 'idle' | 'busy' | 'done' | Failure;

/** What the toolbar shows, and where the reader's choices go. */
export interface ToolbarView {
  readonly lang: Lang;
  readonly periods: SchoolYearInfo['periods'];
  /** The period in effect (an id or {@link WHOLE_YEAR}). */
  readonly period: string;
  /** Every subject among the marks: id and name, by name. */
  readonly subjects: readonly (readonly [string, string])[];
  readonly filter: MarkFilter;
  /** The message when the dates are in the wrong order. */
  readonly dateError: string | undefined;
  /** Whether last year's averages exist (the comparison box is offered). */
  readonly canCompare: boolean;
  readonly compare: boolean;
  /** Whether the marks come from the server (then the CSV export is offered). */
  readonly canExport: boolean;
  readonly exportState: ExportState;
  readonly onPeriod: (period: string) => void;
  readonly onFilter: (change: Partial<MarkFilter>) => void;
  readonly onCompare: (on: boolean) => void;
  /** Asks for the marks as CSV, or for the period's report card as PDF. */
  readonly onExport: (format: 'csv' | 'pdf') => void;
}

const valueOf = (event: Event): string | undefined =>
  (event.target as HTMLInputElement | HTMLSelectElement).value || undefined;

/**
 * The period, then the filters folded under a summary that says how many are set (so on a phone
 * the marks come first), the comparison with last year and the CSV export with its outcome.
 */
export function renderToolbar(v: ToolbarView) {
  const { lang, filter } = v;
  const set = [filter.subjectId, filter.kind, filter.from, filter.to].filter(Boolean).length;
  return html`<div class="diary-toolbar" part="toolbar">
    <div class="diary-filter" part="field">
      <label class="diary-label" part="label" for="period">${t(lang, 'period')}</label>
      <select
        id="period"
        class="diary-input"
        part="input"
        @change=${(e: Event) => v.onPeriod(valueOf(e) ?? WHOLE_YEAR)}
      >
        ${v.periods.map(
          (p) =>
            html`<option value=${p.id} ?selected=${p.id === v.period}>
              ${periodName(lang, p.name)}
            </option>`,
        )}
        <option value=${WHOLE_YEAR} ?selected=${v.period === WHOLE_YEAR}>
          ${t(lang, 'wholeYear')}
        </option>
      </select>
    </div>
    <details class="diary-filters-fold" ?open=${Boolean(v.dateError)}>
      <summary class="diary-button diary-button--secondary" part="button filters-toggle">
        ${t(lang, 'filters')}${set ? ` (${set})` : ''}
      </summary>
      ${renderFilters(v)}
    </details>
    <div class="diary-actions" part="actions">
      ${
        v.canCompare
          ? html`<label class="diary-radio" part="label compare">
              <input
                type="checkbox"
                part="input"
                .checked=${v.compare}
                @change=${(e: Event) => v.onCompare((e.target as HTMLInputElement).checked)}
              />
              ${t(lang, 'compare')}
            </label>`
          : nothing
      }
      ${
        v.canExport
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button export"
              ?disabled=${v.exportState === 'busy'}
              @click=${() => v.onExport('csv')}
            >
              ${t(lang, v.exportState === 'busy' ? 'exporting' : 'exportCsv')}
            </button>`
          : nothing
      }
      ${
        v.canExport && v.period !== WHOLE_YEAR
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button export-pdf"
              ?disabled=${v.exportState === 'busy'}
              @click=${() => v.onExport('pdf')}
            >
              ${t(lang, 'exportPdf')}
            </button>`
          : nothing
      }
    </div>
    ${renderExportState(lang, v.exportState)}
  </div>`;
}

function renderFilters(v: ToolbarView) {
  const { lang, filter } = v;
  return html`<fieldset class="diary-filters" part="filters">
    <legend class="diary-legend" part="legend">${t(lang, 'filters')}</legend>
    <div class="diary-filter" part="field">
      <label class="diary-label" part="label" for="subject">${t(lang, 'subject')}</label>
      <select
        id="subject"
        class="diary-input"
        part="input"
        @change=${(e: Event) => v.onFilter({ subjectId: valueOf(e) })}
      >
        <option value="" ?selected=${!filter.subjectId}>${t(lang, 'allSubjects')}</option>
        ${v.subjects.map(
          ([id, name]) =>
            html`<option value=${id} ?selected=${id === filter.subjectId}>${name}</option>`,
        )}
      </select>
    </div>
    <div class="diary-filter" part="field">
      <label class="diary-label" part="label" for="kind">${t(lang, 'kind')}</label>
      <select
        id="kind"
        class="diary-input"
        part="input"
        @change=${(e: Event) => v.onFilter({ kind: valueOf(e) })}
      >
        <option value="" ?selected=${!filter.kind}>${t(lang, 'allKinds')}</option>
        ${WORK_KINDS.map(
          (kind) =>
            html`<option value=${kind} ?selected=${kind === filter.kind}>
              ${workKindName(lang, kind)}
            </option>`,
        )}
      </select>
    </div>
    ${renderDateField(lang, {
      id: 'from',
      label: t(lang, 'from'),
      value: filter.from ?? '',
      onChange: (e: Event) => v.onFilter({ from: valueOf(e) }),
    })}
    ${renderDateField(lang, {
      id: 'to',
      label: t(lang, 'to'),
      value: filter.to ?? '',
      error: v.dateError,
      onChange: (e: Event) => v.onFilter({ to: valueOf(e) }),
    })}
  </fieldset>`;
}

function renderExportState(lang: Lang, state: ExportState) {
  if (state === 'done')
    return html`<p class="diary-notice diary-notice--success" part="notice" role="status">
      ${t(lang, 'exported')}
    </p>`;
  if (typeof state === 'object')
    return html`<p class="diary-notice diary-notice--error" part="notice" role="alert">
      ${state.message}
    </p>`;
  return nothing;
}
