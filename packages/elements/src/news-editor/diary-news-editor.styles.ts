import { css } from 'lit';

/** Styles of the news editor: the form beside its preview, the list of published items. */
export const newsEditorStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .diary-desk {
    display: grid;
    gap: calc(var(--_space) * 3);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    align-items: start;
  }
  .diary-form {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .diary-group {
    display: grid;
    gap: var(--_space);
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
  }
  .diary-times {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .diary-filter {
    display: flex;
    flex-direction: column;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
  }
  .diary-preview {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .diary-item-date,
  .diary-kind {
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
  .diary-items {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-items > li {
    display: grid;
    gap: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .diary-item-title {
    font-weight: 700;
  }
  .diary-confirm {
    display: grid;
    gap: var(--_space);
  }
  .diary-confirm p {
    margin: 0;
  }
  #list-title:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
