import type { Lang } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
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

/**
 * A failed load: its message, in the `error` part, and a button that runs the load again.
 *
 * @param message the failure described in the widget's language (`describeFailure`)
 * @param retry runs the failed load again
 */
export function failureNotice(lang: Lang, message: string, retry: () => void): TemplateResult {
  return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
    <p class="diary-text">${message}</p>
    <button type="button" class="diary-button" part="button retry" @click=${retry}>
      ${sharedText(lang, 'retry')}
    </button>
  </div>`;
}
