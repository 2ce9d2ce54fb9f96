import { css } from 'lit';

/** Styles of the child form beyond the shared controls and the school combobox: the steps. */
export const childFormStyles = css`
  [hidden] {
    display: none !important;
  }
  .diary-base {
    max-width: 40em;
  }
`;
