// Stories of <diary-grade-table> over the SDK's in-memory client signed in as the demo parent:
// Мария's marks. The controls set the widget's attributes; the toolbar sets the language and
// theme. `client.memory.addMark(...)` in a story shows a live mark.
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  manyMarksFixtures,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-grade-table',
  component: 'diary-grade-table',
  ...widgetMeta(
    'diary-grade-table',
    "A child's marks by subject and period, with averages, the year's comparison and CSV export.",
    { 'child-id': 'chd_maria' },
  ),
};

export const Russian = {};

export const English = { ...english };

export const WholeYearWithThreshold = { args: { period: 'year', threshold: 4 } };

export const Dark = { ...darkTheme };

/** On a phone the marks come first, each subject a card, the filters folded. */
export const Phone = { ...phoneWidth };

export const ManyMarks = {
  args: { period: 'year' },
  parameters: { diary: { client: () => storyClient({ fixtures: manyMarksFixtures() }) } },
};

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['grades.list']) } },
};

/** The start of the year: no marks yet. */
export const Empty = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
};
