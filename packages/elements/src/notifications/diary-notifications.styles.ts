import { css } from 'lit';

/** Styles of the notifications: the feed, its items, the bell and the settings panel. */
export const notificationsStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
  }
  .diary-toolbar,
  .diary-feed-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-toolbar .diary-heading {
    margin: 0;
  }
  .diary-subheading {
    font-size: 1.25em;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  .diary-feed,
  .diary-threshold-list {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .diary-item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    overflow-wrap: anywhere;
  }
  .diary-item--unread {
    background: var(--_surface);
    border-inline-start: 6px solid var(--_primary);
  }
  .diary-item p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .diary-item-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-item-title {
    font-weight: 700;
  }
  .diary-item-body {
    white-space: pre-line;
  }
  .diary-dot {
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--_primary);
    margin-inline-end: 0.4em;
  }
  .diary-bell-box {
    position: relative;
    display: inline-block;
  }
  .diary-bell {
    position: relative;
    min-width: var(--_control-height);
    padding-inline: var(--_space);
  }
  .diary-badge {
    position: absolute;
    inset-block-start: -6px;
    inset-inline-end: -6px;
    min-width: 1.5em;
    padding: 0 0.35em;
    border-radius: 0.75em;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.5em;
    text-align: center;
  }
  .diary-popup {
    position: absolute;
    inset-inline-end: 0;
    z-index: 10;
    width: min(26rem, calc(100vw - 2 * var(--_space)));
    max-height: 70vh;
    overflow-y: auto;
    border: 1px solid var(--_border);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    box-sizing: border-box;
  }
  .diary-popup[hidden] {
    display: none;
  }
  .diary-kind {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .diary-kind .diary-radios {
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .diary-threshold-list li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .diary-threshold-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: flex-end;
  }
  select.diary-input {
    max-width: 100%;
  }
`;
