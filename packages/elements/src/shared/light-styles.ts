import type { CSSResult } from 'lit';

/**
 * Adds a light-DOM widget's styles to the document or shadow root it lives in, once per root.
 * The sheet is appended (the page's own sheets are kept) and shared by every instance; rules
 * only match `diary-`-prefixed classes, so the page's elements are untouched.
 */
export function adoptLightStyles(host: Element, styles: CSSResult): void {
  const root = host.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

let counter = 0;

/** A page-unique id prefix for a light-DOM widget's controls (their ids share the page). */
export function uniqueIdPrefix(tag: string): string {
  counter += 1;
  return `${tag}-${counter}`;
}
