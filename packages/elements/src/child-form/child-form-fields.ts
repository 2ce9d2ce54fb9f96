import type { Lang, School } from '@school-diary/core';
import { html, nothing } from 'lit';
import { renderDateOfBirth, type DatePart } from '../shared/date-of-birth';
import { renderError, renderTextField, type ShownError } from '../shared/form-field';
import { sharedText } from '../shared/localize';
import { childText } from './child-form-text';
import type { ChildDraft, ChildField } from './child-form-validation';

/** A checksum-valid SNILS that is plainly an example (1…9 in order), never a real person's. */
export const SNILS_EXAMPLE = '123-456-789 64';

/**
 * What the child's detail fields show and where the typing goes: the child form's first step and
 * the child card's edit form draw the same fields.
 */
export interface ChildFieldsView {
  readonly lang: Lang;
  readonly draft: ChildDraft;
  /** The school chosen, when there is one (it decides whether SNILS is required). */
  readonly school: School | undefined;
  /**
   * The errors shown. Leaving a box changes none of them: an error that appeared or went away on
   * `change` would move the buttons below while the pointer presses one (GOV.UK: validate on
   * submit, not on blur).
   */
  readonly errors: readonly ShownError[];
  /** A box changed (`input`). */
  readonly onSet: (patch: Partial<ChildDraft>, field: ChildField) => void;
}

/** A text box of the child's details. */
export type TextField = 'lastName' | 'firstName' | 'middleName' | 'snils' | 'rosterId';

const errorOf = (v: ChildFieldsView, field: ChildField) =>
  v.errors.find((e) => e.field === field)?.message;

/** One text box of the child's details, with core's hint and error. */
export function renderChildTextField(v: ChildFieldsView, field: TextField) {
  const lang = v.lang;
  const hints: Partial<Record<TextField, string>> = {
    middleName: childText(lang, 'middleNameHint'),
    snils: `${childText(lang, 'snilsHint', { example: SNILS_EXAMPLE })} ${
      v.school ? childText(lang, v.school.requiresSnils ? 'snilsRequired' : 'snilsOptional') : ''
    }`.trim(),
    rosterId: childText(lang, 'rosterIdHint'),
  };
  return renderTextField({
    id: field,
    name: field,
    label: childText(lang, field),
    hint: hints[field],
    error: errorOf(v, field),
    errorPrefix: sharedText(lang, 'errorPrefix'),
    value: v.draft[field],
    autocomplete: 'off',
    spellcheck: false,
    inputmode: field === 'snils' ? 'numeric' : undefined,
    part: `field-${field}`,
    onInput: (e) =>
      v.onSet({ [field]: (e.target as HTMLInputElement).value } as Partial<ChildDraft>, field),
  });
}

/** The sex radio group. */
export function renderSexField(v: ChildFieldsView) {
  const lang = v.lang;
  const error = errorOf(v, 'sex');
  const option = (value: 'male' | 'female') =>
    html`<label class="diary-radio" part="radio">
      <input
        type="radio"
        id="sex-${value}"
        name="sex"
        value=${value}
        .checked=${v.draft.sex === value}
        aria-invalid=${error ? 'true' : nothing}
        @change=${() => v.onSet({ sex: value }, 'sex')}
      />
      ${childText(lang, value)}
    </label>`;
  return html`<fieldset
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-sex"
    aria-describedby=${error ? 'sex-error' : nothing}
  >
    <legend class="diary-legend" part="legend">${childText(lang, 'sex')}</legend>
    ${renderError('sex', error, sharedText(lang, 'errorPrefix'))}
    <div class="diary-radios">${option('male')} ${option('female')}</div>
  </fieldset>`;
}

/** The date of birth in three boxes, with the error on the part to fix. */
export function renderBirthDateField(v: ChildFieldsView) {
  const lang = v.lang;
  const dateError = v.errors.find((e) => e.field === 'birthDate');
  const dateProblem = dateError
    ? {
        part: dateError.target.replace('birthDate-', '') as DatePart,
        whole: dateError.whole ?? true,
        message: dateError.message,
      }
    : null;
  return renderDateOfBirth({
    id: 'birthDate',
    legend: childText(lang, 'birthDate'),
    hint: childText(lang, 'birthDateHint'),
    labels: {
      day: childText(lang, 'day'),
      month: childText(lang, 'month'),
      year: childText(lang, 'year'),
    },
    value: v.draft,
    problem: dateProblem,
    errorPrefix: sharedText(lang, 'errorPrefix'),
    onInput: (part, value) => v.onSet({ [part]: value }, 'birthDate'),
  });
}
