import { Task, initialState } from '@lit/task';
import type { Lang, Mark, SchoolYearInfo } from '@school-diary/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DiaryEnvironment } from './context';
import type { Failure } from './failure';
import {
  applyMarkChange,
  gradesClientOf,
  loadSchoolYear,
  loadYearMarks,
  onMarkEvents,
  type GradesClient,
  type MarkChange,
} from './grades-client';
import { sharedText, translator } from './localize';

/** Why a marks widget shows a notice instead of its marks, and which notice. */
export interface MarksBlocked {
  /** The widget's `data-state`. */
  readonly state: 'loading' | 'signed-out' | 'unavailable' | 'error';
  readonly text: string;
  readonly role: 'status' | 'alert';
  /** Whether the notice offers to try again (a failed load that may succeed when asked again). */
  readonly retry: boolean;
}

/** The set-up mistakes both marks widgets explain. */
const setupText = translator({
  noChild: [
    'Не указан ребёнок: задайте атрибут child-id.',
    'No child given: set the child-id attribute.',
  ],
  noGradesApi: [
    'Клиент дневника не умеет загружать оценки: обновите @school-diary/sdk.',
    'The diary client cannot load marks: update @school-diary/sdk.',
  ],
});

/** What a {@link MarksController} reads from its widget. */
export interface MarksControllerOptions<Extra> {
  /** The provider's environment (client, session). */
  readonly environment: () => DiaryEnvironment | undefined;
  /** The child whose marks to load. */
  readonly childId: () => string | undefined;
  /** Marks the page gave instead (then nothing is loaded). */
  readonly given: () => readonly Mark[] | undefined;
  /** A failed load described in the widget's language, clock and time zone. */
  readonly describe: (error: unknown) => Failure;
  /** Loads what the widget needs besides the year and its marks (in the same pending state). */
  readonly loadMore?: (
    client: GradesClient,
    childId: string,
    year: SchoolYearInfo | undefined,
    signal: AbortSignal,
  ) => Promise<Extra>;
  /** Told of each live change after the marks took it (`before` is the list it replaced). */
  readonly changed?: (change: MarkChange, before: readonly Mark[]) => void;
}

/** One load: the school year, what `loadMore` returned, and the marks as loaded. */
export interface MarksLoad<Extra> {
  readonly year: SchoolYearInfo | undefined;
  readonly extra: Extra;
}

type Args = readonly [GradesClient | undefined, string | undefined, string | undefined];

/**
 * A child's marks for `<diary-grade-table>` and `<diary-timeline-chart>`: given by the page or
 * loaded through the provider's SDK client (a `@lit/task`, rerun when the client, the signed-in
 * user or the child changes, aborting the load it replaces), kept current by live mark events, and
 * the loading, error-with-retry, signed-out and set-up notices.
 *
 * @example
 * readonly #marks = new MarksController(this, {
 *   environment: () => this.environment,
 *   childId: () => this.childId,
 *   given: () => this.marks,
 *   describe: (error) => this.describe(error),
 * });
 */
export class MarksController<Extra = undefined> implements ReactiveController {
  /** The marks loaded through the client, with live changes applied. */
  loaded: readonly Mark[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #options: MarksControllerOptions<Extra>;
  readonly #task: Task<Args, MarksLoad<Extra>>;
  #stopEvents: (() => void) | undefined;
  #following: readonly [GradesClient, string] | undefined;

  constructor(host: ReactiveControllerHost, options: MarksControllerOptions<Extra>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#task = new Task<Args, MarksLoad<Extra>>(host, {
      args: () => this.#args(),
      task: ([client, userId, childId], { signal }) =>
        client && userId && childId ? this.#load(client, childId, signal) : initialState,
    });
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#stopEvents?.();
    this.#stopEvents = undefined;
  }

  #args(): Args {
    if (this.#options.given()) return [undefined, undefined, undefined];
    const env = this.#options.environment();
    return [gradesClientOf(env?.client), env?.session.user?.id, this.#options.childId()];
  }

  async #load(client: GradesClient, childId: string, signal: AbortSignal) {
    this.hostDisconnected();
    this.#following = undefined;
    const year = await loadSchoolYear(client, childId, signal);
    // The marks and what the widget loads besides need only the year: asked for together, so
    // that a slow link waits for one round trip after the calendar, not two.
    const [marks, extra] = await Promise.all([
      loadYearMarks(client, childId, year, signal),
      this.#options.loadMore?.(client, childId, year, signal) as Promise<Extra>,
    ]);
    signal.throwIfAborted();
    this.loaded = marks;
    this.#following = [client, childId];
    this.#follow();
    return { year, extra };
  }

  /** Subscribes to the live changes of the loaded child (again after a reconnection). */
  #follow(): void {
    if (!this.#following || this.#stopEvents) return;
    const [client, childId] = this.#following;
    this.#stopEvents = onMarkEvents(client, childId, (change) => {
      const before = this.loaded;
      this.loaded = applyMarkChange(before, change);
      if (this.loaded === before) return;
      this.#options.changed?.(change, before);
      this.#host.requestUpdate();
    });
  }

  /** The marks on screen: the given ones, or those loaded (with live changes). */
  get marks(): readonly Mark[] {
    return this.#options.given() ?? this.loaded;
  }

  /** The last complete load (year and extras), or `undefined` before one. */
  get value(): MarksLoad<Extra> | undefined {
    return this.#task.value;
  }

  /** Loads again (the retry after a failure). */
  reload(): Promise<void> {
    return this.#task.run();
  }

  /** The notice to show instead of the marks, or `undefined` when the marks can be shown. */
  blocked(lang: Lang): MarksBlocked | undefined {
    if (this.#options.given()) return undefined;
    const env = this.#options.environment();
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
    if (!this.#options.childId()) return notice('unavailable', setupText(lang, 'noChild'), 'alert');
    return this.#task.render({
      pending: () => notice('loading', sharedText(lang, 'loading')),
      error: (error) => {
        const failure = this.#options.describe(error);
        return notice('error', failure.message, 'alert', failure.retryable);
      },
      complete: () => undefined,
      initial: () => notice('loading', sharedText(lang, 'loading')),
    });
  }

  /** A notice of {@link blocked}: its text, and a retry button after a failed load. */
  renderNotice(lang: Lang, blocked: MarksBlocked) {
    return html`<div
      class="diary-notice ${blocked.state === 'error' ? 'diary-notice--error' : ''}"
      part="notice"
      role=${blocked.role}
    >
      ${blocked.state === 'loading' ? html`<span class="diary-spinner" aria-hidden="true"></span>` : nothing}
      <p class="diary-text">${blocked.text}</p>
      ${
        blocked.retry
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button retry"
              @click=${() => void this.reload()}
            >
              ${sharedText(lang, 'retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
}
