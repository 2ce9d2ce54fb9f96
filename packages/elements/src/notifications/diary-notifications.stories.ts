// Stories of <diary-notifications> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: a substitution and a message, both unread.
import { defaultNotificationSettings } from '@school-diary/core';
import { demoFixtures } from '@school-diary/sdk/testing';
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
  title: 'Widgets/diary-notifications',
  component: 'diary-notifications',
  parameters: {
    docs: {
      description: {
        component:
          'The notification feed with its settings, and the bell for a site header; the in-memory demo has two unread notifications.',
      },
    },
  },
};

export const Feed = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <diary-notifications></diary-notifications>
    </diary-provider>`,
};

export const Settings = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <diary-notifications view="settings"></diary-notifications>
    </diary-provider>`,
};

/** The settings of a parent whose SMS and e-mail wait through the night. */
function quietFixtures() {
  const fixtures = demoFixtures();
  fixtures.notificationSettings.usr_parent_ivanova = {
    ...defaultNotificationSettings('parent'),
    quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' },
  };
  return fixtures;
}

export const SettingsWithQuietHours = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: quietFixtures() })}>
      <diary-notifications view="settings"></diary-notifications>
    </diary-provider>`,
};

export const Bell = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <div style="display: flex; justify-content: flex-end">
        <diary-notifications variant="bell"></diary-notifications>
      </div>
    </diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider .client=${storyClient()} lang="en" theme="dark">
      <diary-notifications></diary-notifications>
    </diary-provider>`,
  ...darkBackground,
};

export const SettingsOnAPhone = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <diary-notifications view="settings"></diary-notifications>
    </diary-provider>`,
  ...phoneWidth,
};

export const Empty = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: emptyFixtures() })}>
      <diary-notifications></diary-notifications>
    </diary-provider>`,
};

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient()}>
      <diary-notifications></diary-notifications>
    </diary-provider>`,
};

export const LoadFailed = {
  render: () =>
    html`<diary-provider .client=${failingClient(['notifications.list'])}>
      <diary-notifications></diary-notifications>
    </diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()}>
      <diary-notifications></diary-notifications>
    </diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-notifications></diary-notifications>`,
};
