import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderHeading } from './heading';

/** One field's error as the widgets show it: beside the field and in the error summary. */
export interface ShownError {
  /** The id of the control the summary link focuses. */
  readonly target: string;
  /** The field's name (its path on the wire). */
  readonly field: string;
  /** The same words beside the field and in the summary. */
  readonly message: string;
  /** For a group (the date of birth): the error concerns all of it, not only `target`. */
  readonly whole?: boolean;
}

/** A text input with its label, hint and error, all in one DOM tree so ARIA ids resolve. */
export interface TextFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** Visually hidden text read before the error («Ошибка: »). */
  readonly errorPrefix: string;
  readonly name?: string;
  readonly type?: 'text' | 'password' | 'tel' | 'email';
  /** `off` unless it is the user's own data: a child's fields must not get the parent's. */
  readonly autocomplete?: string;
  readonly inputmode?: 'numeric' | 'tel' | 'text';
  readonly width?: 'short' | 'year' | 'code';
  readonly spellcheck?: boolean;
  /** The part name of the wrapper (`field-<name>`), for `::part` styling. */
  readonly part: string;
  readonly onInput: (event: InputEvent) => void;
  readonly onChange?: (event: Event) => void;
  /** Content after the input, such as the show/hide password button. */
  readonly after?: TemplateResult;
}

/** The ids of the hint and error of a control, for `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The error line of a field: a visually hidden «Ошибка: » and the message. */
export function renderError(id: string, error: string | undefined, prefix: string) {
  if (!error) return nothing;
  return html`<p class="diary-error" part="error" id="${id}-error">
    <span class="diary-visually-hidden">${prefix}</span>${error}
  </p>`;
}

/** The hint line of a field. */
export function renderHint(id: string, hint: string | undefined) {
  if (!hint) return nothing;
  return html`<p class="diary-hint" part="hint" id="${id}-hint">${hint}</p>`;
}

/**
 * A GOV.UK-style text field: label, hint, error, then the input (`aria-describedby` names the
 * hint and the error, `aria-invalid` marks it). The value is bound with `live()` so a reset or
 * restored draft shows, but nothing dispatches `input`/`change`: only the user's typing does.
 */
export function renderTextField(o: TextFieldOptions): TemplateResult {
  const widthClass = o.width ? ` diary-input--${o.width}` : '';
  return html`<div
    class="diary-field${o.error ? ' diary-field--error' : ''}"
    part="field ${o.part}"
  >
    <label class="diary-label" part="label" for=${o.id}>${o.label}</label>
    ${renderHint(o.id, o.hint)} ${renderError(o.id, o.error, o.errorPrefix)}
    <input
      class="diary-input${widthClass}"
      part="input"
      id=${o.id}
      name=${ifDefined(o.name)}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? 'off'}
      inputmode=${ifDefined(o.inputmode)}
      spellcheck=${o.spellcheck === undefined ? nothing : String(o.spellcheck)}
      aria-invalid=${o.error ? 'true' : nothing}
      aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
      .value=${live(o.value)}
      @input=${o.onInput}
      @change=${o.onChange}
    />
    ${o.after ?? nothing}
  </div>`;
}

/** Options of {@link renderErrorSummary}. */
export interface ErrorSummaryOptions {
  readonly title: string;
  readonly errors: readonly ShownError[];
  /** Id of the summary's heading; unique per page for light-DOM widgets. */
  readonly titleId?: string;
  /** The level of the summary's heading: one below the widget's title (2 by default). */
  readonly level?: string;
  /** Moves focus to the control of an entry. */
  readonly onSelect: (target: string) => void;
}

/**
 * The error summary at the top of a form (GOV.UK): focused after a failed submit (`tabindex=-1`
 * on the box, `role=alert` on an inner element so the focus and the announcement do not race),
 * with one link per error that focuses its field. The words are the field's own message.
 */
export function renderErrorSummary(o: ErrorSummaryOptions): TemplateResult | typeof nothing {
  if (o.errors.length === 0) return nothing;
  return html`<div
    class="diary-summary"
    part="error-summary"
    tabindex="-1"
    aria-labelledby=${o.titleId ?? 'diary-summary-title'}
  >
    <div role="alert">
      ${renderHeading(o.level ?? '2', o.title, {
        id: o.titleId ?? 'diary-summary-title',
        className: 'diary-summary-title',
      })}
      <ul>
        ${o.errors.map(
          (e) =>
            html`<li>
              <a
                href="#${e.target}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  o.onSelect(e.target);
                }}
                >${e.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/**
 * Focuses a control inside a root after bringing its label or legend into view, as GOV.UK's error
 * summary does (the question stays visible above the field).
 */
export function focusControl(root: ParentNode, id: string): void {
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!control) return;
  const caption =
    control.closest('fieldset')?.querySelector('legend') ??
    root.querySelector<HTMLElement>(`label[for="${CSS.escape(id)}"]`);
  caption?.scrollIntoView?.({ block: 'start' });
  control.focus({ preventScroll: Boolean(caption) });
}
