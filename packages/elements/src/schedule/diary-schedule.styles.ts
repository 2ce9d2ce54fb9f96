import { css } from 'lit';

/** Styles of the timetable: navigation, the grid, substitutions, the day view and history. */
export const scheduleStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
  }
  .diary-week-nav,
  .diary-layout,
  .diary-days,
  .diary-goto-row,
  .diary-history-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-end;
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-goto {
    display: flex;
    flex-direction: column;
  }
  .diary-scroll {
    overflow-x: auto;
  }
  .diary-scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .diary-grid {
    border-collapse: collapse;
    width: 100%;
  }
  .diary-grid caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--_space);
  }
  .diary-grid th,
  .diary-grid td {
    border: 1px solid var(--_border);
    padding: var(--_space);
    vertical-align: top;
    text-align: start;
  }
  .diary-grid th {
    background: var(--_surface);
  }
  .diary-grid th.diary-today {
    box-shadow: inset 0 -4px 0 var(--_primary);
  }
  .diary-lesson {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .diary-subject,
  .diary-slot {
    font-weight: 700;
  }
  .diary-muted {
    color: var(--_muted);
  }
  .diary-substituted {
    outline: 3px dashed var(--diary-color-warning, var(--_error));
    outline-offset: -4px;
  }
  .diary-badge {
    align-self: flex-start;
    color: var(--_error);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 4px;
  }
  .diary-substitution {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .diary-homework {
    margin-block-start: 4px;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 4px;
  }
  .diary-homework-label {
    font-weight: 700;
  }
  .diary-day {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-day > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-subheading {
    font-size: 1.1em;
    margin: var(--_space) 0;
  }
  .diary-button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .diary-history {
    margin-block-start: calc(var(--_space) * 3);
  }
  .diary-history summary {
    cursor: pointer;
    font-weight: 700;
    padding-block: var(--_space);
  }
  .diary-history summary:focus-visible {
    outline: 3px solid var(--_focus);
  }
`;
