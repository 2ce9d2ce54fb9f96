/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { finalMark, roundAverage, weightedAverage } from '@school-diary/core';
import { GridCells, RowAverages } from './journal-cells';
import type { GridCell } from './journal-model';

const mark = (value: 2 | 3 | 4 | 5, weight = 1): GridCell => ({
  marks: [value],
  weights: [weight],
  absence: null,
  seen: null,
  state: 'saved',
});

const lessons = [
  { id: 'les_1', weight: 1 },
  { id: 'les_2', weight: 2 },
  { id: 'les_3', weight: 1 },
];

describe('journal cells', () => {
  const cells = GridCells.from([
    { childId: 'chd_a', lessonId: 'les_1', cell: mark(5) },
    { childId: 'chd_a', lessonId: 'les_2', cell: mark(3, 2) },
    { childId: 'chd_b', lessonId: 'les_1', cell: mark(4) },
  ]);

  it('finds a cell by pupil and lesson, nothing in a cell never set', () => {
    expect(cells.get('chd_a', 'les_2')?.marks).to.deep.equal([3]);
    expect(cells.get('chd_b', 'les_2')).to.equal(undefined);
    expect(cells.get('chd_z', 'les_1')).to.equal(undefined);
    expect([...cells.row('chd_z')]).to.deep.equal([]);
  });

  it('copies only the row of the pupil whose cell changed, leaving the others as they were', () => {
    const next = cells.with([{ childId: 'chd_b', lessonId: 'les_3', cell: mark(2) }]);
    expect(next.row('chd_a')).to.equal(cells.row('chd_a'));
    expect(next.row('chd_b')).to.not.equal(cells.row('chd_b'));
    expect(next.get('chd_b', 'les_3')?.marks).to.deep.equal([2]);
    expect(next.get('chd_b', 'les_1')?.marks).to.deep.equal([4]);
    // The cells it was made from are unchanged.
    expect(cells.get('chd_b', 'les_3')).to.equal(undefined);
    // No change: the same cells.
    expect(cells.with([])).to.equal(cells);
    // Two changes of one cell: the later one stands.
    const twice = cells.with([
      { childId: 'chd_c', lessonId: 'les_1', cell: mark(2) },
      { childId: 'chd_c', lessonId: 'les_1', cell: mark(5) },
    ]);
    expect(twice.get('chd_c', 'les_1')?.marks).to.deep.equal([5]);
  });

  it("works out a row's average again only when its cells or the lessons changed", () => {
    const averages = new RowAverages();
    const a = averages.of(cells.row('chd_a'), lessons);
    const expected = roundAverage(
      weightedAverage([
        { value: 5, weight: 1 },
        { value: 3, weight: 2 },
      ]) ?? 0,
    );
    expect(a).to.deep.equal({ average: expected, suggested: finalMark(expected) });
    expect(averages.of(cells.row('chd_a'), lessons)).to.equal(a);

    const next = cells.with([{ childId: 'chd_a', lessonId: 'les_3', cell: mark(2) }]);
    const b = averages.of(cells.row('chd_b'), lessons);
    expect(averages.of(next.row('chd_b'), lessons)).to.equal(b);
    const changed = averages.of(next.row('chd_a'), lessons);
    expect(changed).to.not.equal(a);
    expect(changed.average).to.be.lessThan(a.average ?? 0);
    // Another list of lessons (one of them may weigh differently now): worked out again.
    expect(averages.of(next.row('chd_b'), [...lessons])).to.not.equal(b);
    expect(averages.of(cells.row('chd_z'), lessons)).to.deep.equal({
      average: null,
      suggested: null,
    });
  });
});
