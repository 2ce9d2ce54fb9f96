import { html, type TemplateResult } from 'lit';

/** Web addresses in a teacher's text; only http and https become links. */
const URL_PATTERN = /https?:\/\/[^\s<>"'«»]+/giu;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]]+$/u;

/** A piece of a teacher's text: plain words or a web address. */
export type TextPart = { readonly text: string } | { readonly href: string };

/**
 * A teacher's text split into plain words and web addresses (http and https only, without the
 * sentence's closing punctuation), so addresses can be links and nothing else becomes markup.
 *
 * @example
 * splitLinks('См. https://example.ru/a.'); // [{ text: 'См. ' }, { href: 'https://example.ru/a' }, { text: '.' }]
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ href });
    at = start + href.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * A teacher's text as lit renders it: words escaped as text, addresses as links that open in a
 * new tab without access to this page, line breaks kept by the styles (`white-space: pre-line`).
 */
export function renderLinkedText(text: string, newTabLabel: string): TemplateResult {
  return html`${splitLinks(text).map((part) =>
    'href' in part
      ? html`<a
          class="diary-link"
          part="link"
          href=${part.href}
          target="_blank"
          rel="noopener noreferrer"
          >${part.href}<span class="diary-visually-hidden"> ${newTabLabel}</span></a
        >`
      : part.text,
  )}`;
}
