import {
  CHANNELS,
  DIGEST_PERIODS,
  NOTIFICATION_KINDS,
  checkMarkThreshold,
  type Child,
  type Lang,
  type NotificationSettings,
  type Subject,
  type Threshold,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { personName } from '../shared/person-name';
import { formatNumber } from '../shared/plural';
import { sharedText } from '../shared/localize';
import type { NotificationsClient } from './notifications-client';
import { notificationsText as t } from './notifications-text';
import {
  checkQuietDraft,
  quietDraft,
  renderQuietHours,
  type QuietDraft,
  type QuietErrors,
} from './notifications-quiet-hours';
import { renderReminderDays } from './notifications-reminder-days';

/** What the panel needs from its element, read before each update. */
export interface SettingsSource {
  readonly client: NotificationsClient | undefined;
  readonly userId: string | undefined;
  /** Whether the panel is shown: it loads only then. */
  readonly active: boolean;
  /** A parent's children (thresholds are a parent's); empty for other users. */
  readonly children: readonly Child[];
  /** Whether the user is reminded of planned tests (parents and students, not teachers). */
  readonly reminders: boolean;
  /** The provider's selected child, shown first. */
  readonly selectedId: string | undefined;
  readonly lang: Lang;
  /** Describes a failure in the widget's language. */
  readonly describe: (error: unknown) => string;
  /** Renders a load's pending state and its failure with a retry. */
  readonly loading: () => TemplateResult;
  readonly failed: (error: unknown, retry: () => void) => TemplateResult;
}

/** The thresholds of one child and the subjects they can be set for. */
interface ChildThresholds {
  readonly childId: string;
  readonly items: readonly Threshold[];
  readonly subjects: readonly Subject[];
}

type Channel = (typeof CHANNELS)[number];

/**
 * The settings panel of `<diary-notifications>`: channels per kind, the digest's frequency, (for
 * parents and students) the days before a planned test its reminder comes, the quiet hours of SMS
 * and e-mail, and (for parents) the thresholds of the average mark per child and subject. Loads
 * when opened.
 */
export class SettingsPanel {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => SettingsSource;
  /** The settings as the form edits them, saved together. */
  #draft: NotificationSettings | undefined;
  #quiet: QuietDraft = quietDraft(undefined);
  #quietErrors: QuietErrors = {};
  #status: { readonly ok: boolean; readonly text: string } | undefined;
  #thresholdStatus: { readonly ok: boolean; readonly text: string } | undefined;
  #thresholdError: string | undefined;
  #childId: string | undefined;
  #saving = false;

  readonly #settings: Task<
    readonly [NotificationsClient | undefined, string | undefined],
    NotificationSettings
  >;
  readonly #thresholds: Task<
    readonly [NotificationsClient | undefined, string | undefined],
    ChildThresholds
  >;

  constructor(host: ReactiveControllerHost, source: () => SettingsSource) {
    this.#host = host;
    this.#source = source;
    this.#settings = new Task(host, {
      args: () => {
        const { client, userId, active } = this.#source();
        return [client, active ? userId : undefined] as const;
      },
      task: ([client, userId], { signal }) =>
        client && userId ? client.notifications.settings(undefined, { signal }) : initialState,
      onComplete: (settings) => {
        this.#draft = settings;
        this.#quiet = quietDraft(settings.quietHours);
      },
    });
    this.#thresholds = new Task(host, {
      args: () =>
        [this.#source().client, this.#source().active ? this.#shownChild() : undefined] as const,
      task: async ([client, childId], { signal }) => {
        if (!client || !childId) return initialState;
        const [list, teachers] = await Promise.all([
          client.thresholds.list({ childId }, { signal }),
          client.children.teachers({ childId }, { signal }),
        ]);
        const subjects = new Map<string, Subject>();
        for (const teacher of teachers.items)
          for (const subject of teacher.subjects) subjects.set(subject.id, subject);
        const sorted = [...subjects.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
        return { childId, items: list.items, subjects: sorted };
      },
    });
  }

  #shownChild(): string | undefined {
    const { children, selectedId } = this.#source();
    const known = (id: string | undefined) => id && children.some((c) => c.id === id);
    if (known(this.#childId)) return this.#childId;
    return known(selectedId) ? selectedId : children[0]?.id;
  }

  render(): TemplateResult {
    const { lang } = this.#source();
    return html`<div class="diary-settings" part="settings">
      <h3 class="diary-subheading" id="settings-title">${t(lang, 'settings')}</h3>
      ${this.#settings.render({
        initial: () => this.#source().loading(),
        pending: () => (this.#draft ? this.#renderForm(this.#draft) : this.#source().loading()),
        error: (error) => this.#source().failed(error, () => void this.#settings.run()),
        complete: () => (this.#draft ? this.#renderForm(this.#draft) : nothing),
      })}
      ${this.#source().children.length > 0 ? this.#renderThresholds() : nothing}
    </div>`;
  }

  #toggle(kind: (typeof NOTIFICATION_KINDS)[number], channel: Channel, on: boolean): void {
    const draft = this.#draft;
    if (!draft) return;
    const flags = draft.kinds[kind] ?? { inApp: true, sms: false, email: false };
    this.#draft = { ...draft, kinds: { ...draft.kinds, [kind]: { ...flags, [channel]: on } } };
    this.#status = undefined;
    this.#host.requestUpdate();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { client, lang, describe } = this.#source();
    const draft = this.#draft;
    if (!client || !draft || this.#saving) return;
    const form = event.target as HTMLFormElement;
    const quiet = checkQuietDraft(this.#quiet, lang);
    this.#quietErrors = quiet.ok ? {} : quiet.errors;
    if (!quiet.ok) {
      this.#status = undefined;
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.#saving = true;
    this.#host.requestUpdate();
    try {
      const { kinds, digest, assessmentReminderDays } = draft;
      const saved = await client.notifications.updateSettings({
        kinds,
        digest,
        quietHours: quiet.value,
        assessmentReminderDays,
      });
      this.#draft = saved;
      this.#quiet = quietDraft(saved.quietHours);
      this.#status = { ok: true, text: t(lang, 'saved') };
    } catch (error) {
      this.#status = { ok: false, text: describe(error) };
    }
    this.#saving = false;
    this.#host.requestUpdate();
  }

  #renderForm(settings: NotificationSettings): TemplateResult {
    const { lang } = this.#source();
    const status = this.#status;
    return html`<form
      class="diary-settings-form"
      novalidate
      @submit=${(e: SubmitEvent) => void this.#save(e)}
    >
      <p class="diary-hint">${t(lang, 'channelsHint')}</p>
      ${NOTIFICATION_KINDS.map((kind) => {
        const flags = settings.kinds[kind];
        return html`<fieldset class="diary-kind" part="kind" data-kind=${kind}>
          <legend class="diary-legend">${t(lang, `kind_${kind}`)}</legend>
          <div class="diary-radios">
            ${CHANNELS.map(
              (channel) =>
                html`<label class="diary-radio">
                  <input
                    type="checkbox"
                    name="${kind}.${channel}"
                    .checked=${flags?.[channel] ?? false}
                    @change=${(e: Event) =>
                      this.#toggle(kind, channel, (e.target as HTMLInputElement).checked)}
                  />
                  ${t(lang, `channel_${channel}`)}
                </label>`,
            )}
          </div>
        </fieldset>`;
      })}
      <fieldset class="diary-kind" part="digest">
        <legend class="diary-legend">${t(lang, 'digest')}</legend>
        <div class="diary-radios">
          ${DIGEST_PERIODS.map(
            (period) =>
              html`<label class="diary-radio">
                <input
                  type="radio"
                  name="digest"
                  value=${period}
                  .checked=${settings.digest === period}
                  @change=${() => {
                    if (this.#draft) this.#draft = { ...this.#draft, digest: period };
                    this.#status = undefined;
                    this.#host.requestUpdate();
                  }}
                />
                ${t(lang, `digest_${period}`)}
              </label>`,
          )}
        </div>
      </fieldset>
      ${
        this.#source().reminders
          ? renderReminderDays(lang, settings.assessmentReminderDays, (days) => {
              if (this.#draft) this.#draft = { ...this.#draft, assessmentReminderDays: days };
              this.#status = undefined;
              this.#host.requestUpdate();
            })
          : nothing
      }
      ${renderQuietHours(lang, this.#quiet, this.#quietErrors, (next) => {
        this.#quiet = { ...this.#quiet, ...next };
        this.#status = undefined;
        this.#host.requestUpdate();
      })}
      <div class="diary-actions">
        <button class="diary-button" part="button save" ?disabled=${this.#saving}>
          ${t(lang, 'save')}
        </button>
      </div>
      <div role="status" part="settings-status">
        ${
          status
            ? html`<p
                class="diary-notice ${status.ok ? 'diary-notice--success' : 'diary-notice--error'}"
              >
                ${status.text}
              </p>`
            : nothing
        }
      </div>
    </form>`;
  }

  async #setThreshold(event: SubmitEvent, childId: string): Promise<void> {
    event.preventDefault();
    const { client, lang, describe } = this.#source();
    if (!client) return;
    const form = event.target as HTMLFormElement;
    const subject = (form.elements.namedItem('subject') as HTMLSelectElement).value;
    const input = form.elements.namedItem('threshold') as HTMLInputElement;
    const value = Number(input.value.trim().replace(',', '.'));
    if (!input.value.trim() || checkMarkThreshold(value) !== null) {
      this.#thresholdError = t(lang, 'badNumber');
      this.#thresholdStatus = undefined;
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      input.focus();
      return;
    }
    this.#thresholdError = undefined;
    try {
      await client.thresholds.set({
        childId,
        ...(subject ? { subjectId: subject } : {}),
        threshold: value,
      });
      this.#thresholdStatus = { ok: true, text: t(lang, 'thresholdSaved') };
      input.value = '';
      void this.#thresholds.run();
    } catch (error) {
      this.#thresholdStatus = { ok: false, text: describe(error) };
    }
    this.#host.requestUpdate();
  }

  async #removeThreshold(childId: string, thresholdId: string): Promise<void> {
    const { client, lang, describe } = this.#source();
    if (!client) return;
    try {
      await client.thresholds.remove({ childId, thresholdId });
      this.#thresholdStatus = { ok: true, text: t(lang, 'thresholdRemoved') };
      void this.#thresholds.run();
    } catch (error) {
      this.#thresholdStatus = { ok: false, text: describe(error) };
    }
    this.#host.requestUpdate();
  }

  #renderThresholds(): TemplateResult {
    const { lang, children } = this.#source();
    const childId = this.#shownChild();
    return html`<section
      class="diary-thresholds"
      part="thresholds"
      aria-labelledby="thresholds-title"
    >
      <h3 class="diary-subheading" id="thresholds-title">${t(lang, 'thresholds')}</h3>
      <p class="diary-hint">${t(lang, 'thresholdsHint')}</p>
      ${
        children.length > 1
          ? html`<div class="diary-field">
              <label class="diary-label" for="threshold-child">${t(lang, 'child')}</label>
              <select
                class="diary-input"
                id="threshold-child"
                part="child-select"
                @change=${(e: Event) => {
                  this.#childId = (e.target as HTMLSelectElement).value;
                  this.#thresholdStatus = undefined;
                  this.#host.requestUpdate();
                }}
              >
                ${children.map(
                  (c) =>
                    html`<option value=${c.id} ?selected=${c.id === childId}>
                      ${personName(c)}
                    </option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      ${this.#thresholds.render({
        pending: () => this.#source().loading(),
        error: (error) => this.#source().failed(error, () => void this.#thresholds.run()),
        complete: (data) => this.#renderChildThresholds(data),
      })}
    </section>`;
  }

  #renderChildThresholds(data: ChildThresholds): TemplateResult {
    const { lang } = this.#source();
    const subjectName = (id: string | undefined) =>
      id ? (data.subjects.find((s) => s.id === id)?.name ?? id) : t(lang, 'allSubjects');
    const error = this.#thresholdError;
    const status = this.#thresholdStatus;
    return html`${
        data.items.length === 0
          ? html`<p class="diary-text">${t(lang, 'noThresholds')}</p>`
          : html`<ul class="diary-threshold-list" part="threshold-list">
              ${data.items.map(
                (item) =>
                  html`<li data-threshold=${item.id}>
                    <span
                      >${t(lang, 'thresholdRow', {
                        subject: subjectName(item.subjectId),
                        value: formatNumber(lang, item.threshold, 2),
                      })}</span
                    >
                    <button
                      type="button"
                      class="diary-button diary-button--secondary"
                      part="button remove-threshold"
                      @click=${() => void this.#removeThreshold(data.childId, item.id)}
                    >
                      ${t(lang, 'remove')}<span class="diary-visually-hidden"
                        >: ${subjectName(item.subjectId)}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      <form
        class="diary-threshold-form"
        novalidate
        @submit=${(e: SubmitEvent) => void this.#setThreshold(e, data.childId)}
      >
        <div class="diary-field">
          <label class="diary-label" for="threshold-subject">${t(lang, 'subject')}</label>
          <select class="diary-input" id="threshold-subject" name="subject" part="subject-select">
            <option value="">${t(lang, 'allSubjects')}</option>
            ${data.subjects.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select>
        </div>
        <div class="diary-field ${error ? 'diary-field--error' : ''}">
          <label class="diary-label" for="threshold-value">${t(lang, 'threshold')}</label>
          <p class="diary-hint" id="threshold-hint">${t(lang, 'thresholdHint')}</p>
          ${
            error
              ? html`<p class="diary-error" id="threshold-error" part="error">
                  <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
                  >${error}
                </p>`
              : nothing
          }
          <input
            class="diary-input diary-input--short"
            id="threshold-value"
            name="threshold"
            part="threshold-input"
            inputmode="decimal"
            autocomplete="off"
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${error ? 'threshold-hint threshold-error' : 'threshold-hint'}
          />
        </div>
        <button class="diary-button" part="button add-threshold">${t(lang, 'addThreshold')}</button>
      </form>
      <div role="status" part="threshold-status">
        ${
          status
            ? html`<p
                class="diary-notice ${status.ok ? 'diary-notice--success' : 'diary-notice--error'}"
              >
                ${status.text}
              </p>`
            : nothing
        }
      </div>`;
  }
}
