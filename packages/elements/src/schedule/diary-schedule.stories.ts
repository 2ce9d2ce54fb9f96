// Stories of <diary-schedule> over the SDK's in-memory client signed in as the demo parent: 5 А's
// week of 23–28 November 2026 with a substitution and homework. The controls set the widget's
// attributes; the toolbar sets the language and theme.
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  shadowOf,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-schedule',
  component: 'diary-schedule',
  ...widgetMeta(
    'diary-schedule',
    "The timetable of a child's class by ISO week; the in-memory demo has 5 А in 2026-W48.",
    { 'child-id': 'chd_maria', week: '2026-W48' },
  ),
};

export const Week = { args: { layout: 'week' } };

/** On a phone the week is shown one day at a time, whatever the layout asked for. */
export const Phone = { ...phoneWidth };

export const DayView = { args: { layout: 'day' } };

export const English = { ...english };

export const Dark = { ...darkTheme };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['schedule.week']) } },
};

/** A week without lessons (the holidays). */
export const Empty = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

/** The history of substitutions, opened. */
export const SubstitutionHistory = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-schedule');
    const details = await waitFor(() => {
      const history = root.querySelector('details');
      if (!history) throw new Error('the timetable has not loaded yet');
      return history;
    });
    details.open = true;
  },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-schedule child-id="chd_maria"></diary-schedule>`,
};
