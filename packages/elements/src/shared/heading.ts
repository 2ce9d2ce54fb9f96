import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';

/**
 * A widget's `heading-level`: the level of its headings (`2` by default, `3` inside a page section
 * that has an `h2`), or `none` to leave out its title where the page's own heading already says it.
 */
export type HeadingLevel = '1' | '2' | '3' | '4' | '5' | '6' | 'none';

const TAGS: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/** Where a heading sits in a widget. */
export interface HeadingOptions {
  /** The widget's title (left out with `none`; other headings then stay at level 2). */
  readonly title?: boolean;
  /** Its id (a section's `aria-labelledby`): a left-out title keeps it, hidden, as the name. */
  readonly id?: string;
  readonly part?: string;
  /** Its class: `diary-heading` by default (`diary-subheading` for a section's heading). */
  readonly className?: string;
  /** Whether script may focus it (`tabindex="-1"`), as a view's heading is after it opens. */
  readonly focusable?: boolean;
}

/**
 * A widget heading at the page's level: `<h2 class="diary-heading">` by default.
 *
 * @example
 * renderHeading(this.headingLevel, scheduleText(lang, 'title'), { title: true, id: 'title' });
 */
export function renderHeading(
  level: string | undefined,
  text: unknown,
  options: HeadingOptions = {},
): TemplateResult {
  if (level === 'none' && options.title)
    return staticHtml`<span id=${options.id ?? nothing} hidden>${text}</span>`;
  const n = Number(level);
  const tag = TAGS[Number.isInteger(n) && n >= 1 && n <= 6 ? n - 1 : 1] as StaticValue;
  return staticHtml`<${tag} class=${options.className ?? 'diary-heading'} id=${
    options.id ?? nothing
  } part=${options.part ?? nothing} tabindex=${options.focusable ? '-1' : nothing}>${text}</${tag}>`;
}

/**
 * The level of a widget's headings below its title: one under `level`, or 2 when the title is
 * left out (`none`) and the page's own heading stands above.
 *
 * @example
 * subLevel('2'); // '3'
 */
export function subLevel(level: string | undefined): string {
  const n = Number(level);
  if (!Number.isInteger(n) || n < 1) return '2';
  return String(Math.min(6, n + 1));
}
