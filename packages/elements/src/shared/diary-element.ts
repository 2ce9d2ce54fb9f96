import { ContextConsumer } from '@lit/context';
import type { Lang } from '@school-diary/core';
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { WidgetClient } from './client';
import { diaryContext, type DiaryEnvironment } from './context';
import { DEFAULT_TIME_ZONE } from './dates';
import { KIT_VERSION } from './define';
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

  readonly #consumer = new ContextConsumer(this, { context: diaryContext, subscribe: true });

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
   * What to show instead of the widget when it cannot work: outside a provider, or inside one
   * that has no client. `undefined` when all is well.
   */
  protected renderUnavailable(): TemplateResult | undefined {
    const env = this.#consumer.value;
    if (env?.client) return undefined;
    const key = env ? 'noClient' : 'noProvider';
    return html`<div class="diary-notice diary-notice--error" part="unavailable" role="alert">
      <p class="diary-text">${sharedText(this.language, key)}</p>
    </div>`;
  }
}
