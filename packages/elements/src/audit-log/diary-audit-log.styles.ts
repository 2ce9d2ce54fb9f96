import { css } from 'lit';

/** Styles of the audit log: the filter row, the table in its scrolling region, the pager. */
export const auditLogStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
  }
  .diary-filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }
  .diary-filter {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    max-inline-size: 16rem;
  }
  .diary-region {
    overflow-x: auto;
    max-inline-size: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .diary-region:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .diary-table {
    border-collapse: collapse;
    inline-size: 100%;
    min-inline-size: 40rem;
  }
  .diary-table caption {
    text-align: start;
    padding: var(--_space);
    font-weight: 600;
  }
  .diary-table th,
  .diary-table td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_space) / 2) var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .diary-outcome--failure,
  .diary-outcome--denied {
    font-weight: 600;
  }
  .diary-pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  @media (max-width: 30rem) {
    .diary-filter {
      max-inline-size: none;
      inline-size: 100%;
    }
  }
`;
