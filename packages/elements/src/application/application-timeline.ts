import {
  APPLICATION_WITHDRAWAL_TEXTS,
  type Application,
  type ApplicationStatus,
  type Lang,
} from '@school-diary/core';
import { html, nothing } from 'lit';
import { formatDate } from '../shared/dates';
import { applicationText } from './application-text';

/** The road of an application that has not ended (rejected or withdrawn). */
const ROAD: readonly ApplicationStatus[] = ['submitted', 'checking', 'ready', 'active'];

type StepState = 'done' | 'current' | 'next';

interface Step {
  readonly status: ApplicationStatus;
  readonly state: StepState;
  readonly at: string | undefined;
  readonly reason: string | undefined;
}

/** The reason of the step that ended an application, in the reader's language. */
function endReason(lang: Lang, application: Application): string | undefined {
  const end = application.history.findLast((h) => h.status === application.status);
  if (application.status === 'rejected') return end?.reason ?? application.rejectionReason;
  return end?.reasonCode ? APPLICATION_WITHDRAWAL_TEXTS[end.reasonCode][lang] : end?.reason;
}

/**
 * What the timeline shows: the steps taken (with their dates) and, unless the application ended
 * (rejected by the school, or withdrawn when the child was unlinked), those ahead.
 */
export function timelineSteps(application: Application, lang: Lang = 'ru'): Step[] {
  const reached = (status: ApplicationStatus) =>
    application.history.findLast((h) => h.status === status);
  const ended = application.status;
  if (ended === 'rejected' || ended === 'withdrawn') {
    const taken = ROAD.filter((s) => reached(s));
    return [
      ...taken.map((status) => ({
        status,
        state: 'done' as const,
        at: reached(status)?.at,
        reason: undefined,
      })),
      {
        status: ended,
        state: 'current',
        at: reached(ended)?.at ?? application.updatedAt,
        reason: endReason(lang, application),
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
 * colour alone), its date; a rejection with the school's reason, or a withdrawal with its reason,
 * and what the parent can do.
 */
export function renderTimeline(lang: Lang, application: Application, timeZone: string) {
  const steps = timelineSteps(application, lang);
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
            ${step.status === 'withdrawn' ? renderWithdrawal(lang, step.reason) : nothing}
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

function renderWithdrawal(lang: Lang, reason: string | undefined) {
  return html`${
      reason
        ? html`<span class="diary-step-reason" part="reason"
            >${applicationText(lang, 'reason', { reason })}</span
          >`
        : nothing
    }
    <span class="diary-step-todo" part="what-to-do"
      >${applicationText(lang, 'withdrawnWhatToDo')}</span
    >`;
}
