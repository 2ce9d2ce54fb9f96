// Stories of <diary-provider>: one client, language and theme for every widget inside it. The
// controls set the provider's attributes (the toolbar's language and theme apply when unset).
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  english,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';
import type { StoryContext } from '@storybook/web-components-vite';

const meta = widgetMeta(
  'diary-provider',
  'Hands one SDK client, language, theme and the selected child to every widget inside it.',
);

/** The provider with the story's client, its args as attributes, around a login and a form. */
const render = (args: Record<string, unknown>, context: StoryContext) => {
  const { lang, theme } = context.globals as { lang?: string; theme?: string };
  return html`<diary-provider
    .client=${context.loaded['client']}
    lang=${(args['lang'] as string | undefined) ?? lang ?? 'ru'}
    theme=${(args['theme'] as string | undefined) ?? theme ?? 'light'}
    time-zone=${(args['time-zone'] as string | undefined) ?? 'Europe/Moscow'}
  >
    <diary-login></diary-login>
    <diary-child-form></diary-child-form>
  </diary-provider>`;
};

export default {
  title: 'Widgets/diary-provider',
  component: 'diary-provider',
  ...meta,
  render,
};

export const TwoWidgetsOneClient = { parameters: { diary: { client: () => signedOutClient() } } };

export const SignedInInEnglishDark = {
  parameters: { diary: { client: () => storyClient() } },
  globals: { ...english.globals, ...darkTheme.globals },
};

export const OnAPhone = { ...phoneWidth };

/** Misconfigured: neither a client nor a base-url. The widgets say so instead of failing. */
export const WithoutClientOrBaseUrl = {
  render: () => html`<diary-provider><diary-login></diary-login></diary-provider>`,
};
