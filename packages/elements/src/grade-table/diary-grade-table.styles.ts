import { css } from 'lit';

/**
 * The grade table beyond the shared controls. The host is a size container: under 40rem of its
 * own width (a phone, or a narrow column of a school site) every row becomes a stacked card whose
 * cells carry their column's name.
 */
export const gradeTableStyles = css`
  :host {
    container: diary-grade-table / inline-size;
  }
  [hidden] {
    display: none !important;
  }
  .diary-toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-filters-fold {
    flex-basis: 100%;
  }
  .diary-filters-fold > summary {
    display: inline-flex;
    align-items: center;
    list-style: none;
    cursor: pointer;
  }
  .diary-filters-fold > summary::-webkit-details-marker {
    display: none;
  }
  .diary-filters-fold > summary::before {
    content: '';
    inline-size: 0.45em;
    block-size: 0.45em;
    margin-inline-end: 0.6em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  .diary-filters-fold[open] > summary::before {
    transform: rotate(45deg);
  }
  .diary-filters-fold[open] > .diary-filters {
    margin-block-start: calc(var(--_space) * 2);
  }
  .diary-filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    border: 0;
    padding: 0;
    margin: 0;
  }
  .diary-filters > legend {
    float: left;
    width: 100%;
  }
  /* The fold's summary already names the filters. */
  .diary-filters-fold .diary-filters > legend {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .diary-filter .diary-input {
    min-height: 40px;
    width: auto;
    max-width: 16em;
  }
  .diary-actions {
    margin: 0;
  }
  .diary-radio input {
    width: 20px;
    height: 20px;
  }
  .diary-scroll {
    position: relative;
    overflow-x: auto;
  }
  .diary-table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.125em;
    padding: 0 0 var(--_space);
  }
  .diary-caption-count {
    font-weight: 400;
    color: var(--_muted);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface);
    white-space: nowrap;
  }
  /* The marks get the room; the number columns take only what their figures need. */
  .diary-table [part~='cell-marks'],
  .diary-table [part~='header-marks'] {
    inline-size: 100%;
    min-inline-size: 12em;
  }
  .diary-table thead th:not([part~='header-marks']) {
    white-space: normal;
    min-inline-size: 5.5em;
  }
  tbody th {
    font-weight: 700;
  }
  .diary-sort {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font: inherit;
    font-weight: 700;
    color: inherit;
    background: none;
    border: 0;
    padding: 0.25em;
    cursor: pointer;
  }
  .diary-sort-icon {
    color: var(--_primary);
    font-size: 0.85em;
  }
  .diary-sort:focus-visible,
  .diary-marks button:focus-visible,
  .diary-calc-toggle:focus-visible,
  .diary-radio input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-subject {
    display: block;
  }
  .diary-calc-toggle {
    font-size: 0.875em;
    font-weight: 400;
  }
  .diary-marks {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .diary-marks button {
    min-width: 2em;
    min-height: 2em;
    font: inherit;
    font-weight: 700;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 0.3em;
    cursor: help;
  }
  .diary-marks button[data-weight]::after {
    content: attr(data-weight);
    vertical-align: sub;
    font-size: 0.65em;
    font-weight: 400;
    color: var(--_muted);
    margin-left: 1px;
  }
  .diary-mark--comment button {
    border-top-right-radius: 0;
    box-shadow: inset -4px 4px 0 -2px var(--_primary);
  }
  .diary-mark--low button,
  .diary-mark-sample {
    color: var(--_error);
    border: 2px dashed var(--_error);
  }
  .diary-mark-sample--comment {
    color: var(--_text);
    border: 1px solid var(--_border);
    text-decoration: none;
    border-top-right-radius: 0;
    box-shadow: inset -4px 4px 0 -2px var(--_primary);
  }
  .diary-legend-list {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-legend-list .diary-mark-sample {
    margin-inline-end: 0.4em;
  }
  .diary-mark-sample {
    display: inline-block;
    padding: 0 0.4em;
    border-radius: 4px;
    font-weight: 700;
  }
  .diary-low {
    color: var(--_error);
    font-weight: 700;
  }
  .diary-low-flag {
    display: inline-block;
    margin-left: 0.3em;
    padding: 0 0.4em;
    border-radius: 50%;
    color: var(--_bg);
    background: var(--_error);
  }
  .diary-delta {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .diary-tip {
    position: absolute;
    z-index: 1;
    max-width: 18em;
    white-space: pre-line;
    padding: calc(var(--_space) / 2) var(--_space);
    color: var(--_bg);
    background: var(--_text);
    border-radius: 4px;
    font-size: 0.875em;
    pointer-events: none;
  }
  .diary-tip-class {
    margin-block-start: calc(var(--_space) / 2);
    white-space: normal;
  }
  .diary-tip-bar {
    display: inline-block;
    block-size: 0.6em;
    max-inline-size: 8em;
    background: currentColor;
    vertical-align: middle;
  }
  .diary-calculator {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .diary-calculator .diary-field {
    margin-bottom: var(--_space);
  }
  .diary-paths {
    margin: 0;
  }
  @container diary-grade-table (max-width: 40rem) {
    .diary-table,
    .diary-table tbody,
    .diary-table tr,
    .diary-table th,
    .diary-table td {
      display: block;
    }
    .diary-table thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .diary-table thead th {
      border: 0;
      background: none;
      padding: 0;
    }
    .diary-table thead th:not([aria-sort]):not(:has(button)) {
      display: none;
    }
    .diary-table tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 var(--_space);
      padding: var(--_space);
    }
    .diary-table tbody th,
    .diary-table tbody td {
      border: 0;
      padding: calc(var(--_space) / 2) 0;
    }
    .diary-table tbody td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 700;
    }
  }
`;
