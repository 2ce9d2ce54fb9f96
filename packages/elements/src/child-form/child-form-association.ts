import type { School } from '@school-diary/core';
import { datePartsToIso } from '../shared/date-of-birth';
import type { ChildDraft } from './child-form-validation';

/** Turns a custom state (`:state(busy)`) on or off. */
export function setCustomState(
  states: CustomStateSet | undefined,
  name: string,
  on: boolean,
): void {
  if (!states) return;
  try {
    if (on) states.add(name);
    else states.delete(name);
  } catch {
    // Browsers before the standard names (Chrome < 125) only take `--name`.
    if (on) states.add(`--${name}`);
    else states.delete(`--${name}`);
  }
}

/**
 * What the form hands to a surrounding `<form>`: every value under `<name>.<field>`, and the
 * state the browser keeps to restore the draft (back/forward).
 */
export function formValue(
  name: string,
  d: ChildDraft,
  school: School | undefined,
): { readonly data: FormData; readonly state: string } {
  const data = new FormData();
  const entries: [string, string][] = [
    ['lastName', d.lastName],
    ['firstName', d.firstName],
    ['middleName', d.middleName],
    ['birthDate', datePartsToIso(d) ?? ''],
    ['sex', d.sex],
    ['snils', d.snils],
    ['schoolCode', school?.code ?? ''],
    ['rosterId', d.rosterId],
  ];
  for (const [key, value] of entries) data.append(`${name}.${key}`, value);
  return { data, state: JSON.stringify({ draft: d, school }) };
}
