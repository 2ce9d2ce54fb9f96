// Stories of <diary-audit-log> over the SDK's in-memory client signed in as the demo school's
// admin: a week of Школа № 42's audit log. The controls set the widget's attributes; the toolbar
// sets the language and theme.
import { demoFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

const admin = () => storyClient({ signedInAs: 'school_admin' });

const meta = widgetMeta(
  'diary-audit-log',
  "A school's audit log for its admin: filter by period, action and outcome, page through it.",
  { 'page-size': 5 },
);

export default { ...meta, parameters: { ...meta.parameters, diary: { client: admin } } };

export const Log = {};

export const Empty = {
  parameters: {
    diary: {
      client: () => {
        const fixtures = { ...demoFixtures(), auditLog: [] };
        return storyClient({ signedInAs: 'school_admin', fixtures });
      },
    },
  },
};

export const English = { ...english };

export const Dark = { ...darkTheme };

/** At 360 px the table scrolls sideways in its own labelled region. */
export const Phone = { ...phoneWidth };

/** A parent is told the log is not for their account. */
export const NotForAParent = { parameters: { diary: { client: () => storyClient() } } };

export const Loading = {
  parameters: { diary: { client: () => loadingClient({ signedInAs: 'school_admin' }) } },
};

export const ServerError = {
  parameters: {
    diary: { client: () => failingClient(['audit.list'], { signedInAs: 'school_admin' }) },
  },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-audit-log></diary-audit-log>`,
};
