import {
  AUDIT_ACTION_GROUPS,
  AUDIT_OUTCOMES,
  checkDateOrder,
  errorMessage,
  isAuditAction,
  type AuditAction,
  type AuditActionGroup,
  type AuditEntry,
  type Lang,
} from '@school-diary/core';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderDateField } from '../shared/date-field';
import { formatDate } from '../shared/dates';
import { isAuditLogClient, type AuditLogClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { roleRefusal } from '../shared/role-refusal';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { auditLogStyles } from './diary-audit-log.styles';
import { AUDIT_ACTION_GROUP_WORDS, AUDIT_ACTION_WORDS, auditLogText } from './audit-log-text';

/** An outcome the audit log records. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The filters the log is read with (dates `YYYY-MM-DD`; empty means no bound). */
interface AuditFilters {
  readonly from: string;
  readonly to: string;
  readonly action: AuditAction | '';
  readonly outcome: AuditOutcome | '';
}

const NO_FILTERS: AuditFilters = { from: '', to: '', action: '', outcome: '' };

const byLang = (lang: Lang, words: readonly [string, string]) => words[lang === 'en' ? 1 : 0];

/** The action's words in the reader's language. */
function actionWords(lang: Lang, action: AuditAction): string {
  return byLang(lang, AUDIT_ACTION_WORDS[action]);
}

/**
 * The school's audit log for its administrator: who did what (by name and role), when (in the
 * school's time zone) and with what outcome, newest first, filtered by period, action and outcome,
 * a page at a time. Other roles are told the log is not for them; at narrow widths the table
 * scrolls in its own labelled region.
 *
 * @summary A school's audit log: filter by period, action and outcome, page through it.
 * @tag diary-audit-log
 * @csspart base - The widget's box.
 * @csspart filters - The filter form.
 * @csspart field - A filter (a date box, a select).
 * @csspart label - A date box's label.
 * @csspart input - A date box or a select.
 * @csspart region - The scrolling region around the table.
 * @csspart table - The table of entries.
 * @csspart pager - Previous and next page with the page shown.
 * @csspart button - Every button (also `apply`, `previous`, `next`, `retry`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The table's rules.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryAuditLog extends DiaryElement {
  static override styles = [hostTokens, controlStyles, auditLogStyles];

  /** The school whose log is shown; the signed-in admin's own school when absent. */
  @property({ attribute: 'school-id', reflect: true }) accessor schoolId: string | undefined;
  /** Entries per page (50 by default, at most 100 as core allows). */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = 50;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The filters applied (the last ones the reader submitted without errors). */
  @state() protected accessor applied: AuditFilters = NO_FILTERS;
  /** The filters as the reader is editing them. */
  @state() protected accessor draft: AuditFilters = NO_FILTERS;
  /** Field errors of the filter form, by field. */
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor page = 1;

  readonly #log = new Task(this, {
    args: () => [this.#client, this.#school, this.applied, this.page, this.pageSize] as const,
    task: async ([client, schoolId, filters, page, pageSize], { signal }) => {
      if (!client || !schoolId || !this.#isAdmin) return initialState;
      return client.audit.list(
        {
          schoolId,
          page,
          pageSize,
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
          ...(filters.action ? { action: filters.action } : {}),
          ...(filters.outcome ? { outcome: filters.outcome } : {}),
        },
        { signal },
      );
    },
  });

  /** The pager button to focus once the page asked for has loaded. */
  #focusAfter: 'previous' | 'next' | undefined;

  get #client(): AuditLogClient | undefined {
    const client = this.client;
    return isAuditLogClient(client) ? client : undefined;
  }

  get #school(): string | undefined {
    return this.schoolId ?? this.environment?.session.user?.schoolId;
  }

  get #isAdmin(): boolean {
    return this.environment?.session.user?.role === 'school_admin';
  }

  protected override updated(): void {
    const button = this.#focusAfter;
    if (!button || this.#log.status === TaskStatus.PENDING) return;
    // The button pressed keeps focus while it can be pressed; at either end, the other one.
    const target = [button, button === 'next' ? 'previous' : 'next']
      .map((part) => this.renderRoot.querySelector<HTMLButtonElement>(`[part~="${part}"]`))
      .find((b) => b && !b.disabled);
    if (!target) return;
    this.#focusAfter = undefined;
    target.focus();
  }

  #apply(event: SubmitEvent): void {
    event.preventDefault();
    const { from, to } = this.draft;
    const order = checkDateOrder(from, to);
    this.errors = order ? { to: errorMessage(order, { lang: this.language, field: 'to' }) } : {};
    if (order) {
      this.renderRoot.querySelector<HTMLElement>('#to')?.focus();
      return;
    }
    this.applied = this.draft;
    this.page = 1;
  }

  #goTo(page: number, button: 'previous' | 'next'): void {
    this.page = page;
    this.#focusAfter = button;
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, auditLogText(lang, 'signedOut'));
    if (gate) return gate;
    const user = this.environment?.session.user;
    const body =
      user && user.role !== 'school_admin'
        ? failureNotice(lang, roleRefusal(lang, user.role), () => undefined)
        : !this.#school
          ? textNotice(auditLogText(lang, 'noSchool'))
          : html`${this.#renderFilters()} ${this.#renderLog()}`;
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, auditLogText(lang, 'title'), { title: true, id: 'title' })}
      ${body}
    </section>`;
  }

  #renderLog() {
    const lang = this.language;
    return this.#log.render({
      initial: () => loadingNotice(lang),
      pending: () => loadingNotice(lang),
      error: (error) =>
        failureNotice(
          lang,
          describeFailure(error, this.failureContext()),
          () => void this.#log.run(),
        ),
      complete: (result) =>
        result.items.length === 0
          ? textNotice(auditLogText(lang, 'empty'))
          : html`${this.#renderTable(result.items)}
            ${this.#renderPager(result.page, Math.ceil(result.total / result.pageSize), result.total)}`,
    });
  }

  #renderFilters() {
    const lang = this.language;
    const draft = this.draft;
    const set = (patch: Partial<AuditFilters>) => {
      this.draft = { ...this.draft, ...patch };
    };
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    return html`<form
      class="diary-filters"
      part="filters"
      aria-label=${auditLogText(lang, 'filters')}
      novalidate
      @submit=${(event: SubmitEvent) => this.#apply(event)}
    >
      ${renderDateField(lang, {
        id: 'from',
        label: auditLogText(lang, 'from'),
        value: draft.from,
        error: this.errors['from'],
        onChange: (event) => set({ from: value(event) }),
      })}
      ${renderDateField(lang, {
        id: 'to',
        label: auditLogText(lang, 'to'),
        value: draft.to,
        error: this.errors['to'],
        onChange: (event) => set({ to: value(event) }),
      })}
      <div class="diary-filter" part="field">
        <label class="diary-label" for="action">${auditLogText(lang, 'action')}</label>
        <select
          id="action"
          class="diary-input"
          part="input"
          @change=${(event: Event) => {
            const action = value(event);
            set({ action: isAuditAction(action) ? action : '' });
          }}
        >
          <option value="" ?selected=${!draft.action}>${auditLogText(lang, 'anyAction')}</option>
          ${(Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[]).map(
            (group) =>
              html`<optgroup label=${byLang(lang, AUDIT_ACTION_GROUP_WORDS[group])}>
                ${AUDIT_ACTION_GROUPS[group].map(
                  (code) =>
                    html`<option value=${code} ?selected=${code === draft.action}>
                      ${actionWords(lang, code)}
                    </option>`,
                )}
              </optgroup>`,
          )}
        </select>
      </div>
      <div class="diary-filter" part="field">
        <label class="diary-label" for="outcome">${auditLogText(lang, 'outcome')}</label>
        <select
          id="outcome"
          class="diary-input"
          part="input"
          @change=${(event: Event) => set({ outcome: value(event) as AuditOutcome | '' })}
        >
          <option value="" ?selected=${!draft.outcome}>${auditLogText(lang, 'anyOutcome')}</option>
          ${AUDIT_OUTCOMES.map(
            (outcome) =>
              html`<option value=${outcome} ?selected=${outcome === draft.outcome}>
                ${auditLogText(lang, outcome)}
              </option>`,
          )}
        </select>
      </div>
      <button type="submit" class="diary-button" part="button apply">
        ${auditLogText(lang, 'apply')}
      </button>
    </form>`;
  }

  #renderTable(items: readonly AuditEntry[]) {
    const lang = this.language;
    const when = { dateStyle: 'short', timeStyle: 'short' } as const;
    return html`<div
      class="diary-region"
      part="region"
      role="region"
      tabindex="0"
      aria-label=${auditLogText(lang, 'region')}
    >
      <table class="diary-table" part="table">
        <caption>
          ${auditLogText(lang, 'caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${auditLogText(lang, 'at')}</th>
            <th scope="col">${auditLogText(lang, 'who')}</th>
            <th scope="col">${auditLogText(lang, 'action')}</th>
            <th scope="col">${auditLogText(lang, 'record')}</th>
            <th scope="col">${auditLogText(lang, 'outcome')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (entry) =>
              html`<tr data-entry=${entry.id}>
                <td>
                  <time datetime=${entry.at}
                    >${formatDate(lang, entry.at, when, this.timeZone)}</time
                  >
                </td>
                <td>${this.#who(entry)}</td>
                <td>${actionWords(lang, entry.action)}</td>
                <td>${entry.target ?? '—'}</td>
                <td class="diary-outcome diary-outcome--${entry.outcome}">
                  ${auditLogText(lang, entry.outcome)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #who(entry: AuditEntry): string {
    const lang = this.language;
    if (!entry.actorId) return auditLogText(lang, 'nobody');
    if (!entry.actorRole) return entry.actorName ?? entry.actorId;
    const role = auditLogText(lang, entry.actorRole);
    return entry.actorName
      ? auditLogText(lang, 'named', { name: entry.actorName, role })
      : auditLogText(lang, 'someone', { role, id: entry.actorId });
  }

  #renderPager(page: number, pages: number, total: number) {
    const lang = this.language;
    return html`<nav class="diary-pager" part="pager" aria-label=${auditLogText(lang, 'pages')}>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button previous"
        ?disabled=${page <= 1}
        @click=${() => this.#goTo(page - 1, 'previous')}
      >
        ${auditLogText(lang, 'previous')}
      </button>
      <p class="diary-text" role="status" aria-live="polite">
        ${auditLogText(lang, 'page', { page, pages })}, ${auditLogText(lang, 'shown', { total })}
      </p>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button next"
        ?disabled=${page >= pages}
        @click=${() => this.#goTo(page + 1, 'next')}
      >
        ${auditLogText(lang, 'next')}
      </button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-audit-log': DiaryAuditLog;
  }
}
