import {
  errorMessage,
  portfolioCommentInputSchema,
  portfolioInputSchema,
  todayIn,
  validate,
  type Attachment,
  type Period,
  type PortfolioItem,
  type PortfolioQuery,
} from '@school-diary/core';
import { saveFile } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isPortfolioClient, type PortfolioClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { portfolioStyles } from './diary-portfolio.styles';
import { renderComments } from './portfolio-comments';
import { levelOptions, renderItemForm, tagOptions, type SubjectOption } from './portfolio-form';
import { portfolioText } from './portfolio-text';

/** Detail of `diary-portfolio-change`. */
export interface DiaryPortfolioChangeDetail {
  /** The item as saved: added or edited here. */
  readonly item: PortfolioItem;
}

declare global {
  interface HTMLElementEventMap {
    'diary-portfolio-change': CustomEvent<DiaryPortfolioChangeDetail>;
  }
}

/** The subjects and periods a child's items are tagged with. */
interface Tags {
  readonly subjects: readonly SubjectOption[];
  readonly periods: readonly Period[];
}

type Filters = Pick<PortfolioQuery, 'subjectId' | 'periodId' | 'level' | 'q'>;

/** Ids of the form's controls by the wire's field path, for focusing the first error. */
const FIELD_IDS: Readonly<Record<string, string>> = { attachmentId: 'attachmentId' };

/**
 * A child's portfolio: works, projects, test results, certificates and diplomas, each with its
 * kind, date, tags (subject, term, level), file and the teachers' comments. The family searches
 * it by tag and by words, adds an item with a file and edits one (its creator or a parent).
 *
 * @summary A child's portfolio: items with tags, files and teachers' comments; search, add, edit.
 * @tag diary-portfolio
 * @fires {CustomEvent<DiaryPortfolioChangeDetail>} diary-portfolio-change - An item was added or edited here.
 * @csspart base - The widget's box.
 * @csspart filters - The search form.
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart tag - One tag of an item.
 * @csspart comments - The teachers' comments of an item.
 * @csspart comment - One comment: its author, date and text.
 * @csspart comment-form - A teacher's comment form.
 * @csspart attachment - A file's download button.
 * @csspart form - The add/edit form.
 * @csspart field - A form field (also `field-<name>`).
 * @csspart input - Text inputs, selects and text areas.
 * @csspart file-input - The file picker.
 * @csspart button - Every button (also `add`, `edit`, `save`, `cancel`, `search`, `reset`, `retry`, `comment`, `send-comment`, `cancel-comment`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing changes.
 * @cssprop --diary-color-primary - Buttons and the comments' rule.
 * @cssprop --diary-color-border - Cards and tags.
 * @cssprop --diary-color-text-muted - Dates.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryPortfolio extends DiaryElement {
  static override styles = [hostTokens, controlStyles, portfolioStyles];

  /** The child whose portfolio is shown; the provider's selected child when left empty. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The search applied to the list. */
  @state() protected accessor filters: Filters = {};
  /** The form: closed, a new item (`new`) or the id of the item edited. */
  @state() protected accessor editing: string | undefined;
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor formError: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor announcement = '';
  /** The item whose comment form is open. */
  @state() protected accessor commenting: string | undefined;
  @state() protected accessor commentDraft = '';
  @state() protected accessor commentError: string | undefined;

  readonly #items = new Task(this, {
    args: () =>
      [this.#client, this.environment?.session.user?.id, this.childId, this.filters] as const,
    task: async ([client, userId, childId, filters], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
      return (await client.portfolio.list({ childId, ...query }, { signal })).items;
    },
  });

  readonly #tags = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.role, this.childId] as const,
    task: async ([client, role, childId], { signal }): Promise<Tags> => {
      if (!client || !role || !childId) return { subjects: [], periods: [] };
      // Only the family may list the child's teachers; staff tag by the periods alone.
      const family = role === 'parent' || role === 'student';
      const [teachers, year] = await Promise.all([
        family ? client.children.teachers({ childId }, { signal }) : { items: [] },
        client.children.periods({ childId }, { signal }).catch(() => ({ periods: [] })),
      ]);
      const subjects = new Map<string, string>();
      for (const t of teachers.items) for (const s of t.subjects) subjects.set(s.id, s.name);
      return {
        subjects: [...subjects].map(([id, name]) => ({ id, name })),
        periods: year.periods,
      };
    },
  });

  #focusAfter: string | undefined;
  #liveClient: PortfolioClient | undefined;
  #stopLive: (() => void) | undefined;

  get #client(): PortfolioClient | undefined {
    const client = this.client;
    return isPortfolioClient(client) ? client : undefined;
  }

  get #today(): string {
    return todayIn(new Date(), this.timeZone);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveClient = undefined;
  }

  /** A teacher's comment or item reaches the family as a portfolio notification: reload then. */
  protected override willUpdate(): void {
    const client = this.#client;
    if (client === this.#liveClient) return;
    this.#stopLive?.();
    this.#liveClient = client;
    this.#stopLive = client?.events.on('notification.created', (event) => {
      const n = event.data;
      if (n.kind !== 'portfolio' || n.childId !== this.childId) return;
      const item = this.#items.value?.find((i) => i.id === n.targetId);
      if (item) this.announcement = this.#t('newComment', { title: item.title });
      void this.#items.run();
    });
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext());
  }

  #t(key: Parameters<typeof portfolioText>[1], params?: Record<string, string | number>) {
    return portfolioText(this.language, key, params);
  }

  /** Whether the user may edit an item: its creator, or a parent of the child. */
  #mayEdit(item: PortfolioItem): boolean {
    const user = this.environment?.session.user;
    return Boolean(user && (user.role === 'parent' || item.createdBy === user.id));
  }

  #open(editing: string | undefined, focus: string): void {
    this.editing = editing;
    this.errors = {};
    this.formError = undefined;
    this.#focusAfter = focus;
  }

  #onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    this.filters = {
      subjectId: value('f-subject'),
      periodId: value('f-period'),
      level: value('f-level') as Filters['level'],
      q: value('f-q'),
    };
  }

  /** Reads the form, checks it with core's schema and the date against today. */
  #read(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const tag = (name: string) => text(name) || undefined;
    const input = {
      kind: text('kind'),
      title: text('title'),
      description: text('description'),
      date: text('date'),
      subjectId: tag('subjectId'),
      periodId: tag('periodId'),
      level: tag('level'),
    };
    const checked = validate(portfolioInputSchema, input, this.language);
    const errors: Record<string, string> = {};
    if (!checked.ok) for (const e of checked.errors) errors[e.path] ??= e.message;
    if (!errors.date && input.date > this.#today)
      errors.date = errorMessage('future_date', { lang: this.language, field: 'date' });
    const file = form.querySelector<HTMLInputElement>('#attachmentId')?.files?.[0];
    return { input, errors, file, removeFile: data.get('removeFile') === 'on' };
  }

  async #onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const childId = this.childId;
    if (!client || !childId || this.busy) return;
    const { input, errors, file, removeFile } = this.#read(event.target as HTMLFormElement);
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.formError = undefined;
      this.#focusAfter = Object.keys(errors)[0];
      return;
    }
    const editing = this.#items.value?.find((i) => i.id === this.editing);
    this.busy = true;
    try {
      const uploaded = file
        ? await client.attachments.upload({ file, fileName: file.name })
        : undefined;
      const body = {
        ...input,
        kind: input.kind as PortfolioItem['kind'],
        level: input.level as PortfolioItem['level'],
      };
      const item = editing
        ? await client.portfolio.update({
            itemId: editing.id,
            ...body,
            description: body.description.trim() || null,
            subjectId: body.subjectId ?? null,
            periodId: body.periodId ?? null,
            level: body.level ?? null,
            ...(uploaded
              ? { attachmentId: uploaded.id }
              : removeFile
                ? { attachmentId: null }
                : {}),
          })
        : await client.portfolio.create({
            childId,
            ...body,
            ...(body.description.trim() ? {} : { description: undefined }),
            ...(uploaded ? { attachmentId: uploaded.id } : {}),
          });
      this.announcement = this.#t(editing ? 'saved' : 'added', { title: item.title });
      this.#open(undefined, editing ? `edit-${item.id}` : 'add');
      emit(this, 'diary-portfolio-change', { item });
      void this.#items.run();
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  /** Whether the reader may comment: a teacher of the child's class or the school's admin. */
  get #mayComment(): boolean {
    const role = this.environment?.session.user?.role;
    return role === 'teacher' || role === 'school_admin';
  }

  #openComment(itemId: string | undefined): void {
    const closing = this.commenting;
    this.commenting = itemId;
    this.commentDraft = '';
    this.commentError = undefined;
    this.#focusAfter = itemId ? `comment-${itemId}` : closing && `comment-open-${closing}`;
  }

  async #onComment(event: SubmitEvent, item: PortfolioItem): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const checked = validate(
      portfolioCommentInputSchema,
      { text: this.commentDraft },
      this.language,
    );
    if (!checked.ok) {
      const first = checked.errors[0];
      this.commentError =
        first?.code === 'required'
          ? errorMessage('required', { lang: this.language, field: 'comment' })
          : first?.message;
      this.#focusAfter = `comment-${item.id}`;
      return;
    }
    this.busy = true;
    try {
      await client.portfolio.comment({ itemId: item.id, text: checked.value.text });
      this.announcement = this.#t('commented', { title: item.title });
      this.#openComment(undefined);
      await this.#items.run();
    } catch (error) {
      const failure = this.#describe(error);
      const field =
        failure.kind === 'api' ? failure.fields.find((f) => f.path === 'text') : undefined;
      this.commentError = field?.message ?? failure.message;
      this.#focusAfter = `comment-${item.id}`;
    } finally {
      this.busy = false;
    }
  }

  /** Shows a failed save: at its fields when the server named them, else above the form. */
  #showFailure(error: unknown): void {
    const failure = this.#describe(error);
    const fields = failure.kind === 'api' ? failure.fields : [];
    const errors: Record<string, string> = {};
    for (const f of fields) errors[f.path] ??= f.message;
    this.errors = errors;
    this.formError = fields.length ? undefined : failure.message;
    const first = Object.keys(errors)[0];
    this.#focusAfter = first ? (FIELD_IDS[first] ?? first) : undefined;
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

  protected override render() {
    const gate = this.renderSignedInGate(this.#client, this.#t('signedOut'));
    if (gate) return gate;
    if (!this.childId) return textNotice(this.#t('noChild'), 'alert');
    const tags = this.#tags.value ?? { subjects: [], periods: [] };
    return html`<section class="diary-base" part="base" aria-labelledby="portfolio-title">
      ${renderHeading(this.headingLevel, this.#t('title'), { title: true, id: 'portfolio-title' })}
      ${this.editing ? this.#renderForm(tags) : this.#renderBrowse(tags)}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderForm(tags: Tags) {
    return renderItemForm({
      lang: this.language,
      headingLevel: subLevel(this.headingLevel),
      item: this.#items.value?.find((i) => i.id === this.editing),
      subjects: tags.subjects,
      periods: tags.periods,
      today: this.#today,
      errors: this.errors,
      formError: this.formError,
      busy: this.busy,
      onSubmit: (event) => void this.#onSave(event),
      onCancel: () =>
        this.#open(undefined, this.editing === 'new' ? 'add' : `edit-${this.editing}`),
    });
  }

  #renderBrowse(tags: Tags) {
    const role = this.environment?.session.user?.role;
    const canAdd = role === 'parent' || role === 'student' || role === 'teacher';
    return html`${
      canAdd
        ? html`<button
            type="button"
            class="diary-button"
            part="button add"
            id="add"
            @click=${() => this.#open('new', 'kind')}
          >
            ${this.#t('add')}
          </button>`
        : nothing
    }
    ${this.#renderFilters(tags)}
    ${this.#items.render({
      initial: () => loadingNotice(this.language),
      pending: () =>
        this.#items.value
          ? this.#renderList(this.#items.value, tags)
          : loadingNotice(this.language),
      error: (error) =>
        failureNotice(this.language, this.#describe(error), () => void this.#items.run()),
      complete: (items) => this.#renderList(items, tags),
    })}`;
  }

  #renderFilters(tags: Tags) {
    const f = this.filters;
    const select = (
      id: string,
      label: string,
      selected: string | undefined,
      options: Parameters<typeof tagOptions>[2],
    ) =>
      html`<div class="diary-field" part="field field-${id}">
        <label class="diary-label" for=${id}>${label}</label>
        <select class="diary-input" part="input" id=${id} name=${id}>
          ${tagOptions(selected, this.#t('any'), options)}
        </select>
      </div>`;
    return html`<form
      class="diary-filters"
      part="filters"
      role="search"
      aria-label=${this.#t('filters')}
      @submit=${(e: SubmitEvent) => this.#onSearch(e)}
    >
      <div class="diary-field" part="field field-q">
        <label class="diary-label" for="f-q">${this.#t('q')}</label>
        <input
          class="diary-input"
          part="input"
          id="f-q"
          name="f-q"
          type="search"
          autocomplete="off"
          .value=${f.q ?? ''}
        />
      </div>
      ${select(
        'f-subject',
        this.#t('subject'),
        f.subjectId,
        tags.subjects.map((s) => ({ value: s.id, label: s.name })),
      )}
      ${select(
        'f-period',
        this.#t('period'),
        f.periodId,
        tags.periods.map((p) => ({ value: p.id, label: p.name })),
      )}
      ${select('f-level', this.#t('level'), f.level, levelOptions(this.language))}
      <div class="diary-actions">
        <button class="diary-button" part="button search">${this.#t('search')}</button>
        <button
          type="reset"
          class="diary-button diary-button--secondary"
          part="button reset"
          @click=${() => (this.filters = {})}
        >
          ${this.#t('reset')}
        </button>
      </div>
    </form>`;
  }

  #renderList(items: readonly PortfolioItem[], tags: Tags) {
    const filtered = Object.values(this.filters).some(Boolean);
    if (items.length === 0)
      return textNotice(this.#t(filtered ? 'nothingFound' : 'empty'), 'status');
    return html`${filtered ? html`<p class="diary-text" role="status">${this.#t('found', { count: items.length })}</p>` : nothing}
      <ul class="diary-items" part="list" aria-label=${this.#t('listLabel')}>
        ${items.map((item) => this.#renderItem(item, tags))}
      </ul>`;
  }

  #renderItem(item: PortfolioItem, tags: Tags) {
    const lang = this.language;
    const date = (value: string) =>
      formatDate(lang, value, { day: 'numeric', month: 'long', year: 'numeric' }, this.timeZone);
    const labels = [
      tags.subjects.find((s) => s.id === item.subjectId)?.name,
      tags.periods.find((p) => p.id === item.periodId)?.name,
      item.level ? this.#t('levelTag', { level: this.#t(item.level) }) : undefined,
    ].filter((label): label is string => Boolean(label));
    const headingId = `item-${item.id}`;
    return html`<li
      class="diary-item"
      part="item"
      data-item=${item.id}
      aria-labelledby=${headingId}
    >
      ${renderHeading(subLevel(this.headingLevel), item.title, { id: headingId })}
      <p class="diary-item-meta">
        ${this.#t(item.kind)} · <time datetime=${item.date}>${date(item.date)}</time>
      </p>
      ${
        labels.length
          ? html`<ul class="diary-tags" aria-label=${this.#t('level')}>
              ${labels.map((label) => html`<li class="diary-tag" part="tag">${label}</li>`)}
            </ul>`
          : nothing
      }
      ${item.description ? html`<p class="diary-text">${item.description}</p>` : nothing}
      ${
        item.attachment
          ? html`<p>
              <button
                type="button"
                class="diary-link"
                part="attachment"
                @click=${() => item.attachment && void this.#download(item.attachment)}
              >
                ${this.#t('download', { name: item.attachment.name })}
              </button>
            </p>`
          : nothing
      }
      ${renderComments({
        lang,
        item,
        date,
        mayComment: this.#mayComment,
        open: this.commenting === item.id,
        draft: this.commentDraft,
        error: this.commentError,
        busy: this.busy,
        onOpen: () => this.#openComment(item.id),
        onInput: (text) => (this.commentDraft = text),
        onSubmit: (event) => void this.#onComment(event, item),
        onCancel: () => this.#openComment(undefined),
      })}
      ${
        this.#mayEdit(item)
          ? html`<div class="diary-actions">
              <button
                type="button"
                class="diary-button diary-button--secondary"
                part="button edit"
                id="edit-${item.id}"
                aria-label=${this.#t('editLabel', { title: item.title })}
                @click=${() => this.#open(item.id, 'kind')}
              >
                ${this.#t('edit')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-portfolio': DiaryPortfolio;
  }
}
