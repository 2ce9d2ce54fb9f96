// Stories of <diary-login> (Storybook, web-components renderer), over the SDK's in-memory client:
// sign in with +7 999 000-00-01, the password and code of `@school-diary/sdk/testing`.
import { MEMORY_CODE, MEMORY_PASSWORD, createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

const signedOut = () => createMemoryClient({ signedInAs: null, latencyMs: 400 });

export default {
  title: 'Widgets/diary-login',
  component: 'diary-login',
  parameters: {
    docs: {
      description: {
        component: `Demo: phone +7 999 000-00-01, password «${MEMORY_PASSWORD}», SMS code ${MEMORY_CODE}.`,
      },
    },
  },
};

export const Russian = {
  render: () =>
    html`<diary-provider .client=${signedOut()}><diary-login></diary-login></diary-provider>`,
};

export const English = {
  render: () =>
    html`<diary-provider .client=${signedOut()} lang="en"
      ><diary-login></diary-login
    ></diary-provider>`,
};

export const Dark = {
  render: () =>
    html`<diary-provider .client=${signedOut()} theme="dark">
      <diary-login></diary-login>
    </diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-login></diary-login>`,
};
