// Stories of <diary-provider>: one client, language and theme for every widget inside it.
import { html } from 'lit';
import '../define';
import { darkBackground, phoneWidth, signedOutClient, storyClient } from '../test-support/stories';

export default {
  title: 'Widgets/diary-provider',
  component: 'diary-provider',
};

export const TwoWidgetsOneClient = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()} lang="ru">
      <diary-login></diary-login>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
};

export const SignedInInEnglishDark = {
  render: () =>
    html`<diary-provider .client=${storyClient()} lang="en" theme="dark">
      <diary-login></diary-login>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
  ...darkBackground,
};

export const OnAPhone = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>
      <diary-child-form></diary-child-form>
    </diary-provider>`,
  ...phoneWidth,
};

/** Misconfigured: neither a client nor a base-url. The widgets say so instead of failing. */
export const WithoutClientOrBaseUrl = {
  render: () => html`<diary-provider><diary-login></diary-login></diary-provider>`,
};
