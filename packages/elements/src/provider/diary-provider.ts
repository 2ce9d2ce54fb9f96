import { ContextProvider } from '@lit/context';
import type { User } from '@school-diary/core';
import { createDiaryClient, localStorageSession } from '@school-diary/sdk';
import { LitElement, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { applyAppearance, type DiaryAppearance } from '../appearance/appearance';
import type { WidgetClient } from '../shared/client';
import { diaryContext, type DiaryEnvironment } from '../shared/context';
import { DEFAULT_TIME_ZONE } from '../shared/dates';
import type { DiaryTheme } from '../shared/diary-element';
import { KIT_VERSION } from '../shared/define';
import { resolveLang } from '../shared/localize';
import { themeTokens } from '../shared/theme';

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
 * @cssprop --diary-color-primary - Primary colour of every widget inside.
 */
export class DiaryProvider extends LitElement {
  /** The kit version that defined this element; read by `defineElement` to report clashes. */
  static readonly kitVersion = KIT_VERSION;

  static override styles = [
    themeTokens(':host', ":host([theme='dark'])", ":host([theme='auto'])"),
    css`
      :host {
        display: contents;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    baseUrl: { type: String, attribute: 'base-url' },
    timeZone: { type: String, attribute: 'time-zone' },
    persistSession: { type: Boolean, attribute: 'persist-session' },
    validateResponses: { type: Boolean, attribute: 'validate-responses' },
    client: { attribute: false },
    // JSON in the attribute is parsed (and checked) by applyAppearance, so bad JSON never throws.
    appearance: {
      attribute: 'appearance',
      converter: { fromAttribute: (value: string | null) => value },
    },
    user: { state: true },
    restoring: { state: true },
  };

  /** Language of the widgets inside (`ru` or `en`); Russian by default. A widget's own `lang` wins. */
  declare lang: string;
  /** `light` (default), `dark` or `auto`, for every widget inside. */
  declare theme: DiaryTheme | undefined;
  /** Address of the diary server, e.g. `https://diary.school42.ru`; used when no `client` is given. */
  declare baseUrl: string | undefined;
  /** The school's IANA time zone for dates and times; `Europe/Moscow` by default. */
  declare timeZone: string;
  /**
   * Keep the session across reloads in `localStorage` (the client made from `base-url` only).
   * Any script on the page can read it there: opt in only on sites whose scripts you trust.
   */
  declare persistSession: boolean;
  /**
   * Check every answer of the server against core's schemas and fail loudly on one that breaks
   * them (`createDiaryClient({ validateResponses })`, the client made from `base-url` only). Off
   * by default, so the page never loads zod and the schemas; turn it on in development and tests.
   */
  declare validateResponses: boolean;
  /** An SDK client to use instead of creating one (`createDiaryClient` or the in-memory one). */
  declare client: WidgetClient | undefined;
  /**
   * Theme and variables without CSS, e.g. `{ theme: 'dark', variables: { colorPrimary: '#006644' } }`
   * (or that as JSON in the `appearance` attribute). Bad parts are skipped with a console warning.
   */
  declare appearance: DiaryAppearance | string | undefined;
  declare protected user: User | undefined;
  declare protected restoring: boolean;

  readonly #provider = new ContextProvider(this, { context: diaryContext });
  #created: WidgetClient | undefined;
  #createdFor: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #subscribedTo: WidgetClient | undefined;

  constructor() {
    super();
    this.timeZone = DEFAULT_TIME_ZONE;
    this.persistSession = false;
    this.validateResponses = false;
    this.restoring = false;
  }

  /** The client in use: the given one, or the one made from `base-url`. */
  get activeClient(): WidgetClient | undefined {
    if (this.client) return this.client;
    if (!this.baseUrl) return undefined;
    if (this.#createdFor !== this.baseUrl) {
      const client = createDiaryClient({
        baseUrl: this.baseUrl,
        language: resolveLang(this.lang),
        validateResponses: this.validateResponses,
        ...(this.persistSession ? { persistSession: localStorageSession() } : {}),
      });
      this.#created = client;
      this.#createdFor = this.baseUrl;
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
    const client = this.activeClient;
    if (client !== this.#subscribedTo) {
      this.#unsubscribe?.();
      this.#subscribedTo = client;
      this.user = client?.session.user;
      this.#unsubscribe = client?.session.onChange((change) => {
        this.user = change.type === 'signed-out' ? undefined : change.user;
      });
    }
    const lang = resolveLang(this.lang);
    if (changed.has('lang') && client === this.#created) client?.setLanguage?.(lang);
    const environment: DiaryEnvironment = {
      client,
      lang,
      timeZone: this.timeZone || DEFAULT_TIME_ZONE,
      session: { user: this.user, restoring: this.restoring },
    };
    this.#provider.setValue(environment);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('appearance')) return;
    for (const issue of applyAppearance(this, this.appearance, resolveLang(this.lang)))
      console.warn(`<diary-provider> appearance: ${issue.message}`);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-provider': DiaryProvider;
  }
}
