import { ContextConsumer } from '@lit/context';
import type { Lang, Role } from '@school-diary/core';
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { WidgetClient } from './client';
import { diaryContext, type DiaryEnvironment } from './context';
import { DEFAULT_TIME_ZONE } from './dates';
import { KIT_VERSION } from './define';
import { describeFailure, type FailureContext } from './failure';
import { loadingNotice } from './loading-notice';
import { failureNotice, textNotice } from './notices';
import { resolveLang, sharedText } from './localize';

/** The kit's colour schemes: the default light one, dark, or the reader's preference. */
export type DiaryTheme = 'light' | 'dark' | 'auto';

/**
 * The base of every widget: its language and theme, and the environment (SDK client, language,
 * time zone, session) that the nearest `<diary-provider>` hands down through @lit/context.
 * Widgets declare each reactive property once, with its default and doc, as a standard decorator
 * on an auto-accessor (`@property() accessor name = …`); the builds target ES2022, which lowers
 * the decorators (see packages/elements/CONTRIBUTING.md).
 */
export class DiaryElement extends LitElement {
  /** The kit version that defined this element; read by `defineElement` to report clashes. */
  static readonly kitVersion = KIT_VERSION;

  /** Language of the widget (`ru` or `en`); when absent, the provider's, else Russian. */
  @property({ reflect: true }) override accessor lang!: string;
  /** `light` (default), `dark` or `auto` (follows the reader's system setting). */
  @property({ reflect: true }) accessor theme: DiaryTheme | undefined;

  readonly #consumer = new ContextConsumer(this, {
    context: diaryContext,
    subscribe: true,
    callback: (env) => this.#followSelectedChild(env),
  });
  /** The provider's selected child as last copied into `childId` (see below). */
  #followed: string | undefined;

  /**
   * A widget with a `childId` property that the page left empty shows the provider's selected
   * child (asking the provider to load the parent's children first). A `child-id` the page set
   * itself always wins.
   */
  #followSelectedChild(env: DiaryEnvironment | undefined): void {
    // Not handed down yet, or from an older copy of the kit without children in its context.
    if (!env?.children || !('childId' in this)) return;
    const own = (this as { childId?: unknown }).childId;
    if (own && own !== this.#followed) return;
    if (!env.session.user) return;
    if (!this.followsChildAs(env.session.user.role)) {
      // The child followed for the account signed in before (a parent) is not this one's.
      if (own) (this as { childId?: string }).childId = this.#followed = undefined;
      return;
    }
    if (env.children.status === 'idle') env.loadChildren();
    const selected = env.children.selectedId;
    if (selected === undefined || selected === own) return;
    this.#followed = selected;
    (this as { childId?: string }).childId = selected;
  }

  /**
   * Whether, for an account of `role`, this widget shows one child at a time (the provider's
   * selected child when the page gave it no `child-id`). A widget that also serves an account
   * without children of its own (a teacher's chat lists the families' conversations) answers
   * `false` for that role: it then neither asks the provider for children nor waits for them.
   */
  protected followsChildAs(_role: Role): boolean {
    return true;
  }

  /** Whether this widget shows the provider's selected child (no `child-id` of its own). */
  #followsSelectedChild(): boolean {
    if (!('childId' in this)) return false;
    const role = this.#consumer.value?.session.user?.role;
    if (role && !this.followsChildAs(role)) return false;
    const own = (this as { childId?: unknown }).childId;
    return !own || own === this.#followed;
  }

  /** A provider upgraded after this widget (scripts loaded in another order) still finds it. */
  readonly #onLateProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== diaryContext) return;
    if (this.#consumer.value) return;
    this.#consumer.hostConnected();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('context-provider', this.#onLateProvider);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('context-provider', this.#onLateProvider);
  }

  /** The environment of the nearest provider, or `undefined` outside any provider. */
  protected get environment(): DiaryEnvironment | undefined {
    return this.#consumer.value;
  }

  /** The SDK client from the provider. */
  protected get client(): WidgetClient | undefined {
    return this.#consumer.value?.client;
  }

  /** The language the widget speaks now. */
  protected get language(): Lang {
    return resolveLang(this.lang, this.#consumer.value?.lang);
  }

  /** The school's time zone (the provider's `time-zone`), Moscow by default. */
  protected get timeZone(): string {
    return this.#consumer.value?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /**
   * How this widget describes a failed call (`describeFailure`): its language, time zone and the
   * signed-in account's role, at `now` (the widget's clock when it has one).
   *
   * @example
   * error: (error) => failureNotice(lang, describeFailure(error, this.failureContext()), retry)
   */
  protected failureContext(now: Date = new Date()): FailureContext {
    return {
      lang: this.language,
      now,
      timeZone: this.timeZone,
      role: this.environment?.session.user?.role,
    };
  }

  /**
   * What to show instead of the widget when it cannot work: outside a provider, or inside one
   * that has no client. `undefined` when all is well.
   */
  protected renderUnavailable(): TemplateResult | undefined {
    const env = this.#consumer.value;
    if (env?.client) return this.#renderChildState(env);
    const key = env ? 'noClient' : 'noProvider';
    return html`<div class="diary-notice diary-notice--error" part="unavailable" role="alert">
      <p class="diary-text">${sharedText(this.language, key)}</p>
    </div>`;
  }

  /**
   * Everything a signed-in widget shows before its own content, in this order: outside a provider
   * or without a client ({@link renderUnavailable}); a client without the operations this widget
   * calls (`client` is `undefined`: an SDK older than the widget); the kept session being
   * restored; signed out (`signedOut`, the widget's own sentence). `undefined` when the widget
   * can render its content.
   *
   * @example
   * const gate = this.renderSignedInGate(this.#client, newsText(lang, 'signedOut'));
   * if (gate) return gate;
   */
  protected renderSignedInGate(client: unknown, signedOut: string): TemplateResult | undefined {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    if (!client)
      return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
        <p class="diary-text">${sharedText(lang, 'noClient')}</p>
      </div>`;
    const session = this.environment?.session;
    if (session?.restoring) return loadingNotice(lang);
    if (!session?.user) return textNotice(signedOut);
    return undefined;
  }

  /** While a widget that follows the selected child waits for the list, or there is no child. */
  #renderChildState(env: DiaryEnvironment): TemplateResult | undefined {
    if (!env.session.user || !env.children || !this.#followsSelectedChild()) return undefined;
    const { status, items } = env.children;
    const lang = this.language;
    if (status === 'loading' || (status === 'idle' && !(this as { childId?: unknown }).childId))
      return loadingNotice(lang, 'unavailable');
    if (status === 'error')
      return failureNotice(
        lang,
        describeFailure(env.children.error, this.failureContext()),
        env.loadChildren,
        { part: 'unavailable', secondary: true },
      );
    if (status === 'ready' && items.length === 0)
      return html`<p class="diary-text diary-notice" part="unavailable" role="status">
        ${sharedText(lang, 'noChildren')}
      </p>`;
    return undefined;
  }
}
