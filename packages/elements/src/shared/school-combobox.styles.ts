import { css } from 'lit';

/**
 * The school combobox's styles. The list lies over the fields below it rather than pushing them
 * down, so closing it when the box loses focus moves nothing: a press on a button below still
 * lands on that button.
 */
export const schoolComboboxStyles = css`
  .diary-combobox__box {
    position: relative;
  }
  .diary-listbox {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 1;
    list-style: none;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    max-width: 30em;
    max-height: 20em;
    overflow-y: auto;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
  }
  .diary-listbox[hidden] {
    display: none;
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
