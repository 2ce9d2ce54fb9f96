// Stories of <diary-child-form> over the SDK's in-memory client (signed in as the demo parent).
// The in-memory client does not serve the registry search or child registration yet, so these
// stories show the form, its validation and its states; the flow runs against the real server.
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

export default {
  title: 'Widgets/diary-child-form',
  component: 'diary-child-form',
};

export const Russian = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient()}>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const English = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient()} lang="en">
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const Dark = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient()} theme="dark">
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const RestyledWithParts = {
  render: () =>
    html`<style>
        .restyled {
          --diary-color-primary: #006644;
          --diary-radius: 2px;
        }
        .restyled diary-child-form::part(submit) {
          text-transform: uppercase;
        }
      </style>
      <diary-provider class="restyled" .client=${createMemoryClient()}>
        <diary-child-form></diary-child-form>
      </diary-provider>`,
};
