import type { Lang, Mark } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDay, isoDay } from '../shared/day-format';
import { formatNumber } from '../shared/plural';
import { markValueText, workKindName } from '../shared/work-kind-text';
import { timelineText as t } from './timeline-chart-text';
import type { ShownTrend } from './timeline-chart-trends';
import type { ChartSeries } from './timeline-model';

/** Rows of the data table per page: thousands of marks are read a hundred at a time. */
export const TABLE_PAGE_SIZE = 100;

/** One line of the data table: a mark, its subject and the moving average as of its date. */
export interface TableRow {
  readonly mark: Mark;
  readonly series: ChartSeries;
  readonly moving: number | undefined;
}

/** A date range of the chart, in milliseconds of calendar days. */
export interface ViewRange {
  readonly from: number;
  readonly to: number;
}

/** The marks of the given subjects within the view, in date order (then subject). */
export function tableRows(subjects: readonly ChartSeries[], view: ViewRange): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of subjects) {
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
  return rows.sort((a, b) =>
    a.mark.date < b.mark.date
      ? -1
      : a.mark.date > b.mark.date
        ? 1
        : a.series.index - b.series.index,
  );
}

/** What the table view shows and where its page buttons report. */
export interface TableViewOptions {
  readonly lang: Lang;
  readonly view: ViewRange;
  /** Every subject's trend over the view: the detail the caption sums up. */
  readonly trends: readonly ShownTrend[];
  readonly rows: readonly TableRow[];
  readonly page: number;
  readonly onPage: (event: Event) => void;
}

const longDay = (lang: Lang, ms: number) =>
  formatDay(lang, isoDay(ms), { day: 'numeric', month: 'long', year: 'numeric' });

const CHANGE = { up: 'changeUp', down: 'changeDown', flat: 'changeFlat' } as const;

/** Each subject's average at the start and now, the detail of the caption's short summary. */
function renderTrendTable({ lang, view, trends }: TableViewOptions) {
  return html`<table class="diary-table" part="trend-table">
    <caption>
      ${t(lang, 'trendsCaption', { from: longDay(lang, view.from), to: longDay(lang, view.to) })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t(lang, 'colSubject')}</th>
        <th scope="col">${t(lang, 'colStart')}</th>
        <th scope="col">${t(lang, 'colNow')}</th>
        <th scope="col">${t(lang, 'colChange')}</th>
      </tr>
    </thead>
    <tbody>
      ${trends.map(
        (trend) =>
          html`<tr data-subject=${trend.series.subjectId}>
            <th scope="row">${trend.series.subjectName}</th>
            <td>${trend.from}</td>
            <td>${trend.to}</td>
            <td>${t(lang, CHANGE[trend.direction])}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * The table view: each subject's trend, then the marks a hundred rows a page, with page buttons
 * and a polite «Строки 1–100 из N».
 */
export function renderTableView(options: TableViewOptions) {
  const { lang, view, rows } = options;
  const pages = Math.max(1, Math.ceil(rows.length / TABLE_PAGE_SIZE));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const start = page * TABLE_PAGE_SIZE;
  const shown = rows.slice(start, start + TABLE_PAGE_SIZE);
  const status =
    rows.length === 0
      ? t(lang, 'noRows')
      : t(lang, 'rowsShown', {
          from: formatNumber(lang, start + 1),
          to: formatNumber(lang, start + shown.length),
          total: formatNumber(lang, rows.length),
        });
  return html`${renderTrendTable(options)}
    <table class="diary-table" part="table">
      <caption>
        ${t(lang, 'tableCaption', { from: longDay(lang, view.from), to: longDay(lang, view.to) })}
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
    ${pages > 1 ? renderPager(lang, page, pages, options.onPage) : nothing}
    <p class="diary-hint" part="table-status" role="status">${status}</p>`;
}

/** First, previous, next and last page: buttons that stay focusable at either end. */
function renderPager(lang: Lang, page: number, pages: number, onPage: (event: Event) => void) {
  const button = (label: string, to: number, off: boolean, part: string) =>
    html`<button
      type="button"
      class="diary-button diary-button--secondary"
      part="button ${part}"
      data-page=${to}
      aria-disabled=${off ? 'true' : 'false'}
      @click=${onPage}
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
