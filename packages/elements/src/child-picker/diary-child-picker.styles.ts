import { css } from 'lit';

/** Styles of the child picker: a label and a select on one line, wrapping on a phone. */
export const childPickerStyles = css`
  .diary-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
  }
  .diary-picker .diary-label {
    margin: 0;
  }
  .diary-picker .diary-input {
    inline-size: auto;
    max-inline-size: 100%;
    min-inline-size: 12em;
  }
`;
