import { LAZY_TAGS, type TagLoader } from './lazy-tags';
import { preloadTag, TAG_CHUNKS } from './tag-chunks';

/** `detail` of the `diary-load-error` event: which tag's code could not be fetched. */
export interface DiaryLoadErrorDetail {
  readonly tag: string;
  readonly error: unknown;
}

/** Options of {@link observeLazyTags}. */
export interface LazyLoaderOptions {
  /** Tag → loader; the kit's own tags by default. */
  readonly tags?: Readonly<Record<string, TagLoader>>;
  /**
   * Tag → the chunks its code needs, preloaded all at once when the tag first appears; the
   * embed build's own by default.
   */
  readonly chunks?: Readonly<Record<string, readonly string[]>>;
}

/** A running loader: stop watching the page, or load a tag now. */
export interface LazyLoader {
  /** Loads a tag's code now (once; later calls share the first load). */
  load(tag: string): Promise<void>;
  /** Tags whose code has been asked for, in order. */
  readonly requested: readonly string[];
  /** Stops watching for new tags; code already loaded stays. */
  disconnect(): void;
}

/**
 * Watches `root` (the document by default) and loads each kit element's code the first time its
 * tag appears — on the page now or added later — so a page that shows only a login downloads the
 * provider and the login, nothing else. All of a tag's chunks are asked for at once
 * (`<link rel="modulepreload">`), not one level of imports after another. A failed load is
 * reported with a `diary-load-error` event on the root (and the console); the next appearance of
 * the tag tries again.
 *
 * @example
 * const loader = observeLazyTags(document);
 * await loader.load('diary-login'); // or just put <diary-login> on the page
 */
export function observeLazyTags(
  root: Document | DocumentFragment | Element = document,
  options: LazyLoaderOptions = {},
): LazyLoader {
  const tags = options.tags ?? LAZY_TAGS;
  const chunks = options.chunks ?? (options.tags ? {} : TAG_CHUNKS);
  const loads = new Map<string, Promise<void>>();
  const requested: string[] = [];
  const selector = Object.keys(tags).join(',');

  const load = (tag: string): Promise<void> => {
    const name = tag.toLowerCase();
    const started = loads.get(name);
    if (started) return started;
    const loader = tags[name];
    if (!loader) return Promise.reject(new Error(`<${name}> is not an element of the kit`));
    requested.push(name);
    preloadTag(name, chunks);
    const loading = loader().then(
      () => undefined,
      (error: unknown) => {
        loads.delete(name);
        console.error(`<${name}>: its code could not be loaded`, error);
        root.dispatchEvent(
          new CustomEvent<DiaryLoadErrorDetail>('diary-load-error', {
            detail: { tag: name, error },
            bubbles: true,
            composed: true,
          }),
        );
        throw error;
      },
    );
    loads.set(name, loading);
    return loading;
  };

  const upgrade = (el: Element): void => {
    // A tag already defined (by a bundler build of the kit, say) needs nothing from us.
    if (!customElements.get(el.localName)) load(el.localName).catch(() => undefined);
  };
  const visit = (element: Element): void => {
    if (element.matches(selector)) upgrade(element);
    for (const el of element.querySelectorAll(selector)) upgrade(el);
  };

  for (const el of root.querySelectorAll(selector)) upgrade(el);
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) visit(node);
  });
  observer.observe(root, { childList: true, subtree: true });

  return {
    load,
    requested,
    disconnect: () => observer.disconnect(),
  };
}
