import type { NewsItem } from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { focusControl } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { roleRefusal } from '../shared/role-refusal';
import { controlStyles, hostTokens } from '../shared/theme';
import { renderArticle } from '../news/news-item';
import { newsEditorStyles } from './diary-news-editor.styles';
import { checkDraft, draftInput, EMPTY_DRAFT, previewItem, type NewsDraft } from './news-draft';
import { isNewsEditorClient, type NewsEditorClient } from './news-editor-client';
import { renderNewsForm } from './news-editor-form';
import { renderPublishedList } from './news-editor-list';
import { newsEditorText as t } from './news-editor-text';

/** Detail of `diary-news-editor-change`. */
export interface DiaryNewsEditorChangeDetail {
  /** What happened to the item. */
  readonly action: 'publish' | 'remove';
  /** The item as published, or as it was before its removal. */
  readonly item: NewsItem;
}

declare global {
  interface HTMLElementEventMap {
    'diary-news-editor-change': CustomEvent<DiaryNewsEditorChangeDetail>;
  }
}

const PAGE_SIZE = 10;

/**
 * A school administrator's news desk: writes a news item or an event (its day, hours and place),
 * with an optional picture and its description, sees it as parents will while typing, publishes
 * it, and removes a published item after confirming. Every field is checked with core's schema
 * and rules before anything is sent, a field the server refuses shows its message beside that
 * field, and nothing typed is lost on an error. Parents read the result in `<diary-news>`.
 *
 * @summary A school admin publishes news and events and removes them.
 * @tag diary-news-editor
 * @fires {CustomEvent<DiaryNewsEditorChangeDetail>} diary-news-editor-change - An item was published or removed here.
 * @csspart base - The widget's box.
 * @csspart form - The publishing form.
 * @csspart field - Every field (with `field-<name>`).
 * @csspart label - The fields' labels and legends.
 * @csspart input - Text inputs and the text area.
 * @csspart hint - The fields' hints.
 * @csspart error - Error messages.
 * @csspart error-summary - The list of the form's errors, linked to their fields.
 * @csspart event - An event's day, hours and place.
 * @csspart image-fields - The picture's address and description.
 * @csspart preview - The item as parents will see it.
 * @csspart article-title - The preview's title.
 * @csspart event-facts - The preview's day, hours and place.
 * @csspart image - The preview's picture.
 * @csspart list - The published items.
 * @csspart item - One published item.
 * @csspart confirm - The question before a removal.
 * @csspart button - Every button (also `publish`, `remove`, `confirm-remove`, `cancel-remove`, `more`, `retry`).
 * @csspart notice - Loading, empty, signed-out and refusal messages.
 * @csspart live - The polite live region announcing what was published or removed.
 * @cssprop --diary-color-primary - Buttons and the preview's edge.
 * @cssprop --diary-color-border - Cards.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryNewsEditor extends DiaryElement {
  static override styles = [hostTokens, controlStyles, newsEditorStyles];

  /** The school whose news is published; the signed-in admin's own school when absent. */
  @property({ attribute: 'school-id', reflect: true }) accessor schoolId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor draft: NewsDraft = EMPTY_DRAFT;
  /** Field errors by their path on the wire. */
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  /** A failure that names no field (no connection, a refusal). */
  @state() protected accessor formError: string | undefined;
  @state() protected accessor busy = false;
  /** The published items loaded so far, newest first. */
  @state() protected accessor items: readonly NewsItem[] = [];
  @state() protected accessor total = 0;
  @state() protected accessor page = 1;
  /** The item whose removal waits for a confirmation. */
  @state() protected accessor confirming: string | undefined;
  @state() protected accessor listError: string | undefined;
  @state() protected accessor announcement = '';

  /** One page of the school's items; a publication or a removal starts again from the first. */
  readonly #feed = new Task(this, {
    args: () => [this.#client, this.#school, this.#isAdmin, this.page] as const,
    task: async ([client, schoolId, admin, page], { signal }) => {
      if (!client || !schoolId || !admin) return initialState;
      return client.news.list({ schoolId, page, pageSize: PAGE_SIZE }, { signal });
    },
    onComplete: (result) => {
      this.items = result.page === 1 ? result.items : [...this.items, ...result.items];
      this.total = result.total;
    },
  });

  #focusAfter: string | undefined;

  get #client(): NewsEditorClient | undefined {
    const client = this.client;
    return isNewsEditorClient(client) ? client : undefined;
  }

  get #school(): string | undefined {
    return this.schoolId ?? this.environment?.session.user?.schoolId;
  }

  get #isAdmin(): boolean {
    return this.environment?.session.user?.role === 'school_admin';
  }

  protected override updated(): void {
    const target = this.#focusAfter;
    if (!target) return;
    this.#focusAfter = undefined;
    if (target.startsWith('[') || target.startsWith('.'))
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    else focusControl(this.renderRoot, target);
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext());
  }

  #change(patch: Partial<NewsDraft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  /** Shows a failed publication: at its fields when the server named them, else above the button. */
  #showFailure(error: unknown): void {
    const failure = this.#describe(error);
    const fields = failure.kind === 'api' ? failure.fields : [];
    const errors: Record<string, string> = {};
    for (const f of fields) errors[f.path] ??= f.message;
    this.errors = errors;
    this.formError = fields.length ? undefined : failure.message;
    this.#focusAfter = fields.length ? '.diary-summary' : undefined;
  }

  async #onPublish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const schoolId = this.#school;
    if (!client || !schoolId || this.busy) return;
    const errors = checkDraft(this.draft, this.language);
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length) {
      this.#focusAfter = '.diary-summary';
      return;
    }
    this.busy = true;
    try {
      const body = draftInput(this.draft) as Omit<
        Parameters<NewsEditorClient['news']['publish']>[0],
        'schoolId'
      >;
      const item = await client.news.publish({ ...body, schoolId });
      this.draft = EMPTY_DRAFT;
      this.announcement = t(this.language, 'published', { title: item.title });
      this.#focusAfter = 'list-title';
      this.#reload();
      emit(this, 'diary-news-editor-change', { action: 'publish', item });
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  #reload(): void {
    this.confirming = undefined;
    if (this.page === 1) void this.#feed.run();
    else this.page = 1;
  }

  #askRemove(item: NewsItem | undefined, back?: NewsItem): void {
    this.confirming = item?.id;
    this.listError = undefined;
    this.#focusAfter = item
      ? '[part~="confirm-remove"]'
      : `[data-news="${back?.id ?? ''}"] [part~="remove"]`;
  }

  async #onRemove(item: NewsItem): Promise<void> {
    const client = this.#client;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      await client.news.remove({ newsId: item.id });
      this.items = this.items.filter((i) => i.id !== item.id);
      this.total = Math.max(0, this.total - 1);
      this.announcement = t(this.language, 'removed', { title: item.title });
      this.#focusAfter = 'list-title';
      this.#reload();
      emit(this, 'diary-news-editor-change', { action: 'remove', item });
    } catch (error) {
      this.listError = this.#describe(error).message;
      this.#focusAfter = '[part~="confirm-remove"]';
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, t(lang, 'signedOut'));
    if (gate) return gate;
    const user = this.environment?.session.user;
    const body =
      user && user.role !== 'school_admin'
        ? failureNotice(lang, roleRefusal(lang, user.role), () => undefined)
        : !this.#school
          ? textNotice(t(lang, 'noSchool'))
          : this.#renderDesk(this.#school);
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, t(lang, 'title'), { title: true, id: 'title' })} ${body}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderDesk(schoolId: string) {
    const level = subLevel(this.headingLevel);
    return html`<div class="diary-desk">
        ${renderNewsForm({
          lang: this.language,
          headingLevel: level,
          draft: this.draft,
          errors: this.errors,
          formError: this.formError,
          busy: this.busy,
          onChange: (patch) => this.#change(patch),
          onSubmit: (event) => void this.#onPublish(event),
          onSelect: (target) => focusControl(this.renderRoot, target),
        })}
        ${this.#renderPreview(schoolId, level)}
      </div>
      ${this.#renderList(level)}`;
  }

  #renderPreview(schoolId: string, level: string) {
    const lang = this.language;
    const draft = previewItem(this.draft, schoolId, new Date());
    const item = draft && { ...draft, title: draft.title || t(lang, 'untitled') };
    return html`<section class="diary-preview" part="preview" aria-labelledby="preview-title">
      ${renderHeading(level, t(lang, 'previewTitle'), { id: 'preview-title' })}
      ${
        item
          ? html`<article class="diary-article">
              ${renderArticle({
                lang,
                headingLevel: subLevel(level),
                timeZone: this.timeZone,
                item,
                titleId: 'preview-article-title',
              })}
            </article>`
          : html`<p class="diary-hint">${t(lang, 'previewEmpty')}</p>`
      }
    </section>`;
  }

  #renderList(level: string) {
    const lang = this.language;
    const list = (loadingMore: boolean) =>
      renderPublishedList({
        lang,
        timeZone: this.timeZone,
        items: this.items,
        total: this.total,
        confirming: this.confirming,
        busy: this.busy,
        loadingMore,
        onRemove: (item) => this.#askRemove(item),
        onConfirm: (item) => void this.#onRemove(item),
        onCancel: (item) => this.#askRemove(undefined, item),
        onMore: () => {
          this.#focusAfter = `[data-news="${this.items.at(-1)?.id ?? ''}"] + li [part~="remove"]`;
          this.page += 1;
        },
      });
    return html`<section aria-labelledby="list-title">
      ${renderHeading(level, t(lang, 'listTitle'), { id: 'list-title', focusable: true })}
      ${
        this.listError
          ? html`<p class="diary-error" part="error" role="alert">${this.listError}</p>`
          : ''
      }
      ${this.#feed.render({
        initial: () => loadingNotice(lang),
        pending: () => (this.items.length ? list(true) : loadingNotice(lang)),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#feed.run()),
        complete: () => list(false),
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-news-editor': DiaryNewsEditor;
  }
}
