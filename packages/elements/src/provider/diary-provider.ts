import { ContextProvider } from '@lit/context';
import type { User } from '@school-diary/core';
import { createDiaryClient, localStorageSession, type DiaryClient } from '@school-diary/sdk';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { applyAppearance, type DiaryAppearance } from '../appearance/appearance';
import { canListChildren, type WidgetClient } from '../shared/client';
import { diaryContext, type ChildrenState, type DiaryEnvironment } from '../shared/context';
import { emit } from '../shared/events';
import { diagnosingFetch } from './diagnosing-fetch';
import { DEFAULT_TIME_ZONE } from '../shared/dates';
import type { DiaryTheme } from '../shared/diary-element';
import { KIT_VERSION } from '../shared/define';
import { resolveLang } from '../shared/localize';
import { darkTokens } from '../shared/theme';

/** Where a provider keeps the session: `localStorage` (`local`, the default) or the page (`memory`). */
export type DiarySessionKeeping = 'local' | 'memory';

/**
 * Connects the widgets inside it to a diary server. It creates an SDK client from `base-url` (or
 * is given one in `client`) and hands it, with the language, the school's time zone and the
 * session, to every widget inside it through @lit/context. Widgets never do HTTP themselves.
 *
 * Theme tokens set on the provider (`--diary-color-primary` …) and `theme="dark"` reach every
 * widget inside it.
 *
 * @summary Gives the widgets inside it an SDK client, language and time zone.
 * @tag diary-provider
 * @slot - The widgets.
 * @event {CustomEvent<DiaryChildChangeDetail>} diary-child-change - The selected child changed (chosen in `<diary-child-picker>`, or the first child once the list is loaded); `detail.childId`.
 * @cssprop --diary-color-primary - Primary colour of every widget inside.
 */
export class DiaryProvider extends LitElement {
  /** The kit version that defined this element; read by `defineElement` to report clashes. */
  static readonly kitVersion = KIT_VERSION;

  static override styles = [
    // Tokens only: the page's own content inside the provider keeps the page's font and colours.
    darkTokens(":host([theme='dark'])", ":host([theme='auto'])"),
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** Language of the widgets inside (`ru` or `en`); Russian by default. A widget's own `lang` wins. */
  @property({ reflect: true }) override accessor lang!: string;
  /** `light` (default), `dark` or `auto`, for every widget inside. */
  @property({ reflect: true }) accessor theme: DiaryTheme | undefined;
  /** Address of the diary server, e.g. `https://diary.school42.ru`; used when no `client` is given. */
  @property({ attribute: 'base-url' }) accessor baseUrl: string | undefined;
  /** The school's IANA time zone for dates and times; `Europe/Moscow` by default. */
  @property({ attribute: 'time-zone' }) accessor timeZone = DEFAULT_TIME_ZONE;
  /**
   * Where the client made from `base-url` keeps the parent's session: `local` (default) keeps it
   * in `localStorage` so a reload or another tab stays signed in; `memory` keeps it in the page
   * only, so every reload signs out. Any script on the page can read `localStorage`: see the
   * embedding guide for the trade-off.
   */
  @property({ reflect: true }) accessor session: DiarySessionKeeping = 'local';
  /**
   * Check every answer of the server against core's schemas and fail loudly on one that breaks
   * them (`createDiaryClient({ validateResponses })`, the client made from `base-url` only). Off
   * by default, so the page never loads zod and the schemas; turn it on in development and tests.
   */
  @property({ type: Boolean, attribute: 'validate-responses' }) accessor validateResponses = false;
  /**
   * An SDK client to use instead of creating one (`createDiaryClient` or the in-memory one). A
   * property only: set before the element is defined, it is still taken once it upgrades.
   */
  @property({ attribute: false }) accessor client: WidgetClient | undefined;
  /**
   * Theme and variables without CSS, e.g. `{ theme: 'dark', variables: { colorPrimary: '#6fd39f' } }`
   * (or that as JSON in the `appearance` attribute). Bad parts are skipped with a console warning.
   */
  // JSON in the attribute is parsed (and checked) by applyAppearance, so bad JSON never throws.
  @property({ converter: { fromAttribute: (value: string | null) => value } })
  accessor appearance: DiaryAppearance | string | undefined;
  @state() protected accessor user: User | undefined;
  @state() protected accessor restoring = false;
  @state() protected accessor childrenState: ChildrenState = NO_CHILDREN;

  readonly #provider = new ContextProvider(this, { context: diaryContext });
  #created: DiaryClient | undefined;
  #createdFor: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #subscribedTo: WidgetClient | undefined;
  readonly #reported = new Set<string>();
  /** A child asked for before the list arrived (`selectChild` early, or from the page). */
  #wanted: string | undefined;
  readonly #environmentActions = {
    // Widgets ask while the provider hands the environment down: load after this update.
    loadChildren: () => queueMicrotask(() => this.#loadChildren()),
    selectChild: (childId: string) => this.selectChild(childId),
  };

  /** The child that widgets without `child-id` show (see `<diary-child-picker>`). */
  get selectedChildId(): string | undefined {
    return this.childrenState.selectedId;
  }

  /**
   * Selects the child that widgets without `child-id` show, as `<diary-child-picker>` does; the
   * choice is kept for the tab (`sessionStorage`), so the next page shows the same child. Fires
   * `diary-child-change`. An id that is not one of the parent's children is ignored once the
   * list is known.
   */
  selectChild(childId: string): void {
    const { items, status } = this.childrenState;
    if (status === 'ready' && !items.some((c) => c.id === childId)) return;
    this.#wanted = childId;
    if (this.childrenState.selectedId === childId) return;
    rememberChild(childId);
    this.childrenState = {
      ...this.childrenState,
      selectedId: status === 'ready' ? childId : undefined,
    };
    if (status === 'ready') emit(this, 'diary-child-change', { childId });
  }

  /** Loads the signed-in parent's children once (again after a failure). */
  #loadChildren(): void {
    const client = this.activeClient;
    const user = this.user;
    if (!user || !canListChildren(client)) return;
    if (this.childrenState.status === 'loading' || this.childrenState.status === 'ready') return;
    this.childrenState = { status: 'loading', items: [], selectedId: undefined };
    client.children.list().then(
      ({ items }) => {
        if (this.user?.id !== user.id || this.activeClient !== client) return;
        const wanted = this.#wanted ?? rememberedChild();
        const selected = items.find((c) => c.id === wanted) ?? items[0];
        this.childrenState = { status: 'ready', items, selectedId: selected?.id };
        if (selected) emit(this, 'diary-child-change', { childId: selected.id });
      },
      (error: unknown) => {
        if (this.user?.id !== user.id) return;
        this.childrenState = { status: 'error', items: [], selectedId: undefined, error };
      },
    );
  }

  /**
   * A framework that binds an object before the elements are defined (Vue's `:client="client"`
   * when the kit registers after the app mounts) writes the attribute `"[object Object]"`: the
   * object itself is lost. Never taken as configuration; one console line says how to fix it.
   */
  #reportStringifiedObjects(): void {
    for (const name of ['client', 'appearance'] as const) {
      if (this.getAttribute(name) !== STRINGIFIED || this.#reported.has(name)) continue;
      if (name === 'client' && this.client) continue;
      this.#reported.add(name);
      console.error(
        `<diary-provider>: "${name}" arrived as the attribute "[object Object]", not as the object: the page set it before the element was defined. Define the elements before the app mounts (import '@school-diary/elements/define' first), or bind it as a property (Vue: :${name}.prop="…").`,
      );
    }
  }

  /** The client in use: the given one, or the one made from `base-url`. */
  get activeClient(): WidgetClient | undefined {
    if (this.client) return this.client;
    if (!this.baseUrl) return undefined;
    const memory = this.session === 'memory';
    const key = `${memory ? 'memory' : 'local'} ${this.baseUrl}`;
    if (this.#createdFor !== key) {
      this.#created?.close();
      const client = createDiaryClient({
        baseUrl: this.baseUrl,
        language: resolveLang(this.lang),
        fetch: diagnosingFetch(),
        validateResponses: this.validateResponses,
        ...(memory ? {} : { persistSession: localStorageSession() }),
      });
      this.#created = client;
      this.#createdFor = key;
      // A kept session is restored asynchronously: widgets wait instead of saying «войдите».
      this.restoring = true;
      void client.ready.finally(() => {
        this.restoring = false;
        this.user = client.session.user;
      });
    }
    return this.#created;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: subscribe to the session again (willUpdate does it).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#reportStringifiedObjects();
    const client = this.activeClient;
    if (client !== this.#subscribedTo) {
      this.#unsubscribe?.();
      this.#subscribedTo = client;
      this.user = client?.session.user;
      this.#unsubscribe = client?.session.onChange((change) => {
        this.user = change.type === 'signed-out' ? undefined : change.user;
      });
    }
    // Another parent, or nobody: the children known so far are not theirs.
    if (changed.has('user')) {
      const before = changed.get('user') as User | undefined;
      if (before?.id !== this.user?.id) {
        this.childrenState = NO_CHILDREN;
        if (before) {
          this.#wanted = undefined;
          forgetChild();
        }
      }
    }
    const lang = resolveLang(this.lang);
    if (changed.has('lang') && client === this.#created) client?.setLanguage?.(lang);
    const environment: DiaryEnvironment = {
      client,
      lang,
      timeZone: this.timeZone || DEFAULT_TIME_ZONE,
      session: { user: this.user, restoring: this.restoring },
      children: this.childrenState,
      ...this.#environmentActions,
    };
    this.#provider.setValue(environment);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('appearance') || this.appearance === STRINGIFIED) return;
    for (const issue of applyAppearance(this, this.appearance, resolveLang(this.lang)))
      console.warn(`<diary-provider> appearance: ${issue.message}`);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** What `String(object)` gives: an object bound as an attribute by mistake. */
const STRINGIFIED = '[object Object]';
const NO_CHILDREN: ChildrenState = { status: 'idle', items: [], selectedId: undefined };
const CHILD_KEY = 'school-diary.child';

/** The child chosen earlier in this tab; storage may be unavailable (privacy modes). */
function rememberedChild(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(CHILD_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function rememberChild(childId: string): void {
  try {
    globalThis.sessionStorage?.setItem(CHILD_KEY, childId);
  } catch {
    // Not kept: the choice lasts for this page only.
  }
}

function forgetChild(): void {
  try {
    globalThis.sessionStorage?.removeItem(CHILD_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Detail of `diary-child-change`. */
export interface DiaryChildChangeDetail {
  /** The selected child's id. */
  readonly childId: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-provider': DiaryProvider;
  }
  interface HTMLElementEventMap {
    'diary-child-change': CustomEvent<DiaryChildChangeDetail>;
  }
}
