// The grid's cells held a row per pupil, so that a change costs its row and no more: setting a
// cell copies that pupil's row and leaves every other row the same object. The grid re-renders a
// row, and works its average out again, only when that object changed. Plain data: no DOM.
import type { Journal } from '@school-diary/core';
import { fromServer, rowAverage, type GridCell, type RowAverage } from './journal-model';

/** A pupil's cells by lesson id. */
export type RowCells = ReadonlyMap<string, GridCell>;

/** A cell set to a new value. */
export interface CellChange {
  readonly childId: string;
  readonly lessonId: string;
  readonly cell: GridCell;
}

const NO_CELLS: RowCells = new Map();

/**
 * The grid's cells by pupil and lesson; immutable (`with` gives a new one that shares every row
 * it did not change).
 *
 * @example
 * const cells = GridCells.from([{ childId: 'chd_1', lessonId: 'les_1', cell }]);
 * cells.with([{ childId: 'chd_1', lessonId: 'les_2', cell: other }]).row('chd_2') === cells.row('chd_2'); // true
 */
export class GridCells {
  /** No cells at all. */
  static readonly none = new GridCells(new Map());

  readonly #rows: ReadonlyMap<string, RowCells>;

  private constructor(rows: ReadonlyMap<string, RowCells>) {
    this.#rows = rows;
  }

  /** The cells of a list of changes (the later of two for one cell wins). */
  static from(changes: Iterable<CellChange>): GridCells {
    return GridCells.none.with(changes);
  }

  /** A cell, or `undefined` while it is empty and untouched. */
  get(childId: string, lessonId: string): GridCell | undefined {
    return this.#rows.get(childId)?.get(lessonId);
  }

  /** A pupil's cells: the same object until one of them changes. */
  row(childId: string): RowCells {
    return this.#rows.get(childId) ?? NO_CELLS;
  }

  /** These cells with some changed: only the rows they touch are copied. */
  with(changes: Iterable<CellChange>): GridCells {
    let rows: Map<string, RowCells> | undefined;
    const copied = new Map<string, Map<string, GridCell>>();
    for (const { childId, lessonId, cell } of changes) {
      rows ??= new Map(this.#rows);
      let row = copied.get(childId);
      if (!row) {
        row = new Map(this.#rows.get(childId));
        copied.set(childId, row);
        rows.set(childId, row);
      }
      row.set(lessonId, cell);
    }
    return rows ? new GridCells(rows) : this;
  }
}

/** The grid's cells from a journal answer. */
export const gridCells = (journal: Journal): GridCells =>
  GridCells.from(
    journal.cells.map((cell) => ({
      childId: cell.childId,
      lessonId: cell.lessonId,
      cell: fromServer(cell),
    })),
  );

/**
 * Each pupil's average and suggested final, worked out again only for a row whose cells or
 * whose lessons (their weights) changed since it was last asked for.
 */
export class RowAverages {
  readonly #known = new WeakMap<RowCells, { lessons: unknown; value: RowAverage }>();

  /** A row's average: the same object while its cells and the lessons are the same. */
  of(row: RowCells, lessons: readonly { id: string; weight: number }[]): RowAverage {
    const known = this.#known.get(row);
    if (known?.lessons === lessons) return known.value;
    const value = rowAverage(row, lessons);
    this.#known.set(row, { lessons, value });
    return value;
  }
}
