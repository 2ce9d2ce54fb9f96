import { css } from 'lit';

/** Styles of the application: cards, the timeline of steps, activation and the apply form. */
export const applicationStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
  }
  .diary-application,
  .diary-apply {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-subheading {
    font-size: 1.1em;
    margin: 0 0 var(--_space);
  }
  .diary-facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-facts dd {
    margin: 0;
    font-weight: 700;
  }
  .diary-timeline {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .diary-step {
    display: flex;
    gap: var(--_space);
    padding-block-end: calc(var(--_space) * 1.5);
    position: relative;
  }
  .diary-step:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-inline-start: 0.75em;
    inset-block: 1.75em 0;
    border-inline-start: 2px solid var(--_border);
  }
  .diary-step--done:not(:last-child)::before {
    border-inline-start-color: var(--_success);
  }
  .diary-step-mark {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    border: 2px solid var(--_border);
    background: var(--_bg);
    font-size: 0.875em;
    line-height: 1;
  }
  .diary-step--done .diary-step-mark {
    border-color: var(--_success);
    color: var(--_success);
  }
  .diary-step--current .diary-step-mark {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .diary-step--rejected .diary-step-mark {
    border-color: var(--_error);
    color: var(--_error);
  }
  .diary-step-body {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .diary-step-name {
    font-weight: 700;
  }
  .diary-step--next .diary-step-name,
  .diary-step-date {
    color: var(--_muted);
  }
  .diary-step-reason,
  .diary-step-todo {
    margin-block-start: calc(var(--_space) / 2);
  }
  .diary-step-reason {
    color: var(--_error);
    font-weight: 700;
  }
  .diary-activate {
    margin-block-start: var(--_space);
  }
  .diary-button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .diary-earlier summary {
    cursor: pointer;
    font-weight: 700;
    padding-block: var(--_space);
  }
  .diary-earlier summary:focus-visible {
    outline: 3px solid var(--_focus);
  }
`;
