// Helpers for driving widgets as a user would: type into a field (the native `input` event a
// real keystroke fires), submit, and wait for the widget to settle.
import { aTimeout } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** Types `value` into an input the way the browser reports it: value set, then `input`. */
export function typeInto(input: Element | null | undefined, value: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Lets pending promises and the element's render run. */
export async function settle(element: LitElement): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await aTimeout(0);
    await element.updateComplete;
  }
}

/** The visible text of an element, whitespace collapsed. */
export function textOf(element: Node | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element with focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
