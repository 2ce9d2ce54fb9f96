// Stories of <diary-grade-table> (Storybook, web-components renderer), over the SDK's in-memory
// client, signed in as the demo parent: Мария's marks; `client.memory.addMark(...)` shows a live mark.
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

const parent = () => createMemoryClient({ latencyMs: 300 });

export default {
  title: 'Widgets/diary-grade-table',
  component: 'diary-grade-table',
};

export const Russian = {
  render: () =>
    html`<diary-provider .client=${parent()}
      ><diary-grade-table child-id="chd_maria"></diary-grade-table
    ></diary-provider>`,
};

export const English = {
  render: () =>
    html`<diary-provider .client=${parent()} lang="en"
      ><diary-grade-table child-id="chd_maria"></diary-grade-table
    ></diary-provider>`,
};

export const WholeYearWithThreshold = {
  render: () =>
    html`<diary-provider .client=${parent()}
      ><diary-grade-table child-id="chd_maria" period="year" threshold="4"></diary-grade-table
    ></diary-provider>`,
};

export const Dark = {
  render: () =>
    html`<diary-provider .client=${parent()} theme="dark"
      ><diary-grade-table child-id="chd_maria"></diary-grade-table
    ></diary-provider>`,
};

export const Phone = {
  render: () =>
    html`<div style="max-width: 360px">
      <diary-provider .client=${parent()}
        ><diary-grade-table child-id="chd_maria"></diary-grade-table
      ></diary-provider>
    </div>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}
      ><diary-grade-table child-id="chd_maria"></diary-grade-table
    ></diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
};
