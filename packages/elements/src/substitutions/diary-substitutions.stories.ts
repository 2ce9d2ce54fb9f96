// Stories of <diary-substitutions> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo admin of Школа № 42, its clock on Tuesday 24 November 2026: 5 А's
// week of 23–29 November, Wednesday's 3rd lesson already substituted.
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
  title: 'Widgets/diary-substitutions',
  component: 'diary-substitutions',
  parameters: {
    docs: {
      description: {
        component:
          "A school admin's lesson substitutions: a class's week, a substitute teacher set or removed, and what parents will see.",
      },
    },
  },
};

/** The memory client's clock, so that «this week» is the demo week. */
const now = () => new Date('2026-11-24T09:00:00.000Z');
const admin = () => storyClient({ signedInAs: 'school_admin' });
const widget = () => html`<diary-substitutions .now=${now}></diary-substitutions>`;

export const Week = {
  render: () => html`<diary-provider .client=${admin()}>${widget()}</diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider
      .client=${storyClient({ signedInAs: 'school_admin', language: 'en' })}
      lang="en"
      theme="dark"
      >${widget()}</diary-provider
    >`,
  ...darkBackground,
};

export const OnAPhone = {
  render: () => html`<diary-provider .client=${admin()}>${widget()}</diary-provider>`,
  ...phoneWidth,
};

export const EmptyWeek = {
  render: () =>
    html`<diary-provider .client=${admin()}
      ><diary-substitutions .now=${now} week="2026-W50"></diary-substitutions
    ></diary-provider>`,
};

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient({ signedInAs: 'school_admin' })}
      >${widget()}</diary-provider
    >`,
};

export const WeekFailed = {
  render: () =>
    html`<diary-provider .client=${failingClient(['schedule.week'], { signedInAs: 'school_admin' })}
      >${widget()}</diary-provider
    >`,
};

export const Parent = {
  render: () =>
    html`<diary-provider .client=${storyClient({ signedInAs: 'parent' })}
      >${widget()}</diary-provider
    >`,
};

export const SignedOut = {
  render: () => html`<diary-provider .client=${signedOutClient()}>${widget()}</diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-substitutions></diary-substitutions>`,
};
