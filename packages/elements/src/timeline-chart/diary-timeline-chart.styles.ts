import { css } from 'lit';

/**
 * The chart beyond the shared controls: eight subject colours (each with ≥ 3:1 contrast on the
 * theme's background; lighter ones in the dark theme), the axis, the focus ring and the tooltip.
 * Transitions go under `prefers-reduced-motion: reduce`.
 */
export const timelineChartStyles = css`
  :host {
    --_c0: var(--diary-chart-1, #0d4cd3);
    --_c1: var(--diary-chart-2, #c8102e);
    --_c2: var(--diary-chart-3, #0b7a3b);
    --_c3: var(--diary-chart-4, #8a4f00);
    --_c4: var(--diary-chart-5, #6b2fa0);
    --_c5: var(--diary-chart-6, #006e7f);
    --_c6: var(--diary-chart-7, #a3006b);
    --_c7: var(--diary-chart-8, #4e5b69);
  }
  :host([theme='dark']) {
    --_c0: var(--diary-chart-1, #8fb1ff);
    --_c1: var(--diary-chart-2, #ff9aa8);
    --_c2: var(--diary-chart-3, #7fdca6);
    --_c3: var(--diary-chart-4, #f0b86e);
    --_c4: var(--diary-chart-5, #caa2f0);
    --_c5: var(--diary-chart-6, #6fd6e6);
    --_c6: var(--diary-chart-7, #f59bd0);
    --_c7: var(--diary-chart-8, #c3ccd6);
  }
  [hidden] {
    display: none !important;
  }
  /* The figure keeps the one outer padding every widget has (theme), without its own margin. */
  .diary-base {
    margin: 0;
  }
  /* A phone: the plot takes the width, the controls come under it. */
  .diary-base--narrow .diary-controls {
    margin: var(--_space) 0;
  }
  .diary-base--narrow .diary-range {
    width: 100%;
  }
  .diary-base--narrow .diary-range .diary-filter {
    flex: 1 1 8em;
  }
  .diary-base--narrow .diary-range .diary-input {
    width: 100%;
  }
  figcaption {
    margin: 0 0 var(--_space);
  }
  .diary-title {
    display: block;
    font-weight: 700;
    font-size: 1.125em;
  }
  .diary-trend {
    display: block;
  }
  .c0 {
    --c: var(--_c0);
  }
  .c1 {
    --c: var(--_c1);
  }
  .c2 {
    --c: var(--_c2);
  }
  .c3 {
    --c: var(--_c3);
  }
  .c4 {
    --c: var(--_c4);
  }
  .c5 {
    --c: var(--_c5);
  }
  .c6 {
    --c: var(--_c6);
  }
  .c7 {
    --c: var(--_c7);
  }
  .diary-controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-end;
    margin: 0 0 var(--_space);
  }
  .diary-toggles {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .diary-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 36px;
    padding: 0 0.6em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--c);
    border-radius: 18px;
    cursor: pointer;
  }
  /* Not chosen: drawn as a faint line; the toggle is quiet but readable. */
  .diary-toggle[aria-pressed='false'] {
    border-color: var(--_border);
  }
  .diary-toggle[aria-pressed='false'] .diary-swatch {
    fill: none;
    stroke: var(--c);
  }
  .diary-swatch {
    fill: var(--c);
  }
  .diary-range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-end;
  }
  .diary-range .diary-input {
    min-height: 40px;
    width: auto;
  }
  .diary-range .diary-button {
    min-height: 40px;
  }
  .diary-show-all,
  .diary-subjects-button {
    min-height: 36px;
  }
  .diary-plot {
    position: relative;
    width: 100%;
  }
  svg[part='chart'] {
    display: block;
    touch-action: pan-y;
    user-select: none;
    cursor: crosshair;
  }
  .diary-axis line {
    stroke: var(--_border);
    stroke-opacity: 0.35;
  }
  .diary-axis .diary-tick {
    stroke-opacity: 1;
  }
  .diary-axis text {
    fill: var(--_muted);
    font-size: 12px;
  }
  .diary-line {
    fill: none;
    stroke: var(--c);
    stroke-width: 2.5;
    stroke-linejoin: round;
    transition: d 250ms ease-out;
  }
  .diary-context .diary-line {
    stroke: var(--_muted);
    stroke-width: 1.25;
    stroke-opacity: 0.45;
  }
  .diary-markers {
    fill: var(--c);
    fill-opacity: 0.75;
    transition: d 250ms ease-out;
  }
  .diary-brush {
    fill: var(--_primary);
    fill-opacity: 0.15;
    stroke: var(--_primary);
  }
  .diary-focus {
    outline: none;
  }
  .diary-ring {
    fill: var(--_bg);
    fill-opacity: 0.6;
    stroke: var(--c);
    stroke-width: 2;
  }
  .diary-focus:focus .diary-ring {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .diary-focus-marker {
    fill: var(--c);
  }
  .diary-tip {
    position: absolute;
    z-index: 1;
    display: flex;
    flex-direction: column;
    width: 180px;
    padding: calc(var(--_space) / 2) var(--_space);
    color: var(--_bg);
    background: var(--_text);
    border-radius: 4px;
    font-size: 0.875em;
    pointer-events: none;
    transition: opacity 150ms;
  }
  .diary-hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-table {
    border-collapse: collapse;
    margin-top: var(--_space);
  }
  .diary-table caption {
    text-align: start;
    font-weight: 700;
  }
  .diary-table th,
  .diary-table td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .diary-pager {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }
  .diary-pager [aria-disabled='true'] {
    opacity: 0.55;
    cursor: default;
  }
  @media (prefers-reduced-motion: reduce) {
    .diary-line,
    .diary-markers,
    .diary-tip {
      transition: none;
    }
  }
`;
