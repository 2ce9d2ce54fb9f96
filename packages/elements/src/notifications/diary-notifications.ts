import type { Notification } from '@school-diary/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { sharedText } from '../shared/localize';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { notificationsStyles } from './diary-notifications.styles';
import { isNotificationsClient, type NotificationsClient } from './notifications-client';
import { NotificationFeed } from './notifications-feed';
import { SettingsPanel } from './notifications-settings';
import { notificationsText as t } from './notifications-text';

/** `feed` (default): the feed with its settings; `bell`: a header button that opens the feed. */
export type NotificationsVariant = 'feed' | 'bell';

/** What the feed variant shows: the notifications or the settings panel. */
export type NotificationsView = 'feed' | 'settings';

/** Detail of `diary-unread-change`. */
export interface DiaryUnreadChangeDetail {
  /** How many notifications are unread now. */
  readonly unread: number;
}

/** Detail of `diary-notification-read`. */
export interface DiaryNotificationReadDetail {
  /** The notification the user marked read, as the server now has it. */
  readonly notification: Notification;
}

declare global {
  interface HTMLElementEventMap {
    'diary-unread-change': CustomEvent<DiaryUnreadChangeDetail>;
    'diary-notification-read': CustomEvent<DiaryNotificationReadDetail>;
  }
}

/**
 * The signed-in user's notifications: new marks, thresholds crossed, substitutions, homework,
 * messages, news, application status; newest first, a page at a time, unread ones marked, read
 * one by one or all at once, and new ones put on top as they arrive over live events (and
 * announced). The settings panel chooses the channels of each kind (in the diary, SMS, e-mail),
 * the frequency of the digest of marks, how many days before a planned test a parent or student
 * is reminded of it, and a parent's thresholds of the average mark per child and subject.
 * `variant="bell"` is a compact button for a site header with the unread count that
 * opens the feed.
 *
 * @summary The notification feed, its settings, and a bell with the unread count.
 * @tag diary-notifications
 * @fires {CustomEvent<DiaryUnreadChangeDetail>} diary-unread-change - The number of unread notifications changed.
 * @fires {CustomEvent<DiaryNotificationReadDetail>} diary-notification-read - The user marked a notification read.
 * @csspart base - The widget's box.
 * @csspart bell - The bell button (bell variant).
 * @csspart badge - The unread count on the bell.
 * @csspart popup - The feed the bell opens.
 * @csspart list - The list of notifications.
 * @csspart item - A notification (also `item-unread`).
 * @csspart button - Every button (also `read`, `read-all`, `more`, `open-settings`, `save`, `retry`).
 * @csspart settings - The settings panel.
 * @csspart kind - A kind's channel choices in the settings.
 * @csspart digest - The digest's frequency in the settings.
 * @csspart quiet-hours - The quiet hours of SMS and e-mail in the settings.
 * @csspart quiet-on - The switch of the quiet hours.
 * @csspart quiet-start - The time the quiet hours start.
 * @csspart quiet-end - The time the quiet hours end.
 * @csspart thresholds - The thresholds of the average mark.
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @csspart live - The polite live region announcing new notifications.
 * @cssprop --diary-color-primary - Buttons, the unread marker and the badge.
 * @cssprop --diary-color-surface - Unread notifications' background.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryNotifications extends DiaryElement {
  static override styles = [hostTokens, controlStyles, notificationsStyles];

  /** `feed` (default) or `bell`: a header button with the unread count that opens the feed. */
  @property({ reflect: true }) accessor variant: NotificationsVariant = 'feed';
  /** `feed` (default) or `settings`: what the feed variant shows. */
  @property({ reflect: true }) accessor view: NotificationsView = 'feed';
  /** How many notifications a page holds (1–100). */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = 10;
  /** The clock for "read at" (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** Whether the bell's feed is open. */
  @state() protected accessor open = false;
  @state() protected accessor announcement = '';

  /** Whether the bell has been opened: until then it loads only the unread count. */
  #bellOpened = false;

  readonly #feed = new NotificationFeed(this, () => ({
    client: this.#client,
    userId: this.environment?.session.user?.id,
    pageSize: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10)),
    countOnly: this.variant === 'bell' && !this.#bellOpened,
    onLive: (n) => (this.announcement = t(this.language, 'live', { title: n.title })),
  }));

  readonly #settings = new SettingsPanel(this, () => ({
    client: this.#client,
    userId: this.environment?.session.user?.id,
    active: this.variant === 'feed' && this.view === 'settings',
    children:
      this.environment?.session.user?.role === 'parent'
        ? (this.environment?.children.items ?? [])
        : [],
    reminders: ['parent', 'student'].includes(this.environment?.session.user?.role ?? ''),
    selectedId: this.environment?.children.selectedId,
    lang: this.language,
    describe: (error) => this.#describe(error).message,
    loading: () => loadingNotice(this.language),
    failed: (error, retry) => failureNotice(this.language, this.#describe(error), retry),
  }));

  #lastUnread: number | undefined;

  get #client(): NotificationsClient | undefined {
    const client = this.client;
    return isNotificationsClient(client) ? client : undefined;
  }

  /** How many notifications are unread, as last loaded or changed. */
  get unread(): number {
    return this.#feed.unread;
  }

  protected override willUpdate(): void {
    if (this.open) this.#bellOpened = true;
    // A parent's thresholds are per child: the settings ask the provider for the children.
    const env = this.environment;
    const parent = env?.session.user?.role === 'parent';
    if (this.view === 'settings' && parent && env.children.status === 'idle') env.loadChildren();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && this.open) this.#placePopup();
    const unread = this.#feed.unread;
    if (this.#feed.first.value && unread !== this.#lastUnread) {
      this.#lastUnread = unread;
      emit(this, 'diary-unread-change', { unread });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('click', this.#onOutsideClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('click', this.#onOutsideClick);
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    this.open = false;
    void this.updateComplete.then(() => this.#bellButton()?.focus());
  };

  readonly #onOutsideClick = (event: MouseEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  /**
   * Keeps the bell's open feed on the screen. It hangs from the bell's end; a bell near the start
   * of a narrow screen (a header wrapped on a phone) would push it off the start edge, so there it
   * moves in to start under the bell, or to the middle of the screen if that is less.
   */
  #placePopup(): void {
    const popup = this.shadowRoot?.querySelector<HTMLElement>('[part="popup"]');
    const box = popup?.parentElement;
    if (!popup || !box) return;
    popup.style.removeProperty('inset-inline-end');
    if (getComputedStyle(popup).direction !== 'ltr') return;
    const rect = popup.getBoundingClientRect();
    if (rect.left >= 0) return;
    const screen = document.documentElement.clientWidth;
    const left = Math.max(0, Math.min(box.getBoundingClientRect().left, (screen - rect.width) / 2));
    popup.style.insetInlineEnd = `${rect.left - left}px`;
  }

  #bellButton(): HTMLButtonElement | null | undefined {
    return this.shadowRoot?.querySelector<HTMLButtonElement>('[part~="bell"]');
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  protected override render() {
    const lang = this.language;
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const session = this.environment?.session;
    if (!this.#client)
      return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
        <p class="diary-text">${sharedText(lang, 'noClient')}</p>
      </div>`;
    if (session?.restoring) return textNotice(sharedText(lang, 'loading'), 'status');
    if (!session?.user) return this.variant === 'bell' ? nothing : textNotice(t(lang, 'signedOut'));
    const live = html`<p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
      ${this.announcement}
    </p>`;
    if (this.variant === 'bell') return html`${this.#renderBell()}${live}`;
    const settings = this.view === 'settings';
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      <div class="diary-toolbar">
        <h2 class="diary-heading" id="title">${t(lang, 'title')}</h2>
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button open-settings"
          aria-expanded=${String(settings)}
          aria-controls="panel"
          @click=${() => (this.view = settings ? 'feed' : 'settings')}
        >
          ${settings ? t(lang, 'title') : t(lang, 'openSettings')}
        </button>
      </div>
      <div id="panel">${settings ? this.#settings.render() : this.#renderFeed('title')}</div>
      ${live}
    </section>`;
  }

  #renderBell(): TemplateResult {
    const lang = this.language;
    const unread = this.#feed.unread;
    const label = unread > 0 ? t(lang, 'bellUnread', { n: unread }) : t(lang, 'bell');
    return html`<div class="diary-bell-box">
      <button
        type="button"
        class="diary-button diary-button--secondary diary-bell"
        part="button bell"
        aria-label=${label}
        aria-expanded=${String(this.open)}
        aria-controls="popup"
        @click=${() => (this.open = !this.open)}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        ${unread > 0 ? html`<span class="diary-badge" part="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
      </button>
      <section
        class="diary-base diary-popup"
        part="popup"
        id="popup"
        aria-labelledby="popup-title"
        ?hidden=${!this.open}
      >
        <h2 class="diary-subheading" id="popup-title">${t(lang, 'title')}</h2>
        ${this.open ? this.#renderFeed('popup-title') : nothing}
      </section>
    </div>`;
  }

  #renderFeed(labelledBy: string): TemplateResult {
    return this.#feed.first.render({
      initial: () => loadingNotice(this.language),
      pending: () =>
        this.#feed.first.value?.listed
          ? this.#renderList(labelledBy)
          : loadingNotice(this.language),
      error: (error) =>
        failureNotice(this.language, this.#describe(error), () => void this.#feed.first.run()),
      complete: () => this.#renderList(labelledBy),
    }) as TemplateResult;
  }

  #renderList(labelledBy: string): TemplateResult {
    const lang = this.language;
    const feed = this.#feed;
    const failure = feed.failure ?? feed.more.error;
    return html`<div class="diary-feed-bar">
        <p class="diary-text" part="unread-count">
          ${feed.unread > 0 ? t(lang, 'unreadCount', { n: feed.unread }) : t(lang, 'allRead')}
        </p>
        ${
          feed.unread > 0
            ? html`<button
                type="button"
                class="diary-button diary-button--secondary"
                part="button read-all"
                @click=${() => void feed.markAllRead(this.now)}
              >
                ${t(lang, 'markAllRead')}
              </button>`
            : nothing
        }
      </div>
      ${
        failure
          ? html`<p class="diary-notice diary-notice--error" part="error" role="alert">
              ${this.#describe(failure).message}
            </p>`
          : nothing
      }
      ${
        feed.items.length === 0
          ? textNotice(t(lang, 'empty'))
          : html`<ol class="diary-feed" part="list" aria-labelledby=${labelledBy}>
              ${feed.items.map((n) => this.#renderItem(n))}
            </ol>`
      }
      ${
        feed.hasMore
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button more"
              ?disabled=${feed.more.status === 1}
              @click=${() => void feed.more.run()}
            >
              ${t(lang, 'more')}
            </button>`
          : nothing
      }`;
  }

  async #read(notification: Notification): Promise<void> {
    await this.#feed.markRead(notification.id);
    const read = this.#feed.items.find((n) => n.id === notification.id);
    if (read?.readAt) emit(this, 'diary-notification-read', { notification: read });
  }

  #renderItem(n: Notification): TemplateResult {
    const lang = this.language;
    const unread = !n.readAt;
    const when = formatDate(
      lang,
      n.createdAt,
      { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
      this.timeZone,
    );
    return html`<li
      class="diary-item ${unread ? 'diary-item--unread' : ''}"
      part=${unread ? 'item item-unread' : 'item'}
      data-notification=${n.id}
    >
      <p class="diary-item-meta">
        <span>${t(lang, `kind_${n.kind}`)}</span>
        <time datetime=${n.createdAt}>${when}</time>
      </p>
      <p class="diary-item-title">
        ${unread ? html`<span class="diary-dot" aria-hidden="true"></span><span class="diary-visually-hidden">${t(lang, 'unread')}: </span>` : nothing}${n.title}
      </p>
      <p class="diary-item-body">${n.body}</p>
      ${
        unread
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button read"
              @click=${() => void this.#read(n)}
            >
              ${t(lang, 'markRead')}<span class="diary-visually-hidden">: ${n.title}</span>
            </button>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-notifications': DiaryNotifications;
  }
}
