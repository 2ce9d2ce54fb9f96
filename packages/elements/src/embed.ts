// The one-script-tag entry (built into dist/diary-elements.js): watches the page and loads each
// kit element's code the first time its tag appears. Also exposes the loader and `appearance`.
import { observeLazyTags } from './embed/lazy-loader';

/** The page's loader; `diaryElements.load('diary-chat')` fetches a tag's code ahead of time. */
export const diaryElements = observeLazyTags(document);

export { observeLazyTags, type LazyLoader, type LazyLoaderOptions } from './embed/lazy-loader';
export type { DiaryLoadErrorDetail } from './embed/lazy-loader';
export { LAZY_TAGS, type TagLoader } from './embed/lazy-tags';
