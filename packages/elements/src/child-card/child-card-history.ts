import type { ChildHistoryEntry, Lang } from '@school-diary/core';
import { html } from 'lit';
import { formatDate } from '../shared/dates';
import { renderHeading } from '../shared/heading';
import { textNotice } from '../shared/notices';
import { cardText } from './child-card-text';

/** The words of each field in the history (names only: the history never holds a value). */
const FIELD_KEYS = {
  lastName: 'lastName',
  firstName: 'firstName',
  middleName: 'middleName',
  birthDate: 'birthDateField',
  sex: 'sexField',
  snils: 'snilsField',
  inn: 'innField',
  birthCertificate: 'birthCertificateField',
} as const satisfies Record<ChildHistoryEntry['fields'][number], Parameters<typeof cardText>[1]>;

/** What the history section shows. */
export interface HistoryView {
  readonly lang: Lang;
  readonly level: string;
  readonly timeZone: string;
  readonly entries: readonly ChildHistoryEntry[];
}

function whatOf(lang: Lang, entry: ChildHistoryEntry): string {
  const school = entry.schoolName ?? cardText(lang, 'someSchool');
  switch (entry.action) {
    case 'updated': {
      const names = entry.fields.map((f) => cardText(lang, FIELD_KEYS[f]));
      const fields = new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
      return cardText(lang, 'historyUpdated', { fields });
    }
    case 'school_linked':
      return cardText(lang, 'historyLinked', { school });
    case 'school_unlinked':
      return cardText(lang, 'historyUnlinked', { school });
  }
}

/** «История изменений»: who changed the card, what, and when, newest first. */
export function renderHistory(v: HistoryView) {
  const lang = v.lang;
  const body = v.entries.length
    ? html`<ol class="diary-history" part="history">
        ${v.entries.map(
          (e) =>
            html`<li part="history-entry">
              <p class="diary-history-what">${whatOf(lang, e)}</p>
              <p class="diary-history-who">
                ${cardText(lang, 'historyBy', {
                  who: e.actorName,
                  when: formatDate(
                    lang,
                    e.at,
                    { dateStyle: 'long', timeStyle: 'short' },
                    v.timeZone,
                  ),
                })}
              </p>
            </li>`,
        )}
      </ol>`
    : textNotice(cardText(lang, 'historyEmpty'));
  return html`<section part="section" aria-labelledby="history-heading">
    ${renderHeading(v.level, cardText(lang, 'history'), { id: 'history-heading' })} ${body}
  </section>`;
}
