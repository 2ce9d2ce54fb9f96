import { css } from 'lit';

/** Styles of the chat: lists, the message history, pending states and the composer. */
export const chatStyles = css`
  .diary-subheading {
    font-size: 1.1em;
    margin: var(--_space) 0;
  }
  .diary-subheading:focus {
    outline: none;
  }
  .diary-lists {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
  }
  /* Grid and flex items may shrink below their text: a long preview ends in an ellipsis
     instead of widening its column over the teachers' list (found by the site's e2e test). */
  .diary-lists > *,
  .diary-items > li,
  .diary-thread-button {
    min-width: 0;
  }
  .diary-items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-items > li {
    display: flex;
    flex-direction: column;
    gap: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-thread-button {
    all: unset;
    display: flex;
    flex-direction: column;
    gap: 2px;
    cursor: pointer;
    color: var(--_text);
  }
  .diary-thread-button:focus-visible,
  .diary-log:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-strong {
    font-weight: 700;
  }
  .diary-muted {
    color: var(--_muted);
  }
  .diary-preview {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .diary-unread {
    align-self: flex-start;
    background: var(--_primary);
    color: var(--_on-primary);
    border-radius: 1em;
    padding: 0 0.6em;
    font-weight: 700;
  }
  .diary-log {
    height: var(--diary-chat-height, 28rem);
    overflow-y: auto;
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  /* What holds the messages (drawn one by one, see chat-message-nodes.ts) adds no box: each
     message is an item of the log's column. */
  .diary-messages {
    display: contents;
  }
  .diary-message {
    max-width: 85%;
    align-self: flex-start;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    border-inline-start: 4px solid var(--_border);
  }
  .diary-message--own {
    align-self: flex-end;
    border-inline-start-color: var(--_primary);
  }
  .diary-message--pending {
    border-style: dashed;
  }
  .diary-message--failed {
    border-inline-start-color: var(--_error);
    background: var(--_error-bg);
  }
  .diary-message p {
    margin: 0;
  }
  .diary-message-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .diary-meta,
  .diary-receipt {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .diary-attachments,
  .diary-files {
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
  }
  .diary-status {
    min-height: 1.5em;
    margin: var(--_space) 0;
  }
  .diary-composer {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    border: 2px dashed transparent;
    border-radius: var(--_radius);
    padding: 4px;
  }
  .diary-composer--drop {
    border-color: var(--_primary);
  }
  .diary-textarea {
    min-height: 5em;
    height: auto;
    resize: vertical;
    inline-size: 100%;
    max-inline-size: none;
    box-sizing: border-box;
  }
  .diary-icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    vertical-align: -0.2em;
    margin-inline-end: 0.3em;
    flex: none;
  }
  .diary-attach {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .diary-attach .diary-hint {
    margin: 0;
  }
  .diary-file-button {
    display: inline-flex;
    align-items: center;
    cursor: pointer;
  }
  .diary-button > .diary-icon {
    margin-inline-end: 0;
  }
  /* The native input is hidden; its focus shows on the button that is its label. */
  .diary-file:focus-visible + .diary-file-button {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-files > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space);
  }
  .diary-progress {
    inline-size: 8em;
    accent-color: var(--_primary);
  }
  .diary-composer > .diary-button[part~='send'] {
    align-self: flex-start;
  }
  .diary-send {
    align-self: flex-start;
  }
`;
