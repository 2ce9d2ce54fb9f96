import { css } from 'lit';

/** Styles of the identity desk: the search form, the person found and the claims list. */
export const identityDeskStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  form {
    display: grid;
    gap: var(--_space);
    max-inline-size: 32rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .diary-person {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
  }
  .diary-person p,
  .diary-claim p {
    margin: 0;
  }
  .diary-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-claim {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
  }
`;
