import { css } from 'lit';

/** Styles of the child picker: a label and a select on one line, wrapping on a phone. */
export const childPickerStyles = css`
  /* The theme's background behind every state, so dark text never sits on the page's colour. */
  :host {
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  :host > * {
    padding: var(--_space);
  }
  .diary-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
  }
  :host > p.diary-text {
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
