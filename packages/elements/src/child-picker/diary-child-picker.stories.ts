// Stories of <diary-child-picker> over the SDK's in-memory client: the demo parent has two
// children; the grade table below follows the chosen one. The toolbar sets the language and theme.
import { demoFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  english,
  failingClient,
  inProvider,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
  widget,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-child-picker',
  component: 'diary-child-picker',
  ...widgetMeta(
    'diary-child-picker',
    'Widgets without `child-id` inside the same provider show the child chosen here (the grade table below).',
  ),
  render: (args: Record<string, unknown>, context: Parameters<typeof inProvider>[0]) =>
    inProvider(
      context,
      html`${widget('diary-child-picker', args)}<diary-grade-table></diary-grade-table>`,
    ),
};

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

export const TwoChildren = {};

export const OneChild = {
  parameters: { diary: { client: () => storyClient({ fixtures: oneChild() }) } },
};

export const Empty = {
  name: 'No children',
  parameters: { diary: { client: () => storyClient({ fixtures: noChildren() }) } },
};

export const English = { ...english };

export const DarkTheme = { ...darkTheme };

export const PhoneWidth = { ...phoneWidth };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['children.list']) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = { render: () => html`<diary-child-picker></diary-child-picker>` };
