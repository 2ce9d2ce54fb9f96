import type { Lang, Mark, SchoolYearInfo } from '@school-diary/core';
import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { formatDay, isoDay } from '../shared/day-format';
import { emit } from '../shared/events';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { MarksController } from '../shared/marks-controller';
import { controlStyles, hostTokens } from '../shared/theme';
import { timelineChartStyles } from './diary-timeline-chart.styles';
import { renderControls } from './timeline-chart-controls';
import { InputModality } from './timeline-chart-input';
import { keyMove, type Active, type ActivePoint } from './timeline-chart-keys';
import {
  HEIGHT,
  renderAxes,
  renderFocusPoint,
  renderSeries,
  renderTooltip,
  scalesOf,
  type DrawnSeries,
  type Scales,
} from './timeline-chart-plot';
import { renderTableView, tableRows, type TableRow, type ViewRange } from './timeline-chart-table';
import { timelineText as t } from './timeline-chart-text';
import { shownTrend, trendCounts, trendSentence, type ShownTrend } from './timeline-chart-trends';
import { buildSeries, placePoints, seriesTrend, type ChartSeries } from './timeline-model';
import { PlotPointer } from './timeline-chart-pointer';
import { defaultSubjects, rangeInvalid, viewRange, type ViewChoice } from './timeline-chart-view';

export { TABLE_PAGE_SIZE } from './timeline-chart-table';

/** Detail of `diary-range-change`. */
export interface DiaryRangeChangeDetail {
  /** ISO dates of the range shown; `undefined` when the whole period is shown again. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** Detail of `diary-subjects-change`. */
export interface DiarySubjectsChangeDetail {
  /** Ids of the subjects drawn only as faint context lines (not chosen). */
  readonly hidden: readonly string[];
  /** Ids of the subjects drawn in full (chosen). */
  readonly shown: readonly string[];
}

/** Points of one value closer than this many pixels are drawn as one. */
const THIN_GAP = 3;
/** Below this width (CSS px) the widget takes its phone layout. */
const NARROW = 560;
/** Up to this many chosen subjects get a sentence each in the caption. */
const SENTENCES = 3;

/**
 * The chronology of a child's marks with each subject's moving average, drawn as SVG. The axis
 * spans the marks of the chosen period (the whole year by default), not the calendar. One
 * subject is drawn in full by default — the one whose average fell the most, else the weakest —
 * with the others as faint lines for context, each one tap away; «Все предметы» draws them all.
 * The caption sums the trends up in a sentence or two; the table view («Показать таблицей») has
 * every subject's trend and every mark (a hundred rows a page). On a phone the plot comes first
 * and takes the width, with the subject list folded under it. The hint speaks of the input in
 * use (mouse, touch or keyboard). Accessible as Chartability asks: a `<figure>`, one tab stop
 * with arrow keys between points and subjects (Home/End, Esc hides the tooltip), every point
 * named, marker shapes as well as colours, and no transitions under `prefers-reduced-motion`.
 * Each subject's line and markers are single paths, and points that cannot be told apart on
 * screen are drawn once, so a class's year (tens of thousands of marks) stays fast.
 *
 * @summary A child's marks and moving averages over time.
 * @tag diary-timeline-chart
 * @fires {CustomEvent<DiaryRangeChangeDetail>} diary-range-change - The reader zoomed to a date range, chose a period, or went back to the whole period.
 * @fires {CustomEvent<DiarySubjectsChangeDetail>} diary-subjects-change - The reader chose which subjects are drawn in full.
 * @csspart base - The figure.
 * @csspart caption - The caption with the trends in words.
 * @csspart trend - A chosen subject's trend sentence.
 * @csspart summary - The other subjects' trends counted in one sentence.
 * @csspart controls - Subject toggles, the period and the date range.
 * @csspart toggle - A subject toggle (`aria-pressed`: drawn in full).
 * @csspart field - A field's wrapper (period, dates).
 * @csspart label - Every label.
 * @csspart input - The period select and the date inputs.
 * @csspart button - Every button (also `show-all`, `subjects`, `reset`, `table-toggle`, `retry`).
 * @csspart plot - The box around the SVG.
 * @csspart chart - The SVG.
 * @csspart line - A chosen subject's moving-average line.
 * @csspart context - Another subject's moving-average line, drawn faintly.
 * @csspart markers - A chosen subject's marks.
 * @csspart focus-point - The point under the keyboard.
 * @csspart tooltip - The tooltip.
 * @csspart hint - How to read the chart with the input in use (`data-input`: pointer, touch, keyboard).
 * @csspart trend-table - The table view's trend of every subject.
 * @csspart table - The data table.
 * @csspart pager - The data table's page buttons (`page-first`, `page-previous`, `page-next`, `page-last`).
 * @csspart table-status - The polite live region «Строки 1–100 из 1 234» under the data table.
 * @csspart notice - Loading, empty, error and signed-out notices.
 * @csspart status - The polite live region (zoom changes).
 * @cssprop --diary-chart-1 - Colour of the 1st subject (…`--diary-chart-8`).
 * @cssprop --diary-color-focus - Focus ring.
 * @cssprop --diary-font-family - Font.
 */
export class DiaryTimelineChart extends DiaryElement {
  static override styles = [hostTokens, controlStyles, timelineChartStyles];

  /** The child whose marks are shown (the SDK's child id). */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /**
   * Marks to show instead of loading them (a page that already has them); the widget then needs
   * no provider. Live events update only marks the widget loaded itself.
   */
  @property({ attribute: false }) accessor marks: readonly Mark[] | undefined;
  /** The school year with its periods (loaded with the marks unless given). */
  @property({ attribute: false }) accessor schoolYear: SchoolYearInfo | undefined;
  /** The clock for error messages (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** How many of the latest marks the moving average takes; 5 by default. */
  @property({ type: Number }) accessor window = 5;
  /** The period shown: a period id of the school year, or `year` (default). */
  @property({ reflect: true }) accessor period = 'year';
  /** First day shown (`YYYY-MM-DD`); the first mark of the period by default. */
  @property() accessor from: string | undefined;
  /** Last day shown (`YYYY-MM-DD`); the last mark of the period by default. */
  @property() accessor to: string | undefined;
  /**
   * Subject ids drawn in full, comma-separated; by default the subject whose average fell the
   * most (else the weakest). The reader changes the choice with the subject toggles.
   */
  @property() accessor subjects: string | undefined;
  @state() protected accessor chosen: ReadonlySet<string> | undefined;
  @state() protected accessor active: Active | undefined;
  @state() protected accessor tipShown = false;
  @state() protected accessor tableShown = false;
  /** The page of the data table shown (0-based; kept within the pages there are). */
  @state() protected accessor tablePage = 0;
  @state() protected accessor width = 720;
  @state() protected accessor narrow = false;
  @state() protected accessor subjectsOpen = false;
  @state() protected accessor announcement = '';

  readonly #data = new MarksController(this, {
    environment: () => this.environment,
    childId: () => this.childId,
    given: () => this.marks,
    describe: (error) => describeFailure(error, this.failureContext(this.now())),
  });
  readonly #input = new InputModality(this);
  readonly #pointer = new PlotPointer(this, {
    drawn: () => this.#drawn,
    scales: () => this.#scales,
    show: (active) => {
      this.active = active;
      this.tipShown = true;
    },
    leave: () => {
      if (!this.renderRoot.querySelector('.diary-focus:focus')) this.tipShown = false;
    },
    zoom: (from, to) => this.#setRange(from, to),
  });
  #seriesOf: { marks: readonly Mark[]; window: number; series: ChartSeries[] } | undefined;
  #trendsOf: { key: readonly unknown[]; trends: ShownTrend[] } | undefined;
  #defaultOf: { key: readonly unknown[]; ids: ReadonlySet<string> } | undefined;
  #drawn: DrawnSeries[] = [];
  #drawnFor: readonly unknown[] = [];
  #tableRows: { key: readonly unknown[]; rows: TableRow[] } | undefined;
  #scales: Scales | undefined;
  #refocus = false;
  #resize: ResizeObserver | undefined;
  #measured = false;

  /** The marks on screen: the given ones, or those loaded (with live changes). */
  get shownMarks(): readonly Mark[] {
    return this.#data.marks;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /** The series of the marks shown, rebuilt only when the marks or the window change. */
  get #series(): ChartSeries[] {
    const marks = this.shownMarks;
    const window = Number.isInteger(this.window) && this.window > 0 ? this.window : 5;
    const kept = this.#seriesOf;
    if (kept && kept.marks === marks && kept.window === window) return kept.series;
    const series = buildSeries(marks, window);
    this.#seriesOf = { marks, window, series };
    return series;
  }

  get #year(): SchoolYearInfo | undefined {
    return this.schoolYear ?? this.#data.value?.year;
  }

  get #choice(): ViewChoice {
    return { year: this.#year, period: this.period, from: this.from, to: this.to };
  }

  /** Every subject's trend over the view, in the reader's rounding. */
  #trends(lang: Lang, series: readonly ChartSeries[], view: ViewRange): ShownTrend[] {
    const key = [lang, series, view.from, view.to];
    const kept = this.#trendsOf;
    if (kept && kept.key.every((k, i) => k === key[i])) return kept.trends;
    const trends = series.flatMap(
      (s) => shownTrend(lang, s, seriesTrend(s, view.from, view.to)) ?? [],
    );
    this.#trendsOf = { key, trends };
    return trends;
  }

  /** The subjects drawn in full: the reader's choice, else the page's, else the one needing attention. */
  #focused(series: readonly ChartSeries[], trends: readonly ShownTrend[]): ReadonlySet<string> {
    if (this.chosen) return this.chosen;
    // Kept while its inputs stay, so that what is drawn is not placed again on every update.
    const key = [this.subjects, series, trends];
    const kept = this.#defaultOf;
    if (kept && kept.key.every((k, i) => k === key[i])) return kept.ids;
    const ids = defaultSubjects(this.subjects, series, trends);
    this.#defaultOf = { key, ids };
    return ids;
  }

  protected override render() {
    const lang = this.language;
    if (!this.marks) {
      const unavailable = this.renderUnavailable();
      if (unavailable) return unavailable;
      const blocked = this.#data.blocked(lang);
      if (blocked)
        return html`<div class="diary-base" part="base" lang=${lang} data-state=${blocked.state}>
          ${this.#data.renderNotice(lang, blocked)}
        </div>`;
    }
    return html`${this.#renderFigure(lang)}
      <p class="diary-visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }

  #renderFigure(lang: Lang) {
    const series = this.#series;
    if (series.length === 0)
      return html`<div class="diary-base" part="base" lang=${lang} data-state="empty">
        <p class="diary-notice" part="notice" role="status">${t(lang, 'empty')}</p>
      </div>`;
    const view = viewRange(series, this.#choice);
    const scales = scalesOf(view, this.width, this.narrow);
    this.#scales = scales;
    const trends = this.#trends(lang, series, view);
    const focused = this.#focused(series, trends);
    // Placing and thinning are redone only when what is drawn, or where, changes.
    const drawnFor = [series, focused, view.from, view.to, this.width, this.narrow];
    if (drawnFor.some((v, i) => v !== this.#drawnFor[i])) {
      this.#drawnFor = drawnFor;
      const { x, y } = scales;
      this.#drawn = series.map((s) => {
        const on = focused.has(s.subjectId);
        return {
          series: s,
          focused: on,
          placed: on ? placePoints(s, view.from, view.to, x, y, THIN_GAP) : [],
        };
      });
    }
    const controls = guard(
      [
        lang,
        series,
        focused,
        this.narrow,
        this.subjectsOpen,
        this.#year,
        this.period,
        this.from,
        this.to,
      ],
      () =>
        renderControls({
          lang,
          series,
          focused,
          narrow: this.narrow,
          subjectsOpen: this.subjectsOpen,
          periods: this.#year?.periods ?? [],
          period: this.period,
          from: this.from,
          to: this.to,
          rangeInvalid: rangeInvalid(this.#choice),
          onToggle: this.#onToggle,
          onShowAll: this.#onShowAll,
          onOpenSubjects: () => (this.subjectsOpen = !this.subjectsOpen),
          onPeriod: this.#onPeriod,
          onRange: (change) =>
            change.reset
              ? this.#setRange(undefined, undefined)
              : this.#setRange(change.from ?? this.from, change.to ?? this.to),
        }),
    );
    return html`<figure
      class="diary-base ${this.narrow ? 'diary-base--narrow' : ''}"
      part="base"
      lang=${lang}
      data-state="ready"
    >
      <figcaption part="caption">
        <span class="diary-title">${t(lang, 'title')}</span>
        ${guard([trends, focused], () => this.#renderSummary(lang, trends, focused))}
      </figcaption>
      ${this.narrow ? nothing : controls} ${this.#renderPlot(lang, scales)}
      <p class="diary-hint" part="hint" data-input=${this.#input.kind}>${this.#hint(lang)}</p>
      <p id="keys" class="diary-visually-hidden">${t(lang, 'keys')}</p>
      ${this.narrow ? controls : nothing}
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button table-toggle"
        aria-expanded=${this.tableShown ? 'true' : 'false'}
        aria-controls="data-table"
        @click=${() => (this.tableShown = !this.tableShown)}
      >
        ${t(lang, this.tableShown ? 'hideTable' : 'showTable')}
      </button>
      <div id="data-table">
        ${this.tableShown ? this.#renderTable(lang, series, focused, view, trends) : nothing}
      </div>
    </figure>`;
  }

  #hint(lang: Lang): string {
    switch (this.#input.kind) {
      case 'keyboard':
        return t(lang, 'keys');
      case 'touch':
        return t(lang, 'hintTouch');
      case 'pointer':
        return t(lang, 'hintPointer');
    }
  }

  /** A sentence per chosen subject (up to three), the others counted in one more. */
  #renderSummary(lang: Lang, trends: readonly ShownTrend[], focused: ReadonlySet<string>) {
    if (trends.length === 0)
      return html`<span class="diary-trend" part="trend">${t(lang, 'noTrend')}</span>`;
    const own =
      focused.size <= SENTENCES ? trends.filter((tr) => focused.has(tr.series.subjectId)) : [];
    const others =
      own.length > 0 ? trends.filter((tr) => !focused.has(tr.series.subjectId)) : trends;
    const counts = trendCounts(lang, others, own.length === 0);
    return html`${own.map(
      (tr) => html`<span class="diary-trend" part="trend">${trendSentence(lang, tr)}</span>`,
    )}
    ${counts ? html`<span class="diary-trend" part="summary">${counts}</span>` : nothing}`;
  }

  #renderPlot(lang: Lang, scales: Scales) {
    const active = this.#activePoint();
    const { width } = scales;
    const brush = this.#pointer.brush;
    return html`<div class="diary-plot" part="plot">
      <svg
        part="chart"
        role="graphics-document"
        aria-roledescription=${t(lang, 'chartRole')}
        aria-label=${t(lang, 'chart')}
        aria-describedby="keys"
        width=${width}
        height=${HEIGHT}
        viewBox="0 0 ${width} ${HEIGHT}"
        @keydown=${this.#onKeydown}
        @pointerdown=${this.#pointer.onDown}
        @pointermove=${this.#pointer.onMove}
        @pointerup=${this.#pointer.onUp}
        @pointerleave=${this.#pointer.onLeave}
        @focusin=${() => (this.tipShown = true)}
        @focusout=${this.#onFocusOut}
      >
        ${guard([lang, scales.view.from, scales.view.to, scales.plotW], () => renderAxes(lang, scales))}
        ${this.#drawn.map((d) => (d.focused ? nothing : guard([d], () => renderSeries(d, scales))))}
        ${this.#drawn.map((d) => (d.focused ? guard([d], () => renderSeries(d, scales)) : nothing))}
        ${
          brush
            ? svg`<rect class="diary-brush" x=${Math.min(brush.x0, brush.x1)} y=${scales.top}
              width=${Math.abs(brush.x1 - brush.x0)} height=${scales.plotH}></rect>`
            : nothing
        }
        ${active ? renderFocusPoint(lang, active.drawn, active.point) : nothing}
      </svg>
      ${
        active
          ? renderTooltip(lang, active.drawn, active.point, { width, shown: this.tipShown })
          : nothing
      }
    </div>`;
  }

  #renderTable(
    lang: Lang,
    series: readonly ChartSeries[],
    focused: ReadonlySet<string>,
    view: ViewRange,
    trends: readonly ShownTrend[],
  ) {
    const chosen = series.filter((s) => focused.has(s.subjectId));
    const key = [view.from, view.to, ...chosen];
    const kept = this.#tableRows;
    const rows =
      kept && kept.key.length === key.length && kept.key.every((k, i) => k === key[i])
        ? kept.rows
        : tableRows(chosen, view);
    this.#tableRows = { key, rows };
    return renderTableView({
      lang,
      view,
      trends,
      rows,
      page: this.tablePage,
      onPage: this.#onPage,
    });
  }

  /** The active point, kept within what is drawn (subjects chosen, zoom). */
  #activePoint(): ActivePoint | undefined {
    const withPoints = this.#drawn.filter((d) => d.placed.length > 0);
    if (withPoints.length === 0) return undefined;
    const wanted = this.active;
    const drawn = withPoints.find((d) => d.series.subjectId === wanted?.subjectId) ?? withPoints[0];
    if (!drawn) return undefined;
    const index = Math.min(
      Math.max(wanted?.index ?? drawn.placed.length - 1, 0),
      drawn.placed.length - 1,
    );
    return { drawn, point: drawn.placed[index] as ActivePoint['point'], index };
  }

  #onPage = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    if (button.getAttribute('aria-disabled') === 'true') return;
    this.tablePage = Number(button.dataset['page']);
  };

  #choose(ids: ReadonlySet<string> | undefined): void {
    this.chosen = ids;
    this.tablePage = 0;
    const series = this.#series;
    const shown = this.#focused(series, this.#trendsOf?.trends ?? []);
    emit(this, 'diary-subjects-change', {
      hidden: series.filter((s) => !shown.has(s.subjectId)).map((s) => s.subjectId),
      shown: series.filter((s) => shown.has(s.subjectId)).map((s) => s.subjectId),
    });
  }

  #onToggle = (event: Event): void => {
    const subjectId = (event.currentTarget as HTMLElement).dataset['subject'];
    if (!subjectId) return;
    const chosen = new Set(this.#drawn.filter((d) => d.focused).map((d) => d.series.subjectId));
    if (chosen.has(subjectId)) chosen.delete(subjectId);
    else chosen.add(subjectId);
    this.#choose(chosen);
  };

  #onShowAll = (): void => {
    const all = this.#drawn.every((d) => d.focused);
    this.#choose(all ? undefined : new Set(this.#series.map((s) => s.subjectId)));
  };

  #onPeriod = (event: Event): void => {
    this.period = (event.target as HTMLSelectElement).value;
    this.from = undefined;
    this.to = undefined;
    this.#announce();
  };

  #setRange(from: string | undefined, to: string | undefined): void {
    this.from = from || undefined;
    this.to = to || undefined;
    if (rangeInvalid(this.#choice)) return;
    this.#announce();
  }

  /** Says which days are shown now, and tells the page. */
  #announce(): void {
    this.tablePage = 0;
    const lang = this.language;
    const view = viewRange(this.#series, this.#choice);
    const day = (ms: number) =>
      formatDay(lang, isoDay(ms), { day: 'numeric', month: 'long', year: 'numeric' });
    this.announcement = t(lang, 'zoomed', { from: day(view.from), to: day(view.to) });
    emit(this, 'diary-range-change', { from: this.from, to: this.to });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const current = this.#activePoint();
    if (!current) return;
    if (event.key === 'Escape') {
      this.tipShown = false;
      event.preventDefault();
      return;
    }
    const next = keyMove(
      event.key,
      current,
      this.#drawn.filter((d) => d.placed.length > 0),
    );
    if (!next) return;
    event.preventDefault();
    this.active = next;
    this.tipShown = true;
    this.#refocus = true;
  };

  #onFocusOut = (): void => {
    if (!this.#refocus) this.tipShown = false;
  };

  protected override willUpdate(): void {
    if (!this.#measured && this.isConnected) this.#measureBeforeDrawing();
  }

  protected override firstUpdated(): void {
    this.#observeSize();
  }

  protected override updated(): void {
    this.#observeSize();
    if (this.#refocus) {
      this.#refocus = false;
      this.renderRoot.querySelector<SVGGElement>('.diary-focus')?.focus();
    }
  }

  /**
   * Follows the widget's width (phone layout below 560 px) and the plot's (the SVG is drawn in
   * pixels, so text keeps its size).
   */
  #observeSize(): void {
    const plot = this.renderRoot.querySelector<HTMLElement>('.diary-plot');
    if (!plot || this.#resize || typeof ResizeObserver === 'undefined') return;
    this.#resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const width = Math.round(entry.contentRect.width);
        if (entry.target === this) this.narrow = width > 0 && width < NARROW;
        else if (width > 0 && Math.abs(width - this.width) > 1) this.width = width;
      }
    });
    this.#resize.observe(this);
    this.#resize.observe(plot);
  }

  /**
   * The plot's width before the first drawing, from the widget's own and its padding, so the
   * marks are placed once rather than at a guessed width and again (the observer corrects it if
   * a page's styles make it differ). A widget not laid out yet (hidden) waits for the observer.
   */
  #measureBeforeDrawing(): void {
    const width = this.clientWidth;
    if (width <= 0) return;
    this.#measured = true;
    const space = Number.parseFloat(getComputedStyle(this).getPropertyValue('--_space')) || 8;
    // The outer padding every widget has (theme's `.diary-base`): clamp(space, 5vw − 10px, 3 space).
    const padding = Math.min(3 * space, Math.max(space, 0.05 * window.innerWidth - 10));
    this.narrow = width < NARROW;
    this.width = Math.round(width - 2 * padding);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-timeline-chart': DiaryTimelineChart;
  }
  interface HTMLElementEventMap {
    'diary-range-change': CustomEvent<DiaryRangeChangeDetail>;
    'diary-subjects-change': CustomEvent<DiarySubjectsChangeDetail>;
  }
}
