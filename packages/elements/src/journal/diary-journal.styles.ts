import { css, unsafeCSS } from 'lit';
import { COLUMN_PX } from './journal-columns';

const column = unsafeCSS(`${COLUMN_PX}px`);

/** The journal's styles beyond the shared controls: the grid scrolls inside its own region. */
export const journalStyles = css`
  .legend {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--diary-spacing, 0.5rem) / 2);
    align-items: center;
    margin-block: var(--diary-spacing, 0.5rem);
  }
  .keypad {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .keypad .diary-button {
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
  }
  .unsaved {
    color: var(--_warning);
  }
  .region {
    max-inline-size: 100%;
    overflow: auto;
    max-block-size: 70vh;
    border: 1px solid var(--_border);
    overscroll-behavior-inline: contain;
  }
  /* Separate borders (each cell draws its end and bottom ones) keep every lesson column exactly
     one width wide, spacers included, and stay drawn on the sticky cells. */
  table {
    background: var(--_bg);
    color: var(--_text);
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    box-sizing: border-box;
    border: 0 solid var(--_border);
    border-inline-end-width: 1px;
    border-block-end-width: 1px;
    padding: 0.25rem 0.125rem;
    inline-size: ${column};
    min-inline-size: ${column};
    max-inline-size: ${column};
    block-size: 2.25rem;
    text-align: center;
    overflow-wrap: anywhere;
  }
  td.gap {
    padding: 0;
  }
  thead th,
  thead td {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface);
    z-index: 1;
    font-weight: 600;
  }
  th.name,
  th.corner {
    position: sticky;
    inset-inline-start: 0;
    background: var(--_surface);
    text-align: start;
    z-index: 2;
    inline-size: 11rem;
    min-inline-size: 11rem;
    max-inline-size: 11rem;
    padding-inline: 0.25rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  td.final,
  th.final-head {
    position: sticky;
    inset-inline-end: 0;
    background: var(--_surface);
    border-inline-start-width: 1px;
    z-index: 2;
    inline-size: auto;
    min-inline-size: 8rem;
    max-inline-size: none;
    padding-inline: 0.25rem;
    white-space: nowrap;
  }
  th.corner,
  th.final-head {
    z-index: 3;
  }
  /* On a phone the names narrow and the final column scrolls with the lessons, leaving room. */
  @media (max-width: 40rem) {
    th.name,
    th.corner {
      inline-size: 7rem;
      min-inline-size: 7rem;
      max-inline-size: 7rem;
    }
    td.final,
    th.final-head {
      position: static;
    }
    /* Its head still sticks to the top, with the other heads, but not to the end. */
    th.final-head {
      position: sticky;
      inset-inline-end: auto;
    }
  }
  th.lesson.test {
    color: var(--_primary);
  }
  .weight {
    font-size: 0.75rem;
    margin-inline-start: 0.125rem;
  }
  td:focus,
  th:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  td.pending {
    font-style: italic;
  }
  td.conflict,
  td.invalid {
    background: var(--_error-bg);
    color: var(--_error);
    font-weight: 600;
  }
  td.editing {
    padding: 0;
  }
  .entry {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 2.25rem;
    font: inherit;
    text-align: center;
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_text);
  }
  td.final {
    text-align: start;
  }
  .final-mark {
    margin-inline-start: 0.5rem;
  }
  .suggested {
    margin-inline: 0.5rem;
    color: var(--_muted);
  }
  .confirm {
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 1px solid var(--_primary);
    border-radius: var(--diary-radius, 0.25rem);
    min-block-size: 2rem;
  }
  .lesson-panel {
    display: grid;
    gap: 0.25rem;
    padding: var(--diary-spacing, 0.5rem);
    margin-block: var(--diary-spacing, 0.5rem);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .lesson-form,
  .homework,
  .homework-item,
  .homework-new {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .homework {
    margin: 0;
    padding: 0.5rem;
    border: 1px solid var(--_border);
  }
  .homework-files {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .homework-files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  .homework textarea,
  .homework input {
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  .lesson-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .status {
    min-block-size: 1.5em;
  }
`;
