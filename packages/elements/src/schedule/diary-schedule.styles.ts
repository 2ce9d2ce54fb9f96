import { css } from 'lit';

/** Styles of the timetable: navigation, the grid, substitutions, the day view and history. */
export const scheduleStyles = css`
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
  /* Every day's column as wide as the others: none squashed by a neighbour's long homework. */
  .diary-week {
    table-layout: fixed;
    min-width: 40em;
  }
  .diary-week .diary-slot-column {
    width: 6.5em;
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
  /* A substitution is news, not a fault: its own solid frame in the warning colour, never the
     red dashed border of a mark below the threshold. */
  .diary-substituted {
    box-shadow: inset 0 0 0 3px var(--_warning);
  }
  .diary-day > li.diary-substituted {
    border-color: var(--_warning);
  }
  .diary-badge {
    align-self: flex-start;
    color: var(--_warning);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 4px;
  }
  .diary-substitution {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .diary-homework {
    margin: 4px 0 0;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 4px;
  }
  .diary-homework-label {
    font-weight: 700;
    margin-inline-end: 0.3em;
  }
  .diary-homework-label abbr {
    text-decoration: none;
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
