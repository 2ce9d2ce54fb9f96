import {
  DEFAULT_SCHOOL_AGE,
  PERSON_NAME_MAX_LENGTH,
  ROSTER_ID_LENGTH,
  apiErrorMessage,
  checkPersonName,
  checkRosterId,
  checkSchoolAge,
  checkSnils,
  errorMessage,
  type Lang,
  type School,
} from '@school-diary/core';
import { checkDateParts, datePartsToIso, type DateParts } from '../shared/date-of-birth';
import type { ShownError } from '../shared/form-field';

/** Everything typed into the child form (kept as typed: nothing is lost on a failed submit). */
export interface ChildDraft extends DateParts {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName: string;
  readonly sex: '' | 'male' | 'female';
  readonly snils: string;
  readonly rosterId: string;
}

/** The fields of the form in the order of the page (and of the error summary). */
export const CHILD_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'snils',
  'school',
  'rosterId',
] as const;

/** A field of the form. */
export type ChildField = (typeof CHILD_FIELDS)[number];

/** An empty draft. */
export const EMPTY_DRAFT: ChildDraft = {
  lastName: '',
  firstName: '',
  middleName: '',
  day: '',
  month: '',
  year: '',
  sex: '',
  snils: '',
  rosterId: '',
};

/** The id of the control a field's error summary link focuses. */
export function targetOf(field: ChildField, part: 'day' | 'month' | 'year' = 'day'): string {
  if (field === 'birthDate') return `birthDate-${part}`;
  if (field === 'sex') return 'sex-male';
  return field;
}

const nameParams = { maximum: PERSON_NAME_MAX_LENGTH };
// Core's object is read, not passed on: handing it to a call keeps the roster id's zod schema.
const rosterParams = { minimum: ROSTER_ID_LENGTH.minimum, maximum: ROSTER_ID_LENGTH.maximum };

/**
 * The first problem of one field, or `undefined`. Every rule and every message is core's; the
 * form only decides the order and when to show them.
 */
export function checkField(
  field: ChildField,
  draft: ChildDraft,
  school: School | undefined,
  context: { readonly lang: Lang; readonly today: string },
): ShownError | undefined {
  const { lang } = context;
  const shown = (message: string, target = targetOf(field)) => ({ field, target, message });
  switch (field) {
    case 'lastName':
    case 'firstName': {
      const code = checkPersonName(draft[field]);
      return code ? shown(errorMessage(code, { lang, field, params: nameParams })) : undefined;
    }
    case 'middleName': {
      if (draft.middleName.trim() === '') return undefined;
      const code = checkPersonName(draft.middleName);
      return code ? shown(errorMessage(code, { lang, field, params: nameParams })) : undefined;
    }
    case 'birthDate': {
      const problem = checkDateParts(draft, context.today, lang);
      if (!problem) return undefined;
      return { ...shown(problem.message, targetOf(field, problem.part)), whole: problem.whole };
    }
    case 'sex':
      return draft.sex ? undefined : shown(errorMessage('required', { lang, field }));
    case 'snils': {
      if (draft.snils.trim() === '' && !school?.requiresSnils) return undefined;
      const code = checkSnils(draft.snils);
      return code ? shown(errorMessage(code, { lang, field })) : undefined;
    }
    case 'school':
      if (!school) return shown(errorMessage('required', { lang, field }));
      return school.diaryConnected
        ? undefined
        : shown(apiErrorMessage('school_not_connected', { lang }));
    case 'rosterId': {
      const code = checkRosterId(draft.rosterId);
      return code ? shown(errorMessage(code, { lang, field, params: rosterParams })) : undefined;
    }
  }
}

/** Every field's first problem, in page order. */
export function checkDraft(
  draft: ChildDraft,
  school: School | undefined,
  context: { readonly lang: Lang; readonly today: string },
): ShownError[] {
  return CHILD_FIELDS.flatMap((field) => checkField(field, draft, school, context) ?? []);
}

/**
 * Whether the child's age is outside the school window (core's default, the one the server
 * applies). That is an eligibility question, explained to the parent, not a field error.
 */
export function ageProblem(draft: ChildDraft, today: string): 'too_young' | 'too_old' | null {
  const iso = datePartsToIso(draft);
  return iso ? checkSchoolAge(iso, { today }) : null;
}

/** The age window shown in the explanation. */
export const SCHOOL_AGE = DEFAULT_SCHOOL_AGE;
