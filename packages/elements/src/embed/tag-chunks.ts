/**
 * Each kit tag's chunks in the one-script embed: its define chunk and every chunk that one
 * imports, as paths relative to the loader. The embed build writes them in place of the marker
 * (`scripts/embed-plugins.mjs`); anywhere else (a bundler build, the sources) there are none.
 */
const written: string = '__DIARY_TAG_CHUNKS__';

export const TAG_CHUNKS: Readonly<Record<string, readonly string[]>> = written.startsWith('{')
  ? (JSON.parse(written) as Record<string, readonly string[]>)
  : {};

const asked = new Set<string>();

/**
 * Asks the browser for all of a tag's chunks at once (`<link rel="modulepreload">`), so that its
 * code arrives in one round trip instead of one per level of imports. Each chunk is asked for
 * once per document.
 */
export function preloadTag(
  tag: string,
  chunks: Readonly<Record<string, readonly string[]>> = TAG_CHUNKS,
  base: string = import.meta.url,
): void {
  for (const chunk of chunks[tag] ?? []) {
    const href = new URL(chunk, base).href;
    if (asked.has(href)) continue;
    asked.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}
