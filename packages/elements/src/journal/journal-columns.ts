// Which lesson columns the grid renders: those in view plus an overscan on each side, and the
// active one wherever it is (so the focus and the text box being typed in are never removed).
// The columns between are one empty spacer cell each, as wide as the columns they stand for, so
// the table keeps its full width and the scroll extent is known without laying out every cell —
// the padding-cell approach of TanStack Virtual's table examples, with its `rangeExtractor` idea
// of indices that always stay rendered. Lesson columns have one fixed width, so no measuring.
// Plain functions: no DOM.

/** The width of a lesson column in CSS pixels (borders included). */
export const COLUMN_PX = 56;

/** Columns rendered beyond each side of the view. */
export const OVERSCAN = 6;

/** A run of lesson columns, `start` included, `end` not. */
export interface ColumnRange {
  readonly start: number;
  readonly end: number;
}

/** Where the grid's region is scrolled to and how wide it is, in CSS pixels. */
export interface ColumnViewport {
  readonly scrollLeft: number;
  readonly width: number;
}

/**
 * The lesson columns a viewport shows (the sticky name and final columns ignored: they only cover
 * some of them, so this is a superset).
 *
 * @example
 * columnsInView({ scrollLeft: 112, width: 560 }, 170); // { start: 2, end: 12 }
 */
export function columnsInView(viewport: ColumnViewport, total: number): ColumnRange {
  const left = Math.max(0, Math.abs(viewport.scrollLeft));
  const start = Math.min(total, Math.floor(left / COLUMN_PX));
  const end = Math.min(total, Math.ceil((left + Math.max(0, viewport.width)) / COLUMN_PX));
  return { start, end: Math.max(start, end) };
}

/**
 * The columns to render for a viewport: the current ones while they still cover the view with a
 * column to spare on each side (so scrolling re-renders the rows every few columns, not every
 * pixel), else the view with `OVERSCAN` columns on each side.
 *
 * @example
 * renderedColumns(undefined, { scrollLeft: 0, width: 560 }, 170); // { start: 0, end: 16 }
 */
export function renderedColumns(
  current: ColumnRange | undefined,
  viewport: ColumnViewport,
  total: number,
): ColumnRange {
  const view = columnsInView(viewport, total);
  const need = { start: Math.max(0, view.start - 1), end: Math.min(total, view.end + 1) };
  if (current && current.end <= total && current.start <= need.start && current.end >= need.end)
    return current;
  return {
    start: Math.max(0, view.start - OVERSCAN),
    end: Math.min(total, view.end + OVERSCAN),
  };
}

/** A cell position of a row: a lesson column, or a spacer for `span` columns not rendered. */
export type ColumnSlot =
  | { readonly kind: 'lesson'; readonly col: number }
  | { readonly kind: 'gap'; readonly from: number; readonly span: number };

/**
 * The kept columns (the active one, the one being typed in) that the range leaves out, once each
 * and in order: all that a row's cells add to the range.
 *
 * @example
 * keptOutside(10, { start: 2, end: 4 }, [7, 3, 7, 10]); // [7]
 */
export function keptOutside(total: number, range: ColumnRange, keep: readonly number[]): number[] {
  const outside = keep.filter(
    (c) => Number.isInteger(c) && c >= 0 && c < total && (c < range.start || c >= range.end),
  );
  return [...new Set(outside)].sort((a, b) => a - b);
}

/**
 * A row's lesson cells in order: the range's columns and the kept ones (the active column), with
 * a spacer wherever columns are left out.
 *
 * @example
 * columnSlots(10, { start: 2, end: 4 }, [7]);
 * // gap 0–1, lessons 2 and 3, gap 4–6, lesson 7, gap 8–9
 */
export function columnSlots(
  total: number,
  range: ColumnRange,
  keep: readonly number[] = [],
): ColumnSlot[] {
  const shown = new Set<number>();
  for (let c = Math.max(0, range.start); c < Math.min(total, range.end); c += 1) shown.add(c);
  for (const c of keptOutside(total, range, keep)) shown.add(c);
  const slots: ColumnSlot[] = [];
  let next = 0;
  for (const col of [...shown].sort((a, b) => a - b)) {
    if (col > next) slots.push({ kind: 'gap', from: next, span: col - next });
    slots.push({ kind: 'lesson', col });
    next = col + 1;
  }
  if (next < total) slots.push({ kind: 'gap', from: next, span: total - next });
  return slots;
}

/** Whether two ranges are the same. */
export const sameRange = (a: ColumnRange | undefined, b: ColumnRange | undefined): boolean =>
  a?.start === b?.start && a?.end === b?.end;

/**
 * The `scrollLeft` that brings a lesson column fully into a view `width` wide whose lesson part
 * starts `before` pixels in (the sticky names) and ends `after` pixels early (the sticky final
 * column); the same `scrollLeft` when it is already in view.
 *
 * @example
 * scrollToColumn(20, { scrollLeft: 0, width: 700 }, { before: 176, after: 144 }); // 796
 */
export function scrollToColumn(
  col: number,
  viewport: ColumnViewport,
  sticky: { readonly before: number; readonly after: number },
): number {
  const left = col * COLUMN_PX;
  const room = Math.max(COLUMN_PX, viewport.width - sticky.before - sticky.after);
  if (left < viewport.scrollLeft) return left;
  if (left + COLUMN_PX > viewport.scrollLeft + room) return left + COLUMN_PX - room;
  return viewport.scrollLeft;
}
