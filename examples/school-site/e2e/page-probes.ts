// What the site's end-to-end steps ask of a page: functions that run in it (this file is compiled
// without DOM types, so they see the page through a small view of it, and are functions, not
// strings: the site's CSP forbids eval), and a wait for an attribute.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';

interface PageNode {
  readonly childNodes: { readonly length: number };
  readonly shadowRoot: PageNode | null;
  matches(selector: string): boolean;
}
interface PageView {
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
    readonly fonts: { readonly ready: Promise<unknown> };
    querySelectorAll(selector: string): Iterable<PageNode>;
  };
}
/** Every kit element on the page is defined and has rendered something. */
export function allRendered(selector: string): boolean {
  const { document } = globalThis as unknown as PageView;
  return [...document.querySelectorAll(selector)].every(
    (el) => el.matches(':defined') && (el.shadowRoot ?? el).childNodes.length > 0,
  );
}

/** The page's diary client has its live event stream open. */
export function liveOpen(): boolean {
  const { document } = globalThis as unknown as {
    document: {
      querySelector(selector: string): {
        activeClient?: { events?: { status?: string } };
      } | null;
    };
  };
  return document.querySelector('diary-provider')?.activeClient?.events?.status === 'open';
}

export async function fontsReady(): Promise<void> {
  await (globalThis as unknown as PageView).document.fonts.ready;
}

export function pageWidth(): { scroll: number; client: number } {
  const { documentElement } = (globalThis as unknown as PageView).document;
  return { scroll: documentElement.scrollWidth, client: documentElement.clientWidth };
}

/** Waits until an element's attribute has a value (playwright-core has no `expect`). */
export async function assertAttribute(
  locator: Locator,
  name: string,
  value: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.getAttribute(name);
    if (last === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${name} stayed ${JSON.stringify(last)}, expected ${JSON.stringify(value)}`);
}

interface PaintedNode {
  readonly parentElement: PaintedNode | null;
  getRootNode(): { readonly host?: PaintedNode };
}
/**
 * An element's text colour and the colour painted behind it: its own background, else the
 * nearest painted one around it (out of shadow roots too), as `rgb(…)`.
 */
export function paintOf(element: unknown): [string, string] {
  const view = globalThis as unknown as {
    getComputedStyle(node: unknown): { color: string; backgroundColor: string };
  };
  const color = view.getComputedStyle(element).color;
  let node = element as PaintedNode | null;
  while (node) {
    const background = view.getComputedStyle(node).backgroundColor;
    if (!/^rgba\(.*, 0\)$|^transparent$/.test(background)) return [color, background];
    node = node.parentElement ?? node.getRootNode().host ?? null;
  }
  return [color, 'rgb(255, 255, 255)'];
}

/** The WCAG contrast ratio of two computed colours (`rgb(…)`, `rgba(…)`). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
