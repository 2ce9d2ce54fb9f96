// What a key does in the journal's grid (the APG grid pattern, spreadsheet-like): a pure mapping
// from the key and where the focus is to an action the element carries out.

/** Something the grid does for a key. */
export type GridAction =
  | { readonly kind: 'move'; readonly row: number; readonly col: number }
  | { readonly kind: 'edit'; readonly text: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'activate' };

/** Where the focus is and how big the grid is; row −1 is the header row. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * The action for a key pressed on a grid cell (not while typing in it); `undefined` leaves the
 * key to the browser (Tab leaves the grid: it is one Tab stop).
 *
 * @example
 * gridKey({ key: 'ArrowRight' }, { row: 0, col: 0, rows: 30, cols: 40 }); // move to col 1
 */
export function gridKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  at: GridPosition,
): GridAction | undefined {
  const move = (row: number, col: number): GridAction => ({
    kind: 'move',
    row: clamp(row, -1, at.rows - 1),
    col: clamp(col, 0, at.cols - 1),
  });
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && event.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (ctrl && event.key.toLowerCase() === 'я') return { kind: 'undo' };
  switch (event.key) {
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowLeft':
      return move(at.row, at.col - 1);
    case 'ArrowRight':
      return move(at.row, at.col + 1);
    case 'Home':
      return move(ctrl ? 0 : at.row, 0);
    case 'End':
      return move(ctrl ? at.rows - 1 : at.row, at.cols - 1);
    case 'PageUp':
      return move(at.row - 10, at.col);
    case 'PageDown':
      return move(at.row + 10, at.col);
    case 'Enter':
    case 'F2':
    case ' ':
      return { kind: 'activate' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
  }
  if (!ctrl && !event.altKey && event.key.length === 1) return { kind: 'edit', text: event.key };
  return undefined;
}
