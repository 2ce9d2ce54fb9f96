import { css } from 'lit';

/** Styles of the upcoming tests widget: a day's heading and its cards. */
export const upcomingTestsStyles = css`
  .diary-base {
    padding: calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .diary-list {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .diary-test {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .diary-test-head {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: baseline;
    margin: 0;
    font-weight: 600;
  }
  .diary-test-kind {
    color: var(--_primary);
  }
  .diary-test-topic,
  .diary-test-facts {
    margin: 0;
  }
  .diary-test-facts {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
