import {
  checkBirthCertificate,
  checkInn,
  errorMessage,
  normalizeBirthCertificate,
  normalizeInn,
  normalizePersonName,
  normalizeSnils,
  type Child,
  type ChildUpdate,
  type Lang,
} from '@school-diary/core';
import { html } from 'lit';
import {
  renderBirthDateField,
  renderChildTextField,
  renderSexField,
  type ChildFieldsView,
} from '../child-form/child-form-fields';
import { checkField, type ChildDraft, type ChildField } from '../child-form/child-form-validation';
import { datePartsToIso } from '../shared/date-of-birth';
import {
  focusControl,
  renderErrorSummary,
  renderTextField,
  type ShownError,
} from '../shared/form-field';
import { renderHeading, subLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { cardText } from './child-card-text';

/** The card as typed: the child form's draft and the two documents the form does not ask for. */
export interface CardDraft extends ChildDraft {
  readonly inn: string;
  readonly birthCertificate: string;
}

/** A field of the card's edit form. */
export type CardField = ChildField | 'inn' | 'birthCertificate';

/** The form's fields in page order; the child form checks the first six. */
const CARD_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'snils',
  'inn',
  'birthCertificate',
] as const;

/** The draft a card starts editing from. */
export function draftOf(child: Child): CardDraft {
  const [year = '', month = '', day = ''] = child.birthDate.split('-');
  return {
    lastName: child.lastName,
    firstName: child.firstName,
    middleName: child.middleName ?? '',
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    sex: child.sex ?? '',
    snils: child.snils ?? '',
    rosterId: '',
    inn: child.inn ?? '',
    birthCertificate: child.birthCertificate ?? '',
  };
}

/** One field's first problem: the child form's rules, and core's for INN and the certificate. */
function checkCardField(
  field: (typeof CARD_FIELDS)[number],
  draft: CardDraft,
  context: { readonly lang: Lang; readonly today: string },
): ShownError | undefined {
  if (field !== 'inn' && field !== 'birthCertificate')
    return checkField(field, draft, undefined, context);
  const value = draft[field].trim();
  if (value === '') return undefined;
  const code = field === 'inn' ? checkInn(value) : checkBirthCertificate(value);
  if (!code) return undefined;
  return { field, target: field, message: errorMessage(code, { lang: context.lang, field }) };
}

/** Every field's first problem, in page order. */
export function checkCard(
  draft: CardDraft,
  context: { readonly lang: Lang; readonly today: string },
): ShownError[] {
  return CARD_FIELDS.flatMap((field) => checkCardField(field, draft, context) ?? []);
}

/**
 * The errors after the reader typed into `field`: its error goes once the box is right (the words
 * of one still wrong wait for the next save, and no other field's error changes).
 */
export function afterTyping(
  errors: readonly ShownError[],
  field: CardField,
  draft: CardDraft,
  context: { readonly lang: Lang; readonly today: string },
): readonly ShownError[] {
  const known = CARD_FIELDS.find((f) => f === field);
  if (!known || !errors.some((e) => e.field === field)) return errors;
  return checkCardField(known, draft, context) ? errors : errors.filter((e) => e.field !== field);
}

/** The change to send: every field, normalised as core writes it (empty removes). */
export function updateOf(draft: CardDraft): ChildUpdate {
  const name = (value: string) => normalizePersonName(value) ?? value;
  const optional = (value: string, normalize: (v: string) => string | null) =>
    value.trim() === '' ? '' : (normalize(value) ?? value);
  return {
    lastName: name(draft.lastName),
    firstName: name(draft.firstName),
    middleName: optional(draft.middleName, normalizePersonName),
    birthDate: datePartsToIso(draft) ?? '',
    sex: draft.sex === 'female' ? 'female' : 'male',
    snils: optional(draft.snils, normalizeSnils),
    inn: optional(draft.inn, normalizeInn),
    birthCertificate: optional(draft.birthCertificate, normalizeBirthCertificate),
  };
}

/** What the edit form shows and where the typing goes. */
export interface EditView extends ChildFieldsView {
  readonly draft: CardDraft;
  readonly headingLevel: string;
  readonly busy: boolean;
  readonly root: () => ShadowRoot;
  readonly onDocument: (field: 'inn' | 'birthCertificate', value: string) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

function documentField(v: EditView, field: 'inn' | 'birthCertificate') {
  return renderTextField({
    id: field,
    name: field,
    label: cardText(v.lang, field),
    hint: cardText(v.lang, field === 'inn' ? 'innHint' : 'birthCertificateHint'),
    error: v.errors.find((e) => e.field === field)?.message,
    errorPrefix: sharedText(v.lang, 'errorPrefix'),
    value: v.draft[field],
    autocomplete: 'off',
    spellcheck: false,
    inputmode: field === 'inn' ? 'numeric' : undefined,
    part: `field-${field}`,
    onInput: (e) => v.onDocument(field, (e.target as HTMLInputElement).value),
  });
}

/** The edit form: the child form's fields, the documents, an error summary on top. */
export function renderEditForm(v: EditView) {
  const lang = v.lang;
  return html`<form novalidate part="form" @submit=${v.onSubmit}>
    ${renderErrorSummary({
      title: sharedText(lang, 'errorSummaryTitle'),
      errors: v.errors,
      level: subLevel(v.headingLevel),
      onSelect: (target) => focusControl(v.root(), target),
    })}
    ${renderChildTextField(v, 'lastName')} ${renderChildTextField(v, 'firstName')}
    ${renderChildTextField(v, 'middleName')} ${renderBirthDateField(v)} ${renderSexField(v)}
    ${renderHeading(subLevel(subLevel(v.headingLevel)), cardText(lang, 'documents'))}
    ${renderChildTextField(v, 'snils')} ${documentField(v, 'inn')}
    ${documentField(v, 'birthCertificate')}
    <div class="diary-actions">
      <button class="diary-button" part="button save" type="submit" ?disabled=${v.busy}>
        ${cardText(lang, v.busy ? 'saving' : 'save')}
      </button>
      <button
        class="diary-button diary-button--secondary"
        part="button cancel"
        type="button"
        @click=${v.onCancel}
      >
        ${cardText(lang, 'cancel')}
      </button>
    </div>
  </form>`;
}
