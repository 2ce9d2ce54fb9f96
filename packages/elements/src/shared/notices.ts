import type { Lang } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from './failure';
import { sharedText } from './localize';

/**
 * A notice of one sentence (signed out, nothing yet, no child chosen), in the `notice` part.
 *
 * @param role `status` for a polite announcement, `alert` for a problem the user must fix;
 *   none for a notice that is simply there
 */
export function textNotice(text: string, role?: 'status' | 'alert'): TemplateResult {
  return html`<div class="diary-notice" part="notice" role=${role ?? nothing}>
    <p class="diary-text">${text}</p>
  </div>`;
}

/** How a {@link failureNotice} looks: its part and its retry button's class. */
export interface FailureNoticeOptions {
  /** The notice's part: `error` (default), or `unavailable` when the widget cannot start. */
  readonly part?: 'error' | 'unavailable';
  /** A secondary (outlined) retry button, for a notice in front of the widget's own content. */
  readonly secondary?: boolean;
}

/**
 * A failed load: its message, in the `error` part, and a button that runs the load again when
 * that may help (`failure.retryable`: no connection, a server fault). A refusal for the account's
 * role or a missing record gets the message alone: a button that can never succeed is no help.
 * The widgets show their failed loads through this notice (the marks widgets through
 * `MarksController`, which reads the same `retryable`).
 *
 * @param failure the failure described in the widget's language (`describeFailure`)
 * @param retry runs the failed load again
 * @example
 * error: (error) => failureNotice(lang, describeFailure(error, this.failureContext()), () => void this.#task.run())
 */
export function failureNotice(
  lang: Lang,
  failure: Failure,
  retry: () => void,
  options: FailureNoticeOptions = {},
): TemplateResult {
  const kind = options.secondary ? 'diary-button diary-button--secondary' : 'diary-button';
  return html`<div
    class="diary-notice diary-notice--error"
    part=${options.part ?? 'error'}
    role="alert"
  >
    <p class="diary-text">${failure.message}</p>
    ${
      failure.retryable
        ? html`<button type="button" class=${kind} part="button retry" @click=${retry}>
            ${sharedText(lang, 'retry')}
          </button>`
        : nothing
    }
  </div>`;
}
