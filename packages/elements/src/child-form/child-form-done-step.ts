import type { Application, ApplicationStatus, Lang } from '@school-diary/core';
import { html } from 'lit';
import { renderHeading } from '../shared/heading';
import { childText } from './child-form-text';

/** The heading and the next step for each status the application can have. */
const OUTCOME: Readonly<
  Record<
    ApplicationStatus,
    { title: Parameters<typeof childText>[1]; text: Parameters<typeof childText>[1] }
  >
> = {
  submitted: { title: 'doneTitle', text: 'doneText' },
  checking: { title: 'doneTitle', text: 'doneText' },
  ready: { title: 'readyTitle', text: 'readyText' },
  active: { title: 'activeTitle', text: 'activeText' },
  rejected: { title: 'rejectedTitle', text: 'rejectedText' },
  withdrawn: { title: 'withdrawnTitle', text: 'withdrawnText' },
};

/** What the last step shows. */
export interface DoneStepView {
  readonly lang: Lang;
  /** `heading-level` of the form. */
  readonly headingLevel: string;
  readonly application: Application;
  /** Starts the form again, empty, for another child. */
  readonly onAnother: () => void;
}

/** The application as the server answered it: its number, its real status and what comes next. */
export function renderDoneStep({ lang, headingLevel, application, onAnother }: DoneStepView) {
  const outcome = OUTCOME[application.status];
  const success = application.status !== 'rejected' && application.status !== 'withdrawn';
  return html`<div
      class="diary-notice ${success ? 'diary-notice--success' : 'diary-notice--error'}"
      part="notice result"
      data-focus="done"
      data-status=${application.status}
      tabindex="-1"
      role="status"
    >
      ${renderHeading(headingLevel, childText(lang, outcome.title))}
      <dl class="diary-list">
        <dt>${childText(lang, 'applicationNumber')}</dt>
        <dd data-application-number>${application.number}</dd>
        <dt>${childText(lang, 'status')}</dt>
        <dd data-application-status>${childText(lang, application.status)}</dd>
        <dt>${childText(lang, 'schoolYear')}</dt>
        <dd>${application.schoolYear}</dd>
      </dl>
      <p class="diary-text">${childText(lang, outcome.text)}</p>
    </div>
    <div class="diary-actions">
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button another"
        @click=${onAnother}
      >
        ${childText(lang, 'another')}
      </button>
    </div>`;
}
