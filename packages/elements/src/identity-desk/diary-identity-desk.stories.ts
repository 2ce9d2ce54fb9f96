// Stories of <diary-identity-desk> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo admin of Школа № 42: Мария's father (+7 999 000-00-04, SNILS
// 112-233-445 95) is found unconfirmed, and his claim to be her second guardian waits.
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
  title: 'Widgets/diary-identity-desk',
  component: 'diary-identity-desk',
  parameters: {
    docs: {
      description: {
        component:
          "A school admin's in-person identity check of a parent, and second guardians' claims.",
      },
    },
  },
};

const admin = () => storyClient({ signedInAs: 'school_admin' });
const desk = () => html`<diary-identity-desk></diary-identity-desk>`;

export const Desk = {
  render: () => html`<diary-provider .client=${admin()}>${desk()}</diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider
      .client=${storyClient({ signedInAs: 'school_admin', language: 'en' })}
      lang="en"
      theme="dark"
      >${desk()}</diary-provider
    >`,
  ...darkBackground,
};

export const OnAPhone = {
  render: () => html`<diary-provider .client=${admin()}>${desk()}</diary-provider>`,
  ...phoneWidth,
};

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient({ signedInAs: 'school_admin' })}
      >${desk()}</diary-provider
    >`,
};

export const ClaimsFailed = {
  render: () =>
    html`<diary-provider
      .client=${failingClient(['admin.guardianClaims'], { signedInAs: 'school_admin' })}
      >${desk()}</diary-provider
    >`,
};

export const Parent = {
  render: () =>
    html`<diary-provider .client=${storyClient({ signedInAs: 'parent' })}
      >${desk()}</diary-provider
    >`,
};

export const SignedOut = {
  render: () => html`<diary-provider .client=${signedOutClient()}>${desk()}</diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-identity-desk></diary-identity-desk>`,
};
