import { css } from 'lit';

/** Styles of the attendance widget: totals, per-subject and per-day lists, the report form. */
export const attendanceStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-filter {
    display: flex;
    flex-direction: column;
    max-inline-size: 20rem;
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-total {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-total dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-total dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  .diary-total--missed {
    border-color: var(--_primary);
  }
  .diary-subjects,
  .diary-days,
  .diary-notices {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-subjects > li,
  .diary-days > li,
  .diary-notices > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: baseline;
  }
  .diary-notices > li:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .diary-subject-name,
  .diary-day-date,
  .diary-notice-days {
    font-weight: 700;
  }
  .diary-subject-count {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .diary-chip {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 var(--_space);
    font-size: 0.875em;
  }
  .diary-day-lessons {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2);
    inline-size: 100%;
  }
  .diary-status--absent_unexcused {
    color: var(--_error);
    font-weight: 700;
  }
  .diary-notice-reason,
  .diary-notice-lessons {
    inline-size: 100%;
  }
  .diary-status--acknowledged {
    color: var(--_success);
    font-weight: 700;
  }
  .diary-status--submitted {
    color: var(--_muted);
  }
  .diary-report {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-dates {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .diary-fieldset {
    border: 0;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    min-inline-size: 0;
  }
  .diary-textarea {
    inline-size: 100%;
    box-sizing: border-box;
  }
  .diary-file {
    max-inline-size: 100%;
  }
  #report-open {
    margin-block-end: calc(var(--_space) * 2);
  }
`;
