// Stories of <diary-chat> (Storybook, web-components renderer), over the SDK's in-memory client
// signed in as the demo parent: Мария's teachers and the maths thread.
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

const parent = () => createMemoryClient({ signedInAs: 'parent', latencyMs: 300 });

export default {
  title: 'Widgets/diary-chat',
  component: 'diary-chat',
  parameters: {
    docs: {
      description: {
        component:
          "Conversations with a child's teachers; the in-memory demo has the maths thread.",
      },
    },
  },
};

export const Lists = {
  render: () =>
    html`<diary-provider .client=${parent()}>
      <diary-chat child-id="chd_maria"></diary-chat>
    </diary-provider>`,
};

export const OpenThread = {
  render: () =>
    html`<diary-provider .client=${parent()}>
      <diary-chat child-id="chd_maria" thread-id="thr_demo_maria_math"></diary-chat>
    </diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider .client=${parent()} lang="en" theme="dark">
      <diary-chat child-id="chd_maria" thread-id="thr_demo_maria_math"></diary-chat>
    </diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
      <diary-chat child-id="chd_maria"></diary-chat>
    </diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-chat child-id="chd_maria"></diary-chat>`,
};
