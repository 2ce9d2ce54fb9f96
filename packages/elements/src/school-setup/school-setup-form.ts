import type { Lang } from '@school-diary/core';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { formatDate } from '../shared/dates';
import type { SchoolSetupClient } from '../shared/diary-data-client';
import { describeFailure } from '../shared/failure';
import { renderTextField } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { textNotice } from '../shared/notices';
import { schoolSetupText, type SchoolSetupKey } from './school-setup-text';

/** The sections of the widget, each with its own busy state and done message. */
export type Section =
  | 'import'
  | 'profile'
  | 'applications'
  | 'year'
  | 'classes'
  | 'roster'
  | 'subjects'
  | 'staff'
  | 'bells'
  | 'rounding'
  | 'timetable'
  | 'exceptions'
  | 'generate'
  | 'import';

/** The element that hosts the form: it updates, renders and keeps the controllers. */
export type SetupFormHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the form reads of its element, now: language, zone, heading level and client. */
export interface SetupEnv {
  readonly language: () => Lang;
  readonly timeZone: () => string;
  readonly headingLevel: () => HeadingLevel;
  readonly client: () => SchoolSetupClient | undefined;
}

/** One option of a select: its value and label. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** Maps an API field path (`items.2.endTime`) to the id of the input that shows its error. */
export type FieldOf = (path: string) => string | undefined;

/**
 * The state every section of `<diary-school-setup>` shares: what was typed, the errors at the
 * fields, each section's done message and which section is busy, and the controls that read and
 * write them. A section's change runs through {@link SetupForm.run}.
 */
export class SetupForm implements ReactiveController {
  readonly host: SetupFormHost;
  readonly env: SetupEnv;
  #values: Readonly<Record<string, string>> = {};
  #errors: Readonly<Record<string, string>> = {};
  #done: Partial<Record<Section, string>> = {};
  #busy: Section | undefined;
  readonly #reload: () => Promise<unknown>;

  constructor(host: SetupFormHost, env: SetupEnv, reload: () => Promise<unknown>) {
    this.host = host;
    this.env = env;
    this.#reload = reload;
    host.addController(this);
  }

  hostConnected(): void {}

  get busy(): Section | undefined {
    return this.#busy;
  }

  t(key: SchoolSetupKey, params?: Record<string, string | number>): string {
    return schoolSetupText(this.env.language(), key, params);
  }

  date(iso: string): string {
    return formatDate(this.env.language(), iso, { dateStyle: 'medium' }, this.env.timeZone());
  }

  /** What was typed in `id`, trimmed. */
  value(id: string): string {
    return (this.#values[id] ?? '').trim();
  }

  /** Whether anything (even an empty string) was typed in `id`. */
  has(id: string): boolean {
    return this.#values[id] !== undefined;
  }

  set(values: Readonly<Record<string, string>>): void {
    this.#values = { ...this.#values, ...values };
    this.host.requestUpdate();
  }

  clear(...ids: string[]): void {
    this.set(Object.fromEntries(ids.map((id) => [id, ''])));
  }

  error(id: string): string | undefined {
    return this.#errors[id];
  }

  /** Shows `message` at the control `id`, found wrong before any call, and focuses it. */
  async fail(id: string, message: string): Promise<void> {
    this.#errors = { [id]: message };
    this.host.requestUpdate();
    await this.focus(id);
  }

  section(name: Section, heading: string, body: TemplateResult): TemplateResult {
    const level = subLevel(this.env.headingLevel());
    return html`<section part="section" aria-labelledby="${name}-heading">
      <div id="${name}-heading">${renderHeading(level, heading)}</div>
      ${body}${this.status(name)}
    </section>`;
  }

  /** A section's done (or refused) message, read out politely. */
  status(name: Section): TemplateResult | typeof nothing {
    const done = this.#done[name];
    return done ? textNotice(done, 'status') : nothing;
  }

  field(
    id: string,
    label: string,
    options: { hint?: string; width?: 'short' | 'year'; value?: string; numeric?: boolean } = {},
  ): TemplateResult {
    return renderTextField({
      id,
      name: id,
      label,
      value: this.#values[id] ?? options.value ?? '',
      hint: options.hint,
      error: this.#errors[id],
      errorPrefix: sharedText(this.env.language(), 'errorPrefix'),
      ...(options.width ? { width: options.width } : {}),
      ...(options.numeric ? { inputmode: 'numeric' as const } : {}),
      part: `field-${id}`,
      onInput: (event) => this.set({ [id]: (event.target as HTMLInputElement).value }),
    });
  }

  select(
    id: string,
    label: string,
    choices: readonly Choice[],
    fallback: string,
    onChange?: (value: string) => void,
  ): TemplateResult {
    const value = this.#values[id] ?? fallback;
    const error = this.#errors[id];
    return html`<div
      class="diary-field${error ? ' diary-field--error' : ''}"
      part="field field-${id}"
    >
      <label class="diary-label" part="label" for=${id}>${label}</label>
      ${
        error
          ? html`<p class="diary-error" part="error" id="${id}-error">
              <span class="diary-visually-hidden"
                >${sharedText(this.env.language(), 'errorPrefix')}</span
              >${error}
            </p>`
          : nothing
      }
      <select
        id=${id}
        part="input"
        aria-describedby=${error ? `${id}-error` : nothing}
        aria-invalid=${error ? 'true' : nothing}
        @change=${(e: Event) => {
          const next = (e.target as HTMLSelectElement).value;
          this.set({ [id]: next });
          onChange?.(next);
        }}
      >
        ${choices.map(
          (c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`,
        )}
      </select>
    </div>`;
  }

  button(
    section: Section,
    part: string,
    label: string,
    onClick: () => void,
    aria?: string,
  ): TemplateResult {
    const secondary = part === 'remove' || part === 'cancel' || part === 'rename';
    return html`<button
      type="button"
      class="diary-button${secondary ? ' diary-button--secondary' : ''}"
      part="button ${part}"
      aria-label=${aria ?? nothing}
      aria-disabled=${this.#busy === section ? 'true' : nothing}
      @click=${() => {
        // aria-disabled, not disabled: a disabled button would drop the keyboard user's focus.
        if (this.#busy !== section) onClick();
      }}
    >
      ${label}
    </button>`;
  }

  /** Moves focus to the control `id` after the next render. */
  async focus(id: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /**
   * Runs one section's call: its errors at their fields (the first one focused) or, when no field
   * shows them, as the section's message; the done message it returns after, and a reload.
   */
  async run(
    section: Section,
    fieldOf: FieldOf,
    call: (client: SchoolSetupClient) => Promise<string>,
    { reload = true } = {},
  ): Promise<boolean> {
    const client = this.env.client();
    if (!client) return false;
    this.#busy = section;
    this.#done = { ...this.#done, [section]: undefined };
    this.#errors = {};
    this.host.requestUpdate();
    try {
      const message = await call(client);
      this.#done = { ...this.#done, [section]: message };
      if (reload) await this.#reload();
      return true;
    } catch (error) {
      const lang = this.env.language();
      const failure = describeFailure(error, {
        lang,
        now: new Date(),
        timeZone: this.env.timeZone(),
      });
      const errors: Record<string, string> = {};
      for (const f of failure.kind === 'api' ? failure.fields : []) {
        const id = fieldOf(f.path);
        if (id && !errors[id]) errors[id] = f.message;
      }
      this.#errors = errors;
      const shown = Object.keys(errors);
      if (shown.length === 0) this.#done = { ...this.#done, [section]: failure.message };
      if (shown[0]) await this.focus(shown[0]);
      return false;
    } finally {
      this.#busy = undefined;
      this.host.requestUpdate();
    }
  }
}

/** A field map by the last segment of the API's path (`items.0.startDate` → `startDate`). */
export const byLastSegment =
  (ids: Readonly<Record<string, string>>): FieldOf =>
  (path) =>
    ids[path.split('.').pop() ?? ''];
