// Stories of <diary-schedule> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: 5 А's week of 23–27 November 2026 with a substitution.
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

const parent = () => createMemoryClient({ signedInAs: 'parent', latencyMs: 300 });

export default {
  title: 'Widgets/diary-schedule',
  component: 'diary-schedule',
  parameters: {
    docs: {
      description: {
        component:
          "The timetable of a child's class by ISO week; the in-memory demo has 5 А in 2026-W48.",
      },
    },
  },
};

export const Week = {
  render: () =>
    html`<diary-provider .client=${parent()}>
      <diary-schedule child-id="chd_maria" week="2026-W48" layout="week"></diary-schedule>
    </diary-provider>`,
};

export const DayViewEnglish = {
  render: () =>
    html`<diary-provider .client=${parent()} lang="en">
      <diary-schedule child-id="chd_maria" week="2026-W48" layout="day"></diary-schedule>
    </diary-provider>`,
};

export const Dark = {
  render: () =>
    html`<diary-provider .client=${parent()} theme="dark">
      <diary-schedule child-id="chd_maria" week="2026-W48"></diary-schedule>
    </diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
      <diary-schedule child-id="chd_maria"></diary-schedule>
    </diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-schedule child-id="chd_maria"></diary-schedule>`,
};
