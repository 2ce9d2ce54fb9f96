import {
  openSchoolYears,
  todayIn,
  type Application,
  type ApplicationStatus,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isApplicationClient, type ApplicationClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { applicationText } from './application-text';
import { renderTimeline } from './application-timeline';
import { applicationStyles } from './diary-application.styles';

/** Detail of `diary-application-change`. */
export interface DiaryApplicationChangeDetail {
  /** The application as it is now: submitted here, activated here, or moved by the school. */
  readonly application: Application;
}

declare global {
  interface HTMLElementEventMap {
    'diary-application-change': CustomEvent<DiaryApplicationChangeDetail>;
  }
}

/** Statuses of an application the school is still working on (a new one waits for them). */
const IN_PROGRESS: readonly ApplicationStatus[] = ['submitted', 'checking', 'ready'];

/**
 * A child's application for the electronic diary: its number (ЭД-2026-000004), the school year
 * and the lifecycle as a timeline — submitted → checking → ready → active, or rejected with the
 * school's reason, or withdrawn because the parent unlinked the child from the school (or changed
 * school), each with what to do next — with the date of each step. When the school has approved
 * it, the parent connects the diary here. When the school moves the application, the timeline
 * updates live and the change is announced. Without an application in progress the parent can
 * apply for the current or the next school year.
 *
 * @summary A child's diary application: number, timeline of its steps, activation, live updates.
 * @tag diary-application
 * @fires {CustomEvent<DiaryApplicationChangeDetail>} diary-application-change - An application was submitted, activated or moved by the school.
 * @csspart base - The widget's box.
 * @csspart application - One application's card.
 * @csspart timeline - The ordered list of an application's steps.
 * @csspart step - A step of the timeline (also `step-done`, `step-current`, `step-next`).
 * @csspart reason - The reason of a rejection (the school's) or of a withdrawal.
 * @csspart what-to-do - What the parent can do after a rejection or a withdrawal.
 * @csspart button - Every button (also `activate`, `apply`, `retry`).
 * @csspart select - The school year select of a new application.
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and the current step.
 * @cssprop --diary-color-success - Steps done.
 * @cssprop --diary-color-error - A rejection.
 * @cssprop --diary-color-border - Cards and steps ahead.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryApplication extends DiaryElement {
  static override styles = [hostTokens, controlStyles, applicationStyles];

  /** The child whose applications are shown; the provider's selected child when absent. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for "today", which decides the school years offered (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The child's applications, newest first, with live moves applied. */
  @state() protected accessor applications: readonly Application[] | undefined;
  @state() protected accessor applyFailure: Failure | undefined;
  @state() protected accessor activateFailure: Failure | undefined;
  @state() protected accessor busy: 'apply' | 'activate' | undefined;
  @state() protected accessor announcement = '';

  /** The child's applications, reloaded for another child, user or client. */
  readonly #list = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: async ([client, userId, childId], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      const { items } = await client.applications.list({ childId }, { signal });
      return items;
    },
    onComplete: (items) => (this.applications = items),
  });

  #stopLive: (() => void) | undefined;
  #liveClient: ApplicationClient | undefined;

  get #client(): ApplicationClient | undefined {
    const client = this.client;
    return isApplicationClient(client) ? client : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  protected override willUpdate(): void {
    const client = this.#client;
    if (client !== this.#liveClient) {
      this.#stopLive?.();
      this.#liveClient = client;
      this.#stopLive = client
        ? client.events.on('application.updated', (event) => this.#onLive(event.data))
        : undefined;
    }
  }

  #onLive(application: Application): void {
    if (application.childId !== this.childId || !this.applications) return;
    const known = this.applications.find((a) => a.id === application.id);
    if (known && known.updatedAt >= application.updatedAt && known.status === application.status)
      return;
    this.#put(application);
    this.announcement = applicationText(this.language, 'live', {
      number: application.number,
      status: applicationText(this.language, application.status),
    });
  }

  /** Puts an application in the list (replacing its older copy), newest first. */
  #put(application: Application): void {
    const others = (this.applications ?? []).filter((a) => a.id !== application.id);
    this.applications = [application, ...others].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number),
    );
    emit(this, 'diary-application-change', { application });
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  async #activate(application: Application): Promise<void> {
    const client = this.#client;
    if (!client || this.busy) return;
    this.busy = 'activate';
    this.activateFailure = undefined;
    try {
      const active = await client.applications.activate({ applicationId: application.id });
      this.#put(active);
      this.announcement = applicationText(this.language, 'activated');
    } catch (error) {
      this.activateFailure = this.#describe(error);
    } finally {
      this.busy = undefined;
    }
  }

  async #onApply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const childId = this.childId;
    if (!client || !childId || this.busy) return;
    const form = event.target as HTMLFormElement;
    const select = form.elements.namedItem('schoolYear') as HTMLSelectElement;
    this.busy = 'apply';
    this.applyFailure = undefined;
    try {
      const created = await client.applications.create({ childId, schoolYear: select.value });
      this.#put(created);
      this.announcement = applicationText(this.language, 'live', {
        number: created.number,
        status: applicationText(this.language, created.status),
      });
    } catch (error) {
      this.applyFailure = this.#describe(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#apply-year')?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, applicationText(lang, 'signedOut'));
    if (gate) return gate;
    if (!this.childId) return textNotice(applicationText(lang, 'noChild'), 'alert');
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, applicationText(lang, 'title'), { title: true, id: 'title' })}
      ${this.#list.render({
        initial: () => loadingNotice(this.language),
        pending: () => (this.applications ? this.#renderList() : loadingNotice(this.language)),
        error: (error) =>
          failureNotice(this.language, this.#describe(error), () => void this.#list.run()),
        complete: () => this.#renderList(),
      })}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderList() {
    const lang = this.language;
    const items = this.applications ?? [];
    const [latest, ...earlier] = items;
    const inProgress = items.some((a) => IN_PROGRESS.includes(a.status));
    return html`${latest ? this.#renderApplication(latest) : textNotice(applicationText(lang, 'none'))}
    ${inProgress ? nothing : this.#renderApply()}
    ${
      earlier.length > 0
        ? html`<details class="diary-earlier">
            <summary>${applicationText(lang, 'earlier')}</summary>
            ${earlier.map((a) => this.#renderApplication(a))}
          </details>`
        : nothing
    }`;
  }

  #renderApplication(application: Application) {
    const lang = this.language;
    const headingId = `app-${application.id}`;
    return html`<article
      class="diary-application"
      part="application"
      aria-labelledby=${headingId}
      data-application=${application.id}
      data-status=${application.status}
    >
      ${renderHeading(
        subLevel(this.headingLevel),
        applicationText(lang, 'number', { number: application.number }),
        { id: headingId },
      )}
      <dl class="diary-facts">
        <div>
          <dt>${applicationText(lang, 'schoolYear')}</dt>
          <dd>${application.schoolYear}</dd>
        </div>
        <div>
          <dt>${applicationText(lang, 'status')}</dt>
          <dd data-status-text>${applicationText(lang, application.status)}</dd>
        </div>
      </dl>
      ${renderTimeline(lang, application, this.timeZone)}
      ${application.status === 'ready' ? this.#renderActivate(application) : nothing}
    </article>`;
  }

  #renderActivate(application: Application) {
    const lang = this.language;
    const failure = this.activateFailure;
    return html`<div class="diary-activate">
      <p class="diary-text">${applicationText(lang, 'readyHint')}</p>
      ${
        failure
          ? html`<p class="diary-error" part="error" role="alert">${failure.message}</p>`
          : nothing
      }
      <button
        type="button"
        class="diary-button"
        part="button activate"
        aria-disabled=${this.busy === 'activate' ? 'true' : nothing}
        @click=${() => void this.#activate(application)}
      >
        ${applicationText(lang, this.busy === 'activate' ? 'activating' : 'activate')}
      </button>
    </div>`;
  }

  #renderApply() {
    const lang = this.language;
    const years = openSchoolYears(todayIn(this.now(), this.timeZone));
    const failure = this.applyFailure;
    const fieldError =
      failure?.kind === 'api' ? failure.fields.find((f) => f.path === 'schoolYear') : undefined;
    const formError = failure && !fieldError ? failure.message : undefined;
    return html`<form class="diary-apply" part="apply" novalidate @submit=${this.#onApply}>
      ${renderHeading(subLevel(this.headingLevel), applicationText(lang, 'applyTitle'))}
      ${
        formError
          ? html`<p class="diary-error" part="error" role="alert">${formError}</p>`
          : nothing
      }
      <div class="diary-field ${fieldError ? 'diary-field--error' : ''}">
        <label class="diary-label" for="apply-year">${applicationText(lang, 'schoolYear')}</label>
        <p class="diary-hint" id="apply-hint">${applicationText(lang, 'applyHint')}</p>
        ${
          fieldError
            ? html`<p class="diary-error" id="apply-error" part="error">
                <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                  fieldError.message
                }
              </p>`
            : nothing
        }
        <select
          class="diary-input diary-input--year"
          part="select"
          id="apply-year"
          name="schoolYear"
          aria-invalid=${fieldError ? 'true' : nothing}
          aria-describedby=${fieldError ? 'apply-hint apply-error' : 'apply-hint'}
        >
          ${years.map((year) => html`<option value=${year}>${year}</option>`)}
        </select>
      </div>
      <button
        class="diary-button"
        part="button apply"
        aria-disabled=${this.busy === 'apply' ? 'true' : nothing}
      >
        ${applicationText(lang, this.busy === 'apply' ? 'sending' : 'apply')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-application': DiaryApplication;
  }
}
