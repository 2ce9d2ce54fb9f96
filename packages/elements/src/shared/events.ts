/**
 * Dispatches a kit event: `diary-` prefixed, bubbling and composed (it leaves shadow roots), with
 * a typed `detail`. Native `input`/`change` are never dispatched by the kit: they come only from
 * the user's own typing in the native inputs, never from programmatic updates.
 *
 * @example
 * emit(this, 'diary-login', { user });
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }),
  );
}

/** Detail of `diary-errors`: the problems now shown, and what the page should put before its `<title>`. */
export interface DiaryErrorsDetail {
  /** Every field error now shown, in the order of the error summary. */
  readonly errors: readonly { readonly field: string; readonly message: string }[];
  /** `«Ошибка: »` while there are errors, `''` once they are fixed: prefix `document.title` with it. */
  readonly titlePrefix: string;
}

declare global {
  interface HTMLElementEventMap {
    'diary-errors': CustomEvent<DiaryErrorsDetail>;
  }
}
