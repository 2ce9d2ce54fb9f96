import type { Lang } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import { sharedText } from './localize';

/**
 * The one loading state of every widget: a notice with the shared spinner and «Загрузка…»
 * (or `text`), announced politely.
 *
 * @param part the notice's CSS part names (`notice` by default)
 */
export function loadingNotice(lang: Lang, part = 'notice', text?: string): TemplateResult {
  return html`<div class="diary-notice" part=${part} role="status">
    <span class="diary-spinner" aria-hidden="true"></span>
    <p class="diary-text">${text ?? sharedText(lang, 'loading')}</p>
  </div>`;
}
