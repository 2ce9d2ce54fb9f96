/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  COLUMN_PX,
  OVERSCAN,
  columnSlots,
  columnsInView,
  keptOutside,
  renderedColumns,
  scrollToColumn,
} from './journal-columns';

describe('journal columns', () => {
  it('finds the lesson columns a scrolled view shows, partly shown ones included', () => {
    expect(columnsInView({ scrollLeft: 0, width: 5 * COLUMN_PX }, 170)).to.deep.equal({
      start: 0,
      end: 5,
    });
    expect(columnsInView({ scrollLeft: 2.5 * COLUMN_PX, width: 3 * COLUMN_PX }, 170)).to.deep.equal(
      { start: 2, end: 6 },
    );
    // Past the end (an overscrolled trackpad) and wider than the grid.
    expect(columnsInView({ scrollLeft: 200 * COLUMN_PX, width: 400 }, 170)).to.deep.equal({
      start: 170,
      end: 170,
    });
    expect(columnsInView({ scrollLeft: 0, width: 5000 }, 8)).to.deep.equal({ start: 0, end: 8 });
  });

  it('keeps the rendered columns while they cover the view, else renders the view with overscan', () => {
    const first = renderedColumns(undefined, { scrollLeft: 0, width: 10 * COLUMN_PX }, 170);
    expect(first).to.deep.equal({ start: 0, end: 10 + OVERSCAN });
    // A few columns on: still covered with one to spare, the same range (no re-render).
    const near = renderedColumns(first, { scrollLeft: 3 * COLUMN_PX, width: 10 * COLUMN_PX }, 170);
    expect(near).to.equal(first);
    // Further: a new range around the view.
    const far = renderedColumns(first, { scrollLeft: 40 * COLUMN_PX, width: 10 * COLUMN_PX }, 170);
    expect(far).to.deep.equal({ start: 40 - OVERSCAN, end: 50 + OVERSCAN });
    // Fewer lessons than before (another period): never a range past the end.
    expect(renderedColumns(far, { scrollLeft: 0, width: 10 * COLUMN_PX }, 12).end).to.be.at.most(
      12,
    );
  });

  it('lays a row out as rendered lessons and spacers standing for the columns left out', () => {
    expect(columnSlots(10, { start: 2, end: 4 }, [7])).to.deep.equal([
      { kind: 'gap', from: 0, span: 2 },
      { kind: 'lesson', col: 2 },
      { kind: 'lesson', col: 3 },
      { kind: 'gap', from: 4, span: 3 },
      { kind: 'lesson', col: 7 },
      { kind: 'gap', from: 8, span: 2 },
    ]);
    // The kept column inside the range, or outside the grid (the final column): no extra slot.
    expect(columnSlots(4, { start: 0, end: 4 }, [2, 4, -1])).to.deep.equal([
      { kind: 'lesson', col: 0 },
      { kind: 'lesson', col: 1 },
      { kind: 'lesson', col: 2 },
      { kind: 'lesson', col: 3 },
    ]);
    const spans = columnSlots(170, { start: 60, end: 80 }, [3]).reduce(
      (sum, s) => sum + (s.kind === 'gap' ? s.span : 1),
      0,
    );
    expect(spans).to.equal(170);
  });

  it('adds to the range only the kept columns it leaves out, once each and in order', () => {
    const range = { start: 20, end: 40 };
    expect(keptOutside(170, range, [25, 25])).to.deep.equal([]);
    expect(keptOutside(170, range, [120, 3, 120, 30, 170, -1, 2.5])).to.deep.equal([3, 120]);
    // Typing in the active column inside the range leaves the row's slots as they were.
    expect(columnSlots(170, range, [25, 25])).to.deep.equal(columnSlots(170, range, [25]));
  });

  it('scrolls a column into the part of the view the sticky columns leave free', () => {
    const view = { scrollLeft: 10 * COLUMN_PX, width: 700 };
    const sticky = { before: 176, after: 144 };
    const room = 700 - 176 - 144;
    // In view: stays.
    expect(scrollToColumn(11, view, sticky)).to.equal(view.scrollLeft);
    // Left of the view: its left edge meets the names.
    expect(scrollToColumn(4, view, sticky)).to.equal(4 * COLUMN_PX);
    // Right of the view: its right edge meets the final column.
    expect(scrollToColumn(30, view, sticky)).to.equal(31 * COLUMN_PX - room);
  });
});
