/// <reference types="mocha" />
// The chart's one-pass model gives core's numbers: the moving average and the trend of every
// subject equal core's `movingAverage` and `trend` bit for bit, sorted or shuffled input, with
// marks that do not count, and a bad weight is rejected as core rejects it.
import { expect } from '@open-wc/testing';
import {
  GradeAverageError,
  movingAverage,
  trend,
  type Mark,
  type MarkValue,
} from '@school-diary/core';
import { dayMs } from '../shared/day-format';
import { buildSeries, extentOf, seriesTrend, timeTicks } from './timeline-model';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

const VALUES: readonly MarkValue[] = [1, 2, 3, 4, 5, 'pass', 'fail'];

function marksOf(count: number, seed: number): Mark[] {
  const rnd = random(seed);
  const marks: Mark[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = Math.floor((i / count) * 60);
    const date = new Date(Date.UTC(2026, 8, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const subject = Math.floor(rnd() * 4);
    marks.push({
      id: `m${i}`,
      childId: 'c',
      subjectId: `s${subject}`,
      subjectName: ['Физика', 'Алгебра', 'Химия', 'Биология'][subject] as string,
      value: VALUES[Math.floor(rnd() * VALUES.length)] as MarkValue,
      // Fractional weights and zeros: sums that drift if added in another order.
      weight: [0, 0.3, 1, 1.7, 2, 3][Math.floor(rnd() * 6)] as number,
      kind: 'classwork',
      date,
      teacherId: 't',
      teacherName: 'T',
      createdAt: `${date}T09:00:00.000Z`,
      updatedAt: `${date}T09:00:00.000Z`,
    });
  }
  return marks;
}

function expectCoreNumbers(marks: readonly Mark[], window: number): void {
  const series = buildSeries(marks, window);
  const names = [...new Set(marks.map((m) => m.subjectName))];
  expect(series.map((s) => s.subjectName)).to.deep.equal(
    names.sort(new Intl.Collator('ru').compare),
  );
  for (const s of series) {
    const mine = marks.filter((m) => m.subjectId === s.subjectId);
    expect(s.moving).to.deep.equal(
      movingAverage(mine, { window }).map((p) => ({ x: dayMs(p.date), y: p.average })),
    );
    expect(s.trend).to.deep.equal(trend(mine));
    expect(seriesTrend(s, -Infinity, Infinity)).to.deep.equal(trend(mine));
    // A zoomed range: the trend of the marks in it.
    const from = Date.UTC(2026, 8, 10);
    const to = Date.UTC(2026, 9, 5);
    const inRange = mine.filter((m) => dayMs(m.date) >= from && dayMs(m.date) <= to);
    expect(seriesTrend(s, from, to)).to.deep.equal(trend(inRange));
    // Every counted mark is behind exactly one point, in date order; a point's count and first
    // mark are those of its list, which holds marks of its date and value only.
    expect(s.points.reduce((n, p) => n + p.marks.length, 0)).to.equal(s.counted.length);
    for (const p of s.points) {
      expect(p.count).to.equal(p.marks.length);
      expect(p.first).to.equal(p.marks[0]);
      expect(p.marks.every((m) => m.value === p.value && dayMs(m.date) === p.x)).to.equal(true);
    }
    expect(
      s.points.every((p, i, all) => i === 0 || (all[i - 1] as { x: number }).x <= p.x),
    ).to.equal(true);
  }
}

describe('timeline-model', () => {
  it('gives core’s moving average and trend for marks in date order', () => {
    for (const window of [1, 3, 5, 12]) expectCoreNumbers(marksOf(600, 3), window);
  });

  it('gives the same numbers for marks in any order (a stable date sort)', () => {
    const marks = marksOf(400, 9);
    const rnd = random(5);
    const shuffled = [...marks].sort(() => rnd() - 0.5);
    expectCoreNumbers(shuffled, 5);
  });

  it('leaves out marks that do not count and subjects without any', () => {
    const marks = marksOf(50, 1).map((m) => ({ ...m, value: 'pass' as const }));
    expect(buildSeries(marks, 5)).to.deep.equal([]);
    const zero = marksOf(50, 2).map((m) => ({ ...m, weight: 0 }));
    expect(buildSeries(zero, 5)).to.deep.equal([]);
    expect(buildSeries([], 5)).to.deep.equal([]);
  });

  it('rejects a bad weight as core does', () => {
    for (const weight of [Number.NaN, -1, Infinity]) {
      const marks = marksOf(10, 4);
      (marks[3] as { weight: number }).weight = weight;
      expect(() => buildSeries(marks, 5)).to.throw(GradeAverageError);
    }
  });
});

describe('the chart’s date axis', () => {
  const day = (iso: string) => dayMs(iso);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it('spans the marks within a range, not the calendar', () => {
    const series = buildSeries(marksOf(300, 3), 5);
    const counted = series.flatMap((s) => s.counted.map((m) => m.date)).sort();
    expect(extentOf(series)).to.deep.equal({
      from: day(counted[0] as string),
      to: day(counted.at(-1) as string),
    });
    const within = extentOf(series, day('2026-09-10'), day('2026-09-20'));
    expect(iso(within?.from ?? 0) >= '2026-09-10').to.equal(true);
    expect(iso(within?.to ?? 0) <= '2026-09-20').to.equal(true);
    expect(extentOf(series, day('2027-01-01'), day('2027-02-01'))).to.equal(undefined);
  });

  it('puts the finest ticks that fit: months over a term, Mondays or days over weeks', () => {
    const term = timeTicks(day('2026-09-01'), day('2026-12-05'), 5);
    expect(term.months).to.equal(true);
    expect(term.ticks.map(iso)).to.deep.equal([
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    const phone = timeTicks(day('2026-09-01'), day('2027-05-31'), 4);
    expect(phone.ticks.length).to.be.at.most(4);
    expect(phone.ticks.map(iso).every((d) => d.endsWith('-01'))).to.equal(true);
    const weeks = timeTicks(day('2026-10-01'), day('2026-10-31'), 6);
    expect(weeks.months).to.equal(false);
    expect(weeks.ticks.every((t) => new Date(t).getUTCDay() === 1)).to.equal(true);
    expect(timeTicks(day('2026-10-01'), day('2026-10-05'), 10).ticks).to.have.length(5);
  });
});
