// Stories of <diary-news> over the SDK's in-memory client signed in as the demo parent: Школа
// № 42's news and events, one with a picture. The controls set the widget's attributes; the
// toolbar sets the language and theme.
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-news',
  component: 'diary-news',
  ...widgetMeta(
    'diary-news',
    "A school's news and events: the kind filter, an item in full, an event for the calendar.",
    { 'child-id': 'chd_maria' },
  ),
};

export const Feed = {};

export const EventsOnly = { args: { kind: 'event' } };

/** An event in full: its day, hours, place, picture and the calendar button. */
export const Event = { args: { 'news-id': 'nws_mem_concert' } };

export const News = { args: { 'news-id': 'nws_mem_holidays' } };

export const Empty = {
  parameters: {
    diary: {
      client: () => {
        const fixtures = emptyFixtures();
        fixtures.news.length = 0;
        return storyClient({ fixtures });
      },
    },
  },
};

export const English = { ...english };

export const Dark = { ...darkTheme, args: { 'news-id': 'nws_mem_concert' } };

export const Phone = { ...phoneWidth };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['news.list']) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-news child-id="chd_maria"></diary-news>`,
};
