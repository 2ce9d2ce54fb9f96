// Stories of <diary-child-picker> (Storybook, web-components renderer), over the SDK's in-memory
// client: the demo parent has two children; the grade table below follows the chosen one.
import { demoFixtures } from '@school-diary/sdk/testing';
import type { MemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-child-picker',
  component: 'diary-child-picker',
  parameters: {
    docs: {
      description: {
        component:
          'Widgets without `child-id` inside the same provider show the child chosen here (the grade table below).',
      },
    },
  },
};

const inProvider = (client: MemoryClient, attributes: { lang?: string; theme?: string } = {}) =>
  html`<diary-provider
    .client=${client}
    lang=${attributes.lang ?? 'ru'}
    theme=${attributes.theme ?? 'light'}
    ><diary-child-picker></diary-child-picker><diary-grade-table></diary-grade-table
  ></diary-provider>`;

/** One family, one child: the picker names the child. */
function oneChild() {
  const fixtures = demoFixtures();
  return { ...fixtures, family: fixtures.family.filter((f) => f.childId !== 'chd_petr') };
}

/** A parent who has registered no child yet. */
function noChildren() {
  const fixtures = demoFixtures();
  return { ...fixtures, family: fixtures.family.filter((f) => !f.userId.startsWith('usr_parent')) };
}

export const TwoChildren = { render: () => inProvider(storyClient()) };

export const OneChild = { render: () => inProvider(storyClient({ fixtures: oneChild() })) };

export const NoChildren = { render: () => inProvider(storyClient({ fixtures: noChildren() })) };

export const English = { render: () => inProvider(storyClient(), { lang: 'en' }) };

export const DarkTheme = {
  render: () => inProvider(storyClient(), { theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = { render: () => inProvider(storyClient()), ...phoneWidth };

export const Loading = { render: () => inProvider(loadingClient()) };

export const ServerError = { render: () => inProvider(failingClient(['children.list'])) };

export const SignedOut = { render: () => inProvider(signedOutClient()) };
