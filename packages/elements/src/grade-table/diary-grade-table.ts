import type { Attendance, Lang, Mark, SchoolYearInfo, Threshold } from '@school-diary/core';
import { errorMessage, periodName, todayIn } from '@school-diary/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { gradesClientOf, type MarkChange } from '../shared/grades-client';
import { MarksController } from '../shared/marks-controller';
import { controlStyles, hostTokens } from '../shared/theme';
import { markValueText } from '../shared/work-kind-text';
import { gradeTableStyles } from './diary-grade-table.styles';
import {
  absencesBySubject,
  appendToRows,
  appendedCount,
  sortRows,
  subjectRows,
  type MarkFilter,
  type RowSort,
  type SubjectRow,
} from './grade-rows';
import { loadExtras, type Extras, type Previous } from './grade-table-data';
import { exportMarks, exportReportCard } from './grade-table-export';
import { renderGrid } from './grade-table-grid';
import { MarkGridKeys } from './grade-table-keys';
import { gradeTableText as t } from './grade-table-text';
import { WHOLE_YEAR, renderToolbar, type ExportState } from './grade-table-toolbar';
import type { MarkDetailClient } from './grade-table-mark-detail';
import { MarkTooltip } from './grade-table-tooltip';

export { WHOLE_YEAR } from './grade-table-toolbar';

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

/** Detail of `diary-report-card-download`. */
export interface DiaryReportCardDownloadDetail {
  readonly fileName: string;
  /** The period's report card as the server sent it. */
  readonly pdf: Blob;
}

/**
 * A child's marks for a period as a data table: one row per subject with the marks in date order
 * (weight shown; date, kind of work and comment on hover and focus; the marks are one Tab stop,
 * the arrow keys move between them), the weighted and arithmetic
 * averages and the final mark they round to, missed lessons; sorted by subject or average;
 * filtered by subject, kind of work and dates; compared with last year; marks below the parent's
 * threshold highlighted; where a higher final mark is reachable, a calculator of the marks still
 * needed for it (core's grade maths); CSV export through the SDK. Below 40rem of width the rows stack. New marks
 * arriving over live events appear at once and are announced politely.
 *
 * @summary A child's marks, averages and final marks per subject.
 * @tag diary-grade-table
 * @fires {CustomEvent<DiaryPeriodChangeDetail>} diary-period-change - The reader chose another period.
 * @fires {CustomEvent<DiaryMarkReceivedDetail>} diary-mark-received - A mark arrived, changed or went away over live events.
 * @fires {CustomEvent<DiaryGradesExportDetail>} diary-grades-export - The CSV file was made and offered for download.
 * @fires {CustomEvent<DiaryReportCardDownloadDetail>} diary-report-card-download - The period's report card (PDF) was offered for download.
 * @csspart base - The widget's box.
 * @csspart toolbar - Period, filters, comparison and export.
 * @csspart filters - The filters (folded under the `filters-toggle` button).
 * @csspart legend - The filters' legend.
 * @csspart field - Every filter's wrapper.
 * @csspart label - Every label.
 * @csspart input - Every select and date input.
 * @csspart button - Every button (also `export`, `export-pdf`, `retry`, `sort`, `calculator-toggle`, `filters-toggle`).
 * @csspart table - The table.
 * @csspart caption - The table's caption.
 * @csspart header - Every column header.
 * @csspart row - Every subject's row.
 * @csspart cell - Every cell (also `cell-subject`, `cell-marks`, `cell-average` …).
 * @csspart marks - The list of a subject's marks.
 * @csspart mark - One mark (also `mark-low` below the threshold).
 * @csspart tooltip - The details of the mark under the pointer or focus.
 * @csspart distribution - In a pinned mark's tooltip, how the class did on the work.
 * @csspart calculator - The "marks still needed" panel.
 * @csspart hint - The legend under the table (marks below the threshold, marks with a comment).
 * @csspart notice - Loading, empty, error, signed-out and export notices.
 * @csspart status - The polite live region announcing new marks.
 * @cssprop --diary-color-primary - Buttons and the sort icons.
 * @cssprop --diary-color-error - Marks below the threshold.
 * @cssprop --diary-color-surface - Header and stripes.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-font-family - Font.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryGradeTable extends DiaryElement {
  static override styles = [hostTokens, controlStyles, gradeTableStyles];

  /** The child whose marks are shown (the SDK's child id). */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /**
   * Marks to show instead of loading them (a page that already has them); the widget then needs
   * no provider. Live events update only marks the widget loaded itself.
   */
  @property({ attribute: false }) accessor marks: readonly Mark[] | undefined;
  /** The school year with its periods (loaded with the marks unless given). */
  @property({ attribute: false }) accessor schoolYear: SchoolYearInfo | undefined;
  /** The clock for periods and error messages (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The period shown: a period id of the school year or `year`; by default today's period. */
  @property({ reflect: true }) accessor period: string | undefined;
  /** A threshold to highlight against instead of the parent's saved ones (2–5). */
  @property({ type: Number }) accessor threshold: number | undefined;
  @state() protected accessor sort: RowSort = { key: 'subject', direction: 'ascending' };
  @state() protected accessor filter: MarkFilter = {};
  @state() protected accessor compare = false;
  @state() protected accessor open: ReadonlySet<string> = new Set();
  @state() protected accessor targets: Readonly<Record<string, string>> = {};
  @state() protected accessor announcement = '';
  @state() protected accessor exportState: ExportState = 'idle';

  readonly #data = new MarksController<Extras>(this, {
    environment: () => this.environment,
    childId: () => this.childId,
    given: () => this.marks,
    describe: (error) => this.describe(error),
    loadMore: (client, childId, year, signal) =>
      loadExtras(client, childId, year, signal, this.environment?.session.user?.role),
    changed: (change, before) => this.#announce(change, before),
  });
  #rows = new Map<string, SubjectRow>();

  constructor() {
    super();
    new MarkGridKeys(this);
    new MarkTooltip(this, {
      lang: () => this.language,
      timeZone: () => this.timeZone,
      find: (id) => this.shownMarks.find((m) => m.id === id),
      client: () => this.client as MarkDetailClient | undefined,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // What was said about the last child's file is not true of the next child.
    if (changed.has('childId') && changed.get('childId') !== undefined) this.exportState = 'idle';
  }

  /** The marks on screen: the given ones, or those loaded (with live changes). */
  get shownMarks(): readonly Mark[] {
    return this.#data.marks;
  }

  get #year(): SchoolYearInfo | undefined {
    return this.schoolYear ?? this.#data.value?.year;
  }

  get #attendance(): readonly Attendance[] {
    return this.#data.value?.extra.attendance ?? [];
  }

  get #thresholds(): readonly Threshold[] {
    return this.#data.value?.extra.thresholds ?? [];
  }

  get #previousYear(): ReadonlyMap<string, Previous> | undefined {
    return this.#data.value?.extra.previousYear;
  }

  /** A failed SDK call described in the widget's language, clock and time zone. */
  protected describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  /** Announces a live change politely. */
  #announce(change: MarkChange, before: readonly Mark[]): void {
    const lang = this.language;
    const mark = change.type === 'deleted' ? before.find((m) => m.id === change.id) : change.mark;
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
    const periods = this.#year?.periods ?? [];
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
    const year = this.#year;
    const period = year?.periods.find((p) => p.id === this.activePeriod);
    if (period)
      return { from: period.startDate, to: period.endDate, name: periodName(lang, period.name) };
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
      this.#attendance,
      this.#thresholds,
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
      const context = { absences, thresholds: this.#thresholds, thresholdOverride: this.threshold };
      rows =
        added === 0 ? kept.rows : appendToRows(kept.rows, marks.slice(-added), filter, context);
    } else {
      absences = absencesBySubject(this.#attendance, filter);
      rows = subjectRows(marks, filter, {
        absences,
        thresholds: this.#thresholds,
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
    const blocked = this.#data.blocked(lang);
    return html`<div
      class="diary-base"
      part="base"
      lang=${lang}
      data-state=${blocked?.state ?? 'ready'}
    >
      ${blocked ? this.#data.renderNotice(lang, blocked) : this.#renderReady(lang)}
      <p class="diary-visually-hidden" part="status" role="status">${this.announcement}</p>
    </div>`;
  }

  #renderReady(lang: Lang) {
    const rows = this.#computeRows();
    // The toolbar depends on these alone: a new mark leaves it as it is (unless it adds a subject).
    const toolbar = guard(
      [
        lang,
        this.#year,
        this.activePeriod,
        this.#subjectList(lang),
        this.filter,
        this.#previousYear,
        this.compare,
        this.exportState,
        this.marks === undefined,
        this.childId,
      ],
      () =>
        renderToolbar({
          lang,
          periods: this.#year?.periods ?? [],
          period: this.activePeriod,
          subjects: this.#subjectList(lang),
          filter: this.filter,
          dateError: this.#dateOrderInvalid ? errorMessage('date_order', { lang }) : undefined,
          canCompare: Boolean(this.#previousYear),
          compare: this.compare,
          canExport: !this.marks && Boolean(this.childId),
          exportState: this.exportState,
          onPeriod: this.#onPeriod,
          onFilter: this.#setFilter,
          onCompare: this.#onCompare,
          onExport: this.#export,
        }),
    );
    return html`${toolbar}${this.#renderBody(lang, rows)}`;
  }

  #renderBody(lang: Lang, rows: readonly SubjectRow[]) {
    if (rows.length === 0) {
      const { subjectId, kind, from, to } = this.filter;
      const filtered = subjectId || kind || from || to;
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
    const grid = renderGrid({
      lang,
      rows,
      periodName: this.#periodRange().name,
      sort: this.sort,
      compare: this.compare ? this.#previousYear : undefined,
      open: this.open,
      targets: this.targets,
      onSort: this.#sortBy,
      onToggle: this.#toggleCalculator,
      onTarget: this.#setTarget,
    });
    return html`<div class="diary-scroll">
        ${grid}
        <div class="diary-tip" part="tooltip" aria-hidden="true" hidden></div>
      </div>
      ${this.#renderLegend(lang, rows)}`;
  }

  /** What the marks' marker styles mean, for those the table shows. */
  #renderLegend(lang: Lang, rows: readonly SubjectRow[]) {
    const threshold = rows.some((r) => r.threshold !== undefined);
    const comment = rows.some((r) => r.marks.some((m) => m.comment));
    if (!threshold && !comment) return nothing;
    return html`<ul class="diary-legend-list" part="hint">
      ${
        threshold
          ? html`<li>
              <span class="diary-mark-sample" aria-hidden="true">2</span>
              ${t(lang, 'thresholdNote')}
            </li>`
          : nothing
      }
      ${
        comment
          ? html`<li>
              <span class="diary-mark-sample diary-mark-sample--comment" aria-hidden="true">5</span>
              ${t(lang, 'commentNote')}
            </li>`
          : nothing
      }
    </ul>`;
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

  readonly #setFilter = (change: Partial<MarkFilter>): void => {
    this.filter = { ...this.filter, ...change };
  };

  readonly #onPeriod = (period: string): void => {
    this.period = period;
    const range = this.#periodRange();
    emit(this, 'diary-period-change', { period, from: range.from, to: range.to });
  };

  readonly #onCompare = (on: boolean): void => {
    this.compare = on;
  };

  readonly #sortBy = (key: RowSort['key']): void => {
    const same = this.sort.key === key;
    const direction =
      same && this.sort.direction === 'ascending'
        ? 'descending'
        : same || key === 'subject'
          ? 'ascending'
          : 'descending';
    this.sort = { key, direction };
  };

  readonly #toggleCalculator = (subjectId: string): void => {
    const open = new Set(this.open);
    if (open.has(subjectId)) open.delete(subjectId);
    else open.add(subjectId);
    this.open = open;
  };

  readonly #setTarget = (subjectId: string, text: string): void => {
    this.targets = { ...this.targets, [subjectId]: text };
  };

  readonly #export = async (format: 'csv' | 'pdf'): Promise<void> => {
    const client = gradesClientOf(this.client);
    const childId = this.childId;
    if (!client || !childId) return;
    this.exportState = 'busy';
    try {
      if (format === 'pdf') {
        const card = await exportReportCard(client, childId, this.activePeriod, this.language);
        this.exportState = 'done';
        emit(this, 'diary-report-card-download', card);
        return;
      }
      const file = await exportMarks(client, childId, this.#effectiveFilter(), this.language);
      this.exportState = 'done';
      emit(this, 'diary-grades-export', file);
    } catch (error) {
      this.exportState = this.describe(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-grade-table': DiaryGradeTable;
  }
  interface HTMLElementEventMap {
    'diary-period-change': CustomEvent<DiaryPeriodChangeDetail>;
    'diary-mark-received': CustomEvent<DiaryMarkReceivedDetail>;
    'diary-grades-export': CustomEvent<DiaryGradesExportDetail>;
    'diary-report-card-download': CustomEvent<DiaryReportCardDownloadDetail>;
  }
}
