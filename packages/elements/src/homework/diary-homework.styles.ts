import { css } from 'lit';

/** Styles of the homework list: the toolbar, the days, the items and their states. */
export const homeworkStyles = css`
  .diary-base {
    overflow-wrap: anywhere;
  }
  .diary-subheading {
    font-size: 1.1em;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  .diary-toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    align-items: end;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-toolbar fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .diary-toolbar .diary-radios {
    gap: var(--_space) calc(var(--_space) * 2);
    flex-wrap: wrap;
  }
  .diary-week {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-week-label {
    font-weight: 600;
    margin: 0;
  }
  .diary-select {
    min-height: var(--_control-height);
    max-inline-size: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
  }
  .diary-select:focus,
  .diary-tick input:focus-visible {
    outline: 3px solid var(--_focus);
  }
  /* Not the theme's two-column .diary-list: one piece of homework takes the whole width. */
  .diary-homework-list,
  .diary-files {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-homework {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .diary-homework--done {
    border-inline-start-color: var(--_success);
  }
  .diary-homework--overdue {
    border-inline-start-color: var(--_error);
  }
  .diary-homework p {
    margin: 0 0 var(--_space);
  }
  .diary-homework-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
  }
  .diary-homework-subject {
    font-weight: 700;
  }
  .diary-homework-due {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-homework-text {
    white-space: pre-line;
  }
  .diary-badge {
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) / 2);
    font-size: 0.875em;
  }
  .diary-badge--done {
    color: var(--_success);
  }
  .diary-badge--overdue {
    color: var(--_error);
  }
  .diary-files {
    margin: 0 0 var(--_space);
  }
  .diary-tick {
    display: inline-flex;
    gap: var(--_space);
    align-items: center;
    min-height: var(--_control-height);
    cursor: pointer;
  }
  .diary-tick input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .diary-overdue {
    margin: 0 0 calc(var(--_space) * 3);
  }
  .diary-alert {
    margin: calc(var(--_space) * 3) 0 0;
  }
  .diary-alert .diary-hint {
    margin: 0;
  }
`;
