import type { Application, ApplicationStatus, Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDate } from '../shared/dates';
import { applicationText } from './application-text';

/** The road of an application that is not rejected. */
const ROAD: readonly ApplicationStatus[] = ['submitted', 'checking', 'ready', 'active'];

type StepState = 'done' | 'current' | 'next';

interface Step {
  readonly status: ApplicationStatus;
  readonly state: StepState;
  readonly at: string | undefined;
  readonly reason: string | undefined;
}

/** What the timeline shows: the steps taken (with their dates) and, unless rejected, those ahead. */
export function timelineSteps(application: Application): Step[] {
  const reached = (status: ApplicationStatus) =>
    application.history.findLast((h) => h.status === status);
  if (application.status === 'rejected') {
    const taken = ROAD.filter((s) => reached(s));
    const rejected = reached('rejected');
    return [
      ...taken.map((status) => ({
        status,
        state: 'done' as const,
        at: reached(status)?.at,
        reason: undefined,
      })),
      {
        status: 'rejected',
        state: 'current',
        at: rejected?.at ?? application.updatedAt,
        reason: rejected?.reason ?? application.rejectionReason,
      },
    ];
  }
  const index = ROAD.indexOf(application.status);
  return ROAD.map((status, i) => ({
    status,
    state:
      i < index || (i === index && status === 'active') ? 'done' : i === index ? 'current' : 'next',
    at: reached(status)?.at,
    reason: undefined,
  }));
}

/** The date and time of a step in the school's time zone. */
function when(lang: Lang, at: string, timeZone: string) {
  return html`<time datetime=${at}
    >${formatDate(
      lang,
      at,
      { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
      timeZone,
    )}</time
  >`;
}

const STATE_TEXT = { done: 'stepDone', current: 'stepCurrent', next: 'stepNext' } as const;
const MARK = { done: '✓', current: '●', next: '○' } as const;

/**
 * The lifecycle of one application as an ordered list: each step's name, its state in words (not
 * colour alone), its date; a rejection with the school's reason and what the parent can do.
 */
export function renderTimeline(lang: Lang, application: Application, timeZone: string) {
  const steps = timelineSteps(application);
  return html`<ol
    class="diary-timeline"
    part="timeline"
    aria-label=${applicationText(lang, 'timeline', { number: application.number })}
  >
    ${steps.map(
      (step) =>
        html`<li
          class="diary-step diary-step--${step.state} diary-step--${step.status}"
          part="step step-${step.state}"
          data-status=${step.status}
          data-state=${step.state}
          aria-current=${step.state === 'current' ? 'step' : nothing}
        >
          <span class="diary-step-mark" aria-hidden="true">${MARK[step.state]}</span>
          <span class="diary-step-body">
            <span class="diary-step-name">${applicationText(lang, step.status)}</span>
            <span class="diary-visually-hidden"
              >, ${applicationText(lang, STATE_TEXT[step.state])}</span
            >
            <span class="diary-step-date"
              >${step.at ? when(lang, step.at, timeZone) : applicationText(lang, 'waiting')}</span
            >
            ${step.status === 'rejected' ? renderRejection(lang, step.reason) : nothing}
          </span>
        </li>`,
    )}
  </ol>`;
}

function renderRejection(lang: Lang, reason: string | undefined) {
  return html`<span class="diary-step-reason" part="reason"
      >${reason ? applicationText(lang, 'reason', { reason }) : applicationText(lang, 'noReason')}</span
    >
    <span class="diary-step-todo" part="what-to-do">${applicationText(lang, 'whatToDo')}</span>`;
}
