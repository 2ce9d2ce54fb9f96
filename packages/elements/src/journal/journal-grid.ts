// The journal's grid: pupils by lessons, the final column; one Tab stop, the focus moved by the
// element (roving tabindex, set on the active cell after each render). Only the lesson columns
// in view are rendered (journal-columns.ts): spacers stand for the others, and every rendered
// cell carries its `aria-colindex` so assistive technology knows where it is in the whole grid.
import type { Journal, JournalLesson, JournalStudent, Lang } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { formatDate } from '../shared/dates';
import { personName } from '../shared/person-name';
import { COLUMN_PX, type ColumnSlot } from './journal-columns';
import type { GridCells } from './journal-cells';
import { cellText, type GridCell, type RowAverage } from './journal-model';
import { journalText } from './journal-text';

/** What the grid shows and where the teacher is. */
export interface GridView {
  readonly lang: Lang;
  readonly journal: Journal;
  readonly cells: GridCells;
  /** The lesson columns rendered and the spacers between them (the same array while unchanged). */
  readonly slots: readonly ColumnSlot[];
  readonly averages: ReadonlyMap<string, RowAverage>;
  /** The cell being typed in, with its text so far. */
  readonly editing: { row: number; col: number; text: string; error?: string } | undefined;
  readonly onInput: (event: InputEvent) => void;
  readonly onEditKey: (event: KeyboardEvent) => void;
  /** Confirms a pupil's suggested final mark (a teacher with a period only). */
  readonly onConfirm: ((row: number) => void) | undefined;
}

/** The rendered cell of a grid position (row −1 is the head row; the last column the final). */
export const cellElement = (
  table: HTMLTableElement,
  row: number,
  col: number,
): HTMLElement | null =>
  table.rows[row + 1]?.querySelector<HTMLElement>(`:scope > [data-c="${col}"]`) ?? null;

/** A lesson's date as a column head: `24.11`. */
export const shortDate = (lang: Lang, date: string): string =>
  formatDate(lang, date, { day: '2-digit', month: '2-digit' }, 'UTC');

const average = (lang: Lang, value: number | null) =>
  value === null ? '—' : value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');

/** A spacer standing for `span` lesson columns that are not rendered. */
const renderGap = (slot: Extract<ColumnSlot, { kind: 'gap' }>) => {
  const width = `${slot.span * COLUMN_PX}px`;
  return html`<td
    class="gap"
    aria-hidden="true"
    style=${styleMap({ inlineSize: width, minInlineSize: width, maxInlineSize: width })}
  ></td>`;
};

const slotKey = (slot: ColumnSlot) => (slot.kind === 'lesson' ? slot.col : `g${slot.from}`);

function renderHead(view: GridView): TemplateResult {
  const { lang, journal } = view;
  return html`<thead>
    <tr data-r="-1" aria-rowindex="1">
      <th scope="col" class="corner" aria-colindex="1">${journalText(lang, 'pupil')}</th>
      ${repeat(view.slots, slotKey, (slot) =>
        slot.kind === 'gap'
          ? renderGap(slot)
          : renderLessonHead(lang, journal.lessons[slot.col], slot.col),
      )}
      <th
        scope="col"
        data-c=${journal.lessons.length}
        aria-colindex=${journal.lessons.length + 2}
        tabindex="-1"
        class="final-head"
      >
        ${journalText(lang, 'average')} / ${journalText(lang, 'final')}
      </th>
    </tr>
  </thead>`;
}

function renderLessonHead(lang: Lang, lesson: JournalLesson | undefined, c: number) {
  if (!lesson) return nothing;
  const test = lesson.kind === 'test' || lesson.weight > 1;
  return html`<th
    scope="col"
    data-c=${c}
    aria-colindex=${c + 2}
    tabindex="-1"
    class=${test ? 'lesson test' : 'lesson'}
    title=${lesson.topic ?? nothing}
  >
    ${shortDate(lang, lesson.date)}${test ? html`<span class="weight">×${lesson.weight}</span>` : ''}
  </th>`;
}

/** The text box of the cell being typed in. */
function renderEntry(view: GridView, editing: NonNullable<GridView['editing']>) {
  return html`<input
    class="entry"
    part="entry"
    .value=${editing.text}
    aria-invalid=${editing.error ? 'true' : 'false'}
    aria-describedby=${editing.error ? 'entry-error' : nothing}
    aria-label=${journalText(view.lang, 'gridLabel')}
    autocomplete="off"
    @input=${view.onInput}
    @keydown=${view.onEditKey}
  />`;
}

// One cell element whether typed in or not: opening and leaving the text box change its content,
// and the focused cell is never taken out of the document.
function renderCell(view: GridView, row: number, col: number, cell: GridCell | undefined) {
  const editing = view.editing?.row === row && view.editing.col === col ? view.editing : undefined;
  return html`<td
    data-c=${col}
    aria-colindex=${col + 2}
    tabindex="-1"
    class=${editing ? 'editing' : (cell?.state ?? 'empty')}
  >
    ${editing ? renderEntry(view, editing) : cellText(view.lang, cell)}
  </td>`;
}

function renderFinal(view: GridView, row: number, childId: string): TemplateResult {
  const { lang, journal } = view;
  const pupil = journal.students[row];
  const local = view.averages.get(childId);
  const suggested = local?.suggested ?? null;
  const final = pupil?.final;
  return html`<td
    data-c=${journal.lessons.length}
    aria-colindex=${journal.lessons.length + 2}
    tabindex="-1"
    class="final"
  >
    <span class="average">${average(lang, local?.average ?? null)}</span>
    ${
      final !== undefined
        ? html`<strong class="final-mark">${String(final)}</strong>`
        : suggested !== null
          ? html`<span class="suggested"
                >${journalText(lang, 'suggested', { mark: suggested })}</span
              >
              ${
                view.onConfirm
                  ? html`<button
                      type="button"
                      tabindex="-1"
                      class="confirm"
                      part="button confirm"
                      @click=${() => view.onConfirm?.(row)}
                    >
                      ${journalText(lang, 'confirm', { mark: suggested })}
                    </button>`
                  : nothing
              }`
          : nothing
    }
  </td>`;
}

/**
 * A pupil's row, rendered again only when something it shows changed: its cells (the row's
 * object, which a change of another pupil's cell leaves alone), the columns, the text box, the
 * average. Typing a mark redraws one row of the ~35, and only its rendered columns.
 */
function renderRow(
  view: GridView,
  r: number,
  pupil: JournalStudent,
  lessonIds: readonly unknown[],
) {
  const { lang, journal } = view;
  const row = view.cells.row(pupil.id);
  const local = view.averages.get(pupil.id);
  const editing = view.editing?.row === r ? view.editing : undefined;
  const deps = [
    lang,
    pupil,
    row,
    editing,
    local?.average,
    local?.suggested,
    view.onConfirm === undefined,
    view.slots,
    ...lessonIds,
  ];
  return guard(
    deps,
    () =>
      html`<tr data-r=${r} aria-rowindex=${r + 2}>
        <th scope="row" class="name" aria-colindex="1">
          ${personName({ lastName: pupil.lastName, firstName: pupil.firstName })}
        </th>
        ${repeat(view.slots, slotKey, (slot) =>
          slot.kind === 'gap'
            ? renderGap(slot)
            : renderCell(view, r, slot.col, row.get(journal.lessons[slot.col]?.id ?? '')),
        )}
        ${renderFinal(view, r, pupil.id)}
      </tr>`,
  );
}

/**
 * The grid: a header row of lessons, a row per pupil (name, cells, average and final).
 *
 * @example
 * renderGrid({ lang, journal, cells, slots, averages, editing, onInput, onEditKey, onConfirm });
 */
export function renderGrid(view: GridView): TemplateResult {
  const { lang, journal } = view;
  // The lessons of the rendered columns (and how many there are) as every row shows them.
  const lessonIds = [
    journal.lessons.length,
    ...view.slots.map((slot) =>
      slot.kind === 'lesson' ? journal.lessons[slot.col]?.id : undefined,
    ),
  ];
  return html`<table
    role="grid"
    part="grid"
    aria-label=${journalText(lang, 'gridLabel')}
    aria-rowcount=${journal.students.length + 1}
    aria-colcount=${journal.lessons.length + 2}
    aria-readonly=${journal.writable ? 'false' : 'true'}
  >
    ${guard([lang, journal.lessons, view.slots], () => renderHead(view))}
    <tbody>
      ${journal.students.map((pupil, r) => renderRow(view, r, pupil, lessonIds))}
    </tbody>
  </table>`;
}
