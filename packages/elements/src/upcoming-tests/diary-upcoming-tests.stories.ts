// Stories of <diary-upcoming-tests> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent on Tuesday 24 November 2026: Мария's planned tests of the
// coming days (a контрольная tomorrow at a lesson, a диктант, a проверочная the week after).
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  emptyFixtures,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-upcoming-tests',
  component: 'diary-upcoming-tests',
  parameters: {
    docs: {
      description: {
        component: 'A child’s upcoming tests and exams by day, as their teachers planned them.',
      },
    },
  },
};

/** The stories' "today": the demo week's Tuesday. */
const now = () => new Date('2026-11-24T09:00:00.000Z');

const tests = () => html`<diary-upcoming-tests .now=${now}></diary-upcoming-tests>`;

export const Upcoming = {
  render: () => html`<diary-provider .client=${storyClient()}>${tests()}</diary-provider>`,
};

export const NextThreeDays = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <diary-upcoming-tests days="3" .now=${now}></diary-upcoming-tests>
    </diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider .client=${storyClient()} lang="en" theme="dark"
      >${tests()}</diary-provider
    >`,
  ...darkBackground,
};

export const OnAPhone = {
  render: () => html`<diary-provider .client=${storyClient()}>${tests()}</diary-provider>`,
  ...phoneWidth,
};

export const Pupil = {
  render: () =>
    html`<diary-provider .client=${storyClient({ signedInAs: 'usr_student_maria' })}>
      <diary-upcoming-tests child-id="chd_maria" .now=${now}></diary-upcoming-tests>
    </diary-provider>`,
};

export const Empty = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: emptyFixtures() })}>
      ${tests()}
    </diary-provider>`,
};

export const Loading = {
  render: () => html`<diary-provider .client=${loadingClient()}>${tests()}</diary-provider>`,
};

export const LoadFailed = {
  render: () =>
    html`<diary-provider .client=${failingClient(['assessments.upcoming'])}
      >${tests()}</diary-provider
    >`,
};

export const SignedOut = {
  render: () => html`<diary-provider .client=${signedOutClient()}>${tests()}</diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-upcoming-tests></diary-upcoming-tests>`,
};
