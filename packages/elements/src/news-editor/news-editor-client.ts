import type { Group, WidgetClient } from '../shared/client';

/** The SDK client as `<diary-news-editor>` needs it: the school's feed, publishing and removal. */
export interface NewsEditorClient extends WidgetClient {
  readonly news: Group<'news', 'list' | 'publish' | 'remove'>;
}

/** Whether the provider's client can serve `<diary-news-editor>` (a full SDK client can). */
export const isNewsEditorClient = (
  client: WidgetClient | undefined,
): client is NewsEditorClient => {
  const news = (client as Partial<NewsEditorClient> | undefined)?.news;
  return (
    typeof news?.list === 'function' &&
    typeof news.publish === 'function' &&
    typeof news.remove === 'function'
  );
};
