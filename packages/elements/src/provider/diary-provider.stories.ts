// Stories of <diary-provider>: one client, language and theme for every widget inside it.
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

export default {
  title: 'Widgets/diary-provider',
  component: 'diary-provider',
};

export const TwoWidgetsOneClient = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })} lang="ru">
      <diary-login></diary-login>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const WithoutClientOrBaseUrl = {
  render: () => html`<diary-provider><diary-login></diary-login></diary-provider>`,
};
