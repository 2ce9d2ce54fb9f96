// The chart benchmark's peer: the same picture drawn by uPlot (leeoniya/uPlot, canvas 2D), as a
// page developer would build it from the same marks — every subject's moving average over its
// last 5 marks as a line (the chosen subject in colour, the others faint), and the chosen
// subject's marks as points, on a time axis fitted to the marks and a 1–5 value axis, with
// uPlot's legend as the subject list. Turning the marks into uPlot's columns is part of the
// timed work, as building its series is for the widget: both start from the marks in hand.
import type { Mark } from '@school-diary/core';
import uPlot from 'uplot';

const HEIGHT = 280;

/** Draws the marks with uPlot into `host`; resolves once uPlot has drawn. */
export function uplotChart(
  host: HTMLElement,
  marks: readonly Mark[],
  chosen: string,
): Promise<void> {
  // The days with marks, in order (one Map lookup per change of date string).
  const dayIndex = new Map<string, number>();
  let lastDate = '';
  for (let k = 0; k < marks.length; k += 1) {
    const date = (marks[k] as Mark).date;
    if (date === lastDate) continue;
    lastDate = date;
    if (!dayIndex.has(date)) dayIndex.set(date, 0);
  }
  const days = [...dayIndex.keys()].sort();
  days.forEach((d, i) => dayIndex.set(d, i));
  const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const n = days.length;

  // Per subject: a window of its last 5 counted marks and the moving average at each day's end.
  interface Line {
    name: string;
    ys: (number | null)[];
    values: Int8Array;
    weights: Float64Array;
    count: number;
  }
  const lines = new Map<string, Line>();
  const dots: (number | null)[][] = [1, 2, 3, 4, 5].map(() =>
    new Array<number | null>(n).fill(null),
  );
  let day = 0;
  lastDate = '';
  for (let k = 0; k < marks.length; k += 1) {
    const mark = marks[k] as Mark;
    const v = mark.value;
    const w = mark.weight;
    if (!(w > 0) || (v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5)) continue;
    if (mark.date !== lastDate) {
      lastDate = mark.date;
      day = dayIndex.get(lastDate) as number;
    }
    let line = lines.get(mark.subjectId);
    if (!line) {
      line = {
        name: mark.subjectName,
        ys: new Array<number | null>(n).fill(null),
        values: new Int8Array(5),
        weights: new Float64Array(5),
        count: 0,
      };
      lines.set(mark.subjectId, line);
    }
    const slot = line.count % 5;
    line.values[slot] = v;
    line.weights[slot] = w;
    line.count += 1;
    let sum = 0;
    let total = 0;
    for (let i = Math.min(5, line.count) - 1; i >= 0; i -= 1) {
      sum += (line.values[i] as number) * (line.weights[i] as number);
      total += line.weights[i] as number;
    }
    line.ys[day] = sum / total;
    if (mark.subjectId === chosen) (dots[v - 1] as (number | null)[])[day] = v;
  }
  const collator = new Intl.Collator('ru');
  const ordered = [...lines.entries()].sort((a, b) => collator.compare(a[1].name, b[1].name));
  const colour = '#0d4cd3';
  const series: uPlot.Series[] = [
    {},
    ...ordered.map(([id, line]) => ({
      label: line.name,
      stroke: id === chosen ? colour : 'rgba(94, 104, 117, 0.45)',
      width: id === chosen ? 2.5 : 1.25,
      spanGaps: true,
      points: { show: false },
    })),
    ...[1, 2, 3, 4, 5].map((v) => ({
      label: `${v}`,
      stroke: colour,
      fill: colour,
      paths: () => null,
      points: { show: true, size: 8, fill: colour },
    })),
  ];
  const data = [xs, ...ordered.map(([, line]) => line.ys), ...dots] as uPlot.AlignedData;
  const width = Math.round(host.clientWidth) || 720;
  return new Promise((resolve) => {
    new uPlot(
      {
        width,
        height: HEIGHT,
        series,
        scales: { x: { time: true }, y: { range: [1, 5] } },
        hooks: { draw: [() => resolve()] },
      },
      data,
      host,
    );
  });
}
