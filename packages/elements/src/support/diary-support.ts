import {
  errorMessage,
  ticketInputSchema,
  ticketReplyInputSchema,
  validate,
  type Attachment,
  type School,
  type Ticket,
} from '@school-diary/core';
import { saveFile } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isSupportClient, type SupportClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { SchoolSearch } from '../shared/school-combobox';
import { schoolComboboxStyles } from '../shared/school-combobox.styles';
import { controlStyles, hostTokens } from '../shared/theme';
import { supportStyles } from './diary-support.styles';
import { renderCompose } from './support-compose';
import { supportText } from './support-text';
import { renderThread } from './support-thread';

/** Detail of `diary-ticket-change`. */
export interface DiaryTicketChangeDetail {
  /** The ticket as it is now: opened or replied to here, or answered by the school. */
  readonly ticket: Ticket;
}

declare global {
  interface HTMLElementEventMap {
    'diary-ticket-change': CustomEvent<DiaryTicketChangeDetail>;
  }
}

/** What the widget shows besides the list. */
type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'ticket'; readonly id: string };

/**
 * Support requests of the signed-in user: the list with numbers (ОБР-000001) and statuses, a new
 * request (topic, message, an optional application number, files), the conversation of one
 * request with the school's answers, and a reply. A parent whose children are linked to no school
 * chooses the school that should answer. Answers that arrive while the widget is open update it
 * live and are announced.
 *
 * @summary Support requests: open one, follow the conversation, reply; live answers.
 * @tag diary-support
 * @fires {CustomEvent<DiaryTicketChangeDetail>} diary-ticket-change - A request was opened or replied to here, or answered by the school.
 * @csspart base - The widget's box.
 * @csspart list - The list of requests.
 * @csspart ticket - One request in the list.
 * @csspart compose - The new request form.
 * @csspart thread - The conversation of one request.
 * @csspart message - One message of a conversation.
 * @csspart attachment - A file's download button.
 * @csspart reply - The reply form.
 * @csspart field - A form field (also `field-<name>`).
 * @csspart input - Text inputs and text areas.
 * @csspart file-input - File pickers.
 * @csspart button - Every button (also `new`, `send`, `cancel`, `back`, `reply-send`, `retry`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and the selected request.
 * @cssprop --diary-color-success - The «answered» status.
 * @cssprop --diary-color-border - Cards and messages.
 * @cssprop --diary-color-surface - The user's own messages.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiarySupport extends DiaryElement {
  static override styles = [hostTokens, controlStyles, schoolComboboxStyles, supportStyles];

  /** The request shown: its id opens its conversation (the list otherwise). */
  @property({ attribute: 'ticket-id', reflect: true }) accessor ticketId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The user's requests, newest change first, with live changes applied. */
  @state() protected accessor tickets: readonly Ticket[] | undefined;
  @state() protected accessor composing = false;
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor formError: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor announcement = '';
  @state() protected accessor school: School | undefined;

  /** The user's requests, reloaded for another user or client. */
  readonly #list = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id] as const,
    task: async ([client, userId], { signal }) => {
      if (!client || !userId) return initialState;
      const { items } = await client.support.list(undefined, { signal });
      return items;
    },
    onComplete: (items) => (this.tickets = items),
  });

  readonly #schools = new SchoolSearch(this, {
    search: async (q, signal) =>
      (await this.client?.schools.search({ q, page: 1, pageSize: 8 }, { signal }))?.items ?? [],
    delay: () => 300,
    onSelect: (school) => (this.school = school),
  });

  #stopLive: (() => void) | undefined;
  #liveClient: SupportClient | undefined;
  #focusAfter: string | undefined;

  get #client(): SupportClient | undefined {
    const client = this.client;
    return isSupportClient(client) ? client : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  protected override willUpdate(): void {
    // Whether the parent must choose a school depends on their children: ask the provider once.
    const env = this.environment;
    if (env?.session.user?.role === 'parent' && env.children.status === 'idle') env.loadChildren();
    const client = this.#client;
    if (client !== this.#liveClient) {
      this.#stopLive?.();
      this.#liveClient = client;
      this.#stopLive = client
        ? client.events.on('ticket.updated', (event) => this.#onLive(event.data))
        : undefined;
    }
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  #onLive(ticket: Ticket): void {
    if (!this.tickets) return;
    const known = this.tickets.find((t) => t.id === ticket.id);
    if (known && known.messages.length === ticket.messages.length && known.status === ticket.status)
      return;
    this.#put(ticket);
    this.announcement = supportText(this.language, 'live', {
      number: ticket.number,
      status: supportText(this.language, ticket.status),
    });
  }

  #put(ticket: Ticket): void {
    const others = (this.tickets ?? []).filter((t) => t.id !== ticket.id);
    this.tickets = [ticket, ...others].sort(
      (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number.localeCompare(a.number),
    );
    emit(this, 'diary-ticket-change', { ticket });
  }

  get #view(): View {
    if (this.composing) return { kind: 'new' };
    if (this.ticketId && this.tickets?.some((t) => t.id === this.ticketId))
      return { kind: 'ticket', id: this.ticketId };
    return { kind: 'list' };
  }

  /** A parent none of whose children is linked to a school chooses the school that answers. */
  get #needsSchool(): boolean {
    const env = this.environment;
    if (env?.session.user?.role !== 'parent') return false;
    if (env.children.status !== 'ready') return false;
    return !env.children.items.some((child) => child.schoolId);
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext());
  }

  /** Shows a failed write: at its fields when the server named them, else above the form. */
  #showFailure(error: unknown, fieldIds: Readonly<Record<string, string>>): void {
    const failure = this.#describe(error);
    const fields = failure.kind === 'api' ? failure.fields : [];
    const errors: Record<string, string> = {};
    for (const f of fields) errors[f.path] ??= f.message;
    this.errors = errors;
    this.formError = fields.length ? undefined : failure.message;
    const first = Object.keys(errors)[0];
    this.#focusAfter = first ? (fieldIds[first] ?? first) : undefined;
  }

  async #upload(client: SupportClient, input: HTMLInputElement | null): Promise<string[]> {
    const files = [...(input?.files ?? [])];
    const ids: string[] = [];
    for (const file of files)
      ids.push((await client.attachments.upload({ file, fileName: file.name })).id);
    return ids;
  }

  async #onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      subject: String(data.get('subject') ?? ''),
      text: String(data.get('text') ?? ''),
      ...(String(data.get('applicationNumber') ?? '').trim()
        ? { applicationNumber: String(data.get('applicationNumber')).trim() }
        : {}),
      ...(this.#needsSchool && this.school ? { schoolId: this.school.id } : {}),
    };
    const fieldIds = { attachmentIds: 'compose-files' };
    const checked = validate(ticketInputSchema, input, this.language);
    const errors: Record<string, string> = {};
    if (!checked.ok) for (const e of checked.errors) errors[e.path] ??= e.message;
    if (this.#needsSchool && !this.school)
      errors.schoolId = errorMessage('required', { lang: this.language, field: 'schoolId' });
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.formError = undefined;
      this.#focusAfter = Object.keys(errors)[0];
      return;
    }
    this.busy = true;
    try {
      const attachmentIds = await this.#upload(
        client,
        form.querySelector<HTMLInputElement>('#compose-files'),
      );
      const ticket = await client.support.create({ ...input, attachmentIds });
      this.errors = {};
      this.formError = undefined;
      this.composing = false;
      this.#put(ticket);
      this.ticketId = ticket.id;
      this.announcement = supportText(this.language, 'created', { number: ticket.number });
      this.#focusAfter = 'thread-title';
    } catch (error) {
      this.#showFailure(error, fieldIds);
    } finally {
      this.busy = false;
    }
  }

  async #onReply(event: SubmitEvent, ticket: Ticket): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '');
    const checked = validate(ticketReplyInputSchema, { text }, this.language);
    if (!checked.ok) {
      this.errors = Object.fromEntries(checked.errors.map((e) => [e.path, e.message]));
      this.#focusAfter = 'reply';
      return;
    }
    this.busy = true;
    try {
      const attachmentIds = await this.#upload(
        client,
        form.querySelector<HTMLInputElement>('#reply-files'),
      );
      const updated = await client.support.reply({ ticketId: ticket.id, text, attachmentIds });
      form.reset();
      this.errors = {};
      this.formError = undefined;
      this.#put(updated);
      this.announcement = supportText(this.language, 'replied');
    } catch (error) {
      this.#showFailure(error, { text: 'reply', attachmentIds: 'reply-files' });
    } finally {
      this.busy = false;
    }
  }

  async #download(attachment: Attachment): Promise<void> {
    const client = this.#client;
    if (!client) return;
    try {
      saveFile(await client.attachments.download({ attachmentId: attachment.id }), attachment.name);
    } catch (error) {
      this.formError = this.#describe(error).message;
    }
  }

  #open(id: string | undefined): void {
    this.ticketId = id;
    this.composing = false;
    this.errors = {};
    this.formError = undefined;
    this.#focusAfter = id ? 'thread-title' : 'new';
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, supportText(lang, 'signedOut'));
    if (gate) return gate;
    const userId = this.environment?.session.user?.id ?? '';
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, supportText(lang, 'title'), { title: true, id: 'title' })}
      ${this.#list.render({
        initial: () => loadingNotice(this.language),
        pending: () => (this.tickets ? this.#renderBody(userId) : loadingNotice(this.language)),
        error: (error) =>
          failureNotice(this.language, this.#describe(error), () => void this.#list.run()),
        complete: () => this.#renderBody(userId),
      })}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderBody(userId: string) {
    const lang = this.language;
    const view = this.#view;
    if (view.kind === 'new')
      return renderCompose({
        lang,
        headingLevel: subLevel(this.headingLevel),
        errors: this.errors,
        formError: this.formError,
        schoolSearch: this.#needsSchool ? this.#schools : undefined,
        busy: this.busy,
        onSubmit: (event) => void this.#onCreate(event),
        onCancel: () => {
          this.composing = false;
          this.errors = {};
          this.#focusAfter = 'new';
        },
      });
    const ticket = view.kind === 'ticket' ? this.tickets?.find((t) => t.id === view.id) : undefined;
    if (ticket)
      return renderThread({
        lang,
        headingLevel: subLevel(this.headingLevel),
        timeZone: this.timeZone,
        ticket,
        userId,
        errors: this.errors,
        formError: this.formError,
        busy: this.busy,
        onReply: (event) => void this.#onReply(event, ticket),
        onDownload: (attachment) => void this.#download(attachment),
        onBack: () => this.#open(undefined),
      });
    return this.#renderList();
  }

  #renderList() {
    const lang = this.language;
    const tickets = this.tickets ?? [];
    return html`<button
        type="button"
        class="diary-button"
        part="button new"
        id="new"
        @click=${() => {
          this.composing = true;
          this.errors = {};
          this.formError = undefined;
          this.#focusAfter = 'subject';
        }}
      >
        ${supportText(lang, 'newTicket')}
      </button>
      ${
        tickets.length === 0
          ? textNotice(supportText(lang, 'empty'))
          : html`<ul class="diary-tickets" part="list" aria-label=${supportText(lang, 'listLabel')}>
              ${tickets.map(
                (t) =>
                  html`<li part="ticket" data-ticket=${t.id} data-status=${t.status}>
                    <button type="button" class="diary-ticket" @click=${() => this.#open(t.id)}>
                      <span class="diary-ticket-number">${t.number}</span>
                      <span class="diary-ticket-subject">${t.subject}</span>
                      <span class="diary-status diary-status--${t.status}"
                        >${supportText(lang, t.status)}</span
                      >
                      <span class="diary-ticket-date"
                        >${supportText(lang, 'updated', {
                          date: formatDate(
                            lang,
                            t.updatedAt,
                            { day: 'numeric', month: 'long' },
                            this.timeZone,
                          ),
                        })}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-support': DiarySupport;
  }
}
