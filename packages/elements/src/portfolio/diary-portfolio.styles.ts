import { css } from 'lit';

/** Styles of the portfolio: the search, the cards with their tags and comments, the form. */
export const portfolioStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-filters,
  .diary-item-form {
    display: grid;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
  }
  .diary-filters {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    align-items: end;
  }
  .diary-filters .diary-actions {
    grid-column: 1 / -1;
  }
  .diary-input {
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  select.diary-input {
    inline-size: 100%;
  }
  .diary-textarea {
    inline-size: 100%;
    resize: vertical;
  }
  .diary-file {
    font: inherit;
    max-inline-size: 100%;
  }
  .diary-items,
  .diary-tags,
  .diary-comments {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .diary-items {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin-block: calc(var(--_space) * 2);
  }
  .diary-item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
  }
  .diary-item-title {
    font-size: 1.1em;
    margin: 0;
  }
  .diary-item-meta {
    color: var(--_muted);
    margin: 0;
  }
  .diary-tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .diary-tag {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1em 0.7em;
    font-size: 0.875em;
  }
  .diary-comments {
    display: grid;
    gap: calc(var(--_space) / 2);
    border-inline-start: 3px solid var(--_primary);
    padding-inline-start: var(--_space);
  }
  .diary-comment p {
    margin: 0;
  }
  .diary-comment-form {
    display: grid;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .diary-comment-author {
    font-weight: 700;
  }
  .diary-check {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .diary-button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
