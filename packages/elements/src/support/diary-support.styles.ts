import { css } from 'lit';

/** Styles of support requests: the list, the forms, the conversation. */
export const supportStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-subheading {
    font-size: 1.1em;
    margin: var(--_space) 0;
  }
  .diary-tickets,
  .diary-messages,
  .diary-attachments {
    list-style: none;
    margin: calc(var(--_space) * 2) 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-ticket {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: calc(var(--_space) / 2) var(--_space);
    inline-size: 100%;
    text-align: start;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    cursor: pointer;
  }
  .diary-ticket:hover {
    border-color: var(--_primary);
  }
  .diary-ticket:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .diary-ticket-number {
    font-weight: 700;
  }
  .diary-ticket-date {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-status {
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) / 2);
    font-size: 0.875em;
    white-space: nowrap;
  }
  .diary-status--answered {
    color: var(--_success);
  }
  .diary-message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-message--mine {
    background: var(--_surface);
  }
  .diary-message-meta {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-message-text {
    margin: 0;
    white-space: pre-wrap;
  }
  .diary-textarea {
    block-size: auto;
    min-block-size: 6em;
    resize: vertical;
  }
  .diary-file {
    font: inherit;
    max-inline-size: 100%;
  }
  .diary-compose,
  .diary-reply {
    display: grid;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
  }
  .diary-button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
