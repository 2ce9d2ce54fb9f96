import { css } from 'lit';

/** Styles of the substitutions: the class and week choice, the days' lessons, the form. */
export const substitutionsStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .diary-nav {
    display: grid;
    gap: var(--_space);
  }
  .diary-nav .diary-field {
    max-inline-size: 16rem;
  }
  .diary-week-nav,
  .diary-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .diary-caption {
    margin: 0;
    font-weight: 600;
  }
  .diary-day {
    display: grid;
    gap: var(--_space);
  }
  .diary-lessons,
  .diary-changes {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .diary-lessons {
    display: grid;
    gap: var(--_space);
  }
  .diary-lesson {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
  }
  .diary-lesson.diary-substituted {
    border-color: var(--_warning);
    box-shadow: inset 4px 0 0 var(--_warning);
  }
  .diary-lesson-line {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .diary-slot,
  .diary-subject {
    font-weight: 600;
  }
  .diary-muted {
    color: var(--_muted);
  }
  .diary-parent-view {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .diary-badge {
    align-self: flex-start;
    color: var(--_warning);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 4px;
  }
  .diary-changes {
    padding-inline-start: 1.2em;
    list-style: disc;
  }
  .diary-form {
    display: grid;
    gap: var(--_space);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
    max-inline-size: 32rem;
  }
  .diary-form select,
  .diary-form textarea {
    inline-size: 100%;
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  .diary-preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .diary-lesson-error,
  .diary-remove-error {
    font-weight: 600;
  }
`;
