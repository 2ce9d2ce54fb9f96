import type { TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

/** The shapes of the chat's icons (24 × 24, stroked). */
const PATHS = {
  paperclip:
    '<path d="M21 11.5 12.6 20a5.5 5.5 0 0 1-7.8-7.8l8.5-8.5a3.7 3.7 0 0 1 5.2 5.2l-8.5 8.5a1.8 1.8 0 0 1-2.6-2.6l7.8-7.8" />',
  check: '<path d="m4.5 12.5 5 5 10-11" />',
  checks: '<path d="m1.5 12.5 5 5 10-11" /><path d="m11.5 17 1 .5 10-11" />',
  clock: '<circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />',
  warning: '<path d="M12 3 2 20h20L12 3Z" /><path d="M12 10v4" /><path d="M12 17.2v.1" />',
  back: '<path d="M19 12H5" /><path d="m11 6-6 6 6 6" />',
  close: '<path d="M6 6l12 12" /><path d="M18 6 6 18" />',
} as const;

/** A chat icon's name. */
export type IconName = keyof typeof PATHS;

// Each icon is one template without bindings, made once: drawing it (a receipt on every own
// message) clones a ready `<svg>` instead of filling a nested template of its shape.
const ICONS = Object.fromEntries(
  Object.entries(PATHS).map(([name, shape]) => [
    name,
    staticHtml`<svg class="diary-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${unsafeStatic(shape)}</svg>`,
  ]),
) as Record<IconName, TemplateResult>;

/** An icon in the text's colour and size, hidden from assistive technology (text says it). */
export function icon(name: IconName): TemplateResult {
  return ICONS[name];
}
