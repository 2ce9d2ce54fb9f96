import type { HandoffCreated, HandoffStatus, User } from '@school-diary/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { renderSVG } from 'uqr';
import { formatDate } from '../shared/dates';
import { isHandoffClient, type HandoffClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure } from '../shared/failure';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { handoffText } from './qr-handoff-text';

/** Where the hand-off's token travels in the address the QR code opens. */
export const HANDOFF_HASH = 'diary-handoff';
/** How often each device asks the server whether the other has moved on. */
const POLL_MS = 1500;

/** Detail of `diary-handoff`: the user this device is now signed in as. */
export interface DiaryHandoffDetail {
  readonly user: User;
}

declare global {
  interface HTMLElementEventMap {
    'diary-handoff': CustomEvent<DiaryHandoffDetail>;
  }
}

type Shown = HandoffCreated & { status: HandoffStatus; device?: string | undefined; qr: string };
type Received = 'claiming' | 'awaiting' | 'signed-in';

/** The token in the page's address (`#diary-handoff=…`), if the page was opened from a QR code. */
function tokenInAddress(): string | undefined {
  const hash = new URLSearchParams(location.hash.slice(1));
  return hash.get(HANDOFF_HASH) ?? undefined;
}

/**
 * Continue on the phone: on a signed-in device it shows a QR code (SVG) of the school site's
 * diary page with a one-time token (2 minutes, once); the phone that opens it waits while this
 * device asks «Это вы?» and allows or refuses it; the phone then has a session of its own. On the
 * phone the same widget, on the page the code opens, claims the token and signs in.
 *
 * @summary A QR code that signs a phone in, confirmed on this device.
 * @tag diary-qr-handoff
 * @fires {CustomEvent<DiaryHandoffDetail>} diary-handoff - This device signed in by a hand-off.
 * @csspart base - The widget's box.
 * @csspart qr - The QR code (always dark on light, for cameras).
 * @csspart link - The link the QR code holds.
 * @csspart button - Every button (also `show`, `approve`, `decline`).
 * @csspart notice - Waiting, done and signed-out messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The QR code's frame.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryQrHandoff extends DiaryElement {
  static override styles = [
    hostTokens,
    controlStyles,
    css`
      .diary-base {
        padding: calc(var(--_space) * 2);
        display: grid;
        gap: var(--_space);
        justify-items: start;
        overflow-wrap: anywhere;
      }
      .diary-qr {
        background: #fff;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        inline-size: min(16rem, 100%);
        box-sizing: border-box;
      }
      .diary-qr svg {
        display: block;
        inline-size: 100%;
        block-size: auto;
      }
      .diary-base p {
        margin: 0;
      }
    `,
  ];

  /** The page the phone opens (the school site's diary page); this page by default. */
  @property() accessor href: string | undefined;
  /**
   * The one-time token to claim on this device; read from the page's address
   * (`#diary-handoff=…`) when the page was opened from a QR code.
   */
  @property() accessor token: string | undefined;
  /** The level of the widget's heading (`2` by default), or `none` to leave it out. */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor shown: Shown | undefined;
  @state() protected accessor received: Received | undefined;
  @state() protected accessor failure: string | undefined;
  @state() protected accessor busy = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #claimed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.token ??= tokenInAddress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #client(): HandoffClient | undefined {
    const client = this.client;
    return isHandoffClient(client) ? client : undefined;
  }

  protected override updated(): void {
    if (this.token && !this.#claimed && this.#client) {
      this.#claimed = true;
      void this.#claim(this.#client, this.token);
    }
  }

  override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    const t = (key: Parameters<typeof handoffText>[1]) => handoffText(lang, key);
    return html`<div class="diary-base" part="base">
      ${renderHeading(this.headingLevel, t('title'))}
      ${this.token ? this.#renderReceiving() : this.#renderShowing()}
      ${
        this.failure
          ? html`<div class="diary-notice diary-notice--error" part="error" role="alert">
              <p class="diary-text">${this.failure}</p>
            </div>`
          : nothing
      }
    </div>`;
  }

  #renderReceiving(): TemplateResult | typeof nothing {
    const lang = this.language;
    switch (this.received) {
      case 'claiming':
        return loadingNotice(lang, 'notice', handoffText(lang, 'claiming'));
      case 'awaiting':
        return loadingNotice(lang, 'notice', handoffText(lang, 'awaiting'));
      case 'signed-in':
        return textNotice(handoffText(lang, 'signedIn'), 'status');
      default:
        return nothing;
    }
  }

  #renderShowing(): TemplateResult {
    const lang = this.language;
    const t = (key: Parameters<typeof handoffText>[1]) => handoffText(lang, key);
    if (!this.environment?.session.user) return textNotice(t('signedOut'));
    const shown = this.shown;
    const live = shown && ['waiting', 'claimed', 'confirmed'].includes(shown.status);
    return html`<p>${t('intro')}</p>
      ${shown && live ? this.#renderCode(shown) : nothing}
      ${shown ? this.#renderStatus(shown) : nothing}
      ${
        live
          ? nothing
          : html`<button
              type="button"
              class="diary-button"
              part="button show"
              ?disabled=${this.busy}
              @click=${() => void this.#show()}
            >
              ${shown ? t('showAgain') : t('show')}
            </button>`
      }`;
  }

  #renderCode(shown: Shown): TemplateResult {
    const lang = this.language;
    const time = formatDate(lang, shown.expiresAt, { timeStyle: 'short' }, this.timeZone);
    const link = this.#link(shown.token);
    return html`<div
        class="diary-qr"
        part="qr"
        role="img"
        aria-label=${handoffText(lang, 'qrLabel', { time })}
      >
        ${unsafeSVG(shown.qr)}
      </div>
      <p>${handoffText(lang, 'validUntil', { time })}</p>
      <details>
        <summary>${handoffText(lang, 'link')}</summary>
        <p><a part="link" href=${link}>${link}</a></p>
      </details>`;
  }

  #renderStatus(shown: Shown): TemplateResult {
    const lang = this.language;
    const t = (key: Parameters<typeof handoffText>[1]) => handoffText(lang, key);
    switch (shown.status) {
      case 'waiting':
        return textNotice(t('waiting'), 'status');
      case 'claimed':
        return html`<div class="diary-notice" part="notice" role="alert">
          <p class="diary-text">
            ${handoffText(lang, 'claimed', { device: shown.device ?? t('unknownDevice') })}
          </p>
          <div class="diary-actions">
            <button
              type="button"
              class="diary-button"
              part="button approve"
              ?disabled=${this.busy}
              @click=${() => void this.#decide(true)}
            >
              ${t('approve')}
            </button>
            <button
              type="button"
              class="diary-button diary-button--secondary"
              part="button decline"
              ?disabled=${this.busy}
              @click=${() => void this.#decide(false)}
            >
              ${t('decline')}
            </button>
          </div>
        </div>`;
      default:
        return textNotice(t(shown.status), 'status');
    }
  }

  #link(token: string): string {
    const url = new URL(this.href ?? location.href, location.href);
    url.hash = `${HANDOFF_HASH}=${encodeURIComponent(token)}`;
    return url.href;
  }

  #fail(error: unknown): void {
    this.failure = describeFailure(error, this.failureContext()).message;
  }

  /** Asks again after a pause while this element is on the page. */
  #later(step: () => Promise<void>): void {
    clearTimeout(this.#timer);
    if (this.isConnected) this.#timer = setTimeout(() => void step(), POLL_MS);
  }

  async #show(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.busy = true;
    this.failure = undefined;
    try {
      const created = await client.auth.createHandoff();
      const qr = renderSVG(this.#link(created.token), { border: 2, ecc: 'M' });
      this.shown = { ...created, status: 'waiting', qr };
      this.#later(() => this.#watch(client, created.id));
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** Follows the hand-off this device shows until it is spent, refused or out of time. */
  async #watch(client: HandoffClient, id: string): Promise<void> {
    const shown = this.shown;
    if (shown?.id !== id) return;
    try {
      const now = await client.auth.handoff({ handoffId: id });
      this.shown = { ...shown, status: now.status, device: now.device };
      if (['waiting', 'claimed', 'confirmed'].includes(now.status))
        this.#later(() => this.#watch(client, id));
    } catch (error) {
      this.#fail(error);
    }
  }

  async #decide(approve: boolean): Promise<void> {
    const client = this.#client;
    const shown = this.shown;
    if (!client || !shown) return;
    this.busy = true;
    try {
      const decided = await client.auth.decideHandoff({ handoffId: shown.id, approve });
      this.shown = { ...shown, status: decided.status };
      if (approve) this.#later(() => this.#watch(client, shown.id));
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** On the new device: claims the token once, then waits for the owner's answer. */
  async #claim(client: HandoffClient, token: string): Promise<void> {
    this.received = 'claiming';
    // The token is spent by this claim: a reload must not present it again.
    if (tokenInAddress() === token)
      history.replaceState(history.state, '', location.pathname + location.search);
    try {
      const claim = await client.auth.claimHandoff({ token });
      this.received = 'awaiting';
      const ask = async (): Promise<void> => {
        try {
          const answer = await client.auth.redeemHandoff({
            id: claim.id,
            claimSecret: claim.claimSecret,
          });
          if (answer.status === 'waiting') return this.#later(ask);
          this.received = 'signed-in';
          if (answer.session) emit(this, 'diary-handoff', { user: answer.session.user });
        } catch (error) {
          this.received = undefined;
          this.#fail(error);
        }
      };
      await ask();
    } catch (error) {
      this.received = undefined;
      this.#fail(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-qr-handoff': DiaryQrHandoff;
  }
}
