// The grid's keyboard and pointer: keys on a cell (journal-keys.ts maps them to actions), a cell
// focused another way, clicks and double clicks.
import type { JournalContext } from './journal-context';
import { startEditing } from './journal-entry';
import { confirmFinal } from './journal-final';
import { gridKey } from './journal-keys';
import { openLesson } from './journal-lesson-panel';
import { EMPTY, cellText } from './journal-model';
import { contentAt, setCell, undo } from './journal-saves';

/** Makes a cell the active one and focuses it after the next render. */
function moveTo(ctx: JournalContext, row: number, col: number): void {
  ctx.active = { row, col };
  ctx.focusCell();
}

/** A key on a grid cell (keys typed into a cell's text box are the editor's). */
export function onGridKey(ctx: JournalContext, event: KeyboardEvent): void {
  const journal = ctx.journal;
  const target = event.target as HTMLElement;
  if (ctx.editing || !journal || target.localName === 'input' || target.closest('form')) return;
  const { row, col } = ctx.active;
  const rows = journal.students.length;
  const cols = journal.lessons.length + 1;
  const action = gridKey(event, { row, col, rows, cols });
  if (!action) return;
  event.preventDefault();
  const onLesson = col < journal.lessons.length;
  switch (action.kind) {
    case 'move':
      moveTo(ctx, action.row, action.col);
      return;
    case 'undo':
      void undo(ctx);
      return;
    case 'activate':
      if (row < 0) openLesson(ctx, col);
      else if (!onLesson) void confirmFinal(ctx, row);
      else startEditing(ctx, cellText(ctx.lang, contentAt(ctx, row, col)));
      return;
    case 'clear':
      if (row >= 0 && onLesson) void setCell(ctx, row, col, EMPTY);
      return;
    case 'edit':
      if (row >= 0 && onLesson) startEditing(ctx, action.text);
  }
}

/** A cell focused another way (a script, assistive technology) becomes the active one. */
export function onGridFocus(ctx: JournalContext, event: FocusEvent): void {
  const target = event.target as HTMLElement;
  const row = target.closest<HTMLElement>('tr')?.dataset.r;
  if (target.dataset.c === undefined || row === undefined) return;
  const at = { row: Number(row), col: Number(target.dataset.c) };
  if (at.row !== ctx.active.row || at.col !== ctx.active.col) ctx.active = at;
}

/** A click makes a cell active; on a lesson's head it opens the lesson, twice types in a cell. */
export function onGridClick(ctx: JournalContext, event: MouseEvent): void {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-c]');
  const row = target?.closest<HTMLElement>('tr')?.dataset.r;
  if (!target || row === undefined || target.classList.contains('editing')) return;
  const at = { row: Number(row), col: Number(target.dataset.c) };
  const again = at.row === ctx.active.row && at.col === ctx.active.col;
  ctx.editing = undefined;
  moveTo(ctx, at.row, at.col);
  if (at.row < 0 && at.col < (ctx.journal?.lessons.length ?? 0)) openLesson(ctx, at.col);
  else if (again && event.detail >= 2)
    startEditing(ctx, cellText(ctx.lang, contentAt(ctx, at.row, at.col)));
}
