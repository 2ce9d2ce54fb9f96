import type { RosterEntry } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import type { SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/** Pupils still at school, by class name, then surname and first name. */
function byClass(loaded: Loaded): (readonly [string, RosterEntry[]])[] {
  const className = new Map(loaded.classes.map((c) => [c.id, c.name]));
  const groups = new Map<string, RosterEntry[]>();
  for (const entry of loaded.roster) {
    if (entry.leftAt) continue;
    const name = className.get(entry.classId) ?? '';
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  const collator = new Intl.Collator('ru');
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, entries]) => [
      name,
      entries.sort(
        (a, b) =>
          collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName),
      ),
    ]);
}

/**
 * The pupils on the roster with the number a parent links their child with (random, so the admin
 * hands it to each family; it cannot be worked out from the class or the list).
 */
export function renderRoster(form: SetupForm, loaded: Loaded): TemplateResult {
  const groups = byClass(loaded);
  return form.section(
    'roster',
    form.t('roster'),
    groups.length === 0
      ? html`<p>${form.t('noPupils')}</p>`
      : html`<p>${form.t('rosterHint')}</p>
          ${groups.map(
            ([name, entries]) =>
              html`<ul part="list" aria-label=${form.t('rosterOfClass', { name })}>
                ${entries.map(
                  (e) =>
                    html`<li part="item" data-roster-id=${e.rosterId}>
                      <span>${e.lastName} ${e.firstName}, ${name}</span>
                      <span>${form.t('rosterId')}: <code>${e.rosterId}</code></span>
                    </li>`,
                )}
              </ul>`,
          )}`,
  );
}
