import type { Lang, School } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { renderHeading, subLevel } from '../shared/heading';
import { renderDateOfBirth, type DatePart } from '../shared/date-of-birth';
import {
  focusControl,
  renderError,
  renderErrorSummary,
  renderTextField,
  type ShownError,
} from '../shared/form-field';
import { sharedText } from '../shared/localize';
import { renderSchoolCombobox, type SchoolSearch } from '../shared/school-combobox';
import { childText } from './child-form-text';
import { SCHOOL_AGE, type ChildDraft, type ChildField } from './child-form-validation';

/** A checksum-valid SNILS that is plainly an example (1…9 in order), never a real person's. */
export const SNILS_EXAMPLE = '123-456-789 64';

/** What the first step (the child's details) shows, and where the typing goes. */
export interface DetailsStepView {
  readonly lang: Lang;
  /** `heading-level` of the form. */
  readonly headingLevel: string;
  readonly draft: ChildDraft;
  readonly school: School | undefined;
  readonly errors: readonly ShownError[];
  readonly ageIssue: 'too_young' | 'too_old' | null;
  readonly busy: boolean;
  readonly search: SchoolSearch;
  /** The failed request's notice, if any (drawn by the form). */
  readonly failure: TemplateResult | typeof nothing;
  /** The form's shadow root, to move focus to a field. */
  readonly root: () => ShadowRoot;
  readonly onSubmit: (event: SubmitEvent) => void;
  /** A box changed (`input`). */
  readonly onSet: (patch: Partial<ChildDraft>, field: ChildField) => void;
  /** The reader left a box (`change`): its error is brought up to date. */
  readonly onLeave: (field: ChildField) => void;
}

type TextField = 'lastName' | 'firstName' | 'middleName' | 'snils' | 'rosterId';

const errorOf = (v: DetailsStepView, field: ChildField) =>
  v.errors.find((e) => e.field === field)?.message;

function textField(v: DetailsStepView, field: TextField) {
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
    onChange: () => v.onLeave(field),
  });
}

function sexField(v: DetailsStepView) {
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

function ageIssue(v: DetailsStepView) {
  const issue = v.ageIssue;
  if (!issue) return nothing;
  const lang = v.lang;
  const params = { minAge: SCHOOL_AGE.minAge, maxAge: SCHOOL_AGE.maxAge };
  const young = issue === 'too_young';
  return html`<div
    class="diary-notice"
    part="notice age-notice"
    data-focus="age"
    tabindex="-1"
    role="region"
    aria-labelledby="age-title"
  >
    ${renderHeading(
      subLevel(v.headingLevel),
      childText(lang, young ? 'tooYoungTitle' : 'tooOldTitle'),
      { id: 'age-title' },
    )}
    <p class="diary-text">${childText(lang, young ? 'tooYoung' : 'tooOld', params)}</p>
    <p class="diary-text">${childText(lang, 'ageWhatToDo')}</p>
    <button
      type="button"
      class="diary-link"
      @click=${() => focusControl(v.root(), 'birthDate-day')}
    >
      ${childText(lang, 'changeBirthDate')}
    </button>
  </div>`;
}

/**
 * The child's details: name, date of birth in three boxes, sex, SNILS, the school from the
 * registry and the roster number, with the error summary on top (GOV.UK pattern).
 */
export function renderDetailsStep(v: DetailsStepView) {
  const lang = v.lang;
  const dateError = v.errors.find((e) => e.field === 'birthDate');
  const dateProblem = dateError
    ? {
        part: dateError.target.replace('birthDate-', '') as DatePart,
        whole: dateError.whole ?? true,
        message: dateError.message,
      }
    : null;
  return html`<form novalidate @submit=${v.onSubmit}>
    ${renderHeading(v.headingLevel, childText(lang, 'title'), { title: true })}
    ${renderErrorSummary({
      title: sharedText(lang, 'errorSummaryTitle'),
      errors: v.errors,
      level: subLevel(v.headingLevel),
      onSelect: (target) => focusControl(v.root(), target),
    })}
    ${v.failure} ${ageIssue(v)}
    <p class="diary-text">${childText(lang, 'intro')}</p>
    ${textField(v, 'lastName')} ${textField(v, 'firstName')} ${textField(v, 'middleName')}
    ${renderDateOfBirth({
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
      onChange: () => v.onLeave('birthDate'),
    })}
    ${sexField(v)} ${textField(v, 'snils')}
    ${renderSchoolCombobox(v.search, {
      id: 'school',
      label: childText(lang, 'school'),
      hint: childText(lang, 'schoolHint'),
      error: errorOf(v, 'school'),
      errorPrefix: sharedText(lang, 'errorPrefix'),
      lang,
      retryLabel: sharedText(lang, 'retry'),
    })}
    ${textField(v, 'rosterId')}
    <div class="diary-actions">
      <button
        class="diary-button"
        part="button submit"
        type="submit"
        ?disabled=${v.busy}
        aria-busy=${v.busy}
      >
        ${childText(lang, v.busy ? 'sending' : 'submit')}
      </button>
    </div>
  </form>`;
}
