import type { Lang, Mark } from '@school-diary/core';
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatNumber, plural } from '../shared/plural';
import { MARK_FORMS, markValueText } from '../shared/work-kind-text';
import { isBelow, type RowSort, type SubjectRow } from './grade-rows';
import { nextFinal, renderCalculator } from './grade-table-calculator';
import type { Previous } from './grade-table-data';
import { ABSENCE_FORMS, gradeTableText as t } from './grade-table-text';
import { markLabels } from './mark-labels';

/** Marks per separately kept run of a row's marks. */
const MARK_RUN = 16;

/** What the table of subjects draws from, and where the reader's choices go. */
export interface GridView {
  readonly lang: Lang;
  readonly rows: readonly SubjectRow[];
  /** The period's name, for the caption. */
  readonly periodName: string;
  readonly sort: RowSort;
  /** Last year's averages when the comparison column is on. */
  readonly compare: ReadonlyMap<string, Previous> | undefined;
  /** Subjects whose calculator is open. */
  readonly open: ReadonlySet<string>;
  /** Targets typed into the calculators, by subject. */
  readonly targets: Readonly<Record<string, string>>;
  readonly onSort: (key: RowSort['key']) => void;
  readonly onToggle: (subjectId: string) => void;
  readonly onTarget: (subjectId: string, text: string) => void;
}

/**
 * The table: a row per subject with its marks (one Tab stop for all of them; the arrow keys move
 * between marks, see `MarkGridKeys`), the averages, final mark, absences and last year's average.
 */
export function renderGrid(v: GridView) {
  const { lang, rows } = v;
  const total = rows.reduce((n, r) => n + r.marks.length, 0);
  const compare = Boolean(v.compare);
  return html`<table class="diary-table" part="table">
    <caption part="caption">
      ${t(lang, 'caption', { period: v.periodName })}
      <span class="diary-caption-count">· ${plural(lang, total, MARK_FORMS[lang])}</span>
    </caption>
    <thead>
      ${guard([lang, v.sort, compare], () => renderHead(v, compare))}
    </thead>
    <tbody>
      ${rows.map((row) =>
        // A row is drawn again only when its subject's marks (or what it shows of them) change.
        guard([row, lang, v.compare, v.open, v.targets], () => renderRow(v, row)),
      )}
    </tbody>
  </table>`;
}

function renderSortHeader(v: GridView, key: RowSort['key'], label: string, part: string) {
  const lang = v.lang;
  const sorted = v.sort.key === key ? v.sort.direction : undefined;
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
      @click=${() => v.onSort(key)}
    >
      ${label}<span class="diary-sort-icon" data-shape=${sorted ?? 'none'} aria-hidden="true"
        >${icon}</span
      ><span class="diary-visually-hidden">, ${state}</span>
    </button>
  </th>`;
}

function renderHead(v: GridView, compare: boolean) {
  const lang = v.lang;
  return html`<tr>
    ${renderSortHeader(v, 'subject', t(lang, 'colSubject'), 'header-subject')}
    <th scope="col" part="header header-marks">${t(lang, 'colMarks')}</th>
    ${renderSortHeader(v, 'average', t(lang, 'colWeighted'), 'header-average')}
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

function average(lang: Lang, value: number | null): string {
  return value === null ? t(lang, 'noAverage') : formatNumber(lang, value);
}

function renderRow(v: GridView, row: SubjectRow) {
  const lang = v.lang;
  const open = v.open.has(row.subjectId);
  const low = row.threshold !== undefined && row.weighted !== null && row.weighted < row.threshold;
  const columns = v.compare ? 7 : 6;
  const calcId = `calc-${row.subjectId}`;
  const next = nextFinal(row);
  return html`<tr part="row" data-subject=${row.subjectId}>
      <th scope="row" part="cell cell-subject" data-label=${t(lang, 'colSubject')}>
        <span class="diary-subject">${row.subjectName}</span>
        ${
          next
            ? html`<button
                type="button"
                class="diary-link diary-calc-toggle"
                part="button calculator-toggle"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${open ? calcId : nothing}
                @click=${() => v.onToggle(row.subjectId)}
              >
                ${t(lang, 'calculator', { mark: String(next.mark) })}
              </button>`
            : nothing
        }
      </th>
      <td part="cell cell-marks" data-label=${t(lang, 'colMarks')}>
        ${guard([row, lang], () => renderMarks(lang, row))}
      </td>
      <td
        part="cell cell-average ${low ? 'average-low' : ''}"
        class=${low ? 'diary-low' : ''}
        data-label=${t(lang, 'colWeighted')}
      >
        ${average(lang, row.weighted)}${
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
        ${average(lang, row.arithmetic)}
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
      ${v.compare ? renderPrevious(lang, v.compare.get(row.subjectName)) : nothing}
    </tr>
    ${
      open && next
        ? html`<tr part="row calculator-row">
            <td colspan=${columns} part="cell cell-calculator">
              ${renderCalculator({
                lang,
                row,
                id: calcId,
                typed: v.targets[row.subjectId],
                onInput: (text) => v.onTarget(row.subjectId, text),
              })}
            </td>
          </tr>`
        : nothing
    }`;
}

function renderPrevious(lang: Lang, entry: Previous | undefined) {
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

function renderMarks(lang: Lang, row: SubjectRow) {
  const threshold = row.threshold;
  // In runs of MARK_RUN marks, each drawn again only when one of its marks (or the language or
  // threshold) changed: a new mark at the end redraws the last run alone.
  const runs = [];
  for (let start = 0; start < row.marks.length; start += MARK_RUN) {
    const run = row.marks.slice(start, start + MARK_RUN);
    runs.push(guard([lang, threshold, ...run], () => renderMarkRun(lang, run, threshold)));
  }
  return html`<ul class="diary-marks" part="marks">
    ${runs}
  </ul>`;
}

/** A mark's classes: one attribute value, set in one step. */
function markClass(low: boolean, comment: boolean): string {
  if (low)
    return comment
      ? 'diary-mark diary-mark--low diary-mark--comment'
      : 'diary-mark diary-mark--low';
  return comment ? 'diary-mark diary-mark--comment' : 'diary-mark';
}

function renderMarkRun(lang: Lang, marks: readonly Mark[], threshold: number | undefined) {
  const labels = markLabels(lang);
  return marks.map((mark) => {
    const low = isBelow(mark, threshold);
    // A year has ~1,500 marks, so each is as few nodes and bindings as it can be: no whitespace
    // nodes (prettier would add them), one class value, and the value set as the button's text
    // (no child part, whose marker and text node cost a node each). The weight is drawn by CSS
    // from data-weight, and the visible value starts the accessible name. Every mark is out of
    // the Tab order but the one `MarkGridKeys` keeps at tabindex 0.
    // prettier-ignore
    return html`<li class=${markClass(low, Boolean(mark.comment))} part=${low ? 'mark mark-low' : 'mark'}><button
      type="button"
      tabindex="-1"
      data-id=${mark.id}
      data-weight=${labels.badge(mark.weight) ?? nothing}
      aria-label=${labels.label(mark, threshold)}
      .textContent=${markValueText(lang, mark.value)}
    ></button></li>`;
  });
}
