import type { Lang, Mark, SchoolYearInfo } from '@school-diary/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DiaryElement } from './diary-element';
import { describeFailure, type Failure } from './failure';
import {
  applyMarkChange,
  clientKey,
  gradesClientOf,
  loadChildYear,
  onMarkEvents,
  type GradesClient,
  type MarkChange,
} from './grades-client';
import { sharedText, translator } from './localize';

/** Where a marks widget is with its data. */
export type MarksStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Why a marks widget shows a notice instead of its marks, and which notice. */
export interface MarksBlocked {
  /** The widget's `data-state`. */
  readonly state: 'loading' | 'signed-out' | 'unavailable' | 'error';
  readonly text: string;
  readonly role: 'status' | 'alert';
  /** Whether the notice offers to try again (a failed load). */
  readonly retry: boolean;
}

/** The set-up mistakes both marks widgets explain. */
const setupText = /* @__PURE__ */ translator({
  noChild: [
    'Не указан ребёнок: задайте атрибут child-id.',
    'No child given: set the child-id attribute.',
  ],
  noGradesApi: [
    'Клиент дневника не умеет загружать оценки: обновите @school-diary/sdk.',
    'The diary client cannot load marks: update @school-diary/sdk.',
  ],
});

/**
 * The state handling `<diary-grade-table>` and `<diary-timeline-chart>` share: a child's marks
 * given through `marks` or loaded through the provider's SDK client for `child-id` (with the
 * school year), reloaded when the client, the signed-in user or the child changes, kept current
 * by live mark events, and the loading, error-with-retry, signed-out and set-up notices.
 * Subclasses load what else they need in {@link MarksWidget.loadMore} and react to live changes
 * in {@link MarksWidget.markChanged}.
 */
export class MarksWidget extends DiaryElement {
  static override properties: PropertyDeclarations = {
    childId: { type: String, attribute: 'child-id', reflect: true },
    marks: { attribute: false },
    schoolYear: { attribute: false },
    now: { attribute: false },
    status: { state: true },
    failure: { state: true },
    loaded: { state: true },
  };

  /** The child whose marks are shown (the SDK's child id). */
  declare childId: string | undefined;
  /**
   * Marks to show instead of loading them (a page that already has them); the widget then needs
   * no provider. Live events update only marks the widget loaded itself.
   */
  declare marks: readonly Mark[] | undefined;
  /** The school year with its periods (loaded with the marks unless given). */
  declare schoolYear: SchoolYearInfo | undefined;
  /** The clock for periods and error messages (tests inject one). */
  declare now: () => Date;
  declare protected status: MarksStatus;
  declare protected failure: Failure | undefined;
  /** The marks loaded through the client, with live changes applied. */
  declare protected loaded: readonly Mark[];

  #loadKey: string | undefined;
  #abort: AbortController | undefined;
  #stopEvents: (() => void) | undefined;

  constructor() {
    super();
    this.now = () => new Date();
    this.status = 'idle';
    this.loaded = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#loadKey = undefined;
  }

  /** The marks on screen: the given ones, or those loaded (with live changes). */
  get shownMarks(): readonly Mark[] {
    return this.marks ?? this.loaded;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.marks) {
      this.status = 'ready';
      return;
    }
    const env = this.environment;
    const client = gradesClientOf(env?.client);
    const user = env?.session.user;
    const key =
      client && user && this.childId
        ? `${clientKey(client)}|${user.id}|${this.childId}`
        : undefined;
    if (key === this.#loadKey) return;
    this.#loadKey = key;
    this.#stop();
    if (key) void this.load();
    else this.status = 'idle';
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopEvents?.();
    this.#stopEvents = undefined;
  }

  /** Loads the year and its marks (and what {@link loadMore} adds), then follows live changes. */
  protected async load(): Promise<void> {
    const client = gradesClientOf(this.client);
    const childId = this.childId;
    if (!client || !childId) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const { signal } = abort;
    this.status = 'loading';
    this.failure = undefined;
    try {
      const { year, marks } = await loadChildYear(client, childId, signal);
      const apply = await this.loadMore(client, childId, year, signal);
      if (signal.aborted) return;
      this.schoolYear ??= year;
      this.loaded = marks;
      apply?.();
      this.status = 'ready';
      this.#stopEvents = onMarkEvents(client, childId, (change) => this.markChanged(change));
    } catch (error) {
      if (signal.aborted) return;
      this.failure = this.describe(error);
      this.status = 'error';
    }
  }

  /**
   * Loads what the widget needs besides the year and its marks; returns what to set once every
   * request has answered (so the widget shows it all at once), or nothing.
   */
  protected loadMore(
    _client: GradesClient,
    _childId: string,
    _year: SchoolYearInfo | undefined,
    _signal: AbortSignal,
  ): Promise<(() => void) | undefined> {
    return Promise.resolve(undefined);
  }

  /** A live change of the child's marks: applied to the loaded marks. */
  protected markChanged(change: MarkChange): void {
    this.loaded = applyMarkChange(this.loaded, change);
  }

  /** A failed SDK call described in the widget's language, clock and time zone. */
  protected describe(error: unknown): Failure {
    return describeFailure(error, {
      lang: this.language,
      now: this.now(),
      timeZone: this.timeZone,
    });
  }

  /** The notice to show instead of the marks, or `undefined` when the marks can be shown. */
  protected blocked(lang: Lang): MarksBlocked | undefined {
    if (this.marks) return undefined;
    const env = this.environment;
    const notice = (
      state: MarksBlocked['state'],
      message: string,
      role: MarksBlocked['role'] = 'status',
      retry = false,
    ): MarksBlocked => ({ state, text: message, role, retry });
    if (env?.session.restoring) return notice('loading', sharedText(lang, 'loading'));
    if (!env?.session.user) return notice('signed-out', sharedText(lang, 'signedOut'));
    if (!gradesClientOf(env.client))
      return notice('unavailable', setupText(lang, 'noGradesApi'), 'alert');
    if (!this.childId) return notice('unavailable', setupText(lang, 'noChild'), 'alert');
    if (this.status === 'error' && this.failure)
      return notice('error', this.failure.message, 'alert', true);
    if (this.status !== 'ready') return notice('loading', sharedText(lang, 'loading'));
    return undefined;
  }

  /** A notice of {@link blocked}: its text, and a retry button after a failed load. */
  protected renderNotice(lang: Lang, blocked: MarksBlocked) {
    return html`<div
      class="diary-notice ${blocked.retry ? 'diary-notice--error' : ''}"
      part="notice"
      role=${blocked.role}
    >
      <p class="diary-text">${blocked.text}</p>
      ${
        blocked.retry
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button retry"
              @click=${this.#retry}
            >
              ${sharedText(lang, 'retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #retry = (): void => void this.load();
}
