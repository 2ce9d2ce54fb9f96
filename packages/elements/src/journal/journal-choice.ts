import type { Lang } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import type { Group, WidgetClient } from '../shared/client';
import { journalText } from './journal-text';

/** One journal a teacher keeps: a class and a subject they teach in it. */
export interface JournalChoice {
  readonly classId: string;
  readonly subjectId: string;
  /** `6Г · Математика`. */
  readonly label: string;
}

/** A client that lists the signed-in teacher's classes with their subjects (an SDK client does). */
type ClassListClient = WidgetClient & { readonly classes: Group<'classes', 'list'> };

/** Whether the client can list the teacher's classes. */
export const hasClassList = (client: WidgetClient | undefined): client is ClassListClient =>
  typeof (client as Partial<ClassListClient> | undefined)?.classes?.list === 'function';

/** The journals a teacher keeps, class by class (as the server orders them), then by subject. */
export async function teacherJournals(
  client: ClassListClient,
  signal: AbortSignal,
): Promise<JournalChoice[]> {
  const { items } = await client.classes.list(undefined, { signal });
  return items.flatMap((c) =>
    (c.subjects ?? []).map((s) => ({
      classId: c.id,
      subjectId: s.id,
      label: `${c.name} · ${s.name}`,
    })),
  );
}

/** The value of a choice in the select. */
const valueOf = (c: { classId?: string | undefined; subjectId?: string | undefined }) =>
  `${c.classId ?? ''}|${c.subjectId ?? ''}`;

/** The select of the teacher's journals; `onChoose` gets the one picked. */
export function renderChoice(
  lang: Lang,
  choices: readonly JournalChoice[],
  current: { classId?: string | undefined; subjectId?: string | undefined },
  onChoose: (choice: JournalChoice) => void,
): TemplateResult {
  const selected = valueOf(current);
  return html`<p class="diary-field choice" part="field field-journal-choice">
    <label for="journal-choice">${journalText(lang, 'choice')}</label>
    <select
      id="journal-choice"
      part="input"
      @change=${(e: Event) => {
        const picked = choices.find((c) => valueOf(c) === (e.target as HTMLSelectElement).value);
        if (picked) onChoose(picked);
      }}
    >
      ${choices.map(
        (c) =>
          html`<option value=${valueOf(c)} ?selected=${valueOf(c) === selected}>
            ${c.label}
          </option>`,
      )}
    </select>
  </p>`;
}
