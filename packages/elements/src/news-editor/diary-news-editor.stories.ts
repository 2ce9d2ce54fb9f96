// Stories of <diary-news-editor> over the SDK's in-memory client signed in as the demo admin of
// Школа № 42: the school's four published items, a form whose preview follows the typing, and
// removal after a confirmation. The toolbar sets the language and theme.
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

const asAdmin = { signedInAs: 'school_admin' } as const;
const meta = widgetMeta(
  'diary-news-editor',
  'A school admin writes news or an event, previews it as parents will see it, publishes it and removes published items.',
);

export default {
  ...meta,
  parameters: { ...meta.parameters, diary: { client: () => storyClient(asAdmin) } },
};

export const Desk = {};

export const English = { ...english };

export const Dark = { ...darkTheme };

export const Phone = { ...phoneWidth };

export const NothingPublished = {
  parameters: {
    diary: {
      client: () => {
        const client = storyClient(asAdmin);
        client.memory.data.news.length = 0;
        return client;
      },
    },
  },
};

export const Loading = { parameters: { diary: { client: () => loadingClient(asAdmin) } } };

export const ListFailed = {
  parameters: { diary: { client: () => failingClient(['news.list'], asAdmin) } },
};

/** Publishing answers 500: the message shows above the button and the draft stays. */
export const PublishFails = {
  parameters: { diary: { client: () => failingClient(['news.publish'], asAdmin) } },
};

export const Parent = { parameters: { diary: { client: () => storyClient() } } };

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-news-editor></diary-news-editor>`,
};
