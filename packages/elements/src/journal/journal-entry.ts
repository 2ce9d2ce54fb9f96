// Typing in a cell: the cell's text box (Enter and Tab save and move on, Escape leaves), a text
// that is no mark kept with its error, and the quick-entry keys for pointer and touch.
import { html, nothing } from 'lit';
import type { JournalContext } from './journal-context';
import { EMPTY, parseEntry } from './journal-model';
import { setCell, undo } from './journal-saves';
import { journalText } from './journal-text';

/** Opens the active cell's text box with a text (a writable journal only). */
export function startEditing(ctx: JournalContext, text: string): void {
  if (!ctx.journal?.writable) return;
  ctx.editing = { ...ctx.active, text };
}

/** The text box's `input`. */
export function onEntryInput(ctx: JournalContext, event: InputEvent): void {
  const text = (event.target as HTMLInputElement).value;
  if (ctx.editing) ctx.editing = { ...ctx.editing, text };
}

/** The text box's keys: Enter and Tab save and move on (with Shift back), Escape leaves. */
export function onEntryKey(ctx: JournalContext, event: KeyboardEvent): void {
  const editing = ctx.editing;
  if (!editing) return;
  const moves: Record<string, [number, number] | undefined> = {
    Enter: [event.shiftKey ? -1 : 1, 0],
    Tab: [0, event.shiftKey ? -1 : 1],
  };
  if (event.key === 'Escape') {
    event.preventDefault();
    ctx.editing = undefined;
    ctx.focusCell();
    return;
  }
  const step = moves[event.key];
  if (!step) return;
  event.preventDefault();
  const next = parseEntry(editing.text);
  if (!next) {
    ctx.editing = {
      ...editing,
      error: journalText(ctx.lang, 'badEntry', { text: editing.text }),
    };
    return;
  }
  ctx.editing = undefined;
  void setCell(ctx, editing.row, editing.col, next);
  const rows = ctx.journal?.students.length ?? 1;
  const cols = ctx.journal?.lessons.length ?? 1;
  ctx.active = {
    row: Math.min(rows - 1, Math.max(0, editing.row + step[0])),
    col: Math.min(cols - 1, Math.max(0, editing.col + step[1])),
  };
  ctx.focusCell();
}

/** A quick-entry key: fills (or with `''` clears) the active cell. */
function onKeypad(ctx: JournalContext, text: string): void {
  const { row, col } = ctx.active;
  if (row < 0 || col >= (ctx.journal?.lessons.length ?? 0)) return;
  const next = text === '' ? EMPTY : parseEntry(text);
  if (next) void setCell(ctx, row, col, next);
  ctx.focusCell();
}

const KEYS = ['5', '4', '3', '2', 'н', 'б', 'оп', 'оз'];

/** The toolbar: quick-entry keys, undo, and how many changes wait for the server. */
export function renderToolbar(ctx: JournalContext, unsaved: number) {
  const lang = ctx.lang;
  const label = (k: string) =>
    parseEntry(k)?.absence ? journalText(lang, parseEntry(k)?.absence ?? 'late') : k;
  const key = (text: string, name: string) =>
    html`<button
      type="button"
      class="diary-button diary-button--secondary"
      part="button key"
      @click=${() => onKeypad(ctx, text)}
    >
      ${name}
    </button>`;
  return html`<div class="toolbar">
    <div class="keypad" part="keypad" role="group" aria-label=${journalText(lang, 'keypad')}>
      ${KEYS.map((k) => key(k, label(k)))} ${key('', journalText(lang, 'clear'))}
    </div>
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button undo"
      ?disabled=${!ctx.lastChange}
      @click=${() => void undo(ctx)}
    >
      ${journalText(lang, 'undo')}
    </button>
    ${
      unsaved > 0
        ? html`<span class="unsaved">${journalText(lang, 'unsaved', { count: unsaved })}</span>`
        : nothing
    }
  </div>`;
}
