// Stories of <diary-chat> over the SDK's in-memory client signed in as the demo parent: Мария's
// teachers and the maths thread. The controls set the widget's attributes; the toolbar sets the
// language and theme.
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-chat',
  component: 'diary-chat',
  ...widgetMeta(
    'diary-chat',
    "Conversations with a child's teachers; the in-memory demo has the maths thread.",
    { 'child-id': 'chd_maria' },
  ),
};

export const Lists = {};

export const OpenThread = { args: { 'thread-id': 'thr_demo_maria_math' } };

export const English = { args: { 'thread-id': 'thr_demo_maria_math' }, ...english };

export const Dark = { args: { 'thread-id': 'thr_demo_maria_math' }, ...darkTheme };

export const Phone = { args: { 'thread-id': 'thr_demo_maria_math' }, ...phoneWidth };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['threads.list', 'children.teachers']) } },
};

/** No conversation yet: the teachers to write to. */
export const Empty = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-chat child-id="chd_maria"></diary-chat>`,
};
