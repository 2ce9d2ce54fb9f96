import { css } from 'lit';

/** Styles of the news widget: the list of cards, an item in full, its picture. */
export const newsStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-filter {
    display: flex;
    flex-direction: column;
    max-inline-size: 16rem;
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-items {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-items > li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-items > li > :not(.diary-thumb) {
    grid-column: 2;
  }
  .diary-items > li:not(:has(.diary-thumb)) > * {
    grid-column: 1 / -1;
  }
  .diary-thumb {
    grid-row: span 3;
    inline-size: 4.5rem;
    block-size: auto;
    border-radius: var(--_radius);
  }
  .diary-kind {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-item-title {
    font: inherit;
    font-weight: 700;
    text-align: start;
    color: var(--_primary);
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 24px;
    text-decoration: underline;
    cursor: pointer;
  }
  .diary-item-title:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-item-date {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .diary-facts {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
  }
  .diary-facts dt {
    font-weight: 700;
  }
  .diary-facts dd {
    margin: 0;
  }
  .diary-image {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--_radius);
    margin: var(--_space) 0;
  }
  .diary-article #back {
    margin-block-end: var(--_space);
  }
`;
