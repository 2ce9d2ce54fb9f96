import { html, nothing, type TemplateResult } from 'lit';
import { renderHeading, subLevel } from '../shared/heading';
import { focusControl, renderErrorSummary } from '../shared/form-field';
import { sharedText } from '../shared/localize';
import { renderSchoolCombobox, type SchoolSearch } from '../shared/school-combobox';
import {
  renderBirthDateField,
  renderChildTextField,
  renderSexField,
  type ChildFieldsView,
} from './child-form-fields';
import { childText } from './child-form-text';
import { SCHOOL_AGE } from './child-form-validation';

export { SNILS_EXAMPLE } from './child-form-fields';

/** What the first step (the child's details) shows, and where the typing goes. */
export interface DetailsStepView extends ChildFieldsView {
  /** `heading-level` of the form. */
  readonly headingLevel: string;
  readonly ageIssue: 'too_young' | 'too_old' | null;
  readonly busy: boolean;
  readonly search: SchoolSearch;
  /** The failed request's notice, if any (drawn by the form). */
  readonly failure: TemplateResult | typeof nothing;
  /** The form's shadow root, to move focus to a field. */
  readonly root: () => ShadowRoot;
  readonly onSubmit: (event: SubmitEvent) => void;
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
    ${renderChildTextField(v, 'lastName')} ${renderChildTextField(v, 'firstName')}
    ${renderChildTextField(v, 'middleName')} ${renderBirthDateField(v)} ${renderSexField(v)}
    ${renderChildTextField(v, 'snils')}
    ${renderSchoolCombobox(v.search, {
      id: 'school',
      label: childText(lang, 'school'),
      hint: childText(lang, 'schoolHint'),
      error: v.errors.find((e) => e.field === 'school')?.message,
      errorPrefix: sharedText(lang, 'errorPrefix'),
      lang,
      retryLabel: sharedText(lang, 'retry'),
    })}
    ${renderChildTextField(v, 'rosterId')}
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
