import {
  errorMessage,
  type Lang,
  type Mark,
  type SchoolYearInfo,
  type Trend,
} from '@school-diary/core';
import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { renderDateField } from '../shared/date-field';
import { dayMs, formatDay, isoDay } from '../shared/day-format';
import { emit } from '../shared/events';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { MarksController } from '../shared/marks-controller';
import { formatNumber, plural } from '../shared/plural';
import { controlStyles, hostTokens } from '../shared/theme';
import { MARK_FORMS, markValueText, workKindName } from '../shared/work-kind-text';
import { timelineChartStyles } from './diary-timeline-chart.styles';
import { timelineText as t } from './timeline-chart-text';
import {
  buildSeries,
  linePath,
  markerPath,
  markersPath,
  placePoints,
  seriesTrend,
  shapeOf,
  timeTicks,
  type ChartSeries,
  type PlacedPoint,
} from './timeline-model';

/** Detail of `diary-range-change`. */
export interface DiaryRangeChangeDetail {
  /** ISO dates of the range shown; `undefined` when the whole period is shown again. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** Detail of `diary-subjects-change`. */
export interface DiarySubjectsChangeDetail {
  /** Ids of the subjects switched off. */
  readonly hidden: readonly string[];
}

/** Where the keyboard (or the pointer) is: a subject and a point of its drawn points. */
interface Active {
  readonly subjectId: string;
  readonly index: number;
}

/** A series as drawn now: its points placed and thinned. */
interface DrawnSeries {
  readonly series: ChartSeries;
  readonly placed: readonly PlacedPoint[];
}

/** One line of the data table: a mark, its subject and the moving average as of its date. */
interface TableRow {
  readonly mark: Mark;
  readonly series: ChartSeries;
  readonly moving: number | undefined;
}

/** Rows of the data table per page: thousands of marks are read a hundred at a time. */
export const TABLE_PAGE_SIZE = 100;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 32 } as const;
const DAY = 86_400_000;
/** Points of one value closer than this many pixels are drawn as one. */
const THIN_GAP = 3;

/**
 * The chronology of a child's marks with each subject's moving average, drawn as SVG by the
 * element: locale date axis, subject toggles, zoom by dragging across the plot (or with the date
 * fields), tooltips on hover and on keyboard focus. Accessible as Chartability asks: a `<figure>`
 * whose caption states each subject's trend in words, one tab stop with arrow keys between points
 * and subjects (Home/End, Esc hides the tooltip), every point named, marker shapes as well as
 * colours, a «Показать таблицей» toggle with the same data as a table (a hundred rows a page,
 * with page buttons and a polite «Строки 1–100 из N»), and no transitions under
 * `prefers-reduced-motion`. Each subject's line and markers are single paths, and points that
 * cannot be told apart on screen are drawn once, so a class's year (tens of thousands of marks)
 * stays fast.
 *
 * @summary A child's marks and moving averages over time.
 * @tag diary-timeline-chart
 * @fires {CustomEvent<DiaryRangeChangeDetail>} diary-range-change - The reader zoomed to a date range or back to the whole period.
 * @fires {CustomEvent<DiarySubjectsChangeDetail>} diary-subjects-change - A subject was switched on or off.
 * @csspart base - The figure.
 * @csspart caption - The caption with the trends in words.
 * @csspart trend - One subject's trend sentence.
 * @csspart controls - Subject toggles and the date range.
 * @csspart toggle - A subject toggle (`aria-pressed`).
 * @csspart field - A date field's wrapper.
 * @csspart label - Every label.
 * @csspart input - The date inputs.
 * @csspart button - Every button (also `reset`, `table-toggle`, `retry`).
 * @csspart plot - The box around the SVG.
 * @csspart chart - The SVG.
 * @csspart line - A subject's moving-average line.
 * @csspart markers - A subject's marks.
 * @csspart focus-point - The point under the keyboard.
 * @csspart tooltip - The tooltip.
 * @csspart hint - The keyboard instructions.
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
  /** First day shown (`YYYY-MM-DD`); the start of the school year by default. */
  @property() accessor from: string | undefined;
  /** Last day shown (`YYYY-MM-DD`); the end of the school year by default. */
  @property() accessor to: string | undefined;
  @state() protected accessor switchedOff: ReadonlySet<string> = new Set();
  @state() protected accessor active: Active | undefined;
  @state() protected accessor tipShown = false;
  @state() protected accessor tableShown = false;
  /** The page of the data table shown (0-based; kept within the pages there are). */
  @state() protected accessor tablePage = 0;
  @state() protected accessor width = 720;
  @state() protected accessor brush: { readonly x0: number; readonly x1: number } | undefined;
  @state() protected accessor announcement = '';

  readonly #data = new MarksController(this, {
    environment: () => this.environment,
    childId: () => this.childId,
    given: () => this.marks,
    describe: (error) =>
      describeFailure(error, { lang: this.language, now: this.now(), timeZone: this.timeZone }),
  });
  #seriesOf: { marks: readonly Mark[]; window: number; series: ChartSeries[] } | undefined;
  #drawn: DrawnSeries[] = [];
  #drawnFor: readonly unknown[] = [];
  #trends = new WeakMap<ChartSeries, { from: number; to: number; trend: Trend | null }>();
  #tableRows: { key: readonly unknown[]; rows: TableRow[] } | undefined;
  #view = { from: 0, to: 1 };
  #refocus = false;
  #resize: ResizeObserver | undefined;

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

  /** The whole period: the school year, else the span of the marks. */
  #fullRange(series: readonly ChartSeries[]): { from: number; to: number } {
    const year = this.schoolYear ?? this.#data.value?.year;
    if (year) return { from: dayMs(year.startDate), to: dayMs(year.endDate) };
    let from = Infinity;
    let to = -Infinity;
    for (const s of series) {
      from = Math.min(from, s.points[0]?.x ?? Infinity);
      to = Math.max(to, s.points[s.points.length - 1]?.x ?? -Infinity);
    }
    if (!Number.isFinite(from)) return { from: 0, to: DAY };
    return from === to ? { from: from - DAY, to: to + DAY } : { from, to };
  }

  /** Whether the date fields say a range that ends before it starts (then it is not applied). */
  get #rangeInvalid(): boolean {
    return Boolean(this.from && this.to && this.from > this.to);
  }

  #viewRange(series: readonly ChartSeries[]): { from: number; to: number } {
    const full = this.#fullRange(series);
    if (this.#rangeInvalid) return full;
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const from = this.from && iso.test(this.from) ? dayMs(this.from) : full.from;
    const to = this.to && iso.test(this.to) ? dayMs(this.to) : full.to;
    return to > from ? { from, to } : { from: from - DAY, to: from + DAY };
  }

  protected override render() {
    const lang = this.language;
    if (!this.marks) {
      const unavailable = this.renderUnavailable();
      if (unavailable) return unavailable;
      const blocked = this.#renderBlocked(lang);
      if (blocked) return blocked;
    }
    return html`${this.#renderFigure(lang)}
      <p class="diary-visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }

  #renderBlocked(lang: Lang) {
    const blocked = this.#data.blocked(lang);
    if (!blocked) return undefined;
    return html`<div class="diary-base" part="base" lang=${lang} data-state=${blocked.state}>
      ${this.#data.renderNotice(lang, blocked)}
    </div>`;
  }

  #renderFigure(lang: Lang) {
    const series = this.#series;
    if (series.length === 0)
      return html`<div class="diary-base" part="base" lang=${lang} data-state="empty">
        <p class="diary-notice" part="notice" role="status">${t(lang, 'empty')}</p>
      </div>`;
    const view = this.#viewRange(series);
    this.#view = view;
    const plotW = Math.max(40, this.width - MARGIN.left - MARGIN.right);
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const x = (ms: number) => MARGIN.left + ((ms - view.from) / (view.to - view.from)) * plotW;
    const y = (v: number) => MARGIN.top + ((5 - v) / 4) * plotH;
    const switchedOff = this.switchedOff;
    const visible = series.filter((s) => !switchedOff.has(s.subjectId));
    // Placing and thinning are redone only when what is drawn, or where, changes.
    const drawnFor = [series, switchedOff, view.from, view.to, this.width];
    if (drawnFor.some((v, i) => v !== this.#drawnFor[i])) {
      this.#drawnFor = drawnFor;
      this.#drawn = visible.map((s) => ({
        series: s,
        placed: placePoints(s, view.from, view.to, x, y, THIN_GAP),
      }));
    }
    const active = this.#activePoint();
    return html`<figure class="diary-base" part="base" lang=${lang} data-state="ready">
      <figcaption part="caption">
        <span class="diary-title">${t(lang, 'title')}</span>
        ${guard([lang, visible.length, ...visible, view.from, view.to], () =>
          this.#renderTrends(lang, visible, view),
        )}
      </figcaption>
      ${guard([lang, series, switchedOff, this.from, this.to], () =>
        this.#renderControls(lang, series),
      )}
      <div class="diary-plot" part="plot">
        <svg
          part="chart"
          role="graphics-document"
          aria-roledescription=${t(lang, 'chartRole')}
          aria-label=${t(lang, 'chart')}
          aria-describedby="keys"
          width=${this.width}
          height=${HEIGHT}
          viewBox="0 0 ${this.width} ${HEIGHT}"
          @keydown=${this.#onKeydown}
          @pointerdown=${this.#onPointerDown}
          @pointermove=${this.#onPointerMove}
          @pointerup=${this.#onPointerUp}
          @pointerleave=${this.#onPointerLeave}
          @focusin=${() => (this.tipShown = true)}
          @focusout=${this.#onFocusOut}
        >
          ${guard([lang, view.from, view.to, plotW], () =>
            this.#renderAxes(lang, view, x, y, plotW),
          )}
          ${this.#drawn.map((d) => guard([d], () => this.#renderSeries(d, view, x, y)))}
          ${
            this.brush
              ? svg`<rect class="diary-brush" x=${Math.min(this.brush.x0, this.brush.x1)} y=${MARGIN.top}
                width=${Math.abs(this.brush.x1 - this.brush.x0)} height=${plotH}></rect>`
              : nothing
          }
          ${active ? this.#renderFocusPoint(lang, active) : nothing}
        </svg>
        ${active ? this.#renderTooltip(lang, active) : nothing}
      </div>
      <p id="keys" class="diary-hint" part="hint">${t(lang, 'keys')}</p>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button table-toggle"
        aria-expanded=${this.tableShown ? 'true' : 'false'}
        aria-controls="data-table"
        @click=${this.#toggleTable}
      >
        ${t(lang, this.tableShown ? 'hideTable' : 'showTable')}
      </button>
      <div id="data-table">
        ${this.tableShown ? this.#renderTable(lang, visible, view) : nothing}
      </div>
    </figure>`;
  }

  #renderTrends(lang: Lang, visible: readonly ChartSeries[], view: { from: number; to: number }) {
    const sentences = visible.flatMap((s) => {
      const trend = this.#trendOf(s, view);
      if (!trend) return [];
      const params = {
        subject: s.subjectName,
        from: formatNumber(lang, trend.from, 1),
        to: formatNumber(lang, trend.to, 1),
      };
      const key =
        trend.direction === 'up'
          ? 'trendUp'
          : trend.direction === 'down'
            ? 'trendDown'
            : 'trendFlat';
      return [t(lang, key, params)];
    });
    if (sentences.length === 0)
      return html`<span class="diary-trend" part="trend">${t(lang, 'noTrend')}</span>`;
    return sentences.map((s) => html`<span class="diary-trend" part="trend">${s}</span>`);
  }

  /** A subject's trend over the view, kept until the series or the view changes. */
  #trendOf(series: ChartSeries, view: { from: number; to: number }): Trend | null {
    const kept = this.#trends.get(series);
    if (kept && kept.from === view.from && kept.to === view.to) return kept.trend;
    const trend = seriesTrend(series, view.from, view.to);
    this.#trends.set(series, { from: view.from, to: view.to, trend });
    return trend;
  }

  #renderControls(lang: Lang, series: readonly ChartSeries[]) {
    const error = this.#rangeInvalid ? errorMessage('date_order', { lang }) : undefined;
    const zoomed = Boolean(this.from || this.to);
    return html`<div class="diary-controls" part="controls">
      <div class="diary-toggles" role="group" aria-label=${t(lang, 'subjects')}>
        ${series.map((s) => {
          const on = !this.switchedOff.has(s.subjectId);
          return html`<button
            type="button"
            class="diary-toggle c${s.index % 8}"
            part="toggle"
            aria-pressed=${on ? 'true' : 'false'}
            data-subject=${s.subjectId}
            @click=${this.#onToggle}
          >
            <svg width="14" height="14" aria-hidden="true">
              <path class="diary-swatch" d=${markerPath(shapeOf(s.index), 7, 7, 5)}></path>
            </svg>
            ${s.subjectName}
          </button>`;
        })}
      </div>
      <div class="diary-range">
        ${renderDateField(lang, {
          id: 'from',
          label: t(lang, 'from'),
          value: this.from ?? '',
          onChange: (e: Event) => this.#setRange((e.target as HTMLInputElement).value, this.to),
        })}
        ${renderDateField(lang, {
          id: 'to',
          label: t(lang, 'to'),
          value: this.to ?? '',
          error,
          onChange: (e: Event) => this.#setRange(this.from, (e.target as HTMLInputElement).value),
        })}
        ${
          zoomed
            ? html`<button
                type="button"
                class="diary-button diary-button--secondary"
                part="button reset"
                @click=${() => this.#setRange(undefined, undefined)}
              >
                ${t(lang, 'reset')}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #renderAxes(
    lang: Lang,
    view: { from: number; to: number },
    x: (ms: number) => number,
    y: (v: number) => number,
    plotW: number,
  ) {
    const long = view.to - view.from > 75 * DAY;
    const format: Intl.DateTimeFormatOptions = long
      ? { month: 'short' }
      : { day: 'numeric', month: 'short' };
    const bottom = HEIGHT - MARGIN.bottom;
    return svg`<g class="diary-axis" aria-hidden="true">
      ${[1, 2, 3, 4, 5].map(
        (v) => svg`<line x1=${MARGIN.left} x2=${MARGIN.left + plotW} y1=${y(v)} y2=${y(v)}></line>
          <text x=${MARGIN.left - 8} y=${y(v) + 4} text-anchor="end">${v}</text>`,
      )}
      ${timeTicks(view.from, view.to).map(
        (
          tick,
        ) => svg`<line class="diary-tick" x1=${x(tick)} x2=${x(tick)} y1=${bottom} y2=${bottom + 4}></line>
          <text x=${x(tick)} y=${bottom + 18} text-anchor="middle">${formatDay(lang, isoDay(tick), format)}</text>`,
      )}
    </g>`;
  }

  #renderSeries(
    drawn: DrawnSeries,
    view: { from: number; to: number },
    x: (ms: number) => number,
    y: (v: number) => number,
  ) {
    const { series, placed } = drawn;
    const markers = markersPath(shapeOf(series.index), placed);
    return svg`<g class="diary-series c${series.index % 8}" data-subject=${series.subjectId} aria-hidden="true">
      <path class="diary-line" part="line" d=${linePath(series, view.from, view.to, x, y)}></path>
      <path class="diary-markers" part="markers" d=${markers}></path>
    </g>`;
  }

  /** The active point, kept within what is drawn (subjects switched off, zoom). */
  #activePoint(): { drawn: DrawnSeries; point: PlacedPoint; index: number } | undefined {
    const withPoints = this.#drawn.filter((d) => d.placed.length > 0);
    if (withPoints.length === 0) return undefined;
    const wanted = this.active;
    const drawn = withPoints.find((d) => d.series.subjectId === wanted?.subjectId) ?? withPoints[0];
    if (!drawn) return undefined;
    const index = Math.min(
      Math.max(wanted?.index ?? drawn.placed.length - 1, 0),
      drawn.placed.length - 1,
    );
    return { drawn, point: drawn.placed[index] as PlacedPoint, index };
  }

  #pointName(lang: Lang, series: ChartSeries, placed: PlacedPoint): string {
    const first = placed.point.first;
    const count = placed.point.count + placed.merged;
    let name = t(lang, 'point', {
      date: formatDay(lang, first.date),
      value: markValueText(lang, placed.point.value),
      kind: workKindName(lang, first.kind),
    });
    if (count > 1) name += ` (${plural(lang, count, MARK_FORMS[lang])})`;
    return t(lang, 'pointSubject', { point: name, subject: series.subjectName });
  }

  #renderFocusPoint(lang: Lang, active: { drawn: DrawnSeries; point: PlacedPoint }) {
    const { drawn, point } = active;
    const id = `${drawn.series.subjectId}:${point.point.x}:${point.point.value}`;
    return keyed(
      id,
      svg`<g class="diary-focus c${drawn.series.index % 8}" part="focus-point" tabindex="0" role="graphics-symbol"
        aria-roledescription=${t(lang, 'pointRole')} aria-label=${this.#pointName(lang, drawn.series, point)}>
        <circle class="diary-ring" cx=${point.px} cy=${point.py} r="9"></circle>
        <path class="diary-focus-marker" d=${markerPath(shapeOf(drawn.series.index), point.px, point.py, 6)}></path>
      </g>`,
    );
  }

  /** The moving average as of a day: its last point on or before it (binary search). */
  #movingAt(series: ChartSeries, x: number): number | undefined {
    const moving = series.moving;
    let lo = 0;
    let hi = moving.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((moving[mid] as { x: number }).x <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : (moving[lo - 1] as { y: number }).y;
  }

  #renderTooltip(lang: Lang, active: { drawn: DrawnSeries; point: PlacedPoint }) {
    const { drawn, point } = active;
    const first = point.point.first;
    const moving = this.#movingAt(drawn.series, point.point.x);
    const left = point.px + 12 > this.width - 180 ? point.px - 192 : point.px + 12;
    return html`<div
      class="diary-tip"
      part="tooltip"
      aria-hidden="true"
      ?hidden=${!this.tipShown}
      style="left:${left}px;top:${Math.max(0, point.py - 24)}px"
    >
      <strong>${drawn.series.subjectName}</strong>
      <span
        >${formatDay(lang, first.date, { day: 'numeric', month: 'long', year: 'numeric' })}</span
      >
      <span>${this.#pointName(lang, drawn.series, point).split(', ').slice(1, 3).join(', ')}</span>
      ${
        moving === undefined
          ? nothing
          : html`<span>${t(lang, 'moving', { average: formatNumber(lang, moving, 2) })}</span>`
      }
      ${point.point.count === 1 && first.comment ? html`<em>«${first.comment}»</em>` : nothing}
    </div>`;
  }

  /** The table's rows in date order (then subject), kept until the subjects or the view change. */
  #rowsOf(visible: readonly ChartSeries[], view: { from: number; to: number }): TableRow[] {
    const key = [view.from, view.to, ...visible];
    const kept = this.#tableRows;
    if (kept && kept.key.length === key.length && kept.key.every((k, i) => k === key[i]))
      return kept.rows;
    const rows: TableRow[] = [];
    for (const s of visible) {
      // The moving average as of each point's date: one walk along both, in date order.
      let m = 0;
      let moving: number | undefined;
      for (const p of s.points) {
        while (m < s.moving.length && (s.moving[m] as { x: number }).x <= p.x) {
          moving = (s.moving[m] as { y: number }).y;
          m += 1;
        }
        if (p.x < view.from || p.x > view.to) continue;
        for (const mark of p.marks) rows.push({ mark, series: s, moving });
      }
    }
    rows.sort((a, b) =>
      a.mark.date < b.mark.date
        ? -1
        : a.mark.date > b.mark.date
          ? 1
          : a.series.index - b.series.index,
    );
    this.#tableRows = { key, rows };
    return rows;
  }

  #renderTable(lang: Lang, visible: readonly ChartSeries[], view: { from: number; to: number }) {
    const rows = this.#rowsOf(visible, view);
    const pages = Math.max(1, Math.ceil(rows.length / TABLE_PAGE_SIZE));
    const page = Math.min(Math.max(0, this.tablePage), pages - 1);
    const start = page * TABLE_PAGE_SIZE;
    const shown = rows.slice(start, start + TABLE_PAGE_SIZE);
    const day = (ms: number) =>
      formatDay(lang, isoDay(ms), { day: 'numeric', month: 'long', year: 'numeric' });
    const status =
      rows.length === 0
        ? t(lang, 'noRows')
        : t(lang, 'rowsShown', {
            from: formatNumber(lang, start + 1),
            to: formatNumber(lang, start + shown.length),
            total: formatNumber(lang, rows.length),
          });
    return html`<table class="diary-table" part="table">
        <caption>
          ${t(lang, 'tableCaption', { from: day(view.from), to: day(view.to) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'colDate')}</th>
            <th scope="col">${t(lang, 'colSubject')}</th>
            <th scope="col">${t(lang, 'colMark')}</th>
            <th scope="col">${t(lang, 'colKind')}</th>
            <th scope="col">${t(lang, 'colWeight')}</th>
            <th scope="col">${t(lang, 'colMoving')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            ({ mark, series, moving }) =>
              html`<tr>
                <td>${formatDay(lang, mark.date)}</td>
                <td>${series.subjectName}</td>
                <td>${markValueText(lang, mark.value)}</td>
                <td>${workKindName(lang, mark.kind)}</td>
                <td>${formatNumber(lang, mark.weight)}</td>
                <td>${moving === undefined ? '' : formatNumber(lang, moving, 2)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${pages > 1 ? this.#renderPager(lang, page, pages) : nothing}
      <p class="diary-hint" part="table-status" role="status">${status}</p>`;
  }

  /** First, previous, next and last page: buttons that stay focusable at either end. */
  #renderPager(lang: Lang, page: number, pages: number) {
    const button = (label: string, to: number, off: boolean, part: string) =>
      html`<button
        type="button"
        class="diary-button diary-button--secondary"
        part="button ${part}"
        data-page=${to}
        aria-disabled=${off ? 'true' : 'false'}
        @click=${this.#onPage}
      >
        ${label}
      </button>`;
    return html`<nav class="diary-pager" part="pager" aria-label=${t(lang, 'pages')}>
      ${button(t(lang, 'firstPage'), 0, page === 0, 'page-first')}
      ${button(t(lang, 'previousPage'), page - 1, page === 0, 'page-previous')}
      ${button(t(lang, 'nextPage'), page + 1, page === pages - 1, 'page-next')}
      ${button(t(lang, 'lastPage'), pages - 1, page === pages - 1, 'page-last')}
    </nav>`;
  }

  #onPage = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    if (button.getAttribute('aria-disabled') === 'true') return;
    this.tablePage = Number(button.dataset['page']);
  };

  #onToggle = (event: Event): void => {
    const subjectId = (event.currentTarget as HTMLElement).dataset['subject'];
    if (subjectId) this.#toggle(subjectId);
  };

  #toggleTable = (): void => {
    this.tableShown = !this.tableShown;
  };

  #toggle(subjectId: string): void {
    const hidden = new Set(this.switchedOff);
    if (hidden.has(subjectId)) hidden.delete(subjectId);
    else hidden.add(subjectId);
    this.switchedOff = hidden;
    this.tablePage = 0;
    emit(this, 'diary-subjects-change', { hidden: [...hidden] });
  }

  #setRange(from: string | undefined, to: string | undefined): void {
    this.from = from || undefined;
    this.to = to || undefined;
    if (this.#rangeInvalid) return;
    this.tablePage = 0;
    const lang = this.language;
    const view = this.#viewRange(this.#series);
    const day = (ms: number) =>
      formatDay(lang, isoDay(ms), { day: 'numeric', month: 'long', year: 'numeric' });
    this.announcement = t(lang, 'zoomed', { from: day(view.from), to: day(view.to) });
    emit(this, 'diary-range-change', { from: this.from, to: this.to });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const current = this.#activePoint();
    if (!current) return;
    const withPoints = this.#drawn.filter((d) => d.placed.length > 0);
    const at = withPoints.indexOf(current.drawn);
    const last = current.drawn.placed.length - 1;
    let next: Active | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = {
          subjectId: current.drawn.series.subjectId,
          index: Math.min(last, current.index + 1),
        };
        break;
      case 'ArrowLeft':
        next = { subjectId: current.drawn.series.subjectId, index: Math.max(0, current.index - 1) };
        break;
      case 'Home':
        next = { subjectId: current.drawn.series.subjectId, index: 0 };
        break;
      case 'End':
        next = { subjectId: current.drawn.series.subjectId, index: last };
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const other = withPoints[
          (at + step + withPoints.length) % withPoints.length
        ] as DrawnSeries;
        next = {
          subjectId: other.series.subjectId,
          index: nearest(other.placed, current.point.px),
        };
        break;
      }
      case 'Escape':
        this.tipShown = false;
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.active = next;
    this.tipShown = true;
    this.#refocus = true;
  };

  #pointerX(event: PointerEvent): number {
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    return event.clientX - box.left;
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const px = this.#pointerX(event);
    this.brush = { x0: px, x1: px };
    // Keeps the drag when the pointer leaves the plot; a synthetic event has no pointer to capture.
    if (event.isTrusted) (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  };

  #onPointerMove = (event: PointerEvent): void => {
    const px = this.#pointerX(event);
    if (this.brush) {
      this.brush = { ...this.brush, x1: px };
      return;
    }
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const py = event.clientY - box.top;
    let best: { active: Active; distance: number } | undefined;
    for (const d of this.#drawn) {
      const i = nearest(d.placed, px);
      const p = d.placed[i];
      if (!p) continue;
      const distance = Math.hypot(p.px - px, p.py - py);
      if (!best || distance < best.distance)
        best = { active: { subjectId: d.series.subjectId, index: i }, distance };
    }
    if (best && best.distance <= 24) {
      this.active = best.active;
      this.tipShown = true;
    }
  };

  #onPointerUp = (event: PointerEvent): void => {
    const brush = this.brush;
    this.brush = undefined;
    if (!brush) return;
    const x1 = this.#pointerX(event);
    if (Math.abs(x1 - brush.x0) < 6) return;
    const plotW = Math.max(40, this.width - MARGIN.left - MARGIN.right);
    const toMs = (px: number) =>
      this.#view.from +
      ((Math.min(Math.max(px, MARGIN.left), MARGIN.left + plotW) - MARGIN.left) / plotW) *
        (this.#view.to - this.#view.from);
    const a = isoDay(toMs(Math.min(brush.x0, x1)));
    const b = isoDay(toMs(Math.max(brush.x0, x1)));
    this.#setRange(a, b === a ? isoDay(dayMs(a) + DAY) : b);
  };

  #onPointerLeave = (): void => {
    if (!this.renderRoot.querySelector('.diary-focus:focus')) this.tipShown = false;
  };

  #onFocusOut = (): void => {
    if (!this.#refocus) this.tipShown = false;
  };

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

  /** Follows the width of the plot's box (the SVG is drawn in pixels, so text keeps its size). */
  #observeSize(): void {
    const plot = this.renderRoot.querySelector<HTMLElement>('.diary-plot');
    if (!plot || this.#resize || typeof ResizeObserver === 'undefined') return;
    this.#resize = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      if (width > 0 && Math.abs(width - this.width) > 1) this.width = width;
    });
    this.#resize.observe(plot);
    const width = Math.round(plot.clientWidth);
    if (width > 0) this.width = width;
  }
}

/** The index of the placed point nearest to a pixel column (binary search; points are in x order). */
function nearest(placed: readonly PlacedPoint[], px: number): number {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((placed[mid] as PlacedPoint).px < px) lo = mid + 1;
    else hi = mid;
  }
  const before = placed[lo - 1];
  if (before && Math.abs(before.px - px) <= Math.abs((placed[lo] as PlacedPoint).px - px))
    return lo - 1;
  return lo;
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
