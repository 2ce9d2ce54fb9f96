import { errorMessage, type Lang } from '@school-diary/core';
import type { Failure } from '../shared/failure';
import type { ShownError } from '../shared/form-field';
import { CHILD_FIELDS, targetOf, type ChildField } from './child-form-validation';

/** Where a server field error lands in the form. */
const SERVER_PATHS: Readonly<Record<string, ChildField>> = {
  lastName: 'lastName',
  firstName: 'firstName',
  middleName: 'middleName',
  birthDate: 'birthDate',
  sex: 'sex',
  snils: 'snils',
  schoolCode: 'school',
  rosterId: 'rosterId',
};

/** Where a failed request's message goes in the form. */
export type FailurePlace =
  /** Beside the code box (the code step). */
  | { readonly to: 'code'; readonly message: string }
  /** On the details step: fields' errors in the form's order, and an age outside the window. */
  | {
      readonly to: 'fields';
      readonly errors: readonly ShownError[];
      readonly ageIssue: 'too_young' | 'too_old' | null;
    }
  /** Above the form (network, server, or an error no field owns). */
  | { readonly to: 'form' };

/**
 * Where a failed request is shown: a field error of the server on its field (in the words core
 * gives its code, unless the server's own message is more specific), a code error beside the code,
 * the rest above the form.
 */
export function placeFailure(failure: Failure, lang: Lang, onCodeStep: boolean): FailurePlace {
  if (failure.kind !== 'api') return { to: 'form' };
  const shown: ShownError[] = [];
  let ageIssue: 'too_young' | 'too_old' | null = null;
  for (const f of failure.fields) {
    if (f.path === 'code') {
      const message = failure.code === 'validation_failed' ? f.message : failure.message;
      return { to: 'code', message };
    }
    const field = SERVER_PATHS[f.path];
    if (!field) continue;
    if (field === 'birthDate' && (f.code === 'too_young' || f.code === 'too_old')) {
      ageIssue = f.code;
      continue;
    }
    const specific = failure.code !== 'validation_failed' && failure.code !== 'conflict';
    const message = specific ? failure.message : errorMessage(f.code, { lang, field: f.path });
    shown.push({ field, target: targetOf(field), message });
  }
  if (shown.length || ageIssue) {
    const errors = CHILD_FIELDS.flatMap((f) => shown.filter((e) => e.field === f));
    return { to: 'fields', errors, ageIssue };
  }
  if (onCodeStep && failure.code.startsWith('code_'))
    return { to: 'code', message: failure.message };
  return { to: 'form' };
}
