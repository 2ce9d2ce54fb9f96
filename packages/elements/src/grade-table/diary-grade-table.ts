import {
  WORK_KINDS,
  errorMessage,
  marksNeededOptions,
  type Attendance,
  type Lang,
  type Mark,
  type MarksNeededPath,
  type SchoolYearInfo,
  type Threshold,
  todayIn,
} from '@school-diary/core';
import { downloadCsv } from '@school-diary/sdk';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { renderDateField } from '../shared/date-field';
import { formatDay } from '../shared/day-format';
import { emit } from '../shared/events';
import type { Failure } from '../shared/failure';
import {
  applyMarkChange,
  gradesClientOf,
  optionalRead,
  type GradesClient,
  type MarkChange,
} from '../shared/grades-client';
import { sharedText } from '../shared/localize';
import { MarksWidget } from '../shared/marks-widget';
import { formatNumber, plural } from '../shared/plural';
import { controlStyles, hostTokens } from '../shared/theme';
import { MARK_FORMS, markValueText, workKindName } from '../shared/work-kind-text';
import { gradeTableStyles } from './diary-grade-table.styles';
import {
  absencesBySubject,
  isBelow,
  appendToRows,
  appendedCount,
  sortRows,
  subjectRows,
  type MarkFilter,
  type RowSort,
  type SubjectRow,
} from './grade-rows';
import { ABSENCE_FORMS, gradeTableText as t } from './grade-table-text';
import { markLabels } from './mark-labels';

const collators = new Map<Lang, Intl.Collator>();
/** One collator per language: making one costs more than sorting fifteen subjects with it. */
function collatorOf(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang);
    collators.set(lang, collator);
  }
  return collator;
}

/** The whole school year instead of one of its periods. */
export const WHOLE_YEAR = 'year';

/** Detail of `diary-period-change`. */
export interface DiaryPeriodChangeDetail {
  /** The chosen period's id, or `'year'`. */
  readonly period: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** Detail of `diary-mark-received`. */
export interface DiaryMarkReceivedDetail {
  readonly change: MarkChange;
}

/** Detail of `diary-grades-export`. */
export interface DiaryGradesExportDetail {
  readonly fileName: string;
  /** The CSV text as the server sent it. */
  readonly text: string;
}

type Previous = { readonly previous: number | null; readonly delta: number | null };

/** Marks per separately kept run of a row's marks. */
const MARK_RUN = 16;
const TARGETS = [2.5, 3.5, 4.5] as const;

/**
 * A child's marks for a period as a data table: one row per subject with the marks in date order
 * (weight shown; date, kind of work and comment on hover and focus), the weighted and arithmetic
 * averages and the final mark they round to, missed lessons; sorted by subject or average;
 * filtered by subject, kind of work and dates; compared with last year; marks below the parent's
 * threshold highlighted; a per-subject calculator of the marks still needed for a target average
 * (core's grade maths); CSV export through the SDK. Below 40rem of width the rows stack. New marks
 * arriving over live events appear at once and are announced politely.
 *
 * @summary A child's marks, averages and final marks per subject.
 * @tag diary-grade-table
 * @fires {CustomEvent<DiaryPeriodChangeDetail>} diary-period-change - The reader chose another period.
 * @fires {CustomEvent<DiaryMarkReceivedDetail>} diary-mark-received - A mark arrived, changed or went away over live events.
 * @fires {CustomEvent<DiaryGradesExportDetail>} diary-grades-export - The CSV file was made and offered for download.
 * @csspart base - The widget's box.
 * @csspart toolbar - Period, filters, comparison and export.
 * @csspart field - Every filter's wrapper.
 * @csspart label - Every label.
 * @csspart input - Every select and date input.
 * @csspart button - Every button (also `export`, `retry`, `sort`, `calculator-toggle`).
 * @csspart table - The table.
 * @csspart caption - The table's caption.
 * @csspart header - Every column header.
 * @csspart row - Every subject's row.
 * @csspart cell - Every cell (also `cell-subject`, `cell-marks`, `cell-average` …).
 * @csspart marks - The list of a subject's marks.
 * @csspart mark - One mark (also `mark-low` below the threshold).
 * @csspart tooltip - The details of the mark under the pointer or focus.
 * @csspart calculator - The "marks still needed" panel.
 * @csspart notice - Loading, empty, error, signed-out and export notices.
 * @csspart status - The polite live region announcing new marks.
 * @cssprop --diary-color-primary - Buttons and the sort icons.
 * @cssprop --diary-color-error - Marks below the threshold.
 * @cssprop --diary-color-surface - Header and stripes.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-font-family - Font.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryGradeTable extends MarksWidget {
  static override styles = [hostTokens, controlStyles, gradeTableStyles];

  static override properties: PropertyDeclarations = {
    period: { type: String, reflect: true },
    threshold: { type: Number },
    attendance: { state: true },
    thresholds: { state: true },
    previousYear: { state: true },
    sort: { state: true },
    filter: { state: true },
    compare: { state: true },
    open: { state: true },
    targets: { state: true },
    announcement: { state: true },
    exportState: { state: true },
  };

  /** The period shown: a period id of the school year or `year`; by default today's period. */
  declare period: string | undefined;
  /** A threshold to highlight against instead of the parent's saved ones (2–5). */
  declare threshold: number | undefined;
  declare protected attendance: readonly Attendance[];
  declare protected thresholds: readonly Threshold[];
  declare protected previousYear: ReadonlyMap<string, Previous> | undefined;
  declare protected sort: RowSort;
  declare protected filter: MarkFilter;
  declare protected compare: boolean;
  declare protected open: ReadonlySet<string>;
  declare protected targets: Readonly<Record<string, string>>;
  declare protected announcement: string;
  declare protected exportState: 'idle' | 'busy' | 'done' | Failure;

  #rows = new Map<string, SubjectRow>();
  #pinned: string | undefined;

  constructor() {
    super();
    this.attendance = [];
    this.thresholds = [];
    this.sort = { key: 'subject', direction: 'ascending' };
    this.filter = {};
    this.compare = false;
    this.open = new Set();
    this.targets = {};
    this.announcement = '';
    this.exportState = 'idle';
  }

  /** Attendance, last year's averages and the parent's thresholds, with the year's marks. */
  protected override async loadMore(
    client: GradesClient,
    childId: string,
    year: SchoolYearInfo | undefined,
    signal: AbortSignal,
  ): Promise<() => void> {
    const range = year ? { from: year.startDate, to: year.endDate } : {};
    const [attendance, comparison, thresholds] = await Promise.all([
      client.attendance.list({ childId, ...range }, { signal }),
      optionalRead(client.grades.comparison({ childId }, { signal })),
      optionalRead(client.thresholds.list({ childId }, { signal })),
    ]);
    return () => {
      this.attendance = attendance.items;
      this.thresholds = thresholds?.items ?? [];
      this.previousYear = comparison
        ? new Map(comparison.subjects.map((s) => [s.subjectName, s]))
        : undefined;
    };
  }

  /** Shows a live change at once and announces it politely. */
  protected override markChanged(change: MarkChange): void {
    const before = this.loaded;
    const gone = change.type === 'deleted' ? before.find((m) => m.id === change.id) : undefined;
    this.loaded = applyMarkChange(before, change);
    if (this.loaded === before) return;
    const lang = this.language;
    const mark = change.type === 'deleted' ? gone : change.mark;
    const params = {
      subject: mark?.subjectName ?? '',
      value: mark ? markValueText(lang, mark.value) : '',
    };
    const key =
      change.type === 'created'
        ? 'newMark'
        : change.type === 'updated'
          ? 'updatedMark'
          : 'deletedMark';
    this.announcement = t(lang, key, params);
    emit(this, 'diary-mark-received', { change });
  }

  /** The period in effect: the chosen one, else today's, else the whole year. */
  get activePeriod(): string {
    const periods = this.schoolYear?.periods ?? [];
    if (this.period && (this.period === WHOLE_YEAR || periods.some((p) => p.id === this.period)))
      return this.period;
    const today = todayIn(this.now(), this.timeZone);
    const current =
      periods.find((p) => p.startDate <= today && today <= p.endDate) ??
      [...periods].reverse().find((p) => p.startDate <= today);
    return current?.id ?? WHOLE_YEAR;
  }

  /** The date range of the period in effect. */
  #periodRange(): { from: string | undefined; to: string | undefined; name: string } {
    const lang = this.language;
    const year = this.schoolYear;
    const period = year?.periods.find((p) => p.id === this.activePeriod);
    if (period) return { from: period.startDate, to: period.endDate, name: period.name };
    return { from: year?.startDate, to: year?.endDate, name: t(lang, 'wholeYear') };
  }

  /** Whether the date filter ends before it starts (then it is not applied). */
  get #dateOrderInvalid(): boolean {
    const { from, to } = this.filter;
    return Boolean(from && to && from > to);
  }

  /** The filter in effect: the period's dates narrowed by the reader's. */
  #effectiveFilter(): MarkFilter {
    const range = this.#periodRange();
    const own = this.#dateOrderInvalid ? {} : this.filter;
    const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
    const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
    return {
      subjectId: this.filter.subjectId,
      kind: this.filter.kind,
      from: later(range.from, own.from),
      to: earlier(range.to, own.to),
    };
  }

  #computeRows(): SubjectRow[] {
    const filter = this.#effectiveFilter();
    const marks = this.shownMarks;
    const inputs = [
      filter.from,
      filter.to,
      filter.subjectId,
      filter.kind,
      this.attendance,
      this.thresholds,
      this.threshold,
    ];
    const kept = this.#computed;
    const added =
      kept && inputs.every((v, i) => v === kept.inputs[i]) ? appendedCount(kept.marks, marks) : -1;
    let rows: readonly SubjectRow[];
    let absences: ReadonlyMap<string, number>;
    if (kept && added >= 0) {
      // New marks at the end (a live mark, a page that adds one): only their subjects' rows change.
      absences = kept.absences;
      const context = { absences, thresholds: this.thresholds, thresholdOverride: this.threshold };
      rows =
        added === 0 ? kept.rows : appendToRows(kept.rows, marks.slice(-added), filter, context);
    } else {
      absences = absencesBySubject(this.attendance, filter);
      rows = subjectRows(marks, filter, {
        absences,
        thresholds: this.thresholds,
        thresholdOverride: this.threshold,
        previous: this.#rows,
      });
      this.#rows = new Map(rows.map((r) => [r.subjectId, r]));
    }
    const sort = this.sort;
    // The same rows in the same sort: the same sorted list.
    const sorted =
      kept && kept.rows === rows && kept.sort === sort ? kept.sorted : sortRows(rows, sort);
    if (rows !== kept?.rows) this.#rows = new Map(rows.map((r) => [r.subjectId, r]));
    this.#computed = { inputs, marks, absences, rows, sort, sorted };
    return sorted;
  }

  /** What the rows were last computed from, and the rows: a new mark at the end touches only its row. */
  #computed:
    | {
        readonly inputs: readonly unknown[];
        readonly marks: readonly Mark[];
        readonly absences: ReadonlyMap<string, number>;
        readonly rows: readonly SubjectRow[];
        readonly sort: RowSort;
        readonly sorted: SubjectRow[];
      }
    | undefined;

  protected override render() {
    const lang = this.language;
    if (!this.marks) {
      const unavailable = this.renderUnavailable();
      if (unavailable) return unavailable;
    }
    const blocked = this.blocked(lang);
    return html`<div
      class="diary-base"
      part="base"
      lang=${lang}
      data-state=${blocked?.state ?? 'ready'}
    >
      ${blocked ? this.renderNotice(lang, blocked) : this.#renderReady(lang)}
      <p class="diary-visually-hidden" part="status" role="status">${this.announcement}</p>
    </div>`;
  }

  #renderReady(lang: Lang) {
    const rows = this.#computeRows();
    // The toolbar depends on these alone: a new mark leaves it as it is (unless it adds a subject).
    const toolbar = guard(
      [
        lang,
        this.schoolYear,
        this.activePeriod,
        this.#subjectList(lang),
        this.filter,
        this.previousYear,
        this.compare,
        this.exportState,
        this.marks === undefined,
        this.childId,
      ],
      () => this.#renderToolbar(lang),
    );
    return html`${toolbar}${this.#renderBody(lang, rows)}`;
  }

  #renderBody(lang: Lang, rows: readonly SubjectRow[]) {
    if (rows.length === 0) {
      const filtered =
        this.filter.subjectId || this.filter.kind || this.filter.from || this.filter.to;
      return html`<div class="diary-notice" part="notice empty" role="status">
        <p class="diary-text">${t(lang, filtered ? 'noMatch' : 'noMarks')}</p>
        ${
          filtered
            ? html`<button
                type="button"
                class="diary-button diary-button--secondary"
                part="button reset"
                @click=${() => (this.filter = {})}
              >
                ${t(lang, 'resetFilters')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const hasThreshold = rows.some((r) => r.threshold !== undefined);
    return html`<div class="diary-scroll" @keydown=${this.#onKeydown}>
        ${this.#renderTable(lang, rows)}
        <div class="diary-tip" part="tooltip" aria-hidden="true" hidden></div>
      </div>
      ${
        hasThreshold
          ? html`<p class="diary-hint" part="hint">
              <span class="diary-mark-sample" aria-hidden="true">2</span>
              ${t(lang, 'thresholdNote')}
            </p>`
          : nothing
      }`;
  }

  #renderToolbar(lang: Lang) {
    const periods = this.schoolYear?.periods ?? [];
    const subjectList = this.#subjectList(lang);
    const period = this.activePeriod;
    const dateError = this.#dateOrderInvalid ? errorMessage('date_order', { lang }) : undefined;
    const canExport = !this.marks && this.childId;
    return html`<div class="diary-toolbar" part="toolbar">
      <div class="diary-filter" part="field">
        <label class="diary-label" part="label" for="period">${t(lang, 'period')}</label>
        <select id="period" class="diary-input" part="input" @change=${this.#onPeriod}>
          ${periods.map(
            (p) => html`<option value=${p.id} ?selected=${p.id === period}>${p.name}</option>`,
          )}
          <option value=${WHOLE_YEAR} ?selected=${period === WHOLE_YEAR}>
            ${t(lang, 'wholeYear')}
          </option>
        </select>
      </div>
      <fieldset class="diary-filters" part="filters">
        <legend class="diary-legend" part="legend">${t(lang, 'filters')}</legend>
        <div class="diary-filter" part="field">
          <label class="diary-label" part="label" for="subject">${t(lang, 'subject')}</label>
          <select
            id="subject"
            class="diary-input"
            part="input"
            @change=${(e: Event) => this.#setFilter({ subjectId: this.#value(e) })}
          >
            <option value="" ?selected=${!this.filter.subjectId}>${t(lang, 'allSubjects')}</option>
            ${subjectList.map(
              ([id, name]) =>
                html`<option value=${id} ?selected=${id === this.filter.subjectId}>
                  ${name}
                </option>`,
            )}
          </select>
        </div>
        <div class="diary-filter" part="field">
          <label class="diary-label" part="label" for="kind">${t(lang, 'kind')}</label>
          <select
            id="kind"
            class="diary-input"
            part="input"
            @change=${(e: Event) => this.#setFilter({ kind: this.#value(e) })}
          >
            <option value="" ?selected=${!this.filter.kind}>${t(lang, 'allKinds')}</option>
            ${WORK_KINDS.map(
              (kind) =>
                html`<option value=${kind} ?selected=${kind === this.filter.kind}>
                  ${workKindName(lang, kind)}
                </option>`,
            )}
          </select>
        </div>
        ${renderDateField(lang, {
          id: 'from',
          label: t(lang, 'from'),
          value: this.filter.from ?? '',
          onChange: (e: Event) => this.#setFilter({ from: this.#value(e) }),
        })}
        ${renderDateField(lang, {
          id: 'to',
          label: t(lang, 'to'),
          value: this.filter.to ?? '',
          error: dateError,
          onChange: (e: Event) => this.#setFilter({ to: this.#value(e) }),
        })}
      </fieldset>
      <div class="diary-actions" part="actions">
        ${
          this.previousYear
            ? html`<label class="diary-radio" part="label compare">
                <input
                  type="checkbox"
                  part="input"
                  .checked=${this.compare}
                  @change=${(e: Event) => (this.compare = (e.target as HTMLInputElement).checked)}
                />
                ${t(lang, 'compare')}
              </label>`
            : nothing
        }
        ${
          canExport
            ? html`<button
                type="button"
                class="diary-button diary-button--secondary"
                part="button export"
                ?disabled=${this.exportState === 'busy'}
                @click=${() => void this.#export()}
              >
                ${t(lang, this.exportState === 'busy' ? 'exporting' : 'exportCsv')}
              </button>`
            : nothing
        }
      </div>
      ${this.#renderExportState(lang)}
    </div>`;
  }

  #renderExportState(lang: Lang) {
    const state = this.exportState;
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

  #subjects: { marks: readonly Mark[]; lang: Lang; list: [string, string][] } | undefined;

  /** Every subject among the marks, by name; recomputed only when the marks change. */
  #subjectList(lang: Lang): [string, string][] {
    const marks = this.shownMarks;
    const kept = this.#subjects;
    if (kept?.marks === marks && kept.lang === lang) return kept.list;
    // Marks added at the end of subjects already listed (a new mark): the same list, so the
    // toolbar is not drawn again.
    const added = kept && kept.lang === lang ? appendedCount(kept.marks, marks) : -1;
    if (kept && added >= 0) {
      const names = new Map(kept.list);
      if (
        marks.slice(marks.length - added).every((m) => names.get(m.subjectId) === m.subjectName)
      ) {
        this.#subjects = { marks, lang, list: kept.list };
        return kept.list;
      }
    }
    const subjects = new Map<string, string>();
    for (const m of marks) subjects.set(m.subjectId, m.subjectName);
    const collator = collatorOf(lang);
    const list = [...subjects].sort((a, b) => collator.compare(a[1], b[1]));
    this.#subjects = { marks, lang, list };
    return list;
  }

  #value(event: Event): string | undefined {
    return (event.target as HTMLInputElement | HTMLSelectElement).value || undefined;
  }

  #setFilter(change: Partial<MarkFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  #onPeriod = (event: Event): void => {
    this.period = this.#value(event) ?? WHOLE_YEAR;
    const range = this.#periodRange();
    emit(this, 'diary-period-change', { period: this.period, from: range.from, to: range.to });
  };

  #sortBy(key: RowSort['key']): void {
    const same = this.sort.key === key;
    const direction =
      same && this.sort.direction === 'ascending'
        ? 'descending'
        : same || key === 'subject'
          ? 'ascending'
          : 'descending';
    this.sort = { key, direction };
  }

  #renderSortHeader(lang: Lang, key: RowSort['key'], label: string, part: string) {
    const sorted = this.sort.key === key ? this.sort.direction : undefined;
    const icon = sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '⇅';
    const state = sorted
      ? t(lang, sorted === 'ascending' ? 'sortedAscending' : 'sortedDescending')
      : t(lang, 'sortable');
    return html`<th scope="col" part="header ${part}" aria-sort=${sorted ?? nothing}>
      <button
        type="button"
        class="diary-sort"
        part="button sort"
        data-sort=${key}
        @click=${() => this.#sortBy(key)}
      >
        ${label}<span class="diary-sort-icon" data-shape=${sorted ?? 'none'} aria-hidden="true"
          >${icon}</span
        ><span class="diary-visually-hidden">, ${state}</span>
      </button>
    </th>`;
  }

  #renderTable(lang: Lang, rows: readonly SubjectRow[]) {
    const range = this.#periodRange();
    const total = rows.reduce((n, r) => n + r.marks.length, 0);
    const compare = this.compare && this.previousYear;
    return html`<table class="diary-table" part="table">
      <caption part="caption">
        ${t(lang, 'caption', { period: range.name })}
        <span class="diary-caption-count">· ${plural(lang, total, MARK_FORMS[lang])}</span>
      </caption>
      <thead>
        ${guard([lang, this.sort, Boolean(compare)], () => this.#renderHead(lang, Boolean(compare)))}
      </thead>
      <tbody>
        ${rows.map((row) =>
          // A row is drawn again only when its subject's marks (or what it shows of them) change.
          guard([row, lang, Boolean(compare), this.open, this.targets, this.previousYear], () =>
            this.#renderRow(lang, row, Boolean(compare)),
          ),
        )}
      </tbody>
    </table>`;
  }

  #renderHead(lang: Lang, compare: boolean) {
    return html`<tr>
      ${this.#renderSortHeader(lang, 'subject', t(lang, 'colSubject'), 'header-subject')}
      <th scope="col" part="header header-marks">${t(lang, 'colMarks')}</th>
      ${this.#renderSortHeader(lang, 'average', t(lang, 'colWeighted'), 'header-average')}
      <th scope="col" part="header header-arithmetic">${t(lang, 'colArithmetic')}</th>
      <th scope="col" part="header header-final">${t(lang, 'colFinal')}</th>
      <th scope="col" part="header header-absences">${t(lang, 'colAbsences')}</th>
      ${
        compare
          ? html`<th scope="col" part="header header-previous">${t(lang, 'colPrevious')}</th>`
          : nothing
      }
    </tr>`;
  }

  #average(lang: Lang, value: number | null): string {
    return value === null ? t(lang, 'noAverage') : formatNumber(lang, value);
  }

  #renderRow(lang: Lang, row: SubjectRow, compare: boolean) {
    const open = this.open.has(row.subjectId);
    const low =
      row.threshold !== undefined && row.weighted !== null && row.weighted < row.threshold;
    const columns = compare ? 7 : 6;
    const calcId = `calc-${row.subjectId}`;
    return html`<tr part="row" data-subject=${row.subjectId}>
        <th scope="row" part="cell cell-subject" data-label=${t(lang, 'colSubject')}>
          <span class="diary-subject">${row.subjectName}</span>
          <button
            type="button"
            class="diary-link diary-calc-toggle"
            part="button calculator-toggle"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${open ? calcId : nothing}
            @click=${() => this.#toggleCalculator(row.subjectId)}
          >
            ${t(lang, 'calculator')}
          </button>
        </th>
        <td part="cell cell-marks" data-label=${t(lang, 'colMarks')}>
          ${guard([row, lang], () => this.#renderMarks(lang, row))}
        </td>
        <td
          part="cell cell-average ${low ? 'average-low' : ''}"
          class=${low ? 'diary-low' : ''}
          data-label=${t(lang, 'colWeighted')}
        >
          ${this.#average(lang, row.weighted)}${
            low
              ? html`<span class="diary-low-flag"
                  ><span aria-hidden="true">!</span
                  ><span class="diary-visually-hidden"
                    >, ${markLabels(lang).below(row.threshold ?? 0)}</span
                  ></span
                >`
              : nothing
          }
        </td>
        <td part="cell cell-arithmetic" data-label=${t(lang, 'colArithmetic')}>
          ${this.#average(lang, row.arithmetic)}
        </td>
        <td part="cell cell-final" data-label=${t(lang, 'colFinal')}>
          ${row.final ?? t(lang, 'noAverage')}
        </td>
        <td
          part="cell cell-absences"
          data-label=${t(lang, 'colAbsences')}
          aria-label=${plural(lang, row.absences, ABSENCE_FORMS[lang])}
        >
          ${row.absences}
        </td>
        ${compare ? this.#renderPrevious(lang, row) : nothing}
      </tr>
      ${
        open
          ? html`<tr part="row calculator-row">
              <td colspan=${columns} part="cell cell-calculator">
                ${this.#renderCalculator(lang, row, calcId)}
              </td>
            </tr>`
          : nothing
      }`;
  }

  #renderPrevious(lang: Lang, row: SubjectRow) {
    const entry = this.previousYear?.get(row.subjectName);
    if (!entry || entry.previous === null)
      return html`<td part="cell cell-previous" data-label=${t(lang, 'colPrevious')}>
        ${t(lang, 'notPrevious')}
      </td>`;
    const delta = entry.delta;
    const arrow = delta === null || delta === 0 ? '' : delta > 0 ? '▲' : '▼';
    const words =
      delta === null
        ? ''
        : delta === 0
          ? t(lang, 'deltaSame')
          : t(lang, delta > 0 ? 'deltaUp' : 'deltaDown', {
              delta: formatNumber(lang, Math.abs(delta)),
            });
    return html`<td part="cell cell-previous" data-label=${t(lang, 'colPrevious')}>
      ${formatNumber(lang, entry.previous)}
      ${
        words
          ? html`<span class="diary-delta" data-direction=${delta && delta > 0 ? 'up' : 'down'}
              ><span aria-hidden="true">${arrow}</span> ${words}</span
            >`
          : nothing
      }
    </td>`;
  }

  #renderMarks(lang: Lang, row: SubjectRow) {
    const threshold = row.threshold;
    // In runs of MARK_RUN marks, each drawn again only when one of its marks (or the language or
    // threshold) changed: a new mark at the end redraws the last run alone.
    const runs = [];
    for (let start = 0; start < row.marks.length; start += MARK_RUN) {
      const run = row.marks.slice(start, start + MARK_RUN);
      runs.push(guard([lang, threshold, ...run], () => this.#renderMarkRun(lang, run, threshold)));
    }
    return html`<ul class="diary-marks" part="marks">
      ${runs}
    </ul>`;
  }

  #renderMarkRun(lang: Lang, marks: readonly Mark[], threshold: number | undefined) {
    const labels = markLabels(lang);
    return marks.map((mark) => {
      const low = isBelow(mark, threshold);
      // The weight is drawn by CSS from data-weight: one text node per mark, and the visible
      // text (the value) starts the accessible name.
      return html`<li
        class="diary-mark${low ? ' diary-mark--low' : ''}${mark.comment ? ' diary-mark--comment' : ''}"
        part=${low ? 'mark mark-low' : 'mark'}
      >
        <button
          type="button"
          data-id=${mark.id}
          data-weight=${labels.badge(mark.weight) ?? nothing}
          aria-label=${labels.label(mark, threshold)}
        >
          ${markValueText(lang, mark.value)}
        </button>
      </li>`;
    });
  }

  #toggleCalculator(subjectId: string): void {
    const open = new Set(this.open);
    if (open.has(subjectId)) open.delete(subjectId);
    else open.add(subjectId);
    this.open = open;
  }

  /** The target typed for a subject, or the next final-mark step above its average. */
  #targetText(lang: Lang, row: SubjectRow): string {
    const typed = this.targets[row.subjectId];
    if (typed !== undefined) return typed;
    const next = TARGETS.find((x) => row.weighted === null || x > row.weighted) ?? 4.5;
    return formatNumber(lang, next);
  }

  /** Parses a target such as `4,5`; an error message from core's catalogue when it is no target. */
  #parseTarget(lang: Lang, text: string): number | string {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') return errorMessage('required', { lang });
    if (!/^\d+(\.\d+)?$/.test(trimmed)) return errorMessage('format', { lang });
    const value = Number(trimmed);
    if (value < 2) return errorMessage('too_small', { lang, params: { minimum: 2 } });
    if (value > 5) return errorMessage('too_big', { lang, params: { maximum: 5 } });
    return value;
  }

  #renderCalculator(lang: Lang, row: SubjectRow, id: string) {
    const text = this.#targetText(lang, row);
    const parsed = this.#parseTarget(lang, text);
    const error = typeof parsed === 'string' ? parsed : undefined;
    const inputId = `${id}-target`;
    let result: unknown = nothing;
    if (typeof parsed === 'number') {
      const paths = marksNeededOptions(row.marks, { target: parsed }).slice(0, 4);
      const target = formatNumber(lang, parsed);
      result =
        paths.length === 0
          ? html`<p class="diary-text">${t(lang, 'unreachable')}</p>`
          : paths[0]?.count === 0
            ? html`<p class="diary-text">${t(lang, 'reached', { target })}</p>`
            : html`<p class="diary-text">${t(lang, 'pathsIntro', { target })}</p>
                <ul class="diary-paths" part="paths">
                  ${paths.map((p) => html`<li>${this.#pathText(lang, p)}</li>`)}
                </ul>`;
    }
    return html`<section
      class="diary-calculator"
      part="calculator"
      id=${id}
      aria-label=${t(lang, 'calculatorFor', { subject: row.subjectName })}
    >
      <div class="diary-field ${error ? 'diary-field--error' : ''}" part="field">
        <label class="diary-label" part="label" for=${inputId}>${t(lang, 'target')}</label>
        <span class="diary-hint" part="hint" id="${inputId}-hint">${t(lang, 'targetHint')}</span>
        ${
          error
            ? html`<span class="diary-error" part="error" id="${inputId}-error"
                ><span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
                >${error}</span
              >`
            : nothing
        }
        <input
          id=${inputId}
          class="diary-input diary-input--short"
          part="input"
          inputmode="decimal"
          autocomplete="off"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${inputId}-hint${error ? ` ${inputId}-error` : ''}"
          .value=${text}
          @input=${(e: Event) =>
            (this.targets = {
              ...this.targets,
              [row.subjectId]: (e.target as HTMLInputElement).value,
            })}
        />
      </div>
      <div role="status" part="calculator-result">${result}</div>
    </section>`;
  }

  #pathText(lang: Lang, path: MarksNeededPath): string {
    return t(lang, 'path', {
      count: plural(lang, path.count, MARK_FORMS[lang]),
      value: String(path.value),
      weight: formatNumber(lang, path.weight),
    });
  }

  async #export(): Promise<void> {
    const client = gradesClientOf(this.client);
    const childId = this.childId;
    if (!client || !childId) return;
    const lang = this.language;
    const filter = this.#effectiveFilter();
    this.exportState = 'busy';
    try {
      const text = await client.grades.csv({
        childId,
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
        ...(filter.kind ? { kind: filter.kind as (typeof WORK_KINDS)[number] } : {}),
        delimiter: lang === 'ru' ? ';' : ',',
      });
      const fileName = `${lang === 'ru' ? 'оценки' : 'marks'}-${filter.from ?? ''}-${filter.to ?? ''}.csv`;
      downloadCsv(text, fileName);
      this.exportState = 'done';
      emit(this, 'diary-grades-export', { fileName, text });
    } catch (error) {
      this.exportState = this.describe(error);
    }
  }

  /** Shows the details of the mark under focus or pointer in the one shared tooltip. */
  #showTip(button: HTMLElement): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.diary-tip');
    const id = button.dataset['id'];
    const mark = this.shownMarks.find((m) => m.id === id);
    if (!tip || !mark) return;
    const lang = this.language;
    const lines = [
      `${formatDay(lang, mark.date, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      `${workKindName(lang, mark.kind)}, ${t(lang, 'weight', { weight: formatNumber(lang, mark.weight) })}`,
    ];
    if (mark.comment) lines.push(`«${mark.comment}»`);
    tip.textContent = lines.join('\n');
    const box = (tip.parentElement as HTMLElement).getBoundingClientRect();
    const at = button.getBoundingClientRect();
    tip.style.left = `${at.left - box.left + (tip.parentElement as HTMLElement).scrollLeft}px`;
    tip.style.top = `${at.bottom - box.top + 4}px`;
    tip.hidden = false;
  }

  #hideTip(): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.diary-tip');
    if (tip) tip.hidden = true;
    this.#pinned = undefined;
  }

  #markButton(event: Event): HTMLElement | undefined {
    const target = event.target as HTMLElement;
    return target.closest?.<HTMLElement>('button[data-id]') ?? undefined;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#hideTip();
  };

  protected override firstUpdated(): void {
    const root = this.renderRoot;
    root.addEventListener('focusin', (e) => {
      const b = this.#markButton(e);
      if (b) this.#showTip(b);
    });
    root.addEventListener('focusout', (e) => {
      if (this.#markButton(e)) this.#hideTip();
    });
    root.addEventListener('mouseover', (e) => {
      const b = this.#markButton(e);
      if (b) this.#showTip(b);
    });
    root.addEventListener('mouseout', (e) => {
      if (this.#markButton(e) && !this.#pinned) this.#hideTip();
    });
    root.addEventListener('click', (e) => {
      const b = this.#markButton(e);
      if (!b) return;
      this.#showTip(b);
      this.#pinned = b.dataset['id'];
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-grade-table': DiaryGradeTable;
  }
  interface HTMLElementEventMap {
    'diary-period-change': CustomEvent<DiaryPeriodChangeDetail>;
    'diary-mark-received': CustomEvent<DiaryMarkReceivedDetail>;
    'diary-grades-export': CustomEvent<DiaryGradesExportDetail>;
  }
}
