import { css } from 'lit';

/** Styles of the child form beyond the shared controls: the school listbox and the steps. */
export const childFormStyles = css`
  [hidden] {
    display: none !important;
  }
  .diary-base {
    max-width: 40em;
  }
  .diary-combobox {
    position: relative;
  }
  .diary-listbox {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    max-width: 30em;
    max-height: 20em;
    overflow-y: auto;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .diary-option {
    display: flex;
    flex-direction: column;
    padding: var(--_space) calc(var(--_space) * 1.5);
    cursor: pointer;
    border-bottom: 1px solid var(--_surface);
  }
  .diary-option:hover,
  .diary-option--active {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .diary-option__meta {
    font-size: 0.875em;
  }
  .diary-combobox__status:empty {
    display: none;
  }
`;
